"""The one table of what the law asks of each kind of meeting: checked against LAW.md's
integer forms and against brute force, on every edge."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind, Subject
from coopdesk.domain.meetings.rules import (
    MEETING_RULES,
    Register,
    Rule,
    Threshold,
    item_choice,
    item_choices,
    rules_for,
)

ASSEMBLIES = (MeetingKind.ORDINARY_ASSEMBLY, MeetingKind.EXTRAORDINARY_ASSEMBLY)

# LAW.md "Arithmetic that must be exact", written out independently of the code.
REFERENCE_QUORUM = lambda base, present: 2 * present > base  # noqa: E731  (every kind of meeting)
REFERENCE_MAJORITY = {
    (MeetingKind.ORDINARY_ASSEMBLY, ResolutionKind.ORDINARY): lambda yes, p: 2 * yes > p,
    (MeetingKind.ORDINARY_ASSEMBLY, ResolutionKind.ELECTION): lambda yes, p: 2 * yes > p,
    (MeetingKind.ORDINARY_ASSEMBLY, ResolutionKind.SPECIAL): lambda yes, p: p > 0 and 3 * yes >= 2 * p,
    (MeetingKind.FOUNDING, ResolutionKind.ORDINARY): lambda yes, p: p > 0 and 3 * yes >= 2 * p,
    (MeetingKind.FOUNDING, ResolutionKind.SPECIAL): lambda yes, p: p > 0 and 3 * yes >= 2 * p,
    (MeetingKind.FOUNDING, ResolutionKind.ELECTION): lambda yes, p: p > 0 and 3 * yes >= 2 * p,
    (MeetingKind.BOARD, ResolutionKind.ORDINARY): lambda yes, p: 2 * yes > p,
    (MeetingKind.BOARD, ResolutionKind.ELECTION): lambda yes, p: 2 * yes > p,
}
REFERENCE_MAJORITY |= {(MeetingKind.EXTRAORDINARY_ASSEMBLY, k): f for (m, k), f in REFERENCE_MAJORITY.items()
                       if m is MeetingKind.ORDINARY_ASSEMBLY}

counts = st.integers(0, 2_000)


def test_the_table_has_one_entry_per_kind_of_meeting():
    assert set(MEETING_RULES) == set(MeetingKind)
    assert {k: r.register for k, r in MEETING_RULES.items()} == {
        MeetingKind.FOUNDING: Register.CONSENTERS, MeetingKind.ORDINARY_ASSEMBLY: Register.MEMBERS,
        MeetingKind.EXTRAORDINARY_ASSEMBLY: Register.MEMBERS, MeetingKind.BOARD: Register.DIRECTORS}


@pytest.mark.parametrize("kind, quorum_ref, majority_refs", [
    (MeetingKind.ORDINARY_ASSEMBLY, law.ASSEMBLY_QUORUM.ref,
     {ResolutionKind.ORDINARY: law.ORDINARY_MAJORITY.ref, ResolutionKind.SPECIAL: law.SPECIAL_MAJORITY.ref}),
    (MeetingKind.FOUNDING, law.FOUNDING_QUORUM.ref,
     {ResolutionKind.ORDINARY: law.FOUNDING_MAJORITY.ref, ResolutionKind.SPECIAL: law.FOUNDING_MAJORITY.ref}),
    (MeetingKind.BOARD, law.BOARD_QUORUM.ref, {ResolutionKind.ORDINARY: law.BOARD_MAJORITY.ref}),
])
def test_every_rule_cites_its_article(kind, quorum_ref, majority_refs):
    rules = rules_for(kind)
    assert rules.quorum.ref == quorum_ref
    assert {k: rules.majority(k).ref for k in majority_refs} == majority_refs


@given(counts, counts)
def test_the_quorum_of_every_meeting_is_more_than_half_of_its_register(base, present):
    for rules in MEETING_RULES.values():
        assert rules.quorum.reached(base, present) is REFERENCE_QUORUM(base, present)


@given(counts, counts)
def test_each_majority_agrees_with_law_md(yes, voters):
    for (meeting, kind), reference in REFERENCE_MAJORITY.items():
        assert rules_for(meeting).majority(kind).passed(yes, voters) is reference(yes, voters), (meeting, kind)


@pytest.mark.parametrize("base, needed", [(0, None), (1, 1), (2, 2), (10, 6), (11, 6), (15, 8), (20, 11)])
def test_the_fewest_present_for_the_quorum(base, needed):
    for rules in MEETING_RULES.values():
        assert rules.needed_for_quorum(base) == needed


@given(st.integers(0, 500))
def test_the_fewest_present_is_the_first_count_that_reaches_the_quorum(base):
    brute = next((p for p in range(base + 1) if REFERENCE_QUORUM(base, p)), None)
    assert rules_for(MeetingKind.ORDINARY_ASSEMBLY).needed_for_quorum(base) == brute


@given(st.integers(0, 500), st.integers(0, 500), st.sampled_from(sorted(REFERENCE_MAJORITY, key=str)))
def test_needed_to_pass_is_the_fewest_more_yes_votes(voters, yes, meeting_kind):
    meeting, kind = meeting_kind
    yes = min(yes, voters)
    reference = REFERENCE_MAJORITY[meeting_kind]
    brute = next((extra for extra in range(voters - yes + 1) if reference(yes + extra, voters)), None)
    assert rules_for(meeting).needed_to_pass(kind, voters, yes) == brute


@pytest.mark.parametrize("share, strict, whole, fewest", [
    (Fraction(1, 2), True, 10, 6), (Fraction(1, 2), True, 9, 5), (Fraction(1, 2), True, 0, None),
    (Fraction(2, 3), False, 9, 6), (Fraction(2, 3), False, 10, 7), (Fraction(2, 3), False, 0, None),
    (Fraction(2, 3), False, 1, 1), (Fraction(2, 3), False, 3, 2),
])
def test_a_threshold_says_its_fewest_part(share, strict, whole, fewest):
    assert Threshold(share, strict).fewest(whole) == fewest


def test_a_quorum_state_says_how_many_more_must_come():
    state = rules_for(MeetingKind.ORDINARY_ASSEMBLY).quorum_state(15, 7)
    assert (state.reached, state.needed, state.missing) == (False, 8, 1)
    assert state.statement.english() == "2 × present (7) ≤ members (15)" and state.ref == law.ASSEMBLY_QUORUM.ref
    reached = rules_for(MeetingKind.BOARD).quorum_state(5, 3)
    assert (reached.reached, reached.missing) == (True, 0)
    assert reached.statement.english() == "2 × directors present (3) > directors in office (5)"
    assert rules_for(MeetingKind.FOUNDING).quorum_state(0, 0).missing == 0  # nobody to come: never quorate


def test_a_board_takes_no_proxies_no_special_resolution_and_every_director_signs():
    board = rules_for(MeetingKind.BOARD)
    assert not board.proxies and board.notice is None
    with pytest.raises(Refusal) as refused:
        board.majority(ResolutionKind.SPECIAL)
    assert refused.value.article == law.SPECIAL_MAJORITY.ref
    assert not board.signers.elected and board.majority(ResolutionKind.ORDINARY).rule is Rule.BOARD


def test_members_meetings_take_proxies_and_the_chair_and_three_sign():
    for kind in (*ASSEMBLIES, MeetingKind.FOUNDING):
        rules = rules_for(kind)
        assert rules.proxies and rules.signers.elected
        assert (rules.signers.minimum, rules.signers.ref) == (law.MINUTES_MIN_SIGNING_MEMBERS.value,
                                                              law.MINUTES_MIN_SIGNING_MEMBERS.ref)
    assert rules_for(MeetingKind.ORDINARY_ASSEMBLY).notice == law.MEETING_NOTICE_DAYS
    assert rules_for(MeetingKind.FOUNDING).notice == law.FOUNDING_NOTICE_DAYS
    assert not rules_for(MeetingKind.FOUNDING).bylaws_may_lengthen_notice  # there are no bylaws yet
    assert {rules_for(k).majority(ResolutionKind.ORDINARY).rule for k in ASSEMBLIES} == {Rule.ORDINARY}


def test_a_report_is_never_put_to_a_vote():
    for rules in MEETING_RULES.values():
        with pytest.raises(Refusal, match="report"):
            rules.majority(ResolutionKind.REPORT)
        assert rules.allows(ResolutionKind.REPORT)


def test_each_meeting_offers_the_matters_it_may_take_up():
    offered = {k: {c.subject for c in item_choices(k)} for k in MeetingKind}
    assert Subject.BYLAWS_ADOPTION in offered[MeetingKind.FOUNDING]
    assert Subject.BYLAWS_AMENDMENT not in offered[MeetingKind.FOUNDING]  # nothing to amend yet
    assert Subject.BYLAWS_ADOPTION not in offered[MeetingKind.ORDINARY_ASSEMBLY]
    assert Subject.MERGER not in offered[MeetingKind.BOARD] and Subject.SETTLEMENT in offered[MeetingKind.BOARD]
    expulsion = item_choice(MeetingKind.EXTRAORDINARY_ASSEMBLY, Subject.EXPULSION)
    assert (expulsion.allowed, expulsion.required_by) == ((ResolutionKind.SPECIAL,), law.SPECIAL_MAJORITY.ref)
    other = item_choice(MeetingKind.BOARD, Subject.OTHER)
    assert ResolutionKind.SPECIAL not in other.allowed and other.default is ResolutionKind.ORDINARY
    assert item_choice(MeetingKind.BOARD, Subject.MERGER).allowed == ()  # refused with its reason when added
