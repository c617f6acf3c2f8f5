"""The agenda (안건) of a meeting: adding, moving and removing items, their texts, and the
hearing of a member to be expelled.

The law's kind of resolution is enforced (Act 29②): the choices offered for each subject
come from the domain's table (``item_choices``), and a lower kind is refused.  An item
goes only while nothing has been voted on it, so no recorded vote is ever lost.  A
standard item keeps the code of its title and is said in the language of whoever shows it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from coopdesk.domain import law
from coopdesk.domain.bylaws.texts import BylawsTexts
from coopdesk.domain.coop import BylawsSettings, check_bylaws
from coopdesk.domain.errors import Refusal
from coopdesk.domain.fields import LONG_TEXT_LENGTH, TITLE_LENGTH, check_date, check_text
from coopdesk.domain.meetings.agenda import StandardTitle, standard_agenda
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind, Subject, check_kind
from coopdesk.domain.meetings.notice import NoticeCheck, check_expulsion_notice, expulsion_notice_on_time
from coopdesk.domain.meetings.rules import ItemChoice, check_kind_at, item_choice, item_choices
from coopdesk.domain.text import N_
from coopdesk.i18n import _
from coopdesk.services import audit
from coopdesk.services.bylaws.amendments import amendment_texts
from coopdesk.services.races import raced
from coopdesk.services.coops import bylaws_to_dict, check_amendment_date
from coopdesk.services.meetings.rows import agenda_rows, item_row, meeting_row, member_by_number, open_item
from coopdesk.store.database import Database
from coopdesk.store.models import (
    AgendaItemRow,
    BallotRow,
    ContestRow,
    ElectionRow,
    ExclusionRow,
    Member,
    MeetingRow,
    VotedRow,
    VoteRow,
)

# Refusals when another laptop did the same thing at the same moment (see services.races).
ITEM_RACED = N_("Another item was added to this agenda at the same moment; try again.")


@dataclass(frozen=True, slots=True)
class ItemInput:
    subject: Subject
    title: str
    kind: ResolutionKind
    proposal: str = ""
    expel_member: int | None = None  # expulsion: the member's number
    grounds_told_on: dt.date | None = None  # expulsion: the day the member was told the grounds
    new_bylaws: BylawsSettings | None = None  # bylaws amendment: the settings proposed
    grounds: str = ""  # expulsion: the grounds (제명 사유) the member was told, as the minutes state them
    new_texts: BylawsTexts | None = None  # bylaws amendment: the text parts proposed (None: unchanged)


@dataclass(frozen=True, slots=True)
class ItemView:
    id: int
    position: int
    subject: Subject
    typed_title: str  # as the secretary typed it (for a standard item: its English message id)
    proposal: str
    kind: ResolutionKind
    discussion: str
    closed: bool
    expel_member: int | None
    grounds_told_on: dt.date | None
    heard: bool
    title_code: StandardTitle | None = None
    grounds: str = ""  # expulsion: the grounds the member was told

    @property
    def title(self) -> str:
        """The title in the language of the screen: a standard title is said in it."""
        return _(self.title_code.message) if self.title_code is not None else self.typed_title


# -- what may be put on the agenda ----------------------------------------------------------------

def choices_for(kind: MeetingKind) -> tuple[ItemChoice, ...]:
    """The subjects a meeting of this kind may take up, each with the kinds the law allows."""
    return item_choices(kind)


def choice_for(kind: MeetingKind, subject: Subject) -> ItemChoice:
    """What the law lets an item about ``subject`` be at a meeting of this kind."""
    return item_choice(kind, subject)


def expulsion_notice(meeting_day: dt.date, told_on: dt.date) -> NoticeCheck:
    """Were the grounds told early enough for an expulsion at a meeting on ``meeting_day`` (Act 25②)?"""
    return expulsion_notice_on_time(told_on, meeting_day)


# -- adding -----------------------------------------------------------------------------------------

def add_item(db: Database, coop_id: int, meeting_id: int, given: ItemInput) -> ItemView:
    """A new item at the end of the agenda; the law's kind is enforced (Act 29②)."""
    with raced(ITEM_RACED, field="title"), db.write() as s:
        meeting = meeting_row(s, coop_id, meeting_id)
        row = _new_item(s, coop_id, meeting, given)
        audit.record(s, coop_id=coop_id, action="meeting.item.add", entity="agenda_item", key=row.id,
                     after=item_dict(row))
        return item_view(s, row)


