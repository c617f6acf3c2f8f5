"""The bylaws rendered from the template: for any settings, both kinds of co-op and both
languages, articles are numbered 1, 2, 3 … without a gap, and every cross-reference names
the number its target article (paragraph, item) got.  The expected numbers are found here
from the rendered structure, not from the renderer's own index."""

import dataclasses
import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopdesk.domain import law
from coopdesk.domain.bylaws.facts import BylawsFacts, Enactment
from coopdesk.domain.bylaws.render import RenderedArticle, RenderedBylaws, render_bylaws
from coopdesk.domain.bylaws.texts import BylawsTexts, default_texts
from coopdesk.domain.coop import (
    BylawsSettings,
    CoopKind,
    ElectionMajority,
    MembershipStarts,
    NoticeMethod,
    TieRule,
    check_bylaws,
)
from coopdesk.i18n import Translator

QUICK = settings(max_examples=60, deadline=None)
D = dt.date
KO = Translator("ko")
EN = Translator("en")

LINES = st.text(st.sampled_from([*"가나다라 마을돌봄사업교육", "·", "(", ")", "1"]), min_size=1, max_size=20).map(
    lambda line: " ".join(line.split())).filter(bool)  # as the services keep them (texts.cleaned)


@st.composite
def bylaws_settings(draw):
    low = draw(st.integers(3, 9))
    b = BylawsSettings(
        share_price=draw(st.integers(1, 100_000_000)), min_shares=draw(st.integers(1, 20)),
        max_shares_per_member=draw(st.one_of(st.none(), st.integers(20, 10_000))),
        instalments_allowed=draw(st.booleans()), membership_starts=draw(st.sampled_from(MembershipStarts)),
        directors_min=low, directors_max=draw(st.integers(low, 15)), auditors=draw(st.integers(1, 3)),
        officer_term_years=draw(st.integers(1, 4)), notice_method=draw(st.sampled_from(NoticeMethod)),
        notice_days=draw(st.integers(7, 30)), withdrawal_notice_days=draw(st.integers(0, 90)),
        non_use_months_for_expulsion=draw(st.integers(1, 60)), tie_rule=draw(st.sampled_from(TieRule)),
        orientation_required=draw(st.booleans()), ordinary_assembly_within_months=draw(st.integers(1, 12)),
        election_majority=draw(st.sampled_from(ElectionMajority)),
        dividends_as_capital=draw(st.booleans()), refund_less_losses=draw(st.booleans()))
    check_bylaws(b)
    return b


@st.composite
def facts(draw):
    kind = draw(st.sampled_from(CoopKind))
    texts = BylawsTexts(
        purpose="조합원의 복리 증진을 목적으로 한다.", businesses=tuple(draw(st.lists(LINES, max_size=4))),
        qualifications="조합의 목적에 동의하는 자는 조합원이 될 수 있다.",
        non_member_use=draw(st.sampled_from(["", "조합은 조합원이 아닌 자에게 사업을 이용하게 할 수 있다."])),
        main_businesses=tuple(draw(st.lists(LINES, min_size=1, max_size=3))) if kind is CoopKind.SOCIAL else (),
        founders=tuple(draw(st.lists(st.sampled_from(["김민준", "이서연", "박지호"]), max_size=3))))
    types = ("소비자", "생산자", "직원")[:draw(st.integers(2 if kind is CoopKind.SOCIAL else 1, 3))]
    versions = draw(st.integers(1, 3))
    history = tuple(Enactment(n, D(2024 + n, 3, 1), draw(st.one_of(st.none(), st.just(D(2024 + n, 3, 20))))
                          if n > 1 else D(2025, 3, 1)) for n in range(1, versions + 1))
    name = "햇살사회적협동조합" if kind is CoopKind.SOCIAL else "햇살협동조합"
    return BylawsFacts(name, kind, "서울특별시 마포구 성미산로 10", draw(st.integers(1, 12)), types,
                       draw(bylaws_settings()), texts, history)


