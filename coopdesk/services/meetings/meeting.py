"""A meeting (회의) itself: creating it with its standard agenda, editing its facts, the
times and chair of the day, and reading it.

What decides a result — the kind of meeting, its day (the register is taken on that day)
and the founding consenters — is fixed once anybody has checked in or an item is closed;
the place, times, title and purpose stay editable, to correct a typo in the minutes.
Every view carries the meeting's ``MeetingRules``: what the law asks of this kind of
meeting, for the screens to show rather than work out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from coopdesk.domain.errors import Refusal
from coopdesk.domain.fields import NAME_LENGTH, PLACE_LENGTH, PURPOSE_LENGTH, TITLE_LENGTH, check_date, check_text
from coopdesk.domain.law_ref import LawRef
from coopdesk.domain.meetings.agenda import standard_agenda
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.meetings.rules import MeetingRules, check_kind_at, rules_for
from coopdesk.domain.officers.terms import BoardRequirement, board_required
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.coops import get_coop
from coopdesk.services.meetings.agenda import add_standard_items
from coopdesk.services.meetings.register import on_register
from coopdesk.services.meetings.rows import agenda_rows, meeting_row
from coopdesk.store.database import Database
from coopdesk.store.models import AgendaItemRow, CheckInRow, MeetingRow, Member


@dataclass(frozen=True, slots=True)
class MeetingInput:
    kind: MeetingKind
    title: str
    held_on: dt.date
    starts_at: dt.time | None = None
    place: str = ""
    convened_by: str = ""
    chair_name: str = ""
    consenters: int | None = None  # founding meeting: the number of consenters (설립동의자)
    purpose: str = ""  # the notice's purpose (소집 목적); blank: the title says it


@dataclass(frozen=True, slots=True)
class MeetingView:
    id: int
    kind: MeetingKind
    title: str
    held_on: dt.date
    starts_at: dt.time | None
    place: str
    convened_by: str
    chair_name: str
    opened_at: dt.time | None
    closed_at: dt.time | None
    consenters: int | None
    purpose: str

    @property
    def rules(self) -> MeetingRules:
        """What the law asks of this kind of meeting: register, proxies, quorum, signers."""
        return rules_for(self.kind)


@dataclass(frozen=True, slots=True)
class BoardOption:
    """Whether the co-op may do without a board (Act 32①), with the count it rests on."""

    members: int  # on the register that day
    requirement: BoardRequirement

    @property
    def optional(self) -> bool:
        return not self.requirement.required

    @property
    def below(self) -> int:
        return self.requirement.below

    @property
    def ref(self) -> LawRef:
        return self.requirement.article


_FIXED_ONCE_HELD = ("kind", "held_on", "consenters")


def kind_rules(kind: MeetingKind) -> MeetingRules:
    """What the law asks of a meeting of this kind, for a form before the meeting exists."""
    return rules_for(kind)


def offers_standard_agenda(kind: MeetingKind) -> bool:
    return bool(standard_agenda(kind))


def board_option(db: Database, coop_id: int, on: dt.date) -> BoardOption:
    """May the co-op do without a board on ``on``?  Counted by the database, whatever the register's size."""
    with db.read() as s:
        members = s.execute(select(func.count()).select_from(Member)
                            .where(Member.coop_id == coop_id, on_register(on))).scalar_one()
    return BoardOption(members, board_required(members))


def create_meeting(db: Database, coop_id: int, given: MeetingInput, *,
                   with_standard_agenda: bool = False) -> MeetingView:
    """A new meeting and, if asked, its usual agenda: one user action, one transaction."""
    get_coop(db, coop_id)
    if with_standard_agenda and not standard_agenda(given.kind):
        raise Refusal(N_("There is a standard agenda only for an ordinary assembly and a founding meeting."),
                      field="standard_agenda")
    with db.write() as s:
        row = MeetingRow(coop_id=coop_id, created_at=dt.datetime.now(), **checked_meeting(given))
        s.add(row)
        s.flush()
        audit.record(s, coop_id=coop_id, action="meeting.create", entity="meeting", key=row.id,
                     after=meeting_dict(row))
        if with_standard_agenda:
            add_standard_items(s, coop_id, row)
        return meeting_view(row)


