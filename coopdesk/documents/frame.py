"""The framed page of a certificate: the share certificate (출자증서) and the certificate of
completion (수료증) are drawn alike, as the model forms draw them.

A double frame stands in place of the running header, and there are no page numbers: each page
is a paper on its own.  Only the audit mark sits small at the foot, so that a certificate can be
matched to the file it was printed from.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, PageBreak

from coopdesk.documents.base import DocumentRenderer
from coopdesk.documents.fonts import GOTHIC

FRAME = colors.HexColor("#3d4a5c")
MARK = colors.HexColor("#8a93a3")


def draw_frame(canvas: Canvas, doc: BaseDocTemplate) -> None:
    """The double frame: a heavy rule outside, a thin one just within it."""
    width, height = doc.pagesize
    canvas.saveState()
    canvas.setStrokeColor(FRAME)
    canvas.setLineWidth(2)
    canvas.rect(14 * mm, 14 * mm, width - 28 * mm, height - 28 * mm)
    canvas.setLineWidth(0.6)
    canvas.rect(17 * mm, 17 * mm, width - 34 * mm, height - 34 * mm)
    canvas.restoreState()


def one_page_each(pages: Iterable[list[Flowable]], ticks: Sequence[Flowable]) -> list[Flowable]:
    """Each certificate on a page of its own, followed by its tick: progress, and Cancel between pages."""
    story: list[Flowable] = []
    for n, (page, tick) in enumerate(zip(pages, ticks)):
        if n:
            story.append(PageBreak())
        story += page
        story.append(tick)
    return story


class FramedPages(DocumentRenderer):
    """Put first among a certificate renderer's bases: its pages are framed, not headed and numbered."""

    def draw_header(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        draw_frame(canvas, doc)

    def draw_page_number(self, canvas: Canvas, page: int, pages: int) -> None:
        mark = self.audit_mark()
        if mark:  # within the frame's lower right corner
            canvas.setFont(GOTHIC, 6)
            canvas.setFillColor(MARK)
            canvas.drawRightString(self.page_size()[0] - 20 * mm, 19.5 * mm,
                                   self.t.gettext("Audit log {mark}", mark=mark))
