"""The appropriation of a surplus and the covering of a loss (Act 50, 51, 97, 98)."""

import pytest

from coopdesk.domain import law
from coopdesk.domain.capital.checks import CapitalRule
from coopdesk.domain.capital.surplus import (
    Plan, YearFigures, carried_forward, disposable, dividend_limits, legal_reserve_minimum, loss_cover, plan_checks,
    propose,
)
from coopdesk.domain.coop import CoopKind
from coopdesk.domain.errors import Refusal

GENERAL, SOCIAL = CoopKind.GENERAL, CoopKind.SOCIAL


def figures(net=10_000_000, retained=0, legal=0, voluntary=0, paid_in=20_000_000):
    return YearFigures(2025, net, retained, legal, voluntary, paid_in)


def failed(fig, kind, plan):
    return {c.rule for c in plan_checks(fig, kind, plan) if not c.passed}


@pytest.mark.parametrize(("kind", "net", "minimum"), [
    (GENERAL, 10_000_000, 1_000_000),
    (GENERAL, 10_000_001, 1_000_001),  # "at least 10%": rounded up to the won
    (SOCIAL, 10_000_000, 3_000_000),
    (SOCIAL, 1, 1),
])
def test_the_legal_reserve_is_at_least_the_rate_of_the_surplus(kind, net, minimum):
    assert legal_reserve_minimum(figures(net), kind).minimum == minimum


def test_a_reserve_that_reaches_3x_paid_in_mid_allocation_needs_only_what_reaches_it():
    fig = figures(net=10_000_000, legal=59_500_000, paid_in=20_000_000)  # 3x paid-in is 60,000,000
    m = legal_reserve_minimum(fig, GENERAL)
    assert (m.by_rate, m.room, m.minimum) == (1_000_000, 500_000, 500_000)
    assert failed(fig, GENERAL, Plan(legal_reserve=500_000)) == set()
    assert failed(fig, GENERAL, Plan(legal_reserve=499_999)) == {CapitalRule.LEGAL_RESERVE}
    reached = figures(legal=60_000_000)
    assert legal_reserve_minimum(reached, GENERAL).minimum == 0


def test_a_plan_below_the_minimum_is_refused_citing_act_50():
    checks = [c for c in plan_checks(figures(), GENERAL, Plan(legal_reserve=999_999)) if not c.passed]
    assert [(c.rule, c.article) for c in checks] == [(CapitalRule.LEGAL_RESERVE, law.LEGAL_RESERVE_MIN_GENERAL.ref)]
    social = [c for c in plan_checks(figures(), SOCIAL, Plan(legal_reserve=1_000_000, voluntary_reserve=9_000_000))
              if not c.passed]
    assert [c.article for c in social] == [law.LEGAL_RESERVE_MIN_SOCIAL.ref]


@pytest.mark.parametrize(("capital", "patronage", "bad"), [
    (2_000_000, 2_000_000, set()),  # capital dividend exactly 10% of paid-in, patronage exactly half
    (2_000_001, 2_000_001, {CapitalRule.CAPITAL_DIVIDEND_LIMIT}),  # one won more than 10%
    (1_000_000, 999_999, {CapitalRule.PATRONAGE_SHARE}),  # patronage one won short of half
    (0, 5_000_000, set()),
])
def test_dividends_capital_at_most_10_percent_patronage_at_least_half(capital, patronage, bad):
    plan = Plan(legal_reserve=1_000_000, capital_dividend=capital, patronage_dividend=patronage)
    assert failed(figures(), GENERAL, plan) == bad


def test_the_appropriation_cannot_give_out_more_than_there_is():
    plan = Plan(legal_reserve=1_000_000, voluntary_reserve=5_000_000, capital_dividend=2_000_000,
                patronage_dividend=2_000_001)
    assert failed(figures(), GENERAL, plan) == {CapitalRule.DIVIDENDS_AFTER_RESERVES}
    fits = Plan(legal_reserve=1_000_000, voluntary_reserve=5_000_000, capital_dividend=2_000_000,
                patronage_dividend=2_000_000)
    assert failed(figures(), GENERAL, fits) == set() and carried_forward(figures(), fits) == 0


