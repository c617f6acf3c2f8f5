"""The capital register (조합원별 출자 현황): every member's shares, paid and unpaid capital on a
day, and the totals, for the founding filing and the yearly report.

A co-op of 100,000 members prints 2,000+ pages: rows become cells lazily, page by page
(``PagedTable``), as plain pre-wrapped strings; dates are formatted once per distinct day.
The totals follow the last row, so they are on the last page.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from coopdesk.documents.base import Progress
from coopdesk.documents.capital.base import CapitalRenderer
from coopdesk.documents.tables import PagedTable, TableLook, wrap_text
from coopdesk.domain.capital.papers import CapitalRegisterPaper, RegisterLine
from coopdesk.domain.members.standing import MemberStatus
from coopdesk.domain.text import N_

LOOK = TableLook()
# (heading msgid, width in points or None for "the rest", alignment)
COLUMNS: tuple[tuple[str, float | None, str], ...] = (
    # Translators: column heading, the member number
    (N_("No."), 34, "RIGHT"),
    (N_("Name"), None, "LEFT"),
    (N_("Status"), 54, "LEFT"),
    (N_("Joined"), 62, "LEFT"),
    (N_("Shares held"), 52, "RIGHT"),
    (N_("Subscribed"), 72, "RIGHT"),
    (N_("Paid in"), 72, "RIGHT"),
    (N_("Unpaid"), 64, "RIGHT"),
)


def render_capital_register(paper: CapitalRegisterPaper, language: str, *, progress: Progress | None = None) -> bytes:
    return CapitalRegisterRenderer(paper, language, progress=progress).render()


class CapitalRegisterRenderer(CapitalRenderer):
    def __init__(self, paper: CapitalRegisterPaper, language: str, *, progress: Progress | None = None) -> None:
        super().__init__(paper.coop, language, progress=progress)
        self.paper = paper
        self.progress.total, self.progress.step = len(paper.lines), 500
        self._dates: dict[dt.date, str] = {}
        self._statuses = {s: self.t.gettext(s.label) for s in MemberStatus}
        self.widths = self._column_widths()

    def title(self) -> str:
        return self.t.gettext("Capital register")

    def document_date(self) -> dt.date:
        return self.paper.as_of

    def build_story(self) -> list[Flowable]:
        align = [("ALIGN", (i, 0), (i, -1), a) for i, (_, _, a) in enumerate(COLUMNS)]
        table = PagedTable([self.t.gettext(h) for h, _, _ in COLUMNS], self.paper.lines, self.widths,
                           cells=self._cells, look=LOOK, style=align, progress=self.progress)
        return [self.para(self.title(), self.styles.title), self.para(self._summary(), self.styles.info),
                table, self._totals(align)]

    def _summary(self) -> str:
        p, t = self.paper, self.t
        return "  ·  ".join((
            t.gettext("As of {date}", date=self.date(p.as_of)),
            t.ngettext("{count} member", "{count} members", p.totals.members, count=t.number(p.totals.members)),
            t.gettext("Share price {price}", price=self.money(p.coop.share_price)),
        ))

    def _totals(self, align: list[tuple]) -> Table:  # type: ignore[type-arg]
        tot, t = self.paper.totals, self.t
        holders = t.ngettext("{count} holder", "{count} holders", tot.holders, count=t.number(tot.holders))
        row = [t.gettext("Total"), holders, "", "", t.number(tot.shares),
               t.number(tot.shares * self.coop.share_price), t.number(tot.paid), t.number(tot.unpaid)]
        return Table([row], colWidths=self.widths, hAlign="CENTER", style=[
            ("FONT", (0, 0), (-1, -1), LOOK.bold_font, LOOK.size, LOOK.leading),
            ("SPAN", (0, 0), (0, 0)), *align,
            ("ALIGN", (0, 0), (1, 0), "LEFT"),
            ("BACKGROUND", (0, 0), (-1, -1), LOOK.header_background),
            ("LINEBELOW", (0, 0), (-1, -1), 0.8, LOOK.rule),
            ("LEFTPADDING", (0, 0), (-1, -1), LOOK.pad_x), ("RIGHTPADDING", (0, 0), (-1, -1), LOOK.pad_x),
            ("TOPPADDING", (0, 0), (-1, -1), 1.2 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2 * mm),
        ])

    def _column_widths(self) -> list[float]:
        usable = self.usable_width()
        fixed = sum(w for _, w, _ in COLUMNS if w is not None)
        return [usable - fixed if w is None else w for _, w, _ in COLUMNS]

    def _cells(self, line: RegisterLine) -> list[str]:
        n, price = self.t.number, self.coop.share_price
        return [str(line.number), wrap_text(line.name, self.widths[1] - 2 * LOOK.pad_x, LOOK.font, LOOK.size),
                self._statuses[line.status], self._date(line.joined_on), n(line.shares), n(line.shares * price),
                n(line.paid), n(line.unpaid)]

    def _date(self, day: dt.date | None) -> str:
        if day is None:
            return ""
        text = self._dates.get(day)
        if text is None:
            text = self._dates[day] = self.t.date(day, "medium")
        return text
