"""Importing a capital list (조합원별 출자 현황) from Excel or CSV: all of it, or nothing.

Each row is a member's subscription (member number, shares, the day subscribed) and what they
have paid of it (amount and day).  Every row is checked as the subscription and payment
forms would check it, and the law on the totals after the whole file (the 30% cap, the
bylaws' minimum and maximum): if any row is wrong nothing is imported and every wrong row
is listed with its line.  The good case is one transaction with one audit entry; an
admitted applicant whose payment completes the bylaws' condition becomes a member on its day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from coopdesk.domain.capital.checks import Check
from coopdesk.domain.capital.ledger import EntryKind, Holding, check_entry_date
from coopdesk.domain.capital.money import Won
from coopdesk.domain.capital.rules import growing_checks
from coopdesk.domain.coop import BylawsSettings
from coopdesk.domain.errors import ImportRejected, Refusal, RowProblem
from coopdesk.domain.text import N_
from coopdesk.services import audit, table_files
from coopdesk.services.capital.joining import after_payment
from coopdesk.services.capital.rows import bylaws_on, holdings, lock_ledger, standing_of, take_numbers, total_shares
from coopdesk.services.coops import get_coop
from coopdesk.services.members.importing import display, parse_date
from coopdesk.services.table_files import Progress, TableRow, Value
from coopdesk.services.table_headings import guess_columns, known_headings
from coopdesk.store.bulk import insert_many
from coopdesk.store.database import Database
from coopdesk.store.models import CapitalEntryRow, CapitalInstalmentRow, Member

if TYPE_CHECKING:
    from coopdesk.services.capital.surplus import SurplusView

Mapping = dict[str, int | None]


@dataclass(frozen=True, slots=True)
class CapitalField:
    key: str
    label: str  # message id, translated where it is shown
    required: bool = False


FIELDS: tuple[CapitalField, ...] = (
    CapitalField("member", N_("Member number"), required=True),
    CapitalField("shares", N_("Shares"), required=True),
    CapitalField("subscribed_on", N_("Subscription date"), required=True),
    CapitalField("paid", N_("Paid in")),
    CapitalField("paid_on", N_("Payment date")),
    CapitalField("note", N_("Notes")),
)
FIELD_KEYS = tuple(f.key for f in FIELDS)

_HEADINGS: dict[str, tuple[str, ...]] = {
    "member": ("조합원번호", "번호", "회원번호", "member", "membernumber", "memberno", "number", "no"),
    "shares": ("출자좌수", "좌수", "구좌", "출자구좌", "shares", "sharessubscribed", "numberofshares"),
    "subscribed_on": ("출자일", "청약일", "출자청약일", "출자일자", "subscribed", "subscribedon", "subscriptiondate"),
    "paid": ("납입액", "납입금액", "납입출자금", "출자금", "paid", "paidin", "amountpaid", "amount"),
    "paid_on": ("납입일", "납입일자", "paidon", "paymentdate", "datepaid"),
    "note": ("비고", "메모", "notes", "note", "remarks"),
}
_NOT_MONEY = re.compile(r"[\s,원₩]|KRW", re.IGNORECASE)


def guess_mapping(headers: Sequence[str]) -> Mapping:
    """Which column holds which field, from the headings (Korean, English, or CoopDesk's own)."""
    known = known_headings(_HEADINGS, ((f.key, f.label) for f in FIELDS))
    return guess_columns(headers, FIELD_KEYS, known, _HEADINGS)


_MISSING = {
    "member": N_("Choose the column that holds the member numbers."),
    "shares": N_("Choose the column that holds the shares subscribed."),
    "subscribed_on": N_("Choose the column that holds the subscription dates."),
}


def check_mapping(mapping: Mapping, width: int | None = None) -> None:
    unknown = set(mapping) - set(FIELD_KEYS)
    if unknown:
        raise ValueError(f"unknown import fields {sorted(unknown)}")
    for key, message in _MISSING.items():
        if mapping.get(key) is None:
            raise Refusal(message, field=key)
    used = [c for c in mapping.values() if c is not None]
    for column in used:
        if used.count(column) > 1:
            raise Refusal(N_("Column {column} is chosen for two fields; choose it for one only."),
                          field="mapping", column=column + 1)
        if column < 0 or (width is not None and column >= width):
            raise Refusal(N_("The file has no column {column}."), field="mapping", column=column + 1)


@dataclass(frozen=True, slots=True)
class CapitalPreview:
    headers: tuple[str, ...]
    rows: list[tuple[int, tuple[str, ...]]]  # (line in the file, cells as shown)
    total: int
    mapping: Mapping
    encoding: str | None


def preview(path: str | Path, encoding: str | None = None, rows: int = 20) -> CapitalPreview:
    table = table_files.read_table(path, encoding=encoding, limit=rows)
    shown = [(r.line, tuple(display(v) for v in r.values)) for r in table.rows]
    return CapitalPreview(table.headers, shown, table.row_count, guess_mapping(table.headers), table.encoding)


@dataclass(frozen=True, slots=True)
class CapitalRow:
    """One row of the file, checked on its own."""

    line: int
    member: int
    shares: int
    subscribed_on: dt.date
    paid: int
    paid_on: dt.date | None
    note: str


@dataclass(frozen=True, slots=True)
class CapitalImportResult:
    rows: int
    first_entry: int
    last_entry: int
    shares: int
    paid: int
    joined: tuple[tuple[int, dt.date], ...]  # applicants who became members by their payment


def import_capital(db: Database, coop_id: int, path: str | Path, mapping: Mapping, *, encoding: str | None = None,
                   today: dt.date | None = None, progress: Progress | None = None) -> CapitalImportResult:
    """Every row of the file as a subscription and its payment, or nothing (``ImportRejected``)."""
    today = today or dt.date.today()
    get_coop(db, coop_id)  # refuses a co-op that is not in the file
    check_mapping(mapping)
    with table_files.open_table(path, encoding=encoding, progress=progress) as table:
        check_mapping(mapping, len(table.headers))
        rows = _read_rows(table.rows, mapping, len(table.headers), today)
    if not rows:
        raise Refusal(N_("The file holds no subscriptions to import."), field="path")
    with db.write() as s:
        lock_ledger(s, coop_id)
        members = _members(s, coop_id)
        _check_rows(s, coop_id, rows, members, today)
        return _write(s, coop_id, rows, members, today)


def _read_rows(rows: Iterable[TableRow], mapping: Mapping, width: int, today: dt.date) -> list[CapitalRow]:
    """Each row on its own (numbers, dates); every bad one listed with its line."""
    picks = [width if mapping.get(k) is None else mapping[k] for k in FIELD_KEYS]
    good: list[CapitalRow] = []
    problems: list[RowProblem] = []
    for row in rows:
        values = (*row.values, None)
        member, shares, subscribed, paid, paid_on, note = (values[i] for i in picks)  # type: ignore[index]
        try:
            good.append(_row(row.line, member, shares, subscribed, paid, paid_on, note, today))
        except Refusal as refusal:
            refusal.__traceback__ = refusal.__context__ = None
            problems.append(RowProblem(row.line, refusal))
    if problems:
        raise ImportRejected(problems)
    return good


def _row(line: int, member: Value, shares: Value, subscribed: Value, paid: Value, paid_on: Value, note: Value,
         today: dt.date) -> CapitalRow:
    number = whole(member, "member")
    count = whole(shares, "shares")
    if number <= 0:
        raise Refusal(N_("\u201c{value}\u201d is not a member number."), field="member", value=display(member))
    if count <= 0:
        raise Refusal(N_("The shares subscribed must be more than 0."), field="shares")
    on = parse_date(subscribed, "subscribed_on") if subscribed not in (None, "") else None
    if on is None:
        raise Refusal(N_("The subscription date is missing."), field="subscribed_on")
    check_entry_date(on, today, "subscribed_on")
    amount = whole(paid, "paid") if paid not in (None, "") else 0
    if amount < 0:
        raise Refusal(N_("The amount paid cannot be less than 0 won."), field="paid")
    day = parse_date(paid_on, "paid_on") if paid_on not in (None, "") else (on if amount else None)
    if day is not None:
        check_entry_date(day, today, "paid_on")
        if day < on:
            raise Refusal(N_("The payment cannot be dated before the subscription ({date})."), field="paid_on",
                          date=on)
    text = display(note).strip() if note is not None else ""
    return CapitalRow(line, number, count, on, amount, day if amount else None, text)


def whole(value: Value, field: str) -> int:
    """A whole number from a cell: 10000, 10000.0, "10,000", "10,000원"."""
    if isinstance(value, bool):
        raise Refusal(N_("\u201c{value}\u201d is not a whole number."), field=field, value=str(value))
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = _NOT_MONEY.sub("", display(value))
    try:
        return int(text)
    except ValueError:
        raise Refusal(N_("\u201c{value}\u201d is not a whole number."), field=field, value=display(value)) from None


def _members(s: Session, coop_id: int) -> dict[int, Member]:
    return {m.number: m for m in s.execute(select(Member).where(Member.coop_id == coop_id)).scalars()}


class _BylawsOn(dict):  # type: ignore[type-arg]
    """The bylaws in force on each day, read once a day: a file of thousands of rows is dated on a
    few days, and reading the bylaws for every row held the write lock for seconds."""

    def __init__(self, s: Session, coop_id: int) -> None:
        super().__init__()
        self.s, self.coop_id = s, coop_id

    def __missing__(self, day: dt.date) -> BylawsSettings:
        found = self[day] = bylaws_on(self.s, self.coop_id, day)
        return found


def _check_rows(s: Session, coop_id: int, rows: list[CapitalRow], members: dict[int, Member], today: dt.date) -> None:
    """Each row against the register and the bylaws, then the law on the totals after the whole file."""
    problems: list[RowProblem] = []
    held = holdings(s, coop_id)
    added: dict[int, int] = defaultdict(int)
    paid: dict[int, int] = defaultdict(int)
    last_line: dict[int, int] = {}
    bylaws = _BylawsOn(s, coop_id)
    for r in rows:
        try:
            m = members.get(r.member)
            if m is None:
                raise Refusal(N_("There is no member number {number}."), field="member", number=r.member)
            _check_member_row(m, r, bylaws[r.subscribed_on])
        except Refusal as refusal:
            problems.append(RowProblem(r.line, refusal))
            continue
        added[r.member] += r.shares
        paid[r.member] += r.paid
        last_line[r.member] = r.line
    if problems:  # the totals of a file that is to be corrected would say nothing
        raise ImportRejected(problems)
    total = total_shares(s, coop_id) + sum(added.values())
    law_of_today = bylaws[today]
    for number, count in added.items():
        m = members[number]
        h = held.get(m.id, Holding())
        checks: list[Check] = list(growing_checks(number, h.shares + count, total, law_of_today))
        unpaid = (h.shares + count) * law_of_today.share_price - h.paid - paid[number]
        for c in checks:
            if not c.passed:
                problems.append(RowProblem(last_line[number], c.refusal()))
        if unpaid < 0:
            problems.append(RowProblem(last_line[number], Refusal(
                N_("Member {number} would have paid {over} more than the shares subscribed cost."),
                field="paid", number=number, over=Won(-unpaid))))
    if problems:
        raise ImportRejected(sorted(problems, key=lambda p: p.line))


def _check_member_row(m: Member, r: CapitalRow, bylaws: BylawsSettings) -> None:
    st = standing_of(m)
    if st.left_on is not None or (st.leaves_on is not None and st.leaves_on <= r.subscribed_on):
        raise Refusal(N_("Member {number} has left the co-op: no shares are subscribed, paid or received for them."),
                      field="member", number=m.number)
    if st.applied_on is not None and r.subscribed_on < st.applied_on:
        raise Refusal(N_("A subscription cannot be dated before the application on {applied}. Check the date."),
                      field="subscribed_on", applied=st.applied_on)
    if r.paid > r.shares * bylaws.share_price:
        raise Refusal(N_("{paid} paid is more than the {cost} the {shares} shares cost."), field="paid",
                      paid=Won(r.paid), cost=Won(r.shares * bylaws.share_price), shares=r.shares)


def _write(s: Session, coop_id: int, rows: list[CapitalRow], members: dict[int, Member],
           today: dt.date) -> CapitalImportResult:
    count = len(rows) + sum(1 for r in rows if r.paid)
    first = take_numbers(s, coop_id, count)
    bylaws = _BylawsOn(s, coop_id)
    now = dt.datetime.now()
    entries: list[tuple[object, ...]] = []
    subscriptions: list[tuple[int, dt.date, int]] = []  # each subscription's instalment: all due on its day
    number = first
    for r in rows:
        price = bylaws[r.subscribed_on].share_price
        member_id = members[r.member].id
        entries.append((coop_id, number, member_id, EntryKind.SUBSCRIPTION, r.subscribed_on, r.shares, 0, price,
                        r.note, now, 0, 0))
        subscriptions.append((number, r.subscribed_on, r.shares * price))
        number += 1
        if r.paid:
            entries.append((coop_id, number, member_id, EntryKind.PAYMENT, r.paid_on, 0, r.paid, price, "", now, 0, 0))
            number += 1
    insert_many(s.connection(), _ENTRIES, _ENTRY_COLUMNS, entries)
    ids = dict(s.execute(select(CapitalEntryRow.number, CapitalEntryRow.id).where(
        CapitalEntryRow.coop_id == coop_id, CapitalEntryRow.number >= first)).all())
    insert_many(s.connection(), _INSTALMENTS, ("entry_id", "position", "due_on", "amount"),
                [(ids[number], 1, on, whole) for number, on, whole in subscriptions])
    joined = _joined(s, coop_id, rows, members, today, bylaws)
    audit.record(s, coop_id=coop_id, action="capital.import", entity="capital_entry",
                 key=f"{first}-{first + count - 1}",
                 after=[{"number": e[1], "member": r_member, "kind": e[3], "on": e[4], "shares": e[5], "amount": e[6],
                         "note": e[8]} for e, r_member in zip(entries, _members_of(rows))])
    return CapitalImportResult(len(rows), first, first + count - 1, sum(r.shares for r in rows),
                               sum(r.paid for r in rows), joined)


_ENTRIES: Table = CapitalEntryRow.__table__  # type: ignore[assignment]
_INSTALMENTS: Table = CapitalInstalmentRow.__table__  # type: ignore[assignment]
_ENTRY_COLUMNS = ("coop_id", "number", "member_id", "kind", "entry_on", "shares", "amount", "share_price", "note",
                  "recorded_at", "loss_share", "equity_extra")


def _members_of(rows: list[CapitalRow]) -> Iterable[int]:
    for r in rows:
        yield r.member
        if r.paid:
            yield r.member


def _joined(s: Session, coop_id: int, rows: list[CapitalRow], members: dict[int, Member],
            today: dt.date, bylaws_of: _BylawsOn) -> tuple[tuple[int, dt.date], ...]:
    """Applicants whose payments in the file complete the bylaws' condition join on the day of the
    payment that completes it (their payments taken in date order)."""
    from coopdesk.services.capital.joining import joining_of
    from coopdesk.services.capital.rows import holding_of

    joined = []
    paid_by: dict[int, list[tuple[dt.date, int]]] = defaultdict(list)
    for r in rows:
        if r.paid and r.paid_on is not None and standing_of(members[r.member]).joined_on is None:
            paid_by[r.member].append((r.paid_on, r.paid))
    for number in sorted(paid_by):
        m = members[number]
        h = holding_of(s, m.id)
        payments = sorted(paid_by[number])
        before = h.paid - sum(amount for _day, amount in payments)
        for day, amount in payments:
            before += amount
            bylaws = bylaws_of[day]
            condition = joining_of(s, m, bylaws, Holding(h.shares, before))
            if condition is not None and condition.joins:
                found = after_payment(s, coop_id, m, bylaws, Holding(h.shares, before), day, today)
                if found is not None:
                    joined.append(found)
                break
    return tuple(joined)


# -- patronage (이용실적) for the year's dividends ---------------------------------------------------

PATRONAGE_FIELDS = ("member", "amount")
_PATRONAGE_HEADINGS = {
    "member": _HEADINGS["member"],
    "amount": ("이용실적", "이용금액", "이용액", "사업이용실적", "이용고", "patronage", "use", "amount", "purchases"),
}


def guess_patronage_mapping(headers: Sequence[str]) -> Mapping:
    known = known_headings(_PATRONAGE_HEADINGS, ())
    return guess_columns(headers, PATRONAGE_FIELDS, known, _PATRONAGE_HEADINGS)


def import_patronage(db: Database, coop_id: int, fiscal_year: int, path: str | Path, mapping: Mapping | None = None,
                     *, encoding: str | None = None) -> SurplusView:
    """Each member's use of the co-op's business in the year, from a file (member number, won): all
    rows or none, every bad row listed by line; it replaces what was entered before."""
    from coopdesk.services.capital.surplus import check_changeable, existing_year, replace_patronage

    coop = get_coop(db, coop_id)
    with table_files.open_table(path, encoding=encoding) as table:
        mapping = mapping or guess_patronage_mapping(table.headers)
        if mapping.get("member") is None:
            raise Refusal(N_("Choose the column that holds the member numbers."), field="member")
        if mapping.get("amount") is None:
            raise Refusal(N_("Choose the column that holds each member's use of the co-op."), field="amount")
        width = len(table.headers)
        pick = [width if mapping[k] is None else mapping[k] for k in PATRONAGE_FIELDS]
        found: list[tuple[int, int, int]] = []
        problems: list[RowProblem] = []
        for row in table.rows:
            values = (*row.values, None)
            try:
                number, amount = whole(values[pick[0]], "member"), whole(values[pick[1]], "amount")  # type: ignore[index]
                if amount < 0:
                    raise Refusal(N_("The amount cannot be less than 0 won."), field="amount")
                found.append((row.line, number, amount))
            except Refusal as refusal:
                problems.append(RowProblem(row.line, refusal))
    with db.write() as s:
        members = {n: i for n, i in s.execute(select(Member.number, Member.id).where(Member.coop_id == coop_id))}
        seen: dict[int, int] = {}
        for line, number, _amount in found:
            if number not in members:
                problems.append(RowProblem(line, Refusal(N_("There is no member number {number}."), field="member",
                                                         number=number)))
            elif number in seen:
                problems.append(RowProblem(line, Refusal(N_("Member {number} is already on line {line}."),
                                                         field="member", number=number, line=seen[number])))
            else:
                seen[number] = line
        if problems:
            raise ImportRejected(sorted(problems, key=lambda p: p.line))
        year = existing_year(s, coop_id, fiscal_year)
        check_changeable(s, year)
        return replace_patronage(s, coop, year, {n: a for _line, n, a in found}, members)
