"""An item's votes and exclusions as read inside a transaction, and its result from them.

Shared by the room's actions (``attendance``, ``votes``) and the reading services
(``readings``).  An item's result needs the room only for the headcount and for whether
the members excluded from it are here; a roll call in progress also says who present has
not voted yet, so it reads the room whole (a roll call is called name by name: it is the
small meeting's way of voting).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopdesk.domain.meetings.attendance import Choice, RollCall
from coopdesk.domain.meetings.rules import Register, rules_for
from coopdesk.services.meetings.register import attends
from coopdesk.services.meetings.results import Counted, ItemResult, frozen_item_result, live_result
from coopdesk.services.meetings.room import Headcount, Room, load_room, rows_of
from coopdesk.services.meetings.rows import meeting_row
from coopdesk.store.models import AgendaItemRow, BallotRow, ExclusionRow, Member, MeetingRow, VoteRow


def on_item(s: Session, meeting: MeetingRow, table: type[ExclusionRow] | type[BallotRow], item_id: int,
            *columns: Any, keys: Collection[int] | None = None) -> list[tuple[Any, ...]]:
    """(key, *columns) of the item's rows in the order recorded (of ``keys`` only, if given), for
    attendees on the register of the day: a member expelled earlier in the meeting drops out."""
    by_term = rules_for(meeting.kind).register is Register.DIRECTORS
    key = table.officer_term_id if by_term else Member.number
    statement = select(key, *columns).select_from(table).where(table.item_id == item_id)
    if not by_term:
        statement = statement.join(Member, Member.id == table.member_id).where(attends(meeting))
    if keys is not None:
        statement = statement.where(key.in_(sorted(keys)))
    return [tuple(r) for r in rows_of(s, statement.order_by(table.id))]


def excluded_of(s: Session, meeting: MeetingRow, item_id: int) -> frozenset[int]:
    return frozenset(k for k, in on_item(s, meeting, ExclusionRow, item_id))


def ballots_of(s: Session, meeting: MeetingRow, item_id: int, keys: Collection[int] | None = None) -> RollCall:
    """The item's roll-call votes (of ``keys`` only: whether they voted)."""
    return RollCall(tuple((k, c) for k, c in on_item(s, meeting, BallotRow, item_id, BallotRow.choice, keys=keys)))


def ballot_counts(s: Session, meeting: MeetingRow, item_id: int) -> dict[Choice, int]:
    """Yes, no and abstain of a roll call, counted by the database."""
    by_term = rules_for(meeting.kind).register is Register.DIRECTORS
    statement = select(BallotRow.choice, func.count()).where(BallotRow.item_id == item_id)
    if not by_term:
        statement = statement.join(Member, Member.id == BallotRow.member_id).where(attends(meeting))
    counts = dict(rows_of(s, statement.group_by(BallotRow.choice)).all())
    return {choice: counts.get(choice, 0) for choice in Choice}


def last_vote(s: Session, item_id: int) -> VoteRow | None:
    return s.execute(select(VoteRow).where(VoteRow.item_id == item_id)
                     .order_by(VoteRow.id.desc()).limit(1)).scalar()


def item_room(s: Session, coop_id: int, item: AgendaItemRow, keys: Iterable[int] = (), *,
              keep: bool = False) -> tuple[Room, frozenset[int]]:
    """The room around ``keys`` and the item's excluded members, and who those are."""
    excluded = excluded_of(s, meeting_row(s, coop_id, item.meeting_id), item.id)
    return load_room(s, coop_id, item.meeting_id, {*keys, *excluded}, keep=keep), excluded


def counted(room: Room, headcount: Headcount) -> Counted:
    return Counted(room.rules, room.base, headcount.in_person, headcount.by_proxy)


def excluded_present(room: Room, excluded: frozenset[int]) -> int:
    """Of the item's excluded, those here (in person or by proxy): they leave the majority's base."""
    return len(excluded & room.attendance.present)


def result_in(s: Session, room: Room, item: AgendaItemRow, excluded: frozenset[int] | None = None,
              headcount: Headcount | None = None) -> ItemResult:
    """The item's result: frozen once closed, else live from ``room`` (which holds the item's
    excluded members, or is whole)."""
    if item.closed:
        return frozen_item_result(item, room.rules)
    if excluded is None:
        excluded = excluded_of(s, room.meeting, item.id)
    vote = last_vote(s, item.id)
    not_voted: tuple[int, ...] = ()
    if vote is None:
        counts = ballot_counts(s, room.meeting, item.id)
        if any(counts.values()):  # a roll call in progress: who present has not voted yet
            whole = room if room.whole else load_room(s, room.meeting.coop_id, room.meeting.id, whole=True)
            voted = {k for k, _ in ballots_of(s, room.meeting, item.id).votes}
            not_voted = tuple(sorted(whole.attendance.present - excluded - voted))
        tallied = (counts[Choice.YES], counts[Choice.NO], counts[Choice.ABSTAIN])
    else:
        tallied = (vote.yes, vote.no, vote.abstain)
    if not room.whole and not excluded <= room.ids.keys():  # whether they are here: read them
        room_of_excluded = load_room(s, room.meeting.coop_id, room.meeting.id, excluded)
    else:
        room_of_excluded = room
    headcount = headcount or room.headcount(s)
    return live_result(item, counted(room, headcount), excluded_present(room_of_excluded, excluded), tallied,
                       vote is not None, not_voted)
