"""Votes on agenda items (표결): counts or roll call, exclusions, closing, corrections.

While an item is open its result is computed live from the room.  Closing freezes it
(``domain.meetings.snapshot``): the counts and the decision, who was in the room, and the
register of the day — stored once per meeting as its roll.  A closed item does not change,
except by a correction: a new vote row, with a reason, that supersedes the last one and is
decided again against the frozen counts.  Vote rows are never updated or deleted.  Every
action returns the room with the item's result (``RoomState``).  An officer-election item is
never voted yes or no, with or without its election set up (``election_items``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy.orm import Session

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.fields import NOTE_LENGTH, check_text
from coopdesk.domain.meetings.attendance import Choice, RollCall, check_excluded
from coopdesk.domain.meetings.kinds import ResolutionKind, Subject
from coopdesk.domain.meetings.resolutions import Outcome, Tally, decide
from coopdesk.domain.meetings.snapshot import FrozenResult, FrozenRoom, FrozenVote
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.races import raced
from coopdesk.services.elections.applying import election_decision
from coopdesk.services.elections.rows import election_of_item
from coopdesk.services.meetings.attendance import room_state
from coopdesk.services.meetings.effects import apply_effect, check_effect_ready
from coopdesk.services.meetings.election_items import check_not_a_motion
from coopdesk.services.meetings.item_state import (
    ballot_counts,
    ballots_of,
    counted,
    excluded_of,
    excluded_present,
    item_room,
    last_vote,
)
from coopdesk.services.meetings.register import roll_id
from coopdesk.services.meetings.room import Room, check_held, load_room
from coopdesk.services.meetings.rows import item_row, meeting_row, open_item
from coopdesk.services.meetings.state import RoomState
from coopdesk.store.database import Database
from coopdesk.store.models import AgendaItemRow, BallotRow, ElectionRow, ExclusionRow, VoteRow

# Refusals when another laptop did the same thing at the same moment (see services.races).
ALREADY_EXCLUDED = N_("This member is already excluded from this item.")
ALREADY_VOTED = N_("This member has already voted on this item.")


def exclude(db: Database, coop_id: int, item_id: int, key: int, reason: str = "") -> RoomState:
    """An attendee with a personal interest in the item does not vote on it (recorded)."""
    check_text(reason.strip(), "reason", NOTE_LENGTH, multiline=True)
    with raced(ALREADY_EXCLUDED, field="member"), db.write() as s:
        item, room, marked = _open(s, coop_id, item_id, (key,))
        check_excluded(room.attendance, marked | {key})
        if key in marked:
            raise Refusal(N_("This member is already excluded from this item."), field="member")
        if ballots_of(s, room.meeting, item_id, keys=(key,)).votes:
            raise Refusal(N_("This member has already voted on this item."), field="member")
        s.add(ExclusionRow(item_id=item_id, reason=reason.strip(), **room.attendee_columns(key)))
        audit.record(s, coop_id=coop_id, action="meeting.exclude", entity="agenda_item", key=item_id,
                     after={"attendee": key, "reason": reason.strip()})
        return room_state(s, room, item_id)


def record_counts(db: Database, coop_id: int, item_id: int, yes: int, no: int, abstain: int) -> RoomState:
    """A show of hands: counts that cannot be true are refused and nothing is written."""
    with db.write() as s:
        item, room, marked = _open(s, coop_id, item_id)
        check_not_a_motion(s, item)
        if any(ballot_counts(s, room.meeting, item_id).values()):
            raise Refusal(N_("This item is being voted by roll call."), field="yes")
        decide(room.tally(room.headcount(s), excluded_present(room, marked), yes, no, abstain), item.kind,
               room.meeting.kind)
        last = last_vote(s, item_id)
        s.add(VoteRow(item_id=item_id, yes=yes, no=no, abstain=abstain, roll_call=False,
                      supersedes_id=last.id if last else None, reason="", recorded_at=dt.datetime.now()))
        audit.record(s, coop_id=coop_id, action="meeting.vote", entity="agenda_item", key=item_id,
                     after={"yes": yes, "no": no, "abstain": abstain})
        s.flush()
        return room_state(s, room, item_id)


def cast_ballot(db: Database, coop_id: int, item_id: int, key: int, choice: Choice) -> RoomState:
    """One present attendee's choice in a roll call; a second vote or an absent voter is refused."""
    with raced(ALREADY_VOTED, field="member"), db.write() as s:
        item, room, marked = _open(s, coop_id, item_id, (key,))
        if item.kind is ResolutionKind.REPORT:
            raise Refusal(N_("A report is not put to a vote."), field="kind")
        check_not_a_motion(s, item)
        if last_vote(s, item_id) is not None:
            raise Refusal(N_("The counts of this item are already recorded by show of hands."), field="member")
        ballots_of(s, room.meeting, item_id, keys=(key,)).cast(room.attendance, marked, key, choice)
        s.add(BallotRow(item_id=item_id, choice=choice, cast_at=dt.datetime.now(), **room.attendee_columns(key)))
        audit.record(s, coop_id=coop_id, action="meeting.ballot", entity="agenda_item", key=item_id,
                     after={"attendee": key, "choice": choice})
        s.flush()
        return room_state(s, room, item_id)


