"""Each member's dividend, adding up to the total declared, to the won.

**The rounding rule** (최대잔여법): a total is shared in proportion to each member's weight
(paid-in capital at the end of the fiscal year for the dividend on capital, the year's use
of the co-op's business for the patronage dividend).  Each member first gets the whole won
of their exact share, rounded down; the won left over — fewer than there are members — go
one each to the members with the largest remainders, the lower member number first among
equal remainders.  So the shares add up to the total exactly, and no member's share is a
won or more away from the exact one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from coopdesk.domain.capital.money import Won
from coopdesk.domain.errors import Refusal
from coopdesk.domain.text import N_


def allocate(total: int, weights: Mapping[int, int]) -> dict[int, int]:
    """``total`` won shared by ``weights`` (member number -> weight, none negative)."""
    if total < 0 or any(w < 0 for w in weights.values()):
        raise Refusal(N_("A dividend and what it is shared by cannot be less than 0."), field="dividend")
    whole = sum(weights.values())
    if total == 0:
        return dict.fromkeys(weights, 0)
    if whole == 0:
        raise Refusal(N_("There is nothing to share {total} by: no member has a share in it."), field="dividend",
                      total=Won(total))
    shares = {}
    remainders = []
    for member, weight in weights.items():
        shares[member], remainder = divmod(total * weight, whole)
        remainders.append((-remainder, member))
    left = total - sum(shares.values())
    for _remainder, member in sorted(remainders)[:left]:
        shares[member] += 1
    return shares


@dataclass(frozen=True, slots=True)
class MemberDividend:
    number: int
    capital: int  # on paid-in capital
    patronage: int  # on the use of the co-op's business

    @property
    def total(self) -> int:
        return self.capital + self.patronage


def member_dividends(capital_total: int, paid_in: Mapping[int, int], patronage_total: int,
                     patronage: Mapping[int, int]) -> list[MemberDividend]:
    """Every member's dividend, by member number; members with neither part are left out."""
    on_capital = allocate(capital_total, paid_in)
    on_use = allocate(patronage_total, patronage)
    numbers = sorted(set(on_capital) | set(on_use))
    found = [MemberDividend(n, on_capital.get(n, 0), on_use.get(n, 0)) for n in numbers]
    return [d for d in found if d.total]
