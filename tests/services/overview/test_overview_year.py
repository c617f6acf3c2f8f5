"""The overview's next deadline and warnings are the co-op's year (``services.year``), read only."""

from __future__ import annotations

import datetime as dt

from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.year.deadlines import Urgency
from coopdesk.services.coops import create_coop
from coopdesk.services.members.member import add_member
from coopdesk.services.overview import overview
from coopdesk.services.overview.wording import due_text, warnings_text
from coopdesk.services.year.agenda import mark_done, year_agenda
from tests.conftest import TODAY, sample_profile


def target_of(db) -> str:  # noqa: ANN001
    return str(db.path) if db.is_sqlite else db.url


def late_coop(db) -> int:  # noqa: ANN001
    """Created in January 2025, 3 members, no officers, no assembly: last year's is overdue."""
    coop = create_coop(db, sample_profile(), adopted_on=dt.date(2025, 1, 1))
    for i in range(3):
        add_member(db, coop.id, MemberDetails(f"조합원{i}", "소비자"), joined_on=dt.date(2025, 2, 1))
    return coop.id


def test_the_next_deadline_and_the_warnings_are_the_years_own(db):
    coop_id = late_coop(db)
    agenda = year_agenda(db, coop_id, TODAY)

    (row,) = overview(target_of(db), TODAY).rows

    first = agenda.open[0].deadline  # the co-op's own first page: the first open task
    assert row.next_deadline is not None and row.next_deadline.key == first.key
    assert row.next_deadline.due_on == first.due_on and row.next_deadline.article == first.ref
    expected = {t.key for t in agenda.open if t.deadline.warning or t.urgency(TODAY) is Urgency.OVERDUE}
    assert {w.key for w in row.warnings} == expected
    assert {"ordinary_assembly:2025", "board_below_minimum:2026", "few_members:2026"} <= expected
    assert all(w.urgency is Urgency.OVERDUE for w in row.warnings)
    assert "Too few directors" in warnings_text(row) and "Ordinary general assembly" in warnings_text(row)
    assert "Hold the ordinary general assembly for fiscal year 2025 by Mar 31, 2026." in warnings_text(row, full=True)
    assert due_text(row.next_deadline).startswith(("Hold", "Give", "Report"))


def test_a_task_marked_done_is_no_longer_a_warning(db):
    coop_id = late_coop(db)
    mark_done(db, coop_id, "ordinary_assembly:2025", on=TODAY, note="총회 개최", today=TODAY)

    (row,) = overview(target_of(db), TODAY).rows

    assert "ordinary_assembly:2025" not in {w.key for w in row.warnings}
    assert row.next_deadline is not None and row.next_deadline.key != "ordinary_assembly:2025"


def test_the_deadlines_move_with_the_day_asked_for(db):
    coop_id = late_coop(db)
    (now,) = overview(target_of(db), TODAY).rows
    (before,) = overview(target_of(db), dt.date(2025, 12, 1)).rows  # before the 2025 year ended
    assert "ordinary_assembly:2025" in {w.key for w in now.warnings}
    assert "ordinary_assembly:2025" not in {w.key for w in before.warnings}
    assert coop_id == now.coop_id == before.coop_id