def expected_reference(bylaws: RenderedBylaws, source: RenderedArticle, target: str) -> str:
    """The words a reference to ``target`` must be, worked out from the rendered articles."""
    key, *rest = target.split(".")
    article = bylaws.article(key)
    assert article is not None, f"{source.key} refers to {key}, which is not printed"
    ko = bylaws.language == "ko"
    text = f"제{article.number}조" if ko else f"Article {article.number}"
    if not rest:
        return text
    (paragraph_no, paragraph), = [(n, p) for n, p in enumerate(article.paragraphs, start=1) if p.key == rest[0]]
    several = len(article.paragraphs) > 1
    assert bool(paragraph.label) == several
    same = article.key == source.key
    item_no = None
    if len(rest) > 1:
        (item_no,) = [n for n, i in enumerate(paragraph.items, start=1) if i.key == rest[1]]
        assert paragraph.items[item_no - 1].label == f"{item_no}."
    if ko:
        text = ("" if same else text) + (f"제{paragraph_no}항" if several else "")
        return text + (f"제{item_no}호" if item_no else "")
    if several:
        text = f"paragraph ({paragraph_no})" if same else f"{text}({paragraph_no})"
    elif same:
        text = ""
    return (f"item {item_no} of {text}" if text else f"item {item_no}") if item_no else text


def check_numbers_and_references(bylaws: RenderedBylaws) -> None:
    numbers = [a.number for a in bylaws.articles()]
    assert numbers == list(range(1, len(numbers) + 1))
    assert [c.number for c in bylaws.chapters] == list(range(1, len(bylaws.chapters) + 1))
    original = bylaws.supplements[0]
    assert [a.number for a in original.articles] == list(range(1, len(original.articles) + 1))
    every = [*bylaws.articles(), *(a for s in bylaws.supplements for a in s.articles)]
    for article in every:
        words = f"{article.heading} {article.text}"
        position = 0
        for ref in article.references:
            assert ref.shown == expected_reference(bylaws, article, ref.target), (article.key, ref)
            position = words.index(ref.shown, position)  # in the text, in the order written
        for paragraph_no, paragraph in enumerate(article.paragraphs, start=1):
            circled = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫"[paragraph_no - 1] if bylaws.language == "ko" else f"({paragraph_no})"
            assert paragraph.label == (circled if len(article.paragraphs) > 1 else "")
        assert "{" not in words and "}" not in words, article.key
        if bylaws.language == "ko":
            assert not re.search(r"을\(를\)|이\(가\)|은\(는\)|\(으\)로|\(이\)라", words), article.key


@QUICK
@given(facts(), st.sampled_from(["ko", "en"]))
def test_articles_are_numbered_without_gaps_and_every_reference_names_its_target(f, language):
    bylaws = render_bylaws(f, language, Translator(language))
    check_numbers_and_references(bylaws)
    assert bylaws.title.startswith(f.coop_name) if language == "ko" else bylaws.title.endswith(f.coop_name)
    assert 40 <= len(bylaws.articles()) <= 60
    assert [c.key for c in bylaws.chapters] == ["general", "members", "capital", "organs", "officers", "business",
                                                "accounting", "ending"]
    assert len(bylaws.supplements) == len(f.history)


@QUICK
@given(facts())
def test_the_settings_are_written_into_their_articles(f):
    ko = render_bylaws(f, "ko", KO)
    s = f.settings
    capital = ko.article("capital").text
    assert f"출자 1좌의 금액은 {KO.money(s.share_price)}" in capital and f"{KO.number(s.min_shares)}좌 이상" in capital
    assert ("좌를 넘을 수 없다" in capital) == (s.max_shares_per_member is not None)
    if s.max_shares_per_member is not None:
        assert f"{KO.number(s.max_shares_per_member)}좌를 넘을 수 없다" in capital
    assert ("분할하여" in capital) == s.instalments_allowed
    assert f"총회 개최 {s.notice_days}일 전까지" in ko.article("convening").text
    assert f"회계연도 종료 후 {s.ordinary_assembly_within_months}개월 이내" in ko.article("ordinary_assembly").text
    assert f"임원의 임기는 {s.officer_term_years}년" in ko.article("term").text
    assert f"{s.non_use_months_for_expulsion}개월 이상" in ko.article("expulsion").text
    assert (f"{s.withdrawal_notice_days}일 전에 예고" in ko.article("withdrawal").text) == (s.withdrawal_notice_days > 0)
    assert ("가입 교육" in ko.article("joining").text) == s.orientation_required
    assert (ko.article("non_member_use") is not None) == bool(f.texts.non_member_use)
    officers = ko.article("officers").text
    assert f"{s.directors_min}명" in officers and f"{s.auditors}명의 감사" in officers
    if s.directors_min != s.directors_max:
        assert f"{s.directors_max}명 이하" in officers
    month = "1월 1일부터 12월 31일" if f.fiscal_year_start_month == 1 else f"{f.fiscal_year_start_month}월 1일부터"
    assert month in ko.article("fiscal_year").text
    assert f.texts.founders == ko.founders


