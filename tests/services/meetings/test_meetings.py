"""An ordinary general assembly of a 15-member co-op through the services, on SQLite and PostgreSQL."""

import datetime as dt

import pytest
from sqlalchemy import text

from coopdesk.domain import law
from coopdesk.domain.meetings.attendance import Choice
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind, Subject
from coopdesk.domain.meetings.rules import Rule
from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.members.standing import MemberStatus
from coopdesk.services import audit
from coopdesk.services.meetings.attendance import add_proxy, attendance_of, check_in, check_out
from coopdesk.services.meetings.notice import list_notices, record_notice
from coopdesk.services.meetings.votes import cast_ballot, close_item, correct_vote, exclude, record_counts
from coopdesk.services.meetings.readings import frozen_item, item_result, vote_history
from coopdesk.services.meetings.agenda import (
    ItemInput,
    add_item,
    add_standard_agenda,
    list_items,
    record_item_text,
)
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting
from coopdesk.services.members.member import add_member, get_member
from tests.conftest import TODAY

D = dt.date
HELD = D(2026, 3, 28)  # a Saturday; notice by the 20th (7 whole days in between)


@pytest.fixture
def assembly(db, coop):
    """15 members (numbers 1 to 15) and an ordinary assembly with the standard agenda."""
    for n in range(1, 16):
        add_member(db, coop.id, MemberDetails(f"조합원{n:02d}", "소비자"), joined_on=D(2025, 1, 10), today=TODAY)
    meeting = create_meeting(db, coop.id, MeetingInput(MeetingKind.ORDINARY_ASSEMBLY, "2026년 정기총회", HELD,
                                                       dt.time(14, 0), "조합 사무실", "이사장"))
    add_standard_agenda(db, coop.id, meeting.id)
    return meeting


def arrive(db, coop, meeting, numbers):
    for n in numbers:
        view = check_in(db, coop.id, meeting.id, n).attendance
    return view


def rows(db, table):
    with db.engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()


def item(db, coop, meeting, subject=Subject.OTHER, kind=ResolutionKind.ORDINARY, title="안건", **kw):
    return add_item(db, coop.id, meeting.id, ItemInput(subject, title, kind, **kw))


def test_the_standard_agenda_is_laid_out_and_the_law_s_kind_cannot_be_lowered(db, coop, assembly):
    items = list_items(db, coop.id, assembly.id)
    assert [(i.position, i.subject, i.kind) for i in items] == [
        (1, Subject.SETTLEMENT, ResolutionKind.ORDINARY), (2, Subject.AUDIT_REPORT, ResolutionKind.ORDINARY),
        (3, Subject.PLAN_AND_BUDGET, ResolutionKind.ORDINARY), (4, Subject.OFFICER_ELECTION, ResolutionKind.ELECTION)]
    with pytest.raises(Refusal, match="requires a special resolution") as exc:
        item(db, coop, assembly, Subject.MERGER, ResolutionKind.ORDINARY)
    assert exc.value.article == law.SPECIAL_MAJORITY.ref
    assert len(list_items(db, coop.id, assembly.id)) == 4
    record_item_text(db, coop.id, items[0].id, proposal="원안", discussion="질의 없음")
    assert list_items(db, coop.id, assembly.id)[0].discussion == "질의 없음"


def test_a_late_notice_needs_the_user_to_go_on_and_the_warning_is_kept(db, coop, assembly):
    view, check = record_notice(db, coop.id, assembly.id, D(2026, 3, 20), "우편")
    assert check.on_time and view.late_warning is None
    with pytest.raises(Refusal, match="1 day") as exc:
        record_notice(db, coop.id, assembly.id, D(2026, 3, 21), "문자")
    assert exc.value.params["latest"] == D(2026, 3, 20)
    assert len(list_notices(db, coop.id, assembly.id)) == 1
    view, check = record_notice(db, coop.id, assembly.id, D(2026, 3, 21), "문자", accept_late=True)
    assert not check.on_time and check.days_short == 1
    assert view.accepted_late and "Mar 20, 2026" in view.late_warning and "(Act 28" in view.late_warning
    assert [n.accepted_late for n in list_notices(db, coop.id, assembly.id)] == [False, True]


