"""Counting ballots, and checking a paper count the two tellers typed in."""

import pytest

from coopdesk.domain.elections.ballots import Ballot
from coopdesk.domain.elections.counting import (
    Difference, Tally, TallyItem, agreed_entry, check_tally, compare_entries, count,
)
from coopdesk.domain.errors import Refusal
from tests.domain.elections.helpers import CHOI, KIM, LEE, PARK, contest

DIRECTORS = contest(3, KIM, LEE, PARK, CHOI)  # a choice: up to 3 marks
APPROVAL = contest(3, KIM, LEE, PARK)  # yes or no on each


def test_a_choice_is_counted_mark_by_mark_with_blank_and_invalid_ballots():
    ballots = [Ballot.choice([1, 2, 3]), Ballot.choice([1, 4]), Ballot(), Ballot.choice([1, 2, 3, 4]),
               Ballot(marked=frozenset({2}), spoilt=True), Ballot.choice([2])]
    tally = count(DIRECTORS, ballots)
    assert tally == Tally(((1, 2), (2, 2), (3, 1), (4, 1)), (), ballots=6, blank=1, invalid=2)
    assert (tally.valid, tally.marked) == (4, 3)
    check_tally(DIRECTORS, tally, voted=6)


def test_a_yes_or_no_vote_counts_yes_and_no_apart():
    ballots = [Ballot.yes_no(yes=[1, 2, 3]), Ballot.yes_no(yes=[1], no=[3]), Ballot.yes_no(no=[2, 3]),
               Ballot(), Ballot.yes_no(yes=[1], no=[1])]
    tally = count(APPROVAL, ballots)
    assert tally.votes == ((1, 2), (2, 1), (3, 1)) and tally.against == ((1, 0), (2, 1), (3, 2))
    assert (tally.ballots, tally.blank, tally.invalid) == (5, 1, 1)
    check_tally(APPROVAL, tally, voted=5)


@pytest.mark.parametrize("the_contest, tally, voted, field, message_part", [
    # more papers in the box than voters signed off
    (DIRECTORS, Tally.of(DIRECTORS, {1: 5}, ballots=10), 9, "ballots", "9 voters"),
    (DIRECTORS, Tally.of(DIRECTORS, {1: 5}, ballots=10, blank=6, invalid=5), 10, "blank", "Blank and invalid"),
    # 10 papers, 2 invalid, 1 blank: 7 mark someone, so no candidate has more than 7
    (DIRECTORS, Tally.of(DIRECTORS, {1: 8, 2: 7}, ballots=10, blank=1, invalid=2), 10, "votes", "more than the 7"),
    # 3 seats × 4 marked ballots is 12 marks at most
    (DIRECTORS, Tally.of(DIRECTORS, {1: 4, 2: 4, 3: 4, 4: 1}, ballots=4), 4, "votes", "more than 12"),
    # 5 ballots mark someone: at least 5 marks
    (DIRECTORS, Tally.of(DIRECTORS, {1: 2, 2: 2}, ballots=5), 5, "votes", "fewer than the 5"),
    (DIRECTORS, Tally.of(DIRECTORS, {1: -1}, ballots=5), 5, "votes", "negative"),
    (APPROVAL, Tally.of(APPROVAL, {1: 3}, against={1: 2}, ballots=4), 4, "votes", "5 marks"),  # yes + no > ballots
    (DIRECTORS, Tally(((1, 1),), (), ballots=1), 1, "votes", "candidates"),  # not this contest's candidates
])
def test_impossible_paper_counts_are_refused(the_contest, tally, voted, field, message_part):
    with pytest.raises(Refusal) as caught:
        check_tally(the_contest, tally, voted)
    assert caught.value.field == field
    assert message_part in str(caught.value)


def test_a_count_for_someone_else_is_refused():
    with pytest.raises(Refusal):
        Tally.of(DIRECTORS, {99: 1}, ballots=1)
    with pytest.raises(Refusal):
        Tally.of(DIRECTORS, {1: 1}, against={1: 1}, ballots=1)  # a choice has no votes against


def test_the_two_tellers_entries_are_compared_number_by_number():
    first = Tally.of(APPROVAL, {1: 7, 2: 5, 3: 6}, against={1: 2, 2: 4, 3: 3}, ballots=10, blank=1)
    second = Tally.of(APPROVAL, {1: 7, 2: 6, 3: 6}, against={1: 2, 2: 4, 3: 2}, ballots=10, blank=0)
    assert compare_entries(first, second) == [
        Difference(TallyItem.BLANK, None, 1, 0),
        Difference(TallyItem.VOTES, 2, 5, 6),
        Difference(TallyItem.AGAINST, 3, 3, 2),
    ]
    with pytest.raises(Refusal) as caught:
        agreed_entry(first, second)
    assert caught.value.params == {"count": 3}
    assert compare_entries(first, first) == [] and agreed_entry(first, first) == first
    with pytest.raises(Refusal):
        compare_entries(first, Tally.of(DIRECTORS, {}, ballots=10))
