"""Membership follows payment, as the bylaws say (full payment, or the first instalment)."""

import pytest

from coopdesk.domain.capital.membership import joining
from coopdesk.domain.coop import MembershipStarts

FULL, FIRST = MembershipStarts.FULL_PAYMENT, MembershipStarts.FIRST_INSTALMENT


@pytest.mark.parametrize(("starts", "paid", "subscribed", "first", "joins", "short"), [
    (FULL, 29_999, 30_000, 10_000, False, 1),
    (FULL, 30_000, 30_000, 10_000, True, 0),
    (FIRST, 9_999, 30_000, 10_000, False, 1),
    (FIRST, 10_000, 30_000, 10_000, True, 0),
    (FIRST, 30_000, 30_000, 0, True, 0),  # no schedule: the whole is the first instalment
    (FULL, 0, 0, 0, False, 0),  # nothing subscribed: no one joins by paying nothing
])
def test_an_applicant_joins_when_the_payment_completes_the_condition(starts, paid, subscribed, first, joins, short):
    condition = joining(starts, paid, subscribed, first)
    assert condition.joins is joins and condition.short == short
    assert condition.as_check().passed is joins
