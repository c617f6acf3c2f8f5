"""Meetings (회의): creating them and their agenda (안건).

The notice is in ``meeting_notice``, attendance in ``meeting_attendance``, votes in
``meeting_votes``.  The rules are the domain's; this module reads and writes,
one transaction per action, each with an audit entry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopdesk.domain.coop import BylawsSettings, check_bylaws
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind, Subject, check_kind
from coopdesk.domain.meetings.rules import check_kind_at
from coopdesk.domain.meetings.agenda import standard_agenda
from coopdesk.domain.meetings.notice import check_expulsion_notice
from coopdesk.domain.text import N_
from coopdesk.i18n import Translator, _
from coopdesk.services import audit
from coopdesk.services.coops import bylaws_to_dict, get_coop
from coopdesk.store.database import Database
from coopdesk.store.models import AgendaItemRow, Member, MeetingRow


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


@dataclass(frozen=True, slots=True)
class ItemInput:
    subject: Subject
    title: str
    kind: ResolutionKind
    proposal: str = ""
    expel_member: int | None = None  # expulsion: the member's number
    grounds_told_on: dt.date | None = None  # expulsion: the day the member was told the grounds
    new_bylaws: BylawsSettings | None = None  # bylaws amendment: the settings proposed


@dataclass(frozen=True, slots=True)
class ItemView:
    id: int
    position: int
    subject: Subject
    title: str
    proposal: str
    kind: ResolutionKind
    discussion: str
    closed: bool
    expel_member: int | None
    grounds_told_on: dt.date | None
    heard: bool


# -- meetings ---------------------------------------------------------------------------------

def create_meeting(db: Database, coop_id: int, given: MeetingInput) -> MeetingView:
    get_coop(db, coop_id)
    with db.write() as s:
        row = MeetingRow(coop_id=coop_id, created_at=dt.datetime.now(), **checked_meeting(given))
        s.add(row)
        s.flush()
        audit.record(s, coop_id=coop_id, action="meeting.create", entity="meeting", key=row.id,
                     after=meeting_dict(row))
        meeting_id = row.id
    return get_meeting(db, coop_id, meeting_id)


def checked_meeting(given: MeetingInput) -> dict[str, object]:
    """The meeting's columns, tidied, or a refusal."""
    title = " ".join(given.title.split())
    if not title:
        raise Refusal(N_("Give the meeting a title."), field="title")
    if given.consenters is not None and (given.kind is not MeetingKind.FOUNDING or given.consenters < 1):
        raise Refusal(N_("Only a founding meeting counts consenters, and at least one."), field="consenters")
    return {"kind": given.kind, "title": title, "held_on": given.held_on, "starts_at": given.starts_at,
            "place": given.place.strip(), "convened_by": given.convened_by.strip(),
            "chair_name": " ".join(given.chair_name.split()), "consenters": given.consenters,
            "purpose": given.purpose.strip()}


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
            row.chair_name = " ".join(chair_name.split())
        if row.opened_at and row.closed_at and row.closed_at < row.opened_at:
            raise Refusal(N_("The meeting cannot close before it opens."), field="closed_at")
        audit.record(s, coop_id=coop_id, action="meeting.times", entity="meeting", key=meeting_id,
                     before=before, after=meeting_dict(row))
    return get_meeting(db, coop_id, meeting_id)


def get_meeting(db: Database, coop_id: int, meeting_id: int) -> MeetingView:
    with db.read() as s:
        return _view(meeting_row(s, coop_id, meeting_id))


def list_meetings(db: Database, coop_id: int) -> list[MeetingView]:
    with db.read() as s:
        rows = s.execute(select(MeetingRow).where(MeetingRow.coop_id == coop_id)
                         .order_by(MeetingRow.held_on, MeetingRow.id)).scalars()
        return [_view(r) for r in rows]


# -- agenda -----------------------------------------------------------------------------------

