"""Refunds to members who have left: from the next fiscal year, lapsing after 2 years (Act 26, 27, 89)."""

import datetime as dt

import pytest

from coopdesk.domain import law
from coopdesk.domain.capital.checks import ResolutionSeen
from coopdesk.domain.capital.refunds import (
    ClaimState, RefundAmount, amount_checks, fiscal_year_end, fiscal_year_of, refund_window, resolution_check,
    timing_checks, withheld_check,
)
from coopdesk.domain.coop import CoopKind

D = dt.date


@pytest.mark.parametrize(("day", "start_month", "year"), [
    (D(2025, 12, 31), 1, 2025), (D(2026, 1, 1), 1, 2026),
    (D(2026, 2, 28), 3, 2025), (D(2026, 3, 1), 3, 2026),
])
def test_the_fiscal_year_a_day_falls_in(day, start_month, year):
    assert fiscal_year_of(day, start_month) == year


@pytest.mark.parametrize(("left", "start_month", "claim_from", "last_day", "lapses_on"), [
    (D(2025, 6, 30), 1, D(2026, 1, 1), D(2027, 12, 31), D(2028, 1, 1)),
    (D(2025, 12, 31), 1, D(2026, 1, 1), D(2027, 12, 31), D(2028, 1, 1)),  # left on the last day of the year
    (D(2026, 1, 1), 1, D(2027, 1, 1), D(2028, 12, 31), D(2029, 1, 1)),  # on the first day of the next
    (D(2026, 2, 28), 3, D(2026, 3, 1), D(2028, 2, 29), D(2028, 3, 1)),  # a fiscal year from March, a leap year
])
def test_the_window_of_a_claim(left, start_month, claim_from, last_day, lapses_on):
    w = refund_window(left, start_month)
    assert (w.claim_from, w.last_day, w.lapses_on) == (claim_from, last_day, lapses_on)
    assert w.warn_from == lapses_on - dt.timedelta(days=60)


@pytest.mark.parametrize(("on", "timing", "lapse", "state"), [
    (D(2025, 12, 31), False, True, ClaimState.NOT_YET),  # the last day of the fiscal year of leaving
    (D(2026, 1, 1), True, True, ClaimState.CLAIMABLE),  # the first day of the next
    (D(2027, 11, 1), True, True, ClaimState.CLAIMABLE),  # 61 days before the lapse day
    (D(2027, 11, 2), True, True, ClaimState.LAPSING),  # 60 days before: the warning
    (D(2027, 12, 31), True, True, ClaimState.LAPSING),  # the last day
    (D(2028, 1, 1), True, False, ClaimState.LAPSED),  # the lapse day
])
def test_a_refund_is_claimable_from_the_next_fiscal_year_until_the_lapse_day(on, timing, lapse, state):
    w = refund_window(D(2025, 6, 30), 1)
    when, lapsed = timing_checks(w, on)
    assert (when.passed, lapsed.passed, w.state_on(on)) == (timing, lapse, state)
    assert when.article == law.REFUND_FROM_NEXT_FISCAL_YEAR.ref and lapsed.article == law.REFUND_CLAIM_LAPSE_YEARS.ref
    assert w.days_left(D(2027, 12, 31)) == 1 and w.days_left(D(2028, 1, 1)) == 0


def test_a_withheld_refund_is_refused_citing_act_26_3():
    assert withheld_check(None).passed
    check = withheld_check(D(2026, 2, 1))
    assert not check.passed and check.article == law.REFUND_MAY_BE_WITHHELD.ref


@pytest.mark.parametrize(("seen", "ok"), [
    (None, False),
    (ResolutionSeen(9, 2, D(2026, 3, 28), True, True, True), True),
    (ResolutionSeen(9, 2, D(2026, 3, 28), True, False, True), False),  # an ordinary resolution
    (ResolutionSeen(9, 2, D(2026, 3, 28), True, True, False), False),  # not passed (or not closed)
    (ResolutionSeen(9, 2, D(2026, 3, 28), False, True, True), False),  # a board meeting
    (ResolutionSeen(9, 2, D(2025, 6, 1), True, True, True), False),  # before the member left
])
def test_a_refund_to_a_leaver_needs_a_passed_special_resolution(seen, ok):
    check = resolution_check(seen, D(2025, 6, 30))
    assert check.passed is ok and check.article == law.LEAVER_REFUND_SPECIAL_RESOLUTION.ref


def test_the_amount_less_losses_only_where_the_bylaws_say_so():
    amount = RefundAmount(100_000, loss_share=20_000)
    assert amount.cash == 80_000
    assert all(c.passed for c in amount_checks(amount, CoopKind.GENERAL, True))
    refused = [c for c in amount_checks(amount, CoopKind.GENERAL, False) if not c.passed]
    assert [c.article for c in refused] == [law.REFUND_LESS_LOSSES.ref]
    too_much = RefundAmount(100_000, loss_share=100_001)
    assert not all(c.passed for c in amount_checks(too_much, CoopKind.GENERAL, True))


def test_a_social_co_op_refunds_paid_in_capital_only():
    extra = RefundAmount(100_000, equity_extra=5_000)
    assert extra.cash == 105_000 and all(c.passed for c in amount_checks(extra, CoopKind.GENERAL, False))
    refused = [c for c in amount_checks(extra, CoopKind.SOCIAL, False) if not c.passed]
    assert [c.article for c in refused] == [law.SOCIAL_REFUND_PAID_IN_ONLY.ref]
    assert all(c.passed for c in amount_checks(RefundAmount(100_000), CoopKind.SOCIAL, False))


def test_the_fiscal_year_ends_the_day_before_the_next_starts():
    assert fiscal_year_end(2025, 1) == D(2025, 12, 31) and fiscal_year_end(2025, 3) == D(2026, 2, 28)
