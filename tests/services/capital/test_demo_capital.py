"""The demo co-op's capital: made through the capital services, believable, the same for the same seed."""

from __future__ import annotations

from coopdesk.domain.members.standing import MemberStatus
from coopdesk.services import audit
from coopdesk.services.capital.balances import balances, overdue_instalments, totals
from coopdesk.services.capital.ledger import ledger_entries
from coopdesk.services.capital.refunds import refund_claims
from coopdesk.services.capital.surplus import dividends_of, list_years
from coopdesk.services.demo import create_demo
from tests.conftest import TODAY


def test_the_demo_holds_subscriptions_payments_an_overdue_instalment_a_claim_and_a_surplus(db):
    coop = create_demo(db, today=TODAY)
    found = totals(db, coop.id, today=TODAY)
    assert found.holders == 15 and found.paid > 0 and not found.over_cap
    assert found.largest is not None and found.largest.within
    late = overdue_instalments(db, coop.id, TODAY)
    assert len(late) == 1 and late[0].overdue > 0
    rows = {m.number: m for m in balances(db, coop.id, today=TODAY)}
    applicants = [m for m in rows.values() if m.status is MemberStatus.APPLICANT]
    assert applicants and all(m.awaiting_payment and m.paid == 0 for m in applicants)
    claims = refund_claims(db, coop.id, TODAY)
    assert {c.status for c in claims} >= {MemberStatus.WITHDRAWN, MemberStatus.DECEASED}
    assert all(c.paid_in > 0 for c in claims)
    years = list_years(db, coop.id)
    assert [v.figures.fiscal_year for v in years] == [TODAY.year - 1]
    assert years[0].plan.dividends > 0 and all(c.passed for c in years[0].checks)
    shares = dividends_of(db, coop.id, TODAY.year - 1)
    assert sum(d.total for d in shares) == years[0].plan.dividends
    assert audit.verify(db).intact


def test_the_same_seed_gives_the_same_ledger(db):
    first = create_demo(db, 30, today=TODAY, seed=7)
    again = create_demo(db, 30, today=TODAY, seed=7)

    def ledger(coop):
        return [(e.kind, e.on, e.member, e.shares, e.amount, e.note) for e in ledger_entries(db, coop.id)]

    assert ledger(first) == ledger(again) and len(ledger(first)) > 30