def add_item(db: Database, coop_id: int, meeting_id: int, given: ItemInput) -> ItemView:
    """A new item at the end of the agenda; the law's kind is enforced (Act 29②)."""
    with db.write() as s:
        meeting = meeting_row(s, coop_id, meeting_id)
        row = _new_item(s, coop_id, meeting, given)
        audit.record(s, coop_id=coop_id, action="meeting.item.add", entity="agenda_item", key=row.id,
                     after=item_dict(row))
        item_id = row.id
    return get_item(db, coop_id, item_id)


def add_standard_agenda(db: Database, coop_id: int, meeting_id: int, language: str | None = None) -> list[ItemView]:
    """The usual items of an ordinary assembly or a founding meeting, in their order; titles
    in ``language`` (default: the user's), as the secretary would have typed them."""
    title_of = Translator(language).gettext if language else _
    with db.write() as s:
        meeting = meeting_row(s, coop_id, meeting_id)
        rows = [_new_item(s, coop_id, meeting, ItemInput(subject, title_of(title), kind))
                for subject, title, kind in standard_agenda(meeting.kind)]
        audit.record(s, coop_id=coop_id, action="meeting.item.standard", entity="meeting", key=meeting_id,
                     after=[item_dict(r) for r in rows])
    return list_items(db, coop_id, meeting_id)


def record_item_text(db: Database, coop_id: int, item_id: int, *, proposal: str | None = None,
                     discussion: str | None = None) -> ItemView:
    """The proposal and the secretary's summary of the discussion, while the item is open."""
    with db.write() as s:
        row = open_item(s, coop_id, item_id)
        before = item_dict(row)
        if proposal is not None:
            row.proposal = proposal.strip()
        if discussion is not None:
            row.discussion = discussion.strip()
        audit.record(s, coop_id=coop_id, action="meeting.item.text", entity="agenda_item", key=item_id,
                     before=before, after=item_dict(row))
    return get_item(db, coop_id, item_id)


def record_hearing(db: Database, coop_id: int, item_id: int, heard: bool = True) -> ItemView:
    """The member to be expelled was given the chance to speak (Act 25②)."""
    with db.write() as s:
        row = open_item(s, coop_id, item_id)
        if row.subject is not Subject.EXPULSION:
            raise Refusal(N_("Only an expulsion item records a hearing."), field="heard")
        row.heard = heard
        audit.record(s, coop_id=coop_id, action="meeting.item.heard", entity="agenda_item", key=item_id,
                     after={"heard": heard})
    return get_item(db, coop_id, item_id)


def get_item(db: Database, coop_id: int, item_id: int) -> ItemView:
    with db.read() as s:
        row = item_row(s, coop_id, item_id)
        return item_view(s, row)


def list_items(db: Database, coop_id: int, meeting_id: int) -> list[ItemView]:
    with db.read() as s:
        meeting_row(s, coop_id, meeting_id)
        rows = s.execute(select(AgendaItemRow).where(AgendaItemRow.meeting_id == meeting_id)
                         .order_by(AgendaItemRow.position)).scalars()
        return [item_view(s, r) for r in rows]


def _new_item(s: Session, coop_id: int, meeting: MeetingRow, given: ItemInput) -> AgendaItemRow:
    title = " ".join(given.title.split())
    if not title:
        raise Refusal(N_("Give the item a title."), field="title")
    check_kind(given.subject, given.kind)
    check_kind_at(meeting.kind, given.kind)
    expel_id, bylaws = _expulsion(s, coop_id, meeting, given), _bylaws(given)
    last = s.execute(select(func.max(AgendaItemRow.position))
                     .where(AgendaItemRow.meeting_id == meeting.id)).scalar()
    row = AgendaItemRow(meeting_id=meeting.id, position=(last or 0) + 1, subject=given.subject, title=title,
                        proposal=given.proposal.strip(), kind=given.kind, discussion="", closed=False,
                        expel_member_id=expel_id, grounds_told_on=given.grounds_told_on, heard=False,
                        new_bylaws=bylaws, result=None)
    s.add(row)
    s.flush()
    return row


