"""What every printed document shares, after pretix's invoice renderer.

A document is a ``DocumentRenderer`` subclass overriding a few small steps (title, page
size, story); the base supplies the running header, "page X of Y" in the document's
language, one style sheet, the PDF metadata, progress with Cancel, and returns bytes.
It also holds what the areas' renderers write with: ``para()`` for a paragraph of plain text,
``ticks()`` for progress placed in the story, the rule colours of the "label | value" blocks,
and ``clock()``/``say()`` for times and the domain's sentences.
Long tables with a header row on every page are in ``coopdesk.documents.tables``.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from coopdesk.documents.fonts import GOTHIC, GOTHIC_BOLD, register_fonts
from coopdesk.domain.errors import Cancelled
from coopdesk.domain.text import Explanation
from coopdesk.i18n import Translator

Progress = Callable[[int, int], bool]
PageHook = Callable[[Canvas, int, int], None]
GREY = colors.HexColor("#555d6b")
# The "label | value" blocks of the meeting, election, capital and education papers: a rule
# above and below, hairlines between, the labels on a pale ground.  The forms people fill in
# by hand (membership, founding) draw their boxes darker.
RULE = colors.HexColor("#7d8798")
LIGHT_RULE = colors.HexColor("#c5ccd6")
KEY_BACKGROUND = colors.HexColor("#eef1f5")


def clock(value: dt.time | None) -> str:
    """A time of day as "14:00": plain, the same in every language."""
    return "" if value is None else f"{value.hour:02d}:{value.minute:02d}"


def say(t: Translator, sentence: Explanation) -> str:
    """A domain sentence in ``t``'s language, its numbers in that language's format."""
    return t.gettext(sentence.message, **{k: t.number(v) for k, v in sentence.params})


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    title: ParagraphStyle
    info: ParagraphStyle
    cell: ParagraphStyle
    narrow_cell: ParagraphStyle
    label: ParagraphStyle  # the label of a "label | value" row
    note: ParagraphStyle  # small grey print under a block
    centred: ParagraphStyle


def stylesheet() -> Styles:
    """The one style sheet; fresh objects each time so a document may adjust its copy."""
    register_fonts()
    # The default word wrap breaks at spaces, which is how Korean text wraps.
    body = ParagraphStyle("Body", fontName=GOTHIC, fontSize=10, leading=14)
    cell = ParagraphStyle("Cell", parent=body, fontSize=8, leading=10)
    return Styles(
        body=body,
        title=ParagraphStyle("Title", parent=body, fontName=GOTHIC_BOLD, fontSize=16,
                             leading=20, spaceAfter=2 * mm),
        info=ParagraphStyle("Info", parent=body, fontSize=9, leading=12, textColor=GREY,
                            spaceAfter=3 * mm),
        cell=cell,
        # Breaking between any two syllables is only acceptable in a narrow cell.
        narrow_cell=ParagraphStyle("NarrowCell", parent=cell, wordWrap="CJK"),
        label=ParagraphStyle("Label", parent=body, fontName=GOTHIC_BOLD),
        note=ParagraphStyle("Note", parent=body, fontSize=8.5, leading=11.5, textColor=GREY),
        centred=ParagraphStyle("Centred", parent=body, alignment=TA_CENTER),
    )


class ProgressTicker:
    """Calls ``progress(done, total)`` every ``step`` units; a ``False`` answer cancels."""

    def __init__(self, callback: Progress | None, total: int = 0, step: int = 500) -> None:
        self.callback, self.total, self.step = callback, total, step
        self._reported = 0

    def advance(self, done: int) -> None:
        if self.callback is None:
            return
        if done - self._reported >= self.step or done >= self.total:
            self._reported = done
            # Only an explicit False cancels: a callback that returns nothing goes on.
            if self.callback(done, self.total) is False:
                raise Cancelled()


class Tick(Flowable):
    """Nothing on the page: drawing it reports progress, so that Cancel stops the layout
    itself, not only the preparing of it."""

    def __init__(self, ticker: ProgressTicker, done: int) -> None:
        super().__init__()
        self.ticker, self.done = ticker, done
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.ticker.advance(self.done)


class PagedCanvas(Canvas):
    """A canvas that prints "page X of Y" on every page in a single pass.

    The total is unknown until the end, so each page shows a small form that is filled
    in at save().  The usual recipe (holding every page back until the end) would keep a
    2,500-page register in memory twice.
    """

    def __init__(self, *args: Any, page_number: PageHook, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._draw_page_number, self._pages = page_number, 0

    def showPage(self) -> None:
        self._pages += 1
        self.doForm(f"pageNumber{self._pages}")
        super().showPage()

    def save(self) -> None:
        for page in range(1, self._pages + 1):
            self.beginForm(f"pageNumber{page}")
            self._draw_page_number(self, page, self._pages)
            self.endForm()
        super().save()


@dataclass(frozen=True)
class Margins:
    left: float = 14 * mm
    right: float = 14 * mm
    top: float = 20 * mm  # room for the running header
    bottom: float = 16 * mm  # room for "page X of Y"


def set_document_metadata(doc: BaseDocTemplate, *, title: str, language: str,
                          subject: str = "") -> None:
    """Title, author and language as PDF readers and screen readers show them."""
    doc.title, doc.subject = title, subject
    doc.author = doc.creator = "CoopDesk"
    doc.lang = Translator(language).locale.replace("_", "-")


class DocumentRenderer:
    """Base of every document: override the steps, call ``render()`` for the bytes.

    ``progress(done, total)`` is called every ``step`` units (``step=1`` where each unit is a
    page or a certificate); an answer of False cancels.
    """

    margins = Margins()
    # The Nanum families the document draws with: each costs about 0.1 s to load the first time.
    fonts: tuple[str, ...] = (GOTHIC,)

    def __init__(self, language: str, *, progress: Progress | None = None, step: int = 500) -> None:
        register_fonts(self.fonts)
        self.language = language
        self.t = Translator(language)
        self.styles = stylesheet()
        self.progress = ProgressTicker(progress, step=step)

    # -- steps a document overrides ---------------------------------------------
    def page_size(self) -> tuple[float, float]:
        return A4

    def title(self) -> str:
        raise NotImplementedError

    def coop_name(self) -> str:
        raise NotImplementedError

    def document_date(self) -> dt.date:
        return dt.date.today()

    def build_story(self) -> list[Flowable]:
        raise NotImplementedError

    def audit_mark(self) -> str:
        """The audit log's state at printing ("152:1a2b3c4d5e6f"): paper that anchors the file."""
        return ""

    # -- what a document writes with ------------------------------------------------
    def usable_width(self) -> float:
        """The width between the side margins."""
        return self.page_size()[0] - self.margins.left - self.margins.right

    def para(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of plain text (escaped; line breaks kept), in the body style unless told."""
        return Paragraph(escape(text).replace("\n", "<br/>"), style or self.styles.body)

    def ticks(self, total: int) -> list[Tick]:
        """``total`` ticks to place in the story, the n-th reporting n of ``total``: drawing
        them reports progress, and a False answer stops the layout there."""
        self.progress.total = total
        return [Tick(self.progress, n) for n in range(1, total + 1)]

    def draw_first_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self.draw_header(canvas, doc)

    def draw_later_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self.draw_header(canvas, doc)

    def draw_header(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """Co-op name and document title on the left, the date on the right, a rule."""
        width, height = doc.pagesize
        left, right, y = self.margins.left, width - self.margins.right, height - 12 * mm
        canvas.saveState()
        canvas.setFont(GOTHIC_BOLD, 9)
        canvas.drawString(left, y, self.coop_name())
        canvas.setFont(GOTHIC, 9)
        canvas.drawString(left + canvas.stringWidth(self.coop_name(), GOTHIC_BOLD, 9) + 3 * mm,
                          y, self.title())
        canvas.drawRightString(right, y, self.t.date(self.document_date(), "long"))
        canvas.setStrokeColor(GREY)
        canvas.setLineWidth(0.5)
        canvas.line(left, y - 2.5 * mm, right, y - 2.5 * mm)
        canvas.restoreState()

    def draw_page_number(self, canvas: Canvas, page: int, pages: int) -> None:
        width = self.page_size()[0]
        canvas.setFont(GOTHIC, 8)
        canvas.setFillColor(GREY)
        canvas.drawCentredString(width / 2, 9 * mm, self.t.gettext(
            "Page {page} of {pages}", page=self.t.number(page), pages=self.t.number(pages)))
        mark = self.audit_mark()
        if mark:  # small, at the foot: "coopdesk audit verify --against" checks a file against it
            canvas.setFont(GOTHIC, 6)
            canvas.drawRightString(width - self.margins.right, 9 * mm,
                                   self.t.gettext("Audit log {mark}", mark=mark))

    def page_templates(self, doc: BaseDocTemplate) -> list[PageTemplate]:
        frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        return [
            PageTemplate("first", [frame], onPage=self.draw_first_page, autoNextPageTemplate="later"),
            PageTemplate("later", [frame], onPage=self.draw_later_page),
        ]

    # -- the fixed part ---------------------------------------------------------
    def render(self) -> bytes:
        # Binary (not ASCII85) streams: a fifth smaller and faster.  The switch is
        # process-wide; every CoopDesk document wants it.
        rl_config.useA85 = 0
        buffer = io.BytesIO()
        m = self.margins
        doc = BaseDocTemplate(buffer, pagesize=self.page_size(), leftMargin=m.left,
                              rightMargin=m.right, topMargin=m.top, bottomMargin=m.bottom,
                              # else every page names Helvetica, which is not embedded
                              initialFontName=GOTHIC, initialFontSize=10, initialLeading=12)
        set_document_metadata(doc, title=self.title(), language=self.language)
        doc.addPageTemplates(self.page_templates(doc))
        doc.build(self.build_story(), canvasmaker=self._make_canvas)
        return buffer.getvalue()

    def _make_canvas(self, *args: Any, **kwargs: Any) -> PagedCanvas:
        return PagedCanvas(*args, page_number=self.draw_page_number, **kwargs)
