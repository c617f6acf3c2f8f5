"""The capital area's papers of a fiscal year, filled from the register and the ledger and printed
to PDF in the language the user picks:

- the year's report of the member count and paid-in capital to the city or province (조합원 수 및
  납입출자금 신고), due within 3 months after the fiscal year ends (Act 22③);
- the appropriation statement (잉여금처분안, or 결손금처리안 for a loss) that the ordinary assembly
  receives, with the law's limits and checks (``services.capital.surplus``) and each member's
  dividend as an annex.

As every paper, rendered in memory and written over the target only once complete.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from coopdesk.domain.capital.ledger import EntryKind
from coopdesk.domain.capital.refunds import fiscal_year_end, fiscal_year_start
from coopdesk.domain.capital.reports import (
    AppropriationPaper,
    AssemblyItem,
    CapitalMoves,
    DividendLine,
    TypeLine,
    YearReportPaper,
)
from coopdesk.domain.coop import CoopKind
from coopdesk.domain.errors import Refusal
from coopdesk.domain.fields import check_date
from coopdesk.domain.text import N_
from coopdesk.i18n import Translator
from coopdesk.services.capital.balances import balances
from coopdesk.services.capital.ledger import ledger_entries
from coopdesk.services.capital.printing import coop_facts
from coopdesk.services.capital.surplus import SurplusView, dividends_of, get_year
from coopdesk.services.coops import get_coop
from coopdesk.services.members.listing import list_members
from coopdesk.services.printing import PrintResult, count_pages, write_pdf
from coopdesk.store.database import Database

if TYPE_CHECKING:  # reportlab loads only when a paper is printed
    from coopdesk.documents.base import Progress


class CapitalReportKind(StrEnum):
    YEAR_REPORT = "year-report"
    APPROPRIATION = "appropriation"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    CapitalReportKind.YEAR_REPORT: N_("Report of members and paid-in capital"),
    CapitalReportKind.APPROPRIATION: N_("Appropriation statement"),
}


def _today(day: dt.date | None) -> dt.date:
    return day or dt.date.today()


def _check_year(year: int) -> None:
    if not 1900 <= year <= 2099:
        raise Refusal(N_("The fiscal year must be between 1900 and 2100."), field="fiscal_year")


# -- the year's report of members and paid-in capital (Act 22③) ---------------------------------------

def year_report_paper(db: Database, coop_id: int, fiscal_year: int, *,
                      issued_on: dt.date | None = None) -> YearReportPaper:
    """The members on the register at the start and the end of ``fiscal_year`` by member type, who
    joined and left during it, and the paid-in capital at its end with how it moved."""
    _check_year(fiscal_year)
    coop = get_coop(db, coop_id)
    first = fiscal_year_start(fiscal_year, coop.fiscal_year_start_month)
    last = fiscal_year_end(fiscal_year, coop.fiscal_year_start_month)
    issued = _today(issued_on)
    check_date(issued, "issued_on")
    if issued <= last:
        raise Refusal(N_("Fiscal year {year} ends on {date}: its report is made after that day."),
                      field="fiscal_year", year=fiscal_year, date=last)
    before = {r.number: r for r in list_members(db, coop_id, today=first - dt.timedelta(days=1))}
    end = list_members(db, coop_id, today=last)
    held = {c.number: c for c in balances(db, coop_id, as_of=last)}
    types = list(coop.member_types) + sorted({r.member_type for r in end} - set(coop.member_types))
    count: dict[str, Counter[str]] = {t: Counter() for t in types}
    for r in end:
        c = count[r.member_type]
        c["at_start"] += bool(r.number in before and before[r.number].status.is_current)
        c["at_end"] += r.status.is_current
        c["joined"] += bool(r.joined_on is not None and first <= r.joined_on <= last)
        c["left"] += bool(r.left_on is not None and first <= r.left_on <= last)
        h = held.get(r.number)
        if h is not None:
            c["shares"] += h.shares
            c["paid_in"] += h.paid
    lines = tuple(TypeLine(t, **{k: count[t][k] for k in ("at_start", "at_end", "joined", "left", "shares",
                                                          "paid_in")}) for t in types)
    current = {r.number for r in end if r.status.is_current}
    return YearReportPaper(
        coop_facts(db, coop_id, last), coop.kind is CoopKind.SOCIAL, fiscal_year, first, last, issued, lines,
        sum(h.shares for h in held.values()), sum(1 for n, h in held.items() if n in current and h.shares > 0),
        _capital_moves(db, coop_id, first, last))


def _capital_moves(db: Database, coop_id: int, first: dt.date, last: dt.date) -> CapitalMoves:
    at_start = sum(c.paid for c in balances(db, coop_id, as_of=first - dt.timedelta(days=1)))
    at_end = sum(c.paid for c in balances(db, coop_id, as_of=last))
    moved: Counter[EntryKind] = Counter()
    for e in ledger_entries(db, coop_id, since=first, until=last):
        moved[e.kind] += e.amount
    return CapitalMoves(at_start, moved[EntryKind.PAYMENT], moved[EntryKind.DIVIDEND], -moved[EntryKind.REFUND],
                        moved[EntryKind.REVERSAL] + moved[EntryKind.TRANSFER], at_end)


# -- the appropriation statement (잉여금처분안 / 결손금처리안) ---------------------------------------------

def appropriation_paper(db: Database, coop_id: int, fiscal_year: int, *,
                        issued_on: dt.date | None = None) -> AppropriationPaper:
    """A year's appropriation as entered (``surplus.enter_year``), with the law's checks and limits,
    the item that decides it, and each member's dividend (as booked, or as it would be)."""
    _check_year(fiscal_year)
    coop = get_coop(db, coop_id)
    view = get_year(db, coop_id, fiscal_year)
    issued = _today(issued_on)
    return AppropriationPaper(
        coop_facts(db, coop_id, issued), coop.kind is CoopKind.SOCIAL, view.figures, view.starts_on, view.ends_on,
        issued, view.plan, view.checks, view.disposable, view.carried_forward, view.loss, view.legal_minimum,
        view.limits, view.dividends_as_capital, view.booked_on, _item(db, coop_id, view),
        _dividends(db, coop_id, view))


