"""Contests, ballots and the election rules of the Act: each refusal cites its article."""

import datetime as dt

import pytest

from coopdesk.domain import law
from coopdesk.domain.coop import BylawsSettings, ElectionMajority, TieRule
from coopdesk.domain.elections.ballots import Ballot, BallotState, ballot_state, check_ballot
from coopdesk.domain.elections.campaign import MEANS_LABELS, campaign_rules
from coopdesk.domain.elections.chair import chair_eligible, check_chair_contest
from coopdesk.domain.elections.contest import Candidate, Method, check_contest, check_election
from coopdesk.domain.elections.counting import Tally
from coopdesk.domain.elections.deciding import decide
from coopdesk.domain.errors import Refusal
from coopdesk.domain.law_ref import act
from coopdesk.domain.officers.terms import Office
from tests.domain.elections.helpers import CHOI, JUNG, KIM, LEE, PARK, contest


@pytest.mark.parametrize("seats, candidates, method", [
    (3, (KIM, LEE, PARK), Method.APPROVAL),  # as many candidates as seats: yes or no on each
    (3, (KIM, LEE), Method.APPROVAL),
    (1, (KIM,), Method.APPROVAL),
    (3, (KIM, LEE, PARK, CHOI), Method.PLURALITY),
    (1, (KIM, LEE), Method.PLURALITY),
])
def test_the_method_follows_from_candidates_and_seats(seats, candidates, method):
    assert contest(seats, *candidates).method is method


@pytest.mark.parametrize("bad, field", [
    (contest(0, KIM), "seats"),
    (contest(1), "candidates"),
    (contest(2, KIM, LEE, Candidate(1, "김민준 (again)")), "candidates"),
    (contest(1, Candidate(9, "  ")), "name"),
    (contest(1, Candidate(9, "x" * 101)), "name"),
    (contest(1, Candidate(9, "고령자", dt.date(1850, 1, 1))), "birth_date"),
    (contest(2, KIM, LEE, office=Office.CHAIR), "seats"),
])
def test_contests_that_cannot_be_voted_on_are_refused(bad, field):
    with pytest.raises(Refusal) as caught:
        check_contest(bad)
    assert caught.value.field == field


def test_the_assembly_elects_one_chair():
    with pytest.raises(Refusal) as caught:
        check_contest(contest(2, KIM, LEE, PARK, office=Office.CHAIR))
    assert caught.value.article == law.CHAIR_SEATS.ref


def test_no_one_stands_for_director_and_auditor():
    directors = contest(3, KIM, LEE, PARK, CHOI)
    auditor = contest(1, LEE, JUNG, office=Office.AUDITOR)
    with pytest.raises(Refusal) as caught:
        check_election([directors, auditor])
    assert caught.value.article == law.AUDITOR_NOT_DIRECTOR.ref == act(44, 2)
    assert caught.value.params == {"name": LEE.name}
    check_election([directors, contest(1, JUNG, office=Office.AUDITOR)])


def test_an_officer_continuing_in_the_other_office_cannot_stand():
    auditor = contest(1, JUNG, office=Office.AUDITOR)
    with pytest.raises(Refusal) as caught:
        check_election([auditor], continuing_directors={JUNG.key})
    assert caught.value.article == law.AUDITOR_NOT_DIRECTOR.ref
    with pytest.raises(Refusal):
        check_election([contest(2, KIM, LEE, PARK)], continuing_auditors={PARK.key})
    check_election([auditor, contest(2, KIM, LEE, PARK)], continuing_directors={KIM.key},
                   continuing_auditors={CHOI.key})


