"""A session's attendance sheet (교육 출석부): the session's facts, then one line per person with
room to sign, and blank lines to write in someone who came without being on the list."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from coopdesk.documents.base import Progress
from coopdesk.documents.education.base import EducationRenderer
from coopdesk.documents.tables import PagedTable, TableLook, wrap_text
from coopdesk.domain.education.papers import Attendee, SheetPaper

LOOK = TableLook(size=10, leading=12, pad_y=3.2 * mm, pad_x=2 * mm)  # a signature needs about a centimetre


def render_attendance_sheet(paper: SheetPaper, language: str, *, progress: Progress | None = None) -> bytes:
    return SheetRenderer(paper, language, progress=progress).render()


class SheetRenderer(EducationRenderer):
    def __init__(self, paper: SheetPaper, language: str, *, progress: Progress | None = None) -> None:
        super().__init__(language, progress=progress)
        self.paper = paper
        usable = self.page_size()[0] - self.margins.left - self.margins.right
        fixed = [12 * mm, 46 * mm, 30 * mm, 30 * mm]
        self.widths = [*fixed, usable - sum(fixed)]

    def title(self) -> str:
        return self.t.gettext("Education attendance sheet")

    def coop_name(self) -> str:
        return self.paper.session.coop_name

    def document_date(self):  # type: ignore[no-untyped-def]
        return self.paper.session.held_on

    def build_story(self) -> list[Flowable]:
        t, p = self.t, self.paper
        rows: list[tuple[int, Attendee | None]] = [(n, a) for n, a in enumerate(p.attendees, start=1)]
        rows += [(len(rows) + n, None) for n in range(1, p.blank_lines + 1)]
        grid = [("INNERGRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa3b2")),
                ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor("#7d8798")),
                ("ALIGN", (0, 0), (0, -1), "RIGHT")]
        headings = [t.gettext("No."), t.gettext("Name"), t.gettext("Member no."), t.gettext("Member type"),
                    t.gettext("Signature")]
        table = PagedTable(headings, rows, self.widths, cells=self._cells, look=LOOK, style=grid,
                           progress=self.progress)
        self.progress.total = len(rows)
        listed = len(p.attendees)
        return [
            self.para(self.title(), self.heading),
            self.facts_block(self.session_rows(p.session)),
            Spacer(0, 5 * mm),
            self.para(t.ngettext("{count} person on the list; write in anyone else on the blank lines.",
                                 "{count} people on the list; write in anyone else on the blank lines.",
                                 listed, count=t.number(listed)), self.styles.info),
            table,
            Spacer(0, 6 * mm),
            # a paragraph folds runs of spaces into one: the gap between the two blanks is kept
            self.para(t.gettext("Attended: ______    Instructor's signature: ______________")
                      .replace("  ", "\u00a0\u00a0"), self.label),
        ]

    def _cells(self, row: tuple[int, Attendee | None]) -> list[str]:
        n, a = row
        if a is None:
            return [str(n), "", "", "", ""]
        name = wrap_text(a.name, self.widths[1] - 2 * LOOK.pad_x, LOOK.font, LOOK.size)
        # A member number is an identifier: no thousands separator.
        number = str(a.member_number) if a.member_number is not None else self.t.gettext("Not a member")
        kind = wrap_text(a.member_type or "", self.widths[3] - 2 * LOOK.pad_x, LOOK.font, LOOK.size)
        return [str(n), name, number, kind, ""]
