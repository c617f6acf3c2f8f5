"""Subscriptions, payments, transfers and reversals on the share ledger, on SQLite and PostgreSQL."""

import datetime as dt

import pytest
from sqlalchemy.exc import DBAPIError

from coopdesk.domain import law
from coopdesk.domain.capital.checks import CapitalRule
from coopdesk.domain.capital.ledger import EntryKind, Instalment
from coopdesk.domain.coop import BylawsSettings
from coopdesk.domain.errors import Refusal, Refusals
from coopdesk.domain.members.standing import EventKind
from coopdesk.services import audit
from coopdesk.services.capital.balances import balances
from coopdesk.services.capital.ledger import (
    NewSubscription, ledger_entries, member_ledger, pay, reverse, subscribe, subscribe_many, transfer,
)
from coopdesk.services.members.member import record_event
from tests.conftest import TODAY
from tests.services.capital.conftest import JOINED, D, found, resolution, sql


def test_the_founders_subscribe_together_and_the_ledger_is_numbered(db, coop):
    with pytest.raises(Refusal, match="only holder") as exc:
        subscribe(db, coop.id, 1, 10, on=JOINED, today=TODAY)
    assert exc.value.article == law.MAX_SHARE_RATIO.ref
    result = subscribe_many(db, coop.id, [NewSubscription(n, 10, JOINED) for n in range(1, 11)], today=TODAY)
    assert [e.number for e in result.entries] == list(range(1, 11))
    assert {c.rule for c in result.checks} >= {CapitalRule.SHARE_CAP, CapitalRule.MINIMUM_SHARES}
    assert all(c.passed for c in result.checks)
    assert [(m.number, m.shares, m.paid, m.unpaid) for m in result.holdings][:2] == [(1, 10, 0, 100_000),
                                                                                   (2, 10, 0, 100_000)]
    assert [e.action for e in audit.recent(db) if e.action.startswith("capital.")] == ["capital.subscribe"]
    report = audit.verify(db)
    assert report.intact and not report.differences


def test_exactly_30_percent_is_allowed_and_one_share_more_is_refused(db, coop):
    found(db, coop, members=range(1, 8))  # 70 shares among seven; member 8 holds none
    with pytest.raises(Refusal) as exc:
        subscribe(db, coop.id, 8, 31, on=TODAY, today=TODAY)  # 31 of 101
    assert exc.value.article.label("en") == "Act 22②" and exc.value.params["most"] == 30
    done = subscribe(db, coop.id, 8, 30, on=TODAY, today=TODAY)  # 30 of 100: exactly 30%
    assert done.holdings[0].shares == 30
    cap = next(c for c in done.checks if c.rule is CapitalRule.SHARE_CAP)
    assert dict(cap.explanation.params) == {"number": 8, "shares": 30, "total": 100, "limit": 30, "most": 30}


def test_the_bylaws_minimum_and_maximum_are_checked(db, bylaws):
    from coopdesk.services.coops import create_coop
    from coopdesk.services.members.member import add_member
    from coopdesk.domain.members.details import MemberDetails
    from tests.conftest import sample_profile

    info = create_coop(db, sample_profile(bylaws=BylawsSettings(min_shares=3, max_shares_per_member=12)),
                       adopted_on=D(2025, 1, 1))
    for n in range(1, 6):
        add_member(db, info.id, MemberDetails(f"조합원{n}", "소비자"), joined_on=JOINED, today=TODAY)
    with pytest.raises(Refusals) as exc:
        subscribe_many(db, info.id, [NewSubscription(1, 2, JOINED), NewSubscription(2, 13, JOINED),
                                     *(NewSubscription(n, 10, JOINED) for n in range(3, 6))], today=TODAY)
    assert {p.article for p in exc.value.problems} == {law.MIN_SHARES_PER_MEMBER.ref, law.BYLAWS_SHARE_LIMIT.ref}
    assert sql(db, "SELECT count(*) FROM capital_entry")[0][0] == 0


