"""The rows of the education area, looked up inside a transaction, with the refusal a user reads
when a number names nothing of this co-op; and who may be on a session's list on its day."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from coopdesk.domain.education.sessions import SessionDetails
from coopdesk.domain.errors import Refusal
from coopdesk.domain.text import N_
from coopdesk.store.models import EducationAttendanceRow, EducationSessionRow, Member


def session_row(s: Session, coop_id: int, session_id: int, *, lock: bool = False) -> EducationSessionRow:
    """The session, or a refusal.  ``lock`` holds its row until the transaction ends, so that two
    laptops adding to one session's list take turns (PostgreSQL; SQLite writes one at a time anyway)."""
    stmt = select(EducationSessionRow).where(EducationSessionRow.id == session_id)
    row = s.execute(stmt.with_for_update() if lock else stmt).scalar()
    if row is None or row.coop_id != coop_id:
        raise Refusal(N_("There is no education session number {id}."), field="session", id=session_id)
    return row


def attendance_row(s: Session, session_id: int, attendance_id: int) -> EducationAttendanceRow:
    row = s.get(EducationAttendanceRow, attendance_id)
    if row is None or row.session_id != session_id:
        raise Refusal(N_("Nobody with the number {id} is on the list of this session."), field="attendee",
                      id=attendance_id)
    return row


def details_of(row: EducationSessionRow) -> SessionDetails:
    return SessionDetails(row.kind, row.topic, row.held_on, row.starts_at, row.ends_at, row.place, row.instructor,
                          row.organiser, row.materials)


def not_gone(day: dt.date) -> ColumnElement[bool]:
    """A member (an applicant too) who had not left the co-op by ``day``: who may attend that day.
    Someone attends an orientation before being admitted, so the register alone is too narrow."""
    return and_(or_(Member.left_on.is_(None), Member.left_as.is_(None), Member.left_on > day),
                or_(Member.leaves_on.is_(None), Member.leaves_on > day))
