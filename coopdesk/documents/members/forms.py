"""The membership forms, blank or filled from the record: what they share, and the one entry point.

A form is a ruled grid of labelled boxes, tall enough to write in by hand; the boxes of a blank
form are empty, those of a filled form hold the record's values.  Choices print as boxes (□), the
chosen one filled (■).  The day is printed, or left as "    년    월    일" to fill in.  A form ends
with the signer's line "(signature or seal)" and the co-op's chair it is addressed to.  The forms
themselves: ``forms_application`` (가입신청서), ``forms_consent`` (개인정보 수집·이용 동의서),
``forms_withdrawal`` (탈퇴신청서).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Paragraph, Table

from coopdesk.documents.base import (
    GREY,
    KEY_BACKGROUND,
    DocumentRenderer,
    Progress,
)
from coopdesk.documents.fonts import (
    GOTHIC,
    GOTHIC_BOLD,
    MYEONGJO,
    MYEONGJO_BOLD,
)
from coopdesk.domain.members.forms import FormKind, FormPerson, MemberForm

# A form filled in by hand: its boxes ruled darker than the meeting papers' blocks.
RULE = colors.HexColor("#3d4a5c")
LIGHT_RULE = colors.HexColor("#9aa3b0")
EMPTY, CHOSEN = "\u25a1", "\u25a0"  # □ ■
GAP = "\u00a0"  # room left to write in: a no-break space, which a paragraph neither breaks nor squeezes
WRITE_HEIGHT = 11 * mm  # a box a hand writes in


def render_member_form(form: MemberForm, language: str, *, progress: Progress | None = None) -> bytes:
    """The form as PDF bytes, in ``language``."""
    renderer: type[FormRenderer]
    if form.kind is FormKind.APPLICATION:
        from coopdesk.documents.members.forms_application import ApplicationRenderer

        renderer = ApplicationRenderer
    elif form.kind is FormKind.CONSENT:
        from coopdesk.documents.members.forms_consent import ConsentRenderer

        renderer = ConsentRenderer
    else:
        from coopdesk.documents.members.forms_withdrawal import WithdrawalRenderer

        renderer = WithdrawalRenderer
    return renderer(form, language, progress=progress).render()


class FormRenderer(DocumentRenderer):
    """A membership form; ``progress(done, total)`` returning False cancels."""

    fonts = (GOTHIC, MYEONGJO)

    def __init__(self, form: MemberForm, language: str, *, progress: Progress | None = None) -> None:
        super().__init__(language, progress=progress, step=1)
        self.form = form
        s = self.styles
        self.heading = ParagraphStyle("FormHeading", parent=s.title, fontName=MYEONGJO_BOLD, alignment=TA_CENTER,
                                      fontSize=20, leading=26, spaceAfter=5 * mm)
        self.section = ParagraphStyle("FormSection", parent=s.body, fontName=GOTHIC_BOLD, fontSize=11, leading=15,
                                      spaceBefore=4 * mm, spaceAfter=1.5 * mm)
        self.label = ParagraphStyle("FormLabel", parent=s.body, fontName=GOTHIC_BOLD, fontSize=9.5, leading=12,
                                    alignment=TA_CENTER)
        self.value = ParagraphStyle("FormValue", parent=s.body, fontSize=10, leading=13)
        self.small = ParagraphStyle("FormSmall", parent=s.body, fontSize=8.5, leading=11.5)
        self.note = ParagraphStyle("FormNote", parent=s.body, fontSize=8, leading=10.5, textColor=GREY,
                                   spaceBefore=1 * mm)
        self.formal = ParagraphStyle("FormFormal", parent=s.body, fontName=MYEONGJO, fontSize=11.5, leading=18)
        self.centred = ParagraphStyle("FormCentred", parent=self.formal, alignment=TA_CENTER)
        self.right = ParagraphStyle("FormRight", parent=self.formal, alignment=TA_RIGHT)
        self.addressee = ParagraphStyle("FormAddressee", parent=self.formal, fontName=MYEONGJO_BOLD, fontSize=14,
                                        leading=20)

    # -- the steps of a document ------------------------------------------------------------
    def title(self) -> str:
        return self.t.gettext(self.form.kind.label)

    def coop_name(self) -> str:
        return self.form.coop.name

    def audit_mark(self) -> str:
        return "" if self.form.blank else self.form.coop.audit_mark

    def document_date(self) -> dt.date:
        return self.form.issued_on

    def draw_first_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """A form has no running header: its title is its heading, and its day is the one written in."""

    # -- words -----------------------------------------------------------------------------
    def para(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """As every paper's, but what is written in a box is in the box's value style."""
        return super().para(text, style or self.value)

    def money(self, won: int) -> str:
        return self.t.money(won)

    def date(self, day: dt.date | None) -> str:
        """The day, or the blanks a hand fills in."""
        if day is not None:
            return self.t.date(day, "long")
        if self.language == "ko":  # the Korean forms' "      년    월    일"
            return f"{GAP * 8}년{GAP * 6}월{GAP * 6}일"
        return self.t.gettext("Date: {blank}", blank="_" * 20)

    def of(self, read: Callable[[FormPerson], str]) -> str:
        """What a filled form writes in a box (``read`` from the record); "" on a blank form."""
        return "" if self.form.person is None else read(self.form.person)

    def birth(self, p: FormPerson) -> str:
        return self.t.date(p.birth_date, "long") if p.birth_date is not None else ""

    def choices(self, options: Sequence[str], chosen: str | None) -> str:
        return (GAP * 4).join(f"{CHOSEN if o == chosen else EMPTY} {o}" for o in options)

    def chair(self) -> str:
        return self.t.gettext("To the chair of {coop}", coop=self.form.coop.name)

    # -- blocks ----------------------------------------------------------------------------
    def boxes(self, rows: Sequence[Sequence[tuple[str, str]]], key_width: float = 30 * mm,
              height: float = WRITE_HEIGHT) -> Table:
        """Rows of (label, value) pairs, one or two to a row, in ruled boxes tall enough to write in."""
        width = self.usable_width()
        pairs = max(len(r) for r in rows)
        value_width = (width - pairs * key_width) / pairs
        data, spans, keys = [], [], []
        for i, row in enumerate(rows):
            cells: list[Flowable | str] = []
            for label, value in row:
                keys.append(("BACKGROUND", (len(cells), i), (len(cells), i), KEY_BACKGROUND))
                cells += [self.para(label, self.label), self.para(value)]
            if len(row) < pairs:  # the last value runs to the right edge
                spans.append(("SPAN", (len(cells) - 1, i), (2 * pairs - 1, i)))
                cells += [""] * (2 * (pairs - len(row)))
            data.append(cells)
        widths = [key_width, value_width] * pairs
        style = [
            ("FONT", (0, 0), (-1, -1), GOTHIC, 10),
            ("GRID", (0, 0), (-1, -1), 0.4, LIGHT_RULE),
            ("BOX", (0, 0), (-1, -1), 1.2, RULE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * mm),
            *keys,
            *spans,
        ]
        return Table(data, colWidths=widths, rowHeights=[height] * len(data), hAlign="CENTER", style=style)

    def text_box(self, rows: Sequence[tuple[str, Flowable | str]], key_width: float = 34 * mm) -> Table:
        """Label and text rows (a notice's paragraphs), the text at its own height."""
        width = self.usable_width()
        data = [[self.para(label, self.label), self.para(text, self.small) if isinstance(text, str) else text]
                for label, text in rows]
        return Table(data, colWidths=[key_width, width - key_width], hAlign="CENTER", style=[
            ("FONT", (0, 0), (-1, -1), GOTHIC, 10),
            ("GRID", (0, 0), (-1, -1), 0.4, LIGHT_RULE),
            ("BOX", (0, 0), (-1, -1), 1.2, RULE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (0, -1), KEY_BACKGROUND),
            ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
            ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * mm),
        ])

    def signature(self, who: str, name: str | None, day: dt.date | None) -> list[Flowable]:
        """The day, then "who: name (signature or seal)" on the right, the name a line to write on."""
        width = self.usable_width()
        name_text = name or ""
        line = Table([["", self.para(who, self.right), self.para(name_text, self.formal),
                       self.para(self.t.gettext("(signature or seal)"), self.small)]],
                     colWidths=[width - 30 * mm - 45 * mm - 30 * mm, 30 * mm, 45 * mm, 30 * mm],
                     rowHeights=[12 * mm], hAlign="CENTER", style=[
                         ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                         ("LINEBELOW", (2, 0), (2, 0), 0.6, RULE),
                         ("LEFTPADDING", (2, 0), (2, 0), 3 * mm),
                     ])
        return [self.para(self.date(day if not self.form.blank else None), self.centred), line]
