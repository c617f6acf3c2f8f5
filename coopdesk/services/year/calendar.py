"""The co-op's year as an iCalendar file (RFC 5545) a phone's calendar imports.

Written by hand, since it is small and the rules are few:
- every open task is an all-day event on its due day (``DTSTART;VALUE=DATE``, the day after as
  ``DTEND``), with a reminder ``REMINDER_DAYS`` days before;
- the UID is made from the task's key and the co-op's identity (its number and the moment it was
  created), so importing a newer export updates the events instead of doubling them;
- text values escape backslashes, semicolons, commas and line breaks (RFC 5545 3.3.11);
- lines end in CRLF and are folded at 75 octets, never inside a UTF-8 character (3.1).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from sqlalchemy import select

from coopdesk.domain.text import N_
from coopdesk.i18n import Translator
from coopdesk.services.year.agenda import TaskView, deadline_text, year_agenda
from coopdesk.store.database import Database
from coopdesk.store.models import Coop

REMINDER_DAYS = 7
LINE_OCTETS = 75
_CALENDAR_NAME = N_("{coop}: the co-op's year")
_SUMMARY = N_("{task} ({coop})")


def calendar_ics(db: Database, coop_id: int, today: dt.date, language: str) -> bytes:
    """The open tasks of the co-op's year as an .ics file, in ``language`` ("ko" or "en")."""
    t = Translator(language)
    with db.read() as s:
        name, created_at = s.execute(select(Coop.name, Coop.created_at).where(Coop.id == coop_id)).one()
    agenda = year_agenda(db, coop_id, today)
    identity = hashlib.sha256(f"{coop_id}|{created_at.isoformat()}".encode()).hexdigest()[:16]
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//CoopDesk//Co-op year//" + language.upper(),
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             "X-WR-CALNAME:" + escape(t.gettext(_CALENDAR_NAME, coop=name))]
    for task in agenda.open:
        lines += _event(task, name, identity, stamp, t)
    lines.append("END:VCALENDAR")
    return b"".join(fold(line) for line in lines)


def write_calendar(db: Database, coop_id: int, path: str | Path, today: dt.date, language: str) -> Path:
    target = Path(path)
    target.write_bytes(calendar_ics(db, coop_id, today, language))
    return target


def _event(task: TaskView, coop: str, identity: str, stamp: str, t: Translator) -> list[str]:
    d = task.deadline
    text = deadline_text(d, t)
    summary = t.gettext(_SUMMARY, task=t.gettext(d.kind.label), coop=coop)
    description = f"{text}\n{d.ref.label(t.language)}"
    return ["BEGIN:VEVENT",
            f"UID:{_uid(d.key)}-{identity}@coopdesk",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{d.due_on:%Y%m%d}",
            f"DTEND;VALUE=DATE:{d.due_on + dt.timedelta(days=1):%Y%m%d}",
            "SUMMARY:" + escape(summary),
            "DESCRIPTION:" + escape(description),
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + escape(summary), f"TRIGGER:-P{REMINDER_DAYS}D",
            "END:VALARM",
            "END:VEVENT"]


def _uid(key: str) -> str:
    """The key in characters every calendar accepts in a UID: ``notice:meeting:17`` -> ``notice-meeting-17``."""
    return "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "-" for c in key)


def escape(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11)."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> bytes:
    """One content line, folded at ``LINE_OCTETS`` octets (the leading space of a continuation
    counts), never splitting a UTF-8 character, ending in CRLF."""
    out = bytearray()
    room = LINE_OCTETS
    for char in line:
        octets = char.encode("utf-8")
        if len(octets) > room:
            out += b"\r\n "
            room = LINE_OCTETS - 1
        out += octets
        room -= len(octets)
    return bytes(out) + b"\r\n"
