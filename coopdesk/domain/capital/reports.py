"""The capital area's papers of a fiscal year, as plain values: the year's report of the member
count and paid-in capital to the city or province (조합원 수 및 납입출자금 신고, Act 22③), and the
appropriation statement the ordinary assembly receives (잉여금처분안, or 결손금처리안 for a loss).

The services fill them (``services.capital.reports``); ``coopdesk.documents.capital`` prints them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coopdesk.domain import law
from coopdesk.domain.capital.checks import Check
from coopdesk.domain.capital.papers import CoopFacts
from coopdesk.domain.capital.surplus import (
    DividendLimits,
    LegalReserveMinimum,
    LossCover,
    Plan,
    YearFigures,
)


def months_after_end(last_day: dt.date, months: int) -> dt.date:
    """The last day of the month ``months`` after the month of ``last_day``: a fiscal year that ends
    on 31 December is reported by 31 March."""
    month = last_day.month + months
    year, month = last_day.year + (month - 1) // 12, (month - 1) % 12 + 1
    first_after = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_after - dt.timedelta(days=1)


def yearly_report_due(last_day: dt.date) -> dt.date:
    """The last day the year's report may be filed: 3 months after the fiscal year ends (Act 22③)."""
    return months_after_end(last_day, law.YEARLY_REPORT_MONTHS.value)


@dataclass(frozen=True, slots=True)
class TypeLine:
    """The members of one member type: at the start and the end of the year, and the paid-in capital."""

    member_type: str
    at_start: int
    at_end: int
    joined: int
    left: int
    shares: int  # at the end of the year
    paid_in: int


@dataclass(frozen=True, slots=True)
class CapitalMoves:
    """How the paid-in capital moved during the year, from the ledger: start + moves = end."""

    at_start: int
    paid: int  # payments (출자금 납입)
    credited: int  # dividends credited to capital
    refunded: int  # refunds to leavers, as a positive amount (지분환급)
    corrected: int  # reversals, signed
    at_end: int

    @property
    def adds_up(self) -> bool:
        return self.at_start + self.paid + self.credited - self.refunded + self.corrected == self.at_end


@dataclass(frozen=True, slots=True)
class YearReportPaper:
    """The report of the year's member count and paid-in capital (Act 22③)."""

    coop: CoopFacts
    social: bool
    fiscal_year: int
    first_day: dt.date
    last_day: dt.date
    issued_on: dt.date
    lines: tuple[TypeLine, ...]
    shares_at_end: int
    holders_at_end: int  # members on the register at the end holding shares
    capital: CapitalMoves

    @property
    def due_on(self) -> dt.date:
        return yearly_report_due(self.last_day)

    @property
    def members_at_start(self) -> int:
        return sum(line.at_start for line in self.lines)

    @property
    def members_at_end(self) -> int:
        return sum(line.at_end for line in self.lines)

    @property
    def joined(self) -> int:
        return sum(line.joined for line in self.lines)

    @property
    def left(self) -> int:
        return sum(line.left for line in self.lines)


@dataclass(frozen=True, slots=True)
class DividendLine:
    number: int
    name: str
    paid_in: int  # at the end of the fiscal year
    patronage: int  # the year's use of the co-op's business, in won
    capital_part: int
    patronage_part: int

    @property
    def total(self) -> int:
        return self.capital_part + self.patronage_part


@dataclass(frozen=True, slots=True)
class AssemblyItem:
    """The agenda item of the ordinary assembly that decides the appropriation."""

    meeting_title: str
    held_on: dt.date
    position: int
    decided: bool  # the item is closed
    passed: bool


@dataclass(frozen=True, slots=True)
class AppropriationPaper:
    """A year's appropriation of the surplus, or the covering of its loss, as the assembly receives it."""

    coop: CoopFacts
    social: bool
    figures: YearFigures
    first_day: dt.date
    last_day: dt.date
    issued_on: dt.date
    plan: Plan
    checks: tuple[Check, ...]
    disposable: int  # what there is to appropriate once a loss is covered (negative: a deficit)
    carried_forward: int
    loss: LossCover
    legal_minimum: LegalReserveMinimum
    limits: DividendLimits
    dividends_as_capital: bool
    booked_on: dt.date | None
    item: AssemblyItem | None
    dividends: tuple[DividendLine, ...]  # each member's, as booked or as they would be

    @property
    def is_loss(self) -> bool:
        return self.disposable <= 0 or self.figures.net_result < 0
