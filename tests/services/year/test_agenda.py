"""The co-op's year from a co-op's own records, on SQLite and on PostgreSQL: the facts read with SQL,
the tasks they give, marking a task done (audited, on the record after its rule stops producing it),
and the refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from coopdesk.domain.coop import BylawsSettings
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.members.standing import EventKind
from coopdesk.domain.officers.terms import Office
from coopdesk.domain.year.deadlines import Urgency
from coopdesk.i18n import Translator
from coopdesk.services.capital.ledger import NewSubscription, pay, subscribe_many
from coopdesk.services.coops import create_coop
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting
from coopdesk.services.meetings.notice import record_notice
from coopdesk.services.members.member import add_member, record_event
from coopdesk.services.officers.terms import TermInput, add_term
from coopdesk.services.year import facts as facts_module
from coopdesk.services.year.agenda import deadline_text, mark_done, next_deadline, unmark_done, year_agenda
from coopdesk.services.year.facts import read_facts
from coopdesk.store.models import AuditEntry

D = dt.date
TODAY = D(2026, 11, 21)


@pytest.fixture
def village(db):
    """A calendar-year co-op founded 2024-01-01 whose bylaws ask for an orientation:
    members 1-6 joined 2024-01-10 with capital, 7 and 8 joined this autumn (nobody has attended an
    orientation);
    member 5 withdrew on 2025-06-30 holding capital, member 6 gave notice and leaves on 2026-12-01;
    a chair whose term ends 2026-12-31, one director and an auditor; the ordinary assembly of 2026
    held, an extraordinary one planned for 2026-12-31 with no notice yet and next year's ordinary
    one planned for 2027-03-25, its notice sent."""
    coop = create_coop(db, _profile(), adopted_on=D(2024, 1, 1))
    people = [(f"조합원{n}", D(2024, 1, 10)) for n in range(1, 7)] + [("강서준", D(2026, 10, 1)),
                                                                    ("윤지호", D(2026, 10, 15))]
    for name, joined in people:
        add_member(db, coop.id, MemberDetails(name, "소비자"), joined_on=joined, today=TODAY)
    subscribe_many(db, coop.id, [NewSubscription(n, 10, D(2024, 1, 10)) for n in range(1, 7)], today=TODAY)
    for n in range(1, 7):
        pay(db, coop.id, n, 100_000, on=D(2024, 1, 11), today=TODAY)
    record_event(db, coop.id, 5, EventKind.WITHDRAWN, D(2025, 6, 30), today=TODAY)
    record_event(db, coop.id, 6, EventKind.WITHDRAWAL_NOTICE, D(2026, 11, 1), today=TODAY)
    add_term(db, coop.id, TermInput(Office.CHAIR, D(2025, 1, 1), D(2026, 12, 31), member_number=1), today=TODAY)
    add_term(db, coop.id, TermInput(Office.DIRECTOR, D(2025, 3, 1), D(2027, 2, 28), member_number=2), today=TODAY)
    add_term(db, coop.id, TermInput(Office.AUDITOR, D(2025, 3, 1), D(2027, 2, 28), member_number=3), today=TODAY)
    create_meeting(db, coop.id, MeetingInput(MeetingKind.ORDINARY_ASSEMBLY, "2025년 정기총회", D(2026, 3, 20)))
    extra = create_meeting(db, coop.id, MeetingInput(MeetingKind.EXTRAORDINARY_ASSEMBLY, "임시총회", D(2026, 12, 31)))
    ordinary = create_meeting(db, coop.id, MeetingInput(MeetingKind.ORDINARY_ASSEMBLY, "2026년 정기총회",
                                                        D(2027, 3, 25)))
    record_notice(db, coop.id, ordinary.id, D(2026, 11, 20), "우편")
    return coop, extra.id, ordinary.id


def _profile():
    from tests.conftest import sample_profile

    return sample_profile(bylaws=BylawsSettings(orientation_required=True))


def keys(agenda) -> dict[str, object]:
    return {t.key: t for t in agenda.tasks}


def test_the_facts_are_read_with_sql_on_a_plain_connection(db, village):
    coop, extra, ordinary = village
    with db.engine.connect() as conn:
        f = read_facts(conn, coop.id, TODAY)
    assert (f.members, f.paid_in_capital, f.has_capital_ledger, f.capital_moved_last_year) == (7, 600_000, True, False)
    assert f.established_on == D(2024, 1, 1) and f.orientation_required
    assert f.ordinary_assemblies_held == (D(2026, 3, 20),) == f.assemblies_held
    assert [(m.id, m.notice_sent_on) for m in f.planned_meetings] == [(extra, None), (ordinary, D(2026, 11, 20))]
    assert (f.directors_in_office, f.auditors_in_office) == (2, 1)
    chair = f.terms_in_office[0]
    assert (chair.office, chair.name, chair.ends_on) == (Office.CHAIR, "조합원1", D(2026, 12, 31))
    assert [(w.number, w.leaves_on) for w in f.withdrawals] == [(6, D(2026, 12, 1))] and f.withdrawals_count == 1
    assert [(r.number, r.claim_from, r.lapses_on) for r in f.refunds] == [(5, D(2026, 1, 1), D(2028, 1, 1))]
    # nobody has attended an orientation yet: the founders owe it too, longest first
    assert [o.number for o in f.owing_orientation] == [1, 2, 3, 4, 6, 7, 8] and f.owing_orientation_count == 7


def test_the_short_lists_are_capped_in_sql_and_carry_their_count(db, village, monkeypatch):
    coop, *_ = village
    monkeypatch.setattr(facts_module, "LIST_AT_MOST", 1)
    with db.engine.connect() as conn:
        f = read_facts(conn, coop.id, TODAY)
    assert [o.number for o in f.owing_orientation] == [1] and f.owing_orientation_count == 7


def test_the_agenda_lists_what_the_law_expects_from_the_records(db, village):
    coop, extra, ordinary = village
    tasks = keys(year_agenda(db, coop.id, TODAY))
    assert tasks[f"notice:meeting:{extra}"].deadline.due_on == D(2026, 12, 23)
    assert f"notice:meeting:{ordinary}" not in tasks  # its notice went out
    assert "ordinary_assembly:2025" not in tasks  # held on 2026-03-20
    assert tasks["ordinary_assembly:2026"].deadline.target_id == ordinary
    assert tasks["settlement_to_auditor:2026"].deadline.due_on == D(2027, 3, 17)
    assert tasks["yearly_report:2025"].urgency(TODAY) is Urgency.OVERDUE
    assert tasks["term_end:officer_term:1"].deadline.due_on == D(2026, 12, 31)
    assert tasks["board_below_minimum:2026"].deadline.warning
    assert "few_members:2026" not in tasks
    assert tasks["refund_lapse:member:5"].deadline.due_on == D(2027, 12, 31)
    assert tasks["withdrawal:member:6"].deadline.due_on == D(2026, 12, 1)
    assert {"orientation:member:7", "orientation:member:8"} <= set(tasks)
    assert "disclosure:2025" not in tasks  # a general co-op of 7 members
    text = deadline_text(tasks["withdrawal:member:6"].deadline, Translator("en"))
    assert text == "Member 6, 조합원6, leaves the co-op on Dec 1, 2026."
    dates = [t.deadline.due_on for t in year_agenda(db, coop.id, TODAY).open]
    assert dates == sorted(dates)


def test_a_task_marked_done_is_audited_and_stays_on_the_record(db, village):
    coop, *_ = village
    done = mark_done(db, coop.id, "withdrawal:member:6", on=D(2026, 11, 20), note="탈퇴 예고 확인", today=TODAY)
    assert (done.done_on, done.done_note, done.done) == (D(2026, 11, 20), "탈퇴 예고 확인", True)
    agenda = year_agenda(db, coop.id, TODAY)
    assert agenda.tasks[-1].key == "withdrawal:member:6" and agenda.tasks[-1].done_by
    assert "withdrawal:member:6" not in {t.key for t in agenda.open}
    with db.engine.connect() as conn:
        assert "withdrawal:member:6" in read_facts(conn, coop.id, TODAY).done_keys
    # after the member has left the rule gives it no more: the task stays, as it read
    later = keys(year_agenda(db, coop.id, D(2026, 12, 2)))["withdrawal:member:6"]
    assert later.done_on == D(2026, 11, 20)
    assert deadline_text(later.deadline, Translator("en")) == "Member 6, 조합원6, leaves the co-op on Dec 1, 2026."
    with db.read() as s:
        entries = s.execute(select(AuditEntry.action, AuditEntry.entity_key)
                            .where(AuditEntry.action.like("year.%"))).all()
    assert entries == [("year.task.done", "withdrawal:member:6")]


def test_marking_again_changes_the_day_and_unmarking_reopens_it(db, village):
    coop, *_ = village
    mark_done(db, coop.id, "yearly_report:2025", on=D(2026, 3, 30), note="시청 제출", today=TODAY)
    again = mark_done(db, coop.id, "yearly_report:2025", on=D(2026, 3, 31), note="", today=TODAY)
    assert (again.done_on, again.done_note) == (D(2026, 3, 31), "")
    reopened = unmark_done(db, coop.id, "yearly_report:2025", today=TODAY)
    assert reopened is not None and not reopened.done
    assert keys(year_agenda(db, coop.id, TODAY))["yearly_report:2025"].done_on is None
    with db.read() as s:
        actions = s.execute(select(AuditEntry.action).where(AuditEntry.action.like("year.%"))
                            .order_by(AuditEntry.id)).scalars().all()
    assert actions == ["year.task.done", "year.task.done", "year.task.undone"]


def test_refusals(db, village):
    coop, *_ = village
    with pytest.raises(Refusal) as late:
        mark_done(db, coop.id, "yearly_report:2025", on=TODAY + dt.timedelta(days=1), today=TODAY)
    assert late.value.field == "on"
    with pytest.raises(Refusal) as unknown:
        mark_done(db, coop.id, "ordinary_assembly:1999", on=TODAY, today=TODAY)
    assert unknown.value.field == "key"
    with pytest.raises(Refusal):
        unmark_done(db, coop.id, "yearly_report:2025", today=TODAY)
    with db.read() as s:
        assert not s.execute(select(AuditEntry.id).where(AuditEntry.action.like("year.%"))).first()


def test_the_next_deadline_skips_the_done_ones(db, village):
    coop, *_ = village
    with db.engine.connect() as conn:
        first = next_deadline(read_facts(conn, coop.id, TODAY), TODAY)
    assert first is not None and first.key == "yearly_report:2025"
    mark_done(db, coop.id, "yearly_report:2025", on=TODAY, today=TODAY)
    with db.engine.connect() as conn:
        assert next_deadline(read_facts(conn, coop.id, TODAY), TODAY).key != "yearly_report:2025"


def test_the_words_of_a_task_format_dates_and_counts_but_not_years():
    from types import MappingProxyType

    from coopdesk.domain import law
    from coopdesk.domain.year.deadlines import Deadline, DeadlineKind

    many = Deadline("orientation:2026", DeadlineKind.ORIENTATION, TODAY,
                    "{count} members still owe the orientation; the longest since {joined_on}.",
                    MappingProxyType({"count": 86_154, "joined_on": D(2026, 1, 2)}), law.EDUCATION_DUTY.ref,
                    "education", None, True)
    assert deadline_text(many, Translator("en")) == \
        "86,154 members still owe the orientation; the longest since Jan 2, 2026."
    assert deadline_text(many, Translator("ko")) == \
        "조합원 86,154명이 아직 신규 조합원 교육을 받지 않았습니다. 가장 오래된 분은 2026. 1. 2. 가입했습니다."
    year = Deadline("yearly_report:2026", DeadlineKind.YEARLY_REPORT, TODAY,
                    "Report the member count and paid-in capital for fiscal year {year} to the city or province "
                    "by {due}.", MappingProxyType({"year": 2026, "due": D(2027, 3, 31)}), law.YEARLY_REPORT_MONTHS.ref,
                    "capital")
    assert deadline_text(year, Translator("ko")) == "2026 회계연도 조합원 수와 납입출자금을 2027. 3. 31.까지 시·도에 신고하세요."
