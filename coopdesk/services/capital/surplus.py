"""The year's surplus or loss: its figures, the appropriation proposed, each member's patronage,
the assembly item that decides it, and the booking once that item passes.

A year is changed freely until it is booked; the database refuses any change after
(migration 0012).  Booking happens in the transaction that closes the item with a passed
vote (``meetings.effects``), or at once when the year is linked to an item already passed:
each member's dividend is computed (``domain.capital.dividends``: they add up to the totals
to the won), stored, and where the bylaws allow and the assembly chose it, credited to
capital as whole shares (the rest paid in cash).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from coopdesk.domain import law
from coopdesk.domain.capital.checks import Check, require
from coopdesk.domain.capital.dividends import MemberDividend, member_dividends
from coopdesk.domain.capital.ledger import EntryKind, Holding
from coopdesk.domain.capital.refunds import fiscal_year_end, fiscal_year_start
from coopdesk.domain.capital.rules import most_under_cap
from coopdesk.domain.capital.surplus import (
    DividendLimits, LegalReserveMinimum, LossCover, Plan, YearFigures, carried_forward, check_figures,
    disposable, dividend_limits, legal_reserve_minimum, loss_cover, plan_checks, propose,
)
from coopdesk.domain.fiscal import last_ended_fiscal_year
from coopdesk.domain.coop import CoopKind
from coopdesk.domain.errors import Refusal
from coopdesk.domain.fields import NOTE_LENGTH, check_text
from coopdesk.domain.meetings.agenda import StandardTitle
from coopdesk.domain.meetings.kinds import ResolutionKind, Subject
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.capital.rows import (
    GENERAL_ASSEMBLIES, add_entry, bylaws_on, holdings, lock_ledger, resolution_seen, standing_of, take_numbers,
    total_shares,
)
from coopdesk.services.coops import CoopInfo, get_coop
from coopdesk.services.members.member import member_row
from coopdesk.store.database import Database
from coopdesk.store.models import (
    AgendaItemRow, CapitalEntryRow, MeetingRow, Member, SurplusDividendRow, SurplusPatronageRow, SurplusYearRow,
)

_PLAN_FIELDS = ("legal_reserve", "voluntary_reserve", "capital_dividend", "patronage_dividend", "from_voluntary",
                "from_legal")


@dataclass(frozen=True, slots=True)
class YearInput:
    """The figures of a fiscal year as the accounts give them (the paid-in capital comes from the ledger)."""

    fiscal_year: int
    net_result: int  # a loss as a negative number
    retained_before: int = 0  # a deficit carried from earlier years as a negative number
    legal_reserve_before: int = 0
    voluntary_reserve_before: int = 0


@dataclass(frozen=True, slots=True)
class SurplusView:
    """A year's appropriation with everything the law says of it."""

    figures: YearFigures
    starts_on: dt.date
    ends_on: dt.date
    plan: Plan
    proposal: Plan  # the program's proposal within the law
    checks: tuple[Check, ...]  # of ``plan``: all passed, or it would not have been saved
    disposable: int  # what there is to appropriate once a loss is covered (negative: a deficit)
    carried_forward: int  # to the next year (negative: a deficit)
    loss: LossCover
    legal_minimum: LegalReserveMinimum
    limits: DividendLimits
    dividends_as_capital: bool
    patronage_members: int
    patronage_total: int
    item_id: int | None  # the agenda item that decides it
    booked_on: dt.date | None
    note: str

    @property
    def is_loss(self) -> bool:
        return self.disposable <= 0 or self.figures.net_result < 0


@dataclass(frozen=True, slots=True)
class DividendView:
    number: int
    name: str
    paid_in: int  # at the end of the fiscal year: the weight of the dividend on capital
    patronage: int  # the year's use of the co-op's business: the weight of the patronage dividend
    capital_part: int
    patronage_part: int
    credited_shares: int = 0  # booked: whole shares credited to capital
    cash: int = 0  # booked: the rest, paid in cash

    @property
    def total(self) -> int:
        return self.capital_part + self.patronage_part