def close_item(db: Database, coop_id: int, item_id: int) -> RoomState:
    """Freeze the item's result; a passed expulsion or bylaws amendment takes effect.  Reads the
    room whole: closing freezes who was here."""
    with db.write() as s:
        item = open_item(s, coop_id, item_id)
        room = load_room(s, coop_id, item.meeting_id, whole=True, keep=True)
        check_held(room.meeting, dt.date.today())
        election = election_of_item(s, item_id)
        if election is not None:
            return _close_election(s, coop_id, room, item, election)
        check_not_a_motion(s, item)
        excluded = excluded_of(s, room.meeting, item_id)
        ballots, vote = ballots_of(s, room.meeting, item_id), last_vote(s, item_id)
        if item.kind is not ResolutionKind.REPORT and vote is None:
            if not ballots.votes:
                raise Refusal(N_("Record the vote before closing the item."), field="yes")
            vote = VoteRow(item_id=item_id, yes=ballots.count(Choice.YES), no=ballots.count(Choice.NO),
                           abstain=ballots.count(Choice.ABSTAIN), roll_call=True, supersedes_id=None,
                           reason="", recorded_at=dt.datetime.now())
            s.add(vote)
            s.flush()
        room_counted = counted(room, room.headcount(s))
        tally = room_counted.tally(excluded_present(room, excluded))
        outcome = None
        if vote is not None:
            tally = room_counted.tally(tally.excluded, vote.yes, vote.no, vote.abstain)
            outcome = decide(tally, item.kind, room.meeting.kind)
            check_effect_ready(item, outcome.passed)
        frozen = _frozen(room, tally, vote, outcome)
        item.result = frozen.to_json()
        item.frozen_room = _frozen_room(s, room, excluded, ballots).to_json()
        item.closed = True
        if outcome is not None:
            apply_effect(s, coop_id, room.meeting, item, outcome.passed)
        audit.record(s, coop_id=coop_id, action="meeting.close_item", entity="agenda_item", key=item_id,
                     after={**item.result, "room": item.frozen_room})
        if outcome is not None and outcome.passed and item.subject is Subject.EXPULSION:
            room = load_room(s, coop_id, item.meeting_id, whole=True)  # the member left this meeting's room
        return room_state(s, room, item_id)


