"""Reading results back: one item, the whole agenda, the history of an item's votes, who
voted what in a roll call, and what closing froze.

A closed item's result is read from its frozen counts alone — not the room, not the
register — so the results of a 10,000-member assembly read back in milliseconds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.domain.meetings.attendance import Choice
from coopdesk.domain.meetings.rules import rules_for
from coopdesk.domain.meetings.snapshot import FrozenResult, FrozenRoom, Roll
from coopdesk.domain.text import N_
from coopdesk.domain.errors import Refusal
from coopdesk.services.meetings.item_state import excluded_of, item_room, on_item, result_in
from coopdesk.services.meetings.results import ItemResult, frozen_item_result
from coopdesk.services.meetings.room import load_room
from coopdesk.services.meetings.rows import item_row, meeting_row
from coopdesk.store.database import Database
from coopdesk.store.models import AgendaItemRow, BallotRow, ExclusionRow, MeetingRollRow, VoteRow


@dataclass(frozen=True, slots=True)
class VoteView:
    id: int
    yes: int
    no: int
    abstain: int
    roll_call: bool
    supersedes: int | None
    reason: str
    recorded_at: dt.datetime


@dataclass(frozen=True, slots=True)
class ItemVotes:
    """Who chose what in a roll call, and who was left out, in the order recorded."""

    ballots: tuple[tuple[int, Choice], ...]
    excluded: tuple[tuple[int, str], ...]  # (attendee, reason)


@dataclass(frozen=True, slots=True)
class FrozenItem:
    """What closing an item froze: the counts and decision, who was in the room, the roll."""

    result: FrozenResult
    room: FrozenRoom
    roll: Roll


def item_result(db: Database, coop_id: int, item_id: int) -> ItemResult:
    """The frozen result of a closed item, or the live one of an open item."""
    with db.read() as s:
        item = item_row(s, coop_id, item_id)
        if item.closed:
            return frozen_item_result(item, rules_for(meeting_row(s, coop_id, item.meeting_id).kind))
        room, excluded = item_room(s, coop_id, item)
        return result_in(s, room, item, excluded)


def closed_results(db: Database, coop_id: int, meeting_id: int) -> list[ItemResult]:
    """The frozen results of the meeting's closed items, in agenda order, without the room."""
    with db.read() as s:
        rules = rules_for(meeting_row(s, coop_id, meeting_id).kind)
        return [frozen_item_result(i, rules) for i in _items(s, meeting_id, closed_only=True)]


def meeting_results(db: Database, coop_id: int, meeting_id: int) -> list[ItemResult]:
    """Every item's result in agenda order (the tally of the meeting): the room is read once for
    all open items, around the members excluded from any of them."""
    with db.read() as s:
        meeting = meeting_row(s, coop_id, meeting_id)
        rules = rules_for(meeting.kind)
        items = _items(s, meeting_id)
        if all(i.closed for i in items):
            return [frozen_item_result(i, rules) for i in items]
        excluded = {i.id: excluded_of(s, meeting, i.id) for i in items if not i.closed}
        room = load_room(s, coop_id, meeting_id, set().union(*excluded.values()))
        headcount = room.headcount(s)
        return [result_in(s, room, i, excluded.get(i.id), headcount) for i in items]


def vote_history(db: Database, coop_id: int, item_id: int) -> list[VoteView]:
    """Every vote recorded for the item, oldest first: corrections keep what they replaced."""
    with db.read() as s:
        item_row(s, coop_id, item_id)
        rows = s.execute(select(VoteRow).where(VoteRow.item_id == item_id).order_by(VoteRow.id)).scalars()
        return [VoteView(r.id, r.yes, r.no, r.abstain, r.roll_call, r.supersedes_id, r.reason, r.recorded_at)
                for r in rows]


def item_votes(db: Database, coop_id: int, item_id: int) -> ItemVotes:
    """The named votes of a roll call (기명 투표) and the exclusions of an item."""
    with db.read() as s:
        item = item_row(s, coop_id, item_id)
        meeting = meeting_row(s, coop_id, item.meeting_id)
        ballots = tuple((k, c) for k, c in on_item(s, meeting, BallotRow, item_id, BallotRow.choice))
        excluded = tuple((k, r) for k, r in on_item(s, meeting, ExclusionRow, item_id, ExclusionRow.reason))
        return ItemVotes(ballots, excluded)


def frozen_item(db: Database, coop_id: int, item_id: int) -> FrozenItem:
    """Everything closing the item froze, typed: who was on the register, present and voting."""
    with db.read() as s:
        item = item_row(s, coop_id, item_id)
        if not item.closed or item.result is None or item.frozen_room is None:
            raise Refusal(N_("This item is not closed yet: nothing is frozen."), field="item")
        room = FrozenRoom.from_json(item.frozen_room)
        roll = s.get(MeetingRollRow, room.roll) if room.roll is not None else None
        frozen_roll = Roll.from_json(roll.keys, roll.names) if roll is not None else Roll((), {})
        return FrozenItem(FrozenResult.from_json(item.result), room, frozen_roll)


def _items(s: Session, meeting_id: int, closed_only: bool = False) -> list[AgendaItemRow]:
    statement = select(AgendaItemRow).where(AgendaItemRow.meeting_id == meeting_id)
    if closed_only:
        statement = statement.where(AgendaItemRow.closed.is_(True))
    return list(s.execute(statement.order_by(AgendaItemRow.position)).scalars())
