"""Refunds to members who have left (지분환급, Act 26, 27, 29②, 89).

- **When**: a member who left (withdrew, died, was expelled) may claim from the first day of
  the fiscal year after the one in which they left (Act 26①).
- **Lapse**: the claim lapses when it has not been made for 2 years from the day it could
  first be made (Act 26②).  Counted as the Civil Code counts a period that starts at the
  beginning of a day (민법 157조 단서, 160조): from a first claimable day of 2026-01-01 the
  last day is 2027-12-31 and the claim has lapsed on 2028-01-01, the *lapse day*.  The
  program warns from 60 days before the lapse day (a reminder, not law).
- **Withholding**: the co-op may withhold the refund while the member owes it money
  (Act 26③); the withholding is recorded, and a refund is refused while it stands.
- **Resolution**: a refund to a withdrawn or expelled member (death is an automatic
  withdrawal, Act 24②) needs a passed special resolution of the general assembly (Act 29②).
- **Amount**: the paid-in capital, less the member's share of the co-op's losses where the
  bylaws say so (Act 27); a general co-op may add the member's share of its equity beyond
  the paid-in capital (지분, as its bylaws define it); a social co-op refunds the paid-in
  capital only (Act 89①).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from coopdesk.domain import fiscal, law
from coopdesk.domain.capital.checks import CapitalRule, Check, ResolutionSeen, check
from coopdesk.domain.capital.money import Won
from coopdesk.domain.coop import CoopKind
from coopdesk.domain.text import N_

# -- the fiscal year (회계연도) -----------------------------------------------------------------------


def fiscal_year_of(day: dt.date, start_month: int) -> int:
    """The fiscal year ``day`` falls in, named by the calendar year it starts in (``domain.fiscal``)."""
    return fiscal.fiscal_year_of(start_month, day)


def fiscal_year_start(year: int, start_month: int) -> dt.date:
    return fiscal.fiscal_year_start(start_month, year)


def fiscal_year_end(year: int, start_month: int) -> dt.date:
    return fiscal.fiscal_year_end(start_month, year)


# -- when a claim may be made --------------------------------------------------------------------


class ClaimState(Enum):
    NOT_YET = "not_yet"  # before the next fiscal year
    CLAIMABLE = "claimable"
    LAPSING = "lapsing"  # claimable, and within the warning before the lapse day
    LAPSED = "lapsed"

    @property
    def label(self) -> str:
        return CLAIM_LABELS[self]


CLAIM_LABELS = {
    ClaimState.NOT_YET: N_("Not yet claimable"),
    ClaimState.CLAIMABLE: N_("Claimable"),
    ClaimState.LAPSING: N_("Lapses soon"),
    ClaimState.LAPSED: N_("Lapsed"),
}


@dataclass(frozen=True, slots=True)
class RefundWindow:
    """The dates of a leaver's refund claim."""

    left_on: dt.date
    claim_from: dt.date  # the first day of the next fiscal year (Act 26①)
    lapses_on: dt.date  # the first day the claim no longer exists (Act 26②)
    warn_from: dt.date  # the first day the program warns of the lapse

    @property
    def last_day(self) -> dt.date:
        return self.lapses_on - dt.timedelta(days=1)

    def state_on(self, day: dt.date) -> ClaimState:
        if day < self.claim_from:
            return ClaimState.NOT_YET
        if day >= self.lapses_on:
            return ClaimState.LAPSED
        return ClaimState.LAPSING if day >= self.warn_from else ClaimState.CLAIMABLE

    def days_left(self, day: dt.date) -> int:
        """Days the claim can still be made on, ``day`` included (0 once lapsed)."""
        return max(0, (self.lapses_on - day).days)


def refund_window(left_on: dt.date, start_month: int) -> RefundWindow:
    claim_from = fiscal_year_start(fiscal_year_of(left_on, start_month) + law.REFUND_FROM_NEXT_FISCAL_YEAR.value,
                                   start_month)
    # claim_from is the first of a month: the same day some years on always exists.
    lapses_on = claim_from.replace(year=claim_from.year + law.REFUND_CLAIM_LAPSE_YEARS.value)
    warn_from = lapses_on - dt.timedelta(days=law.REFUND_LAPSE_WARNING_DAYS.value)
    return RefundWindow(left_on, claim_from, lapses_on, warn_from)