# -- the figures and the plan -------------------------------------------------------------------------

def enter_year(db: Database, coop_id: int, given: YearInput, plan: Plan | None = None, *,
               dividends_as_capital: bool = False, note: str = "") -> SurplusView:
    """Enter (or change, until booked) a year's figures and its appropriation; without ``plan``, the
    program's proposal.  Every rule of Act 50, 51, 97 and 98 is checked; a plan that breaks one is
    refused, citing it."""
    coop = get_coop(db, coop_id)
    note = note.strip()
    check_text(note, "note", NOTE_LENGTH, multiline=True)
    with db.write() as s:
        figures = _figures(s, coop_id, coop.fiscal_year_start_month, given)
        check_figures(figures)
        plan = plan or propose(figures, coop.kind)
        require(plan_checks(figures, coop.kind, plan))
        _check_as_capital(s, coop_id, coop.kind, coop.fiscal_year_start_month, given.fiscal_year, plan,
                          dividends_as_capital)
        row = _year_row(s, coop_id, given.fiscal_year)
        before = _year_dict(row) if row is not None else None
        if row is None:
            row = SurplusYearRow(coop_id=coop_id, fiscal_year=given.fiscal_year, created_at=dt.datetime.now())
            s.add(row)
        else:
            check_changeable(s, row)
        for name in ("net_result", "retained_before", "legal_reserve_before", "voluntary_reserve_before", "paid_in"):
            setattr(row, name, getattr(figures, name))
        for name in _PLAN_FIELDS:
            setattr(row, name, getattr(plan, name))
        row.dividends_as_capital, row.note = dividends_as_capital, note
        s.flush()
        audit.record(s, coop_id=coop_id, action="capital.surplus.enter", entity="surplus_year",
                     key=given.fiscal_year, before=before, after=_year_dict(row))
        return _view(s, coop.kind, coop.fiscal_year_start_month, row)


def _figures(s: Session, coop_id: int, start_month: int, given: YearInput) -> YearFigures:
    if not 1900 <= given.fiscal_year <= 2100:
        raise Refusal(N_("The fiscal year must be between 1900 and 2100."), field="fiscal_year")
    paid_in = sum(h.paid for h in holdings(s, coop_id, fiscal_year_end(given.fiscal_year, start_month)).values())
    return YearFigures(given.fiscal_year, given.net_result, given.retained_before, given.legal_reserve_before,
                       given.voluntary_reserve_before, paid_in)


def _check_as_capital(s: Session, coop_id: int, kind: CoopKind, start_month: int, year: int, plan: Plan,
                      chosen: bool) -> None:
    if not chosen:
        return
    bylaws = bylaws_on(s, coop_id, fiscal_year_end(year, start_month))
    if kind is CoopKind.SOCIAL:
        raise Refusal(N_("A social co-op pays no dividends, so none can be credited to capital."),
                      article=law.SOCIAL_NO_DIVIDENDS.ref, field="dividends_as_capital")
    if not bylaws.dividends_as_capital:
        raise Refusal(N_("The bylaws of this co-op do not allow crediting dividends to capital."),
                      field="dividends_as_capital")
    if plan.dividends == 0:
        raise Refusal(N_("There are no dividends to credit to capital."), field="dividends_as_capital")


def check_changeable(s: Session, row: SurplusYearRow) -> None:
    if row.booked_on is not None:
        raise Refusal(N_("The appropriation of fiscal year {year} was booked on {date}; it is not changed."),
                      field="fiscal_year", year=row.fiscal_year, date=row.booked_on)
    if row.item_id is not None:
        item = s.get(AgendaItemRow, row.item_id)
        if item is not None and item.closed:
            return  # decided and not passed: it may be changed and put to another meeting
        raise Refusal(N_("The appropriation of fiscal year {year} is on the agenda of a meeting, to be decided as "
                         "it stands. To change it, take it off that item first."), field="fiscal_year",
                      year=row.fiscal_year)


