"""The share ledger (출자금 원장): its kinds of entry, and a member's holding folded from them.

The ledger is append-only.  Each entry moves a member's subscribed shares (출자좌수) and
paid-in capital (납입 출자금) by signed amounts; a balance is the sum of a member's
entries, never a number kept apart.  A mistake is corrected by a reversal: an entry that
moves both back by exactly what the wrong one moved, and says why.

A transfer (양도) is two rows, the giver's (shares and paid-in leave) and the receiver's
(they arrive); a refund (환급) takes all of a leaver's shares and paid-in capital off the
books; a dividend credited to capital (배당금의 출자 전환) adds whole, fully paid shares.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from coopdesk.domain import law
from coopdesk.domain.capital.checks import CapitalRule, Check, check
from coopdesk.domain.capital.money import Won
from coopdesk.domain.errors import Refusal
from coopdesk.domain.fields import NOTE_LENGTH, check_date, check_text
from coopdesk.domain.text import N_


class EntryKind(Enum):
    SUBSCRIPTION = "subscription"  # 출자 청약 (at joining, or additional shares)
    PAYMENT = "payment"  # 출자금 납입 (whole, or an instalment)
    TRANSFER = "transfer"  # 지분 양도 (two rows: giver and receiver)
    REFUND = "refund"  # 지분 환급 (on leaving)
    DIVIDEND = "dividend"  # 배당금의 출자 전환 (a dividend credited to capital)
    REVERSAL = "reversal"  # 정정 (reverses one entry, with a reason)

    @property
    def label(self) -> str:
        return ENTRY_LABELS[self]


ENTRY_LABELS = {
    EntryKind.SUBSCRIPTION: N_("Subscription"),
    EntryKind.PAYMENT: N_("Payment"),
    EntryKind.TRANSFER: N_("Transfer"),
    EntryKind.REFUND: N_("Refund"),
    EntryKind.DIVIDEND: N_("Dividend credited to capital"),
    EntryKind.REVERSAL: N_("Reversal"),
}


@dataclass(frozen=True, slots=True)
class Holding:
    """A member's capital: shares subscribed and won paid in."""

    shares: int = 0
    paid: int = 0

    def subscribed_won(self, price: int) -> int:
        return self.shares * price

    def unpaid(self, price: int) -> int:
        return self.shares * price - self.paid

    def moved(self, shares: int, amount: int) -> Holding:
        return Holding(self.shares + shares, self.paid + amount)


@dataclass(frozen=True, slots=True)
class Movement:
    """One ledger row as the rules see it: what it moved, and which entry it reverses."""

    number: int
    kind: EntryKind
    on: dt.date
    shares: int
    amount: int
    reverses: int | None = None


def holding(movements: Iterable[Movement]) -> Holding:
    """The sum of a member's rows: the balance the ledger says."""
    shares = paid = 0
    for m in movements:
        shares += m.shares
        paid += m.amount
    return Holding(shares, paid)


# -- entries as typed in ---------------------------------------------------------------------------

def check_entry_date(on: dt.date, today: dt.date, field: str = "on") -> None:
    """An entry is recorded once it has happened: never dated after today."""
    check_date(on, field)
    if on > today:
        raise Refusal(N_("An entry is recorded once it has happened: {date} is after today, {today}."),
                      field=field, date=on, today=today)


def check_note(note: str, field: str = "note") -> None:
    check_text(note, field, NOTE_LENGTH, multiline=True)


def check_positive(value: int, field: str) -> None:
    if value <= 0:
        raise Refusal(N_("Give a number more than 0."), field=field)


# -- instalments (분할 납입) -----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Instalment:
    due_on: dt.date
    amount: int


def schedule(shares: int, price: int, on: dt.date, instalments: Sequence[Instalment] = (),
             *, allowed: bool) -> tuple[Instalment, ...]:
    """The payment schedule of a subscription of ``shares`` on ``on``.

    None given: the whole amount is due on the day of the subscription.  More than one
    instalment only where the bylaws allow it (Act 16①); the instalments add up to the
    amount subscribed, each due no earlier than the subscription and after the one before.
    """
    whole = shares * price
    if not instalments:
        return (Instalment(on, whole),)
    if len(instalments) > 1 and not allowed:
        raise Refusal(N_("The bylaws of this co-op do not allow paying shares in instalments."),
                      article=law.INSTALMENTS_BY_BYLAWS.ref, field="instalments")
    previous = on - dt.timedelta(days=1)
    for i, part in enumerate(instalments, start=1):
        check_date(part.due_on, "due_on")
        if part.amount <= 0:
            raise Refusal(N_("Instalment {n} must be more than 0 won."), field="instalments", n=i)
        if part.due_on <= previous:
            raise Refusal(N_("Instalment {n} must fall due after the one before it and not before the "
                             "subscription."), field="instalments", n=i)
        previous = part.due_on
    total = sum(p.amount for p in instalments)
    if total != whole:
        raise Refusal(N_("The instalments add up to {total}; the shares subscribed cost {whole}."),
                      article=law.INSTALMENTS_BY_BYLAWS.ref, field="instalments", total=Won(total), whole=Won(whole))
    return tuple(instalments)


def overdue(due: Iterable[Instalment], paid: int, today: dt.date) -> int:
    """Won due before ``today`` and not paid: payments go to the earliest instalments first."""
    owed = sum(i.amount for i in due if i.due_on < today)
    return max(0, owed - paid)


def instalment_check(count: int, allowed: bool) -> Check:
    ok = count <= 1 or allowed
    message = (N_("Paid at once.") if count <= 1 else N_("Paid in {count} instalments, as the bylaws allow.") if ok
               else N_("The bylaws of this co-op do not allow paying shares in instalments."))
    return check(CapitalRule.INSTALMENTS, ok, law.INSTALMENTS_BY_BYLAWS.ref, message, field="instalments",
                 count=count)


# -- reversals (정정) -------------------------------------------------------------------------------

def check_reversal(target: Movement, already_reversed: bool, reason: str, on: dt.date) -> None:
    """A reversal undoes one entry once, with a reason; a reversal itself is not reversed."""
    if target.kind is EntryKind.REVERSAL:
        raise Refusal(N_("Entry {number} is itself a reversal. Record the entry again instead of reversing it."),
                      field="entry", number=target.number)
    if already_reversed:
        raise Refusal(N_("Entry {number} has already been reversed."), field="entry", number=target.number)
    if not reason.strip():
        raise Refusal(N_("Give the reason for the reversal."), field="reason")
    check_text(reason.strip(), "reason", NOTE_LENGTH, multiline=True)
    if on < target.on:
        raise Refusal(N_("A reversal cannot be dated before the entry it reverses ({date})."),
                      field="on", date=target.on)


def reversed_movement(target: Movement) -> tuple[int, int]:
    """The shares and amount a reversal of ``target`` moves: exactly back."""
    return -target.shares, -target.amount
