"""The officer list (임원 명부) filed with the change registration after an election: every
officer in office on a day, the chair first, with birth date, address and term, and whether
the officer is new, re-elected or continuing — certified by the chair.
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from coopdesk.documents.base import DocumentRenderer, Progress, ProgressTicker
from coopdesk.documents.elections.base import OFFICE_ORDER, Tick
from coopdesk.documents.elections.data import OFFICER_STATUS_LABELS, OfficerLine, OfficerListPaper
from coopdesk.documents.fonts import GOTHIC, GOTHIC_BOLD
from coopdesk.documents.meetings.base import RULE
from coopdesk.domain.officers.terms import OFFICE_LABELS
from coopdesk.domain.text import N_

LIGHT = colors.HexColor("#eef1f5")
DATE_STYLE = "medium"  # "short" prints two-digit years, ambiguous for birth dates
# (heading msgid, width in mm or None for "the rest")
COLUMNS: tuple[tuple[str, float | None], ...] = (
    # Translators: column heading, the row's number
    (N_("No."), 11),
    (N_("Office"), 22),
    (N_("Full name"), 30),
    (N_("Birth date"), 32),
    (N_("Address"), None),
    (N_("Term starts"), 32),
    (N_("Term ends"), 32),
    # Translators: column heading: new, re-elected or continuing officer
    (N_("New or continuing"), 26),
)


def render_officer_list(paper: OfficerListPaper, language: str, *, progress: Progress | None = None) -> bytes:
    """The officer list as PDF bytes; ``progress(done, total)`` returning False cancels."""
    return OfficerListRenderer(paper, language, progress=progress).render()


def in_print_order(officers: tuple[OfficerLine, ...]) -> list[OfficerLine]:
    """The chair, then the directors, then the auditors; as given within an office."""
    return sorted(officers, key=lambda o: OFFICE_ORDER.index(o.office))


class OfficerListRenderer(DocumentRenderer):
    def __init__(self, paper: OfficerListPaper, language: str, *, progress: Progress | None = None) -> None:
        super().__init__(language)
        self.paper = paper
        self.progress = ProgressTicker(progress, len(paper.officers) + 1, step=1)
        s = self.styles
        self.heading = ParagraphStyle("ListHeading", parent=s.title, alignment=TA_CENTER, fontSize=18, leading=24,
                                      spaceAfter=3 * mm)
        self.cell = ParagraphStyle("ListCell", parent=s.body, fontSize=9.5, leading=12.5)
        self.centred = ParagraphStyle("ListCentred", parent=s.body, alignment=TA_CENTER)
        self.signed = ParagraphStyle("ListSigned", parent=self.centred, fontName=GOTHIC_BOLD, fontSize=11,
                                     leading=16)

    def page_size(self) -> tuple[float, float]:
        return landscape(A4)

    def title(self) -> str:
        return self.t.gettext("List of officers")

    def coop_name(self) -> str:
        return self.paper.coop_name

    def document_date(self) -> dt.date:
        return self.paper.as_of

    def audit_mark(self) -> str:
        return self.paper.audit_mark

    def build_story(self) -> list[Flowable]:
        t, p = self.t, self.paper
        info = "  ·  ".join((t.gettext("Main office: {address}", address=p.main_office),
                             t.gettext("As of {date}", date=t.date(p.as_of, "long"))))
        return [
            Paragraph(escape(self.title()), self.heading),
            Paragraph(escape(info), self.styles.info),
            self._table(),
            Tick(self.progress, len(p.officers) + 1),
            KeepTogether(self._certified()),
        ]

    def _table(self) -> Table:
        usable = self.page_size()[0] - self.margins.left - self.margins.right
        fixed = sum(w * mm for _, w in COLUMNS if w is not None)
        widths = [usable - fixed if w is None else w * mm for _, w in COLUMNS]
        head = [Paragraph(escape(self.t.gettext(msgid)), self.cell) for msgid, _ in COLUMNS]
        rows = [self._row(n, o) for n, o in enumerate(in_print_order(self.paper.officers), start=1)]
        return Table([head] + rows, colWidths=widths, repeatRows=1, hAlign="LEFT", style=[
            ("FONT", (0, 0), (-1, -1), GOTHIC, 9.5),  # never the unembedded Helvetica
            ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
            ("GRID", (0, 0), (-1, -1), 0.5, RULE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (0, 1), (0, -1), "RIGHT"),
            ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
        ])

    def _row(self, number: int, o: OfficerLine) -> list[object]:
        t = self.t
        self.progress.advance(number)  # the rows are made as the story is built: cancel here
        return [
            str(number), t.gettext(OFFICE_LABELS[o.office]), Paragraph(escape(o.name), self.cell),
            t.date(o.birth_date, DATE_STYLE), Paragraph(escape(o.address), self.cell),
            t.date(o.term_start, DATE_STYLE), t.date(o.term_end, DATE_STYLE),
            t.gettext(OFFICER_STATUS_LABELS[o.status]),
        ]

    def _certified(self) -> list[Flowable]:
        t, p = self.t, self.paper
        text = t.gettext("We certify that the persons above are the officers of {coop} as of {date}.",
                         coop=p.coop_name, date=t.date(p.as_of, "long"))
        if p.meeting is not None:
            title = p.meeting.title.strip() or t.gettext(p.meeting.kind.label)
            text += " " + t.gettext("Those newly elected or re-elected were elected at the {meeting} on {date}.",
                                    meeting=title, date=t.date(p.meeting.date, "long"))
        return [
            Spacer(0, 8 * mm),
            Paragraph(escape(text), self.styles.body),
            Spacer(0, 8 * mm),
            Paragraph(escape(t.date(p.as_of, "long")), self.centred),
            Spacer(0, 4 * mm),
            Paragraph(escape(p.coop_name), self.centred),
            Spacer(0, 2 * mm),
            Paragraph(escape(t.gettext("{role} {name} (seal)", role=t.gettext("Chair"), name=p.certifier)),
                      self.signed),
        ]
