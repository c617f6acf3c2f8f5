"""A tie at the last seat, broken by each of the bylaws' tie rules, visibly and on record: a
run-off round (then the older candidate), the older candidate at once, lots by a printed seed
that anyone can draw again, and lots drawn by hand."""

import datetime as dt
import hashlib

import pytest

from coopdesk.domain.coop import BylawsSettings, ElectionMajority, TieRule
from coopdesk.domain.elections.deciding import TieKind
from coopdesk.domain.elections.lots import HandDrawnLots
from coopdesk.domain.elections.stages import ContestState
from coopdesk.domain.errors import Refusal
from coopdesk.domain.officers.terms import Office
from coopdesk.services.coops import create_coop
from coopdesk.services.elections.calling import get_election
from coopdesk.services.elections.casting import cast
from coopdesk.services.elections.closing import close_voting
from coopdesk.services.elections.deciding import decide_contest, draw_lots
from coopdesk.services.elections.results import election_result
from coopdesk.services.elections.views import ContestInput
from coopdesk.services.elections.voting import open_voting
from tests.conftest import sample_profile
from tests.services.elections.helpers import (
    add_members,
    candidate,
    choice,
    election,
    hold_assembly,
    name,
)

VOTERS = (1, 2, 3, 4)


def tied(db, tie: TieRule, offices=(Office.DIRECTOR,)):
    """A co-op whose bylaws break ties by ``tie`` (no majority needed); 4 present; one contest per
    office, one seat each: candidates 2 (born 1962) and 3 (born 1963), tied 2 to 2; in the second
    office 4 and 5 likewise."""
    coop = create_coop(db, sample_profile(bylaws=BylawsSettings(tie_rule=tie, election_majority=ElectionMajority.NONE)),
                       adopted_on=dt.date(2025, 1, 1))
    add_members(db, coop, 6)
    _, item_id = hold_assembly(db, coop, VOTERS)
    called = election(db, coop, item_id, *(ContestInput(o, 1) for o in offices))
    contests = [c.id for c in called.contests]
    for i, contest in enumerate(contests):
        for n in (2 + 2 * i, 3 + 2 * i):
            candidate(db, coop, contest, n)
    vote(db, coop, called.id, contests, [2, 2, 3, 3])
    return coop, called.id, contests


def vote(db, coop, election_id, contests, picks):
    open_voting(db, coop.id, election_id, contests)
    for voter, pick in zip(VOTERS, picks, strict=True):
        cast(db, coop.id, election_id, voter, {c: choice(pick + 2 * i) for i, c in enumerate(contests)})
    for c in contests:
        close_voting(db, coop.id, c)


def test_a_run_off_round_between_the_tied_then_the_older_if_tied_again(db):
    coop, election_id, (first,) = tied(db, TieRule.RUNOFF_THEN_OLDER)
    result = decide_contest(db, coop.id, first)
    assert result.contest.state is ContestState.PENDING and result.elected == ()
    assert result.pending.kind is TieKind.RUNOFF and result.runoff_id is not None
    runoff = get_election(db, coop.id, election_id).contest(result.runoff_id)
    assert (runoff.office, runoff.round, runoff.runoff_of, runoff.seats, runoff.state) == (
        Office.DIRECTOR, 2, first, 1, ContestState.OPEN)
    assert [c.member_number for c in runoff.standing] == [2, 3]
    with pytest.raises(Refusal, match="run-off round breaks this tie"):
        decide_contest(db, coop.id, first)
    vote(db, coop, election_id, [runoff.id], [2, 3, 3, 2])  # tied again
    decided = decide_contest(db, coop.id, runoff.id)
    assert [c.member_number for c in decided.elected] == [2]  # the older
    assert [t.kind for t in decided.outcome.tie_breaks] == [TieKind.OLDER] and decided.outcome.runoff
    whole = election_result(db, coop.id, election_id)
    assert whole.decided and [r.contest.round for r in whole.contests] == [1, 2]
    assert [c.name for c in whole.elected(Office.DIRECTOR)] == [name(2)]
    assert whole.as_json()["contests"][0]["pending"]["kind"] == "runoff"


def test_the_older_candidate_at_once(db):
    coop, _, (contest,) = tied(db, TieRule.OLDER)
    decided = decide_contest(db, coop.id, contest)
    assert decided.decided and [c.member_number for c in decided.elected] == [2]
    (step,) = decided.outcome.tie_breaks
    assert (step.kind, [c.birth_date for c in step.tied]) == (TieKind.OLDER, [dt.date(1962, 3, 1),
                                                                             dt.date(1963, 4, 1)])


def _by_hand_of_the_procedure(seed: str, keys: list[int]) -> list[int]:
    """The lots' procedure as printed, done again without the program: SHA-256 of "seed:key"."""
    return sorted(keys, key=lambda k: hashlib.sha256(f"{seed}:{k}".encode()).hexdigest())


def test_lots_by_a_printed_seed_that_anyone_can_draw_again(db):
    coop, election_id, (directors, auditors) = tied(db, TieRule.LOTS, (Office.DIRECTOR, Office.AUDITOR))
    waiting = decide_contest(db, coop.id, directors)
    assert waiting.contest.state is ContestState.PENDING and waiting.pending.kind is TieKind.LOTS
    drawn = draw_lots(db, coop.id, directors, seed=" 달빛 3f9c ")
    seed = "달빛 3f9c"
    assert [c.member_number for c in drawn.elected] == _by_hand_of_the_procedure(seed, [2, 3])[:1]
    (step,) = drawn.outcome.tie_breaks
    assert (step.kind, step.seed, step.by_hand) == (TieKind.LOTS, seed, False)
    with pytest.raises(Refusal, match="draws its lots with the seed 달빛 3f9c"):
        draw_lots(db, coop.id, auditors, seed="another")
    again = draw_lots(db, coop.id, auditors)  # the election's seed, printed in its result
    assert again.outcome.tie_breaks[0].seed == seed
    assert [c.member_number for c in again.elected] == _by_hand_of_the_procedure(seed, [4, 5])[:1]
    result = election_result(db, coop.id, election_id)
    assert result.seed == seed and result.as_json()["seed"] == seed and result.decided


def test_the_same_seed_draws_the_same_in_another_file(db, tmp_path):
    from coopdesk.services.files import open_database

    coop, _, (contest,) = tied(db, TieRule.LOTS)
    first = draw_lots(db, coop.id, contest, seed="0123456789abcdef")
    other = open_database(tmp_path / "other.coopdesk")
    try:
        coop2, _, (contest2,) = tied(other, TieRule.LOTS)
        second = draw_lots(other, coop2.id, contest2, seed="0123456789abcdef")
    finally:
        other.close()
    assert [c.key for c in first.elected] == [c.key for c in second.elected]


def test_lots_drawn_by_hand_in_the_room(db):
    coop, election_id, (contest,) = tied(db, TieRule.RUNOFF_THEN_LOTS)
    runoff = decide_contest(db, coop.id, contest).runoff_id
    vote(db, coop, election_id, [runoff], [2, 3, 2, 3])  # tied again: lots
    assert decide_contest(db, coop.id, runoff).pending.kind is TieKind.LOTS
    with pytest.raises(Refusal, match="only between the tied"):
        decide_contest(db, coop.id, runoff, HandDrawnLots.of([5]))
    decided = decide_contest(db, coop.id, runoff, HandDrawnLots.of([3]))
    assert [c.member_number for c in decided.elected] == [3] and decided.outcome.tie_breaks[0].by_hand
    assert get_election(db, coop.id, election_id).decided
