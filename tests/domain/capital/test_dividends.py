"""Each member's dividend adds up to the total to the won (the largest-remainder rule)."""

import pytest

from coopdesk.domain.capital.dividends import allocate, member_dividends
from coopdesk.domain.errors import Refusal


@pytest.mark.parametrize(("total", "weights", "shares"), [
    (100, {1: 1, 2: 1, 3: 1}, {1: 34, 2: 33, 3: 33}),  # a tie: the lower member number first
    (101, {3: 1, 1: 1, 2: 1}, {1: 34, 2: 34, 3: 33}),
    (10, {1: 5, 2: 3, 3: 2}, {1: 5, 2: 3, 3: 2}),
    (10, {1: 1, 2: 0}, {1: 10, 2: 0}),
    (0, {1: 1}, {1: 0}),
    (7, {1: 2, 2: 2, 3: 3}, {1: 2, 2: 2, 3: 3}),
    (5, {1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1}, {1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 0}),
])
def test_shares_by_the_largest_remainder(total, weights, shares):
    assert allocate(total, weights) == shares


def test_a_total_with_nothing_to_share_it_by_is_refused():
    with pytest.raises(Refusal):
        allocate(100, {1: 0})
    with pytest.raises(Refusal):
        allocate(100, {1: -1})


def test_each_member_gets_both_parts_and_those_with_neither_are_left_out():
    found = member_dividends(1_000, {1: 100_000, 2: 300_000, 4: 0}, 3_000, {2: 10, 3: 20})
    assert [(d.number, d.capital, d.patronage) for d in found] == [(1, 250, 0), (2, 750, 1_000), (3, 0, 2_000)]
