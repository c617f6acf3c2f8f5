"""A second round for the seats the first left unfilled: someone the first round elected
cannot stand again for the same office (they already hold one of its seats)."""

import datetime as dt

import pytest

from coopdesk.domain.coop import BylawsSettings, ElectionMajority
from coopdesk.domain.elections.ballots import Ballot
from coopdesk.domain.errors import Refusal
from coopdesk.domain.officers.terms import Office
from coopdesk.services.coops import create_coop
from coopdesk.services.elections.calling import add_contest, get_election
from coopdesk.services.elections.candidates import add_candidate
from coopdesk.services.elections.casting import cast
from coopdesk.services.elections.closing import close_voting
from coopdesk.services.elections.deciding import decide_contest
from coopdesk.services.elections.views import CandidateInput, ContestInput
from coopdesk.services.elections.voting import open_voting
from tests.conftest import sample_profile
from tests.services.elections.helpers import HELD, add_members, candidate, election, hold_assembly

VOTERS = (1, 2, 3, 4)


def first_round_leaves_a_seat(db, **facts):
    """Two director seats, one candidate (member 2), elected: one seat left for a second round."""
    coop = create_coop(db, sample_profile(bylaws=BylawsSettings(election_majority=ElectionMajority.NONE)),
                       adopted_on=dt.date(2025, 1, 1))
    add_members(db, coop, 6)
    _, item_id = hold_assembly(db, coop, VOTERS)
    called = election(db, coop, item_id, ContestInput(Office.DIRECTOR, 2), **facts)
    first = called.contests[0].id
    candidate(db, coop, first, 2)
    open_voting(db, coop.id, called.id, [first])
    for voter in VOTERS:
        cast(db, coop.id, called.id, voter, {first: Ballot.yes_no(yes=(2,))})
    close_voting(db, coop.id, first)
    decided = decide_contest(db, coop.id, first)
    assert [e.name for e in decided.elected] == ["조합원02"]
    second = add_contest(db, coop.id, called.id, ContestInput(Office.DIRECTOR, 1))
    return coop, next(c for c in second.contests if c.id != first)


def test_someone_elected_in_the_first_round_cannot_stand_in_the_second(db):
    coop, later = first_round_leaves_a_seat(db)
    assert later.round == 2
    with pytest.raises(Refusal) as refused:
        candidate(db, coop, later.id, 2)
    assert refused.value.field == "member"
    assert get_election(db, coop.id, later.election_id).contests[1].candidates == ()


def test_someone_else_can_stand_in_the_second_round(db):
    coop, later = first_round_leaves_a_seat(db)
    view = candidate(db, coop, later.id, 3)
    assert [c.name for c in view.candidates] == ["조합원03"]


def test_a_later_round_takes_its_candidates_on_election_day_after_candidacy_closed(db):
    """The seats left unfilled are filled the same day: candidacy (10–20 March) no longer binds them."""
    coop, later = first_round_leaves_a_seat(db, candidacy_from=dt.date(2026, 3, 10),
                                            candidacy_to=dt.date(2026, 3, 20))
    on_the_day = CandidateInput(HELD, member_number=3, accepted_on=HELD)
    assert [c.name for c in add_candidate(db, coop.id, later.id, on_the_day).candidates] == ["조합원03"]


def test_a_first_round_still_keeps_to_the_candidacy_period(db):
    coop = create_coop(db, sample_profile(), adopted_on=dt.date(2025, 1, 1))
    add_members(db, coop, 6)
    _, item_id = hold_assembly(db, coop, VOTERS)
    called = election(db, coop, item_id, ContestInput(Office.DIRECTOR, 2), candidacy_from=dt.date(2026, 3, 10),
                      candidacy_to=dt.date(2026, 3, 20))
    with pytest.raises(Refusal, match="while candidacy is open"):
        add_candidate(db, coop.id, called.contests[0].id, CandidateInput(HELD, member_number=3, accepted_on=HELD))