def add_standard_agenda(db: Database, coop_id: int, meeting_id: int) -> list[ItemView]:
    """The usual items of an ordinary assembly or a founding meeting, at the end of its agenda."""
    with db.write() as s:
        meeting = meeting_row(s, coop_id, meeting_id)
        if not standard_agenda(meeting.kind):
            raise Refusal(N_("There is a standard agenda only for an ordinary assembly and a founding meeting."),
                          field="standard_agenda")
        add_standard_items(s, coop_id, meeting)
    return list_items(db, coop_id, meeting_id)


def add_standard_items(s: Session, coop_id: int, meeting: MeetingRow) -> list[AgendaItemRow]:
    """The standard agenda in the caller's transaction, with one audit entry."""
    rows = [_new_item(s, coop_id, meeting, ItemInput(subject, title.message, kind), title)
            for subject, title, kind in standard_agenda(meeting.kind)]
    audit.record(s, coop_id=coop_id, action="meeting.item.standard", entity="meeting", key=meeting.id,
                 after=[item_dict(r) for r in rows])
    return rows


def add_titled_item(s: Session, coop_id: int, meeting: MeetingRow, subject: Subject, title: StandardTitle,
                    kind: ResolutionKind) -> AgendaItemRow:
    """One item with a standard title at the end of the agenda, in the caller's transaction (the
    capital area puts a year's appropriation of the surplus on an assembly's agenda)."""
    return _new_item(s, coop_id, meeting, ItemInput(subject, title.message, kind), title)


def _new_item(s: Session, coop_id: int, meeting: MeetingRow, given: ItemInput,
              title_code: StandardTitle | None = None) -> AgendaItemRow:
    title = " ".join(given.title.split())
    if not title:
        raise Refusal(N_("Give the item a title."), field="title")
    check_text(title, "title", TITLE_LENGTH)
    check_text(given.proposal.strip(), "proposal", LONG_TEXT_LENGTH, multiline=True)
    check_date(given.grounds_told_on, "told_on")
    check_kind(given.subject, given.kind)
    check_kind_at(meeting.kind, given.kind)
    expel_id, bylaws = _expulsion(s, coop_id, meeting, given), _bylaws(given)
    texts, base = amendment_texts(s, coop_id, given.new_texts) if bylaws is not None else (None, None)
    if bylaws is not None:
        check_amendment_date(s, coop_id, meeting.held_on)
    last = s.execute(select(func.max(AgendaItemRow.position))
                     .where(AgendaItemRow.meeting_id == meeting.id)).scalar()
    row = AgendaItemRow(meeting_id=meeting.id, position=(last or 0) + 1, subject=given.subject, title=title,
                        title_code=title_code, proposal=given.proposal.strip(), kind=given.kind, discussion="",
                        closed=False, expel_member_id=expel_id, grounds_told_on=given.grounds_told_on,
                        expulsion_grounds=given.grounds.strip() if expel_id is not None else "",
                        heard=False, new_bylaws=bylaws, new_bylaws_texts=texts, bylaws_base_version=base,
                        result=None)
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
    check_text(given.grounds.strip(), "grounds", LONG_TEXT_LENGTH, multiline=True)
    if not given.grounds.strip():
        raise Refusal(N_("Write the grounds for the expulsion: the member is told them, and the minutes state "
                         "them."), article=law.EXPULSION_NOTICE_DAYS.ref, field="grounds")
    return member.id


def _bylaws(given: ItemInput) -> dict[str, object] | None:
    if given.subject is not Subject.BYLAWS_AMENDMENT:
        if given.new_bylaws is not None or given.new_texts is not None:
            raise Refusal(N_("Only a bylaws amendment carries new bylaws settings."), field="new_bylaws")
        return None
    if given.new_bylaws is None:
        raise Refusal(N_("A bylaws amendment carries the amended bylaws settings."), field="new_bylaws")
    check_bylaws(given.new_bylaws)
    return bylaws_to_dict(given.new_bylaws)


# -- changing -------------------------------------------------------------------------------------

def record_item_text(db: Database, coop_id: int, item_id: int, *, proposal: str | None = None,
                     discussion: str | None = None) -> ItemView:
    """The proposal and the secretary's summary of the discussion, while the item is open."""
    with db.write() as s:
        row = open_item(s, coop_id, item_id)
        before = item_dict(row)
        if proposal is not None:
            check_text(proposal.strip(), "proposal", LONG_TEXT_LENGTH, multiline=True)
            row.proposal = proposal.strip()
        if discussion is not None:
            check_text(discussion.strip(), "discussion", LONG_TEXT_LENGTH, multiline=True)
            row.discussion = discussion.strip()
        audit.record(s, coop_id=coop_id, action="meeting.item.text", entity="agenda_item", key=item_id,
                     before=before, after=item_dict(row))
        return item_view(s, row)


