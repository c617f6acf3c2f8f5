"""The ledger's entries: holdings folded from them, instalments, reversals."""

import datetime as dt

import pytest

from coopdesk.domain import law
from coopdesk.domain.capital.ledger import (
    EntryKind, Holding, Instalment, Movement, check_entry_date, check_reversal, holding, overdue, reversed_movement,
    schedule,
)
from coopdesk.domain.errors import Refusal

D = dt.date


def test_a_holding_is_the_sum_of_its_entries():
    rows = [Movement(1, EntryKind.SUBSCRIPTION, D(2025, 1, 2), 10, 0), Movement(2, EntryKind.PAYMENT, D(2025, 1, 3), 0, 40_000),
            Movement(3, EntryKind.TRANSFER, D(2025, 5, 1), -2, -20_000)]
    assert holding(rows) == Holding(8, 20_000)
    assert Holding(8, 20_000).unpaid(10_000) == 60_000


def test_without_instalments_the_whole_amount_is_due_on_the_day():
    assert schedule(3, 10_000, D(2025, 1, 2), allowed=False) == (Instalment(D(2025, 1, 2), 30_000),)


def test_instalments_only_where_the_bylaws_allow():
    parts = (Instalment(D(2025, 1, 2), 10_000), Instalment(D(2025, 2, 2), 20_000))
    assert schedule(3, 10_000, D(2025, 1, 2), parts, allowed=True) == parts
    with pytest.raises(Refusal) as exc:
        schedule(3, 10_000, D(2025, 1, 2), parts, allowed=False)
    assert exc.value.article == law.INSTALMENTS_BY_BYLAWS.ref


@pytest.mark.parametrize("parts", [
    (Instalment(D(2025, 1, 2), 10_000), Instalment(D(2025, 2, 2), 10_000)),  # short of 30,000
    (Instalment(D(2025, 1, 1), 10_000), Instalment(D(2025, 2, 2), 20_000)),  # before the subscription
    (Instalment(D(2025, 2, 2), 10_000), Instalment(D(2025, 2, 2), 20_000)),  # not after the one before
    (Instalment(D(2025, 1, 2), 0), Instalment(D(2025, 2, 2), 30_000)),
])
def test_a_schedule_that_cannot_be_is_refused(parts):
    with pytest.raises(Refusal):
        schedule(3, 10_000, D(2025, 1, 2), parts, allowed=True)


@pytest.mark.parametrize(("paid", "today", "late"), [
    (0, D(2025, 1, 2), 0),  # due today: not yet late
    (0, D(2025, 1, 3), 10_000),
    (10_000, D(2025, 2, 3), 20_000),
    (30_000, D(2025, 2, 3), 0),
    (35_000, D(2025, 3, 3), 15_000),
])
def test_overdue_counts_instalments_due_before_today_less_payments(paid, today, late):
    parts = (Instalment(D(2025, 1, 2), 10_000), Instalment(D(2025, 2, 2), 20_000), Instalment(D(2025, 3, 2), 20_000))
    assert overdue(parts, paid, today) == late


def test_a_reversal_moves_exactly_back_and_only_once():
    entry = Movement(4, EntryKind.PAYMENT, D(2025, 1, 3), 0, 40_000)
    assert reversed_movement(entry) == (0, -40_000)
    check_reversal(entry, False, "typo", D(2025, 1, 3))
    for target, done, reason, on in [(entry, True, "again", D(2025, 2, 1)), (entry, False, "  ", D(2025, 2, 1)),
                                     (entry, False, "early", D(2025, 1, 2)),
                                     (Movement(5, EntryKind.REVERSAL, D(2025, 2, 1), 0, -40_000, 4), False, "x",
                                      D(2025, 2, 1))]:
        with pytest.raises(Refusal):
            check_reversal(target, done, reason, on)


def test_an_entry_is_never_dated_after_today():
    check_entry_date(D(2025, 1, 3), D(2025, 1, 3))
    with pytest.raises(Refusal):
        check_entry_date(D(2025, 1, 4), D(2025, 1, 3))
