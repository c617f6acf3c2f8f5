"""The template file itself: no number written by hand, both languages carrying the same slots,
every slot, condition and list known to the program, the chapters in the model bylaws' order."""

import datetime as dt
import re

import pytest

from coopdesk.domain.bylaws.facts import BylawsFacts, Enactment
from coopdesk.domain.bylaws.slots import values
from coopdesk.domain.bylaws.template import (
    CURRENT_TEMPLATE,
    check_template,
    load_template,
    placeholders,
)
from coopdesk.domain.bylaws.texts import default_texts
from coopdesk.domain.coop import BylawsSettings, CoopKind
from coopdesk.domain.errors import Refusal
from coopdesk.i18n import Translator
from coopdesk.paths import resources_dir

TEMPLATE_FILE = resources_dir() / "bylaws" / f"template-{CURRENT_TEMPLATE}.toml"


def _texts_of(template):
    for article in (*template.articles, *(a for s in template.supplements.values() for a in s)):
        for paragraph in article.paragraphs:
            yield article, paragraph.words, paragraph.when
            stack = list(paragraph.items)
            while stack:
                item = stack.pop()
                stack += item.items
                yield article, item.words, item.when
        if article.title:
            yield article, article.title, article.when


def test_no_article_paragraph_or_item_number_is_written_by_hand():
    raw = TEMPLATE_FILE.read_text(encoding="utf-8")
    body = "\n".join(line for line in raw.splitlines() if not line.lstrip().startswith("#"))
    assert re.findall(r"제\s*\d+\s*(?:조|항|호)", body) == []
    assert re.findall(r"\b(?:Article|paragraph|item)\s*\(?\d", body) == []
    assert re.findall(r"[①-⑳]", body) == []


def test_korean_and_english_carry_the_same_slots_and_references():
    template = load_template()
    check_template(template)
    for article, words, _when in _texts_of(template):
        assert words.ko.strip() and words.en.strip(), article.key
        assert sorted(placeholders(words.ko)) == sorted(placeholders(words.en)), (article.key, words)


def test_every_slot_condition_reference_and_list_is_known():
    template = load_template()
    facts = BylawsFacts("햇살협동조합", CoopKind.GENERAL, "서울", 1, ("조합원",), BylawsSettings(),
                        default_texts(CoopKind.GENERAL), (Enactment(1, dt.date(2025, 1, 1), None),))
    v = values(facts, template, "ko", Translator("ko"), facts.version)
    keys = {a.key for a in template.articles}
    anchors = set(keys)
    for article in template.articles:
        for p in article.paragraphs:
            if p.key:
                anchors.add(f"{article.key}.{p.key}")
            anchors |= {f"{article.key}.{p.key}.{i.key}" for i in p.items if i.key and p.key}
    for article, words, when in _texts_of(template):
        if when:
            assert when.lstrip("!") in v.conditions, (article.key, when)
        for kind, name in placeholders(words.ko):
            if kind == "ref":
                target = f"{article.key}{name}" if name.startswith(".") else name
                assert target in anchors, (article.key, target)
            elif kind == "law":
                assert re.fullmatch(r"\d+(-\d+)?(\.\d+)?", name), name
            else:
                assert name in v.slots, (article.key, name)
    for article in template.articles:
        assert article.chapter in {c.key for c in template.chapters}
        for p in article.paragraphs:
            assert not p.items_from or p.items_from in v.lists


def test_the_chapters_are_in_the_order_of_the_model_bylaws():
    titles = [c.title.ko for c in load_template().chapters]
    assert titles == ["총칙", "조합원", "출자와 경비부담 및 적립금", "총회와 이사회", "임원과 직원", "사업", "회계",
                      "합병·분할 및 해산"]


def test_a_template_this_program_does_not_have_is_refused_in_words():
    with pytest.raises(Refusal, match="template 99"):
        load_template(99)
