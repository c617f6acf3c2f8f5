"""Balances, the co-op's totals, the largest holding against the cap, instalments overdue.

All of them are aggregates of the ledger's rows in SQL (one pass over the balance index),
never numbers kept apart: ``bench/bench_capital.py`` compares them with a raw SQL
aggregate of the same rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Text, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from coopdesk.domain.capital.checks import Check
from coopdesk.domain.capital.ledger import EntryKind, check_positive
from coopdesk.domain.capital.rules import CapStanding, cap_standing, growing_checks, price_check, within_cap
from coopdesk.domain.members.standing import EventKind, MemberStatus, Standing
from coopdesk.services.capital.rows import bylaws_on, check_not_left, holding_of, holdings, total_shares
from coopdesk.services.capital.views import CapitalTotals, MemberCapital, OverdueInstalment
from coopdesk.services.members.member import member_row
from coopdesk.services.members.rows import collector_paused
from coopdesk.store.database import Database
from coopdesk.store.models import CapitalEntryRow, CapitalInstalmentRow, Member


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


_MEMBER = Member.__table__.c
_ENTRY = CapitalEntryRow.__table__.c
# Read as the driver gives them (an ISO text on SQLite, a date on PostgreSQL) and turned into a
# standing once per distinct set (``_Statuses``): parsing five dates of 100,000 rows cost more
# than the aggregate.
_STANDING = tuple(type_coerce(c, Text) for c in (_MEMBER.applied_on, _MEMBER.joined_on, _MEMBER.notice_on,
                                                 _MEMBER.leaves_on, _MEMBER.left_on, _MEMBER.left_as,
                                                 _MEMBER.consented_on))


def _rows(s: Session, coop_id: int, as_of: dt.date | None) -> Iterator[tuple]:  # type: ignore[type-arg]
    """(number, name, standing columns…, shares, paid) of every member of the co-op, by number.

    Through the session's connection, not the ORM: 100,000 rows of plain values, no entities."""
    sums = select(_ENTRY.member_id, func.sum(_ENTRY.shares).label("shares"),
                  func.sum(_ENTRY.amount).label("paid")).where(_ENTRY.coop_id == coop_id)
    if as_of is not None:
        sums = sums.where(_ENTRY.entry_on <= as_of)
    b = sums.group_by(_ENTRY.member_id).subquery()
    query = (select(_MEMBER.number, _MEMBER.name, *_STANDING, b.c.shares, b.c.paid)
             .outerjoin(b, b.c.member_id == _MEMBER.id).where(_MEMBER.coop_id == coop_id).order_by(_MEMBER.number))
    return iter(s.connection().execute(query).all())  # fetchall: one driver call, not one per row


class _Statuses(dict):  # type: ignore[type-arg]
    """Each member's status on ``day``, folded once per distinct set of standing dates: 100,000
    members joined on a few thousand days."""

    def __init__(self, day: dt.date) -> None:
        super().__init__()
        self.day = day

    def __missing__(self, key: tuple) -> MemberStatus:  # type: ignore[type-arg]
        applied, joined, notice, leaves, left, left_as, consented = key
        standing = Standing(_date(applied), _date(joined), _date(notice), _date(leaves), _date(left),
                            EventKind(left_as) if left_as else None, _date(consented))
        status = self[key] = standing.status_on(self.day)
        return status


def _date(value: object) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if isinstance(value, str) else value  # type: ignore[return-value]


def balances(db: Database, coop_id: int, *, as_of: dt.date | None = None,
             today: dt.date | None = None) -> list[MemberCapital]:
    """Every member's capital (on ``as_of``, default as the ledger stands), by member number."""
    day = as_of or _today(today)
    with collector_paused(), db.read() as s:
        price = bylaws_on(s, coop_id, day).share_price
        statuses = _Statuses(day)
        applicant = MemberStatus.APPLICANT
        out: list[MemberCapital] = []
        add = out.append
        for row in _rows(s, coop_id, as_of):
            shares, paid = int(row[9] or 0), int(row[10] or 0)
            status = statuses[row[2:9]]
            add(MemberCapital(row[0], row[1], status, shares, paid, shares * price - paid,
                              status is applicant and shares > 0))
        return out


def totals(db: Database, coop_id: int, *, as_of: dt.date | None = None, today: dt.date | None = None) -> CapitalTotals:
    """The co-op's capital on a day: members, holders, shares, won subscribed, paid and unpaid, the
    largest holding against the 30% cap, and members short of the bylaws' minimum."""
    day = as_of or _today(today)
    with collector_paused(), db.read() as s:  # as balances: a full collection of 100,000 rows stops every thread
        bylaws = bylaws_on(s, coop_id, day)
        least = bylaws.min_shares
        members = holders = shares = paid = short = 0
        largest: tuple[int, int] | None = None
        held: list[tuple[int, int]] = []
        statuses = _Statuses(day)
        for row in _rows(s, coop_id, as_of):
            number, member_shares, member_paid = row[0], int(row[9] or 0), int(row[10] or 0)
            current = statuses[row[2:9]].is_current
            members += current
            shares += member_shares
            paid += member_paid
            if member_shares > 0:
                holders += 1
                held.append((number, member_shares))
                if largest is None or member_shares > largest[1]:
                    largest = (number, member_shares)
            if current and member_shares < least:
                short += 1
    price = bylaws.share_price
    over = tuple(cap_standing(n, h, shares) for n, h in held if not within_cap(h, shares))
    return CapitalTotals(day, price, members, holders, shares, shares * price, paid, shares * price - paid,
                         cap_standing(*largest, shares) if largest else None, over, short)