def test_the_limits_a_general_co_op_may_declare():
    limits = dividend_limits(figures(), GENERAL, legal=1_000_000, voluntary=0)
    assert (limits.available, limits.capital_most_by_rate, limits.capital_most) == (9_000_000, 2_000_000, 2_000_000)
    assert dividend_limits(figures(), GENERAL, legal=1_000_000, voluntary=6_000_000).capital_most == 1_500_000


def test_a_social_co_op_pays_no_dividends_and_reserves_the_rest():
    proposal = propose(figures(), SOCIAL)
    assert proposal == Plan(legal_reserve=3_000_000, voluntary_reserve=7_000_000)
    assert failed(figures(), SOCIAL, proposal) == set()
    assert failed(figures(), SOCIAL, Plan(legal_reserve=3_000_000, voluntary_reserve=6_000_000,
                                          patronage_dividend=1_000_000)) == {CapitalRule.SOCIAL_NO_DIVIDENDS}
    assert failed(figures(), SOCIAL, Plan(legal_reserve=3_000_000)) == {CapitalRule.SOCIAL_REST_TO_VOLUNTARY}


@pytest.mark.parametrize(("net", "retained", "voluntary", "legal", "cover", "left"), [
    (-5_000_000, 2_000_000, 1_000_000, 10_000_000, (2_000_000, 1_000_000, 2_000_000), 0),
    (-5_000_000, 6_000_000, 1_000_000, 10_000_000, (5_000_000, 0, 0), 1_000_000),
    (-5_000_000, 0, 1_000_000, 1_000_000, (0, 1_000_000, 1_000_000), -3_000_000),  # carried as a deficit
    (-5_000_000, -1_000_000, 0, 0, (0, 0, 0), -6_000_000),
])
def test_a_loss_is_covered_in_the_acts_order(net, retained, voluntary, legal, cover, left):
    fig = figures(net=net, retained=retained, legal=legal, voluntary=voluntary)
    c = loss_cover(fig)
    assert (c.from_retained, c.from_voluntary, c.from_legal) == cover
    plan = propose(fig, GENERAL)
    assert (plan.from_voluntary, plan.from_legal, plan.appropriated) == (cover[1], cover[2], 0)
    assert carried_forward(fig, plan) == left and failed(fig, GENERAL, plan) == set()


def test_another_order_of_covering_is_refused_citing_act_51():
    fig = figures(net=-5_000_000, retained=0, voluntary=1_000_000, legal=10_000_000)
    checks = [c for c in plan_checks(fig, GENERAL, Plan(from_legal=5_000_000)) if not c.passed]
    assert [(c.rule, c.article) for c in checks] == [(CapitalRule.LOSS_ORDER, law.LOSS_COVER_ORDER.ref)]


def test_a_deficit_carried_is_covered_first_and_the_reserve_counts_on_what_is_left():
    fig = figures(net=10_000_000, retained=-4_000_000)
    assert disposable(fig) == 6_000_000 and legal_reserve_minimum(fig, GENERAL).base == 6_000_000
    assert propose(fig, GENERAL).legal_reserve == 600_000
    short = figures(net=3_000_000, retained=-4_000_000)
    assert propose(short, GENERAL) == Plan() and carried_forward(short, Plan()) == -1_000_000
    assert failed(short, GENERAL, Plan(legal_reserve=1)) == {CapitalRule.DIVIDENDS_AFTER_RESERVES}


def test_negative_amounts_are_refused():
    with pytest.raises(Refusal):
        plan_checks(figures(), GENERAL, Plan(legal_reserve=-1))
    with pytest.raises(Refusal):
        plan_checks(figures(legal=-1), GENERAL, Plan())
