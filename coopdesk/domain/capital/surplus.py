"""The year's surplus or loss (잉여금 처분안 / 손실금 처리안, Act 50, 51, 97, 98).

The figures of a fiscal year come from its accounts: the year's net result (a surplus, or a
loss as a negative number), what was carried from earlier years (retained earnings, or a
deficit as a negative number), the two reserves as they stood, and the paid-in capital at
the end of the year (from the share ledger).

**A loss** is covered in the Act's order: retained earnings first, then the voluntary
reserve, then the legal reserve; what is still uncovered is carried to the next year
(Act 51①; social co-ops Act 98①).  The order leaves no choice, so the plan must take
exactly these amounts.

**A surplus**, once any deficit carried from earlier years is covered, is appropriated:

1. legal reserve (법정적립금): at least 10% of the year's surplus (a social co-op 30%), until
   the reserve equals 3 times the paid-in capital (Act 50①, 97①).  The 10% is rounded up to
   the won ("at least"); where the reserve would pass 3x paid-in in the middle of this
   allocation, only what brings it to 3x is required;
2. voluntary reserve (임의적립금), as the bylaws say (Act 50②);
3. then, a general co-op only, dividends (Act 51②): the patronage dividends at least half of
   all dividends, the dividend on capital at most 10% of the paid-in capital (Act 51③).  A
   social co-op pays none and puts the rest into the voluntary reserve (Act 98);
4. the rest is carried forward.

All amounts are integer won and every comparison is exact.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from coopdesk.domain import law
from coopdesk.domain.capital.checks import CapitalRule, Check, check
from coopdesk.domain.capital.money import Won
from coopdesk.domain.coop import CoopKind
from coopdesk.domain.errors import Refusal
from coopdesk.domain.text import N_


@dataclass(frozen=True, slots=True)
class YearFigures:
    fiscal_year: int
    net_result: int  # 당기순이익, or a 당기순손실 as a negative number
    retained_before: int  # 전기이월 미처분이익잉여금, or an 이월결손금 as a negative number
    legal_reserve_before: int  # 법정적립금 at the start of the appropriation
    voluntary_reserve_before: int  # 임의적립금
    paid_in: int  # 납입출자금 at the end of the fiscal year


@dataclass(frozen=True, slots=True)
class Plan:
    """What the assembly is asked to decide: the appropriation of a surplus, or how a loss is covered."""

    legal_reserve: int = 0
    voluntary_reserve: int = 0
    capital_dividend: int = 0  # 출자배당 (general co-ops)
    patronage_dividend: int = 0  # 이용실적배당 (general co-ops)
    from_voluntary: int = 0  # a loss covered from the voluntary reserve
    from_legal: int = 0  # and then from the legal reserve

    @property
    def dividends(self) -> int:
        return self.capital_dividend + self.patronage_dividend

    @property
    def appropriated(self) -> int:
        return self.legal_reserve + self.voluntary_reserve + self.dividends


@dataclass(frozen=True, slots=True)
class LossCover:
    """A loss covered in the Act's order."""

    loss: int  # the year's loss (0 for a surplus)
    from_retained: int
    from_voluntary: int
    from_legal: int

    @property
    def uncovered(self) -> int:
        return self.loss - self.from_retained - self.from_voluntary - self.from_legal


def loss_cover(fig: YearFigures) -> LossCover:
    loss = max(0, -fig.net_result)
    retained = min(loss, max(0, fig.retained_before))
    voluntary = min(loss - retained, fig.voluntary_reserve_before)
    legal = min(loss - retained - voluntary, fig.legal_reserve_before)
    return LossCover(loss, retained, voluntary, legal)


def disposable(fig: YearFigures) -> int:
    """What there is to appropriate once a loss is covered as the Act orders (negative: a deficit)."""
    cover = loss_cover(fig)
    return fig.net_result + fig.retained_before + cover.from_voluntary + cover.from_legal


@dataclass(frozen=True, slots=True)
class LegalReserveMinimum:
    base: int  # the year's surplus left after covering a deficit carried from earlier years
    rate_percent: int  # 10, or 30 for a social co-op
    by_rate: int  # the rate of the base, rounded up to the won
    room: int  # what brings the reserve to 3x the paid-in capital
    minimum: int  # the lesser of the two: what the law requires this year


