"""The voter roll (투표자 명부) as the secretary reads it: who has voted, in which contests, and
how many — by member number, never in the order they voted and never with a ballot.

``election_voted`` holds only (contest, member): so the roll can say no more than this.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from coopdesk.services.elections.rows import (
    contest_rows,
    election_row,
    item_and_meeting,
)
from coopdesk.services.meetings.room import load_room
from coopdesk.store.database import Database
from coopdesk.store.models import Member, VotedRow


@dataclass(frozen=True, slots=True)
class RollLine:
    member_number: int
    name: str
    contests: tuple[int, ...]  # the contests they have voted in (or taken a paper for)


@dataclass(frozen=True, slots=True)
class VoterRoll:
    election_id: int
    present: int  # members present now, in person and by proxy: each may vote once per contest
    voted: dict[int, int]  # contest id -> how many have voted in it
    lines: tuple[RollLine, ...]  # by member number


def voter_roll(db: Database, coop_id: int, election_id: int) -> VoterRoll:
    with db.read() as s:
        election = election_row(s, coop_id, election_id)
        _, meeting = item_and_meeting(s, coop_id, election)
        contests = [c.id for c in contest_rows(s, election.id)]
        rows = s.execute(select(Member.number, Member.name, VotedRow.contest_id)
                         .join(Member, Member.id == VotedRow.member_id)
                         .where(VotedRow.contest_id.in_(contests))
                         .order_by(Member.number, VotedRow.contest_id)).all()
        present = len(load_room(s, coop_id, meeting.id, whole=True).attendance.present)
    voted = {c: 0 for c in contests}
    people: dict[int, tuple[str, list[int]]] = {}
    for number, name, contest in rows:
        voted[contest] += 1
        people.setdefault(number, (name, []))[1].append(contest)
    lines = tuple(RollLine(n, name, tuple(cs)) for n, (name, cs) in people.items())
    return VoterRoll(election.id, present, voted, lines)
