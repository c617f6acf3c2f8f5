"""The attendance sheet (출석부): one row per member, with room to sign in person or as
proxy.  A long register runs over many pages with the column headings on each
(``PagedTable``).
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from coopdesk.documents.meetings.base import MeetingRenderer
from coopdesk.documents.tables import PagedTable, TableLook, wrap_text
from coopdesk.domain.meetings.papers import AttendancePaper, AttendanceRow
from coopdesk.domain.meetings.rules import MeetingRules, rules_for

# Tall rows: a signature needs about a centimetre.
LOOK = TableLook(size=10, leading=12, pad_y=3 * mm, pad_x=2 * mm)


def render_attendance_sheet(paper: AttendancePaper, language: str) -> bytes:
    return AttendanceRenderer(paper, language).render()


class AttendanceRenderer(MeetingRenderer):
    def __init__(self, paper: AttendancePaper, language: str) -> None:
        super().__init__(paper.meeting, language)
        self.paper = paper
        self.widths = self._widths()

    def title(self) -> str:
        return self.t.gettext("Attendance sheet")

    def headings(self) -> list[str]:
        t = self.t
        names = [t.gettext("No."), t.gettext("Name"), t.gettext("Signature (in person)")]
        if self.paper.proxy_column:
            names += [t.gettext("Proxy holder (name, relationship)"), t.gettext("Proxy's signature")]
        return names

    def _widths(self) -> list[float]:
        usable = self.page_size()[0] - self.margins.left - self.margins.right
        if self.paper.proxy_column:
            fixed = [16 * mm, 34 * mm, 38 * mm, 50 * mm]
        else:
            fixed = [18 * mm, 60 * mm]
        return [*fixed, usable - sum(fixed)]

    def build_story(self) -> list[Flowable]:
        t, m = self.t, self.meeting
        summary = "  ·  ".join((self.kind_label(), self.when(), m.place))
        grid = [("INNERGRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa3b2")),
                ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor("#7d8798")),
                ("ALIGN", (0, 0), (0, -1), "RIGHT")]
        table = PagedTable(self.headings(), self.paper.rows, self.widths, cells=self._cells,
                           look=LOOK, style=grid)
        rows = len(self.paper.rows)
        rules = rules_for(m.kind)
        register = t.gettext("{register}: {count}", register=t.gettext(rules.words.register_in_minutes),
                             count=t.number(rows))
        return [
            self.para(f"{self.meeting_name()} {self.title()}", self.heading),
            Paragraph(escape(summary), self.styles.info),
            Paragraph(escape(register), self.styles.info),
            *self._decided_by(rules),
            table,
            Spacer(0, 6 * mm),
            self.para(t.gettext("Present in person: ______    By proxy: ______    Total: ______"),
                      self.label),
        ]

    def _decided_by(self, rules: MeetingRules) -> list[Flowable]:
        """A meeting whose items are all decided one way (a founding meeting: 2/3 of those present,
        Act 15) says so on its sheet, with the article, as the rules table words it."""
        rule = rules.uniform_majority
        if rule is None:
            return []
        text = self.t.gettext("{rule} ({article})", rule=self.t.gettext(rule.summary),
                              article=rule.ref.label(self.language))
        return [Paragraph(escape(text), self.styles.info)]

    def _cells(self, row: AttendanceRow) -> list[str]:
        name = wrap_text(row.name, self.widths[1] - 2 * LOOK.pad_x, LOOK.font, LOOK.size)
        return [str(row.number), name, "", *(("", "") if self.paper.proxy_column else ())]
