"""The text parts a co-op writes (their checks), and the comparison table of an amendment:
which articles change, why, and which only move."""

import dataclasses
import datetime as dt

import pytest

from coopdesk.domain import law
from coopdesk.domain.bylaws.compare import (
    ADDED,
    CHANGE_REASONS,
    REFERENCES,
    REMOVED,
    changed_facts,
    compare,
)
from coopdesk.domain.bylaws.facts import BylawsFacts, Enactment
from coopdesk.domain.bylaws.render import render_bylaws
from coopdesk.domain.bylaws.template import load_template
from coopdesk.domain.bylaws.texts import (
    PART_LABELS,
    BylawsTexts,
    check_texts,
    cleaned,
    default_texts,
    texts_from_dict,
    texts_to_dict,
)
from coopdesk.domain.coop import BylawsSettings, CoopKind
from coopdesk.domain.errors import Refusal
from coopdesk.i18n import Translator

KO = Translator("ko")
D = dt.date
REQUIRED = load_template().required_businesses("ko")


def test_the_default_texts_pass_their_own_checks_for_both_kinds():
    for kind in CoopKind:
        check_texts(default_texts(kind), kind, REQUIRED)
        assert texts_from_dict(texts_to_dict(default_texts(kind)), kind) == default_texts(kind)
    assert texts_from_dict(None, CoopKind.SOCIAL) == default_texts(CoopKind.SOCIAL)


@pytest.mark.parametrize("change, field", [
    ({"purpose": "  "}, "purpose"),
    ({"qualifications": ""}, "qualifications"),
    ({"businesses": ()}, "businesses"),
    ({"main_businesses": ("돌봄",)}, "main_businesses"),
    ({"businesses": ("협동조합 간 협력을 위한 사업",)}, "businesses"),
    ({"businesses": ("조합원과 직원에 대한 상담, 교육, 훈련 및 정보 제공 사업.",)}, "businesses"),
    ({"purpose": "목적\x1b"}, "purpose"),
])
def test_a_general_co_op_s_texts_are_refused_where_they_cannot_print(change, field):
    texts = dataclasses.replace(default_texts(CoopKind.GENERAL), **change)
    with pytest.raises(Refusal) as refused:
        check_texts(texts, CoopKind.GENERAL, REQUIRED)
    assert refused.value.field == field


def test_a_social_co_op_names_its_main_public_benefit_business():
    texts = dataclasses.replace(default_texts(CoopKind.SOCIAL), main_businesses=())
    with pytest.raises(Refusal) as refused:
        check_texts(texts, CoopKind.SOCIAL, REQUIRED)
    assert refused.value.article == law.SOCIAL_MIN_PUBLIC_BENEFIT_SHARE.ref and "40%" in str(refused.value)
    check_texts(dataclasses.replace(texts, main_businesses=("돌봄 사업",), businesses=()), CoopKind.SOCIAL, REQUIRED)


def test_own_words_are_tidied_and_empty_lines_dropped():
    texts = cleaned(BylawsTexts(" 목적 ", ("  공동  구매 ", "", "  "), " 자격 ", founders=(" 김민준 ", "")))
    assert (texts.purpose, texts.businesses, texts.qualifications, texts.founders) == ("목적", ("공동 구매",), "자격",
                                                                                      ("김민준",))


def test_every_text_part_and_setting_has_a_reason_for_the_comparison():
    assert set(PART_LABELS) <= set(CHANGE_REASONS)
    assert {f.name for f in dataclasses.fields(BylawsSettings)} <= set(CHANGE_REASONS)


def _facts(settings=None, texts=None, version=1):
    settings = settings or BylawsSettings()
    history = tuple(Enactment(n, D(2024 + n, 3, 1), D(2024 + n, 3, 1)) for n in range(1, version + 1))
    return BylawsFacts("햇살협동조합", CoopKind.GENERAL, "서울특별시 마포구", 1, ("소비자", "생산자"), settings,
                       texts or default_texts(CoopKind.GENERAL), history)


def _compare(before, after):
    changed = changed_facts(before.settings, after.settings, before.texts, after.texts)
    return compare(render_bylaws(before, "ko", KO), render_bylaws(after, "ko", KO), changed)


def test_a_new_share_price_changes_the_capital_article_alone_and_says_why():
    before = _facts()
    after = _facts(dataclasses.replace(before.settings, share_price=20_000), version=2)
    result = _compare(before, after)
    assert [c.key for c in result.changes] == ["capital"]
    (row,) = result.changes
    assert "10,000원" in row.before.text and "20,000원" in row.after.text
    assert row.reasons == (CHANGE_REASONS["share_price"],) and result.moved == ()
    assert result.changed == ("share_price",)
    assert result.supplement.heading == "부칙 (2026. 3. 1.)"


def test_an_added_article_moves_the_later_ones_and_updates_the_references_to_them():
    before = _facts()
    texts = dataclasses.replace(before.texts, non_member_use="조합은 조합원의 이용에 지장이 없는 범위에서 조합원이 아닌 자에게 "
                                                            "사업을 이용하게 할 수 있다.")
    result = _compare(before, _facts(texts=texts, version=2))
    added = [c for c in result.changes if c.before is None]
    assert [c.key for c in added] == ["non_member_use"] and added[0].reasons[0] == ADDED
    assert CHANGE_REASONS["non_member_use"] in added[0].reasons
    # The merger article refers to an article before the new one: it moves, its words unchanged; the
    # dividends article refers to one after it (손실금의 보전), whose number it now says anew.
    assert all(after.number == before.number + 1 for before, after in result.moved)
    assert {b.key for b, _a in result.moved} >= {"fiscal_year", "merger"}
    (dividends,) = [c for c in result.changes if c.key == "dividends"]
    assert dividends.reasons == (REFERENCES,)
    losses_before = dividends.before.references[0].shown
    assert dividends.after.references[0].shown == f"제{int(losses_before[1:-1]) + 1}조"
    assert all(c.reasons in ((ADDED, CHANGE_REASONS["non_member_use"]), (REFERENCES,)) for c in result.changes)


def test_an_article_dropped_by_a_setting_is_listed_where_it_stood():
    texts = dataclasses.replace(default_texts(CoopKind.GENERAL), non_member_use="비조합원도 이용할 수 있다.")
    before = _facts(texts=texts)
    after = _facts(texts=dataclasses.replace(texts, non_member_use=""), version=2)
    result = _compare(before, after)
    (removed,) = [c for c in result.changes if c.after is None]
    assert removed.key == "non_member_use" and removed.reasons[0] == REMOVED
    keys = [c.key for c in result.changes]
    assert keys.index("non_member_use") == len(keys) - 1 or keys[keys.index("non_member_use") + 1] != "businesses"


def test_a_paragraph_more_changes_its_article_alone():
    before = _facts(BylawsSettings(withdrawal_notice_days=30))
    after = _facts(BylawsSettings(withdrawal_notice_days=30, orientation_required=True), version=2)
    result = _compare(before, after)
    assert [c.key for c in result.changes] == ["joining"]
    assert result.changes[0].reasons == (CHANGE_REASONS["orientation_required"],)
