"""What the `coopdesk education` commands share: the names of kinds and organisers on the command
line, times, hours in words, and the JSON of a session and an attendee."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any

from coopdesk.cli.common import iso
from coopdesk.domain.education.hours import Duration
from coopdesk.domain.education.sessions import Organiser, SessionKind
from coopdesk.i18n import _, current

if TYPE_CHECKING:
    from coopdesk.services.education.attendance import AttendeeView
    from coopdesk.services.education.sessions import SessionView

# The kinds and organisers as the command line names them; JSON output uses their codes.
KINDS = {"orientation": SessionKind.ORIENTATION, "founding": SessionKind.FOUNDING_COURSE,
         "officer": SessionKind.OFFICER_TRAINING, "member": SessionKind.MEMBER_EDUCATION,
         "staff": SessionKind.STAFF_TRAINING}
ORGANISERS = {"coop": Organiser.COOP, "centre": Organiser.CONSULTATION_CENTRE,
              "agency": Organiser.MINISTRY_AGENCY}
# The Korean names in the help: the words on the co-op's own papers.
KIND_HELP = {"orientation": "신규 조합원 교육", "founding": "설립 교육", "officer": "임원 교육",
             "member": "조합원 교육", "staff": "직원 교육"}
ORGANISER_HELP = {"coop": "조합", "centre": "협동조합 지원센터", "agency": "주무부처 위탁기관"}


def clock(text: str) -> dt.time:
    """An argparse ``type``: a time of day written HH:MM."""
    try:
        hours, minutes = (int(part) for part in text.strip().split(":"))
        return dt.time(hours, minutes)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("\u201c{value}\u201d is not a time: write it as HH:MM.", value=text)) from None


def clock_text(value: dt.time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def hours_text(minutes: int) -> str:
    """90 minutes in the screen's language: "1 h 30 min", "1시간 30분"."""
    words, t = Duration(minutes).words, current()
    return _(words.message, **{k: t.number(v) for k, v in words.params})


def session_json(v: SessionView) -> dict[str, Any]:
    d = v.details
    return {"id": v.id, "kind": d.kind.value, "topic": d.topic, "date": iso(d.held_on),
            "start": clock_text(d.starts_at), "end": clock_text(d.ends_at), "minutes": d.minutes,
            "place": d.place, "instructor": d.instructor, "organiser": d.organiser.value, "materials": d.materials,
            "members": v.members, "guests": v.guests}


def attendee_json(a: AttendeeView) -> dict[str, Any]:
    return {"id": a.id, "name": a.name, "member": a.member_number, "member_type": a.member_type,
            "birth_date": iso(a.birth_date), "phone": a.phone, "linked": a.linked}


def attendee_text(a: AttendeeView) -> str:
    """"김민준 (member 3)", or "최하은 (not a member)"."""
    if a.member_number is None:
        return _("{name} (not a member)", name=a.name)
    return _("{name} (member {number})", name=a.name, number=a.member_number)