def test_a_payment_is_towards_shares_subscribed_and_never_more(db, coop):
    found(db, coop, paid=False)
    with pytest.raises(Refusal, match="more than that"):
        pay(db, coop.id, 1, 100_001, on=JOINED, today=TODAY)
    with pytest.raises(Refusal, match="before the member's first subscription"):
        pay(db, coop.id, 1, 100, on=JOINED - dt.timedelta(days=1), today=TODAY)
    with pytest.raises(Refusal, match="after today"):
        pay(db, coop.id, 1, 100, on=TODAY + dt.timedelta(days=1), today=TODAY)
    pay(db, coop.id, 1, 40_000, on=JOINED, today=TODAY)
    assert member_ledger(db, coop.id, 1, TODAY).capital.unpaid == 60_000


def test_instalments_only_where_the_bylaws_allow(db, coop):
    found(db, coop)
    parts = [Instalment(TODAY, 10_000), Instalment(TODAY + dt.timedelta(days=30), 10_000)]
    assert len(subscribe(db, coop.id, 1, 2, on=TODAY, instalments=parts, today=TODAY).entries[0].instalments) == 2


def test_instalments_are_refused_when_the_bylaws_say_no(db, bylaws):
    from coopdesk.services.coops import create_coop
    from coopdesk.services.members.member import add_member
    from coopdesk.domain.members.details import MemberDetails
    from tests.conftest import sample_profile

    info = create_coop(db, sample_profile(), adopted_on=D(2025, 1, 1))
    for n in range(1, 5):
        add_member(db, info.id, MemberDetails(f"조합원{n}", "소비자"), joined_on=JOINED, today=TODAY)
    parts = (Instalment(JOINED, 10_000), Instalment(JOINED + dt.timedelta(days=30), 10_000))
    with pytest.raises(Refusal) as exc:
        subscribe_many(db, info.id, [NewSubscription(n, 2, JOINED, parts) for n in range(1, 5)], today=TODAY)
    assert exc.value.article == law.INSTALMENTS_BY_BYLAWS.ref


def test_a_transfer_needs_the_resolution_that_approved_it(db, coop):
    found(db, coop)
    with pytest.raises(Refusal) as exc:
        transfer(db, coop.id, 1, 2, 5, on=TODAY, item_id=None, today=TODAY)
    assert exc.value.article == law.SHARE_TRANSFER_NEEDS_RESOLUTION.ref
    failed = resolution(db, coop, yes=3)
    with pytest.raises(Refusal, match="not a passed resolution"):
        transfer(db, coop.id, 1, 2, 5, on=TODAY, item_id=failed, today=TODAY)
    item = resolution(db, coop)
    with pytest.raises(Refusal, match="not a passed resolution"):  # the transfer cannot come before it
        transfer(db, coop.id, 1, 2, 5, on=D(2026, 3, 1), item_id=item, today=TODAY)
    done = transfer(db, coop.id, 1, 2, 5, on=TODAY, item_id=item, today=TODAY)
    giver, receiver = done.entries
    assert (giver.member, giver.shares, giver.amount, giver.counterpart) == (1, -5, -50_000, 2)
    assert (receiver.member, receiver.shares, receiver.amount, receiver.counterpart) == (2, 5, 50_000, 1)
    assert [(m.number, m.shares, m.paid) for m in done.holdings] == [(1, 5, 50_000), (2, 15, 150_000)]
    with pytest.raises(Refusal) as exc:  # 15 + 16 = 31 of 100: over the cap
        transfer(db, coop.id, 3, 2, 16 - 6, on=TODAY, item_id=item, today=TODAY)
    with pytest.raises(Refusal, match="cannot transfer"):
        transfer(db, coop.id, 1, 3, 6, on=TODAY, item_id=item, today=TODAY)


def test_only_fully_paid_shares_are_transferred(db, coop):
    found(db, coop, paid=False)
    item = resolution(db, coop)
    with pytest.raises(Refusal, match="fully paid"):
        transfer(db, coop.id, 1, 2, 1, on=TODAY, item_id=item, today=TODAY)


