"""The appropriation statement of a fiscal year (잉여금처분안), or for a loss the statement of how it is
covered (결손금처리안), as the ordinary assembly receives it (Act 50, 51; social co-ops 97, 98).

The amounts in the order of a Korean appropriation statement: Ⅰ what there is (retained earnings
carried from earlier years and the year's result), Ⅱ what the reserves give to cover a loss,
Ⅲ the appropriations (legal reserve, voluntary reserve, dividends on capital and on patronage),
Ⅳ what is carried to the next year.  Then the law's limits and the checks of this plan, each with
its article, and the agenda item that decides it.  Each member's dividend follows as an annex,
its table's header repeated on every page.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Table

from coopdesk.documents.base import Progress
from coopdesk.documents.capital.base import IssuedPaperRenderer
from coopdesk.documents.capital.year_report import grid
from coopdesk.documents.fonts import GOTHIC, GOTHIC_BOLD
from coopdesk.documents.tables import PagedTable, TableLook, wrap_text
from coopdesk.domain.capital.checks import LABEL_NUMBERS
from coopdesk.domain.capital.reports import AppropriationPaper, DividendLine
from coopdesk.domain.text import Explanation

LOOK = TableLook(size=8.5, leading=11, pad_y=1.8 * mm, pad_x=1.6 * mm)
# Numbers of an explanation that name something: never "1,234".
NAMING = frozenset({"number", "item", "entry", "line", "year"})
ROMAN = ("Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ")


def render_appropriation(paper: AppropriationPaper, language: str, *, progress: Progress | None = None) -> bytes:
    return AppropriationRenderer(paper, language, progress=progress).render()


class AppropriationRenderer(IssuedPaperRenderer[AppropriationPaper]):
    def title(self) -> str:
        if self.paper.is_loss:
            return self.t.gettext("Statement of the covering of the loss")
        return self.t.gettext("Appropriation of the surplus")

    def build_story(self) -> list[Flowable]:
        p, t = self.paper, self.t
        period = t.gettext("Fiscal year {year} ({start} – {end})", year=str(p.figures.fiscal_year),
                           start=self.date(p.first_day), end=self.date(p.last_day))
        story: list[Flowable] = [
            self.para(self.title(), self.heading),
            self.para(period, self.issued),
            self.para(t.gettext("Unit: won"), self.unit()),
            self._amounts(),
            self.para(self._state(), self.note),
            self.para(t.gettext("The law's limits"), self.section),
            self.facts_block(self._limits(), key_width=62 * mm),
            self.para(t.gettext("Checks of this plan"), self.section),
            self._checks(),
        ]
        story += self._dividends()
        return story

    # -- the amounts --------------------------------------------------------------------------
    def _amounts(self) -> Table:
        p, t, f = self.paper, self.t, self.paper.figures
        rows: list[tuple[str, int | None, int]] = []  # label, amount (None: a heading), depth
        numbering = iter(ROMAN)
        start = f.retained_before + f.net_result
        rows.append((f"{next(numbering)}. " + (t.gettext("Unappropriated retained earnings") if start >= 0 else
                                               t.gettext("Deficit to be covered")), start, 0))
        rows.append(("1. " + (t.gettext("Retained earnings carried from earlier years") if f.retained_before >= 0
                              else t.gettext("Deficit carried from earlier years")), f.retained_before, 1))
        rows.append(("2. " + (t.gettext("Surplus of the year") if f.net_result >= 0 else
                              t.gettext("Loss of the year")), f.net_result, 1))
        cover = p.plan.from_voluntary + p.plan.from_legal
        if cover:
            rows.append((f"{next(numbering)}. " + t.gettext("Transferred from reserves to cover the loss"), cover, 0))
            rows.append(("1. " + t.gettext("From the voluntary reserve"), p.plan.from_voluntary, 1))
            rows.append(("2. " + t.gettext("From the legal reserve"), p.plan.from_legal, 1))
        if p.disposable > 0:
            rows.append((f"{next(numbering)}. " + t.gettext("Appropriations"), p.plan.appropriated, 0))
            rows.append(("1. " + t.gettext("Legal reserve"), p.plan.legal_reserve, 1))
            rows.append(("2. " + t.gettext("Voluntary reserve"), p.plan.voluntary_reserve, 1))
            if not p.social:
                rows.append(("3. " + t.gettext("Dividends"), p.plan.dividends, 1))
                rows.append(("(1) " + t.gettext("Dividend on capital"), p.plan.capital_dividend, 2))
                rows.append(("(2) " + t.gettext("Patronage dividend"), p.plan.patronage_dividend, 2))
        rows.append((f"{next(numbering)}. " + (t.gettext("Retained earnings carried forward") if p.carried_forward >= 0
                                               else t.gettext("Deficit carried forward")), p.carried_forward, 0))
        data = [[t.gettext("Account item"), t.gettext("Amount")]]
        data += [["\u3000" * depth + label, self._won(amount)] for label, amount, depth in rows]
        table = grid(data, [self.usable_width() - 48 * mm, 48 * mm], total_row=False)
        bold = [("FONT", (0, i + 1), (-1, i + 1), GOTHIC_BOLD, 9, 12) for i, (_l, _a, d) in enumerate(rows) if d == 0]
        table.setStyle(bold)
        return table

    def _won(self, amount: int | None) -> str:
        if amount is None:
            return ""
        text = self.t.number(abs(amount))
        return f"({text})" if amount < 0 else text  # a deficit in brackets, as accounts print it

    def _state(self) -> str:
        p, t = self.paper, self.t
        said = []
        if p.booked_on is not None:
            said.append(t.gettext("Decided by the general assembly and booked on {date}.", date=self.date(p.booked_on)))
        elif p.item is not None:
            i = p.item
            said.append(t.gettext("Proposed to the {meeting} of {date} as item {item}.", meeting=i.meeting_title,
                                  date=self.date(i.held_on), item=str(i.position)))
            if i.decided and not i.passed:
                said.append(t.gettext("The item did not pass."))
        else:
            said.append(t.gettext("A proposal, to be decided by the ordinary general assembly."))
        if p.dividends_as_capital:
            said.append(t.gettext("Dividends are credited to capital as whole shares, as the bylaws allow; the rest "
                                  "is paid in cash."))
        f = p.figures
        if min(f.retained_before, f.net_result, f.retained_before + f.net_result, p.carried_forward) < 0:
            said.append(t.gettext("Amounts in brackets are a deficit."))
        return " ".join(said)

    # -- the law --------------------------------------------------------------------------------
    def _limits(self) -> list[tuple[str, str]]:
        p, t = self.paper, self.t
        m, lim = p.legal_minimum, p.limits
        rows = [
            (t.gettext("Paid-in capital at the end of the year"), self.money(p.figures.paid_in)),
            (t.gettext("Legal reserve before"), self.money(p.figures.legal_reserve_before)),
            (t.gettext("Voluntary reserve before"), self.money(p.figures.voluntary_reserve_before)),
        ]
        if p.disposable > 0:
            rows.append((t.gettext("Legal reserve, at least"),
                         t.gettext("{minimum}: {rate}% of {base}, until the reserve is 3 times the paid-in capital "
                                   "(room left: {room})", minimum=self.money(m.minimum), rate=t.number(m.rate_percent),
                                   base=self.money(m.base), room=self.money(m.room))))
        if p.social:
            rows.append((t.gettext("Dividends"), t.gettext("None: a social co-op pays no dividends; the rest goes "
                                                           "into the voluntary reserve.")))
        elif p.disposable > 0:
            rows.append((t.gettext("Dividend on capital, at most"),
                         t.gettext("{most} ({rate}% of the paid-in capital: {by_rate})", most=self.money(lim.capital_most),
                                   by_rate=self.money(lim.capital_most_by_rate), **LABEL_NUMBERS)))
            rows.append((t.gettext("Patronage dividend"), t.gettext("At least {share}% of all dividends", **LABEL_NUMBERS)))
        return rows

    def _checks(self) -> Table:
        t = self.t
        width = self.usable_width()
        widths = [48 * mm, width - 48 * mm - 26 * mm - 14 * mm, 26 * mm, 14 * mm]
        cell = lambda text, col: wrap_text(text, widths[col] - 2 * LOOK.pad_x, LOOK.font, LOOK.size)
        data = [[t.gettext("Rule"), t.gettext("In numbers"), t.gettext("Article"), t.gettext("Kept")]]
        for c in self.paper.checks:
            data.append([cell(t.gettext(c.rule.label, **c.rule.label_params), 0), cell(self._explained(c.explanation), 1),
                         c.article.label(self.language) if c.article else "",
                         t.gettext("Yes") if c.passed else t.gettext("No")])
        table = grid(data, widths, total_row=False)
        table.setStyle([("ALIGN", (1, 1), (2, -1), "LEFT"), ("ALIGN", (3, 0), (3, -1), "CENTER"),
                        ("FONT", (0, 1), (-1, -1), GOTHIC, LOOK.size, LOOK.leading)])
        return table

    def _explained(self, e: Explanation) -> str:
        return self.t.gettext(e.message, **{k: self._value(v, k) for k, v in e.params})

    def _value(self, value: object, name: str) -> str:
        if isinstance(value, dt.date):
            return self.date(value)
        if isinstance(value, bool) or not isinstance(value, int) or name in NAMING:
            return str(value)
        return self.money(value) if getattr(value, "money", False) else self.t.number(value)

    # -- the annex: each member's dividend ------------------------------------------------------
    def _dividends(self) -> list[Flowable]:
        p, t = self.paper, self.t
        if not p.plan.dividends:
            return [self._tick_all()]
        if not p.dividends:
            return [self.para(t.gettext("Each member's dividend is listed once each member's use of the co-op's "
                                        "business in the year is entered."), self.note), self._tick_all()]
        heading = t.gettext("Annex: each member's dividend") if p.booked_on else \
            t.gettext("Annex: each member's dividend, if the plan passes")
        headings = [t.gettext("No."), t.gettext("Name"), t.gettext("Paid-in capital"), t.gettext("Use of the co-op"),
                    t.gettext("On capital"), t.gettext("On patronage"), t.gettext("Dividend")]
        width = self.usable_width()
        self.widths = [12 * mm, 0.0, 28 * mm, 28 * mm, 24 * mm, 24 * mm, 26 * mm]
        self.widths[1] = width - sum(self.widths)
        lines = list(p.dividends)
        self.progress.total = len(lines)
        total = DividendLine(0, "", sum(d.paid_in for d in lines), sum(d.patronage for d in lines),
                             sum(d.capital_part for d in lines), sum(d.patronage_part for d in lines))
        table = PagedTable(headings, [*lines, total], self.widths, cells=self._dividend_cells, look=LOOK,
                           style=[("ALIGN", (2, 0), (-1, -1), "RIGHT"), ("ALIGN", (0, 0), (0, -1), "RIGHT")],
                           progress=self.progress)
        return [PageBreak(), self.para(heading, self.section),
                self.para(t.gettext("On capital: shared by the paid-in capital at the end of the year; on patronage: "
                                    "by each member's use of the co-op's business in the year. Each share is rounded "
                                    "down to the won and the won left over go to the largest remainders, so the "
                                    "shares add up to the totals."), self.note),
                table]

    def _dividend_cells(self, d: DividendLine) -> list[str]:
        t = self.t
        if d.number == 0:
            return ["", t.gettext("Total"), t.number(d.paid_in), t.number(d.patronage), t.number(d.capital_part),
                    t.number(d.patronage_part), t.number(d.total)]
        name = wrap_text(d.name, self.widths[1] - 2 * LOOK.pad_x, LOOK.font, LOOK.size)
        return [str(d.number), name, t.number(d.paid_in), t.number(d.patronage), t.number(d.capital_part),
                t.number(d.patronage_part), t.number(d.total)]

    def _tick_all(self) -> Flowable:
        (tick,) = self.ticks(1)
        return tick

    def unit(self):  # type: ignore[no-untyped-def]
        from reportlab.lib.enums import TA_RIGHT
        from reportlab.lib.styles import ParagraphStyle

        return ParagraphStyle("Unit", parent=self.note, alignment=TA_RIGHT)