def test_check_ins_and_a_proxy_make_the_quorum_and_the_principal_takes_the_vote_back(db, coop, assembly):
    view = arrive(db, coop, assembly, range(1, 8))
    assert (view.members, view.present, view.quorum_reached) == (15, 7, False)  # 2 × 7 ≤ 15
    view = add_proxy(db, coop.id, assembly.id, 8, holder=1, written_proof=True, note="위임장").attendance
    assert (view.present, view.by_proxy, view.quorum_reached) == (8, 1, True)
    assert view.quorum.statement.kwargs == {"present": 8, "members": 15}
    with pytest.raises(Refusal, match="one proxy represents one member"):
        add_proxy(db, coop.id, assembly.id, 9, holder=1, written_proof=True)
    with pytest.raises(Refusal, match="written proof"):
        add_proxy(db, coop.id, assembly.id, 9, holder=2)
    view = add_proxy(db, coop.id, assembly.id, 9, family_name="김가족", lives_with_principal=True,
                     written_proof=True).attendance
    assert view.present == 9
    assert check_in(db, coop.id, assembly.id, 8).attendance.present == 9  # the principal arrives: proxy revoked
    view = attendance_of(db, coop.id, assembly.id)
    assert [p.principal for p in view.proxies] == [9] and 8 in view.in_person
    view = check_out(db, coop.id, assembly.id, 2).attendance
    assert view.present == 8
    with pytest.raises(Refusal, match="no member number 16"):
        check_in(db, coop.id, assembly.id, 16)
    assert attendance_of(db, coop.id, assembly.id).present == 8


def test_counts_pass_freeze_on_closing_and_a_correction_keeps_the_history(db, coop, assembly):
    arrive(db, coop, assembly, range(1, 11))
    first = list_items(db, coop.id, assembly.id)[0]
    before = rows(db, "item_vote"), rows(db, "audit_entry")
    with pytest.raises(Refusal, match="More votes"):
        record_counts(db, coop.id, first.id, 9, 2, 0)  # 11 votes, 10 present
    assert (rows(db, "item_vote"), rows(db, "audit_entry")) == before
    live = record_counts(db, coop.id, first.id, 6, 3, 1).item
    assert (live.present, live.passed, live.rule, live.closed) == (10, True, Rule.ORDINARY, False)
    closed = close_item(db, coop.id, first.id).item
    assert closed.passed and closed.closed and closed.article == law.ORDINARY_MAJORITY.ref
    assert (closed.explanation.english(), closed.quorum.statement.english()) == (
        "2 × yes (6) > present (10)", "2 × present (10) > members (15)")
    check_in(db, coop.id, assembly.id, 11)  # a late arrival does not change a closed item
    with pytest.raises(Refusal, match="closed"):
        record_counts(db, coop.id, first.id, 7, 3, 1)
    assert item_result(db, coop.id, first.id) == closed
    with pytest.raises(Refusal, match="reason"):
        correct_vote(db, coop.id, first.id, 5, 4, 1, "  ")
    corrected = correct_vote(db, coop.id, first.id, 5, 4, 1, "찬성 1표를 잘못 셈").item
    assert (corrected.yes, corrected.present, corrected.passed, corrected.corrections) == (5, 10, False, 1)
    history = vote_history(db, coop.id, first.id)
    assert [(v.yes, v.reason) for v in history] == [(6, ""), (5, "찬성 1표를 잘못 셈")]
    assert history[1].supersedes == history[0].id
    for change in (lambda: record_item_text(db, coop.id, first.id, discussion="고침"),
                   lambda: exclude(db, coop.id, first.id, 3), lambda: cast_ballot(db, coop.id, first.id, 3, Choice.NO)):
        with pytest.raises(Refusal, match="closed"):
            change()
    assert audit.verify(db).intact


def test_a_special_resolution_passes_at_exactly_two_thirds_and_fails_one_below(db, coop, assembly):
    arrive(db, coop, assembly, range(1, 13))  # 12 present
    merger = item(db, coop, assembly, Subject.MERGER, ResolutionKind.SPECIAL, "합병의 건")
    other = item(db, coop, assembly, Subject.OTHER, ResolutionKind.SPECIAL, "특별결의 안건")
    passed = record_counts(db, coop.id, merger.id, 8, 4, 0).item  # 3 × 8 = 2 × 12
    failed = record_counts(db, coop.id, other.id, 7, 4, 1).item
    assert (passed.passed, passed.rule, failed.passed) == (True, Rule.SPECIAL, False)
    assert close_item(db, coop.id, failed.item_id).item.explanation.kwargs == {"yes": 7, "present": 12}


