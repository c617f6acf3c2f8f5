"""The law on every entry that changes who holds how many shares (Act 22, Act 16①).

- one share price for everyone (Act 22①): an entry at another price is refused;
- at least the bylaws' minimum of shares (at least 1, Act 22①) for anyone on the register;
- at most the bylaws' per-member limit, if the bylaws set one (Act 16①);
- no member over 30% of all shares, counted after the change (Act 22②): exactly 30% is
  allowed, one share more is not.  The arithmetic is exact: ``held · 10 ≤ total · 3``.

The cap is checked for every member whose holding grows (a subscription, a transfer's
receiver, a dividend credited as shares).  An entry that makes the total smaller (a refund,
a reversal) can leave someone else over the cap without their holding changing: the
services report that as a warning (``over_cap``), since a refund the law grants is not
refused for it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from coopdesk.domain import law
from coopdesk.domain.capital.checks import CapitalRule, Check, ResolutionSeen, check
from coopdesk.domain.capital.money import Won
from coopdesk.domain.coop import BylawsSettings
from coopdesk.domain.text import N_

CAP = law.MAX_SHARE_RATIO


def within_cap(held: int, total: int, limit: Fraction = CAP.value) -> bool:
    """``held / total ≤ limit``, in integers; no shares held is always within."""
    return held <= 0 or held * limit.denominator <= limit.numerator * total


def most_under_cap(others: int, limit: Fraction = CAP.value) -> int:
    """The most shares one member may hold when everyone else holds ``others``.

    From ``h · q ≤ p · (others + h)``: ``h ≤ p · others / (q − p)``.
    """
    p, q = limit.numerator, limit.denominator
    return (p * others) // (q - p)


@dataclass(frozen=True, slots=True)
class CapStanding:
    """A member's holding against the 30% cap: the numbers a screen shows next to it."""

    number: int  # member number
    shares: int  # held after the change
    total: int  # all shares after the change
    most: int  # the most they could hold, the others' holdings as they are
    limit: Fraction = CAP.value

    @property
    def within(self) -> bool:
        return within_cap(self.shares, self.total, self.limit)

    @property
    def percent_tenths(self) -> int:
        """The share of all shares in tenths of a percent, rounded down (295 = 29.5%)."""
        return self.shares * 1000 // self.total if self.total else 0


def cap_standing(number: int, held: int, total: int) -> CapStanding:
    return CapStanding(number, held, total, most_under_cap(total - held))


def cap_check(standing: CapStanding) -> Check:
    s = standing
    limit_percent = int(s.limit * 100)
    if s.within:
        return check(CapitalRule.SHARE_CAP, True, CAP.ref,
                     N_("Member {number} holds {shares} of {total} shares, within {limit}% (at most {most})."),
                     field="shares", number=s.number, shares=s.shares, total=s.total, limit=limit_percent,
                     most=s.most)
    if s.shares == s.total:  # the first subscription of a new co-op: no one else holds any yet
        return check(CapitalRule.SHARE_CAP, False, CAP.ref,
                     N_("Member {number} would be the only holder, with {shares} of {total} shares: more than "
                        "{limit}% of all shares. Enter the founders' subscriptions together (several at once, or "
                        "by importing the capital list), so that the cap is checked on all of them."),
                     field="shares", number=s.number, shares=s.shares, total=s.total, limit=limit_percent)
    return check(CapitalRule.SHARE_CAP, False, CAP.ref,
                 N_("Member {number} would hold {shares} of {total} shares, more than {limit}% of all shares. "
                    "With the others' shares as they are, member {number} may hold at most {most}."),
                 field="shares", number=s.number, shares=s.shares, total=s.total, limit=limit_percent, most=s.most)


def minimum_check(number: int, held: int, bylaws: BylawsSettings) -> Check:
    least = max(bylaws.min_shares, law.MIN_SHARES_PER_MEMBER.value)
    return check(CapitalRule.MINIMUM_SHARES, held >= least, law.MIN_SHARES_PER_MEMBER.ref,
                 N_("Member {number} would hold {shares} shares; every member holds at least {least}.")
                 if held < least else N_("Member {number} holds {shares} shares, at least {least}."),
                 field="shares", number=number, shares=held, least=least)


def maximum_check(number: int, held: int, bylaws: BylawsSettings) -> Check:
    most = bylaws.max_shares_per_member
    if most is None:
        return check(CapitalRule.MAXIMUM_SHARES, True, law.BYLAWS_SHARE_LIMIT.ref,
                     N_("The bylaws set no limit of shares per member."), field="shares")
    return check(CapitalRule.MAXIMUM_SHARES, held <= most, law.BYLAWS_SHARE_LIMIT.ref,
                 N_("Member {number} would hold {shares} shares; the bylaws allow a member at most {most}.")
                 if held > most else N_("Member {number} holds {shares} shares, within the bylaws' {most}."),
                 field="shares", number=number, shares=held, most=most)


def price_check(price: int, bylaws: BylawsSettings) -> Check:
    """Every share at the bylaws' one price (Act 22①)."""
    ok = price == bylaws.share_price
    return check(CapitalRule.ONE_PRICE, ok, law.SHARE_PRICE_SAME_FOR_ALL.ref,
                 N_("A share costs {price}, as the bylaws say.") if ok else
                 N_("A share costs {bylaws_price} for everyone under the bylaws, not {price}."),
                 field="price", price=Won(price), bylaws_price=Won(bylaws.share_price))


def growing_checks(number: int, held: int, total: int, bylaws: BylawsSettings) -> tuple[Check, ...]:
    """The checks for a member whose holding grows to ``held`` of ``total`` shares."""
    return (minimum_check(number, held, bylaws), maximum_check(number, held, bylaws),
            cap_check(cap_standing(number, held, total)))


def transfer_resolution_check(seen: ResolutionSeen | None, on: dt.date) -> Check:
    """A transfer of shares needs a resolution of the general assembly, passed on or before the
    day of the transfer: the closed item that approved it is named, or the transfer is refused."""
    ref = law.SHARE_TRANSFER_NEEDS_RESOLUTION.ref
    if seen is None:
        return check(CapitalRule.TRANSFER_RESOLUTION, False, ref,
                     N_("A transfer of shares needs a resolution of the general assembly: give the agenda item "
                        "that approved it."), field="item")
    ok = seen.general_assembly and seen.passed and seen.held_on <= on
    return check(CapitalRule.TRANSFER_RESOLUTION, ok, ref,
                 N_("Item {item} of the general assembly of {held_on} approved the transfer.") if ok else
                 N_("Item {item} of the meeting of {held_on} is not a passed resolution of a general assembly held "
                    "on or before the transfer ({on})."),
                 field="item", item=seen.position, held_on=seen.held_on, on=on)
