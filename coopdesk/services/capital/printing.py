"""The member's capital papers, filled from the ledger and printed to PDF in the language the
user picks: share certificates (출자증서), a member's capital statement (출자금 확인서), the
capital register (조합원별 출자 현황) and a leaver's refund statement (지분환급 명세).

As every paper, rendered in memory and written over the target only once complete; a refusal
(a member with no paid-in capital, a member who has not left) comes before anything is written.
``progress(done, total)`` returning False cancels (a certificate, or a page of the register, at a time).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from coopdesk.domain.capital.ledger import EntryKind
from coopdesk.domain.capital.papers import (
    CapitalRegisterPaper,
    Certificate,
    CertificatePaper,
    CoopFacts,
    Holder,
    Payment,
    RefundPaper,
    RegisterLine,
    RegisterTotals,
    ResolutionFacts,
    StatementLine,
    StatementPaper,
    certificate_number,
)
from coopdesk.domain.capital.refunds import refund_window
from coopdesk.domain.errors import Refusal
from coopdesk.domain.officers.terms import Office
from coopdesk.domain.text import N_
from coopdesk.i18n import Translator
from coopdesk.services.audit import current_mark
from coopdesk.services.capital.balances import balances
from coopdesk.services.capital.ledger import ledger_entries
from coopdesk.services.capital.reading import ENTRY, entries_query, entry_views
from coopdesk.services.capital.refunds import refund_claim
from coopdesk.services.capital.rows import bylaws_on
from coopdesk.services.capital.views import EntryView
from coopdesk.services.coops import get_coop
from coopdesk.services.members.listing import list_members
from coopdesk.services.members.member import MemberView, get_member
from coopdesk.services.members.rows import MemberRow, left_on
from coopdesk.services.officers.terms import TermStatus, list_terms
from coopdesk.services.printing import PrintResult, count_pages, write_pdf
from coopdesk.store.database import Database
from coopdesk.store.models import Member

if TYPE_CHECKING:  # reportlab loads only when a paper is printed
    from coopdesk.documents.base import Progress

# Entries that add to a member's paid-in capital: the dates a certificate lists.
_PAID_IN = (EntryKind.PAYMENT, EntryKind.DIVIDEND, EntryKind.TRANSFER)


class CapitalPaperKind(StrEnum):
    CERTIFICATE = "certificate"
    STATEMENT = "capital-statement"
    REGISTER = "capital-register"
    REFUND = "refund-statement"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def for_a_member(self) -> bool:
        """The paper is about one member (a certificate may also be printed for all)."""
        return self is not CapitalPaperKind.REGISTER


_LABELS = {
    CapitalPaperKind.CERTIFICATE: N_("Share certificate"),
    CapitalPaperKind.STATEMENT: N_("Capital statement"),
    CapitalPaperKind.REGISTER: N_("Capital register"),
    CapitalPaperKind.REFUND: N_("Refund statement"),
}
_ALL_CERTIFICATES = N_("Share certificates")


# -- the facts every paper states ------------------------------------------------------------------

def coop_facts(db: Database, coop_id: int, on: dt.date) -> CoopFacts:
    coop = get_coop(db, coop_id)
    with db.read() as s:
        price = bylaws_on(s, coop_id, on).share_price
    return CoopFacts(coop.name, coop.main_office, _chair(db, coop_id, on), price, current_mark(db).text())


def _chair(db: Database, coop_id: int, on: dt.date) -> str:
    """The chair (이사장) in office on ``on``, who signs for the co-op; "" when none is recorded."""
    for term in list_terms(db, coop_id):
        if term.term.office is Office.CHAIR and term.status_on(on) is TermStatus.IN_OFFICE:
            return term.person.name
    return ""


def _holder(db: Database, coop_id: int, member: int, on: dt.date) -> Holder:
    return _holder_of_view(get_member(db, coop_id, member, today=on))


def _holder_of_view(m: MemberView) -> Holder:
    d = m.details
    return Holder(m.number, d.name, d.birth_date, d.member_type, d.address, m.standing.joined_on, m.status)


def _holder_of(row: MemberRow) -> Holder:
    return Holder(row.number, row.name, row.birth_date, row.member_type, row.address, row.joined_on, row.status)


def _today(day: dt.date | None) -> dt.date:
    return day or dt.date.today()


# -- share certificates ----------------------------------------------------------------------------

def certificate_paper(db: Database, coop_id: int, member: int | None = None, *,
                      issued_on: dt.date | None = None) -> CertificatePaper:
    """One member's certificate, or (``member`` None) one for every member on the register
    holding paid-in capital on the day of issue, by member number."""
    day = _today(issued_on)
    facts = coop_facts(db, coop_id, day)
    if member is not None:
        certificates = [_certificate(_holder(db, coop_id, member, day),
                                     ledger_entries(db, coop_id, member=member, until=day), facts.share_price)]
        if certificates[0].paid <= 0:
            raise Refusal(N_("Member {number} has no paid-in capital: there is nothing to certify."),
                          field="member", number=member)
        return CertificatePaper(facts, day, certificates)
    held = {c.number: c for c in balances(db, coop_id, as_of=day)}
    holders = tuple(_holder_of(row) for row in list_members(db, coop_id, today=day)
                    if row.status.is_current and held.get(row.number) and held[row.number].paid > 0)
    if not holders:
        raise Refusal(N_("No member holds paid-in capital on {date}: there is nothing to certify."), date=day)
    return CertificatePaper(facts, day, _Certificates(db, coop_id, holders, day, facts.share_price,
                                                      _last_entry(db, coop_id)))


# Members whose entries are read at a time while every member's certificate is drawn.
CERTIFICATE_BATCH = 500


@dataclass(frozen=True, eq=False)
class _Certificates(Sequence[Certificate]):
    """Every holder's certificate, their entries read a batch of members at a time as the pages are
    drawn: 100,000 members' ledger (a million entries) is never in memory at once.  Entries
    numbered after ``last`` (written since the paper was begun) are left out, so every page shows
    the ledger of one moment; the ledger is append-only, so that moment is exact."""

    db: Database
    coop_id: int
    holders: tuple[Holder, ...]
    day: dt.date
    price: int
    last: int

    def __len__(self) -> int:
        return len(self.holders)

    def __getitem__(self, index):  # type: ignore[no-untyped-def,override]
        if isinstance(index, slice):
            return self._batch(self.holders[index])
        return self._batch((self.holders[index],))[0]

    def __iter__(self) -> Iterator[Certificate]:
        for start in range(0, len(self.holders), CERTIFICATE_BATCH):
            yield from self._batch(self.holders[start:start + CERTIFICATE_BATCH])

    def _batch(self, holders: Sequence[Holder]) -> list[Certificate]:
        numbers = [h.number for h in holders]
        with self.db.read() as s:
            views = entry_views(s, entries_query().where(ENTRY.coop_id == self.coop_id, Member.number.in_(numbers),
                                                         ENTRY.entry_on <= self.day, ENTRY.number <= self.last))
        entries: dict[int, list[EntryView]] = {n: [] for n in numbers}
        for e in views:
            entries[e.member].append(e)
        return [_certificate(h, entries[h.number], self.price) for h in holders]


def _last_entry(db: Database, coop_id: int) -> int:
    with db.read() as s:
        return int(s.execute(select(func.coalesce(func.max(ENTRY.number), 0)).where(ENTRY.coop_id == coop_id))
                   .scalar_one())


def _certificate(holder: Holder, entries: Sequence[EntryView], price: int) -> Certificate:
    shares = sum(e.shares for e in entries)
    paid = sum(e.amount for e in entries)
    payments = tuple(Payment(e.on, e.kind, e.amount) for e in entries
                     if e.kind in _PAID_IN and e.amount > 0 and e.reversed_by is None)
    last = max((e.number for e in entries), default=0)
    return Certificate(certificate_number(holder.number, last), holder, shares, paid, shares * price - paid, payments)


# -- a member's capital statement ------------------------------------------------------------------

def statement_paper(db: Database, coop_id: int, member: int, *, as_of: dt.date | None = None,
                    issued_on: dt.date | None = None) -> StatementPaper:
    """A member's capital on ``as_of`` (default: the day of issue) and the entries that made it."""
    issued = _today(issued_on)
    day = as_of or issued
    facts = coop_facts(db, coop_id, day)
    entries = ledger_entries(db, coop_id, member=member, until=day)
    shares, paid = sum(e.shares for e in entries), sum(e.amount for e in entries)
    lines = tuple(StatementLine(e.number, e.on, e.kind, e.shares, e.amount, e.note) for e in entries)
    return StatementPaper(facts, day, issued, _holder(db, coop_id, member, day), shares, paid,
                          shares * facts.share_price - paid, lines)


