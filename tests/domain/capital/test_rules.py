"""The law on every entry that changes holdings: one price, minimum, maximum, the 30% cap (Act 22)."""

import pytest

from coopdesk.domain import law
from coopdesk.domain.capital.checks import CapitalRule, require
from coopdesk.domain.capital.rules import (
    cap_check, cap_standing, growing_checks, maximum_check, minimum_check, most_under_cap, price_check, within_cap,
)
from coopdesk.domain.coop import BylawsSettings
from coopdesk.domain.errors import Refusal, Refusals


@pytest.mark.parametrize(("held", "total", "within"), [
    (30, 100, True),  # 30% exactly
    (31, 101, False),  # 30% plus one share (the total grows with it)
    (3, 10, True),
    (4, 10, False),
    (0, 0, True),  # nothing held is always within
    (1, 3, False),  # 33%
    (299_999, 1_000_000, True),
    (300_001, 1_000_000, False),
])
def test_the_cap_counts_after_the_change(held, total, within):
    assert within_cap(held, total) is within
    assert cap_check(cap_standing(7, held, total)).passed is within


def test_a_refused_cap_cites_act_22_2_and_says_the_most_allowed():
    check = cap_check(cap_standing(7, 31, 101))
    assert check.rule is CapitalRule.SHARE_CAP and check.article == law.MAX_SHARE_RATIO.ref
    assert dict(check.explanation.params)["most"] == 30
    with pytest.raises(Refusal) as exc:
        require([check])
    assert exc.value.article.label("en") == "Act 22②" and exc.value.params["most"] == 30


@pytest.mark.parametrize("others", [0, 1, 2, 6, 7, 70, 699, 700, 701, 1_000_001])
def test_the_most_under_the_cap_is_allowed_and_one_more_is_not(others):
    most = most_under_cap(others)
    assert within_cap(most, others + most)
    assert not within_cap(most + 1, others + most + 1)


def test_the_first_holder_alone_is_told_to_enter_the_founders_together():
    check = cap_check(cap_standing(1, 5, 5))
    assert not check.passed and "founders" in check.explanation.message


@pytest.mark.parametrize(("held", "least", "ok"), [(0, 1, False), (1, 1, True), (2, 3, False), (3, 3, True)])
def test_every_member_holds_at_least_the_bylaws_minimum(held, least, ok):
    check = minimum_check(4, held, BylawsSettings(min_shares=least))
    assert check.passed is ok and check.article == law.MIN_SHARES_PER_MEMBER.ref


@pytest.mark.parametrize(("held", "most", "ok"), [(10, None, True), (10, 10, True), (11, 10, False)])
def test_the_bylaws_limit_per_member(held, most, ok):
    check = maximum_check(4, held, BylawsSettings(max_shares_per_member=most))
    assert check.passed is ok and check.article == law.BYLAWS_SHARE_LIMIT.ref


def test_one_share_price_for_everyone():
    assert price_check(10_000, BylawsSettings(share_price=10_000)).passed
    check = price_check(5_000, BylawsSettings(share_price=10_000))
    assert not check.passed and check.article == law.SHARE_PRICE_SAME_FOR_ALL.ref


def test_every_failed_check_is_refused_at_once():
    checks = growing_checks(3, 50, 60, BylawsSettings(max_shares_per_member=40))
    with pytest.raises(Refusals) as exc:
        require(checks)
    assert {p.article for p in exc.value.problems} == {law.BYLAWS_SHARE_LIMIT.ref, law.MAX_SHARE_RATIO.ref}
