"""The year's report of the member count and paid-in capital to the city or province (조합원 수 및
납입출자금 신고서, Act 22③): due within 3 months after the fiscal year ends.

The co-op's details; the members at the start and the end of the year by member type with who
joined and who left, and their shares and paid-in capital at the year's end; how the paid-in
capital moved during the year (paid in, dividends credited, refunded, corrected); the sentence
that reports it under the article, the day, and the chair's signature with the co-op's seal.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from coopdesk.documents.base import Progress
from coopdesk.documents.capital.base import RULE, IssuedPaperRenderer
from coopdesk.documents.fonts import GOTHIC, GOTHIC_BOLD
from coopdesk.domain import law
from coopdesk.domain.capital.reports import YearReportPaper

HEADER = colors.HexColor("#dde3ea")


def render_year_report(paper: YearReportPaper, language: str, *, progress: Progress | None = None) -> bytes:
    return YearReportRenderer(paper, language, progress=progress).render()


def grid(data: list[list[str]], widths: list[float], *, total_row: bool = True) -> Table:
    """A ruled table of figures: a header row, right-aligned numbers, a bold total row last."""
    style = [
        ("FONT", (0, 0), (-1, -1), GOTHIC, 9, 12),
        ("FONT", (0, 0), (-1, 0), GOTHIC_BOLD, 9, 12),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BOX", (0, 0), (-1, -1), 0.9, RULE),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.4 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.4 * mm),
    ]
    if total_row:
        style += [("FONT", (0, -1), (-1, -1), GOTHIC_BOLD, 9, 12), ("LINEABOVE", (0, -1), (-1, -1), 0.9, RULE)]
    return Table(data, colWidths=widths, hAlign="CENTER", repeatRows=1, style=style)


class YearReportRenderer(IssuedPaperRenderer[YearReportPaper]):
    def title(self) -> str:
        return self.t.gettext("Report of members and paid-in capital")

    def build_story(self) -> list[Flowable]:
        p, t = self.paper, self.t
        (tick,) = self.ticks(1)
        period = t.gettext("Fiscal year {year} ({start} – {end})", year=str(p.fiscal_year),
                           start=self.date(p.first_day), end=self.date(p.last_day))
        return [
            self.para(self.title(), self.heading),
            self.para(period, self.issued),
            Spacer(0, 3 * mm),
            self.para(t.gettext("1. The co-op"), self.section),
            self.facts_block(self._coop_rows()),
            self.para(t.gettext("2. Members"), self.section),
            self._members(),
            self.para(t.gettext("Members on the register with a vote (members and withdrawing members) on the day; "
                                "shares and paid-in capital of every member of the type, including those who "
                                "left and are not yet refunded."), self.note),
            self.para(t.gettext("3. Paid-in capital"), self.section),
            self._capital(),
            self.para(t.gettext("One share: {price}.", price=self.money(p.coop.share_price)), self.note),
            KeepTogether([
                Spacer(0, 4 * mm),
                self.para(self._sentence(), self.formal),
                self.para(self._due(), self.note),
                Spacer(0, 2 * mm),
                *self.signature(p.issued_on),
                Spacer(0, 2 * mm),
                self.para(t.gettext("To the mayor or governor of the city or province"), self.addressee()),
            ]),
            tick,
        ]

    # -- the parts ------------------------------------------------------------------------
    def _coop_rows(self) -> list[tuple[str, str]]:
        p, t = self.paper, self.t
        kind = t.gettext("Social co-op") if p.social else t.gettext("General co-op")
        return [
            (t.gettext("Name"), f"{p.coop.name} ({kind})"),
            (t.gettext("Main office"), p.coop.main_office),
            (t.gettext("Representative"), self.signed_by()),
        ]

    def _members(self) -> Table:
        p, t = self.paper, self.t
        n = t.number
        data = [[t.gettext("Member type"), t.gettext("At the start"), t.gettext("Joined during the year"),
                 t.gettext("Left during the year"),
                 t.gettext("At the end"), t.gettext("Shares at the end"), t.gettext("Paid-in capital")]]
        for line in p.lines:
            data.append([line.member_type, n(line.at_start), n(line.joined), n(line.left), n(line.at_end),
                         n(line.shares), self.money(line.paid_in)])
        data.append([t.gettext("Total"), n(p.members_at_start), n(p.joined), n(p.left), n(p.members_at_end),
                     n(p.shares_at_end), self.money(p.capital.at_end)])
        width = self.usable_width()
        widths = [0.0, 22 * mm, 18 * mm, 18 * mm, 22 * mm, 22 * mm, 36 * mm]
        widths[0] = width - sum(widths)
        return grid(data, widths)

    def _capital(self) -> Table:
        c, t = self.paper.capital, self.t
        rows = [
            (t.gettext("Paid-in capital at the start of the year"), self.money(c.at_start)),
            (t.gettext("Paid in during the year"), self._signed(c.paid)),
            (t.gettext("Dividends credited to capital"), self._signed(c.credited)),
            (t.gettext("Refunded to members who left"), self._signed(-c.refunded)),
            (t.gettext("Corrections"), self._signed(c.corrected)),
            (t.gettext("Paid-in capital at the end of the year"), self.money(c.at_end)),
        ]
        data = [[t.gettext("Paid-in capital"), t.gettext("Amount")], *[[k, v] for k, v in rows]]
        return grid(data, [self.usable_width() - 50 * mm, 50 * mm])

    def _signed(self, won: int) -> str:
        return ("+ " if won > 0 else "- " if won < 0 else "") + self.money(abs(won))

    def _sentence(self) -> str:
        p, t = self.paper, self.t
        return t.gettext("As {article} requires, {coop} reports the number of its members and its paid-in capital "
                         "at the end of fiscal year {year}: {members} and {paid}.",
                         article=law.YEARLY_REPORT_MONTHS.ref.label(self.language), coop=p.coop.name,
                         year=str(p.fiscal_year),
                         members=t.ngettext("{count} member", "{count} members", p.members_at_end,
                                            count=t.number(p.members_at_end)),
                         paid=self.money(p.capital.at_end))

    def _due(self) -> str:
        p, t = self.paper, self.t
        return t.gettext("Filed within {months} months after the fiscal year ends: by {date}.",
                         months=t.number(law.YEARLY_REPORT_MONTHS.value), date=self.date(p.due_on))

    def addressee(self):  # type: ignore[no-untyped-def]
        from reportlab.lib.styles import ParagraphStyle

        return ParagraphStyle("Addressee", parent=self.formal, fontName=GOTHIC_BOLD, fontSize=13, leading=18)