@dataclass(frozen=True, slots=True)
class SubscriptionPreview:
    """What the law would say of a subscription, without writing it (a form shows it as it is typed)."""

    checks: tuple[Check, ...]
    cap: CapStanding

    @property
    def allowed(self) -> bool:
        return all(c.passed for c in self.checks)


def check_subscription(db: Database, coop_id: int, member: int, shares: int, *, on: dt.date | None = None,
                       today: dt.date | None = None) -> SubscriptionPreview:
    """The cap check (and the bylaws' minimum, maximum and price) of one new subscription."""
    day = on or _today(today)
    check_positive(shares, "shares")
    with db.read() as s:
        m = member_row(s, coop_id, member, field="member")
        check_not_left(m, day)
        bylaws = bylaws_on(s, coop_id, day)
        held = holding_of(s, m.id).shares + shares
        total = total_shares(s, coop_id) + shares
    checks = (price_check(bylaws.share_price, bylaws), *growing_checks(member, held, total, bylaws))
    return SubscriptionPreview(checks, cap_standing(member, held, total))


def overdue_instalments(db: Database, coop_id: int, today: dt.date | None = None) -> list[OverdueInstalment]:
    """Members whose instalments fell due before ``today`` and are not paid, by member number.
    Payments go to the earliest instalments first; a subscription reversed owes nothing."""
    today = _today(today)
    e = CapitalEntryRow
    reversed_ids = select(e.reverses_id).where(e.coop_id == coop_id, e.reverses_id.is_not(None))
    with db.read() as s:
        due = {m: (int(a), first) for m, a, first in s.execute(
            select(e.member_id, func.sum(CapitalInstalmentRow.amount), func.min(CapitalInstalmentRow.due_on))
            .join(e, e.id == CapitalInstalmentRow.entry_id)
            .where(e.coop_id == coop_id, CapitalInstalmentRow.due_on < today, e.id.not_in(reversed_ids))
            .group_by(e.member_id))}
        if not due:
            return []
        payments = select(e.id).where(e.coop_id == coop_id, e.kind == EntryKind.PAYMENT)
        paid = {m: int(a) for m, a in s.execute(
            select(e.member_id, func.sum(e.amount))
            .where(e.coop_id == coop_id, or_(e.kind == EntryKind.PAYMENT, e.reverses_id.in_(payments)))
            .group_by(e.member_id))}
        late = {m: owed - paid.get(m, 0) for m, (owed, _first) in due.items() if owed > paid.get(m, 0)}
        if not late:
            return []
        price = bylaws_on(s, coop_id, today).share_price
        held = holdings(s, coop_id)
        since = _since(s, coop_id, {m: paid.get(m, 0) for m in late}, reversed_ids)
        out = []
        for member_id, number, name in s.execute(select(Member.id, Member.number, Member.name)
                                                 .where(Member.coop_id == coop_id).order_by(Member.number)):
            if member_id not in late:
                continue
            amount = min(late[member_id], held[member_id].unpaid(price))
            if amount > 0:
                out.append(OverdueInstalment(number, name, due[member_id][0], paid.get(member_id, 0), amount,
                                             since[member_id]))
        return out


def _since(s: Session, coop_id: int, paid: dict[int, int], reversed_ids) -> dict[int, dt.date]:  # type: ignore[no-untyped-def]
    """For each late member (id -> won paid by payments), the due day of the earliest instalment the
    payments do not cover.  One pass over the co-op's instalments, not a query per member: at
    10,000 late members that was minutes."""
    found: dict[int, dt.date] = {}
    covered: dict[int, int] = {}
    last: dict[int, dt.date] = {}
    rows = s.execute(select(CapitalEntryRow.member_id, CapitalInstalmentRow.due_on, CapitalInstalmentRow.amount)
                     .join(CapitalEntryRow, CapitalEntryRow.id == CapitalInstalmentRow.entry_id)
                     .where(CapitalEntryRow.coop_id == coop_id, CapitalEntryRow.id.not_in(reversed_ids))
                     .order_by(CapitalEntryRow.member_id, CapitalInstalmentRow.due_on, CapitalInstalmentRow.id))
    for member_id, due_on, amount in rows:
        if member_id not in paid or member_id in found:
            continue
        covered[member_id] = covered.get(member_id, 0) + int(amount)
        last[member_id] = due_on
        if covered[member_id] > paid[member_id]:
            found[member_id] = due_on
    return {m: found.get(m, last.get(m)) for m in paid}  # type: ignore[misc]
