"""What every area's paper writes with, from ``coopdesk.documents.base``: plain text as it is
typed, and progress with Cancel placed in the story."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.platypus import Flowable, PageBreak

from coopdesk.documents.base import DocumentRenderer, Progress
from coopdesk.domain.errors import Cancelled


class Pages(DocumentRenderer):
    """A paper of ``texts``, one to a page, each followed by its tick."""

    def __init__(self, texts: list[str], *, progress: Progress | None = None) -> None:
        super().__init__("ko", progress=progress, step=1)
        self.texts = texts

    def title(self) -> str:
        return "시험 문서"

    def coop_name(self) -> str:
        return "햇살마을협동조합"

    def build_story(self) -> list[Flowable]:
        story: list[Flowable] = []
        for n, (text, tick) in enumerate(zip(self.texts, self.ticks(len(self.texts)))):
            story += [PageBreak()] if n else []
            story += [self.para(text), tick]
        return story


def lines(pdf: bytes) -> list[list[str]]:
    return [page.extract_text().splitlines() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_plain_text_prints_as_typed_markup_characters_and_line_breaks_included():
    (page,) = lines(Pages(["김 & 이 <조합> 1 < 2, R&amp;D\n둘째 줄"]).render())
    assert "김 & 이 <조합> 1 < 2, R&amp;D" in page
    assert "둘째 줄" in page


def test_every_tick_reports_once_and_false_stops_the_layout_there():
    reported: list[tuple[int, int]] = []
    pdf = Pages(["하나", "둘", "셋"], progress=lambda done, total: reported.append((done, total)) or True).render()
    assert reported == [(1, 3), (2, 3), (3, 3)]
    assert len(lines(pdf)) == 3

    asked: list[int] = []
    with pytest.raises(Cancelled):
        Pages(["하나", "둘", "셋"], progress=lambda done, total: asked.append(done) or done < 2).render()
    assert asked == [1, 2]
