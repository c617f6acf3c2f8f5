"""The deadline rules of the co-op's year, each on its edges: fiscal years starting in every month,
a year ending on 29 February, an assembly on the last allowed day and on the day after, the notice
and settlement counted as the meeting notice is, the thresholds of the disclosure."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from coopdesk.domain import law
from coopdesk.domain.coop import CoopKind
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.meetings.notice import latest_notice_date
from coopdesk.domain.officers.terms import Office
from coopdesk.domain.year.deadlines import (
    SOON_DAYS,
    DeadlineKind,
    Urgency,
    deadlines,
    disclosure_required,
    open_deadlines,
    ordinary_assembly_due,
    settlement_due,
)
from coopdesk.domain.year.facts import (
    OrientationOwed,
    PlannedMeeting,
    RefundDue,
    TermInOffice,
    Withdrawal,
    YearFacts,
)

D = dt.date
TODAY = D(2026, 11, 21)


def facts(**changes: object) -> YearFacts:
    """A healthy general co-op (calendar fiscal year, founded 2020): 12 members, a full board, an
    assembly held this year; only the yearly dates are due."""
    values: dict[str, object] = {
        "coop_id": 1, "coop_name": "햇살마을협동조합", "kind": CoopKind.GENERAL, "fiscal_year_start_month": 1,
        "established_on": D(2020, 1, 1), "members": 12, "directors_in_office": 3, "auditors_in_office": 1,
        "ordinary_assemblies_held": (D(2026, 3, 20),), "assemblies_held": (D(2026, 3, 20),)}
    values.update(changes)
    return YearFacts(**values)  # type: ignore[arg-type]


def by_key(found) -> dict[str, object]:
    return {d.key: d for d in found}


def test_a_healthy_co_op_owes_only_next_years_assembly_settlement_and_report():
    found = deadlines(facts(), TODAY)
    assert [d.key for d in found] == ["yearly_report:2025", "settlement_to_auditor:2026", "ordinary_assembly:2026",
                                      "yearly_report:2026"]
    assert [d.due_on for d in found] == [D(2026, 3, 31), D(2027, 3, 23), D(2027, 3, 31), D(2027, 3, 31)]
    assert deadlines(facts(), TODAY) == found  # the keys are stable between runs


# -- the fiscal year and the ordinary assembly --------------------------------------------------------


@pytest.mark.parametrize("start_month", range(1, 13))
@pytest.mark.parametrize("months", [1, 3, 12])
def test_the_ordinary_assembly_falls_due_on_the_last_day_of_the_nth_month_after_the_year(start_month, months):
    last_month = 12 if start_month == 1 else start_month - 1  # the year's last month
    due = ordinary_assembly_due(start_month, 2026, months)
    due_month = (last_month - 1 + months) % 12 + 1
    assert due.month == due_month and (due + dt.timedelta(days=1)).day == 1  # the last day of that month
    year_end = D(2027 if start_month > 1 else 2026, last_month, 1)
    assert (due.year * 12 + due.month) - (year_end.year * 12 + year_end.month) == months


@pytest.mark.parametrize(("start_month", "due"), [
    (1, D(2027, 3, 31)), (2, D(2027, 4, 30)), (3, D(2027, 5, 31)), (4, D(2027, 6, 30)), (5, D(2027, 7, 31)),
    (6, D(2027, 8, 31)), (7, D(2027, 9, 30)), (8, D(2027, 10, 31)), (9, D(2027, 11, 30)), (10, D(2027, 12, 31)),
    (11, D(2028, 1, 31)), (12, D(2028, 2, 29)),  # from a year ending 30 November 2027: 29 February, a leap year
])
def test_fiscal_years_starting_in_every_month(start_month, due):
    assert ordinary_assembly_due(start_month, 2026, 3) == due


def test_a_year_ending_on_29_february_of_a_leap_year():
    # fiscal year 2027 of a co-op whose year starts in March runs to 29 February 2028
    f = facts(fiscal_year_start_month=3, ordinary_assemblies_held=(D(2027, 5, 1),), assemblies_held=(D(2027, 5, 1),),
              kind=CoopKind.SOCIAL)
    found = by_key(deadlines(f, D(2028, 2, 29)))
    assert found["ordinary_assembly:2027"].due_on == D(2028, 5, 31)
    assert found["yearly_report:2027"].due_on == D(2028, 5, 31)
    assert found["disclosure:2027"].due_on == D(2028, 6, 30)
    assert found["settlement_to_auditor:2027"].due_on == D(2028, 5, 23)
    assert ordinary_assembly_due(3, 2027, 1) == D(2028, 3, 31)
    # the day after, a new fiscal year has begun: 2027 is the year being settled
    assert "ordinary_assembly:2028" in by_key(deadlines(f, D(2028, 3, 1)))


def test_an_assembly_held_on_the_last_allowed_day_settles_the_year_and_the_day_before_it_is_still_soon():
    due = D(2026, 3, 31)
    owing = facts(ordinary_assemblies_held=(D(2025, 3, 1),), assemblies_held=(D(2025, 3, 1),))
    assert by_key(deadlines(owing, due))["ordinary_assembly:2025"].urgency(due) is Urgency.SOON
    assert by_key(deadlines(owing, due + dt.timedelta(days=1)))["ordinary_assembly:2025"].urgency(
        due + dt.timedelta(days=1)) is Urgency.OVERDUE
    held = facts(ordinary_assemblies_held=(due,), assemblies_held=(due,))
    assert "ordinary_assembly:2025" not in by_key(deadlines(held, due))
    assert "settlement_to_auditor:2025" not in by_key(deadlines(held, due))
    late = facts(ordinary_assemblies_held=(due + dt.timedelta(days=1),), assemblies_held=(due + dt.timedelta(days=1),))
    assert "ordinary_assembly:2025" not in by_key(deadlines(late, D(2026, 4, 2)))  # held late, but held


def test_a_planned_assembly_on_the_last_day_is_in_time_and_on_the_day_after_is_not():
    due = D(2026, 3, 31)
    owing = {"ordinary_assemblies_held": (D(2025, 3, 1),), "assemblies_held": (D(2025, 3, 1),)}
    on_time = PlannedMeeting(7, MeetingKind.ORDINARY_ASSEMBLY, "2025년 정기총회", due, D(2026, 3, 1))
    found = by_key(deadlines(facts(planned_meetings=(on_time,), **owing), D(2026, 3, 2)))
    assert found["ordinary_assembly:2025"].params["held_on"] == due
    assert "after the last allowed day" not in found["ordinary_assembly:2025"].message
    assert found["ordinary_assembly:2025"].target_id == 7
    too_late = dataclasses.replace(on_time, held_on=due + dt.timedelta(days=1))
    found = by_key(deadlines(facts(planned_meetings=(too_late,), **owing), D(2026, 3, 2)))
    assert "after the last allowed day" in found["ordinary_assembly:2025"].message
    assert found["settlement_to_auditor:2025"].due_on == D(2026, 3, 24)  # 7 clear days before 1 April


def test_the_settlement_reaches_the_auditor_7_days_before_counted_as_the_notice_is():
    assert settlement_due(D(2026, 3, 31)) == D(2026, 3, 23)
    assert settlement_due(D(2026, 3, 31)) == latest_notice_date(D(2026, 3, 31), law.SETTLEMENT_TO_AUDITOR_DAYS.value)
    assert settlement_due(D(2028, 3, 8)) == D(2028, 2, 29)


def test_a_co_op_founded_this_year_owes_nothing_for_a_year_it_did_not_live_in():
    found = by_key(deadlines(facts(established_on=D(2026, 6, 1), ordinary_assemblies_held=(), assemblies_held=()),
                             TODAY))
    assert "ordinary_assembly:2025" not in found and "yearly_report:2025" not in found
    assert "ordinary_assembly:2026" in found
    # founded on the last day of the year before: it lived in that year
    lived = facts(established_on=D(2025, 12, 31), ordinary_assemblies_held=(), assemblies_held=())
    assert "ordinary_assembly:2025" in by_key(deadlines(lived, TODAY))


# -- no assembly for 2 years --------------------------------------------------------------------------


def test_no_assembly_for_2_years_is_a_warning_from_the_anniversary_on():
    f = facts(ordinary_assemblies_held=(D(2024, 3, 15),), assemblies_held=(D(2024, 3, 15),))
    assert "no_assembly:2026" not in by_key(deadlines(f, D(2026, 3, 14)))
    warning = by_key(deadlines(f, D(2026, 3, 15)))["no_assembly:2026"]
    assert warning.warning and warning.due_on == D(2026, 3, 15) and warning.params["since"] == D(2024, 3, 15)
    assert warning.ref == law.NO_ASSEMBLY_CORRECTIVE_YEARS_GENERAL.ref and warning.ref.label("ko") == "법 제70조의2"
    social = dataclasses.replace(f, kind=CoopKind.SOCIAL)
    assert by_key(deadlines(social, D(2026, 3, 15)))["no_assembly:2026"].ref == law.NO_ASSEMBLY_CORRECTIVE_YEARS.ref
    # an extraordinary assembly counts as an assembly held
    f = dataclasses.replace(f, assemblies_held=(D(2024, 3, 15), D(2025, 9, 1)))
    assert "no_assembly:2026" not in by_key(deadlines(f, D(2026, 3, 15)))


def test_no_assembly_counts_a_29_february_to_1_march_two_years_on():
    f = facts(ordinary_assemblies_held=(D(2024, 2, 29),), assemblies_held=(D(2024, 2, 29),))
    assert "no_assembly:2026" not in by_key(deadlines(f, D(2026, 2, 28)))
    assert "no_assembly:2026" in by_key(deadlines(f, D(2026, 3, 1)))


# -- notices -------------------------------------------------------------------------------------------


def test_every_planned_meeting_has_its_notice_deadline_counted_as_the_meetings_area_counts_it():
    meetings = (PlannedMeeting(3, MeetingKind.EXTRAORDINARY_ASSEMBLY, "임시총회", D(2026, 12, 31)),
                PlannedMeeting(4, MeetingKind.BOARD, "이사회", D(2026, 12, 10)),
                PlannedMeeting(5, MeetingKind.EXTRAORDINARY_ASSEMBLY, "통지한 총회", D(2026, 12, 20), D(2026, 12, 1)))
    found = by_key(deadlines(facts(planned_meetings=meetings), TODAY))
    notice = found["notice:meeting:3"]
    assert notice.due_on == D(2026, 12, 23) == latest_notice_date(D(2026, 12, 31))
    assert (notice.ref, notice.area, notice.target_id) == (law.MEETING_NOTICE_DAYS.ref, "meetings", 3)
    assert "notice:meeting:4" not in found  # a board: the bylaws decide its notice
    assert "notice:meeting:5" not in found  # the notice went out
    longer = by_key(deadlines(facts(planned_meetings=meetings[:1], notice_days=14), TODAY))
    assert longer["notice:meeting:3"].due_on == D(2026, 12, 16)


# -- the reports and the disclosure ---------------------------------------------------------------------


def test_the_capital_registration_is_due_only_when_the_capital_moved():
    assert "capital_registration:2025" not in by_key(deadlines(facts(), TODAY))
    still = facts(has_capital_ledger=True, capital_moved_last_year=False)
    assert "capital_registration:2025" not in by_key(deadlines(still, TODAY))
    assert "capital_registration:2026" in by_key(deadlines(still, TODAY))  # this year may still move
    moved = by_key(deadlines(facts(has_capital_ledger=True, capital_moved_last_year=True), TODAY))
    assert moved["capital_registration:2025"].due_on == D(2026, 3, 31)
    assert moved["capital_registration:2025"].ref == law.CAPITAL_REGISTRATION_MONTHS.ref


@pytest.mark.parametrize(("kind", "members", "capital", "required"), [
    (CoopKind.SOCIAL, 5, 0, True),
    (CoopKind.GENERAL, 199, 2_999_999_999, False),
    (CoopKind.GENERAL, 200, 0, True),
    (CoopKind.GENERAL, 5, 3_000_000_000, True),
])
def test_the_disclosure_is_for_every_social_co_op_and_large_general_ones(kind, members, capital, required):
    f = facts(kind=kind, members=members, paid_in_capital=capital)
    assert disclosure_required(f) is required
    found = by_key(deadlines(f, TODAY))
    assert ("disclosure:2025" in found) is required
    if required:
        assert found["disclosure:2025"].due_on == D(2026, 4, 30)
        label = "법 제96조의2①" if kind is CoopKind.SOCIAL else "법 제49조의2①"
        assert found["disclosure:2025"].ref.label("ko") == label


# -- officers and members ------------------------------------------------------------------------------


def test_terms_ending_within_60_days_and_a_board_short_of_the_minimum():
    terms = (TermInOffice(4, Office.CHAIR, "김민준", D(2024, 3, 1), TODAY + dt.timedelta(days=60)),
             TermInOffice(5, Office.DIRECTOR, "이서연", D(2024, 3, 1), TODAY + dt.timedelta(days=61)))
    found = by_key(deadlines(facts(terms_in_office=terms, directors_in_office=2), TODAY))
    term = found["term_end:officer_term:4"]
    assert (term.due_on, term.area, term.target_id, term.params["days"]) == (TODAY + dt.timedelta(days=60),
                                                                             "officers", 4, 60)
    assert "term_end:officer_term:5" not in found
    board = found["board_below_minimum:2026"]
    assert board.warning and board.due_on == TODAY and board.params == {"count": 2, "n": 3}
    assert board.ref == law.MIN_DIRECTORS.ref
    assert "board_below_minimum:2026" not in by_key(deadlines(facts(directors_in_office=3), TODAY))
    assert "auditor_missing:2026" in by_key(deadlines(facts(auditors_in_office=0), TODAY))


def test_fewer_than_5_members_withdrawals_and_the_orientation_owed():
    assert "few_members:2026" in by_key(deadlines(facts(members=4), TODAY))
    assert "few_members:2026" not in by_key(deadlines(facts(members=5), TODAY))
    leaving = (Withdrawal(8, 8, "최하은", TODAY), Withdrawal(9, 9, "정지우", TODAY - dt.timedelta(days=1)))
    found = by_key(deadlines(facts(withdrawals=leaving, withdrawals_count=2), TODAY))
    assert found["withdrawal:member:8"].due_on == TODAY and "withdrawal:member:9" not in found
    owed = (OrientationOwed(10, 10, "강서준", D(2026, 10, 1)),)
    assert "orientation:member:10" not in by_key(deadlines(facts(owing_orientation=owed), TODAY))
    task = by_key(deadlines(facts(owing_orientation=owed, orientation_required=True), TODAY))["orientation:member:10"]
    assert task.params["days"] == 51 and task.area == "education" and task.ref == law.EDUCATION_DUTY.ref


def test_many_members_owing_the_orientation_are_one_task():
    owed = tuple(OrientationOwed(n, n, f"조합원{n}", D(2026, 1, n)) for n in range(1, 11))
    ten = by_key(deadlines(facts(owing_orientation=owed, owing_orientation_count=10, orientation_required=True),
                           TODAY))
    assert len([k for k in ten if k.startswith("orientation:member:")]) == 10
    many = by_key(deadlines(facts(owing_orientation=owed, owing_orientation_count=86_154, orientation_required=True),
                            TODAY))
    assert not [k for k in many if k.startswith("orientation:member:")]
    task = many["orientation:2026"]
    assert task.params == {"count": 86_154, "joined_on": D(2026, 1, 1)} and task.warning and task.target_id is None


def test_a_refund_becomes_claimable_then_lapses():
    claim = RefundDue(11, 11, "윤지호", D(2025, 6, 30), D(2026, 1, 1), D(2028, 1, 1), D(2027, 11, 2))
    before = by_key(deadlines(facts(refunds=(claim,)), D(2025, 12, 31)))
    assert before["refund_claimable:member:11"].due_on == D(2026, 1, 1)
    claimable = by_key(deadlines(facts(refunds=(claim,)), D(2026, 1, 1)))
    assert "refund_claimable:member:11" not in claimable
    assert claimable["refund_lapse:member:11"].due_on == D(2027, 12, 31)
    assert claimable["refund_lapse:member:11"].ref == law.REFUND_CLAIM_LAPSE_YEARS.ref
    assert not [k for k in by_key(deadlines(facts(refunds=(claim,)), D(2028, 1, 1))) if k.endswith(":member:11")]


# -- urgency, order, done ------------------------------------------------------------------------------


def test_urgency_order_and_done_keys():
    found = deadlines(facts(members=4), TODAY)
    assert list(found) == sorted(found, key=lambda d: (d.due_on, d.key))
    d = found[0]
    assert d.urgency(d.due_on + dt.timedelta(days=1)) is Urgency.OVERDUE
    assert d.urgency(d.due_on - dt.timedelta(days=SOON_DAYS)) is Urgency.SOON
    assert d.urgency(d.due_on - dt.timedelta(days=SOON_DAYS + 1)) is Urgency.LATER
    done = facts(members=4, done_keys=frozenset({"few_members:2026"}))
    assert "few_members:2026" not in by_key(open_deadlines(done, TODAY))


def test_every_deadline_cites_an_article_of_domain_law():
    refs = {v.ref for v in vars(law).values() if isinstance(v, law.LawValue)}
    everything = facts(
        kind=CoopKind.SOCIAL, members=3, directors_in_office=1, auditors_in_office=0, has_capital_ledger=True,
        capital_moved_last_year=True, ordinary_assemblies_held=(), assemblies_held=(), orientation_required=True,
        planned_meetings=(PlannedMeeting(3, MeetingKind.ORDINARY_ASSEMBLY, "정기총회", D(2027, 2, 20)),),
        terms_in_office=(TermInOffice(4, Office.AUDITOR, "박도윤", D(2024, 12, 1), D(2026, 11, 30)),),
        withdrawals=(Withdrawal(8, 8, "최하은", D(2026, 12, 31)),),
        refunds=(RefundDue(11, 11, "윤지호", D(2026, 6, 30), D(2027, 1, 1), D(2029, 1, 1), D(2028, 11, 2)),),
        owing_orientation=(OrientationOwed(10, 10, "강서준", D(2026, 10, 1)),))
    found = deadlines(everything, TODAY)
    # a lapse, a withheld refund and a founding's tasks need other facts: see their own tests
    assert {d.kind for d in found} == set(DeadlineKind) - {
        DeadlineKind.REFUND_LAPSE, DeadlineKind.REFUND_WITHHELD, DeadlineKind.FOUNDING_STEP,
        DeadlineKind.FOUNDING_CHECK, DeadlineKind.FOUNDING_REGISTRATION}
    assert all(d.ref in refs for d in found)
    assert {d.area for d in found} <= {"meetings", "officers", "members", "capital", "education", "coop"}


# -- refunds withheld or owed to heirs, successors, the disclosure at the year's end --------------------


def test_a_withheld_refund_is_said_with_its_reason_and_is_never_overdue():
    claim = RefundDue(11, 11, "윤지호", D(2024, 6, 30), D(2025, 1, 1), D(2027, 1, 1), D(2026, 11, 2),
                      withheld_since=D(2025, 3, 2), withheld_reason="외상 대금 120,000원")
    found = by_key(deadlines(facts(refunds=(claim,)), TODAY))
    assert not [k for k in found if k.startswith(("refund_claimable:", "refund_lapse:"))]
    task = found["refund_withheld:member:11"]
    assert task.kind is DeadlineKind.REFUND_WITHHELD and task.on_hold and not task.warning
    assert task.ref == law.REFUND_MAY_BE_WITHHELD.ref
    assert task.params["reason"] == "외상 대금 120,000원" and task.params["since"] == D(2025, 3, 2)
    assert task.urgency(TODAY) is Urgency.LATER and task.urgency(task.due_on + dt.timedelta(days=1)) is Urgency.LATER


def test_a_deceased_members_refund_is_claimed_by_the_heirs():
    claim = RefundDue(11, 11, "윤지호", D(2026, 6, 30), D(2027, 1, 1), D(2029, 1, 1), D(2028, 11, 2), deceased=True)
    claimable = by_key(deadlines(facts(refunds=(claim,)), TODAY))["refund_claimable:member:11"]
    assert "heirs" in claimable.message and "died" in claimable.message
    lapse = by_key(deadlines(facts(refunds=(claim,)), D(2027, 2, 1)))["refund_lapse:member:11"]
    assert "heirs" in lapse.message
    alive = dataclasses.replace(claim, deceased=False)
    assert "heirs" not in by_key(deadlines(facts(refunds=(alive,)), TODAY))["refund_claimable:member:11"].message


def test_a_term_whose_successor_is_elected_is_no_longer_a_task():
    chair = TermInOffice(1, Office.CHAIR, "김민준", D(2024, 12, 31), D(2026, 12, 30))
    first = TermInOffice(2, Office.DIRECTOR, "이서연", D(2024, 12, 1), D(2026, 12, 10))
    second = TermInOffice(3, Office.DIRECTOR, "박도윤", D(2024, 12, 1), D(2026, 12, 20))
    next_director = TermInOffice(9, Office.DIRECTOR, "최하은", D(2026, 12, 11), D(2028, 12, 10))
    running = (chair, first, second)
    before = by_key(deadlines(facts(terms_in_office=running), TODAY))
    assert {"term_end:officer_term:1", "term_end:officer_term:2", "term_end:officer_term:3"} <= set(before)
    after = by_key(deadlines(facts(terms_in_office=running, successors=(next_director,)), TODAY))
    assert "term_end:officer_term:2" not in after  # the soonest-ending director's seat is filled
    assert {"term_end:officer_term:1", "term_end:officer_term:3"} <= set(after)  # another office, another seat


def test_the_disclosure_thresholds_are_those_at_the_end_of_each_year():
    from coopdesk.domain.year.facts import YearEndFigures

    grown = facts(members=12, year_ends=(YearEndFigures(2025, D(2025, 12, 31), 230, 5_000_000),
                                         YearEndFigures(2026, TODAY, 12, 5_000_000)))
    keys = set(by_key(deadlines(grown, TODAY)))
    assert "disclosure:2025" in keys and "disclosure:2026" not in keys  # 230 members at 2025's end
    rich = facts(members=12, paid_in_capital=0, year_ends=(
        YearEndFigures(2025, D(2025, 12, 31), 12, 0),
        YearEndFigures(2026, TODAY, 12, law.DISCLOSURE_MIN_CAPITAL_WON.value)))
    keys = set(by_key(deadlines(rich, TODAY)))
    assert "disclosure:2026" in keys and "disclosure:2025" not in keys


def test_a_report_not_marked_done_stays_listed_after_new_year():
    made = facts(kept_since=D(2026, 12, 1))  # records (bylaws) from 2020, the file made this month
    before = [d.key for d in deadlines(made, D(2026, 12, 31)) if d.kind is DeadlineKind.YEARLY_REPORT]
    after = by_key(deadlines(made, D(2027, 1, 1)))
    assert before == ["yearly_report:2025", "yearly_report:2026"]
    assert after["yearly_report:2025"].urgency(D(2027, 1, 1)) is Urgency.OVERDUE
    done = dataclasses.replace(made, done_keys=frozenset({"yearly_report:2025"}))
    assert "yearly_report:2025" not in by_key(deadlines(done, D(2027, 1, 1)))


def test_a_coop_brought_into_the_program_is_not_greeted_by_years_before_it():
    brought = facts(kept_since=D(2026, 12, 1))  # records (bylaws) from 2020, the file made this month
    assert [d.key for d in deadlines(brought, TODAY) if d.kind is DeadlineKind.YEARLY_REPORT] == [
        "yearly_report:2025", "yearly_report:2026"]


def test_tasks_of_members_are_ordered_by_number_not_as_text():
    from coopdesk.domain.year.deadlines import natural_key

    keys = ["refund_claimable:member:10", "refund_claimable:member:4", "refund_claimable:member:13"]
    assert sorted(keys, key=natural_key) == ["refund_claimable:member:4", "refund_claimable:member:10",
                                             "refund_claimable:member:13"]