@QUICK
@given(facts())
def test_a_social_co_op_pays_no_dividends_and_reserves_its_own_rate(f):
    ko = render_bylaws(f, "ko", KO)
    reserve = ko.article("legal_reserve").text
    if f.kind is CoopKind.SOCIAL:
        assert ko.article("dividends") is None and "배당하지 아니한다" in ko.article("no_dividends").text
        assert "100분의 30 이상" in reserve and "100분의 40 이상" in ko.article("businesses").text
        assert all(line in ko.article("businesses").text for line in f.texts.main_businesses)
    else:
        assert ko.article("no_dividends") is None and "100분의 10 이상" in reserve
        dividends = ko.article("dividends").text
        assert "100분의 50 이상" in dividends and "100분의 10을 넘어서는" in dividends
        assert ("출자금으로 전환" in dividends) == f.settings.dividends_as_capital


@QUICK
@given(facts(), st.sampled_from(["ko", "en"]))
def test_the_three_businesses_the_act_requires_are_always_listed(f, language):
    bylaws = render_bylaws(f, language, Translator(language))
    text = bylaws.article("businesses").text
    from coopdesk.domain.bylaws.template import load_template

    required = load_template().required_businesses(language)
    assert len(required) == len(law.REQUIRED_BUSINESSES.value) == 3
    assert all(words in text for words in required)
    assert all(line in text for line in f.texts.businesses)


def test_the_supplementary_provisions_follow_the_history():
    f = BylawsFacts("햇살협동조합", CoopKind.GENERAL, "서울", 4, ("조합원",), BylawsSettings(),
                    dataclasses.replace(default_texts(CoopKind.GENERAL), founders=("김민준", "이서연")),
                    (Enactment(1, D(2025, 3, 1), D(2025, 3, 1)), Enactment(2, D(2026, 9, 19), D(2026, 10, 2)),
                     Enactment(3, D(2027, 3, 20), None)))
    ko = render_bylaws(f, "ko", KO)
    assert ko.history == ("제정 2025. 3. 1.", "개정 2026. 9. 19.", "개정 2027. 3. 20.")
    original, second, third = ko.supplements
    assert original.heading == "부칙" and original.articles[0].text == "이 정관은 2025년 3월 1일부터 시행한다."
    assert "최초로 도래하는 3월 말일까지" in original.articles[1].text
    assert "제46조에도 불구하고" in original.articles[1].text or "에도 불구하고" in original.articles[1].text
    assert (second.heading, second.articles[0].text) == ("부칙 (2026. 9. 19.)", "이 정관은 2026년 10월 2일부터 시행한다.")
    assert third.articles[0].text == "이 정관은 관할 시·도지사에게 정관 변경을 신고한 날부터 시행한다."
    assert ko.founders == ("김민준", "이서연") and ko.founders_date == "2025년 3월 1일"
    assert ko.founders_intro.startswith("위와 같이 햇살협동조합을 설립하기 위하여")
    en = render_bylaws(f, "en", EN)
    assert en.reference_note.startswith("This English text is a reference translation")
    assert ko.reference_note == ""


@pytest.mark.parametrize("kind", list(CoopKind))
def test_one_article_more_moves_every_later_number_and_every_reference_with_it(kind):
    base = BylawsFacts("햇살사회적협동조합", kind, "서울", 1, ("소비자", "생산자"), BylawsSettings(),
                       default_texts(kind), (Enactment(1, D(2025, 1, 1), D(2025, 1, 1)),))
    longer = dataclasses.replace(base, texts=dataclasses.replace(base.texts, non_member_use="조합원이 아닌 자도 이용한다."))
    before, after = render_bylaws(base, "ko", KO), render_bylaws(longer, "ko", KO)
    added = after.article("non_member_use").number
    assert len(after.articles()) == len(before.articles()) + 1
    for article in before.articles():
        moved = after.article(article.key).number
        assert moved == (article.number + 1 if article.number >= added else article.number)
    check_numbers_and_references(after)
    first_year = after.supplements[0].articles[1].text
    assert f"제{after.article('fiscal_year').number}조에도 불구하고" in first_year
