"""Who may vote now, found as check-in finds a member: by number or by part of the name.

A voter is a member present in the meeting room: checked in, or represented by a proxy whose
holder is here (Act 23③ covers the vote in an election too).  A member here who holds a
proxy casts two ballots, one after the other: their own, then their principal's — each is
one ``VoteRight``, unlocked and cast on its own.  What is typed is matched as at check-in
(case and spaces ignored, an exact name first, two people who both fit never guessed
between); only those present are searched.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.domain.elections.stages import ContestState
from coopdesk.domain.errors import Refusal
from coopdesk.services.meetings.matching import match
from coopdesk.domain.text import N_
from coopdesk.services.elections.rows import contest_rows, election_row, open_item_of
from coopdesk.services.meetings.attendance import not_on_register
from coopdesk.services.meetings.room import Room, load_room
from coopdesk.store.database import Database
from coopdesk.store.models import ContestRow, VotedRow

NOT_PRESENT = N_("Member {number} {name} is not present in person or by proxy: check them in first.")


@dataclass(frozen=True, slots=True)
class VoteRight:
    """One vote to cast: a member's own, or (``by_proxy``) a principal's through their proxy."""

    key: int  # the member number whose vote this is
    name: str
    by_proxy: bool
    contests: tuple[int, ...]  # the contests open for voting this vote is not yet cast in


@dataclass(frozen=True, slots=True)
class Voter:
    """Who stands at the laptop, and the votes they cast, their own first."""

    key: int
    name: str
    rights: tuple[VoteRight, ...]  # only those with contests left

    @property
    def next(self) -> VoteRight:
        return self.rights[0]


def voter_for(db: Database, coop_id: int, election_id: int, typed: str) -> Voter:
    """The voter ``typed`` names, with the votes they have still to cast; refused if nobody
    present fits, several do, or they have voted in every contest open."""
    with db.read() as s:
        election = election_row(s, coop_id, election_id)
        _, meeting = open_item_of(s, coop_id, election)
        contests = [c for c in contest_rows(s, election.id) if c.state is ContestState.VOTING]
        if not contests:
            raise Refusal(N_("No contest of this election is open for voting."), field="election")
        room = load_room(s, coop_id, meeting.id, whole=True)
        key = _find(s, room, typed)
        rights = vote_rights(s, room, key, contests)
        if not rights:
            raise Refusal(N_("{name} has already voted in every contest open."), field="voter",
                          name=room.names.get(key, ""))
        return Voter(key, room.names.get(key, ""), rights)


def vote_rights(s: Session, room: Room, key: int, contests: list[ContestRow]) -> tuple[VoteRight, ...]:
    """The votes ``key`` casts here: their own if present, and their principal's if they hold a
    proxy that counts; each with the open contests it is not yet cast in."""
    a = room.attendance
    keys: list[tuple[int, bool]] = []
    if key in a.in_person:
        keys.append((key, False))
        keys += [(p.principal, True) for p in a.proxies if p.holder_member == key and a.counts(p)]
    elif key in a.represented:
        keys.append((key, True))
    voted = _voted(s, [room.ids[k] for k, _ in keys], [c.id for c in contests])
    rights = (VoteRight(k, room.names.get(k, ""), proxy,
                        tuple(c.id for c in contests if (c.id, room.ids[k]) not in voted)) for k, proxy in keys)
    return tuple(r for r in rights if r.contests)


def _voted(s: Session, member_ids: Collection[int], contest_ids: Collection[int]) -> set[tuple[int, int]]:
    if not member_ids:
        return set()
    rows = s.execute(select(VotedRow.contest_id, VotedRow.member_id)
                     .where(VotedRow.contest_id.in_(sorted(contest_ids)), VotedRow.member_id.in_(sorted(member_ids))))
    return {(c, m) for c, m in rows}


def _find(s: Session, room: Room, typed: str) -> int:
    query = _plain(typed)
    if not query:
        raise Refusal(N_("Type the voter's member number or name."), field="voter")
    present = room.attendance.present
    if query.isdigit():
        key = int(query)
        if key in present:
            return key
        whole = load_room(s, room.meeting.coop_id, room.meeting.id, (key,))
        if key not in whole.ids:
            raise not_on_register(s, whole, key)
        raise Refusal(NOT_PRESENT, field="voter", number=key, name=whole.names.get(key, ""))
    return _by_name(query, {k: room.names.get(k, "") for k in present}, typed)


def _by_name(query: str, names: Mapping[int, str], typed: str) -> int:
    """By the check-in's rule (``meetings.matching``): a unique exact name, else a unique fit."""
    found = match(typed, names, (), by_number=False)
    if found.chosen is not None:
        return found.chosen
    if not found.absent:
        raise Refusal(N_("No member present fits “{typed}”."), field="voter", typed=typed.strip())
    listed = ", ".join(f"{names[k]} ({k})" for k in found.absent[:10])
    raise Refusal(N_("Several members present fit “{typed}”: {listed}. Type the member number."),
                  field="voter", typed=typed.strip(), listed=listed)


def _plain(text: str) -> str:
    """Case and spaces ignored: '김 민준' finds 김민준."""
    return "".join(text.split()).casefold()
