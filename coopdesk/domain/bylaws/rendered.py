"""The bylaws as rendered: numbered chapters, articles, paragraphs and items, in one language.

Plain values made by ``render``, read by the documents and by the comparison of an amendment.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RenderedItem:
    key: str
    label: str  # "1." or "가." / "(a)"
    text: str
    items: tuple[RenderedItem, ...] = ()


@dataclass(frozen=True, slots=True)
class RenderedParagraph:
    key: str
    label: str  # "①" / "(1)"; "" when the article has one paragraph
    text: str
    items: tuple[RenderedItem, ...] = ()


@dataclass(frozen=True, slots=True)
class Reference:
    target: str  # "joining.application"
    shown: str  # "제9조제1항"


@dataclass(frozen=True, slots=True)
class RenderedArticle:
    key: str
    number: int  # 0: the untitled provision of an amendment's 부칙
    title: str
    heading: str  # "제9조(조합원의 가입)" / "Article 9 (Joining)"
    paragraphs: tuple[RenderedParagraph, ...]
    references: tuple[Reference, ...] = ()
    sources: frozenset[str] = frozenset()  # the co-op's facts it is written from
    skeleton: str = ""  # its text with references as keys: the same when only numbers moved

    def lines(self) -> list[tuple[int, str, str]]:
        """(depth, label, text): paragraphs at 0, items at 1, sub-items at 2."""
        found: list[tuple[int, str, str]] = []

        def items(values: tuple[RenderedItem, ...], depth: int) -> None:
            for item in values:
                found.append((depth, item.label, item.text))
                items(item.items, depth + 1)

        for paragraph in self.paragraphs:
            found.append((0, paragraph.label, paragraph.text))
            items(paragraph.items, 1)
        return found

    @property
    def text(self) -> str:
        """The body without the heading, one line per paragraph and item."""
        return "\n".join(f"{label} {text}".strip() for _depth, label, text in self.lines())


@dataclass(frozen=True, slots=True)
class RenderedChapter:
    key: str
    number: int
    heading: str  # "제1장 총칙"
    articles: tuple[RenderedArticle, ...]


@dataclass(frozen=True, slots=True)
class RenderedSupplement:
    """부칙: the original one, or an amendment's under the date it was adopted."""

    version: int
    heading: str
    articles: tuple[RenderedArticle, ...]


@dataclass(frozen=True, slots=True)
class RenderedBylaws:
    language: str
    template: int
    title: str
    history: tuple[str, ...]  # "제정 2025. 1. 1.", "개정 2026. 9. 19."
    reference_note: str  # the English text's first words: it is a reference translation
    chapters: tuple[RenderedChapter, ...]
    supplements: tuple[RenderedSupplement, ...]
    founders_intro: str
    founders_date: str
    founders: tuple[str, ...]
    founder_word: str
    seal_word: str

    def articles(self) -> list[RenderedArticle]:
        return [a for c in self.chapters for a in c.articles]

    def article(self, key: str) -> RenderedArticle | None:
        return next((a for a in self.articles() if a.key == key), None)
