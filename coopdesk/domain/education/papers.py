"""The printed papers of a session, as plain values: the certificate of completion (수료증) and
the attendance sheet (출석부).  The services fill them; ``coopdesk.documents.education`` prints them.
Names and free texts arrive as the secretary typed them; everything else is a code or a message
id translated in the document's language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coopdesk.domain.education.sessions import Organiser, SessionKind


@dataclass(frozen=True, slots=True)
class SessionFacts:
    """What every paper of a session states."""

    coop_name: str
    main_office: str
    id: int
    kind: SessionKind
    topic: str
    held_on: dt.date
    starts_at: dt.time
    ends_at: dt.time
    minutes: int
    place: str
    instructor: str
    organiser: Organiser
    audit_mark: str = ""


@dataclass(frozen=True, slots=True)
class Attendee:
    """One person on a session's list; ``member_number`` None: not (yet) a member."""

    id: int
    name: str
    member_number: int | None
    member_type: str | None
    birth_date: dt.date | None


@dataclass(frozen=True, slots=True)
class CertificatePaper:
    """Certificates of completion for some attendees of one session, one page each."""

    session: SessionFacts
    attendees: tuple[Attendee, ...]
    issued_on: dt.date
    chair_name: str  # the chair in office on the day of issue, who signs; "" if none is recorded

    def number(self, attendee: Attendee) -> str:
        """"제 2026-3-12 호": the session's year, the session and the attendance, unique in the file."""
        return f"{self.session.held_on.year}-{self.session.id}-{attendee.id}"


@dataclass(frozen=True, slots=True)
class SheetPaper:
    """A session's attendance sheet: the attendees recorded, then blank lines to write in."""

    session: SessionFacts
    attendees: tuple[Attendee, ...]
    blank_lines: int
