"""The demo's capital (출자금), made through the same services a secretary uses: the founders'
subscriptions at the founding, every later member's on joining, paid at once or in instalments
(one member late with the last one), the applicants' subscriptions waiting for payment, and last
year's surplus entered with its patronage and a plan within the law.  The members who left keep
their capital: their refund claims show in the Capital area.  Only for a demo of ``MIN_MEMBERS`` to
``MAX_MEMBERS`` members (fewer, and one of them would hold more than 30% of the shares)."""

from __future__ import annotations

import datetime as dt
import random

from coopdesk.domain.capital.ledger import Instalment
from coopdesk.domain.capital.surplus import Plan
from coopdesk.domain.members.standing import MemberStatus
from coopdesk.services.capital.ledger import NewSubscription, pay, subscribe, subscribe_many
from coopdesk.services.capital.surplus import YearInput, enter_year, set_patronage
from coopdesk.services.coops import get_coop
from coopdesk.services.members.listing import list_members
from coopdesk.services.members.rows import MemberRow
from coopdesk.store.database import Database

MIN_MEMBERS = 10
MAX_MEMBERS = 200  # each member is two or three transactions: about 50 ms apiece
FOUNDER_SHARES = 10  # the founders subscribe more than the minimum, as founders do


def add_demo_capital(db: Database, coop_id: int, rnd: random.Random, founded_on: dt.date, today: dt.date,
                     leaving: frozenset[int] = frozenset()) -> None:
    """The ledger, made before the leavers' events are recorded (no capital moves for a member who
    has left); ``leaving``: the numbers of the members who will leave."""
    rows = list_members(db, coop_id, today=today)
    if not MIN_MEMBERS <= len(rows) <= MAX_MEMBERS:
        return
    coop = get_coop(db, coop_id)
    price, least = coop.bylaws.share_price, coop.bylaws.min_shares
    founders = [r for r in rows if r.joined_on == founded_on]
    subscribe_many(db, coop_id, [NewSubscription(r.number, FOUNDER_SHARES, founded_on, note="발기인 출자")
                                 for r in founders], today)
    for r in founders:
        pay(db, coop_id, r.number, FOUNDER_SHARES * price, on=founded_on, note="설립 시 납입", today=today)
    later = sorted((r for r in rows if r.joined_on is not None and r.joined_on != founded_on),
                   key=lambda r: (r.joined_on, r.number))
    late = _late_payer([r for r in later if r.number not in leaving], today)
    for r in later:
        _joiner(db, coop_id, rnd, r, least, price, today, late=r.number == late, at_once=r.number in leaving)
    for r in rows:
        if r.status is MemberStatus.APPLICANT:  # admitted: a member once the first instalment is paid
            subscribe(db, coop_id, r.number, least, on=today, note="가입 신청 시 출자 청약", today=today)


def add_demo_surplus(db: Database, coop_id: int, rnd: random.Random, today: dt.date) -> None:
    """Last fiscal year's surplus, once the ledger is made and the leavers have left."""
    rows = list_members(db, coop_id, today=today)
    if not MIN_MEMBERS <= len(rows) <= MAX_MEMBERS:
        return
    _last_year(db, coop_id, rnd, [r.number for r in rows if r.status.is_current],
               get_coop(db, coop_id).fiscal_year_start_month, today)


def _late_payer(later: list[MemberRow], today: dt.date) -> int | None:
    """A current member who joined a few months ago: their second instalment fell due and is not paid."""
    recent = [r for r in later if r.status is MemberStatus.MEMBER and r.joined_on is not None
              and dt.timedelta(days=120) <= today - r.joined_on <= dt.timedelta(days=700)]
    return recent[-1].number if recent else None


def _joiner(db: Database, coop_id: int, rnd: random.Random, r: MemberRow, least: int, price: int, today: dt.date,
            *, late: bool, at_once: bool) -> None:
    """A member's subscription on joining, and what they paid of it (a leaver paid at once: nothing is
    paid after leaving)."""
    assert r.joined_on is not None
    on = r.joined_on
    shares = least + rnd.choice((0, 0, 0, 1, 2, 5))
    whole = shares * price
    second = on + dt.timedelta(days=90)
    if not late and (rnd.random() >= 0.25 or second > today or at_once):  # paid at once, on joining
        subscribe(db, coop_id, r.number, shares, on=on, today=today)
        pay(db, coop_id, r.number, whole, on=on, today=today)
        return
    first = whole // 2
    subscribe(db, coop_id, r.number, shares, on=on, instalments=(Instalment(on, first), Instalment(second,
              whole - first)), note="2회 분할 납입", today=today)
    pay(db, coop_id, r.number, first, on=on, note="1회차", today=today)
    if not late:
        pay(db, coop_id, r.number, whole - first, on=second, note="2회차", today=today)


def _last_year(db: Database, coop_id: int, rnd: random.Random, current: list[int], start_month: int,
               today: dt.date) -> None:
    """Last fiscal year's surplus: the program's proposal, a voluntary reserve and dividends within the
    limits, and each current member's purchases from the co-op (their patronage)."""
    this_year = today.year if today.month >= start_month else today.year - 1
    given = YearInput(this_year - 1, rnd.randrange(30, 90) * 100_000, rnd.randrange(0, 20) * 100_000,
                      rnd.randrange(5, 30) * 100_000)
    view = enter_year(db, coop_id, given, note="결산 이사회 승인 (데모)")
    if view.figures.paid_in <= 0 or view.disposable <= 0:
        return
    p, limits = view.proposal, view.limits
    capital = limits.capital_most // 2 // 1000 * 1000
    plan = Plan(p.legal_reserve, view.disposable // 10 // 1000 * 1000, capital, capital * 2,
                p.from_voluntary, p.from_legal)
    if plan.appropriated <= view.disposable and capital > 0:
        enter_year(db, coop_id, given, plan, note="결산 이사회 승인 (데모)")
    set_patronage(db, coop_id, given.fiscal_year, {n: rnd.randrange(10, 300) * 10_000 for n in current})
