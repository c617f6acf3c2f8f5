"""Ballot papers (투표용지) for a paper election, cut from A4 sheets.

One paper per contest, as Korean co-ops (and public elections) do it: each office has its
own paper and its own ballot box count, so the tellers count each office apart, a paper
spoilt in one contest does not spoil the voter's ballot in another, and the chair's paper
can be printed once the directors are known (Act 34②).

Every paper of a contest is the same drawing (one PDF form used ``copies`` times): no
serial number, no page number, no header — nothing tells one paper from another, so a
paper cannot be traced to the voter it was handed to.  A paper counts only with the seal
of the election committee (or, without one, of the chair of the meeting) stamped in its
box before it is handed out.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate, Paragraph, Table

from coopdesk.documents.base import GREY, Progress, ProgressTicker
from coopdesk.documents.elections.base import ElectionRenderer, seal_label
from coopdesk.documents.elections.data import ContestLine, ElectionFacts
from coopdesk.documents.fonts import GOTHIC, GOTHIC_BOLD
from coopdesk.domain.elections.contest import Method
from coopdesk.domain.errors import Refusal
from coopdesk.domain.officers.terms import Office
from coopdesk.domain.text import N_

PER_PAGE = (1, 2, 4)  # a whole A4, two A5 halves, or four A6 quarters
MAX_COPIES = 20_000  # papers per contest: far more than any co-op's members
LIGHT = colors.HexColor("#eef1f5")
CUT = colors.HexColor("#9aa3b2")

_TITLES = {
    (Office.DIRECTOR, False): N_("Ballot paper: election of directors"),
    (Office.AUDITOR, False): N_("Ballot paper: election of auditors"),
    (Office.CHAIR, False): N_("Ballot paper: election of the chair"),
    (Office.DIRECTOR, True): N_("Ballot paper: run-off for directors"),
    (Office.AUDITOR, True): N_("Ballot paper: run-off for auditors"),
    (Office.CHAIR, True): N_("Ballot paper: run-off for the chair"),
}


def render_ballots(election: ElectionFacts, language: str, *, copies: int, per_page: int = 4,
                   progress: Progress | None = None) -> bytes:
    """``copies`` ballot papers for each contest of ``election`` (the number of voters, and a few
    spare), ``per_page`` of them on each A4 sheet to cut apart; each contest starts a new sheet.
    ``progress(done, total)`` counts papers; returning False cancels.  Refuses a contest without
    candidates, or one with too many candidates for the size of paper."""
    return BallotRenderer(election, language, copies=copies, per_page=per_page, progress=progress).render()


def ballot_pages(contests: int, copies: int, per_page: int) -> int:
    """How many sheets ``render_ballots`` prints."""
    return contests * math.ceil(copies / per_page)


@dataclass(frozen=True, slots=True)
class Look:
    """Sizes of one paper, scaled to the slot it is printed in."""

    scale: float
    inset: float  # from the cut line (or the sheet's edge) to the paper's border

    def pt(self, size: float) -> float:
        return size * self.scale


_LOOKS = {4: Look(1.0, 5 * mm), 2: Look(1.15, 6 * mm), 1: Look(1.45, 14 * mm)}


class BallotRenderer(ElectionRenderer):
    def __init__(self, election: ElectionFacts, language: str, *, copies: int, per_page: int,
                 progress: Progress | None = None) -> None:
        _check(election, copies, per_page)
        super().__init__(election.meeting, language, progress=progress, step=per_page)
        self.election, self.copies, self.per_page = election, copies, per_page
        self.look = _LOOKS[per_page]
        self.slots = _slots(per_page, *A4)

    def title(self) -> str:
        return self.t.gettext("Ballot papers")

    # -- no header, no page number: nothing may tell one paper from another ------------------
    def draw_header(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        return

    def draw_page_number(self, canvas: Canvas, page: int, pages: int) -> None:
        return

    def _make_canvas(self, *args: Any, **kwargs: Any) -> Canvas:
        return Canvas(*args, **kwargs)  # not the base's canvas, which numbers the pages

    def page_templates(self, doc: BaseDocTemplate) -> list[PageTemplate]:
        inset = self.look.inset
        frames = [Frame(x + inset, y + inset, w - 2 * inset, h - 2 * inset, leftPadding=0, rightPadding=0,
                        topPadding=0, bottomPadding=0, id=f"paper{n}")
                  for n, (x, y, w, h) in enumerate(self.slots)]
        return [PageTemplate("sheet", frames, onPage=self._cut_lines)]

    def _cut_lines(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = A4
        canvas.saveState()
        canvas.setStrokeColor(CUT)
        canvas.setLineWidth(0.4)
        canvas.setDash(3, 3)
        if self.per_page >= 2:
            canvas.line(0, height / 2, width, height / 2)
        if self.per_page == 4:
            canvas.line(width / 2, 0, width / 2, height)
        canvas.restoreState()

    def build_story(self) -> list[Flowable]:
        _, _, slot_w, slot_h = self.slots[0]
        size = (slot_w - 2 * self.look.inset, slot_h - 2 * self.look.inset - 0.5)  # 0.5 pt: never a hair too tall
        papers = [BallotPaper(f"ballot{n}", self._pieces(contest), *size, self.look)
                  for n, contest in enumerate(self.election.contests, start=1)]
        for contest, paper in zip(self.election.contests, papers):
            paper.check_fits(self._too_tall(contest))
        self.progress.total = len(papers) * self.copies
        story: list[Flowable] = []
        for number, paper in enumerate(papers):
            if number and self.copies % self.per_page:
                story.append(PageBreak())  # each contest on sheets of its own
            done = number * self.copies
            story += [PaperCopy(paper, self.progress, done + n) for n in range(1, self.copies + 1)]
        return story

    def _too_tall(self, contest: ContestLine) -> Refusal:
        return Refusal(N_("The {office} ballot paper has too many candidates for {per_page} papers on a sheet: "
                          "print fewer papers on each sheet."), field="per_page",
                       office=self.office(contest.office), per_page=self.per_page)

    # -- one paper ---------------------------------------------------------------------------
    def _pieces(self, contest: ContestLine) -> CardPieces:
        t, look = self.t, self.look
        small = ParagraphStyle("BallotSmall", fontName=GOTHIC, fontSize=look.pt(7.5), leading=look.pt(10),
                               textColor=GREY)
        title = ParagraphStyle("BallotTitle", fontName=GOTHIC_BOLD, fontSize=look.pt(12.5), leading=look.pt(16))
        sub = ParagraphStyle("BallotSub", fontName=GOTHIC_BOLD, fontSize=look.pt(9), leading=look.pt(12))
        note = ParagraphStyle("BallotNote", fontName=GOTHIC, fontSize=look.pt(7.5), leading=look.pt(10.5))
        seal = ParagraphStyle("BallotSeal", fontName=GOTHIC, fontSize=look.pt(6.5), leading=look.pt(8.5),
                              textColor=GREY, alignment=TA_CENTER)
        m = self.meeting
        header = [
            _para(m.coop_name, ParagraphStyle("BallotCoop", parent=small, fontName=GOTHIC_BOLD)),
            _para(f"{self.meeting_name()} · {t.date(m.date, 'long')}", small),
            _para(t.gettext(_TITLES[contest.office, contest.runoff]), title),
            _para(self._marking(contest), sub),
        ]
        return CardPieces(header, _para(t.gettext(seal_label(self.election.committee)), seal),
                          self._instructions(contest, note), self._columns(contest), self._rows(contest))

    def _marking(self, contest: ContestLine) -> str:
        t = self.t
        seats = t.number(contest.seats)
        if contest.method is Method.APPROVAL:
            return t.gettext("Elect up to {seats} · yes or no for each candidate", seats=seats)
        return t.ngettext("Elect {seats} · mark up to {seats} candidate",
                          "Elect {seats} · mark up to {seats} candidates", contest.seats, seats=seats)

    def _instructions(self, contest: ContestLine, style: ParagraphStyle) -> list[Paragraph]:
        t, seats = self.t, self.t.number(contest.seats)
        seal = t.gettext(seal_label(self.election.committee, in_text=True))
        if contest.method is Method.APPROVAL:
            lines = [t.gettext("For each candidate, mark ○ in the For box or in the Against box. A candidate you "
                               "leave unmarked counts neither way."),
                     t.gettext("A paper marking both For and Against for one candidate, or without {seal}, "
                               "is invalid.", seal=seal)]
        else:
            lines = [t.ngettext("Mark ○ in the box of the candidate you choose: at most {seats}.",
                                "Mark ○ in the boxes of the candidates you choose: at most {seats}.",
                                contest.seats, seats=seats),
                     t.ngettext("A paper marking more than {seats} candidate, or without {seal}, is invalid.",
                                "A paper marking more than {seats} candidates, or without {seal}, is invalid.",
                                contest.seats, seats=seats, seal=seal)]
        lines.append(t.gettext("Fold the paper so that no one sees your marks, and put it in the ballot box."))
        return [_para(f"• {line}", ParagraphStyle("BallotBullet", parent=style, leftIndent=style.fontSize,
                                                  firstLineIndent=-style.fontSize)) for line in lines]

    def _columns(self, contest: ContestLine) -> list[str]:
        t = self.t
        marks = ([t.gettext("For"), t.gettext("Against")] if contest.method is Method.APPROVAL
                 else [t.gettext("Your mark")])
        return [t.gettext("Ballot no."), t.gettext("Candidate"), *marks]

    def _rows(self, contest: ContestLine) -> list[str]:
        """Each candidate's name; the member number only tells two of the same name apart."""
        same = Counter(c.name.strip() for c in contest.candidates)
        return [self.person(c.name, c.member_number) if same[c.name.strip()] > 1 else c.name
                for c in contest.candidates]


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _slots(per_page: int, width: float, height: float) -> list[tuple[float, float, float, float]]:
    """The sheet's slots (x, y, width, height), in reading order: top left first."""
    if per_page == 1:
        return [(0, 0, width, height)]
    if per_page == 2:
        return [(0, height / 2, width, height / 2), (0, 0, width, height / 2)]
    half_w, half_h = width / 2, height / 2
    return [(0, half_h, half_w, half_h), (half_w, half_h, half_w, half_h), (0, 0, half_w, half_h),
            (half_w, 0, half_w, half_h)]


