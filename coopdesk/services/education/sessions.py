"""Education sessions: recording, correcting, deleting and reading them, each one transaction.

A session may be recorded ahead, as planned; its list of attendees is kept once it has taken
place (``attendance``), so a session with people on its list cannot move to a day after today.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopdesk.domain.education.sessions import SessionDetails, check_session
from coopdesk.domain.errors import Refusal
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.coops import get_coop
from coopdesk.services.education.rows import details_of, session_row
from coopdesk.store.database import Database
from coopdesk.store.models import EducationAttendanceRow, EducationSessionRow, Member


@dataclass(frozen=True, slots=True)
class SessionView:
    id: int
    details: SessionDetails
    members: int = 0  # attendees who are members
    guests: int = 0  # attendees not (yet) members

    @property
    def minutes(self) -> int:
        return self.details.minutes

    @property
    def attendees(self) -> int:
        return self.members + self.guests


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


def checked(details: SessionDetails) -> SessionDetails:
    details = details.cleaned()
    check_session(details)
    return details


def record_session(db: Database, coop_id: int, details: SessionDetails) -> SessionView:
    """A new session, planned or held."""
    details = checked(details)
    get_coop(db, coop_id)
    with db.write() as s:
        row = EducationSessionRow(coop_id=coop_id, created_at=dt.datetime.now(), **_columns(details))
        s.add(row)
        s.flush()
        audit.record(s, coop_id=coop_id, action="education.session.add", entity="education_session", key=row.id,
                     after=session_dict(details))
        return SessionView(row.id, details)


def edit_session(db: Database, coop_id: int, session_id: int, details: SessionDetails,
                 today: dt.date | None = None) -> SessionView:
    """New facts for a session.  With people on its list, it stays on a day that has come."""
    details = checked(details)
    today = _today(today)
    with db.write() as s:
        row = session_row(s, coop_id, session_id, lock=True)
        before = details_of(row)
        members, guests = _counts(s, session_id)
        if members + guests and details.held_on > today:
            raise Refusal(N_("People are on this session's list: it has taken place, so it cannot move to "
                             "{date}, after today."), field="session_date", date=details.held_on)
        if details == before:
            return SessionView(session_id, before, members, guests)
        for name, value in _columns(details).items():
            setattr(row, name, value)
        audit.record(s, coop_id=coop_id, action="education.session.edit", entity="education_session",
                     key=session_id, before=session_dict(before), after=session_dict(details))
        return SessionView(session_id, details, members, guests)


def delete_session(db: Database, coop_id: int, session_id: int) -> int:
    """Delete a session and its list of attendees (a session recorded by mistake); returns how
    many attendances went with it.  The log keeps who they were."""
    with db.write() as s:
        row = session_row(s, coop_id, session_id, lock=True)
        people = s.execute(select(EducationAttendanceRow.id, Member.number,
                                  func.coalesce(Member.name, EducationAttendanceRow.person_name))
                           .outerjoin(Member, Member.id == EducationAttendanceRow.member_id)
                           .where(EducationAttendanceRow.session_id == session_id)
                           .order_by(EducationAttendanceRow.id)).all()
        before = {**session_dict(details_of(row)),
                  "attendees": [{"member": number, "name": name} for _id, number, name in people]}
        s.delete(row)  # its attendances go with it (ON DELETE CASCADE)
        audit.record(s, coop_id=coop_id, action="education.session.delete", entity="education_session",
                     key=session_id, before=before)
        return len(people)


def get_session(db: Database, coop_id: int, session_id: int) -> SessionView:
    with db.read() as s:
        row = session_row(s, coop_id, session_id)
        return SessionView(row.id, details_of(row), *_counts(s, session_id))


def list_sessions(db: Database, coop_id: int, first: dt.date | None = None,
                  last: dt.date | None = None) -> list[SessionView]:
    """The sessions from ``first`` to ``last`` (both optional), latest first, with how many attended."""
    members = func.count(EducationAttendanceRow.member_id)
    everyone = func.count(EducationAttendanceRow.id)
    stmt = (select(EducationSessionRow, members, everyone)
            .outerjoin(EducationAttendanceRow, EducationAttendanceRow.session_id == EducationSessionRow.id)
            .where(EducationSessionRow.coop_id == coop_id)
            .group_by(EducationSessionRow.id)
            .order_by(EducationSessionRow.held_on.desc(), EducationSessionRow.starts_at.desc(),
                      EducationSessionRow.id.desc()))
    if first is not None:
        stmt = stmt.where(EducationSessionRow.held_on >= first)
    if last is not None:
        stmt = stmt.where(EducationSessionRow.held_on <= last)
    with db.read() as s:
        return [SessionView(row.id, details_of(row), m, n - m) for row, m, n in s.execute(stmt)]


def _counts(s: Session, session_id: int) -> tuple[int, int]:
    """(members, people not yet members) on the session's list."""
    members, everyone = s.execute(select(func.count(EducationAttendanceRow.member_id),
                                         func.count(EducationAttendanceRow.id))
                                  .where(EducationAttendanceRow.session_id == session_id)).one()
    return members, everyone - members


def _columns(d: SessionDetails) -> dict[str, object]:
    return {"kind": d.kind, "topic": d.topic, "held_on": d.held_on, "starts_at": d.starts_at, "ends_at": d.ends_at,
            "minutes": d.minutes, "place": d.place, "instructor": d.instructor, "organiser": d.organiser,
            "materials": d.materials}


def session_dict(d: SessionDetails) -> dict[str, object]:
    """A session as the audit log keeps it: times as text, the minutes they make."""
    return {**d.as_dict(), "starts_at": d.starts_at.isoformat(), "ends_at": d.ends_at.isoformat(),
            "minutes": d.minutes}