def get_year(db: Database, coop_id: int, fiscal_year: int) -> SurplusView:
    coop = get_coop(db, coop_id)
    with db.read() as s:
        return _view(s, coop.kind, coop.fiscal_year_start_month, existing_year(s, coop_id, fiscal_year))


def list_years(db: Database, coop_id: int) -> list[SurplusView]:
    coop = get_coop(db, coop_id)
    with db.read() as s:
        rows = s.execute(select(SurplusYearRow).where(SurplusYearRow.coop_id == coop_id)
                         .order_by(SurplusYearRow.fiscal_year)).scalars().all()
        return [_view(s, coop.kind, coop.fiscal_year_start_month, r) for r in rows]


def _year_row(s: Session, coop_id: int, year: int) -> SurplusYearRow | None:
    return s.execute(select(SurplusYearRow).where(SurplusYearRow.coop_id == coop_id,
                                                  SurplusYearRow.fiscal_year == year)).scalar()


def existing_year(s: Session, coop_id: int, year: int) -> SurplusYearRow:
    row = _year_row(s, coop_id, year)
    if row is None:
        raise Refusal(N_("No figures are entered for fiscal year {year}."), field="fiscal_year", year=year)
    return row


def _view(s: Session, kind: CoopKind, start_month: int, row: SurplusYearRow) -> SurplusView:
    figures = YearFigures(row.fiscal_year, int(row.net_result), int(row.retained_before),
                          int(row.legal_reserve_before), int(row.voluntary_reserve_before), int(row.paid_in))
    plan = Plan(*(int(getattr(row, name)) for name in _PLAN_FIELDS))
    patronage = [int(a) for a in s.execute(select(SurplusPatronageRow.amount)
                                           .where(SurplusPatronageRow.surplus_id == row.id)).scalars()]
    return SurplusView(figures, fiscal_year_start(row.fiscal_year, start_month),
                       fiscal_year_end(row.fiscal_year, start_month), plan, propose(figures, kind),
                       plan_checks(figures, kind, plan), disposable(figures), carried_forward(figures, plan),
                       loss_cover(figures), legal_reserve_minimum(figures, kind),
                       dividend_limits(figures, kind, plan.legal_reserve, plan.voluntary_reserve),
                       row.dividends_as_capital, len(patronage), sum(patronage), row.item_id, row.booked_on, row.note)


def _year_dict(row: SurplusYearRow) -> dict[str, object]:
    return {name: getattr(row, name) for name in (
        "fiscal_year", "net_result", "retained_before", "legal_reserve_before", "voluntary_reserve_before",
        "paid_in", *_PLAN_FIELDS, "dividends_as_capital", "item_id", "booked_on", "note")}


# -- patronage (이용실적) -------------------------------------------------------------------------------

def set_patronage(db: Database, coop_id: int, fiscal_year: int, amounts: Mapping[int, int]) -> SurplusView:
    """Each member's use of the co-op's business in the year, in won (member number -> won): all of
    them at once, replacing what was entered before."""
    coop = get_coop(db, coop_id)
    for number, amount in amounts.items():
        if amount < 0:
            raise Refusal(N_("Member {number}'s use of the co-op cannot be less than 0 won."), field="amount",
                          number=number)
    with db.write() as s:
        row = existing_year(s, coop_id, fiscal_year)
        check_changeable(s, row)
        ids = {number: member_row(s, coop_id, number, field="member").id for number in amounts}
        return replace_patronage(s, coop, row, amounts, ids)


def replace_patronage(s: Session, coop: CoopInfo, row: SurplusYearRow, amounts: Mapping[int, int],
                      ids: Mapping[int, int]) -> SurplusView:
    """The year's patronage replaced, in the caller's transaction (member number -> won; ``ids`` their ids)."""
    s.execute(delete(SurplusPatronageRow).where(SurplusPatronageRow.surplus_id == row.id))
    s.add_all(SurplusPatronageRow(surplus_id=row.id, member_id=ids[number], amount=amount)
              for number, amount in amounts.items() if amount > 0)
    s.flush()
    audit.record(s, coop_id=coop.id, action="capital.surplus.patronage", entity="surplus_year", key=row.fiscal_year,
                 after={str(number): amount for number, amount in sorted(amounts.items()) if amount > 0})
    return _view(s, coop.kind, coop.fiscal_year_start_month, row)