def legal_reserve_minimum(fig: YearFigures, kind: CoopKind) -> LegalReserveMinimum:
    rate = (law.LEGAL_RESERVE_MIN_SOCIAL if kind is CoopKind.SOCIAL else law.LEGAL_RESERVE_MIN_GENERAL).value
    base = max(0, min(fig.net_result, disposable(fig)))
    by_rate = -((-base * rate.numerator) // rate.denominator)  # "at least": rounded up
    room = max(0, law.LEGAL_RESERVE_CEILING_TIMES_CAPITAL.value * fig.paid_in - fig.legal_reserve_before)
    return LegalReserveMinimum(base, int(rate * 100), by_rate, room, min(by_rate, room))


@dataclass(frozen=True, slots=True)
class DividendLimits:
    """The most a general co-op may declare, once the reserves are set."""

    available: int  # left after the reserves
    capital_most_by_rate: int  # 10% of the paid-in capital, rounded down
    capital_most: int  # and no more than half of what is available (patronage at least as much)


def dividend_limits(fig: YearFigures, kind: CoopKind, legal: int, voluntary: int) -> DividendLimits:
    if kind is CoopKind.SOCIAL:
        return DividendLimits(0, 0, 0)
    rate = law.CAPITAL_DIVIDEND_MAX_RATE.value
    available = max(0, disposable(fig) - legal - voluntary)
    by_rate = fig.paid_in * rate.numerator // rate.denominator
    # Patronage at least ``share`` of all dividends: capital at most the rest of what is available.
    share = law.PATRONAGE_DIVIDEND_MIN_SHARE.value
    return DividendLimits(available, by_rate,
                          min(by_rate, available * (share.denominator - share.numerator) // share.denominator))


def carried_forward(fig: YearFigures, plan: Plan) -> int:
    """What goes to the next year: retained earnings, or a deficit as a negative number."""
    return disposable(fig) - plan.appropriated


def propose(fig: YearFigures, kind: CoopKind) -> Plan:
    """The program's proposal within the law: the loss covered in the Act's order, the legal
    reserve at its minimum, and for a social co-op the rest into the voluntary reserve.  A
    general co-op's dividends are left for the board to propose (``dividend_limits``)."""
    check_figures(fig)
    cover = loss_cover(fig)
    rest = disposable(fig)
    if rest <= 0:
        return Plan(from_voluntary=cover.from_voluntary, from_legal=cover.from_legal)
    legal = legal_reserve_minimum(fig, kind).minimum
    voluntary = rest - legal if kind is CoopKind.SOCIAL else 0
    return Plan(legal, voluntary, from_voluntary=cover.from_voluntary, from_legal=cover.from_legal)


def check_figures(fig: YearFigures) -> None:
    for name in ("legal_reserve_before", "voluntary_reserve_before", "paid_in"):
        if getattr(fig, name) < 0:
            raise Refusal(N_("A reserve or the paid-in capital cannot be less than 0 won."), field=name)


def check_plan_numbers(plan: Plan) -> None:
    for f in fields(plan):
        if getattr(plan, f.name) < 0:
            raise Refusal(N_("An amount of the appropriation cannot be less than 0 won."), field=f.name)


def plan_checks(fig: YearFigures, kind: CoopKind, plan: Plan) -> tuple[Check, ...]:
    """Every rule of the appropriation applied to ``plan``: passed or not, with its numbers."""
    check_figures(fig)
    check_plan_numbers(plan)
    social = kind is CoopKind.SOCIAL
    checks = [_loss_order(fig, plan, social)]
    rest = disposable(fig)
    checks.append(_within(rest, plan))
    if rest > 0:
        checks.append(_legal(fig, kind, plan))
    if social:
        checks.append(check(CapitalRule.SOCIAL_NO_DIVIDENDS, plan.dividends == 0, law.SOCIAL_NO_DIVIDENDS.ref,
                            N_("A social co-op pays no dividends.") if plan.dividends else
                            N_("No dividends: a social co-op pays none."), field="capital_dividend"))
        left = carried_forward(fig, plan)
        ok = rest <= 0 or left == 0
        checks.append(check(CapitalRule.SOCIAL_REST_TO_VOLUNTARY, ok, law.SOCIAL_REST_TO_VOLUNTARY.ref,
                            N_("A social co-op puts what is left after the legal reserve into the voluntary reserve: "
                               "{left} is left over.") if not ok else
                            N_("Everything after the legal reserve goes into the voluntary reserve."),
                            field="voluntary_reserve", left=Won(left)))
    else:
        checks += [_capital_dividend(fig, plan), _patronage(plan)]
    return tuple(checks)


def _loss_order(fig: YearFigures, plan: Plan, social: bool) -> Check:
    cover = loss_cover(fig)
    ref = (law.LOSS_COVER_ORDER_SOCIAL if social else law.LOSS_COVER_ORDER).ref
    ok = (plan.from_voluntary, plan.from_legal) == (cover.from_voluntary, cover.from_legal)
    if not cover.loss:
        return check(CapitalRule.LOSS_ORDER, ok, ref,
                     N_("There is no loss this year: no reserve is used to cover one.") if not ok else
                     N_("There is no loss to cover this year."), field="from_voluntary")
    return check(CapitalRule.LOSS_ORDER, ok, ref,
                 N_("The loss of {loss} is covered from retained earnings ({retained}), then the voluntary reserve "
                    "({voluntary}), then the legal reserve ({legal}); {uncovered} is carried forward."),
                 field="from_voluntary", loss=Won(cover.loss), retained=Won(cover.from_retained),
                 voluntary=Won(cover.from_voluntary), legal=Won(cover.from_legal), uncovered=Won(cover.uncovered))


def _within(rest: int, plan: Plan) -> Check:
    ref = law.DIVIDENDS_AFTER_RESERVES.ref
    if rest <= 0:
        return check(CapitalRule.DIVIDENDS_AFTER_RESERVES, plan.appropriated == 0, ref,
                     N_("Nothing is left to appropriate after covering the loss; {deficit} is carried forward.")
                     if plan.appropriated == 0 else
                     N_("Nothing is left to appropriate after covering the loss and the deficit carried from "
                        "earlier years: no reserve or dividend can be set."), field="legal_reserve",
                     deficit=Won(-rest))
    ok = plan.appropriated <= rest
    return check(CapitalRule.DIVIDENDS_AFTER_RESERVES, ok, ref,
                 N_("The appropriation uses {used} of the {rest} there is.") if ok else
                 N_("The appropriation uses {used}, more than the {rest} there is to appropriate."),
                 field="voluntary_reserve", used=Won(plan.appropriated), rest=Won(rest))


def _legal(fig: YearFigures, kind: CoopKind, plan: Plan) -> Check:
    m = legal_reserve_minimum(fig, kind)
    value = law.LEGAL_RESERVE_MIN_SOCIAL if kind is CoopKind.SOCIAL else law.LEGAL_RESERVE_MIN_GENERAL
    ok = plan.legal_reserve >= m.minimum
    if m.room < m.by_rate:
        message = (N_("The legal reserve reaches 3 times the paid-in capital with {minimum}: at least that much "
                      "is set aside, and {legal} is."))
    else:
        message = N_("At least {rate}% of the year's surplus of {base} goes to the legal reserve: {minimum}; "
                     "{legal} is set aside.")
    return check(CapitalRule.LEGAL_RESERVE, ok, value.ref, message, field="legal_reserve",
                 rate=m.rate_percent, base=Won(m.base), minimum=Won(m.minimum), legal=Won(plan.legal_reserve))


def _capital_dividend(fig: YearFigures, plan: Plan) -> Check:
    rate = law.CAPITAL_DIVIDEND_MAX_RATE.value
    ok = plan.capital_dividend * rate.denominator <= rate.numerator * fig.paid_in
    most = fig.paid_in * rate.numerator // rate.denominator
    return check(CapitalRule.CAPITAL_DIVIDEND_LIMIT, ok, law.CAPITAL_DIVIDEND_MAX_RATE.ref,
                 N_("The dividend on capital, {dividend}, is at most {rate}% of the paid-in capital of {paid_in} "
                    "({most}).") if ok else
                 N_("The dividend on capital, {dividend}, is more than {rate}% of the paid-in capital of {paid_in}: "
                    "at most {most}."),
                 field="capital_dividend", dividend=Won(plan.capital_dividend), paid_in=Won(fig.paid_in),
                 most=Won(most), rate=int(rate * 100))


def _patronage(plan: Plan) -> Check:
    share = law.PATRONAGE_DIVIDEND_MIN_SHARE.value
    ok = plan.patronage_dividend * share.denominator >= share.numerator * plan.dividends
    return check(CapitalRule.PATRONAGE_SHARE, ok, law.PATRONAGE_DIVIDEND_MIN_SHARE.ref,
                 N_("Patronage dividends of {patronage} are at least {share}% of all dividends ({dividends}).")
                 if ok else
                 N_("Patronage dividends of {patronage} are less than {share}% of all dividends ({dividends}): the "
                    "dividend on capital may be at most as much as the patronage dividends."),
                 field="patronage_dividend", patronage=Won(plan.patronage_dividend), dividends=Won(plan.dividends),
                 share=int(share * 100))
