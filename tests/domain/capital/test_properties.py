"""Properties of the capital rules, over many generated cases (Hypothesis)."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from coopdesk.domain.capital.dividends import allocate
from coopdesk.domain.capital.ledger import EntryKind, Holding, Movement, holding, reversed_movement
from coopdesk.domain.capital.rules import most_under_cap, within_cap

KINDS = [k for k in EntryKind if k is not EntryKind.REVERSAL]
moves = st.lists(st.tuples(st.sampled_from(KINDS), st.integers(-1_000, 1_000), st.integers(-10**9, 10**9)),
                 max_size=50)


def _rows(generated):
    return [Movement(n, kind, dt.date(2025, 1, 1), shares, amount)
            for n, (kind, shares, amount) in enumerate(generated, start=1)]


@given(moves)
def test_a_balance_always_equals_the_sum_of_its_entries(generated):
    rows = _rows(generated)
    assert holding(rows) == Holding(sum(r.shares for r in rows), sum(r.amount for r in rows))
    folded = Holding()
    for r in rows:
        folded = folded.moved(r.shares, r.amount)
    assert folded == holding(rows)


@given(moves, st.data())
def test_a_reversal_restores_the_balance_before_the_entry(generated, data):
    rows = _rows(generated)
    if not rows:
        return
    target = data.draw(st.sampled_from(rows))
    shares, amount = reversed_movement(target)
    reversal = Movement(len(rows) + 1, EntryKind.REVERSAL, target.on, shares, amount, target.number)
    without = [r for r in rows if r is not target]
    assert holding([*rows, reversal]) == holding(without)


@given(st.integers(0, 10**12), st.dictionaries(st.integers(1, 10**6), st.integers(0, 10**9), min_size=1))
def test_the_dividends_add_up_to_the_total_to_the_won(total, weights):
    if sum(weights.values()) == 0:
        weights = {**weights, min(weights): 1}
    shares = allocate(total, weights)
    assert sum(shares.values()) == total and set(shares) == set(weights)
    whole = sum(weights.values())
    for member, share in shares.items():
        # never a won or more away from the exact share: |share·whole − total·weight| < whole
        assert abs(share * whole - total * weights[member]) < whole


@given(st.integers(0, 10**9))
def test_the_most_under_the_cap_is_the_most(others):
    most = most_under_cap(others)
    assert within_cap(most, others + most) and not within_cap(most + 1, others + most + 1)