# -- the capital register --------------------------------------------------------------------------

def register_paper(db: Database, coop_id: int, *, as_of: dt.date | None = None) -> CapitalRegisterPaper:
    """Every member who holds shares or paid-in capital on ``as_of``, or is on the register that day,
    with the totals."""
    day = _today(as_of)
    facts = coop_facts(db, coop_id, day)
    joined = {row.number: row.joined_on for row in list_members(db, coop_id, today=day)}
    lines = [RegisterLine(c.number, c.name, c.status, joined.get(c.number), c.shares, c.paid, c.unpaid)
             for c in balances(db, coop_id, as_of=day) if c.shares or c.paid or c.status.is_current]
    totals = RegisterTotals(sum(1 for line in lines if line.status.is_current),
                            sum(1 for line in lines if line.shares > 0), sum(line.shares for line in lines),
                            sum(line.paid for line in lines), sum(line.unpaid for line in lines))
    return CapitalRegisterPaper(facts, day, lines, totals)


# -- a refund statement ----------------------------------------------------------------------------

def refund_paper(db: Database, coop_id: int, member: int, *, issued_on: dt.date | None = None) -> RefundPaper:
    """The leaver's refund: as refunded (the ledger's refund entry), or as due on the day of issue."""
    day = _today(issued_on)
    facts = coop_facts(db, coop_id, day)
    m = get_member(db, coop_id, member, today=day)
    holder = _holder_of_view(m)
    done = [e for e in ledger_entries(db, coop_id, member=member, kinds=[EntryKind.REFUND], until=day)
            if e.reversed_by is None]
    if done:
        e = done[-1]
        left = left_on(m.standing, e.on) or e.on
        window = refund_window(left, get_coop(db, coop_id).fiscal_year_start_month)
        return RefundPaper(facts, day, holder, left, window, window.state_on(e.on), -e.shares, -e.amount,
                           e.loss_share, e.equity_extra, e.on, e.number, None, _resolution(db, coop_id, e.item_id))
    claim = refund_claim(db, coop_id, member, day)  # refuses a member who has not left or holds nothing
    return RefundPaper(facts, day, holder, claim.window.left_on, claim.window, claim.state, claim.shares,
                       claim.paid_in, 0, 0, None, None, claim.withheld_since, None)


