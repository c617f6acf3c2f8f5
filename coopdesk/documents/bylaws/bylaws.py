"""The bylaws (정관) as a PDF, laid out as Korean bylaws are filed: the title with its history
(제정 … 개정 …), chapters centred, each article's heading in bold before its first paragraph,
paragraphs ①②③ and items 1. 2. 3. with hanging indents, the supplementary provisions
(부칙) of every version, and the founders' names with a place for their seals.

The Korean text is the bylaws; the English is a reference translation and says so in a box
on its first page.  The text itself comes from ``domain.bylaws.render``; only the words
around it (the running header, the note on a version not yet in force) are the program's.
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from coopdesk.documents.base import (
    GREY,
    DocumentRenderer,
    Margins,
    Progress,
    Tick,
)
from coopdesk.documents.fonts import (
    GOTHIC,
    MYEONGJO,
    MYEONGJO_BOLD,
    register_fonts,
)
from coopdesk.domain.bylaws.papers import BylawsPaper
from coopdesk.domain.bylaws.render import RenderedArticle, RenderedBylaws, render_bylaws

NOTE_BACKGROUND = colors.HexColor("#f3f5f8")
NOTE_RULE = colors.HexColor("#9aa3b1")
HANG = 5 * mm  # the hanging indent of a paragraph's or item's label


def render_bylaws_pdf(paper: BylawsPaper, language: str, *, progress: Progress | None = None) -> bytes:
    """The bylaws as PDF bytes; ``progress(done, total)`` returning False cancels."""
    return BylawsRenderer(paper, language, progress=progress).render()




def legal_styles(base: ParagraphStyle, language: str) -> dict[str, ParagraphStyle]:
    """The bylaws' own styles: Myeongjo for the text, set as statutes are printed.

    Korean lines are justified and may break between syllables (as statutes are set), which
    keeps the spaces of a justified line even; English breaks at spaces, ragged right."""
    korean = language == "ko"
    body = ParagraphStyle("LegalBody", parent=base, fontName=MYEONGJO, fontSize=10.5, leading=17,
                          alignment=TA_JUSTIFY if korean else TA_LEFT, spaceAfter=0.6 * mm,
                          wordWrap="CJK" if korean else None)
    return {
        "title": ParagraphStyle("LegalTitle", parent=body, fontName=MYEONGJO_BOLD, fontSize=20, leading=28,
                                alignment=TA_CENTER, spaceAfter=3 * mm),
        "history": ParagraphStyle("LegalHistory", parent=body, fontName=GOTHIC, fontSize=8.5, leading=12,
                                  alignment=TA_CENTER, textColor=GREY),
        "chapter": ParagraphStyle("LegalChapter", parent=body, fontName=MYEONGJO_BOLD, fontSize=12.5, leading=18,
                                  alignment=TA_CENTER, spaceBefore=7 * mm, spaceAfter=3.5 * mm, keepWithNext=1),
        "article": ParagraphStyle("LegalArticle", parent=body, spaceBefore=2.2 * mm),
        "paragraph": ParagraphStyle("LegalParagraph", parent=body, leftIndent=HANG, firstLineIndent=-HANG),
        "item": ParagraphStyle("LegalItem", parent=body, leftIndent=2 * HANG + 1 * mm, firstLineIndent=-HANG),
        "subitem": ParagraphStyle("LegalSubItem", parent=body, leftIndent=3 * HANG + 2 * mm, firstLineIndent=-HANG),
        "centre": ParagraphStyle("LegalCentre", parent=body, alignment=TA_CENTER),
        "note": ParagraphStyle("LegalNote", parent=body, fontName=GOTHIC, fontSize=8.5, leading=12.5,
                               alignment=TA_JUSTIFY),
    }


def article_flowables(article: RenderedArticle, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The article's heading in bold before its first paragraph; the rest with hanging labels."""
    found: list[Flowable] = []
    heading = f"<b>{escape(article.heading)}</b> " if article.heading else ""
    for n, (depth, label, text) in enumerate(article.lines()):
        words = f"{escape(label)} {escape(text)}".strip()
        if n == 0:
            found.append(Paragraph(heading + words, styles["article"]))
        else:
            found.append(Paragraph(words, styles[("paragraph", "item", "subitem")[min(depth, 2)]]))
    return found


