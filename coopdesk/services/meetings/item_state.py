"""An item's votes and exclusions as read inside a transaction, and its result from them.

Shared by the room's actions (``attendance``, ``votes``) and the reading services
(``readings``): each reads the room once and works the item out from it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.domain.meetings.attendance import RollCall
from coopdesk.services.meetings.results import Counted, ItemResult, frozen_item_result, live_result
from coopdesk.services.meetings.room import Room
from coopdesk.store.models import AgendaItemRow, BallotRow, ExclusionRow, Member, VoteRow


def counted(room: Room) -> Counted:
    a = room.attendance
    return Counted(room.rules, room.base, a.in_person, a.represented, a.present)


def on_item(s: Session, room: Room, table: type[ExclusionRow] | type[BallotRow], item_id: int,
            *columns: Any) -> list[tuple[Any, ...]]:
    """(key, *columns) of the item's rows in the order recorded, for attendees still on the register
    (a member expelled earlier in the meeting drops out).  The key is read with the row rather
    than looked up in an inverse of the register built for every action."""
    key = table.officer_term_id if room.by_term else Member.number
    statement = select(key, *columns).select_from(table).where(table.item_id == item_id).order_by(table.id)
    if not room.by_term:
        statement = statement.join(Member, Member.id == table.member_id)
    return [tuple(r) for r in s.execute(statement) if r[0] in room.ids]


def excluded_of(s: Session, room: Room, item_id: int) -> frozenset[int]:
    return frozenset(k for k, in on_item(s, room, ExclusionRow, item_id))


def ballots_of(s: Session, room: Room, item_id: int) -> RollCall:
    return RollCall(tuple((k, c) for k, c in on_item(s, room, BallotRow, item_id, BallotRow.choice)))


def last_vote(s: Session, item_id: int) -> VoteRow | None:
    return s.execute(select(VoteRow).where(VoteRow.item_id == item_id)
                     .order_by(VoteRow.id.desc()).limit(1)).scalar()


def result_in(s: Session, room: Room, item: AgendaItemRow, room_counted: Counted | None = None) -> ItemResult:
    """The item's result: frozen once closed, else live from ``room``."""
    if item.closed:
        return frozen_item_result(item, room.rules)
    return live_result(item, room_counted or counted(room), excluded_of(s, room, item.id),
                       ballots_of(s, room, item.id), last_vote(s, item.id))
