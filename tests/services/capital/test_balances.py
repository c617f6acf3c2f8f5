"""The co-op's totals, the largest holding against the cap, overdue instalments, a preview of the law."""

import datetime as dt

from coopdesk.domain.capital.checks import CapitalRule
from coopdesk.domain.capital.ledger import Instalment
from coopdesk.services.capital.balances import balances, check_subscription, overdue_instalments, totals
from coopdesk.services.capital.ledger import NewSubscription, pay, subscribe, subscribe_many
from tests.conftest import TODAY
from tests.services.capital.conftest import JOINED, D, sql


def test_the_totals_and_the_largest_holding_against_the_cap(db, coop):
    subscribe_many(db, coop.id, [NewSubscription(n, 10 if n > 1 else 30, JOINED) for n in range(1, 10)], today=TODAY)
    pay(db, coop.id, 1, 300_000, on=JOINED, today=TODAY)
    t = totals(db, coop.id, today=TODAY)
    assert (t.members, t.holders, t.shares, t.subscribed, t.paid, t.unpaid) == (
        10, 9, 110, 1_100_000, 300_000, 800_000)
    assert (t.largest.number, t.largest.shares, t.largest.total, t.largest.most, t.largest.percent_tenths) == (
        1, 30, 110, 34, 272)
    assert t.over_cap == () and t.below_minimum == 1  # member 10 holds nothing
    before = totals(db, coop.id, as_of=JOINED - dt.timedelta(days=1))
    assert (before.shares, before.holders, before.largest) == (0, 0, None)


def test_the_preview_says_what_the_law_would_and_writes_nothing(db, coop):
    subscribe_many(db, coop.id, [NewSubscription(n, 10, JOINED) for n in range(1, 11)], today=TODAY)
    ok = check_subscription(db, coop.id, 1, 28, today=TODAY)
    too_many = check_subscription(db, coop.id, 1, 29, today=TODAY)
    assert ok.allowed and not too_many.allowed
    assert [c.rule for c in too_many.checks if not c.passed] == [CapitalRule.SHARE_CAP]
    assert (too_many.cap.shares, too_many.cap.total, too_many.cap.most) == (39, 129, 38)
    assert sql(db, "SELECT count(*) FROM capital_entry")[0][0] == 10


def test_instalments_fallen_due_and_not_paid(db, coop):
    parts = (Instalment(JOINED, 40_000), Instalment(D(2025, 6, 1), 30_000), Instalment(D(2026, 12, 1), 30_000))
    subscribe_many(db, coop.id, [NewSubscription(n, 10, JOINED, parts) for n in range(1, 11)], today=TODAY)
    for n in range(1, 11):
        pay(db, coop.id, n, 70_000 if n != 2 else 50_000, on=D(2025, 5, 1), today=TODAY)
    late = overdue_instalments(db, coop.id, TODAY)
    assert [(r.number, r.due, r.paid, r.overdue, r.since) for r in late] == [(2, 70_000, 50_000, 20_000, D(2025, 6, 1))]
    assert overdue_instalments(db, coop.id, D(2025, 6, 1)) == []  # due that day: not yet late
    subscribe(db, coop.id, 3, 1, on=TODAY, today=TODAY)
    assert [r.number for r in overdue_instalments(db, coop.id, TODAY + dt.timedelta(days=1))] == [2, 3]
    assert [b.unpaid for b in balances(db, coop.id, today=TODAY)][:3] == [30_000, 50_000, 40_000]
