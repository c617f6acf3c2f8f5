"""Casting a secret ballot on the laptop (전자 비밀투표): one transaction, all or nothing.

In one transaction: the voter is present (in person, or by a proxy whose holder is here);
their name goes on each contest's roll (``election_voted``, whose key refuses a second vote
from any laptop); each ballot is checked by the domain and stored under a random key with
its contest and marks and nothing else; and one audit entry says that a ballot was cast,
not by whom nor what.  Killed half-way, the program leaves neither the roll entry nor the
ballot; the one without the other cannot happen.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from coopdesk.domain.elections.ballots import Ballot, check_ballot
from coopdesk.domain.elections.stages import ContestState, VotingMethod
from coopdesk.domain.errors import Refusal
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.elections.marks import marks_text
from coopdesk.services.elections.rows import (
    contest_rows,
    domain_contest,
    election_row,
    open_item_of,
)
from coopdesk.services.elections.voters import NOT_PRESENT
from coopdesk.services.meetings.attendance import not_on_register
from coopdesk.services.meetings.room import check_held, load_room
from coopdesk.services.races import raced
from coopdesk.store.database import Database
from coopdesk.store.models import ContestRow, ElectionBallotRow, ElectionRow, VotedRow

ALREADY_VOTED = N_("This member has already voted in this contest.")
CAST = N_("Your ballot is in the box. Hand the laptop back.")
# What the audit log says of a cast, whoever cast it and whatever it marked.
CAST_ENTRY = "a ballot was cast"


@dataclass(frozen=True, slots=True)
class CastReceipt:
    """A cast went in: how many ballots (one per contest), and nothing of what they mark."""

    ballots: int
    message: str = CAST


def cast(db: Database, coop_id: int, election_id: int, voter_key: int, marks: Mapping[int, Ballot]) -> CastReceipt:
    """The ballots of member ``voter_key`` (their own, or a principal's through the proxy here),
    one per contest id in ``marks``: blank ballots allowed, marks against the rules refused."""
    if not marks:
        raise Refusal(N_("Mark the ballot of at least one contest."), field="marks")
    with raced(ALREADY_VOTED, field="voter"), db.write() as s:
        election = election_row(s, coop_id, election_id)
        if election.voting is not VotingMethod.SCREEN:
            raise Refusal(N_("This election is held on paper: tick the voter on the roll when they take their "
                             "ballot papers."), field="election")
        contests = _voting(s, election, marks)
        member_id = present_voter(s, coop_id, election, voter_key)
        _check_not_voted(s, contests, member_id)
        rows = [(secrets.token_hex(16), c.id, _checked(s, c, marks[c.id])) for c in contests]
        s.flush()
        conn = s.connection()
        conn.execute(insert(VotedRow), [{"contest_id": c.id, "member_id": member_id} for c in contests])
        conn.execute(insert(ElectionBallotRow), [{"id": i, "contest_id": c, "marks": m} for i, c, m in rows])
        audit.record(s, coop_id=coop_id, action="election.ballot", entity="election", key=election.id,
                     after=CAST_ENTRY)
        return CastReceipt(len(rows))


def _voting(s: Session, election: ElectionRow, marks: Mapping[int, Ballot]) -> list[ContestRow]:
    """The contests marked, all of this election and open for voting; held for the cast (a close
    on another laptop waits for it, or it for the close)."""
    contests = contest_rows(s, election.id, marks.keys(), lock=True, shared=True)
    if len(contests) != len(marks):
        missing = next(i for i in marks if i not in {c.id for c in contests})
        raise Refusal(N_("There is no contest number {id}."), field="contest", id=missing)
    for c in contests:
        if c.state is not ContestState.VOTING:
            raise Refusal(N_("Voting is not open in this contest."), field="contest")
    return contests


def present_voter(s: Session, coop_id: int, election: ElectionRow, key: int) -> int:
    _, meeting = open_item_of(s, coop_id, election)
    check_held(meeting, dt.date.today())
    room = load_room(s, coop_id, meeting.id, (key,), keep=True)
    if key not in room.ids:
        raise not_on_register(s, room, key)
    if key not in room.attendance.present:
        raise Refusal(NOT_PRESENT, field="voter", number=key, name=room.names.get(key, ""))
    return room.ids[key]


def _check_not_voted(s: Session, contests: list[ContestRow], member_id: int) -> None:
    found = s.execute(select(VotedRow.contest_id).where(VotedRow.member_id == member_id,
                                                        VotedRow.contest_id.in_([c.id for c in contests]))).first()
    if found is not None:
        raise Refusal(ALREADY_VOTED, field="voter")


def _checked(s: Session, contest: ContestRow, ballot: Ballot) -> str:
    if ballot.spoilt:
        raise Refusal(N_("A ballot on screen is never spoilt: mark it, or leave it blank."), field="marks")
    check_ballot(domain_contest(s, contest), ballot)
    return marks_text(ballot)
