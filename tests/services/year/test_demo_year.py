"""The demo co-op's year looks like a well-kept co-op's: last year's report and capital registration
filed on time (marked done, audited, with a note), only real things left to do.  On SQLite and
PostgreSQL."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from coopdesk.domain.year.deadlines import DeadlineKind, Urgency
from coopdesk.services.demo import create_demo
from coopdesk.services.year.agenda import year_agenda
from coopdesk.store.models import AuditEntry

TODAY = dt.date(2026, 11, 21)
PAPERS = {DeadlineKind.YEARLY_REPORT, DeadlineKind.CAPITAL_REGISTRATION, DeadlineKind.SETTLEMENT_TO_AUDITOR,
          DeadlineKind.DISCLOSURE}


def test_the_demos_first_page_has_last_years_papers_done_and_nothing_overdue(db):
    coop = create_demo(db, today=TODAY)
    agenda = year_agenda(db, coop.id, TODAY)
    overdue = [t.key for t in agenda.open if t.deadline.warning or t.urgency(TODAY) is Urgency.OVERDUE]
    assert overdue == []
    done = {t.key: t for t in agenda.done}
    assert {"yearly_report:2025", "capital_registration:2025"} <= set(done)
    report = done["yearly_report:2025"]
    assert dt.date(2026, 1, 1) <= report.done_on <= report.deadline.due_on and report.done_note
    assert all(t.deadline.kind in PAPERS for t in agenda.done)
    assert agenda.open  # a few real things to do: next year's assembly, a refund, a member leaving
    with db.read() as s:
        marked = s.execute(select(AuditEntry.entity_key).where(AuditEntry.action == "year.task.done")).scalars().all()
    assert set(marked) == set(done)


def test_a_demo_made_early_in_the_year_leaves_the_papers_not_yet_due_open(db):
    early = dt.date(2026, 2, 10)
    coop = create_demo(db, today=early)
    agenda = year_agenda(db, coop.id, early)
    assert {"yearly_report:2025", "capital_registration:2025"} <= {t.key for t in agenda.open}
    assert not agenda.done
