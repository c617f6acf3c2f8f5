"""Subscriptions, payments, transfers and reversals: one transaction and one audit entry each.

Every action locks the co-op's ledger first (``rows.lock_ledger``), reads the balances it
checks after the lock, applies the law (``domain.capital``) and refuses, citing the
article, anything that breaks it; it returns what it wrote with the checks it made.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session

from coopdesk.domain import law
from coopdesk.domain.capital.checks import Check, require
from coopdesk.domain.capital.ledger import (
    EntryKind, Holding, Instalment, Movement, check_entry_date, check_note, check_positive, check_reversal,
    instalment_check, schedule,
)
from coopdesk.domain.capital.membership import joining
from coopdesk.domain.capital.money import Won
from coopdesk.domain.capital.rules import (
    CapStanding, cap_standing, growing_checks, minimum_check, price_check, transfer_resolution_check, within_cap,
)
from coopdesk.domain.coop import BylawsSettings
from coopdesk.domain.errors import Refusal
from coopdesk.domain.members.standing import MemberStatus
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.capital.joining import after_payment, joining_of
from coopdesk.services.capital.reading import ENTRY, entries_query, entry_views, member_capital, views_of
from coopdesk.services.capital.rows import (
    add_entry, add_instalments, bylaws_on, check_not_left, entry_dict, entry_row, holding_of, holdings,
    live_instalments, lock_ledger, paid_by_payments, resolution_seen, standing_of, take_numbers, total_shares,
)
from coopdesk.services.capital.views import EntryResult, EntryView, MemberLedger
from coopdesk.services.members.member import member_row
from coopdesk.store.database import Database
from coopdesk.store.models import CapitalEntryRow, Member


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


@dataclass(frozen=True, slots=True)
class NewSubscription:
    member: int  # member number
    shares: int
    on: dt.date
    instalments: tuple[Instalment, ...] = ()  # none: the whole amount due on the day
    note: str = ""


# -- subscriptions (출자 청약) -------------------------------------------------------------------------

def subscribe(db: Database, coop_id: int, member: int, shares: int, *, on: dt.date,
              instalments: Sequence[Instalment] = (), note: str = "", today: dt.date | None = None) -> EntryResult:
    """Shares subscribed by a member, or by an admitted applicant (who joins on payment)."""
    return subscribe_many(db, coop_id, [NewSubscription(member, shares, on, tuple(instalments), note)], today)


def subscribe_many(db: Database, coop_id: int, subscriptions: Sequence[NewSubscription],
                   today: dt.date | None = None) -> EntryResult:
    """Several subscriptions at once (the founders' at the founding), the cap checked on the total
    after all of them: the first of five founders alone would hold 100% of the shares."""
    today = _today(today)
    if not subscriptions:
        raise Refusal(N_("Give at least one subscription."), field="shares")
    for sub in subscriptions:
        check_positive(sub.shares, "shares")
        check_entry_date(sub.on, today)
        check_note(sub.note)
    with db.write() as s:
        lock_ledger(s, coop_id)
        return subscribe_in(s, coop_id, subscriptions, today)


def subscribe_in(s: Session, coop_id: int, subscriptions: Sequence[NewSubscription], today: dt.date) -> EntryResult:
    members = {n: member_row(s, coop_id, n, field="member") for n in {sub.member for sub in subscriptions}}
    added: dict[int, int] = defaultdict(int)
    for sub in subscriptions:
        added[sub.member] += sub.shares
    total = total_shares(s, coop_id) + sum(added.values())
    held = _held(s, coop_id, members)
    checks: list[Check] = []
    plans = []
    for sub in subscriptions:
        m = members[sub.member]
        check_not_left(m, sub.on)
        _check_not_before_application(m, sub.on)
        bylaws = bylaws_on(s, coop_id, sub.on)
        plans.append((schedule(sub.shares, bylaws.share_price, sub.on, sub.instalments,
                               allowed=bylaws.instalments_allowed), bylaws.share_price))
        checks += [price_check(bylaws.share_price, bylaws),
                   instalment_check(len(plans[-1][0]), bylaws.instalments_allowed)]
    for number, m in members.items():
        bylaws = bylaws_on(s, coop_id, max(sub.on for sub in subscriptions if sub.member == number))
        checks += growing_checks(number, held[m.id].shares + added[number], total, bylaws)
    require(checks)
    first = take_numbers(s, coop_id, len(subscriptions))
    rows = []
    for n, (sub, (plan, price)) in enumerate(zip(subscriptions, plans), start=first):
        row = add_entry(s, coop_id, n, members[sub.member], EntryKind.SUBSCRIPTION, sub.on, sub.shares, 0, price,
                        sub.note)
        add_instalments(s, row, plan)
        rows.append(row)
    audit.record(s, coop_id=coop_id, action="capital.subscribe", entity="capital_entry",
                 key=_keys(rows), after=[{**entry_dict(r, sub.member), "instalments": [
                     {"due_on": i.due_on, "amount": i.amount} for i in plan]}
                     for r, sub, (plan, _price) in zip(rows, subscriptions, plans)])
    return result_of(s, coop_id, rows, members.values(), checks, today)


def _held(s: Session, coop_id: int, members: dict[int, Member]) -> dict[int, Holding]:
    if len(members) > 20:  # an import: one pass over the co-op's index, not a query per member
        found = holdings(s, coop_id)
        return {m.id: found.get(m.id, Holding()) for m in members.values()}
    return {m.id: holding_of(s, m.id) for m in members.values()}


def _check_not_before_application(m: Member, on: dt.date) -> None:
    applied = standing_of(m).applied_on
    if applied is not None and on < applied:
        raise Refusal(N_("A subscription cannot be dated before the application on {applied}. Check the date."),
                      field="on", applied=applied)


# -- payments (출자금 납입) ---------------------------------------------------------------------------

def pay(db: Database, coop_id: int, member: int, amount: int, *, on: dt.date, note: str = "",
        today: dt.date | None = None) -> EntryResult:
    """A payment towards the member's subscribed shares; an applicant whose payment completes the
    bylaws' condition becomes a member on its day."""
    today = _today(today)
    check_positive(amount, "amount")
    check_entry_date(on, today)
    check_note(note)
    with db.write() as s:
        lock_ledger(s, coop_id)
        m = member_row(s, coop_id, member, field="member")
        check_not_left(m, on)
        bylaws = bylaws_on(s, coop_id, on)
        h = holding_of(s, m.id)
        unpaid = h.unpaid(bylaws.share_price)
        if amount > unpaid:
            raise Refusal(N_("Member {number} owes {unpaid} on the shares subscribed; a payment of {amount} is more "
                             "than that. Subscribe more shares first, or pay less."),
                          field="amount", number=member, unpaid=Won(max(unpaid, 0)), amount=Won(amount))
        first = _first_subscription(s, m.id)
        if first is not None and on < first:
            raise Refusal(N_("A payment cannot be dated before the member's first subscription on {date}."),
                          field="on", date=first)
        row = add_entry(s, coop_id, take_numbers(s, coop_id, 1), m, EntryKind.PAYMENT, on, 0, amount,
                        bylaws.share_price, note)
        after = h.moved(0, amount)
        condition = joining_of(s, m, bylaws, after)
        joined = after_payment(s, coop_id, m, bylaws, after, on, today)
        audit.record(s, coop_id=coop_id, action="capital.pay", entity="capital_entry", key=row.number,
                     after={**entry_dict(row, member), "joined": joined is not None})
        checks = (condition.as_check(),) if condition is not None else ()
        return result_of(s, coop_id, [row], [m], checks, today, joined=(joined,) if joined else ())


def _first_subscription(s: Session, member_id: int) -> dt.date | None:
    return s.execute(select(func.min(CapitalEntryRow.entry_on)).where(
        CapitalEntryRow.member_id == member_id, CapitalEntryRow.kind == EntryKind.SUBSCRIPTION)).scalar()


# -- transfers (지분 양도) -----------------------------------------------------------------------------

def transfer(db: Database, coop_id: int, giver: int, receiver: int, shares: int, *, on: dt.date,
             item_id: int | None, note: str = "", today: dt.date | None = None) -> EntryResult:
    """Fully paid shares from one member to another, approved by a general assembly's resolution
    (the closed item that passed it); the receiver is checked against the cap and the bylaws."""
    today = _today(today)
    check_positive(shares, "shares")
    check_entry_date(on, today)
    check_note(note)
    if giver == receiver:
        raise Refusal(N_("A member cannot transfer shares to themself."), field="receiver")
    with db.write() as s:
        lock_ledger(s, coop_id)
        g = member_row(s, coop_id, giver, field="giver")
        r = member_row(s, coop_id, receiver, field="receiver")
        check_not_left(r, on, "receiver")
        if standing_of(r).status_on(on) is not MemberStatus.MEMBER:
            raise Refusal(N_("Shares are transferred to a member: member {number} is not one on {date}."),
                          field="receiver", number=receiver, date=on)
        bylaws = bylaws_on(s, coop_id, on)
        price = bylaws.share_price
        hg, hr = holding_of(s, g.id), holding_of(s, r.id)
        _check_giver_holds(giver, hg, shares, price)
        checks = [transfer_resolution_check(resolution_seen(s, coop_id, item_id), on), price_check(price, bylaws)]
        if standing_of(g).status_on(on).is_current:
            checks.append(minimum_check(giver, hg.shares - shares, bylaws))
        checks += growing_checks(receiver, hr.shares + shares, total_shares(s, coop_id), bylaws)
        require(checks)
        first = take_numbers(s, coop_id, 2)
        out = add_entry(s, coop_id, first, g, EntryKind.TRANSFER, on, -shares, -shares * price, price, note,
                        item_id=item_id)
        into = add_entry(s, coop_id, first + 1, r, EntryKind.TRANSFER, on, shares, shares * price, price, note,
                         item_id=item_id, counterpart_id=out.id)
        audit.record(s, coop_id=coop_id, action="capital.transfer", entity="capital_entry", key=_keys([out, into]),
                     after=[entry_dict(out, giver, counterpart=receiver), entry_dict(into, receiver, counterpart=giver)])
        return result_of(s, coop_id, [out, into], [g, r], checks, today)


def _check_giver_holds(giver: int, h: Holding, shares: int, price: int) -> None:
    if h.shares < shares:
        raise Refusal(N_("Member {number} holds {held} shares and cannot transfer {shares}."),
                      field="shares", number=giver, held=h.shares, shares=shares)
    if h.paid - shares * price < 0 or h.unpaid(price) > (h.shares - shares) * price:
        raise Refusal(N_("Only fully paid shares are transferred: member {number} has {unpaid} still to pay."),
                      field="shares", number=giver, unpaid=Won(h.unpaid(price)))


# -- reversals (정정) ----------------------------------------------------------------------------------

def reverse(db: Database, coop_id: int, entry: int, reason: str, *, on: dt.date | None = None,
            today: dt.date | None = None) -> EntryResult:
    """Correct a mistake: an entry that moves back exactly what entry ``entry`` moved (both rows
    of a transfer), with the reason.  The entry itself stays on the ledger, as it was."""
    today = _today(today)
    on = on or today
    check_entry_date(on, today)
    with db.write() as s:
        lock_ledger(s, coop_id)
        target = entry_row(s, coop_id, entry)
        targets = _with_pair(s, target)
        for t in targets:
            done = s.execute(select(exists().where(CapitalEntryRow.reverses_id == t.id))).scalar()
            check_reversal(_movement(t), bool(done), reason, on)
        members = {t.member_id: _member(s, t.member_id) for t in targets}
        checks = _reversal_checks(s, coop_id, targets, members, on)
        first = take_numbers(s, coop_id, len(targets))
        rows = [add_entry(s, coop_id, first + i, members[t.member_id], EntryKind.REVERSAL, on, -t.shares, -t.amount,
                          t.share_price, reason, reverses_id=t.id, item_id=t.item_id)
                for i, t in enumerate(targets)]
        audit.record(s, coop_id=coop_id, action="capital.reverse", entity="capital_entry", key=_keys(rows),
                     after=[entry_dict(r, members[r.member_id].number, reverses=t.number)
                            for r, t in zip(rows, targets)])
        shrank = sum(t.shares for t in targets) > 0
        return result_of(s, coop_id, rows, members.values(), checks, today,
                       over_cap=over_cap(s, coop_id) if shrank else ())


def _member(s: Session, member_id: int) -> Member:
    member = s.get(Member, member_id)
    assert member is not None, "an entry's member is never deleted (RESTRICT)"
    return member


def _with_pair(s: Session, target: CapitalEntryRow) -> list[CapitalEntryRow]:
    """The entry, and for a transfer the other party's row too (a transfer is reversed whole)."""
    if target.kind is not EntryKind.TRANSFER:
        return [target]
    pair = s.execute(select(CapitalEntryRow).where(or_(CapitalEntryRow.id == target.counterpart_id,
                                                       CapitalEntryRow.counterpart_id == target.id))).scalar_one()
    return sorted([target, pair], key=lambda r: r.number)


def _movement(r: CapitalEntryRow) -> Movement:
    return Movement(r.number, r.kind, r.entry_on, r.shares, int(r.amount), r.reverses_id)


def _reversal_checks(s: Session, coop_id: int, targets: list[CapitalEntryRow], members: dict[int, Member],
                     on: dt.date) -> list[Check]:
    checks: list[Check] = []
    total = total_shares(s, coop_id) - sum(t.shares for t in targets)
    for t in targets:
        m = members[t.member_id]
        bylaws = bylaws_on(s, coop_id, on)
        after = holding_of(s, m.id).moved(-t.shares, -int(t.amount))
        if after.paid > after.shares * t.share_price or after.paid < 0:
            raise Refusal(N_("Reversing entry {entry} would leave member {number} with more paid in than subscribed. "
                             "Reverse the payments first."), field="entry", entry=t.number, number=m.number)
        if -t.shares > 0:
            checks += growing_checks(m.number, after.shares, total, bylaws)
        elif -t.shares < 0 and standing_of(m).status_on(on).is_current:
            checks.append(minimum_check(m.number, after.shares, bylaws))
        if t.kind is EntryKind.PAYMENT:
            _check_still_joined(s, m, t, after, bylaws)
    require(checks)
    return checks


def _check_still_joined(s: Session, m: Member, t: CapitalEntryRow, after: Holding,
                        bylaws: BylawsSettings) -> None:
    """A payment that made an applicant a member is reversed only once another payment keeps them one."""
    if m.joined_on is None or m.joined_on != t.entry_on or m.applied_on is None:
        return
    due = live_instalments(s, m.id)
    condition = joining(bylaws.membership_starts, after.paid, after.subscribed_won(bylaws.share_price),
                        due[0].amount if due else 0)
    if not condition.joins:
        raise Refusal(N_("Entry {entry} made member {number} a member on {date}; without it they would not have paid "
                         "what makes them one. Record the right payment first, then reverse this one."),
                      article=condition.as_check().article, field="entry", entry=t.number, number=m.number,
                      date=t.entry_on)


def over_cap(s: Session, coop_id: int) -> tuple[CapStanding, ...]:
    """Members over 30% of all shares as the ledger stands (after a refund or a reversal)."""
    total = total_shares(s, coop_id)
    limit = law.MAX_SHARE_RATIO.value
    held = func.sum(CapitalEntryRow.shares)
    rows = s.execute(select(Member.number, held).join(Member, Member.id == CapitalEntryRow.member_id)
                     .where(CapitalEntryRow.coop_id == coop_id).group_by(Member.number)
                     .having(held * limit.denominator > limit.numerator * total)).all()
    return tuple(cap_standing(number, int(shares), total) for number, shares in rows
                 if not within_cap(int(shares), total))


# -- reading ------------------------------------------------------------------------------------------

def ledger_entries(db: Database, coop_id: int, *, member: int | None = None, kinds: Sequence[EntryKind] = (),
                   since: dt.date | None = None, until: dt.date | None = None) -> list[EntryView]:
    """The ledger in entry order, or one member's entries; ``kinds`` and dates narrow it."""
    with db.read() as s:
        query = entries_query().where(ENTRY.coop_id == coop_id)
        if member is not None:
            query = query.where(ENTRY.member_id == member_row(s, coop_id, member, field="member").id)
        if kinds:
            query = query.where(ENTRY.kind.in_(kinds))
        if since is not None:
            query = query.where(ENTRY.entry_on >= since)
        if until is not None:
            query = query.where(ENTRY.entry_on <= until)
        return entry_views(s, query)


def get_entry(db: Database, coop_id: int, number: int) -> EntryView:
    with db.read() as s:
        return entry_views(s, entries_query().where(ENTRY.id == entry_row(s, coop_id, number).id))[0]


def member_ledger(db: Database, coop_id: int, member: int, today: dt.date | None = None) -> MemberLedger:
    """A member's capital, their entries, their instalments and what is overdue."""
    from coopdesk.domain.capital.ledger import overdue

    today = _today(today)
    with db.read() as s:
        m = member_row(s, coop_id, member, field="member")
        bylaws = bylaws_on(s, coop_id, today)
        capital = member_capital(m, holding_of(s, m.id), bylaws.share_price, today)
        entries = tuple(entry_views(s, entries_query().where(ENTRY.member_id == m.id)))
        due = tuple(live_instalments(s, m.id))
        late = min(overdue(due, paid_by_payments(s, m.id), today), capital.unpaid)
    return MemberLedger(capital, entries, due, max(0, late))


# -- the result of an action --------------------------------------------------------------------------

def result_of(s: Session, coop_id: int, rows: Sequence[CapitalEntryRow], members: Iterable[Member],
              checks: Sequence[Check], today: dt.date, *, joined: tuple[tuple[int, dt.date], ...] = (),
              over_cap: tuple[CapStanding, ...] = ()) -> EntryResult:
    """What an action returns: its entries, each member it moved as they stand now, its checks."""
    price = bylaws_on(s, coop_id, today).share_price
    moved = tuple(member_capital(m, holding_of(s, m.id), price, today) for m in sorted(members, key=_number))
    return EntryResult(views_of(s, rows), moved, tuple(checks), joined, over_cap)


def _number(m: Member) -> int:
    return m.number


def _keys(rows: Sequence[CapitalEntryRow]) -> str:
    numbers = [r.number for r in rows]
    return str(numbers[0]) if len(numbers) == 1 else f"{min(numbers)}-{max(numbers)}"