class BylawsRenderer(DocumentRenderer):
    margins = Margins(left=22 * mm, right=22 * mm, top=24 * mm, bottom=20 * mm)

    def __init__(self, paper: BylawsPaper, language: str, *, progress: Progress | None = None) -> None:
        super().__init__(language, progress=progress)
        register_fonts((GOTHIC, MYEONGJO))
        self.paper = paper
        self.bylaws: RenderedBylaws = render_bylaws(paper.facts, language, self.t)
        self.legal = legal_styles(self.styles.body, language)
        self.progress.total = len(self.bylaws.articles()) + sum(len(s.articles) for s in self.bylaws.supplements)
        self.progress.step = 1

    def title(self) -> str:
        return self.t.gettext("Bylaws")

    def coop_name(self) -> str:
        return self.paper.facts.coop_name

    def audit_mark(self) -> str:
        return self.paper.audit_mark

    def document_date(self) -> dt.date:
        version = self.paper.facts.version
        return version.effective_on or version.adopted_on

    def draw_header(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """The co-op and "정관" on the left; on the right the day this text is in force from."""
        width, height = doc.pagesize
        left, right, y = self.margins.left, width - self.margins.right, height - 13 * mm
        version = self.paper.facts.version
        if version.effective_on is not None:
            when = self.t.gettext("In force from {date}", date=self.t.date(version.effective_on, "long"))
        else:
            when = self.t.gettext("Adopted on {date}; not yet in force", date=self.t.date(version.adopted_on, "long"))
        canvas.saveState()
        canvas.setFillColor(GREY)
        canvas.setFont(GOTHIC, 8)
        canvas.drawString(left, y, f"{self.coop_name()}  {self.title()}")
        canvas.drawRightString(right, y, when)
        canvas.setStrokeColor(colors.HexColor("#c5ccd6"))
        canvas.setLineWidth(0.4)
        canvas.line(left, y - 2.5 * mm, right, y - 2.5 * mm)
        canvas.restoreState()

    # -- the story -------------------------------------------------------------------------
    def build_story(self) -> list[Flowable]:
        b, s = self.bylaws, self.legal
        story: list[Flowable] = [Spacer(0, 6 * mm), Paragraph(escape(b.title), s["title"]),
                                 Paragraph(escape("  ·  ".join(b.history)), s["history"]), Spacer(0, 5 * mm)]
        if b.reference_note:
            story += [self._boxed(b.reference_note), Spacer(0, 3 * mm)]
        if self.paper.waiting:
            version = self.paper.facts.version
            story += [self._boxed(self.t.gettext(
                "Adopted by the general assembly on {date}. It comes into force on the day it is reported to the "
                "city or province (for a social co-op: the day it is authorised).",
                date=self.t.date(version.adopted_on, "long"))), Spacer(0, 3 * mm)]
        done = 0
        for chapter in b.chapters:
            first = True
            for article in chapter.articles:
                parts = article_flowables(article, s)
                if first:  # a chapter heading never ends a page alone
                    parts = [Paragraph(escape(chapter.heading), s["chapter"]), *parts]
                    first = False
                done += 1
                story += [KeepTogether(parts[:3]), *parts[3:], Tick(self.progress, done)]
        for supplement in b.supplements:
            story.append(Paragraph(escape(supplement.heading), s["chapter"]))
            for article in supplement.articles:
                done += 1
                story += [*article_flowables(article, s), Tick(self.progress, done)]
        story += self._founders()
        return story

    def _boxed(self, text: str) -> Table:
        width = self.page_size()[0] - self.margins.left - self.margins.right
        return Table([[Paragraph(escape(text), self.legal["note"])]], colWidths=[width], style=[
            ("BACKGROUND", (0, 0), (-1, -1), NOTE_BACKGROUND),
            ("BOX", (0, 0), (-1, -1), 0.6, NOTE_RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 3.5 * mm),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3.5 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5 * mm),
        ])

    def _founders(self) -> list[Flowable]:
        """"위와 같이 … 기명날인한다.", the day, the co-op, and the founders two to a row."""
        b, s = self.bylaws, self.legal
        if not b.founders:
            return []
        names = list(b.founders)
        rows, lines = [], []
        for n in range(0, len(names), 2):
            row: list[str] = []
            for column, name in enumerate(names[n:n + 2]):
                row += [b.founder_word, name, b.seal_word]
                lines.append(("LINEBELOW", (3 * column + 1, n // 2), (3 * column + 1, n // 2), 0.5, colors.black))
            rows.append([Paragraph(escape(cell), s["centre"]) for cell in row + [""] * (6 - len(row))])
        table = Table(rows, colWidths=[18 * mm, 32 * mm, 15 * mm] * 2, rowHeights=[11 * mm] * len(rows),
                      hAlign="CENTER", style=[
                          ("FONT", (0, 0), (-1, -1), MYEONGJO, 10.5),
                          ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                          *lines,
                      ])
        # Keep the block whole: a founder's line alone on a last page reads as a loose sheet.
        return [Spacer(0, 8 * mm), KeepTogether([
            Paragraph(escape(b.founders_intro), s["article"]), Spacer(0, 6 * mm),
            Paragraph(escape(b.founders_date), s["centre"]), Spacer(0, 2 * mm),
            Paragraph(f"<b>{escape(self.coop_name())}</b>", s["centre"]), Spacer(0, 4 * mm), table])]