def record_hearing(db: Database, coop_id: int, item_id: int, heard: bool = True) -> ItemView:
    """The member to be expelled was given the chance to speak (Act 25②)."""
    with db.write() as s:
        row = open_item(s, coop_id, item_id)
        if row.subject is not Subject.EXPULSION:
            raise Refusal(N_("Only an expulsion item records a hearing."), field="heard")
        row.heard = heard
        audit.record(s, coop_id=coop_id, action="meeting.item.heard", entity="agenda_item", key=item_id,
                     after={"heard": heard})
        return item_view(s, row)


def remove_item(db: Database, coop_id: int, item_id: int) -> None:
    """Take an item off the agenda; the items after it move up."""
    with db.write() as s:
        row = open_item(s, coop_id, item_id)
        if _has_votes(s, item_id):
            raise Refusal(N_("Votes are recorded on this item; it cannot be removed."), field="item")
        meeting_id, before = row.meeting_id, item_dict(row)
        s.delete(row)
        s.flush()
        _renumber(s, agenda_rows(s, meeting_id))
        audit.record(s, coop_id=coop_id, action="meeting.item.remove", entity="agenda_item", key=item_id,
                     before=before)


def move_item(db: Database, coop_id: int, item_id: int, position: int) -> list[ItemView]:
    """Put an item at ``position`` (1 = first) while no item of the meeting is closed."""
    with db.write() as s:
        row = open_item(s, coop_id, item_id)
        items = agenda_rows(s, row.meeting_id)
        if any(i.closed for i in items):
            raise Refusal(N_("An item of this meeting is closed: the order of the agenda is fixed."),
                          field="position")
        if not 1 <= position <= len(items):
            raise Refusal(N_("Choose a place from 1 to {count}."), field="position", count=len(items))
        old = row.position
        order = [i for i in items if i.id != row.id]
        order.insert(position - 1, row)
        _renumber(s, order)
        audit.record(s, coop_id=coop_id, action="meeting.item.move", entity="agenda_item", key=item_id,
                     before={"position": old}, after={"position": position})
        return [item_view(s, i) for i in order]


def _renumber(s: Session, order: list[AgendaItemRow]) -> None:
    """Positions 1.. in this order.  Unique (meeting, position) holds at every step: the
    items step aside to negative places first, then take their new ones."""
    for n, item in enumerate(order, start=1):
        item.position = -n
    s.flush()
    for n, item in enumerate(order, start=1):
        item.position = n
    s.flush()


def _has_votes(s: Session, item_id: int) -> bool:
    """Votes recorded: counts, roll-call ballots or exclusions, or anyone on an election's roll (an
    election without votes goes with its item)."""
    voted = (select(VotedRow.member_id).join(ContestRow, ContestRow.id == VotedRow.contest_id)
             .join(ElectionRow, ElectionRow.id == ContestRow.election_id).where(ElectionRow.item_id == item_id))
    return any(s.execute(select(exists().where(t.item_id == item_id))).scalar()
               for t in (VoteRow, BallotRow, ExclusionRow)) or bool(s.execute(select(exists(voted))).scalar())


# -- reading --------------------------------------------------------------------------------------

def get_item(db: Database, coop_id: int, item_id: int) -> ItemView:
    with db.read() as s:
        return item_view(s, item_row(s, coop_id, item_id))


def list_items(db: Database, coop_id: int, meeting_id: int) -> list[ItemView]:
    with db.read() as s:
        meeting_row(s, coop_id, meeting_id)
        return [item_view(s, r) for r in agenda_rows(s, meeting_id)]


def item_view(s: Session, r: AgendaItemRow) -> ItemView:
    number = s.get(Member, r.expel_member_id).number if r.expel_member_id else None  # type: ignore[union-attr]
    return ItemView(r.id, r.position, r.subject, r.title, r.proposal, r.kind, r.discussion, r.closed,
                    number, r.grounds_told_on, r.heard, r.title_code, r.expulsion_grounds)


def item_dict(r: AgendaItemRow) -> dict[str, object]:
    return {"id": r.id, "position": r.position, "subject": r.subject, "title": r.title,
            "title_code": r.title_code, "proposal": r.proposal, "kind": r.kind, "discussion": r.discussion,
            "grounds_told_on": r.grounds_told_on, "grounds": r.expulsion_grounds, "heard": r.heard,
            "new_bylaws": r.new_bylaws, "new_bylaws_texts": r.new_bylaws_texts}