def dividends_of(db: Database, coop_id: int, fiscal_year: int) -> list[DividendView]:
    """Each member's dividend: as booked, or as it would be if the appropriation passed now."""
    coop = get_coop(db, coop_id)
    with db.read() as s:
        row = existing_year(s, coop_id, fiscal_year)
        weights = _weights(s, coop_id, coop.fiscal_year_start_month, row)
        if row.booked_on is not None:
            return _booked(s, row, weights)
        return [DividendView(d.number, weights.names[d.number], weights.paid.get(d.number, 0),
                             weights.use.get(d.number, 0), d.capital, d.patronage)
                for d in _shares_of(row, weights)]


@dataclass(frozen=True, slots=True)
class _Weights:
    """What a year's dividends are shared by, keyed by member number (the rounding rule's order)."""

    paid: dict[int, int]  # paid-in capital at the end of the fiscal year
    use: dict[int, int]  # the year's patronage
    names: dict[int, str]
    ids: dict[int, int]


def _weights(s: Session, coop_id: int, start_month: int, row: SurplusYearRow) -> _Weights:
    people = {i: (n, name) for i, n, name in s.execute(select(Member.id, Member.number, Member.name)
                                                         .where(Member.coop_id == coop_id))}
    paid = {people[m][0]: h.paid for m, h in
            holdings(s, coop_id, fiscal_year_end(row.fiscal_year, start_month)).items() if h.paid > 0}
    use = {people[m][0]: int(a) for m, a in s.execute(
        select(SurplusPatronageRow.member_id, SurplusPatronageRow.amount).where(SurplusPatronageRow.surplus_id == row.id))}
    return _Weights(paid, use, {n: name for n, name in people.values()}, {n: i for i, (n, _name) in people.items()})


def _shares_of(row: SurplusYearRow, weights: _Weights) -> list[MemberDividend]:
    if row.patronage_dividend and not weights.use:
        raise Refusal(N_("Enter each member's use of the co-op's business in fiscal year {year}: the patronage "
                         "dividend is shared by it."), field="patronage", year=row.fiscal_year)
    if row.capital_dividend and not weights.paid:
        raise Refusal(N_("No member had paid-in capital at the end of fiscal year {year}: there is nothing to "
                         "share the dividend on capital by."), field="capital_dividend", year=row.fiscal_year)
    return member_dividends(int(row.capital_dividend), weights.paid, int(row.patronage_dividend), weights.use)


def _booked(s: Session, row: SurplusYearRow, weights: _Weights) -> list[DividendView]:
    rows = s.execute(select(Member.number, SurplusDividendRow.capital_part, SurplusDividendRow.patronage_part,
                            CapitalEntryRow.shares, CapitalEntryRow.amount)
                     .join(Member, Member.id == SurplusDividendRow.member_id)
                     .outerjoin(CapitalEntryRow, CapitalEntryRow.id == SurplusDividendRow.entry_id)
                     .where(SurplusDividendRow.surplus_id == row.id).order_by(Member.number)).all()
    return [DividendView(n, weights.names[n], weights.paid.get(n, 0), weights.use.get(n, 0), int(c), int(p),
                         int(k or 0), int(c) + int(p) - int(a or 0)) for n, c, p, k, a in rows]


# -- the assembly --------------------------------------------------------------------------------------

