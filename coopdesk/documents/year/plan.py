"""The year plan (연간 일정표): one page with what the law expects of the co-op this fiscal year.

A table by month of the fiscal year, each line with its due date, what to do, the article
and a box to tick (ticked, with the day, for what was done).  Lines due before the year
(still open) come first, lines due after it last.

It stays on one page: a long year is printed smaller (down to ``SMALLEST`` points), and if
it still does not fit, the latest lines are left off and the page says how many, from which
day on: never a second page that nobody notices.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from babel.dates import format_skeleton
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from coopdesk.documents.base import GREY, DocumentRenderer
from coopdesk.documents.fonts import GOTHIC, GOTHIC_BOLD
from coopdesk.domain.law_ref import LawRef

SIZES = (9.0, 8.0, 7.0)  # the table's type sizes, tried in turn
SMALLEST = SIZES[-1]
RULE = colors.HexColor("#7d8798")
LIGHT_RULE = colors.HexColor("#c5ccd6")
HEADER = colors.HexColor("#dde3ea")
MONTH_BACKGROUND = colors.HexColor("#eef1f5")
OVERDUE = colors.HexColor("#b00020")  # the window's warning colour (ui/widgets/colours.py)
DONE = colors.HexColor("#1b7f3b")
OPEN_BOX, DONE_BOX = "\u25a1", "\u25a0"  # □ ■: the Nanum fonts have them (not ✓)


@dataclass(frozen=True, slots=True)
class PlanLine:
    """One thing the law expects: ``message`` is a message id filled from ``params``."""

    due_on: dt.date
    message: str
    params: Mapping[str, object]
    ref: LawRef | None
    overdue: bool = False
    warning: bool = False  # a state to put right now (a board short of directors), not a date
    done_on: dt.date | None = None
    done_note: str = ""


@dataclass(frozen=True, slots=True)
class YearPlan:
    coop_name: str
    year: int  # the fiscal year, named by the calendar year it starts in
    first_day: dt.date
    last_day: dt.date
    today: dt.date
    lines: tuple[PlanLine, ...]  # in order of their due dates
    audit_mark: str = ""
    months: tuple[dt.date, ...] = field(default=())  # filled in: the first day of each month of the year

    def __post_init__(self) -> None:
        months, day = [], self.first_day.replace(day=1)
        while day <= self.last_day:
            months.append(day)
            day = (day + dt.timedelta(days=32)).replace(day=1)
        object.__setattr__(self, "months", tuple(months))


def render_year_plan(plan: YearPlan, language: str) -> bytes:
    return YearPlanRenderer(plan, language).render()


@dataclass(frozen=True, slots=True)
class _Group:
    label: str
    starts: dt.date  # the first day it covers
    lines: tuple[PlanLine, ...]


class YearPlanRenderer(DocumentRenderer):
    def __init__(self, plan: YearPlan, language: str) -> None:
        super().__init__(language)
        self.plan = plan
        self.width = self.page_size()[0] - self.margins.left - self.margins.right
        self.height = self.page_size()[1] - self.margins.top - self.margins.bottom
        body = self.styles.body
        self.heading = ParagraphStyle("PlanHeading", parent=self.styles.title, alignment=TA_CENTER, fontSize=17,
                                      leading=22, spaceAfter=1 * mm)
        self.centred = ParagraphStyle("PlanCentred", parent=body, alignment=TA_CENTER, textColor=GREY)
        self.note = ParagraphStyle("PlanNote", parent=body, fontSize=7.5, leading=10, textColor=GREY)
        self.shown_lines = 0  # how many lines the page holds (for tests and the service)
        self.size = SIZES[0]

    def title(self) -> str:
        return self.t.gettext("Year plan, fiscal year {year}", year=str(self.plan.year))

    def coop_name(self) -> str:
        return self.plan.coop_name

    def document_date(self) -> dt.date:
        return self.plan.today

    def audit_mark(self) -> str:
        return self.plan.audit_mark

    # -- the page --------------------------------------------------------------------------
    def build_story(self) -> list[Flowable]:
        top = self._top()
        room = self.height - _height(top, self.width) - 3 * mm  # a little slack for rounding
        lines = self.plan.lines
        for size in SIZES:  # the largest type that holds every line
            self.size = size
            table = self._table(lines)
            if _height([table, *self._foot(0, None)], self.width) <= room:
                self.shown_lines = len(lines)
                return [*top, table, *self._foot(0, None)]
        kept = self._most_that_fit(room)
        self.shown_lines = kept
        left_off = lines[kept:]
        return [*top, self._table(lines[:kept]), *self._foot(len(left_off), left_off[0].due_on)]

    def _most_that_fit(self, room: float) -> int:
        """At the smallest size: the most lines, in date order, that fit with the note saying the rest."""
        lines, low, high = self.plan.lines, 0, len(self.plan.lines) - 1
        while low < high:  # the largest count whose table fits
            middle = (low + high + 1) // 2
            foot = self._foot(len(lines) - middle, lines[middle].due_on)
            if _height([self._table(lines[:middle]), *foot], self.width) <= room:
                low = middle
            else:
                high = middle - 1
        return low

    def _top(self) -> list[Flowable]:
        t, p = self.t, self.plan
        period = t.gettext("{start} – {end}", start=t.date(p.first_day, "long"), end=t.date(p.last_day, "long"))
        said = t.gettext("{coop} · {period} · as of {today}", coop=p.coop_name, period=period,
                         today=t.date(p.today, "long"))
        return [self._para(self.title(), self.heading), self._para(said, self.centred), Spacer(0, 4 * mm)]

    def _foot(self, left_off: int, from_day: dt.date | None) -> list[Flowable]:
        t = self.t
        notes = [t.gettext("Each date is the last day the Act or the bylaws allow. \u25a1 to do, \u25a0 done "
                           "(the day it was done). \u201cAct\u201d is the Framework Act on Cooperatives.")]
        if left_off:
            notes.insert(0, t.ngettext("And {count} more from {date} on, not shown here: CoopDesk's year page "
                                       "lists them all.",
                                       "And {count} more from {date} on, not shown here: CoopDesk's year page "
                                       "lists them all.", left_off, count=t.number(left_off),
                                       date=t.date(from_day)))
        style = self.note
        more = ParagraphStyle("PlanMore", parent=self.styles.body, fontName=GOTHIC_BOLD, fontSize=9, leading=12,
                              textColor=OVERDUE)
        story: list[Flowable] = [Spacer(0, 2 * mm)]
        for n, text in enumerate(notes):
            story.append(self._para(text, more if left_off and n == 0 else style))
        return story

    # -- the table -------------------------------------------------------------------------
    def _groups(self, lines: Sequence[PlanLine]) -> list[_Group]:
        """Before the year, each month (empty ones too, up to the last line shown), after the year."""
        p, t = self.plan, self.t
        groups: list[_Group] = []
        before = tuple(line for line in lines if line.due_on < p.first_day)
        if before:
            groups.append(_Group(t.gettext("Before the year"), dt.date.min, before))
        for month in p.months:
            end = (month + dt.timedelta(days=32)).replace(day=1)
            groups.append(_Group(format_skeleton("yMMM", month, locale=t.locale), month,
                                 tuple(line for line in lines if month <= line.due_on < end)))
        after = tuple(line for line in lines if line.due_on > p.last_day)
        if after:
            groups.append(_Group(t.gettext("After the year"), p.last_day + dt.timedelta(days=1), after))
        if len(lines) < len(p.lines):  # the rest is left off: no empty months after the last line shown
            last = lines[-1].due_on if lines else p.first_day
            groups = [g for g in groups if g.lines or g.starts <= last]
        return self._merge_empty(groups)

    def _merge_empty(self, groups: list[_Group]) -> list[_Group]:
        """Months in a row with nothing due share one line ("Apr 2026 – Oct 2026"): room for the rest."""
        merged: list[_Group] = []
        run: list[_Group] = []
        for group in [*groups, None]:
            if group is not None and not group.lines:
                run.append(group)
                continue
            if len(run) > 1:
                merged.append(_Group(self._months_label(run[0].starts, run[-1].starts), run[0].starts, ()))
            else:
                merged += run
            run = []
            if group is not None:
                merged.append(group)
        return merged

    def _months_label(self, first: dt.date, last: dt.date) -> str:
        """"Jan – Feb", "1월 ~ 2월": the year only where the months fall in two calendar years."""
        skeleton = "MMM" if first.year == last.year else "yMMM"
        locale = self.t.locale
        return self.t.gettext("{start} – {end}", start=format_skeleton(skeleton, first, locale=locale),
                              end=format_skeleton(skeleton, last, locale=locale))

    def _table(self, lines: Sequence[PlanLine]) -> Table:
        t, size = self.t, self.size
        leading = size * 1.25
        cell = ParagraphStyle("PlanCell", parent=self.styles.body, fontSize=size, leading=leading)
        month_style = ParagraphStyle("PlanMonth", parent=cell, fontName=GOTHIC_BOLD)
        quiet = ParagraphStyle("PlanQuiet", parent=cell, textColor=GREY)
        widths = [22 * mm, 17 * mm, 0.0, 21 * mm, 27 * mm]
        widths[2] = self.width - sum(widths)
        data: list[list[object]] = [[t.gettext("Month"), t.gettext("Due"), t.gettext("What to do"),
                                     t.gettext("Article"), t.gettext("Done")]]
        style: list[tuple] = []
        for group in self._groups(lines):
            first = len(data)
            if not group.lines:
                data.append([self._para(group.label, month_style), "", self._para(t.gettext("Nothing due"), quiet),
                             "", ""])
            for line in group.lines:
                data.append(["", t.date(line.due_on, "short"), self._what_cell(line, cell),
                             self._para(line.ref.label(self.language) if line.ref else "", cell),
                             self._state(line, cell)])
            data[first][0] = self._para(group.label, month_style)
            style += [("SPAN", (0, first), (0, len(data) - 1)),
                      ("BACKGROUND", (0, first), (0, len(data) - 1), MONTH_BACKGROUND),
                      ("LINEABOVE", (0, first), (-1, first), 0.4, LIGHT_RULE)]
            for row, line in enumerate(group.lines, start=first):
                if (line.overdue or line.warning) and line.done_on is None:
                    style.append(("TEXTCOLOR", (1, row), (1, row), OVERDUE))
        return Table(data, colWidths=widths, repeatRows=1, style=[
            ("FONT", (0, 0), (-1, -1), GOTHIC, size, leading),
            ("FONT", (0, 0), (-1, 0), GOTHIC_BOLD, size, leading),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, RULE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
            ("LINEBELOW", (0, -1), (-1, -1), 0.8, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), size * 0.22),
            ("BOTTOMPADDING", (0, 0), (-1, -1), size * 0.3),
            ("LEFTPADDING", (0, 0), (-1, -1), 1.5 * mm),
            ("RIGHTPADDING", (0, 0), (-1, -1), 1.5 * mm),
            *style,
        ])

    def _what_cell(self, line: PlanLine, style: ParagraphStyle) -> Paragraph:
        """What to do; under it, in grey, the note made when it was marked done."""
        t = self.t
        text = escape(t.gettext(line.message, **{k: _shown(v, t) for k, v in line.params.items()}))
        if line.done_on is not None and line.done_note:
            text += f'<br/><font color="#{GREY.hexval()[2:]}">{escape(line.done_note)}</font>'
        return Paragraph(text, style)

    def _state(self, line: PlanLine, style: ParagraphStyle) -> Paragraph:
        t = self.t
        if line.done_on is not None:
            text = f"{DONE_BOX} " + t.gettext("Done {date}", date=t.date(line.done_on, "short"))
            return self._para(text, ParagraphStyle("PlanDone", parent=style, textColor=DONE))
        if line.overdue or line.warning:
            said = t.gettext("To put right now") if line.warning else t.gettext("Past the deadline")
            text = f"{OPEN_BOX} {said}"
            return self._para(text, ParagraphStyle("PlanOverdue", parent=style, textColor=OVERDUE,
                                                   fontName=GOTHIC_BOLD))
        return self._para(OPEN_BOX, style)

    def _para(self, text: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(escape(text), style)


def _shown(value: object, t: object) -> object:
    """A message's value as the reader reads it: a date in the document's language."""
    if isinstance(value, dt.date):
        return t.date(value)  # type: ignore[attr-defined]
    return value


def _height(flowables: Sequence[Flowable], width: float) -> float:
    total = 0.0
    for f in flowables:
        _w, h = f.wrap(width, 10_000)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total
