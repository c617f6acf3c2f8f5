"""What the filing pack's own papers share: the styles of a Korean form, boxed "label | value"
rows, ruled tables, the line for a seal, and the note that an English paper is a reference
translation (the Korean papers are the ones filed)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from coopdesk.documents.base import KEY_BACKGROUND, DocumentRenderer, Margins
from coopdesk.documents.fonts import (
    GOTHIC,
    GOTHIC_BOLD,
    MYEONGJO,
    MYEONGJO_BOLD,
)
from coopdesk.domain.founding.papers import FilingPack
from coopdesk.domain.text import N_

# A form filed with the authorities: its boxes ruled darker than the meeting papers' blocks.
RULE = colors.HexColor("#3d4a5c")
LIGHT_RULE = colors.HexColor("#b9c1cc")
NOTE_BACKGROUND = colors.HexColor("#f3f5f8")

REFERENCE_NOTE = N_("Reference translation. The papers filed with the city or province are the Korean ones; "
                    "this English version only helps to read them.")

Row = Sequence["str | Flowable"]


class FoundingRenderer(DocumentRenderer):
    """A paper of the filing pack, drawn from the ``FilingPack``."""

    margins = Margins(left=18 * mm, right=18 * mm, top=22 * mm, bottom=18 * mm)
    fonts = (GOTHIC, MYEONGJO)

    def __init__(self, pack: FilingPack, language: str) -> None:
        super().__init__(language)
        self.pack = pack
        s = self.styles
        self.heading = ParagraphStyle("FHeading", parent=s.title, fontName=MYEONGJO_BOLD, alignment=TA_CENTER,
                                      fontSize=19, leading=26, spaceAfter=5 * mm)
        self.section = ParagraphStyle("FSection", parent=s.body, fontName=GOTHIC_BOLD, fontSize=11, leading=16,
                                      spaceBefore=3 * mm, spaceAfter=1.5 * mm, keepWithNext=1)
        self.label = ParagraphStyle("FLabel", parent=s.body, fontName=GOTHIC_BOLD, fontSize=9.5, leading=13)
        self.value = ParagraphStyle("FValue", parent=s.body, fontSize=9.5, leading=13)
        self.centred, self.note = s.centred, s.note
        self.formal = ParagraphStyle("FFormal", parent=s.body, fontName=MYEONGJO, fontSize=11.5, leading=19)
        self.formal_centre = ParagraphStyle("FFormalCentre", parent=self.formal, alignment=TA_CENTER)
        self.signer = ParagraphStyle("FSigner", parent=self.formal, fontName=MYEONGJO_BOLD, alignment=TA_RIGHT)
        self.cell = ParagraphStyle("FCell", parent=s.cell, fontSize=8.5, leading=11)
        self.cell_right = ParagraphStyle("FCellRight", parent=self.cell, alignment=TA_RIGHT)
        self.cell_centre = ParagraphStyle("FCellCentre", parent=self.cell, alignment=TA_CENTER)
        self.cell_head = ParagraphStyle("FCellHead", parent=self.cell, fontName=GOTHIC_BOLD, alignment=TA_CENTER)

    # -- what every paper says about itself ------------------------------------------------
    def coop_name(self) -> str:
        return self.pack.form.coop_name

    def audit_mark(self) -> str:
        return self.pack.audit_mark

    def document_date(self) -> dt.date:
        return self.pack.form.filed_on or dt.date.today()

    @property
    def width(self) -> float:
        return self.usable_width()

    # -- words -----------------------------------------------------------------------------
    def date(self, value: dt.date | None) -> str:
        return self.t.date(value, "long") if value else ""

    def blank_date(self) -> str:
        """"      년    월    일": a date to be written by hand."""
        return self.t.gettext("{year}   .   {month}   .   {day}", year="        ", month="    ", day="    ")

    def reference_note(self) -> list[Flowable]:
        return reference_note(self, self.note)

    # -- blocks ----------------------------------------------------------------------------
    def boxed_rows(self, rows: Sequence[tuple[str, str | Flowable]], key_width: float = 38 * mm) -> Table:
        """A ruled box of "label | value" rows, as a Korean form prints them."""
        data = [[self.para(key, self.label), self.para(value, self.value) if isinstance(value, str) else value]
                for key, value in rows]
        return Table(data, colWidths=[key_width, self.width - key_width], style=[
            ("FONT", (0, 0), (-1, -1), GOTHIC, 9.5),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BOX", (0, 0), (-1, -1), 0.9, RULE),
            ("INNERGRID", (0, 0), (-1, -1), 0.4, LIGHT_RULE),
            ("BACKGROUND", (0, 0), (0, -1), KEY_BACKGROUND),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 * mm),
            ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * mm),
        ])

    def boxed_pairs(self, rows: Sequence[Sequence[tuple[str, str]]], key_width: float = 30 * mm) -> Table:
        """A ruled box of one or two "label | value" pairs a row, as the ministry's forms lay them out."""
        value_width = (self.width - 2 * key_width) / 2
        data: list[list[object]] = []
        spans: list[tuple[object, ...]] = []
        for n, pairs in enumerate(rows):
            cells: list[object] = []
            for key, value in pairs:
                cells += [self.para(key, self.label), self.para(value, self.value)]
            if len(pairs) == 1:
                cells += ["", ""]
                spans.append(("SPAN", (1, n), (3, n)))
            else:
                spans.append(("BACKGROUND", (2, n), (2, n), KEY_BACKGROUND))
            data.append(cells)
        return Table(data, colWidths=[key_width, value_width, key_width, value_width], style=[
            ("FONT", (0, 0), (-1, -1), GOTHIC, 9.5),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BOX", (0, 0), (-1, -1), 0.9, RULE),
            ("INNERGRID", (0, 0), (-1, -1), 0.4, LIGHT_RULE),
            ("BACKGROUND", (0, 0), (0, -1), KEY_BACKGROUND),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 * mm),
            ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * mm),
            *spans,
        ])

    def grid(self, header: Sequence[str], rows: Sequence[Row], widths: Sequence[float], *,
             right: Sequence[int] = (), centre: Sequence[int] = (), total: bool = False,
             pad: float = 1.6 * mm) -> Table:
        """A ruled table with its heading row repeated on every page; ``right`` columns are
        amounts, ``centre`` short codes; ``total``: the last row is a total, in bold; ``pad``: above
        and below the text of each row (more where people sign)."""
        def cell(value: str | Flowable, column: int) -> str | Flowable:
            if not isinstance(value, str):
                return value
            style = self.cell_right if column in right else self.cell_centre if column in centre else self.cell
            return self.para(value, style)

        data: list[list[str | Flowable]] = [[self.para(h, self.cell_head) for h in header]]
        data += [[cell(v, n) for n, v in enumerate(row)] for row in rows]
        style: list[tuple[object, ...]] = [
            ("FONT", (0, 0), (-1, -1), GOTHIC, 8.5),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BOX", (0, 0), (-1, -1), 0.9, RULE),
            ("INNERGRID", (0, 0), (-1, -1), 0.4, LIGHT_RULE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.9, RULE),
            ("BACKGROUND", (0, 0), (-1, 0), KEY_BACKGROUND),
            ("TOPPADDING", (0, 0), (-1, 0), 1.6 * mm), ("BOTTOMPADDING", (0, 0), (-1, 0), 1.6 * mm),
            ("TOPPADDING", (0, 1), (-1, -1), pad), ("BOTTOMPADDING", (0, 1), (-1, -1), pad),
            ("LEFTPADDING", (0, 0), (-1, -1), 1.5 * mm), ("RIGHTPADDING", (0, 0), (-1, -1), 1.5 * mm),
        ]
        if total and rows:
            style += [("LINEABOVE", (0, -1), (-1, -1), 0.9, RULE), ("BACKGROUND", (0, -1), (-1, -1), KEY_BACKGROUND),
                      ("FONT", (0, -1), (-1, -1), GOTHIC_BOLD, 8.5)]
        return Table(data, colWidths=list(widths), repeatRows=1, style=style, hAlign="CENTER")

    def bold(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(f"<b>{escape(text)}</b>", style or self.cell)

    def nothing_yet(self, text: str) -> list[Flowable]:
        """A part with nothing to print yet: one line that says what is missing."""
        return [self.para(text, self.note)]

    def seal_line(self, role: str, name: str) -> Table:
        """"신고인  홍길동  (서명 또는 인)", right-aligned."""
        data = [[self.para(role, self.formal), self.para(name, self.signer),
                 self.para(self.t.gettext("(signature or seal)"), self.note)]]
        return Table(data, colWidths=[40 * mm, 40 * mm, 30 * mm], hAlign="RIGHT", style=[
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("FONT", (0, 0), (-1, -1), MYEONGJO, 11)])


def reference_note(renderer: DocumentRenderer, style: ParagraphStyle) -> list[Flowable]:
    """On the first page of an English paper: a box saying it is a reference translation."""
    if renderer.language == "ko":
        return []
    width = renderer.usable_width()
    text = Paragraph(escape(renderer.t.gettext(REFERENCE_NOTE)), style)
    box = Table([[text]], colWidths=[width], style=[
        ("BACKGROUND", (0, 0), (-1, -1), NOTE_BACKGROUND),
        ("BOX", (0, 0), (-1, -1), 0.6, LIGHT_RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm), ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 2 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
    ])
    return [box, Spacer(0, 3 * mm)]
