"""Where the Act decides the kind of resolution, it cannot be lowered; minutes signers."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.agenda import FOUNDING_AGENDA, ORDINARY_ASSEMBLY_AGENDA, standard_agenda
from coopdesk.domain.meetings.kinds import (
    MeetingKind,
    ResolutionKind,
    Subject,
    check_kind,
    required_by,
    required_kind,
)
from coopdesk.domain.meetings.rules import board_optional, check_kind_at
from coopdesk.domain.meetings.signers import check_minute_signers

R = ResolutionKind
SPECIAL_SUBJECTS = [Subject.BYLAWS_AMENDMENT, Subject.MERGER, Subject.SPLIT, Subject.DISSOLUTION,
                    Subject.SUSPENSION, Subject.CONTINUATION, Subject.EXPULSION, Subject.LEAVER_REFUND,
                    Subject.PREFERRED_INVESTMENT]


@pytest.mark.parametrize("subject", SPECIAL_SUBJECTS)
def test_the_act_names_these_for_a_special_resolution(subject):
    assert required_kind(subject) is R.SPECIAL
    assert required_by(subject) == law.SPECIAL_MAJORITY.ref
    check_kind(subject, R.SPECIAL)
    for lower in (R.ORDINARY, R.REPORT, R.ELECTION):
        with pytest.raises(Refusal) as caught:
            check_kind(subject, lower)
        assert caught.value.article == law.SPECIAL_MAJORITY.ref and caught.value.field == "kind"


def test_officer_election_is_an_election_and_removal_is_ordinary():
    assert required_kind(Subject.OFFICER_ELECTION) is R.ELECTION
    check_kind(Subject.OFFICER_ELECTION, R.ELECTION)
    for other in (R.ORDINARY, R.REPORT, R.SPECIAL):
        with pytest.raises(Refusal):
            check_kind(Subject.OFFICER_ELECTION, other)
    assert required_kind(Subject.OFFICER_REMOVAL) is R.ORDINARY
    check_kind(Subject.OFFICER_REMOVAL, R.ORDINARY)
    with pytest.raises(Refusal):
        check_kind(Subject.OFFICER_REMOVAL, R.REPORT)


@pytest.mark.parametrize("subject", [Subject.SETTLEMENT, Subject.AUDIT_REPORT, Subject.PLAN_AND_BUDGET])
def test_yearly_approvals_are_resolutions_not_reports(subject):
    with pytest.raises(Refusal):
        check_kind(subject, R.REPORT)
    check_kind(subject, R.ORDINARY)


def test_other_matters_are_the_secretarys_choice():
    assert required_by(Subject.OTHER) is None
    for kind in R:
        check_kind(Subject.OTHER, kind)


@given(st.sampled_from(list(Subject)), st.sampled_from(list(R)))
def test_an_accepted_kind_is_never_lower_than_the_law(subject, chosen):
    try:
        check_kind(subject, chosen)
    except Refusal:
        return
    assert chosen.rank >= required_kind(subject).rank


def test_every_subject_and_kind_has_a_label():
    assert all(s.label for s in Subject) and all(k.label for k in R) and all(m.label for m in MeetingKind)


def test_a_board_takes_no_special_resolution():
    with pytest.raises(Refusal):
        check_kind_at(MeetingKind.BOARD, R.SPECIAL)
    check_kind_at(MeetingKind.BOARD, R.ORDINARY)
    check_kind_at(MeetingKind.EXTRAORDINARY_ASSEMBLY, R.SPECIAL)


def test_standard_agendas_respect_the_law():
    assert [s for s, _, _ in ORDINARY_ASSEMBLY_AGENDA] == [
        Subject.SETTLEMENT, Subject.AUDIT_REPORT, Subject.PLAN_AND_BUDGET, Subject.OFFICER_ELECTION]
    assert {s for s, _, _ in FOUNDING_AGENDA} == {
        Subject.BYLAWS_ADOPTION, Subject.PLAN_AND_BUDGET, Subject.OFFICER_ELECTION, Subject.FOUNDING_EXPENSES}
    for subject, title, kind in ORDINARY_ASSEMBLY_AGENDA + FOUNDING_AGENDA:
        check_kind(subject, kind)
        assert title
    assert standard_agenda(MeetingKind.ORDINARY_ASSEMBLY) == ORDINARY_ASSEMBLY_AGENDA
    assert standard_agenda(MeetingKind.BOARD) == ()


@pytest.mark.parametrize("members, optional", [(9, True), (10, False), (3, True)])
def test_a_small_coop_may_have_no_board(members, optional):
    assert board_optional(members) is optional


@pytest.mark.parametrize("meeting", [MeetingKind.ORDINARY_ASSEMBLY, MeetingKind.FOUNDING])
def test_assembly_minutes_need_the_chair_and_three_members(meeting):
    signed = check_minute_signers(meeting, chair=1, signers=[2, 3, 4])
    assert signed.chair == 1 and signed.others == (2, 3, 4)
    with pytest.raises(Refusal) as caught:
        check_minute_signers(meeting, chair=1, signers=[1, 2, 3, 3])  # the chair and a repeat do not count
    assert caught.value.article == law.MINUTES_MIN_SIGNING_MEMBERS.ref and caught.value.params["count"] == 2
    with pytest.raises(Refusal):
        check_minute_signers(meeting, chair=None, signers=[2, 3, 4, 5])


def test_board_minutes_are_signed_by_every_attending_director():
    signed = check_minute_signers(MeetingKind.BOARD, chair=1, signers=[2, 3], attending_directors=[1, 2, 3])
    assert signed.chair == 1 and signed.others == (2, 3)
    with pytest.raises(Refusal):  # director 3 attended but does not sign
        check_minute_signers(MeetingKind.BOARD, chair=1, signers=[2], attending_directors=[1, 2, 3])
    with pytest.raises(Refusal):  # 9 did not attend
        check_minute_signers(MeetingKind.BOARD, chair=1, signers=[2, 3, 9], attending_directors=[1, 2, 3])
    with pytest.raises(Refusal):
        check_minute_signers(MeetingKind.BOARD, chair=None, signers=[], attending_directors=[])


def test_a_chair_ticked_as_a_signer_is_named_and_not_counted_among_the_three():
    from coopdesk.domain.meetings.papers import Signer
    from coopdesk.i18n import Translator, refusal_text

    chair = Signer("김민준", 1)
    with pytest.raises(Refusal) as caught:  # the list shows three ticked; two besides the chair
        check_minute_signers(MeetingKind.ORDINARY_ASSEMBLY, chair, [chair, Signer("이서연", 2), Signer("박지호", 3)])
    assert caught.value.params["count"] == 2 and caught.value.params["chair"] == "김민준"
    assert caught.value.article == law.MINUTES_MIN_SIGNING_MEMBERS.ref
    said = refusal_text(caught.value, Translator("ko"))
    assert "의장 김민준은 의장으로 서명하며 3명에 포함되지 않습니다" in said, said


def test_an_election_voted_yes_or_no_is_said_as_an_election_in_the_minutes():
    from coopdesk.domain.meetings.papers import MinutesItem, result_words
    from coopdesk.i18n import Translator

    failed = MinutesItem("감사 선출의 건", "", "", ResolutionKind.ELECTION, 15, 13, 0, 3, 8, 2, passed=False)
    said = result_words(failed, MeetingKind.ORDINARY_ASSEMBLY)
    assert said.english().endswith("not elected; the seat stays unfilled.")
    korean = Translator("ko").gettext(said.message, **said.kwargs)
    assert korean.endswith("당선되지 않아 자리가 채워지지 않음") and "부결" not in korean