def _check(election: ElectionFacts, copies: int, per_page: int) -> None:
    if per_page not in PER_PAGE:
        raise Refusal(N_("Print 1, 2 or 4 ballot papers on each sheet."), field="per_page")
    if not 1 <= copies <= MAX_COPIES:
        raise Refusal(N_("Print between 1 and {most} papers for each contest."), field="copies", most=MAX_COPIES)
    if not election.contests:
        raise Refusal(N_("There is no contest to print ballot papers for."), field="contests")
    for contest in election.contests:
        if not contest.candidates:
            raise Refusal(N_("A contest needs at least one candidate."), field="candidates")


@dataclass
class CardPieces:
    header: list[Paragraph]  # coop, meeting, title, how to mark
    seal: Paragraph  # the label in the seal box
    instructions: list[Paragraph]
    columns: list[str]  # ballot no., candidate, the mark box(es)
    names: list[str]  # in ballot order


class PaperCopy(Flowable):
    """One copy of a ballot paper in the story; drawing it reports progress (and may cancel)."""

    def __init__(self, paper: BallotPaper, ticker: ProgressTicker, done: int) -> None:
        super().__init__()
        self.paper, self.ticker, self.done = paper, ticker, done

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.paper.width, self.paper.height

    def draw(self) -> None:
        self.ticker.advance(self.done)
        self.paper.place(self.canv)


