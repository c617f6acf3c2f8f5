"""Paper ballots (투표용지): the roll of who took papers, and the tellers' double entry.

The secretary ticks each voter on the roll as they take their papers (one per contest
open); the roll says only that they took them.  After voting closes two tellers count the
papers and each types in the count alone (``enter_tally``, teller 1 and teller 2).  Every
number on which the two entries differ is listed; the count is accepted only when they
agree, and only if the papers counted are as many as the voters on the roll.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from coopdesk.domain.elections.contest import Contest
from coopdesk.domain.elections.counting import (
    Difference,
    Tally,
    check_tally,
    compare_entries,
)
from coopdesk.domain.elections.stages import ContestState, VotingMethod
from coopdesk.domain.errors import Refusal
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.elections.casting import ALREADY_VOTED, present_voter
from coopdesk.services.elections.frozen import tally_json, tally_of
from coopdesk.services.elections.rows import (
    contest_row,
    contest_rows,
    domain_contest,
    election_row,
    open_item_of,
    voted_count,
)
from coopdesk.services.races import raced
from coopdesk.store.database import Database
from coopdesk.store.models import ContestRow, TallyEntryRow, VotedRow

TELLERS = (1, 2)


@dataclass(frozen=True, slots=True)
class PaperCount:
    """A count as a teller types it: each candidate's votes (a yes-or-no vote: yes and no),
    every paper in the box, and the blank and invalid ones among them."""

    votes: Mapping[int, int]
    ballots: int
    against: Mapping[int, int] = field(default_factory=dict)
    blank: int = 0
    invalid: int = 0


@dataclass(frozen=True, slots=True)
class TallyEntries:
    """Where the double entry of a paper count stands."""

    contest_id: int
    first: Tally | None  # teller 1's entry
    second: Tally | None  # teller 2's entry
    differences: tuple[Difference, ...]  # item by item, once both have entered
    voted: int  # voters on the roll: the papers must be as many
    accepted: Tally | None  # the count, once both agree and it matches the roll
    problem: Refusal | None = None  # why equal entries are not accepted (papers ≠ voters)


def mark_paper_taken(db: Database, coop_id: int, election_id: int, voter_key: int) -> int:
    """Member ``voter_key`` (present, or represented here) took a paper in each contest open
    they have not voted in; how many papers.  A second time is refused."""
    with raced(ALREADY_VOTED, field="voter"), db.write() as s:
        election = election_row(s, coop_id, election_id)
        if election.voting is not VotingMethod.PAPER:
            raise Refusal(N_("This election is held on the screen: each voter casts their ballot there."),
                          field="election")
        contests = [c for c in contest_rows(s, election.id, lock=True, shared=True)
                    if c.state is ContestState.VOTING]
        if not contests:
            raise Refusal(N_("No contest of this election is open for voting."), field="election")
        member_id = present_voter(s, coop_id, election, voter_key)
        taken = set(s.execute(select(VotedRow.contest_id).where(VotedRow.member_id == member_id,
                                                                VotedRow.contest_id.in_([c.id for c in contests])))
                    .scalars())
        papers = [c for c in contests if c.id not in taken]
        if not papers:
            raise Refusal(ALREADY_VOTED, field="voter")
        s.flush()
        s.connection().execute(insert(VotedRow), [{"contest_id": c.id, "member_id": member_id} for c in papers])
        audit.record(s, coop_id=coop_id, action="election.paper", entity="election", key=election.id,
                     after={"papers": len(papers)})
        return len(papers)


def enter_tally(db: Database, coop_id: int, contest_id: int, teller: int, entry: PaperCount | Tally) -> TallyEntries:
    """Teller 1 or 2's count of the papers of one contest (entered again: replaced).  A count that
    cannot be true is refused; once both agree and match the roll, it is the contest's count."""
    if teller not in TELLERS:
        raise Refusal(N_("There are two tellers: 1 and 2."), field="teller")
    with db.write() as s:
        contest, election = contest_row(s, coop_id, contest_id, lock=True)
        open_item_of(s, coop_id, election)
        if contest.state is not ContestState.COUNTING:
            raise Refusal(N_("The tellers enter their count after voting closes on paper, until it is accepted."),
                          field="contest")
        domain = domain_contest(s, contest)
        tally = _tally(domain, entry)
        check_tally(domain, tally)
        _save(s, contest.id, teller, tally)
        entries = _entries(s, contest, domain)
        if entries.accepted is not None:
            contest.tally, contest.state = tally_json(entries.accepted), ContestState.COUNTED
        audit.record(s, coop_id=coop_id, action="election.tally", entity="election", key=election.id,
                     after={"contest": contest.id, "teller": teller, "tally": tally_json(tally),
                            "accepted": entries.accepted is not None})
        return entries


def tally_entries(db: Database, coop_id: int, contest_id: int) -> TallyEntries:
    with db.read() as s:
        contest, _ = contest_row(s, coop_id, contest_id)
        return _entries(s, contest, domain_contest(s, contest))


def _tally(contest: Contest, entry: PaperCount | Tally) -> Tally:
    if isinstance(entry, Tally):
        return entry
    return Tally.of(contest, dict(entry.votes), against=dict(entry.against) or None, ballots=entry.ballots,
                    blank=entry.blank, invalid=entry.invalid)


def _save(s: Session, contest_id: int, teller: int, tally: Tally) -> None:
    row = s.get(TallyEntryRow, (contest_id, teller))
    if row is None:
        s.add(TallyEntryRow(contest_id=contest_id, teller=teller, tally=tally_json(tally)))
    else:
        row.tally = tally_json(tally)
    s.flush()


def _entries(s: Session, contest: ContestRow, domain: Contest) -> TallyEntries:
    rows = {r.teller: tally_of(r.tally) for r in s.execute(select(TallyEntryRow)
                                                           .where(TallyEntryRow.contest_id == contest.id)).scalars()}
    first, second, voted = rows.get(1), rows.get(2), voted_count(s, contest.id)
    if contest.state is ContestState.COUNTED and contest.tally is not None:
        return TallyEntries(contest.id, first, second, (), voted, tally_of(contest.tally))
    if first is None or second is None:
        return TallyEntries(contest.id, first, second, (), voted, None)
    differences = tuple(compare_entries(first, second))
    if differences:
        return TallyEntries(contest.id, first, second, differences, voted, None)
    try:
        check_tally(domain, first, voted=voted)
    except Refusal as problem:
        return TallyEntries(contest.id, first, second, (), voted, None, problem)
    return TallyEntries(contest.id, first, second, (), voted, first)
