"""Membership follows payment: an admitted applicant becomes a member on the paying day."""

import pytest

from coopdesk.domain import law
from coopdesk.domain.capital.checks import CapitalRule
from coopdesk.domain.errors import Refusal
from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.members.standing import EventKind, MemberStatus
from coopdesk.services.capital.balances import balances
from coopdesk.services.capital.joining import add_applicant_with_subscription
from coopdesk.services.capital.ledger import pay, reverse
from coopdesk.services.members.member import get_member
from tests.conftest import TODAY
from tests.services.capital.conftest import D, found, sql

APPLIED = D(2026, 5, 1)


def applicant(db, coop, shares=3, **kw):
    member, result = add_applicant_with_subscription(db, coop.id, MemberDetails("신청자", "소비자"),
                                                     applied_on=APPLIED, shares=shares, today=TODAY, **kw)
    return member, result


def test_an_applicant_becomes_a_member_when_the_subscription_is_paid(db, coop):
    found(db, coop)
    member, result = applicant(db, coop)
    assert member.status is MemberStatus.APPLICANT and member.standing.joined_on is None
    assert result.holdings[0].awaiting_payment
    part = pay(db, coop.id, member.number, 20_000, on=D(2026, 5, 3), today=TODAY)
    assert part.joined == () and not next(c for c in part.checks).passed
    assert get_member(db, coop.id, member.number, today=TODAY).status is MemberStatus.APPLICANT
    rest = pay(db, coop.id, member.number, 10_000, on=D(2026, 5, 10), today=TODAY)
    assert rest.joined == ((member.number, D(2026, 5, 10)),)
    check = rest.checks[0]
    assert check.rule is CapitalRule.MEMBERSHIP_ON_PAYMENT and check.passed
    assert check.article == law.MEMBERSHIP_ON_PAYMENT.ref
    now = get_member(db, coop.id, member.number, today=TODAY)
    assert now.status is MemberStatus.MEMBER and now.standing.joined_on == D(2026, 5, 10)
    assert [e.kind for e in now.events] == [EventKind.APPLIED, EventKind.ADMITTED]
    assert not next(b for b in balances(db, coop.id, today=TODAY) if b.number == member.number).awaiting_payment


def test_the_payment_that_made_a_member_is_reversed_only_once_another_keeps_them_one(db, coop):
    found(db, coop)
    member, _result = applicant(db, coop, shares=1)
    first = pay(db, coop.id, member.number, 10_000, on=D(2026, 5, 2), today=TODAY).entries[0]
    with pytest.raises(Refusal, match="Record the right payment first"):
        reverse(db, coop.id, first.number, "잘못된 회원", today=TODAY)
    assert get_member(db, coop.id, member.number, today=TODAY).status is MemberStatus.MEMBER


def test_a_refused_subscription_adds_no_applicant(db, coop):
    found(db, coop)
    before = sql(db, "SELECT count(*) FROM member")[0][0]
    with pytest.raises(Refusal) as exc:
        applicant(db, coop, shares=60)  # 60 of 160: over the cap
    assert exc.value.article == law.MAX_SHARE_RATIO.ref
    assert sql(db, "SELECT count(*) FROM member")[0][0] == before


def test_a_payment_dated_before_a_counted_meeting_cannot_change_its_register(db, coop):
    from tests.services.capital.conftest import resolution

    found(db, coop)
    member, _result = add_applicant_with_subscription(db, coop.id, MemberDetails("신청자", "소비자"),
                                                      applied_on=D(2026, 3, 1), shares=1, today=TODAY)
    resolution(db, coop)  # a closed item of the assembly of 2026-03-28 froze its register
    with pytest.raises(Refusal, match="closed items"):
        pay(db, coop.id, member.number, 10_000, on=D(2026, 3, 20), today=TODAY)
    assert pay(db, coop.id, member.number, 10_000, on=D(2026, 3, 29), today=TODAY).joined