class BallotPaper:
    """The drawing of one contest's ballot paper: a bordered card exactly the size of its slot.

    Drawn once into a PDF form, then placed as many times as there are copies: every paper
    of a contest is the same drawing, and a thousand papers cost little more than one."""

    ROW_MAX = 13 * mm  # a comfortable box to mark
    ROW_MIN = 7.5 * mm  # the smallest box a stamp or a pen mark fits in

    def __init__(self, name: str, pieces: CardPieces, width: float, height: float, look: Look) -> None:
        self.name, self.drawn = name, False
        self.pieces, self.width, self.height, self.look = pieces, width, height, look
        self.pad = look.pt(4.5 * mm)
        self.seal_size = look.pt(20 * mm)
        self.gap = look.pt(3.5 * mm)
        inner = width - 2 * self.pad
        self.header_h = max(self.seal_size, self._stack_height(pieces.header, inner - self.seal_size - self.gap))
        self.notes_h = self._stack_height(pieces.instructions, inner)
        self.head_row = look.pt(6.5 * mm)
        rows_room = height - 2 * self.pad - self.header_h - self.notes_h - 2 * self.gap - self.head_row
        self.row_h = min(self.ROW_MAX * look.scale, rows_room / len(pieces.names))

    def check_fits(self, refusal: Refusal) -> None:
        if self.row_h < self.ROW_MIN:
            raise refusal

    def place(self, canvas: Canvas) -> None:
        """Draw the paper with its lower left corner at the canvas's origin."""
        if not self.drawn:
            canvas.beginForm(self.name, 0, 0, self.width, self.height)
            self._draw_paper(canvas)
            canvas.endForm()
            self.drawn = True
        canvas.doForm(self.name)

    # -- the drawing -------------------------------------------------------------------------
    def _draw_paper(self, canvas: Canvas) -> None:
        pad, inner = self.pad, self.width - 2 * self.pad
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(1)
        canvas.roundRect(0, 0, self.width, self.height, 2 * mm)
        top = self.height - pad
        self._draw_stack(canvas, self.pieces.header, pad, top, inner - self.seal_size - self.gap)
        self._draw_seal_box(canvas, self.width - pad - self.seal_size, top - self.seal_size)
        # On a wide paper (two to a sheet) a table across the whole width leaves the names far from
        # their boxes: it is kept to a readable width, centred.
        width = min(inner, self.look.pt(125 * mm))
        table = self._table(width)
        _, table_h = table.wrap(width, self.height)
        table.drawOn(canvas, pad + (inner - width) / 2, top - self.header_h - self.gap - table_h)
        self._draw_stack(canvas, self.pieces.instructions, pad, pad + self.notes_h, inner)

    def _draw_seal_box(self, canvas: Canvas, x: float, y: float) -> None:
        size = self.seal_size
        canvas.saveState()
        canvas.setStrokeColor(GREY)
        canvas.setLineWidth(0.8)
        canvas.rect(x, y, size, size)
        label = self.pieces.seal
        _, h = label.wrap(size - 2 * mm, size)
        label.drawOn(canvas, x + 1 * mm, y + (size - h) / 2)
        canvas.restoreState()

    def _table(self, width: float) -> Table:
        look, names = self.look, self.pieces.names
        marks = len(self.pieces.columns) - 2
        number_w, mark_w = look.pt(13 * mm), look.pt((17 if marks == 2 else 22) * mm)
        name_w = width - number_w - marks * mark_w
        size = look.pt(12)
        heading = ParagraphStyle("BallotColumn", fontName=GOTHIC, fontSize=look.pt(7.5), leading=look.pt(8.5),
                                 alignment=TA_CENTER, wordWrap="CJK")
        data: list[list[object]] = [[_para(c, heading) for c in self.pieces.columns]]
        data += [[str(n), name, *[""] * marks] for n, name in enumerate(names, start=1)]
        # A long name gets a smaller font rather than a second line the row has no room for.
        sizes = [("FONTSIZE", (1, n), (1, n), _fitting_size(name, name_w - 4 * mm, size))
                 for n, name in enumerate(names, start=1)]
        return Table(data, colWidths=[number_w, name_w] + [mark_w] * marks,
                     rowHeights=[self.head_row] + [self.row_h] * len(names), style=[
                         ("FONT", (0, 0), (-1, -1), GOTHIC, size),  # never the unembedded Helvetica
                         ("FONT", (0, 1), (1, -1), GOTHIC_BOLD, size),
                         *sizes,
                         ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                         ("GRID", (0, 0), (-1, -1), 0.8, colors.black),
                         ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                         ("ALIGN", (1, 1), (1, -1), "LEFT"),
                         ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                         ("LEFTPADDING", (0, 0), (-1, 0), 1),
                         ("RIGHTPADDING", (0, 0), (-1, 0), 1),
                         ("LEFTPADDING", (1, 1), (1, -1), 2 * mm),
                     ])

    @staticmethod
    def _stack_height(flowables: Sequence[Paragraph], width: float) -> float:
        return sum(f.wrap(width, 10_000)[1] for f in flowables)

    @staticmethod
    def _draw_stack(canvas: Canvas, flowables: Sequence[Paragraph], x: float, top: float, width: float) -> None:
        for f in flowables:
            _, h = f.wrap(width, 10_000)
            top -= h
            f.drawOn(canvas, x, top)


def _fitting_size(text: str, width: float, size: float) -> float:
    """The font size that keeps a name on one line: smaller for a long one, down to 7 points."""
    while size > 7 and stringWidth(text, GOTHIC_BOLD, size) > width:
        size -= 0.5
    return size