def correct_vote(db: Database, coop_id: int, item_id: int, yes: int, no: int, abstain: int,
                 reason: str) -> RoomState:
    """A correction of a closed item's counts: a new vote, with a reason, decided on the frozen room."""
    if not reason.strip():
        raise Refusal(N_("Give the reason for the correction."), field="reason")
    check_text(reason.strip(), "reason", NOTE_LENGTH, multiline=True)
    with db.write() as s:
        item = item_row(s, coop_id, item_id)
        if not item.closed or item.result is None:
            raise Refusal(N_("Only the vote of a closed item is corrected; change an open item's vote directly."),
                          field="item")
        was = FrozenResult.from_json(item.result)
        if election_of_item(s, item_id) is not None:
            raise Refusal(N_("This item was decided by an election: its result is the contests' count, not a "
                             "vote to correct."), field="item")
        check_not_a_motion(s, item)
        if was.vote is None:
            raise Refusal(N_("Only the vote of a closed item is corrected; change an open item's vote directly."),
                          field="item")
        meeting = meeting_row(s, coop_id, item.meeting_id)
        tally = replace(was.counts, yes=yes, no=no, abstain=abstain)
        outcome = decide(tally, item.kind, meeting.kind)
        if was.passed and not outcome.passed:
            check_effect_ready(item, True, undoing=True)
        vote = VoteRow(item_id=item_id, yes=yes, no=no, abstain=abstain, roll_call=False,
                       supersedes_id=was.vote.vote_id, reason=reason.strip(), recorded_at=dt.datetime.now())
        s.add(vote)
        s.flush()
        if outcome.passed and not was.passed:
            check_effect_ready(item, True)
            apply_effect(s, coop_id, meeting, item, True)
        corrected = _frozen_decision(replace(was, counts=tally), vote, outcome, was.corrections + 1)
        item.result = corrected.to_json()
        audit.record(s, coop_id=coop_id, action="meeting.correct_vote", entity="agenda_item", key=item_id,
                     before={"yes": was.counts.yes, "no": was.counts.no, "abstain": was.counts.abstain,
                             "passed": was.passed},
                     after={"yes": yes, "no": no, "abstain": abstain, "passed": outcome.passed,
                            "reason": reason.strip()})
        return room_state(s, load_room(s, coop_id, item.meeting_id), item_id)


# -- internals ----------------------------------------------------------------------------------

def _close_election(s: Session, coop_id: int, room: Room, item: AgendaItemRow, election: ElectionRow) -> RoomState:
    """An item with an election closes once every contest is decided: it freezes the room and how
    many were elected (the contests keep who, by how many votes), and the officers elected go
    on the register (``effects``)."""
    decision = election_decision(s, election)
    tally = counted(room, room.headcount(s)).tally(0)
    quorum = room.rules.quorum_state(tally.members, tally.present)
    frozen = FrozenResult(tally, quorum.reached, quorum.statement, quorum.ref, FrozenVote(None, False),
                          decision.passed, None, decision.explanation, law.ONE_MEMBER_ONE_VOTE.ref)
    item.result = frozen.to_json()
    item.frozen_room = _frozen_room(s, room, frozenset(), RollCall()).to_json()
    item.closed = True
    apply_effect(s, coop_id, room.meeting, item, decision.passed)
    audit.record(s, coop_id=coop_id, action="meeting.close_item", entity="agenda_item", key=item.id,
                 after={**item.result, "room": item.frozen_room, "election": election.id})
    return room_state(s, room, item.id)


def _open(s: Session, coop_id: int, item_id: int, keys: tuple[int, ...] = ()) -> \
        tuple[AgendaItemRow, Room, frozenset[int]]:
    """An open item, the room around ``keys`` and its excluded members, and who those are."""
    item = open_item(s, coop_id, item_id)
    room, excluded = item_room(s, coop_id, item, keys, keep=True)
    check_held(room.meeting, dt.date.today())
    return item, room, excluded


def _frozen(room: Room, tally: Tally, vote: VoteRow | None, outcome: Outcome | None) -> FrozenResult:
    quorum = room.rules.quorum_state(tally.members, tally.present)
    result = FrozenResult(tally, quorum.reached, quorum.statement, quorum.ref)
    if vote is None or outcome is None:
        return result
    return _frozen_decision(result, vote, outcome, 0)


def _frozen_decision(result: FrozenResult, vote: VoteRow, outcome: Outcome, corrections: int) -> FrozenResult:
    return replace(result, quorum_reached=outcome.quorum_reached, quorum=outcome.quorum,
                   quorum_article=outcome.quorum_ref, vote=FrozenVote(vote.id, vote.roll_call),
                   passed=outcome.passed, rule=outcome.rule, explanation=outcome.explanation, article=outcome.ref,
                   corrections=corrections)


def _frozen_room(s: Session, room: Room, excluded: frozenset[int], ballots: RollCall) -> FrozenRoom:
    a = room.attendance
    proxies = tuple((p.principal, p.holder_member if p.holder_member is not None else p.family_name)
                    for p in a.proxies if a.counts(p))
    return FrozenRoom(_roll_id(s, room), tuple(sorted(a.in_person)), tuple(sorted(a.represented)),
                      tuple(sorted(excluded)), proxies, ballots.votes)


def _roll_id(s: Session, room: Room) -> int:
    """The meeting's roll for this register (see ``register.roll_id``)."""
    return roll_id(s, room.meeting, room.rules)