def test_a_roll_call_takes_present_members_once_and_counts_exclusions(db, coop, assembly):
    arrive(db, coop, assembly, range(1, 10))
    add_proxy(db, coop.id, assembly.id, 10, holder=1, written_proof=True)
    plan = list_items(db, coop.id, assembly.id)[2]
    exclude(db, coop.id, plan.id, 2, "이해관계")
    for n in (1, 10, 3, 4, 5):
        cast_ballot(db, coop.id, plan.id, n, Choice.YES)
    cast_ballot(db, coop.id, plan.id, 6, Choice.NO)
    for bad, message in ((11, "present in person or by proxy"), (1, "already voted"), (2, "personal interest")):
        with pytest.raises(Refusal, match=message):
            cast_ballot(db, coop.id, plan.id, bad, Choice.YES)
    with pytest.raises(Refusal, match="roll call"):
        record_counts(db, coop.id, plan.id, 5, 1, 0)
    result = close_item(db, coop.id, plan.id).item
    assert (result.present, result.excluded, result.yes, result.no, result.roll_call) == (10, 1, 5, 1, True)
    assert result.passed  # 2 × 5 > 9 voters
    assert set(result.as_json()) >= {"item", "kind", "members", "present", "proxies", "excluded", "yes", "no",
                                     "abstain", "quorum_reached", "passed", "rule"}


def test_an_expulsion_told_in_time_and_heard_expels_the_member(db, coop, assembly):
    arrive(db, coop, assembly, range(1, 13))
    with pytest.raises(Refusal, match="too late"):
        item(db, coop, assembly, Subject.EXPULSION, ResolutionKind.SPECIAL, "제명의 건", expel_member=15,
             grounds_told_on=D(2026, 3, 18))
    assert len(list_items(db, coop.id, assembly.id)) == 4
    with pytest.raises(Refusal, match="grounds"):  # the minutes state them (Act 25②)
        item(db, coop, assembly, Subject.EXPULSION, ResolutionKind.SPECIAL, "제명의 건", expel_member=15,
             grounds_told_on=D(2026, 3, 17))
    expulsion = item(db, coop, assembly, Subject.EXPULSION, ResolutionKind.SPECIAL, "제명의 건", expel_member=15,
                     grounds_told_on=D(2026, 3, 17), grounds="정당한 사유 없이 1년 이상 조합 사업을 이용하지 않음")
    record_counts(db, coop.id, expulsion.id, 10, 2, 0)
    with pytest.raises(Refusal, match="chance to speak"):
        close_item(db, coop.id, expulsion.id)
    from coopdesk.services.meetings.agenda import record_hearing
    record_hearing(db, coop.id, expulsion.id)
    assert close_item(db, coop.id, expulsion.id).item.passed
    member = get_member(db, coop.id, 15, today=TODAY)
    assert member.status is MemberStatus.EXPELLED and member.standing.left_on == HELD
    with pytest.raises(Refusal, match="already taken effect"):
        correct_vote(db, coop.id, expulsion.id, 7, 5, 0, "재검표")
    later = list_items(db, coop.id, assembly.id)[0]  # the expelled member has left the register
    assert item_result(db, coop.id, later.id).members == 14