def checked_meeting(given: MeetingInput) -> dict[str, object]:
    """The meeting's columns, tidied, or a refusal: text every page and export can hold,
    a day the notice can be counted back from."""
    title = " ".join(given.title.split())
    if not title:
        raise Refusal(N_("Give the meeting a title."), field="title")
    if given.consenters is not None:  # the register of a founding meeting is its consenters, not a number
        raise Refusal(N_("A founding meeting counts the consenters recorded one by one in the co-op's founding, "
                         "not a number typed in."), field="consenters")
    columns: dict[str, object] = {
        "kind": given.kind, "title": title, "held_on": given.held_on, "starts_at": given.starts_at,
        "place": " ".join(given.place.split()), "convened_by": " ".join(given.convened_by.split()),
        "chair_name": " ".join(given.chair_name.split()), "consenters": given.consenters,
        "purpose": given.purpose.strip()}
    check_date(given.held_on, "held_on")
    for field, length in _TEXT_LENGTHS.items():
        check_text(str(columns[field]), field, length, multiline=field == "purpose")
    return columns


_TEXT_LENGTHS = {"title": TITLE_LENGTH, "place": PLACE_LENGTH, "convened_by": NAME_LENGTH,
                 "chair_name": NAME_LENGTH, "purpose": PURPOSE_LENGTH}


def edit_meeting(db: Database, coop_id: int, meeting_id: int, given: MeetingInput) -> MeetingView:
    """New facts for the meeting; the kind, day and consenters only while it has not begun."""
    columns = checked_meeting(given)
    with db.write() as s:
        row = meeting_row(s, coop_id, meeting_id)
        before = meeting_dict(row)
        changed = [c for c in _FIXED_ONCE_HELD if getattr(row, c) != columns[c]]
        if changed and _has_begun(s, meeting_id):
            raise Refusal(N_("People have checked in or items are closed: the kind of meeting, its date "
                             "and the number of consenters can no longer change."), field=changed[0])
        if "kind" in changed:
            for item in agenda_rows(s, meeting_id):
                check_kind_at(given.kind, item.kind)
        for name, value in columns.items():
            setattr(row, name, value)
        audit.record(s, coop_id=coop_id, action="meeting.edit", entity="meeting", key=meeting_id,
                     before=before, after=meeting_dict(row))
        return meeting_view(row)


def record_times(db: Database, coop_id: int, meeting_id: int, *, opened_at: dt.time | None = None,
                 closed_at: dt.time | None = None, chair_name: str | None = None) -> MeetingView:
    """The time the chair opened or closed the meeting, and who chaired it."""
    with db.write() as s:
        row = meeting_row(s, coop_id, meeting_id)
        before = meeting_dict(row)
        if opened_at is not None:
            row.opened_at = opened_at
        if closed_at is not None:
            row.closed_at = closed_at
        if chair_name is not None:
            check_text(chair_name, "chair_name", NAME_LENGTH)
            row.chair_name = " ".join(chair_name.split())
        if row.opened_at and row.closed_at and row.closed_at < row.opened_at:
            raise Refusal(N_("The meeting cannot close before it opens."), field="closed_at")
        audit.record(s, coop_id=coop_id, action="meeting.times", entity="meeting", key=meeting_id,
                     before=before, after=meeting_dict(row))
        return meeting_view(row)


def get_meeting(db: Database, coop_id: int, meeting_id: int) -> MeetingView:
    with db.read() as s:
        return meeting_view(meeting_row(s, coop_id, meeting_id))


def list_meetings(db: Database, coop_id: int) -> list[MeetingView]:
    with db.read() as s:
        rows = s.execute(select(MeetingRow).where(MeetingRow.coop_id == coop_id)
                         .order_by(MeetingRow.held_on, MeetingRow.id)).scalars()
        return [meeting_view(r) for r in rows]


def meeting_view(r: MeetingRow) -> MeetingView:
    return MeetingView(r.id, r.kind, r.title, r.held_on, r.starts_at, r.place, r.convened_by, r.chair_name,
                       r.opened_at, r.closed_at, r.consenters, r.purpose)


def _time(t: dt.time | None) -> str | None:
    return None if t is None else t.isoformat()


def meeting_dict(r: MeetingRow) -> dict[str, object]:
    return {"kind": r.kind, "title": r.title, "held_on": r.held_on, "starts_at": _time(r.starts_at),
            "place": r.place, "convened_by": r.convened_by, "chair_name": r.chair_name,
            "opened_at": _time(r.opened_at), "closed_at": _time(r.closed_at), "consenters": r.consenters,
            "purpose": r.purpose}


def _has_begun(s: Session, meeting_id: int) -> bool:
    checked_in = s.execute(select(exists().where(CheckInRow.meeting_id == meeting_id))).scalar()
    closed = s.execute(select(exists().where(AgendaItemRow.meeting_id == meeting_id,
                                             AgendaItemRow.closed.is_(True)))).scalar()
    return bool(checked_in or closed)