def test_the_chair_is_elected_from_the_directors():
    directors = contest(2, KIM, LEE, PARK)
    tally = Tally.of(directors, {KIM.key: 6, LEE.key: 5, PARK.key: 2}, ballots=9)
    elected = decide(directors, tally, majority=ElectionMajority.OF_PRESENT, present=9,
                     tie=TieRule.RUNOFF_THEN_OLDER)
    eligible = chair_eligible([elected], continuing_directors=[CHOI.key])
    assert eligible == {KIM.key, LEE.key, CHOI.key}
    check_chair_contest(contest(1, KIM, CHOI, office=Office.CHAIR), eligible)
    with pytest.raises(Refusal) as caught:
        check_chair_contest(contest(1, KIM, PARK, office=Office.CHAIR), eligible)  # Park was not elected
    assert caught.value.article == law.CHAIR_FROM_DIRECTORS.ref == act(34, 2)
    assert caught.value.params == {"name": PARK.name}
    with pytest.raises(Refusal):
        check_chair_contest(contest(1, KIM), eligible)  # a directors' contest is not the chair's


# -- ballots ----------------------------------------------------------------------------------------

FOUR_FOR_THREE = contest(3, KIM, LEE, PARK, CHOI)
THREE_FOR_THREE = contest(3, KIM, LEE, PARK)


@pytest.mark.parametrize("the_contest, ballot, state", [
    (FOUR_FOR_THREE, Ballot.choice([1, 2, 3]), BallotState.MARKED),
    (FOUR_FOR_THREE, Ballot.choice([4]), BallotState.MARKED),  # fewer marks than seats is fine
    (FOUR_FOR_THREE, Ballot(), BallotState.BLANK),
    (FOUR_FOR_THREE, Ballot.choice([1, 2, 3, 4]), BallotState.INVALID),  # more marks than seats
    (FOUR_FOR_THREE, Ballot.choice([1, 99]), BallotState.INVALID),  # not a candidate
    (FOUR_FOR_THREE, Ballot.yes_no(yes=[1]), BallotState.INVALID),  # no yes or no in a choice
    (FOUR_FOR_THREE, Ballot(marked=frozenset({1}), spoilt=True), BallotState.INVALID),
    (THREE_FOR_THREE, Ballot.yes_no(yes=[1, 2], no=[3]), BallotState.MARKED),
    (THREE_FOR_THREE, Ballot.yes_no(no=[2]), BallotState.MARKED),  # others left unmarked
    (THREE_FOR_THREE, Ballot(), BallotState.BLANK),
    (THREE_FOR_THREE, Ballot.yes_no(yes=[1], no=[1]), BallotState.INVALID),
    (THREE_FOR_THREE, Ballot.choice([1]), BallotState.INVALID),
    (THREE_FOR_THREE, Ballot.yes_no(yes=[7]), BallotState.INVALID),
])
def test_how_a_ballot_counts(the_contest, ballot, state):
    assert ballot_state(the_contest, ballot) is state
    if state is BallotState.INVALID and not ballot.spoilt:
        with pytest.raises(Refusal):  # refused on screen, counted invalid on paper
            check_ballot(the_contest, ballot)
    else:
        check_ballot(the_contest, ballot)


def test_too_many_marks_say_how_many():
    with pytest.raises(Refusal) as caught:
        check_ballot(FOUR_FOR_THREE, Ballot.choice([1, 2, 3, 4]))
    assert caught.value.params == {"seats": 3, "marked": 4}


# -- the setting and the law's words --------------------------------------------------------------

def test_the_majority_setting_defaults_to_more_than_half_of_those_present():
    assert BylawsSettings().election_majority is ElectionMajority.OF_PRESENT


def test_older_stored_settings_without_the_key_still_load():
    from coopdesk.services.coop_info import bylaws_from_dict

    stored = {"share_price": 5_000, "tie_rule": "lots"}  # written before the setting existed
    assert bylaws_from_dict(stored).election_majority is ElectionMajority.OF_PRESENT


def test_the_campaign_limits_name_every_means_of_the_act():
    rules = campaign_rules()
    assert set(law.CAMPAIGN_MEANS_ALLOWED.value) | set(law.CAMPAIGN_MEANS_FORBIDDEN.value) == set(MEANS_LABELS)
    assert len(rules.allowed) == 5 and len(rules.forbidden) == 2
    assert rules.ref == act(37) and rules.committee_ref == act(38)
    assert "door to door" in " ".join(rules.forbidden)