def test_a_passed_bylaws_amendment_adopts_a_new_version_effective_when_reported(db, coop, assembly):
    from dataclasses import replace

    from coopdesk.services.bylaws import record_bylaws_report
    from coopdesk.store.models import BylawsVersion
    from sqlalchemy import select

    arrive(db, coop, assembly, range(1, 13))
    amended = replace(coop.bylaws, share_price=20_000)
    amendment = item(db, coop, assembly, Subject.BYLAWS_AMENDMENT, ResolutionKind.SPECIAL, "정관 변경의 건",
                     new_bylaws=amended)
    record_counts(db, coop.id, amendment.id, 9, 3, 0)
    assert close_item(db, coop.id, amendment.id).item.passed
    with db.read() as s:
        v2 = s.execute(select(BylawsVersion).where(BylawsVersion.version == 2)).scalar_one()
        assert (v2.adopted_on, v2.effective_on, v2.settings["share_price"]) == (HELD, None, 20_000)
    with pytest.raises(Refusal, match="before the amendment"):
        record_bylaws_report(db, coop.id, 2, D(2026, 3, 1))
    from coopdesk.services.coops import get_coop

    assert get_coop(db, coop.id).bylaws.share_price == coop.bylaws.share_price  # adopted, not yet in force
    record_bylaws_report(db, coop.id, 2, D(2026, 4, 6))
    with db.read() as s:
        assert s.execute(select(BylawsVersion.effective_on).where(BylawsVersion.version == 2)).scalar() == \
            D(2026, 4, 6)
    in_force = get_coop(db, coop.id)
    assert (in_force.bylaws_version, in_force.bylaws.share_price) == (2, 20_000)  # in force once reported


def test_closing_freezes_who_was_on_the_register_present_and_by_proxy(db, coop, assembly):
    arrive(db, coop, assembly, range(1, 9))
    add_proxy(db, coop.id, assembly.id, 12, holder=3, written_proof=True)
    exclude(db, coop.id, list_items(db, coop.id, assembly.id)[1].id, 4, "감사 본인")
    audit_item = list_items(db, coop.id, assembly.id)[1]
    record_counts(db, coop.id, audit_item.id, 5, 2, 1)
    close_item(db, coop.id, audit_item.id)
    frozen = frozen_item(db, coop.id, audit_item.id)
    result, room, roll = frozen.result, frozen.room, frozen.roll
    assert (result.counts.members, len(roll.keys), list(room.in_person)) == (15, 15, list(range(1, 9)))
    assert (room.proxies, room.excluded, result.rule, result.passed) == (((12, 3),), (4,), Rule.ORDINARY, True)
    assert (result.counts.yes, result.counts.no, result.counts.abstain, result.explanation.kwargs) == (
        5, 2, 1, {"yes": 5, "present": 8})


def test_a_board_meeting_counts_directors_in_office_and_those_present(db, coop):
    from coopdesk.domain.officers.terms import Office
    from coopdesk.services.officers.terms import TermInput, add_term

    for n in range(1, 8):
        add_member(db, coop.id, MemberDetails(f"조합원{n}", "소비자"), joined_on=D(2025, 1, 10), today=TODAY)
    start, end = D(2026, 1, 1), D(2027, 12, 31)
    terms = [add_term(db, coop.id, TermInput(office, start, end, member_number=n), today=TODAY)
             for office, n in ((Office.CHAIR, 1), (Office.DIRECTOR, 2), (Office.DIRECTOR, 3),
                               (Office.DIRECTOR, 4), (Office.AUDITOR, 6))]
    terms.append(add_term(db, coop.id, TermInput(Office.DIRECTOR, start, end, name="외부 이사"), today=TODAY))
    board = create_meeting(db, coop.id, MeetingInput(MeetingKind.BOARD, "제3차 이사회", D(2026, 3, 10)))
    directors = [t.id for t in terms if t.term.office is not Office.AUDITOR]
    auditor = next(t.id for t in terms if t.term.office is Office.AUDITOR)
    with pytest.raises(Refusal, match="not a director in office"):
        check_in(db, coop.id, board.id, auditor)
    view = arrive(db, coop, board, directors[:2])
    assert (view.members, view.present, view.quorum_reached) == (5, 2, False)
    state = check_in(db, coop.id, board.id, directors[4])  # the director who is not a member
    assert (state.attendance.present, state.attendance.quorum_reached) == (3, True)
    assert attendance_of(db, coop.id, board.id).names[directors[4]] == "외부 이사"
    with pytest.raises(Refusal, match="no proxies"):
        add_proxy(db, coop.id, board.id, 3, holder=1, written_proof=True)
    with pytest.raises(Refusal, match="not the board"):
        item(db, coop, board, Subject.OTHER, ResolutionKind.SPECIAL)
    decision = item(db, coop, board, title="사업계획 수립의 건")
    result = record_counts(db, coop.id, decision.id, 2, 1, 0).item
    assert (result.members, result.present, result.passed, result.rule) == (5, 3, True, Rule.BOARD)
    result = close_item(db, coop.id, decision.id).item
    assert result.quorum.statement.english() == "2 × directors present (3) > directors in office (5)"
    tie = item(db, coop, board, title="가부동수")
    cast_ballot(db, coop.id, tie.id, directors[0], Choice.YES)
    cast_ballot(db, coop.id, tie.id, directors[1], Choice.NO)
    assert not close_item(db, coop.id, tie.id).item.passed  # 2 × 1 ≤ 3 present


