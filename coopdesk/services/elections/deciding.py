"""Deciding a contest (당선인 결정): the domain's ``decide`` with the bylaws in force on election
day — the majority a candidate needs and the tie rule — and the members present for the vote.

A tie the bylaws break by a run-off makes the run-off round at once: a new contest for the
same office, between the tied, for the seats left, open for its voting.  When the run-off
is decided, so is the contest it broke the tie of.  A tie broken by lots waits for them:
drawn by seed (``draw_lots``: the election's seed, printed in the result, or a new one made
and kept), or as drawn by hand in the room (``decide_contest(..., HandDrawnLots.of(keys))``).
Every election draws all its lots with one seed.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopdesk.domain.elections.deciding import Outcome, TieKind, decide
from coopdesk.domain.elections.lots import Lots, SeededLots, clean_seed, new_seed
from coopdesk.domain.elections.stages import ContestState
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.coops import bylaws_from_dict, bylaws_in_force
from coopdesk.services.elections.frozen import outcome_json, outcome_of, tally_of
from coopdesk.services.elections.results import ContestResult, contest_result
from coopdesk.services.elections.rows import (
    contest_row,
    contest_view,
    domain_contest,
    election_row,
    open_item_of,
)
from coopdesk.store.database import Database
from coopdesk.store.models import CandidateRow, ContestRow, ElectionRow


def decide_contest(db: Database, coop_id: int, contest_id: int, lots: Lots | None = None) -> ContestResult:
    """Who is elected in a counted contest; a tie goes to a run-off round or waits for ``lots``."""
    with db.write() as s:
        contest, election = contest_row(s, coop_id, contest_id, lock=True)
        _, meeting = open_item_of(s, coop_id, election)
        _check_decidable(contest)
        bylaws = bylaws_from_dict(bylaws_in_force(s, coop_id, meeting.held_on).settings)
        if isinstance(lots, SeededLots):
            lots = SeededLots(_seed_of(election, lots.seed))
        assert contest.tally is not None and contest.present is not None
        outcome = decide(domain_contest(s, contest), tally_of(contest.tally), majority=bylaws.election_majority,
                         present=contest.present, tie=bylaws.tie_rule, runoff=contest.runoff_of is not None,
                         lots=lots, founding=meeting.kind is MeetingKind.FOUNDING)
        contest.outcome = outcome_json(outcome)
        if any(step.seed for step in outcome.tie_breaks):
            election.lots_seed = next(step.seed for step in outcome.tie_breaks if step.seed)
        _settle(s, contest, outcome)
        audit.record(s, coop_id=coop_id, action="election.decide", entity="election", key=election.id,
                     after={"contest": contest.id, "elected": [c.key for c in outcome.elected],
                            "unfilled": outcome.unfilled, "pending": outcome.pending.kind if outcome.pending else None,
                            "tie_breaks": [t.kind for t in outcome.tie_breaks], "seed": election.lots_seed})
        return contest_result(s, contest)


def draw_lots(db: Database, coop_id: int, contest_id: int, seed: str | None = None) -> ContestResult:
    """Decide a contest waiting for lots by seed: ``seed``, or the election's, or a new one."""
    with db.read() as s:
        _, election = contest_row(s, coop_id, contest_id)
        kept = election.lots_seed
    return decide_contest(db, coop_id, contest_id, SeededLots(seed if seed is not None else kept or new_seed()))


def lots_seed(db: Database, coop_id: int, election_id: int) -> str | None:
    with db.read() as s:
        return election_row(s, coop_id, election_id).lots_seed


def _check_decidable(contest: ContestRow) -> None:
    if contest.state not in (ContestState.COUNTED, ContestState.PENDING):
        raise Refusal(N_("This contest is not counted yet, or already decided."), field="contest")
    if contest.state is ContestState.PENDING and contest.outcome is not None:
        pending = outcome_of(contest.outcome).pending
        if pending is not None and pending.kind is TieKind.RUNOFF:
            raise Refusal(N_("A run-off round breaks this tie: decide the run-off."), field="contest")


def _seed_of(election: ElectionRow, given: str) -> str:
    seed = clean_seed(given)
    if election.lots_seed is not None and election.lots_seed != seed:
        raise Refusal(N_("This election draws its lots with the seed {seed}, printed in its result."),
                      field="seed", seed=election.lots_seed)
    return seed


def _settle(s: Session, contest: ContestRow, outcome: Outcome) -> None:
    """The contest's new state; a run-off to hold is made; a run-off decided decides its contest."""
    if outcome.final:
        contest.state = ContestState.DECIDED
        if contest.runoff_of is not None:
            parent = s.get(ContestRow, contest.runoff_of)
            assert parent is not None
            parent.state = ContestState.DECIDED
        return
    contest.state = ContestState.PENDING
    if outcome.pending is not None and outcome.pending.kind is TieKind.RUNOFF:
        _runoff(s, contest, outcome)


def _runoff(s: Session, contest: ContestRow, outcome: Outcome) -> ContestRow:
    """The run-off round: the same office and term, the tied candidates in ballot order, the seats left."""
    assert outcome.pending is not None
    rounds = s.execute(select(func.max(ContestRow.round)).where(ContestRow.election_id == contest.election_id,
                                                                ContestRow.office == contest.office)).scalar()
    last = s.execute(select(func.max(ContestRow.position)).where(ContestRow.election_id == contest.election_id)).scalar()
    row = ContestRow(election_id=contest.election_id, position=(last or 0) + 1, office=contest.office,
                     seats=outcome.pending.seats, round=(rounds or 0) + 1, runoff_of=contest.id,
                     term_start=contest.term_start, term_end=contest.term_end, vacancy_of=contest.vacancy_of,
                     state=ContestState.OPEN)
    s.add(row)
    s.flush()
    tied = {c.key for c in outcome.pending.tied}
    originals = [c for c in contest_view(s, contest).standing if c.key in tied]
    for n, c in enumerate(originals, start=1):
        original = s.get(CandidateRow, c.id)
        assert original is not None
        s.add(CandidateRow(contest_id=row.id, position=n, member_id=original.member_id, name=original.name,
                           birth_date=original.birth_date, registered_on=original.registered_on,
                           accepted_on=original.accepted_on, withdrawn_on=None))
    s.flush()
    return row
