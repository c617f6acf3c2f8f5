"""The bylaws template (정관 서식): chapters and articles with named slots, in Korean with an
English reference translation beside it, read from ``resources/bylaws/template-N.toml``.

Templates are versioned: a version of a co-op's bylaws records the template it was written
with, so that it prints the same words years later, whatever a newer CoopDesk ships.  A
published template is never edited; a new one gets the next number and becomes current.

The Korean legal text is content, not a message of the program: it is not in the gettext
catalog (where it would be the translation of an English message id, the wrong way round)
but here, with its English reference text next to it, checked to carry the same slots.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import tomllib

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.text import N_
from coopdesk.paths import resources_dir

CURRENT_TEMPLATE = 1
LANGUAGES = ("ko", "en")
# {name}, {ref:KEY.PARA.ITEM}, {law:49-2.1}
PLACEHOLDER = re.compile(r"\{(?:(ref|law):)?([A-Za-z0-9_.\-]*)\}")


@dataclass(frozen=True, slots=True)
class Words:
    """One piece of the template, in Korean (the text that counts) and English (a reference)."""

    ko: str
    en: str

    def say(self, language: str) -> str:
        return self.ko if language == "ko" else self.en


@dataclass(frozen=True, slots=True)
class ItemSpec:
    words: Words
    key: str = ""
    when: str = ""
    items_from: str = ""  # a list of the co-op's, printed as items before ``items``
    required: str = ""  # the code of a business the Act requires (law.REQUIRED_BUSINESSES)
    items: tuple[ItemSpec, ...] = ()  # sub-items (목: 가. 나. 다.)


@dataclass(frozen=True, slots=True)
class ParagraphSpec:
    words: Words
    key: str = ""
    when: str = ""
    items_from: str = ""
    items: tuple[ItemSpec, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleSpec:
    key: str
    title: Words | None  # None: an untitled provision (an amendment's 부칙)
    paragraphs: tuple[ParagraphSpec, ...]
    chapter: str = ""
    when: str = ""


@dataclass(frozen=True, slots=True)
class ChapterSpec:
    key: str
    title: Words


@dataclass(frozen=True, slots=True)
class Template:
    id: int
    phrases: dict[str, Words]  # title, adopted, amended, reference_note, headings, founders …
    chapters: tuple[ChapterSpec, ...]
    articles: tuple[ArticleSpec, ...]
    supplements: dict[str, tuple[ArticleSpec, ...]]  # "original", "amendment"
    choices: dict[str, dict[str, Words]]

    def phrase(self, name: str, language: str) -> str:
        return self.phrases[name].say(language)

    def required_businesses(self, language: str = "ko") -> tuple[str, ...]:
        """The words the template prints for the Act's three businesses."""
        found: dict[str, str] = {}
        for article in self.articles:
            for paragraph in article.paragraphs:
                for item in _all_items(paragraph.items):
                    if item.required:
                        found.setdefault(item.required, item.words.say(language).rstrip(";:."))
        return tuple(found.get(code, "") for code in law.REQUIRED_BUSINESSES.value)


def _all_items(items: tuple[ItemSpec, ...]) -> list[ItemSpec]:
    found: list[ItemSpec] = []
    for item in items:
        found += [item, *_all_items(item.items)]
    return found


@cache
def load_template(template_id: int = CURRENT_TEMPLATE) -> Template:
    """The template of that number; a refusal when this CoopDesk does not have it."""
    path = resources_dir() / "bylaws" / f"template-{template_id}.toml"
    if not path.exists():
        raise Refusal(N_("These bylaws were written with bylaws template {id}, which this version of CoopDesk "
                         "does not have. Install the newer version to print them."), id=template_id)
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    template = _template(data)
    check_template(template)
    return template


# -- reading the file -------------------------------------------------------------------------

def _words(data: dict[str, Any]) -> Words:
    return Words(str(data.get("ko", "")), str(data.get("en", "")))


def _item(data: dict[str, Any]) -> ItemSpec:
    return ItemSpec(_words(data), data.get("key", ""), data.get("when", ""), data.get("items_from", ""),
                    data.get("required", ""), tuple(_item(i) for i in data.get("items", ())))


def _paragraph(data: dict[str, Any]) -> ParagraphSpec:
    return ParagraphSpec(_words(data), data.get("key", ""), data.get("when", ""), data.get("items_from", ""),
                         tuple(_item(i) for i in data.get("items", ())))


def _article(data: dict[str, Any]) -> ArticleSpec:
    title = data.get("title")
    return ArticleSpec(data["key"], _words(title) if title else None,
                       tuple(_paragraph(p) for p in data.get("paragraphs", ())), data.get("chapter", ""),
                       data.get("when", ""))


_PHRASES = ("title", "adopted", "amended", "reference_note", "chapter_heading", "supplement_heading",
            "amendment_heading", "founders_intro", "founder", "seal")


def _template(data: dict[str, Any]) -> Template:
    return Template(
        id=int(data["id"]),
        phrases={name: _words(data[name]) for name in _PHRASES},
        chapters=tuple(ChapterSpec(c["key"], _words(c["title"])) for c in data["chapters"]),
        articles=tuple(_article(a) for a in data["articles"]),
        supplements={s["key"]: tuple(_article(a) for a in s["articles"]) for s in data["supplements"]},
        choices={name: {value: _words(w) for value, w in table.items()} for name, table in data["choices"].items()},
    )


# -- what makes a template sound ---------------------------------------------------------------

def placeholders(text: str) -> list[tuple[str, str]]:
    """("ref", "joining.application"), ("law", "45.1"), ("", "share_price") … in order."""
    return [(kind or "", name) for kind, name in PLACEHOLDER.findall(text)]


def check_template(template: Template) -> None:
    """A template that cannot print sound bylaws is a bug of the program: say so at once.

    Articles follow their chapters in order, keys are unique, Korean and English carry the
    same placeholders, and the business article lists the Act's three businesses (Act 45①)."""
    order = [c.key for c in template.chapters]
    positions = [order.index(a.chapter) for a in template.articles]
    assert positions == sorted(positions), "articles must follow the order of their chapters"
    keys = [a.key for a in template.articles] + [a.key for s in template.supplements.values() for a in s]
    assert len(keys) == len(set(keys)), "article keys must be unique"
    for article in (*template.articles, *(a for s in template.supplements.values() for a in s)):
        for words in _article_words(article):
            assert sorted(placeholders(words.ko)) == sorted(placeholders(words.en)), (article.key, words)
    for language in LANGUAGES:
        assert all(template.required_businesses(language)), "the Act's three businesses (Act 45①)"


def _article_words(article: ArticleSpec) -> list[Words]:
    found = [article.title] if article.title else []
    for paragraph in article.paragraphs:
        found.append(paragraph.words)
        found += [i.words for i in _all_items(paragraph.items)]
    return found