def _dividends(db: Database, coop_id: int, view: SurplusView) -> tuple[DividendLine, ...]:
    if not view.plan.dividends:
        return ()
    try:
        found = dividends_of(db, coop_id, view.figures.fiscal_year)
    except Refusal:  # the patronage is not entered yet: the statement says so instead of the annex
        return ()
    return tuple(DividendLine(d.number, d.name, d.paid_in, d.patronage, d.capital_part, d.patronage_part)
                 for d in found)


def _item(db: Database, coop_id: int, view: SurplusView) -> AssemblyItem | None:
    if view.item_id is None:
        return None
    from coopdesk.services.capital.rows import resolution_seen
    from coopdesk.services.meetings.meeting import get_meeting
    from coopdesk.services.meetings.rows import item_row

    with db.read() as s:
        seen = resolution_seen(s, coop_id, view.item_id)
        row = item_row(s, coop_id, view.item_id)
        meeting_id, closed = row.meeting_id, bool(row.closed)
    assert seen is not None
    meeting = get_meeting(db, coop_id, meeting_id)
    return AssemblyItem(meeting.title, meeting.held_on, seen.position, closed, seen.passed)


# -- rendering and printing ------------------------------------------------------------------------

def render_capital_report(db: Database, coop_id: int, kind: CapitalReportKind, fiscal_year: int, language: str, *,
                          issued_on: dt.date | None = None, progress: Progress | None = None) -> bytes:
    if kind is CapitalReportKind.YEAR_REPORT:
        from coopdesk.documents.capital.year_report import render_year_report

        return render_year_report(year_report_paper(db, coop_id, fiscal_year, issued_on=issued_on), language,
                                  progress=progress)
    from coopdesk.documents.capital.appropriation import render_appropriation

    return render_appropriation(appropriation_paper(db, coop_id, fiscal_year, issued_on=issued_on), language,
                                progress=progress)


def print_capital_report(db: Database, coop_id: int, kind: CapitalReportKind, fiscal_year: int, path: str | Path,
                         language: str, *, issued_on: dt.date | None = None,
                         progress: Progress | None = None) -> PrintResult:
    pdf = render_capital_report(db, coop_id, kind, fiscal_year, language, issued_on=issued_on, progress=progress)
    return PrintResult(write_pdf(path, pdf), count_pages(pdf))


def capital_report_name(kind: CapitalReportKind, fiscal_year: int, language: str) -> str:
    """A file name like "2025 회계연도 조합원 및 출자금 신고.pdf", safe on Windows."""
    t = Translator(language)
    name = t.gettext("Fiscal year {year} {paper}", year=str(fiscal_year), paper=t.gettext(kind.label))
    return " ".join(re.sub(r'[\\/:*?"<>|]+', " ", name).split()) + ".pdf"
