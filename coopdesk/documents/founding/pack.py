"""The filing pack (설립신고 서류; a social co-op's 설립인가 신청 서류): every paper the city or
province asks for, as one PDF with a cover and contents, or as one PDF per paper.

One PDF: each paper keeps its own page layout (the bylaws their margins and header, the
minutes theirs), laid out one after another on the page templates of the paper; the contents
give each paper's pages, filled in when the last page is known, in the same single pass the
"page X of Y" of every page uses.  Separate files: each paper rendered on its own.  Progress is
reported paper by paper and article by article of the bylaws; a False answer cancels.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
)

from coopdesk.documents.base import (
    GREY,
    DocumentRenderer,
    PagedCanvas,
    Progress,
    ProgressTicker,
    Tick,
)
from coopdesk.documents.bylaws.bylaws import BylawsRenderer
from coopdesk.documents.fonts import GOTHIC
from coopdesk.documents.founding.base import FoundingRenderer
from coopdesk.documents.founding.form import FormRenderer
from coopdesk.documents.founding.lists import (
    ConsentersRenderer,
    OfficersRenderer,
    SharesRenderer,
)
from coopdesk.documents.founding.meeting import (
    FoundingMinutesRenderer,
    PublicNoticeRenderer,
)
from coopdesk.documents.founding.plans import BudgetRenderer, BusinessPlanRenderer
from coopdesk.domain.founding.papers import FilingPack, PackPart, form_label
from coopdesk.domain.text import N_

PACK_TITLE = N_("Papers for the report of founding")
SOCIAL_PACK_TITLE = N_("Papers for the authorisation of founding")
_OWN = {PackPart.FORM: FormRenderer, PackPart.OFFICERS: OfficersRenderer, PackPart.SHARES: SharesRenderer,
        PackPart.CONSENTERS: ConsentersRenderer, PackPart.BUSINESS_PLAN: BusinessPlanRenderer,
        PackPart.BUDGET: BudgetRenderer}


def pack_title(social: bool) -> str:
    return SOCIAL_PACK_TITLE if social else PACK_TITLE


class MissingPart(FoundingRenderer):
    """A paper of the founding meeting before it has been held: its title and why it is empty."""

    def __init__(self, pack: FilingPack, part: PackPart, language: str) -> None:
        super().__init__(pack, language)
        self.part = part

    def title(self) -> str:
        return self.t.gettext(self.part.label)

    def build_story(self) -> list[Flowable]:
        return [*self.reference_note(), self.para(self.title(), self.heading),
                *self.nothing_yet(self.t.gettext("The founding meeting is not on record yet: this paper is printed "
                                                 "once it has been created and held."))]


def part_renderer(pack: FilingPack, part: PackPart, language: str) -> DocumentRenderer:
    """The renderer of one paper of the pack."""
    if part is PackPart.BYLAWS:
        return BylawsRenderer(pack.bylaws, language)
    if part is PackPart.NOTICE:
        return PublicNoticeRenderer(pack.notice, language) if pack.notice else MissingPart(pack, part, language)
    if part is PackPart.MINUTES:
        return FoundingMinutesRenderer(pack.minutes, language) if pack.minutes else MissingPart(pack, part, language)
    return _OWN[part](pack, language)


def part_title(pack: FilingPack, part: PackPart, language: str) -> str:
    from coopdesk.i18n import Translator

    t = Translator(language)
    return t.gettext(form_label(pack.social)) if part is PackPart.FORM else t.gettext(part.label)


class _Progress:
    """One ticker over the papers, in which the bylaws report article by article."""

    def __init__(self, callback: Progress | None, papers: list[tuple[PackPart, DocumentRenderer]]) -> None:
        bylaws = next((r for p, r in papers if p is PackPart.BYLAWS), None)
        articles = bylaws.progress.total if bylaws is not None else 0
        self.ticker = ProgressTicker(callback, total=len(papers) + articles, step=1)
        self.done = 0
        if bylaws is not None and callback is not None:
            bylaws.progress.callback = lambda done, total: self._forward(done)

    def _forward(self, done: int) -> bool:
        self.ticker.advance(self.done + done)  # raises Cancelled on a False answer
        return True

    def paper_done(self, renderer: DocumentRenderer) -> int:
        """Count a paper (and the bylaws' articles) as done; the new position."""
        self.done += 1 + (renderer.progress.total if isinstance(renderer, BylawsRenderer) else 0)
        return self.done


def render_pack_files(pack: FilingPack, language: str, *, progress: Progress | None = None,
                      parts: tuple[PackPart, ...] = tuple(PackPart)) -> list[tuple[PackPart, bytes]]:
    """Each paper as its own PDF, in the pack's order."""
    papers = [(part, part_renderer(pack, part, language)) for part in parts]
    ticker = _Progress(progress, papers)
    found = []
    for part, renderer in papers:
        found.append((part, renderer.render()))
        ticker.ticker.advance(ticker.paper_done(renderer))
    return found


def render_pack_pdf(pack: FilingPack, language: str, *, progress: Progress | None = None) -> bytes:
    """The whole pack as one PDF: the cover with the contents, then every paper."""
    return PackRenderer(pack, language, progress=progress).render()


class PartStart(Flowable):
    """Nothing on the page: records the page a paper starts on."""

    def __init__(self, starts: dict[int, int], index: int) -> None:
        super().__init__()
        self.starts, self.index = starts, index
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.starts[self.index] = self.canv.getPageNumber()


class PageRef(Flowable):
    """A paper's pages in the contents ("3–14"), drawn from a form filled in at the end."""

    def __init__(self, index: int, width: float, height: float = 12) -> None:
        super().__init__()
        self.index, self.width, self.height = index, width, height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.doForm(f"packPart{self.index}")


class PackCanvas(PagedCanvas):
    """Also keeps each page's size: a landscape paper's page number is centred on its own width."""

    def __init__(self, *args: Any, pages_of: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages_of = pages_of
        self.widths: dict[int, float] = {}

    def showPage(self) -> None:
        self.widths[self._pages + 1] = self._pagesize[0]
        super().showPage()

    def save(self) -> None:
        self._pages_of(self, self._pages)
        super().save()


def _sized(draw: Any) -> Any:
    """A paper's page hook, told this page's size: the document keeps the first page's."""
    def hook(canvas: Canvas, doc: BaseDocTemplate) -> None:
        kept, doc.pagesize = doc.pagesize, tuple(canvas._pagesize)
        try:
            draw(canvas, doc)
        finally:
            doc.pagesize = kept
    return hook


class PackRenderer(DocumentRenderer):
    def __init__(self, pack: FilingPack, language: str, *, progress: Progress | None = None) -> None:
        super().__init__(language)
        self.pack = pack
        self.cover = _Cover(pack, language)
        self.papers = [(part, part_renderer(pack, part, language)) for part in PackPart]
        self.ticking = _Progress(progress, self.papers)
        self.starts: dict[int, int] = {}
        self.margins = self.cover.margins

    def title(self) -> str:
        return self.t.gettext(pack_title(self.pack.social))

    def coop_name(self) -> str:
        return self.pack.form.coop_name

    def audit_mark(self) -> str:
        return self.pack.audit_mark

    def document_date(self) -> dt.date:
        return self.cover.document_date()

    def page_templates(self, doc: BaseDocTemplate) -> list[PageTemplate]:
        templates = self.cover.page_templates(doc)[:1]
        templates[0].id = "cover"
        for n, (_part, paper) in enumerate(self.papers):
            m, (width, height) = paper.margins, paper.page_size()
            frame = Frame(m.left, m.bottom, width - m.left - m.right, height - m.top - m.bottom,
                          leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
            templates.append(PageTemplate(f"first{n}", [frame], onPage=_sized(paper.draw_first_page),
                                          autoNextPageTemplate=f"later{n}", pagesize=(width, height)))
            templates.append(PageTemplate(f"later{n}", [frame], onPage=_sized(paper.draw_later_page),
                                          pagesize=(width, height)))
        return templates

    def build_story(self) -> list[Flowable]:
        story = self.cover.story(self.papers)
        for n, (_part, paper) in enumerate(self.papers):
            story += [NextPageTemplate(f"first{n}"), PageBreak(), PartStart(self.starts, n), *paper.build_story(),
                      Tick(self.ticking.ticker, self.ticking.paper_done(paper))]
        return story

    def draw_page_number(self, canvas: Canvas, page: int, pages: int) -> None:
        """As every document's, on the page's own width (the list of consenters is landscape)."""
        width = getattr(canvas, "widths", {}).get(page, self.page_size()[0])
        canvas.setFont(GOTHIC, 8)
        canvas.setFillColor(GREY)
        canvas.drawCentredString(width / 2, 9 * mm, self.t.gettext(
            "Page {page} of {pages}", page=self.t.number(page), pages=self.t.number(pages)))
        if self.audit_mark():
            canvas.setFont(GOTHIC, 6)
            canvas.drawRightString(width - self.margins.right, 9 * mm,
                                   self.t.gettext("Audit log {mark}", mark=self.audit_mark()))

    def _make_canvas(self, *args: Any, **kwargs: Any) -> PagedCanvas:
        return PackCanvas(*args, page_number=self.draw_page_number, pages_of=self._fill_contents, **kwargs)

    def _fill_contents(self, canvas: Canvas, last_page: int) -> None:
        """Each paper's pages, into the forms the contents drew."""
        for n in range(len(self.papers)):
            first = self.starts.get(n, last_page)
            end = self.starts.get(n + 1, last_page + 1) - 1 if n + 1 < len(self.papers) else last_page
            text = self.t.number(first) if end <= first else f"{self.t.number(first)}–{self.t.number(end)}"
            canvas.beginForm(f"packPart{n}")
            canvas.setFont(GOTHIC, 10)
            canvas.drawRightString(self.cover.page_column, 3, text)
            canvas.endForm()


class _Cover(FoundingRenderer):
    """The cover: what the pack is, for whom, the contents, and what is not yet on record."""

    page_column = 24 * mm

    def title(self) -> str:
        return self.t.gettext(pack_title(self.pack.social))

    def story(self, papers: list[tuple[PackPart, DocumentRenderer]]) -> list[Flowable]:
        t, f = self.t, self.pack.form
        story: list[Flowable] = [Spacer(0, 14 * mm), self.para(f.coop_name, self.heading),
                                 self.para(self.title(), self.formal_centre), Spacer(0, 8 * mm),
                                 *self.reference_note(),
                                 self.boxed_rows([
                                     (t.gettext("Main office"), f.main_office),
                                     (t.gettext("To"), f.authority or t.gettext("The city or province")),
                                     (t.gettext("Ministry in charge"), f.ministry),
                                     (t.gettext("Filed on"), self.date(f.filed_on) if f.filed_on
                                      else t.gettext("not yet filed"))]),
                                 Spacer(0, 8 * mm), self.para(t.gettext("Contents"), self.section)]
        missing = set(self.pack.missing())
        rows = []
        for n, (part, _paper) in enumerate(papers):
            title = part_title(self.pack, part, self.language)
            if part in missing:
                title += " " + t.gettext("(not yet on record)")
            rows.append([self.para(t.number(n + 1), self.cell_centre), self.para(title, self.value),
                         PageRef(n, self.page_column)])
        w = self.width
        story.append(Table([[self.para(t.gettext("No."), self.cell_head), self.para(t.gettext("Paper"), self.cell_head),
                             self.para(t.gettext("Pages"), self.cell_head)], *rows],
                           colWidths=[w * 0.1, w * 0.9 - self.page_column - 6, self.page_column + 6], style=[
                               ("FONT", (0, 0), (-1, -1), GOTHIC, 10), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LINEABOVE", (0, 0), (-1, 0), 0.9, "#3d4a5c"),
                               ("LINEBELOW", (0, 0), (-1, 0), 0.6, "#3d4a5c"),
                               ("LINEBELOW", (0, 1), (-1, -1), 0.3, "#b9c1cc"),
                               ("TOPPADDING", (0, 0), (-1, -1), 2 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm)]))
        if missing:
            story += [Spacer(0, 6 * mm), self.para(t.gettext(
                "Some papers are not yet on record; this pack is printed for checking. File it once they are "
                "complete."), self.note)]
        return story

    def build_story(self) -> list[Flowable]:  # the cover is laid out by the pack
        return []