def test_a_reversal_restores_the_balance_and_keeps_the_entry(db, coop):
    found(db, coop)
    before = member_ledger(db, coop.id, 1, TODAY).capital
    added = subscribe(db, coop.id, 1, 2, on=TODAY, today=TODAY).entries[0]
    undone = reverse(db, coop.id, added.number, "잘못 입력", today=TODAY)
    assert undone.entries[0].kind is EntryKind.REVERSAL and undone.entries[0].reverses == added.number
    assert member_ledger(db, coop.id, 1, TODAY).capital == before
    entries = ledger_entries(db, coop.id, member=1)
    assert [e.kind for e in entries][-2:] == [EntryKind.SUBSCRIPTION, EntryKind.REVERSAL]
    assert entries[-2].reversed_by == undone.entries[0].number
    with pytest.raises(Refusal, match="already been reversed"):
        reverse(db, coop.id, added.number, "again", today=TODAY)
    with pytest.raises(Refusal, match="itself a reversal"):
        reverse(db, coop.id, undone.entries[0].number, "again", today=TODAY)
    with pytest.raises(Refusal, match="reason"):
        reverse(db, coop.id, 1, "  ", today=TODAY)


def test_a_transfer_is_reversed_whole_and_payments_before_subscriptions(db, coop):
    found(db, coop)
    item = resolution(db, coop)
    moved = transfer(db, coop.id, 1, 2, 5, on=TODAY, item_id=item, today=TODAY)
    undone = reverse(db, coop.id, moved.entries[1].number, "양도 취소", today=TODAY)
    assert [e.reverses for e in undone.entries] == [e.number for e in moved.entries]
    assert [(m.number, m.shares) for m in undone.holdings] == [(1, 10), (2, 10)]
    with pytest.raises(Refusal, match="Reverse the payments first"):
        reverse(db, coop.id, 1, "청약 취소", today=TODAY)  # member 1's subscription, paid in full


def test_balances_are_the_sums_of_the_entries(db, coop):
    found(db, coop)
    item = resolution(db, coop)
    transfer(db, coop.id, 4, 5, 3, on=TODAY, item_id=item, today=TODAY)
    subscribe(db, coop.id, 6, 4, on=TODAY, today=TODAY)
    pay(db, coop.id, 6, 15_000, on=TODAY, today=TODAY)
    summed = {number: (int(s), int(a)) for number, s, a in sql(
        db, "SELECT m.number, sum(e.shares), sum(e.amount) FROM capital_entry e JOIN member m ON m.id = e.member_id "
            "GROUP BY m.number")}
    assert {b.number: (b.shares, b.paid) for b in balances(db, coop.id, today=TODAY)} == summed


def test_the_ledger_refuses_edits_and_deletes_in_the_database(db, coop):
    found(db, coop)
    for statement in ("UPDATE capital_entry SET amount = 1 WHERE number = 1", "DELETE FROM capital_entry",
                      "DELETE FROM capital_instalment", "UPDATE capital_instalment SET amount = 1"):
        with pytest.raises(DBAPIError, match="append-only"):
            with db.engine.begin() as conn:
                conn.exec_driver_sql(statement)
    assert sql(db, "SELECT count(*) FROM capital_entry")[0][0] == 20


def test_no_capital_moves_for_a_member_who_has_left(db, coop):
    found(db, coop)
    record_event(db, coop.id, 3, EventKind.WITHDRAWN, D(2025, 6, 30), today=TODAY)
    with pytest.raises(Refusal, match="has left"):
        subscribe(db, coop.id, 3, 1, on=TODAY, today=TODAY)
    item = resolution(db, coop, present=[n for n in range(1, 11) if n != 3], yes=9)
    with pytest.raises(Refusal, match="has left"):
        transfer(db, coop.id, 1, 3, 1, on=TODAY, item_id=item, today=TODAY)
    from coopdesk.services.capital.joining import add_applicant_with_subscription
    from coopdesk.domain.members.details import MemberDetails

    add_applicant_with_subscription(db, coop.id, MemberDetails("신청자", "소비자"), applied_on=TODAY, shares=1,
                                    today=TODAY)
    with pytest.raises(Refusal, match="is not one"):  # an applicant not yet a member
        transfer(db, coop.id, 1, 11, 1, on=TODAY, item_id=item, today=TODAY)