def put_on_agenda(db: Database, coop_id: int, fiscal_year: int, meeting_id: int) -> SurplusView:
    """Add the appropriation (or the covering of the loss) to a general assembly's agenda, as an
    ordinary resolution with its standard title; it is booked when that item passes."""
    from coopdesk.services.meetings.agenda import add_titled_item, item_dict
    from coopdesk.services.meetings.rows import meeting_row

    coop = get_coop(db, coop_id)
    with db.write() as s:
        row = existing_year(s, coop_id, fiscal_year)
        check_changeable(s, row)
        meeting = meeting_row(s, coop_id, meeting_id)
        if meeting.kind not in GENERAL_ASSEMBLIES:
            raise Refusal(N_("The appropriation of the surplus is decided by a general assembly."), field="meeting")
        view = _view(s, coop.kind, coop.fiscal_year_start_month, row)
        _check_shareable(s, coop_id, coop.fiscal_year_start_month, row)
        title = StandardTitle.LOSS_DISPOSAL if view.is_loss else StandardTitle.SURPLUS_APPROPRIATION
        item = add_titled_item(s, coop_id, meeting, Subject.SETTLEMENT, title, ResolutionKind.ORDINARY)
        row.item_id = item.id
        audit.record(s, coop_id=coop_id, action="meeting.item.add", entity="agenda_item", key=item.id,
                     after={**item_dict(item), "surplus_year": fiscal_year})
        s.flush()
        return _view(s, coop.kind, coop.fiscal_year_start_month, row)


def link_to_item(db: Database, coop_id: int, fiscal_year: int, item_id: int) -> SurplusView:
    """Name the agenda item that decides the appropriation; if it has already passed, book it now."""
    coop = get_coop(db, coop_id)
    with db.write() as s:
        row = existing_year(s, coop_id, fiscal_year)
        check_changeable(s, row)
        seen = resolution_seen(s, coop_id, item_id)
        assert seen is not None
        item = s.get(AgendaItemRow, item_id)
        assert item is not None
        if not seen.general_assembly or item.kind is ResolutionKind.REPORT:
            raise Refusal(N_("The appropriation of the surplus is decided by a resolution of a general assembly."),
                          field="item")
        if item.closed and not seen.passed:
            raise Refusal(N_("Item {item} of the meeting of {held_on} did not pass: it cannot decide the "
                             "appropriation."), field="item", item=seen.position, held_on=seen.held_on)
        _check_shareable(s, coop_id, coop.fiscal_year_start_month, row)
        row.item_id = item_id
        s.flush()
        audit.record(s, coop_id=coop_id, action="capital.surplus.link", entity="surplus_year", key=fiscal_year,
                     after={"item": item_id})
        if seen.passed:
            book_passed(s, coop_id, s.get(MeetingRow, item.meeting_id), item)  # type: ignore[arg-type]
        return _view(s, coop.kind, coop.fiscal_year_start_month, row)


def unlink_item(db: Database, coop_id: int, fiscal_year: int) -> SurplusView:
    """Take the appropriation off the agenda item that was to decide it (not once booked), so that it
    can be changed, or the item removed."""
    coop = get_coop(db, coop_id)
    with db.write() as s:
        row = existing_year(s, coop_id, fiscal_year)
        if row.booked_on is not None:
            check_changeable(s, row)
        if row.item_id is None:
            raise Refusal(N_("The appropriation of fiscal year {year} is on no agenda."), field="item",
                          year=fiscal_year)
        before, row.item_id = row.item_id, None
        s.flush()
        audit.record(s, coop_id=coop_id, action="capital.surplus.unlink", entity="surplus_year", key=fiscal_year,
                     before={"item": before})
        return _view(s, coop.kind, coop.fiscal_year_start_month, row)


def _check_shareable(s: Session, coop_id: int, start_month: int, row: SurplusYearRow) -> None:
    """The dividends can be shared among the members: patronage is entered, someone has paid in."""
    weights = _weights(s, coop_id, start_month, row)
    _shares_of(row, weights)


def check_booking_ready(s: Session, item: AgendaItemRow) -> None:
    """Before a vote is closed or corrected: a year this item decides can be booked if it passes."""
    row = s.execute(select(SurplusYearRow).where(SurplusYearRow.item_id == item.id)).scalar()
    if row is not None and row.booked_on is None:
        coop = get_coop_start(s, row.coop_id)
        _check_shareable(s, row.coop_id, coop, row)


