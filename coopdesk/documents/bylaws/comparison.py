"""The comparison table of a bylaws amendment (신구조문 대비표), for the notice of the meeting
and for the filing: for every article that changes, the current text and the amended text
side by side, the words that differ underlined, and the reason.

A new article reads "〈신설〉" in the current column, a deleted one "〈삭제〉" in the amended
column; articles that only changed number are listed under the table; the amendment's own
supplementary provision (부칙) is the last row.
"""

from __future__ import annotations

import datetime as dt
import re
from difflib import SequenceMatcher
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from coopdesk.documents.base import GREY, DocumentRenderer, Progress
from coopdesk.documents.fonts import GOTHIC, GOTHIC_BOLD, MYEONGJO, register_fonts
from coopdesk.domain.bylaws.compare import SUPPLEMENT, Comparison, compare
from coopdesk.domain.bylaws.papers import ComparisonPaper
from coopdesk.domain.bylaws.render import RenderedArticle, render_bylaws
from coopdesk.domain.text import N_

HEADER_BACKGROUND = colors.HexColor("#dde3ea")
RULE = colors.HexColor("#7d8798")
COLUMNS = (N_("Article"), N_("Current text"), N_("Amended text"), N_("Reason for the change"))


def render_comparison_pdf(paper: ComparisonPaper, language: str, *, progress: Progress | None = None) -> bytes:
    return ComparisonRenderer(paper, language, progress=progress).render()


def _words(text: str) -> list[str]:
    """Words and line ends: a line end is a token of its own, so that a changed word never
    underlines the start of the next line."""
    return re.findall(r"\n|[^ \n]+", text)


def _joined(tokens: list[str]) -> str:
    out = ""
    for token in tokens:
        out += token if not out or out.endswith("\n") or token.startswith("\n") else " " + token
    return out


def marked(before: str, after: str) -> tuple[str, str]:
    """Both texts as paragraph markup, the words that differ underlined, lines kept."""
    old, new = _words(before), _words(after)
    left: list[str] = []
    right: list[str] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        for side, tokens in ((left, old[i1:i2]), (right, new[j1:j2])):
            for token in tokens:
                plain = escape(token)
                side.append(plain if tag == "equal" or token == "\n" else f"<u>{plain}</u>")
    return _joined(left).replace("\n", "<br/>"), _joined(right).replace("\n", "<br/>")


