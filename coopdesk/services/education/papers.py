"""The papers of a session, filled from the record: certificates of completion and the
attendance sheet (``domain.education.papers``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from coopdesk.domain.education.papers import (
    Attendee,
    CertificatePaper,
    SessionFacts,
    SheetPaper,
)
from coopdesk.domain.errors import Refusal
from coopdesk.domain.officers.terms import Office
from coopdesk.domain.text import N_
from coopdesk.services.audit import current_mark
from coopdesk.services.coops import get_coop
from coopdesk.services.education.attendance import AttendeeView, list_attendees
from coopdesk.services.education.sessions import get_session
from coopdesk.services.officers.terms import TermStatus, list_terms
from coopdesk.store.database import Database

SHEET_BLANK_LINES = 5  # rows to write in someone who came without being on the list
EMPTY_SHEET_LINES = 20  # a sheet printed before anyone is on the list


def session_facts(db: Database, coop_id: int, session_id: int, *, mark: bool = False) -> SessionFacts:
    coop = get_coop(db, coop_id)
    view = get_session(db, coop_id, session_id)
    d = view.details
    return SessionFacts(coop.name, coop.main_office, view.id, d.kind, d.topic, d.held_on, d.starts_at, d.ends_at,
                        d.minutes, d.place, d.instructor, d.organiser, current_mark(db).text() if mark else "")


def certificate_paper(db: Database, coop_id: int, session_id: int, attendance_ids: Collection[int] | None = None,
                      issued_on: dt.date | None = None) -> CertificatePaper:
    """Certificates of completion for the session's attendees (``attendance_ids``: those only)."""
    facts = session_facts(db, coop_id, session_id, mark=True)
    issued_on = issued_on or dt.date.today()
    people = [a for a in list_attendees(db, coop_id, session_id)
              if attendance_ids is None or a.id in attendance_ids]
    if not people:
        raise Refusal(N_("Nobody is on this session's list yet: there is no one to give a certificate to."),
                      field="attendee")
    if issued_on < facts.held_on:
        raise Refusal(N_("A certificate is issued once the session has taken place, on {date} or later."),
                      field="issued_on", date=facts.held_on)
    return CertificatePaper(facts, tuple(_attendee(a) for a in people), issued_on, _chair(db, coop_id, issued_on))


def sheet_paper(db: Database, coop_id: int, session_id: int) -> SheetPaper:
    people = tuple(_attendee(a) for a in list_attendees(db, coop_id, session_id))
    blank = SHEET_BLANK_LINES if people else EMPTY_SHEET_LINES
    return SheetPaper(session_facts(db, coop_id, session_id), people, blank)


def _attendee(a: AttendeeView) -> Attendee:
    return Attendee(a.id, a.name, a.member_number, a.member_type, a.birth_date)


def _chair(db: Database, coop_id: int, on: dt.date) -> str:
    """The chair (이사장) in office on ``on``, who signs for the co-op; "" when none is recorded."""
    for term in list_terms(db, coop_id):
        if term.term.office is Office.CHAIR and term.status_on(on) is TermStatus.IN_OFFICE:
            return term.person.name
    return ""