def _expulsion(s: Session, coop_id: int, meeting: MeetingRow, given: ItemInput) -> int | None:
    if given.subject is not Subject.EXPULSION:
        if given.expel_member is not None or given.grounds_told_on is not None:
            raise Refusal(N_("Only an expulsion item names a member to expel."), field="expel_member")
        return None
    if given.expel_member is None:
        raise Refusal(N_("Name the member the expulsion is about."), field="expel_member")
    member = member_by_number(s, coop_id, given.expel_member)
    # Act 25②: told at least 10 days before, a condition of a valid expulsion, not a warning.
    check_expulsion_notice(given.grounds_told_on, meeting.held_on)
    return member.id


def _bylaws(given: ItemInput) -> dict[str, object] | None:
    if given.subject is not Subject.BYLAWS_AMENDMENT:
        if given.new_bylaws is not None:
            raise Refusal(N_("Only a bylaws amendment carries new bylaws settings."), field="new_bylaws")
        return None
    if given.new_bylaws is None:
        raise Refusal(N_("A bylaws amendment carries the amended bylaws settings."), field="new_bylaws")
    check_bylaws(given.new_bylaws)
    return bylaws_to_dict(given.new_bylaws)


# -- rows, shared with the attendance and vote modules ------------------------------------------

def meeting_row(s: Session, coop_id: int, meeting_id: int) -> MeetingRow:
    row = s.get(MeetingRow, meeting_id)
    if row is None or row.coop_id != coop_id:
        raise Refusal(N_("There is no meeting number {id}."), field="meeting", id=meeting_id)
    return row


def item_row(s: Session, coop_id: int, item_id: int) -> AgendaItemRow:
    row = s.get(AgendaItemRow, item_id)
    meeting = None if row is None else s.get(MeetingRow, row.meeting_id)
    if row is None or meeting is None or meeting.coop_id != coop_id:
        raise Refusal(N_("There is no agenda item number {id}."), field="item", id=item_id)
    return row


def open_item(s: Session, coop_id: int, item_id: int) -> AgendaItemRow:
    row = item_row(s, coop_id, item_id)
    if row.closed:
        raise Refusal(N_("This item is closed; its result cannot be changed. Record a correction "
                         "with a reason instead."), field="item")
    return row


def member_by_number(s: Session, coop_id: int, number: int) -> Member:
    member = s.execute(select(Member).where(Member.coop_id == coop_id, Member.number == number)).scalar()
    if member is None:
        raise Refusal(N_("There is no member number {number}."), field="member", number=number)
    return member


def _view(r: MeetingRow) -> MeetingView:
    return MeetingView(r.id, r.kind, r.title, r.held_on, r.starts_at, r.place, r.convened_by, r.chair_name,
                       r.opened_at, r.closed_at, r.consenters, r.purpose)


def item_view(s: Session, r: AgendaItemRow) -> ItemView:
    number = s.get(Member, r.expel_member_id).number if r.expel_member_id else None  # type: ignore[union-attr]
    return ItemView(r.id, r.position, r.subject, r.title, r.proposal, r.kind, r.discussion, r.closed,
                    number, r.grounds_told_on, r.heard)


def _time(t: dt.time | None) -> str | None:
    return None if t is None else t.isoformat()


def meeting_dict(r: MeetingRow) -> dict[str, object]:
    return {"kind": r.kind, "title": r.title, "held_on": r.held_on, "starts_at": _time(r.starts_at),
            "place": r.place, "convened_by": r.convened_by, "chair_name": r.chair_name,
            "opened_at": _time(r.opened_at), "closed_at": _time(r.closed_at), "consenters": r.consenters,
            "purpose": r.purpose}


def item_dict(r: AgendaItemRow) -> dict[str, object]:
    return {"position": r.position, "subject": r.subject, "title": r.title, "proposal": r.proposal,
            "kind": r.kind, "discussion": r.discussion, "grounds_told_on": r.grounds_told_on,
            "heard": r.heard, "new_bylaws": r.new_bylaws}