def test_a_report_closes_without_a_vote_and_a_meeting_without_quorum_passes_nothing(db, coop, assembly):
    arrive(db, coop, assembly, range(1, 8))  # 7 of 15: no quorum
    report = item(db, coop, assembly, Subject.OTHER, ResolutionKind.REPORT, "감사 결과 보고")
    with pytest.raises(Refusal, match="not put to a vote"):
        record_counts(db, coop.id, report.id, 1, 0, 0)
    closed = close_item(db, coop.id, report.id).item
    assert (closed.passed, closed.rule, closed.closed, closed.quorum_reached) == (None, None, True, False)
    first = list_items(db, coop.id, assembly.id)[0]
    with pytest.raises(Refusal, match="Record the vote"):
        close_item(db, coop.id, first.id)
    record_counts(db, coop.id, first.id, 7, 0, 0)
    result = close_item(db, coop.id, first.id).item
    assert (result.passed, result.quorum_reached, result.explanation.english()) == (
        False, False, "2 × present (7) ≤ members (15)")


def test_a_founding_meeting_counts_consenters_and_needs_two_thirds(db, coop):
    from coopdesk.services.founding.people import add_consenter
    from coopdesk.services.founding.start import begin_founding
    from coopdesk.services.founding.views import PersonInput

    begin_founding(db, coop.id, started_on=D(2025, 1, 1), today=TODAY)
    for n in range(1, 11):  # the register of the founding meeting: the consenters, not members
        add_consenter(db, coop.id, PersonInput(f"설립동의자{n}", "소비자", D(2025, 1, 10), 1), today=TODAY)
    with pytest.raises(Refusal, match="consenters"):  # a number typed in is no register
        create_meeting(db, coop.id, MeetingInput(MeetingKind.FOUNDING, "창립총회", HELD, consenters=10))
    founding = create_meeting(db, coop.id, MeetingInput(MeetingKind.FOUNDING, "창립총회", HELD))
    items = add_standard_agenda(db, coop.id, founding.id)
    assert [i.subject for i in items][0] is Subject.BYLAWS_ADOPTION
    view = arrive(db, coop, founding, range(1, 7))
    assert (view.members, view.present, view.quorum_reached) == (10, 6, True)
    result = record_counts(db, coop.id, items[0].id, 4, 2, 0).item  # 3 × 4 ≥ 2 × 6
    failed = record_counts(db, coop.id, items[1].id, 3, 2, 1).item  # an ordinary item, still 2/3 at a founding
    assert (result.passed, result.rule, failed.passed, failed.rule) == (True, Rule.FOUNDING, False, Rule.FOUNDING)


def test_bylaws_asking_for_a_longer_notice_are_applied(db):
    from coopdesk.domain.coop import BylawsSettings
    from coopdesk.services.coops import create_coop
    from tests.conftest import sample_profile

    other = create_coop(db, sample_profile(name="긴통지협동조합", bylaws=BylawsSettings(notice_days=10)),
                        adopted_on=D(2025, 1, 1))
    meeting = create_meeting(db, other.id, MeetingInput(MeetingKind.EXTRAORDINARY_ASSEMBLY, "임시총회", HELD))
    with pytest.raises(Refusal) as exc:
        record_notice(db, other.id, meeting.id, D(2026, 3, 20), "우편")  # in time for the Act's 7 days only
    assert exc.value.params["days"] == 10 and exc.value.params["latest"] == D(2026, 3, 17)
    view, check = record_notice(db, other.id, meeting.id, D(2026, 3, 17), "우편")
    assert check.on_time and view.late_warning is None
