"""What the capital services return: plain, frozen values, never rows bound to a session.

Each result carries the checks the law made (``domain.capital.checks.Check``: the rule, its
article and the numbers), so a screen or a command shows them without deciding anything.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coopdesk.domain.capital.checks import Check
from coopdesk.domain.capital.ledger import EntryKind, Instalment
from coopdesk.domain.capital.refunds import ClaimState, RefundWindow
from coopdesk.domain.capital.rules import CapStanding
from coopdesk.domain.members.standing import MemberStatus


@dataclass(frozen=True, slots=True)
class EntryView:
    """One numbered entry of the ledger."""

    number: int
    kind: EntryKind
    on: dt.date
    member: int  # member number
    member_name: str
    shares: int  # subscribed shares moved, signed
    amount: int  # paid-in won moved, signed
    share_price: int
    note: str
    recorded_at: dt.datetime
    reverses: int | None = None  # the number of the entry this one reverses
    reversed_by: int | None = None  # the number of the entry that reverses this one
    counterpart: int | None = None  # a transfer: the other party's member number
    item_id: int | None = None  # the agenda item that decided it (transfer, refund, dividend)
    surplus_year: int | None = None  # a dividend: the fiscal year it came from
    loss_share: int = 0  # a refund: the leaver's share of losses kept
    equity_extra: int = 0  # a refund: equity beyond paid-in capital
    instalments: tuple[Instalment, ...] = ()  # a subscription: its schedule

    @property
    def refund_cash(self) -> int:
        """A refund: what was paid out (the paid-in capital it took off, less losses, plus equity)."""
        return -self.amount - self.loss_share + self.equity_extra if self.kind is EntryKind.REFUND else 0


@dataclass(frozen=True, slots=True)
class MemberCapital:
    """A member's capital: shares, paid and unpaid won, and where they stand."""

    number: int
    name: str
    status: MemberStatus
    shares: int
    paid: int
    unpaid: int
    awaiting_payment: bool = False  # an admitted applicant whom payment will make a member


@dataclass(frozen=True, slots=True)
class EntryResult:
    """What one capital action wrote and what the law said of it."""

    entries: tuple[EntryView, ...]
    holdings: tuple[MemberCapital, ...]  # each member the action moved, after it
    checks: tuple[Check, ...]  # the rules applied, all passed
    joined: tuple[tuple[int, dt.date], ...] = ()  # (member number, day) of applicants who became members
    over_cap: tuple[CapStanding, ...] = ()  # members now over 30% because the total shrank: a warning


@dataclass(frozen=True, slots=True)
class CapitalTotals:
    """The co-op's capital on a day: what the Capital area's head shows."""

    as_of: dt.date
    share_price: int
    members: int  # members on the register that day
    holders: int  # members holding shares
    shares: int
    subscribed: int  # won
    paid: int
    unpaid: int
    largest: CapStanding | None  # the largest holding, against the 30% cap
    over_cap: tuple[CapStanding, ...]
    below_minimum: int  # members on the register holding fewer shares than the bylaws' minimum


@dataclass(frozen=True, slots=True)
class OverdueInstalment:
    number: int
    name: str
    due: int  # won fallen due before the day
    paid: int  # won paid by payments
    overdue: int
    since: dt.date  # the earliest instalment not fully paid


@dataclass(frozen=True, slots=True)
class MemberLedger:
    capital: MemberCapital
    entries: tuple[EntryView, ...]
    instalments: tuple[Instalment, ...]  # of the subscriptions not reversed
    overdue: int


@dataclass(frozen=True, slots=True)
class RefundClaim:
    """A leaver's refund claim (지분환급청구권) on a day."""

    number: int
    name: str
    status: MemberStatus
    window: RefundWindow
    state: ClaimState
    shares: int
    paid_in: int
    withheld_since: dt.date | None
    days_left: int  # days the claim can still be made on, the day included
