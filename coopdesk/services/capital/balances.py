"""Balances, the co-op's totals, the largest holding against the cap, instalments overdue.

All of them are aggregates of the ledger's rows in SQL (one pass over the balance index),
never numbers kept apart: ``bench/bench_capital.py`` compares them with a raw SQL
aggregate of the same rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import chain
from dataclasses import dataclass

from sqlalchemy import Text, case, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from coopdesk.domain.capital.checks import Check
from coopdesk.domain.capital.ledger import EntryKind, check_positive
from coopdesk.domain.capital.rules import CapStanding, cap_standing, growing_checks, price_check, within_cap
from coopdesk.domain.members.standing import EventKind, MemberStatus, Standing
from coopdesk.services.capital.rows import bylaws_on, check_not_left, holding_of, total_shares
from coopdesk.services.capital.views import CapitalTotals, MemberCapital, OverdueInstalment
from coopdesk.services.members.member import member_row
from coopdesk.services.members.rows import collector_paused
from coopdesk.store.database import Database
from coopdesk.store.models import CapitalEntryRow, CapitalInstalmentRow, Member


# Rows fetched at a time from a large result (see ``overdue_instalments``).
_SLICE = 2_000


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
    # Slices of rows, not one per driver call, nor all in one C call that would hold the window.
    return chain.from_iterable(s.connection().execute(query).partitions(_SLICE))


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
        return _capital_rows(s, coop_id, as_of, day, bylaws_on(s, coop_id, day).share_price)


def totals(db: Database, coop_id: int, *, as_of: dt.date | None = None, today: dt.date | None = None) -> CapitalTotals:
    """The co-op's capital on a day: members, holders, shares, won subscribed, paid and unpaid, the
    largest holding against the 30% cap, and members short of the bylaws' minimum."""
    return balances_and_totals(db, coop_id, as_of=as_of, today=today)[1]


def balances_and_totals(db: Database, coop_id: int, *, as_of: dt.date | None = None,
                        today: dt.date | None = None) -> tuple[list[MemberCapital], CapitalTotals]:
    """Every member's capital and the co-op's totals from one read of the ledger (the Capital
    page shows both: reading 100,000 members twice doubled its wait)."""
    day = as_of or _today(today)
    # No collection while 100,000 rows are made: a full one stops every thread, the window's too.
    with collector_paused(), db.read() as s:
        bylaws = bylaws_on(s, coop_id, day)
        rows = _capital_rows(s, coop_id, as_of, day, bylaws.share_price)
        return rows, _totals_of(rows, day, bylaws.share_price, bylaws.min_shares)


def _capital_rows(s: Session, coop_id: int, as_of: dt.date | None, day: dt.date, price: int) -> list[MemberCapital]:
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


def _totals_of(rows: list[MemberCapital], day: dt.date, price: int, least: int) -> CapitalTotals:
    members = holders = shares = paid = short = 0
    largest: tuple[int, int] | None = None
    held: list[tuple[int, int]] = []
    for r in rows:
        current = r.status.is_current
        members += current
        shares += r.shares
        paid += r.paid
        if r.shares > 0:
            holders += 1
            held.append((r.number, r.shares))
            if largest is None or r.shares > largest[1]:
                largest = (r.number, r.shares)
        if current and r.shares < least:
            short += 1
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
    Payments go to the earliest instalments first; a subscription reversed owes nothing.

    One statement: the running sum of each member's instalments (a window), the won paid by
    payments and the holding are all worked out by the database, which hands back only the late
    members.  Done in Python over 100,000 members it held the interpreter for tens of
    milliseconds at a time, and the window froze with it."""
    today = _today(today)
    with collector_paused(), db.read() as s:
        price = bylaws_on(s, coop_id, today).share_price
        out = []
        # In slices: one C call making 100,000 rows would hold the interpreter (and the window) meanwhile.
        for part in s.connection().execute(_late_statement(coop_id, today)).partitions(_SLICE):
            for number, name, due, paid, shares, paid_in, since in part:
                amount = min(int(due) - int(paid), int(shares) * price - int(paid_in))
                if amount > 0:
                    out.append(OverdueInstalment(number, name, int(due), int(paid), amount,
                                                 _date(since)))  # type: ignore[arg-type]
    return out


def _late_statement(coop_id: int, today: dt.date):  # type: ignore[no-untyped-def]
    """(number, name, won due, won paid by payments, shares held, won paid in, earliest instalment
    not covered) of each member whose instalments due before ``today`` exceed their payments."""
    e, i, m = _ENTRY, CapitalInstalmentRow.__table__.c, _MEMBER
    reversed_ids = select(e.reverses_id).where(e.coop_id == coop_id, e.reverses_id.is_not(None))
    live = (select(e.member_id.label("member_id"), i.due_on.label("due_on"), i.amount.label("amount"),
                   func.sum(i.amount).over(partition_by=e.member_id, order_by=(i.due_on, i.id)).label("running"))
            .select_from(CapitalInstalmentRow.__table__).join(CapitalEntryRow.__table__, e.id == i.entry_id)
            .where(e.coop_id == coop_id, e.id.not_in(reversed_ids))).cte("live")
    due = (select(live.c.member_id, func.sum(live.c.amount).label("due")).where(live.c.due_on < today)
           .group_by(live.c.member_id)).cte("due")
    # Won paid by payments (a payment, or the reversal of one) and the holding, in one pass.
    undone = CapitalEntryRow.__table__.alias("undone")
    by_payment = or_(e.kind == EntryKind.PAYMENT, undone.c.kind == EntryKind.PAYMENT)
    sums = (select(e.member_id, func.sum(case((by_payment, e.amount), else_=0)).label("paid"),
                   func.sum(e.shares).label("shares"), func.sum(e.amount).label("paid_in"))
            .select_from(CapitalEntryRow.__table__).outerjoin(undone, undone.c.id == e.reverses_id)
            .where(e.coop_id == coop_id).group_by(e.member_id)).cte("sums")
    paid = func.coalesce(sums.c.paid, 0)
    late = (select(due.c.member_id, due.c.due, paid.label("paid"), func.coalesce(sums.c.shares, 0).label("shares"),
                   func.coalesce(sums.c.paid_in, 0).label("paid_in"))
            .outerjoin(sums, sums.c.member_id == due.c.member_id).where(due.c.due > paid)).cte("late")
    # The earliest instalment the payments do not cover: the first whose running sum passes them.
    since = (select(live.c.member_id, func.min(live.c.due_on).label("since"))
             .join(late, late.c.member_id == live.c.member_id).where(live.c.running > late.c.paid)
             .group_by(live.c.member_id)).cte("since")
    return (select(m.number, m.name, late.c.due, late.c.paid, late.c.shares, late.c.paid_in,
                   type_coerce(since.c.since, Text))
            .select_from(late).join(Member.__table__, m.id == late.c.member_id)
            .join(since, since.c.member_id == late.c.member_id)
            .where(m.coop_id == coop_id).order_by(m.number))