def get_coop_start(s: Session, coop_id: int) -> int:
    from coopdesk.store.models import Coop

    coop = s.get(Coop, coop_id)
    assert coop is not None
    return coop.fiscal_year_start_month


def booked_by(s: Session, item_id: int) -> bool:
    """Has a passed vote on this item booked an appropriation (so a correction cannot undo it)?"""
    return s.execute(select(SurplusYearRow.id).where(SurplusYearRow.item_id == item_id,
                                                     SurplusYearRow.booked_on.is_not(None))).first() is not None


def book_passed(s: Session, coop_id: int, meeting: MeetingRow, item: AgendaItemRow) -> None:
    """The item passed: book the year it decides, if any, on the meeting's day, in the caller's transaction."""
    row = s.execute(select(SurplusYearRow).where(SurplusYearRow.item_id == item.id)).scalar()
    if row is None or row.booked_on is not None:
        return
    weights = _weights(s, coop_id, get_coop_start(s, coop_id), row)
    shares = _shares_of(row, weights)
    credited = _credit_to_capital(s, coop_id, meeting, item, row, shares, weights) if row.dividends_as_capital else {}
    for d in shares:
        s.add(SurplusDividendRow(surplus_id=row.id, member_id=weights.ids[d.number], capital_part=d.capital,
                                 patronage_part=d.patronage, entry_id=credited.get(d.number)))
    row.booked_on = meeting.held_on
    s.flush()
    audit.record(s, coop_id=coop_id, action="capital.surplus.book", entity="surplus_year", key=row.fiscal_year,
                 after={"item": item.id, "booked_on": meeting.held_on, "dividends": len(shares),
                        "capital_dividend": row.capital_dividend, "patronage_dividend": row.patronage_dividend,
                        "legal_reserve": row.legal_reserve, "voluntary_reserve": row.voluntary_reserve,
                        "credited": {str(n): k for n, k in credited.items()}})


def _credit_to_capital(s: Session, coop_id: int, meeting: MeetingRow, item: AgendaItemRow, row: SurplusYearRow,
                       shares: list[MemberDividend], weights: _Weights) -> dict[int, int]:
    """Whole shares of each current member's dividend credited to capital (the rest in cash), as many as
    the cap and the bylaws allow: each checked against the total before any of them is added plus
    their own, which only makes the cap stricter.  Returns the entry id of each member credited,
    by member number."""
    lock_ledger(s, coop_id)
    bylaws = bylaws_on(s, coop_id, meeting.held_on)
    price = bylaws.share_price
    held = holdings(s, coop_id)
    total = total_shares(s, coop_id)
    credit: list[tuple[Member, int]] = []
    for d in shares:  # by member number
        member = s.get(Member, weights.ids[d.number])
        assert member is not None
        if not standing_of(member).status_on(meeting.held_on).is_current:
            continue  # a member who has left is paid in cash
        h = held.get(member.id, Holding())
        limit = most_under_cap(total - h.shares) - h.shares
        if bylaws.max_shares_per_member is not None:
            limit = min(limit, bylaws.max_shares_per_member - h.shares)
        count = min(d.total // price, max(0, limit))
        if count > 0:
            credit.append((member, count))
    first = take_numbers(s, coop_id, len(credit)) if credit else 0
    entries = {}
    for n, (member, count) in enumerate(credit, start=first):
        entry = add_entry(s, coop_id, n, member, EntryKind.DIVIDEND, meeting.held_on, count, count * price, price,
                          item_id=item.id, surplus_id=row.id)
        entries[member.number] = entry.id
    return entries


def last_ended_year(start_month: int, today: dt.date | None = None) -> int:
    """The fiscal year that ended last (the one the year's papers and the surplus dialog offer first)."""
    return last_ended_fiscal_year(start_month, today or dt.date.today())