def timing_checks(window: RefundWindow, on: dt.date) -> tuple[Check, Check]:
    """A refund on ``on``: not before the next fiscal year, not on or after the lapse day."""
    early = on < window.claim_from
    timing = check(CapitalRule.REFUND_TIMING, not early, law.REFUND_FROM_NEXT_FISCAL_YEAR.ref,
                   N_("The member left on {left}; a refund may be claimed from {claim_from}, the first day of the "
                      "next fiscal year.") if early else
                   N_("The member left on {left}; the refund is claimable from {claim_from}."),
                   field="on", left=window.left_on, claim_from=window.claim_from)
    lapsed = on >= window.lapses_on
    lapse = check(CapitalRule.REFUND_LAPSE, not lapsed, law.REFUND_CLAIM_LAPSE_YEARS.ref,
                  N_("The claim lapsed on {lapses_on}, {years} years after it could first be made.") if lapsed else
                  N_("The claim can be made until {last_day}."),
                  field="on", lapses_on=window.lapses_on, last_day=window.last_day,
                  years=law.REFUND_CLAIM_LAPSE_YEARS.value)
    return timing, lapse


class HoldKind(Enum):
    """A withholding of a leaver's refund (환급 정지, Act 26③) recorded, or its release."""

    WITHHOLD = "withhold"
    RELEASE = "release"


def withheld_check(withheld_since: dt.date | None) -> Check:
    held = withheld_since is not None
    return check(CapitalRule.REFUND_WITHHELD, not held, law.REFUND_MAY_BE_WITHHELD.ref,
                 N_("The co-op withholds this member's refund since {since}, while they owe it money. Release the "
                    "withholding first.") if held else N_("No refund is withheld."),
                 field="member", since=withheld_since)


def resolution_check(seen: ResolutionSeen | None, left_on: dt.date) -> Check:
    """A refund to a member who left needs a passed special resolution of a general assembly
    held after they left (Act 29②)."""
    ref = law.LEAVER_REFUND_SPECIAL_RESOLUTION.ref
    if seen is None:
        return check(CapitalRule.REFUND_RESOLUTION, False, ref,
                     N_("A refund to a member who withdrew or was expelled needs a special resolution of the general "
                        "assembly: give the agenda item that passed it."), field="item")
    ok = seen.general_assembly and seen.special and seen.passed and seen.held_on >= left_on
    return check(CapitalRule.REFUND_RESOLUTION, ok, ref,
                 N_("Item {item} of the meeting of {held_on} passed the refund by special resolution.") if ok else
                 N_("Item {item} of the meeting of {held_on} is not a passed special resolution of a general "
                    "assembly held after the member left on {left}."),
                 field="item", item=seen.position, held_on=seen.held_on, left=left_on)


# -- how much -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RefundAmount:
    paid_in: int  # the member's paid-in capital, taken off the books
    loss_share: int = 0  # their share of the co-op's losses, kept (Act 27)
    equity_extra: int = 0  # their share of equity beyond paid-in capital (general co-ops, by the bylaws)

    @property
    def cash(self) -> int:
        """What the member (or their heirs) receive."""
        return self.paid_in - self.loss_share + self.equity_extra


def amount_checks(amount: RefundAmount, kind: CoopKind, less_losses_allowed: bool) -> tuple[Check, ...]:
    checks = []
    if amount.loss_share:
        ok = less_losses_allowed and 0 < amount.loss_share <= amount.paid_in
        checks.append(check(
            CapitalRule.REFUND_LOSSES, ok, law.REFUND_LESS_LOSSES.ref,
            N_("The member bears {loss} of the co-op's losses, as the bylaws say.") if ok else
            N_("The bylaws of this co-op do not make a leaver bear a share of its losses.")
            if not less_losses_allowed else
            N_("A leaver's share of the losses ({loss}) cannot be more than their paid-in capital ({paid_in})."),
            field="loss_share", loss=Won(amount.loss_share), paid_in=Won(amount.paid_in)))
    social = kind is CoopKind.SOCIAL
    ok = not (social and amount.equity_extra)
    checks.append(check(
        CapitalRule.SOCIAL_PAID_IN_ONLY, ok, law.SOCIAL_REFUND_PAID_IN_ONLY.ref,
        N_("A social co-op refunds paid-in capital only, not a share of its reserves or surplus.") if not ok else
        N_("The refund is {cash}."), field="equity_extra", cash=Won(amount.cash)))
    return tuple(checks)