class ComparisonRenderer(DocumentRenderer):
    def __init__(self, paper: ComparisonPaper, language: str, *, progress: Progress | None = None) -> None:
        super().__init__(language, progress=progress)
        register_fonts((GOTHIC, MYEONGJO))
        self.paper = paper
        before = render_bylaws(paper.before, language, self.t)
        after = render_bylaws(paper.after, language, self.t)
        self.comparison: Comparison = compare(before, after, paper.changed)
        s = self.styles
        self.heading = ParagraphStyle("CmpHeading", parent=s.title, fontSize=17, leading=22, alignment=1)
        self.cell = ParagraphStyle("CmpCell", parent=s.body, fontName=MYEONGJO, fontSize=9, leading=13.5,
                                   wordWrap="CJK" if language == "ko" else None)
        self.head_cell = ParagraphStyle("CmpHead", parent=s.body, fontName=GOTHIC_BOLD, fontSize=9.5, leading=12,
                                        alignment=1)
        self.label = ParagraphStyle("CmpLabel", parent=self.cell, fontName=GOTHIC_BOLD, fontSize=8.5)
        self.reason = ParagraphStyle("CmpReason", parent=self.cell, fontName=GOTHIC, fontSize=8.5, leading=12)

    def page_size(self) -> tuple[float, float]:
        return landscape(A4)

    def title(self) -> str:
        return self.t.gettext("Comparison of the current and amended bylaws")

    def coop_name(self) -> str:
        return self.paper.after.coop_name

    def audit_mark(self) -> str:
        return self.paper.audit_mark

    def document_date(self) -> dt.date:
        return self.paper.meeting_date

    # -- the story -------------------------------------------------------------------------
    def build_story(self) -> list[Flowable]:
        t, p, s = self.t, self.paper, self.styles
        status = (t.gettext("Adopted by the {meeting} on {date}, item {number}: {title}", meeting=p.meeting_title,
                            date=t.date(p.meeting_date, "long"), number=t.number(p.item_position), title=p.item_title)
                  if p.adopted else
                  t.gettext("Proposed to the {meeting} on {date}, item {number}: {title}", meeting=p.meeting_title,
                            date=t.date(p.meeting_date, "long"), number=t.number(p.item_position), title=p.item_title))
        story: list[Flowable] = [Paragraph(escape(f"{p.after.coop_name} {self.title()}"), self.heading),
                                 Paragraph(escape(status), s.info)]
        if p.reason.strip():
            heading = t.gettext("Reason for the amendment")
            story += [Paragraph(f"<b>{escape(heading)}</b>", s.body),
                      Paragraph(escape(p.reason.strip()).replace("\n", "<br/>"), s.body), Spacer(0, 3 * mm)]
        story.append(self._table())
        moved = self.comparison.moved
        if moved:
            listed = ", ".join(f"{a.heading} ← {self._number(b)}" for b, a in moved)
            story += [Spacer(0, 3 * mm), Paragraph(escape(t.gettext(
                "Articles whose number alone changes: {articles}", articles=listed)), s.info)]
        if not self.comparison.changes:
            story += [Spacer(0, 3 * mm), Paragraph(escape(t.gettext(
                "The amendment changes no article; only its supplementary provision is new.")), s.info)]
        return story

    def _number(self, article: RenderedArticle) -> str:
        return f"제{article.number}조" if self.language == "ko" else f"Article {article.number}"

    def _table(self) -> Table:
        t = self.t
        width = self.page_size()[0] - self.margins.left - self.margins.right
        widths = [30 * mm, (width - 72 * mm) / 2, (width - 72 * mm) / 2, 42 * mm]
        rows: list[list[Flowable]] = [[Paragraph(escape(t.gettext(c)), self.head_cell) for c in COLUMNS]]
        new, deleted = t.gettext("〈New〉"), t.gettext("〈Deleted〉")
        self.progress.total = len(self.comparison.changes) + 1
        for n, change in enumerate(self.comparison.changes, start=1):
            before, after = change.before, change.after
            old_text = f"{before.heading} {before.text}" if before else ""
            new_text = f"{after.heading} {after.text}" if after else ""
            if before and after:
                left, right = marked(old_text, new_text)
            else:
                left, right = escape(old_text).replace("\n", "<br/>"), escape(new_text).replace("\n", "<br/>")
            rows.append([
                Paragraph(escape(self._where(before, after)).replace("\n", "<br/>"), self.label),
                Paragraph(left if before else escape(new), self.cell),
                Paragraph(right if after else escape(deleted), self.cell),
                Paragraph(escape("; ".join(t.gettext(r) for r in change.reasons)), self.reason),
            ])
            self.progress.advance(n)
        supplement = self.comparison.supplement
        provision = " ".join(f"{a.heading} {a.text}".strip() for a in supplement.articles)
        rows.append([Paragraph(escape(supplement.heading), self.label), Paragraph(escape(new), self.cell),
                     Paragraph(escape(f"{supplement.heading}\n{provision}").replace("\n", "<br/>"), self.cell),
                     Paragraph(escape(t.gettext(SUPPLEMENT)), self.reason)])
        return Table(rows, colWidths=widths, repeatRows=1, style=[
            ("FONT", (0, 0), (-1, -1), GOTHIC, 9),  # else reportlab names Helvetica, not embedded
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
            ("GRID", (0, 0), (-1, -1), 0.4, RULE),
            ("BOX", (0, 0), (-1, -1), 0.9, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
            ("TEXTCOLOR", (0, 1), (0, -1), GREY),
        ])

    def _where(self, before: RenderedArticle | None, after: RenderedArticle | None) -> str:
        """"제13조 → 제14조" when the article moved; its one number otherwise."""
        if before and after and before.number != after.number:
            return f"{self._number(before)} → {self._number(after)}\n({after.title})"
        article = after or before
        assert article is not None
        return f"{self._number(article)}\n({article.title})"
