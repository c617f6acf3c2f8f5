"""The bylaws of one version, as text: articles numbered, slots filled, references resolved.

Numbering is done here and only here: first the articles, paragraphs and items that the
co-op's settings keep are laid out and numbered, then every ``{ref:KEY}`` is written as the
number its target got (제N조, 제N조제P항, 제N조제P항제I호).  The text is Korean (the bylaws) or
English (the reference translation), chosen per rendering.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from coopdesk.domain.bylaws.facts import BylawsFacts, Enactment, Formats
from coopdesk.domain.bylaws.rendered import (
    Reference,
    RenderedArticle,
    RenderedBylaws,
    RenderedChapter,
    RenderedItem,
    RenderedParagraph,
    RenderedSupplement,
)
from coopdesk.domain.bylaws.slots import Values, values
from coopdesk.domain.bylaws.template import (
    PLACEHOLDER,
    ArticleSpec,
    ItemSpec,
    Template,
    load_template,
)
from coopdesk.josa import attach

__all__ = ["RenderedArticle", "RenderedBylaws", "RenderedChapter", "RenderedSupplement", "render_bylaws"]

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_HANGUL_ITEMS = "가나다라마바사아자차카타파하"


# -- laying out and numbering --------------------------------------------------------------------

@dataclass
class _Node:
    """An item or paragraph that is printed, with its number, before its text is written."""

    key: str
    number: int
    words: str  # template words (placeholders to fill) or, for a generated item, the co-op's line
    literal: bool = False
    children: list[_Node] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Anchor:
    article: int
    paragraph: int | None = None
    paragraphs: int = 1  # how many the article has: one is not numbered, nor named in a reference
    item: int | None = None


def _holds(when: str, v: Values, sources: set[str]) -> bool:
    if not when:
        return True
    name = when.lstrip("!")
    value, from_ = v.conditions[name]
    sources.update(from_)
    return (not value) if when.startswith("!") else value


def _items(specs: tuple[ItemSpec, ...], items_from: str, language: str, v: Values,
           sources: set[str], depth: int = 1) -> list[_Node]:
    nodes: list[_Node] = []
    if items_from:
        lines, from_ = v.lists[items_from]
        sources.update(from_)
        nodes += [_Node("", 0, line, literal=True) for line in lines]
    for spec in specs:
        if _holds(spec.when, v, sources):
            node = _Node(spec.key, 0, spec.words.say(language))
            node.children = _items(spec.items, spec.items_from, language, v, sources, depth + 1)
            nodes.append(node)
    for n, node in enumerate(nodes, start=1):
        node.number = n
    return nodes


def _paragraphs(spec: ArticleSpec, language: str, v: Values, sources: set[str]) -> list[_Node]:
    nodes = []
    for p in spec.paragraphs:
        if _holds(p.when, v, sources):
            node = _Node(p.key, 0, p.words.say(language))
            node.children = _items(p.items, p.items_from, language, v, sources)
            nodes.append(node)
    for n, node in enumerate(nodes, start=1):
        node.number = n
    return nodes


def _anchors(key: str, number: int, paragraphs: list[_Node], into: dict[str, _Anchor]) -> None:
    into[key] = _Anchor(number)
    for p in paragraphs:
        if p.key:
            into[f"{key}.{p.key}"] = _Anchor(number, p.number, len(paragraphs))
        for item in p.children:
            if p.key and item.key:
                into[f"{key}.{p.key}.{item.key}"] = _Anchor(number, p.number, len(paragraphs), item.number)


# -- writing the text ----------------------------------------------------------------------------

class _Writer:
    def __init__(self, template: Template, v: Values, anchors: dict[str, _Anchor], language: str) -> None:
        self.template, self.v, self.anchors, self.language = template, v, anchors, language

    def fill(self, text: str, article: str, refs: list[Reference] | None, sources: set[str],
             skeleton: bool = False) -> str:
        def replace(match: re.Match[str]) -> str:
            kind, name = match.group(1), match.group(2)
            if kind == "ref":
                target = f"{article}{name}" if name.startswith(".") else name
                if skeleton:
                    return f"\u27e6{target}\u27e7"
                shown = self.reference(target, article)
                if refs is not None:
                    refs.append(Reference(target, shown))
                return shown
            if kind == "law":
                return self.statute(name)
            slot = self.v.slots[name]
            sources.update(slot.sources)
            return self.fill(slot.text, article, refs, sources, skeleton) if slot.words else slot.text

        filled = PLACEHOLDER.sub(replace, text)
        return attach(filled) if self.language == "ko" and "(" in filled else filled

    def reference(self, target: str, article: str) -> str:
        anchor = self.anchors[target]
        same = target.split(".")[0] == article and anchor.paragraph is not None
        ko = self.language == "ko"
        whole = f"제{anchor.article}조" if ko else f"Article {anchor.article}"
        if anchor.paragraph is None or (anchor.paragraphs == 1 and anchor.item is None):
            return whole
        if ko:
            text = "" if same else whole
            if anchor.paragraphs > 1:
                text += f"제{anchor.paragraph}항"
            return text + (f"제{anchor.item}호" if anchor.item is not None else "")
        paragraph = f"paragraph ({anchor.paragraph})" if same else f"{whole}({anchor.paragraph})"
        if anchor.paragraphs == 1:
            paragraph = "" if same else whole
        if anchor.item is None:
            return paragraph
        return f"item {anchor.item} of {paragraph}" if paragraph else f"item {anchor.item}"

    def statute(self, name: str) -> str:
        """An article of the Act: "93.1" → 법 제93조제1항, "49-2" → 법 제49조의2."""
        number, _dot, paragraph = name.partition(".")
        article, _dash, branch = number.partition("-")
        if self.language == "ko":
            return (f"법 제{article}조" + (f"의{branch}" if branch else "")
                    + (f"제{paragraph}항" if paragraph else ""))
        return (f"Article {article}" + (f"-{branch}" if branch else "")
                + (f"({paragraph})" if paragraph else "") + " of the Act")


def _label(depth: int, number: int, language: str, count: int = 2) -> str:
    if depth == 0:
        if count == 1:
            return ""
        return _CIRCLED[number - 1] if language == "ko" else f"({number})"
    if depth == 1:
        return f"{number}."
    return f"{_HANGUL_ITEMS[number - 1]}." if language == "ko" else f"({chr(96 + number)})"


def _write_items(w: _Writer, nodes: list[_Node], article: str, refs: list[Reference], sources: set[str],
                 depth: int = 1) -> tuple[RenderedItem, ...]:
    written = []
    for n in nodes:
        text = n.words if n.literal else w.fill(n.words, article, refs, sources)
        if w.language == "en" and not n.literal and not n.children:
            # An English list runs on as one sentence: "…;" and "…;" and, at its end, "…".  Which
            # item is last depends on the co-op's settings, so the ending is put here.
            text = text.rstrip(";.") + ("." if n is nodes[-1] else ";")
        written.append(RenderedItem(n.key, _label(depth, n.number, w.language), text,
                                    _write_items(w, n.children, article, refs, sources, depth + 1)))
    return tuple(written)


def _write_article(w: _Writer, spec: ArticleSpec, number: int, nodes: list[_Node], sources: set[str]) -> RenderedArticle:
    refs: list[Reference] = []
    paragraphs = tuple(RenderedParagraph(p.key, _label(0, p.number, w.language, len(nodes)),
                                         w.fill(p.words, spec.key, refs, sources),
                                         _write_items(w, p.children, spec.key, refs, sources)) for p in nodes)
    skeleton = "\n".join(w.fill(p.words, spec.key, None, set(), skeleton=True) for p in nodes)
    title = spec.title.say(w.language) if spec.title else ""
    if not title:
        heading = ""
    elif w.language == "ko":
        heading = f"제{number}조({title})"
    else:
        heading = f"Article {number} ({title})"
    return RenderedArticle(spec.key, number if title else 0, title, heading, paragraphs, tuple(refs),
                           frozenset(sources), skeleton)


# -- the whole -----------------------------------------------------------------------------------

def render_bylaws(facts: BylawsFacts, language: str, fmt: Formats) -> RenderedBylaws:
    """The bylaws of ``facts`` in ``language`` ("ko": the bylaws; "en": the reference translation)."""
    template = load_template(facts.template)
    v = values(facts, template, language, fmt)
    laid_out: list[tuple[ArticleSpec, list[_Node], set[str]]] = []
    for spec in template.articles:
        sources: set[str] = set()
        if _holds(spec.when, v, sources):
            laid_out.append((spec, _paragraphs(spec, language, v, sources), sources))
    anchors: dict[str, _Anchor] = {}
    for number, (spec, nodes, _s) in enumerate(laid_out, start=1):
        _anchors(spec.key, number, nodes, anchors)
    writer = _Writer(template, v, anchors, language)
    written = {spec.key: _write_article(writer, spec, number, nodes, sources)
               for number, (spec, nodes, sources) in enumerate(laid_out, start=1)}
    chapters: list[RenderedChapter] = []
    for chapter in template.chapters:
        articles = tuple(written[s.key] for s, _n, _src in laid_out if s.chapter == chapter.key)
        if articles:
            number = len(chapters) + 1
            heading = (template.phrase("chapter_heading", language)
                       .replace("{number}", str(number)).replace("{title}", chapter.title.say(language)))
            chapters.append(RenderedChapter(chapter.key, number, heading, articles))
    return RenderedBylaws(
        language=language, template=template.id,
        title=writer.fill(template.phrase("title", language), "", None, set()),
        history=tuple(_history(template, facts.history, language, fmt)),
        reference_note=template.phrase("reference_note", language),
        chapters=tuple(chapters),
        supplements=tuple(_supplement(template, facts, e, n == 0, anchors, language, fmt)
                          for n, e in enumerate(facts.history)),
        founders_intro=writer.fill(template.phrase("founders_intro", language), "", None, set()),
        founders_date=fmt.date(facts.history[0].adopted_on, "long"),
        founders=facts.texts.founders,
        founder_word=template.phrase("founder", language),
        seal_word=template.phrase("seal", language),
    )


def _history(template: Template, history: tuple[Enactment, ...], language: str, fmt: Formats) -> list[str]:
    return [template.phrase("adopted" if n == 0 else "amended", language).replace("{date}", fmt.date(e.adopted_on))
            for n, e in enumerate(history)]


def _supplement(template: Template, facts: BylawsFacts, enactment: Enactment, original: bool,
                anchors: dict[str, _Anchor], language: str, fmt: Formats) -> RenderedSupplement:
    """The 부칙 of one version: the original's numbered articles, or an amendment's one provision."""
    v = values(facts, template, language, fmt, enactment)
    writer = _Writer(template, v, anchors, language)
    specs = template.supplements["original" if original else "amendment"]
    articles: list[RenderedArticle] = []
    for spec in specs:
        sources: set[str] = set()
        nodes = _paragraphs(spec, language, v, sources)
        articles.append(_write_article(writer, spec, len(articles) + 1, nodes, sources))
    if original:
        heading = template.phrase("supplement_heading", language)
    else:
        heading = template.phrase("amendment_heading", language).replace("{date}", fmt.date(enactment.adopted_on))
    return RenderedSupplement(enactment.version, heading, tuple(articles))