def _resolution(db: Database, coop_id: int, item_id: int | None) -> ResolutionFacts | None:
    if item_id is None:
        return None
    from coopdesk.services.capital.rows import resolution_seen
    from coopdesk.services.meetings.agenda import get_item
    from coopdesk.services.meetings.meeting import get_meeting
    from coopdesk.services.meetings.rows import item_row

    item = get_item(db, coop_id, item_id)
    with db.read() as s:
        seen = resolution_seen(s, coop_id, item_id)
        meeting_id = item_row(s, coop_id, item_id).meeting_id
    assert seen is not None
    meeting = get_meeting(db, coop_id, meeting_id)
    title = item.title_code.message if item.title_code is not None else item.typed_title
    return ResolutionFacts(item.position, title, meeting.title, meeting.held_on, seen.special, seen.passed,
                           item.title_code is not None)


# -- rendering and printing ------------------------------------------------------------------------

def render_capital_paper(db: Database, coop_id: int, kind: CapitalPaperKind, language: str, *,
                         member: int | None = None, as_of: dt.date | None = None,
                         issued_on: dt.date | None = None, progress: Progress | None = None) -> bytes:
    """The paper as PDF bytes.  ``member`` None: a certificate for every member holding capital;
    ``as_of``: the day of a statement or of the register."""
    if kind is CapitalPaperKind.CERTIFICATE:
        from coopdesk.documents.capital.certificate import render_certificates

        return render_certificates(certificate_paper(db, coop_id, member, issued_on=issued_on), language,
                                   progress=progress)
    if kind is CapitalPaperKind.REGISTER:
        from coopdesk.documents.capital.register import render_capital_register

        return render_capital_register(register_paper(db, coop_id, as_of=as_of), language, progress=progress)
    if member is None:
        raise Refusal(N_("Choose the member the paper is about."), field="member")
    if kind is CapitalPaperKind.STATEMENT:
        from coopdesk.documents.capital.statement import render_statement

        return render_statement(statement_paper(db, coop_id, member, as_of=as_of, issued_on=issued_on), language,
                                progress=progress)
    from coopdesk.documents.capital.refund import render_refund_statement

    return render_refund_statement(refund_paper(db, coop_id, member, issued_on=issued_on), language,
                                   progress=progress)


def print_capital_paper(db: Database, coop_id: int, kind: CapitalPaperKind, path: str | Path, language: str, *,
                        member: int | None = None, as_of: dt.date | None = None, issued_on: dt.date | None = None,
                        progress: Progress | None = None) -> PrintResult:
    pdf = render_capital_paper(db, coop_id, kind, language, member=member, as_of=as_of, issued_on=issued_on,
                               progress=progress)
    return PrintResult(write_pdf(path, pdf), count_pages(pdf))


def capital_paper_name(kind: CapitalPaperKind, language: str, *, member: int | None = None, name: str = "",
                       day: dt.date | None = None) -> str:
    """A file name like "2026-03-01 출자증서 12 김민준.pdf", safe on Windows."""
    t = Translator(language)
    label = t.gettext(_ALL_CERTIFICATES if kind is CapitalPaperKind.CERTIFICATE and member is None else kind.label)
    who = f" {member} {name}" if member is not None else ""
    return _safe(f"{_today(day).isoformat()} {label}{who}")


def _safe(name: str) -> str:
    return " ".join(re.sub(r'[\\/:*?"<>|]+', " ", name).split()) + ".pdf"
