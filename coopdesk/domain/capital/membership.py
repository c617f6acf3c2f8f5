"""Membership follows payment (standard bylaws: 출자금을 납입함으로써 조합원이 된다).

An applicant the co-op has admitted (the board's 가입승낙, recorded as the subscription of
their shares) becomes a member on the day the payment that completes the condition is
made: all the shares subscribed, or the first instalment, as the bylaws say
(``BylawsSettings.membership_starts``).  That day becomes the member's joining date, an
event on the register like any other; the status follows from it.
"""

from __future__ import annotations

from dataclasses import dataclass

from coopdesk.domain import law
from coopdesk.domain.capital.checks import CapitalRule, Check, check
from coopdesk.domain.capital.money import Won
from coopdesk.domain.coop import MembershipStarts
from coopdesk.domain.text import N_


@dataclass(frozen=True, slots=True)
class Joining:
    """Whether an admitted applicant's payments make them a member, and what is still to pay."""

    starts: MembershipStarts
    paid: int  # won paid in so far
    needed: int  # won the condition asks: the whole subscription, or its first instalment

    @property
    def joins(self) -> bool:
        return self.needed > 0 and self.paid >= self.needed

    @property
    def short(self) -> int:
        return max(0, self.needed - self.paid)

    def as_check(self) -> Check:
        message = (N_("Paid {paid} of the {needed} that makes the applicant a member.") if self.joins else
                   N_("Paid {paid}; {short} more makes the applicant a member."))
        return check(CapitalRule.MEMBERSHIP_ON_PAYMENT, self.joins, law.MEMBERSHIP_ON_PAYMENT.ref, message,
                     field="amount", paid=Won(self.paid), needed=Won(self.needed), short=Won(self.short))


def joining(starts: MembershipStarts, paid: int, subscribed_won: int, first_instalment: int) -> Joining:
    """The condition of the bylaws for an applicant who has paid ``paid`` of ``subscribed_won``
    (whose first instalment is ``first_instalment``)."""
    if starts is MembershipStarts.FIRST_INSTALMENT:
        needed = min(first_instalment, subscribed_won) if first_instalment > 0 else subscribed_won
    else:
        needed = subscribed_won
    return Joining(starts, paid, needed)
