"""The bylaws and the comparison table as PDFs, read back: the co-op, the settings in their
articles, the founders, the reference-translation note of the English text, fonts embedded,
Cancel honoured."""

import dataclasses
import datetime as dt
import io

import pytest
from pypdf import PdfReader

from coopdesk.documents.bylaws.bylaws import render_bylaws_pdf
from coopdesk.documents.bylaws.comparison import marked, render_comparison_pdf
from coopdesk.domain.bylaws.compare import changed_facts
from coopdesk.domain.bylaws.facts import BylawsFacts, Enactment
from coopdesk.domain.bylaws.papers import BylawsPaper, ComparisonPaper
from coopdesk.domain.bylaws.texts import default_texts
from coopdesk.domain.coop import BylawsSettings, CoopKind
from coopdesk.domain.errors import Cancelled

D = dt.date
FOUNDERS = ("김민준", "이서연", "박지호", "최수아", "정우진", "강하은", "윤도현")


def facts(kind=CoopKind.GENERAL, **settings) -> BylawsFacts:
    name = "햇살돌봄사회적협동조합" if kind is CoopKind.SOCIAL else "햇살마을협동조합"
    return BylawsFacts(name, kind, "서울특별시 마포구 성미산로 10", 4, ("소비자", "생산자"),
                       BylawsSettings(**settings), dataclasses.replace(default_texts(kind), founders=FOUNDERS),
                       (Enactment(1, D(2025, 4, 1), D(2025, 4, 1)),))


def read(pdf: bytes) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(pdf))
    return "".join("".join(page.extract_text().split()) for page in reader.pages), reader


@pytest.mark.parametrize("kind", list(CoopKind))
def test_the_korean_bylaws_carry_the_co_op_its_settings_and_its_founders(kind):
    f = facts(kind, share_price=25_000, notice_days=9, directors_max=5, officer_term_years=3)
    text, reader = read(render_bylaws_pdf(BylawsPaper(f, False, "7:0123456789ab"), "ko"))
    for words in (f"{f.coop_name}정관", "제정2025.4.1.", "제1장총칙", "제8장합병·분할및해산", "출자1좌의금액은25,000원",
                  "총회개최9일전까지", "3명이상5명이하의이사", "임원의임기는3년", "서울특별시마포구성미산로10",
                  "매년4월1일부터다음해3월말일까지", "이정관은2025년4월1일부터시행한다", "발기인", *FOUNDERS):
        assert words in text, words
    assert ("잉여금을조합원에게배당하지아니한다" in text) == (kind is CoopKind.SOCIAL)
    assert ("100분의30이상을법정적립금" in text) == (kind is CoopKind.SOCIAL)
    assert "reference translation" not in text and "7:0123456789ab" in text
    assert 6 <= len(reader.pages) <= 12
    assert reader.metadata.title == "정관"


def test_the_english_text_says_on_its_first_page_that_it_is_a_reference_translation():
    waiting = dataclasses.replace(facts(), history=(*facts().history, Enactment(2, D(2026, 9, 19), None)))
    text, reader = read(render_bylaws_pdf(BylawsPaper(waiting, True), "en"))
    first = "".join(reader.pages[0].extract_text().split())
    assert "ThisEnglishtextisareferencetranslation" in first and "OnlytheKoreantext" in first
    assert "AdoptedonSeptember19,2026;notyetinforce" in first  # the running header
    assert "AdoptedbythegeneralassemblyonSeptember19,2026" in first and "AmendedSep19,2026" in first
    assert "Article1(Purpose)" in text and "₩10,000" in text and "Founder" in text


def test_every_font_is_embedded():
    _text, reader = read(render_bylaws_pdf(BylawsPaper(facts(), False), "ko"))
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object().get("/DescendantFonts", [font])[0].get_object().get("/FontDescriptor")
            name = font.get_object()["/BaseFont"]
            assert descriptor is not None and "/FontFile2" in descriptor.get_object(), name


def test_cancel_stops_the_bylaws_while_they_are_laid_out():
    seen = []

    def progress(done, total):
        seen.append((done, total))
        return done < 10

    with pytest.raises(Cancelled):
        render_bylaws_pdf(BylawsPaper(facts(), False), "ko", progress=progress)
    assert seen[-1][0] == 10 and seen[-1][1] > 50


def test_the_comparison_table_shows_the_changed_articles_side_by_side():
    before = facts()
    after = dataclasses.replace(before, settings=dataclasses.replace(before.settings, share_price=30_000),
                                history=(*before.history, Enactment(2, D(2026, 9, 19), None)))
    paper = ComparisonPaper(before, after, changed_facts(before.settings, after.settings, before.texts, after.texts),
                            "2026년 임시총회", D(2026, 9, 19), 2, "정관 변경의 건", "출자금을 현실화한다.", False)
    text, reader = read(render_comparison_pdf(paper, "ko"))
    for words in ("정관신구조문대비표", "조문", "현행", "개정(안)", "개정사유", "제17조", "10,000원", "30,000원",
                  "출자1좌의금액변경", "부칙(2026.9.19.)", "〈신설〉", "개정이유", "출자금을현실화한다", "부의안"):
        assert words in text, words
    assert "총회개최7일전까지" not in text  # an article that does not change is not listed
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape, four columns


def test_the_words_that_differ_are_underlined_on_both_sides():
    left, right = marked("제17조(출자) ① 1좌의 금액은 10,000원으로 한다.\n② 일시에 납입한다.",
                         "제17조(출자) ① 1좌의 금액은 20,000원으로 한다.\n② 일시에 납입한다.")
    assert "<u>10,000원으로</u>" in left and "<u>20,000원으로</u>" in right
    assert right.count("<u>") == 1 and "<br/>" in right
