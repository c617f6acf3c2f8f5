"""Changing a meeting before it is held: its facts, and the agenda's items and order.

What decides a result — the kind of meeting, its day (the register is taken on that day)
and the founding consenters — is fixed once anybody has checked in or an item is closed;
the place, times, title and purpose stay editable, to correct a typo in the minutes.
An item goes only while nothing has been voted on it, so no recorded vote is ever lost.
"""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.rules import check_kind_at
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.meetings.meeting import (
    ItemView,
    MeetingInput,
    MeetingView,
    checked_meeting,
    get_meeting,
    item_dict,
    list_items,
    meeting_dict,
    meeting_row,
    open_item,
)
from coopdesk.store.database import Database
from coopdesk.store.models import AgendaItemRow, BallotRow, CheckInRow, ExclusionRow, VoteRow

_FIXED_ONCE_HELD = ("kind", "held_on", "consenters")


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
            for item in _items(s, meeting_id):
                check_kind_at(given.kind, item.kind)
        for name, value in columns.items():
            setattr(row, name, value)
        audit.record(s, coop_id=coop_id, action="meeting.edit", entity="meeting", key=meeting_id,
                     before=before, after=meeting_dict(row))
    return get_meeting(db, coop_id, meeting_id)


def remove_item(db: Database, coop_id: int, item_id: int) -> None:
    """Take an item off the agenda; the items after it move up."""
    with db.write() as s:
        row = open_item(s, coop_id, item_id)
        if _has_votes(s, item_id):
            raise Refusal(N_("Votes are recorded on this item; it cannot be removed."), field="item")
        meeting_id, before = row.meeting_id, item_dict(row)
        s.delete(row)
        s.flush()
        _renumber(s, _items(s, meeting_id))
        audit.record(s, coop_id=coop_id, action="meeting.item.remove", entity="agenda_item", key=item_id,
                     before=before)


def move_item(db: Database, coop_id: int, item_id: int, position: int) -> list[ItemView]:
    """Put an item at ``position`` (1 = first) while no item of the meeting is closed."""
    with db.write() as s:
        row = open_item(s, coop_id, item_id)
        items = _items(s, row.meeting_id)
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
        meeting_id = row.meeting_id
    return list_items(db, coop_id, meeting_id)


def _items(s: Session, meeting_id: int) -> list[AgendaItemRow]:
    return list(s.execute(select(AgendaItemRow).where(AgendaItemRow.meeting_id == meeting_id)
                          .order_by(AgendaItemRow.position)).scalars())


def _renumber(s: Session, order: list[AgendaItemRow]) -> None:
    """Positions 1.. in this order.  Unique (meeting, position) holds at every step: the
    items step aside to negative places first, then take their new ones."""
    for n, item in enumerate(order, start=1):
        item.position = -n
    s.flush()
    for n, item in enumerate(order, start=1):
        item.position = n
    s.flush()


def _has_begun(s: Session, meeting_id: int) -> bool:
    checked_in = s.execute(select(exists().where(CheckInRow.meeting_id == meeting_id))).scalar()
    closed = s.execute(select(exists().where(AgendaItemRow.meeting_id == meeting_id,
                                             AgendaItemRow.closed.is_(True)))).scalar()
    return bool(checked_in or closed)


def _has_votes(s: Session, item_id: int) -> bool:
    return any(s.execute(select(exists().where(t.item_id == item_id))).scalar()
               for t in (VoteRow, BallotRow, ExclusionRow))
