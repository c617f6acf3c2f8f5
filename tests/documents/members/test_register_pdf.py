"""The member register PDF, read back with pypdf: names, headings, pages, fonts, wrapping."""

from __future__ import annotations

import datetime as dt
import io
from functools import cache

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from reportlab.pdfbase.pdfmetrics import stringWidth

from coopdesk.documents.members.register import COLUMNS, LOOK, RegisterRenderer, render_register
from coopdesk.documents.tables import wrap_text
from coopdesk.domain.errors import Cancelled
from coopdesk.domain.members.standing import MemberStatus
from coopdesk.domain.members.register import RegisterHeader, RegisterRow
from coopdesk.i18n import Translator

HEADER = RegisterHeader("햇살마을협동조합", "서울특별시 마포구 성미산로 10", dt.date(2026, 3, 1), 80)
NAMES = ("김민준", "이서연", "박도윤", "최하은", "정지호", "남궁민수", "황보서윤", "선우영수")
LONG_ADDRESS = ("서울특별시 서대문구 연희로 123-45, 연희빌라 가동 지하1층 101호 (연희동) "
                "관리사무소 옆 계단으로 내려와 오른쪽 첫 번째 문 끝주소표시")
ROWS_FOR_THREE_PAGES = 80


def make_rows(count: int) -> list[RegisterRow]:
    rows = [
        RegisterRow(
            number=n, name=NAMES[n % len(NAMES)], member_type="소비자조합원",
            birth_date=dt.date(1960 + n % 40, 1 + n % 12, 1 + n % 28),
            phone=f"010-{1000 + n}-{2000 + n}", address=f"서울특별시 마포구 성미산로 {n}",
            joined_on=dt.date(2015, 1, 1) + dt.timedelta(days=n), left_on=None,
            status=MemberStatus.MEMBER,
        )
        for n in range(1, count + 1)
    ]
    if count >= 3:  # one member with an address far wider than its column
        rows[2] = RegisterRow(3, "남궁민수", "생산자조합원", None, "", LONG_ADDRESS,
                              dt.date(2020, 1, 2), dt.date(2024, 12, 31), MemberStatus.WITHDRAWN)
    return rows


@cache
def register(language: str, count: int = ROWS_FOR_THREE_PAGES) -> PdfReader:
    return PdfReader(io.BytesIO(render_register(HEADER, make_rows(count), language)))


def headings(language: str) -> list[str]:
    t = Translator(language)
    return [t.gettext(msgid) for msgid, _, _ in COLUMNS]


@pytest.mark.parametrize("language", ["ko", "en"])
def test_hangul_names_and_addresses_read_back_exactly(language):
    text = "\n".join(page.extract_text() for page in register(language).pages)
    lines = set(text.splitlines())
    for name in NAMES:
        assert name in lines
    assert "서울특별시 마포구 성미산로 41" in lines
    assert "햇살마을협동조합" in text


@pytest.mark.parametrize("language", ["ko", "en"])
def test_headings_on_every_page_and_page_count_in_footer(language):
    t = Translator(language)
    pages = register(language).pages
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        text = page.extract_text()
        for heading in headings(language):
            assert heading in text.splitlines(), (number, heading)
        footer = t.gettext("Page {page} of {pages}", page=t.number(number), pages=t.number(len(pages)))
        assert footer in text


@pytest.mark.parametrize("language", ["ko", "en"])
def test_first_page_states_office_date_and_count(language):
    t = Translator(language)
    first, second = (page.extract_text() for page in register(language).pages[:2])
    for text in (HEADER.main_office, t.date(HEADER.as_of, "long"), t.number(HEADER.member_count)):
        assert text in first
    assert HEADER.main_office not in second  # only the first page has the summary line


def _fonts(resources: DictionaryObject):
    resources = resources.get_object()
    yield from (f.get_object() for f in resources.get("/Font", {}).values())
    for xobject in resources.get("/XObject", {}).values():  # the "page X of Y" forms
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
            yield from _fonts(xobject["/Resources"])


@pytest.mark.parametrize("language", ["ko", "en"])
def test_only_embedded_nanum_fonts(language):
    fonts = [f for page in register(language).pages for f in _fonts(page["/Resources"])]
    assert fonts
    for font in fonts:
        assert "NanumGothic" in font["/BaseFont"]
        assert "/FontFile2" in font["/FontDescriptor"].get_object()


def _runs(page) -> list[tuple[str, float]]:
    """Each piece of text drawn on the page, with the x where it starts."""
    runs: list[tuple[str, float]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            runs.append((text.strip(), tm[4] * cm[0] + tm[5] * cm[2] + cm[4]))

    page.extract_text(visitor_text=visit)
    return runs


def test_long_address_wraps_inside_its_column():
    renderer = RegisterRenderer(HEADER, [], "ko")
    widths = renderer.widths
    left = renderer.margins.left + sum(widths[:5]) + LOOK.pad_x
    right = renderer.margins.left + sum(widths[:6]) - LOOK.pad_x
    heading = Translator("ko").gettext("Address")
    pieces = [(text, x) for text, x in _runs(register("ko").pages[0])
              if text in LONG_ADDRESS and text != heading and left - 1 < x < right]
    assert len(pieces) >= 2  # wrapped, not one line running over the next columns
    assert " ".join(text for text, _ in pieces) == LONG_ADDRESS  # and nothing cut off
    for text, x in pieces:
        assert x == pytest.approx(left)
        assert x + stringWidth(text, LOOK.font, LOOK.size) <= right + 0.01


@pytest.mark.parametrize("text", ["Alexandria Ocasio-Cortez-Smithson", "가나다라마바사아자차카타파하"])
def test_a_word_wider_than_its_cell_is_broken_not_cut(text):
    width = 60.0
    lines = wrap_text(text, width, LOOK.font, LOOK.size).split("\n")
    assert len(lines) >= 2
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(stringWidth(line, LOOK.font, LOOK.size) <= width for line in lines)
    if "-" in text:
        assert lines[1].endswith("-")  # broken after a hyphen where there is one


def test_progress_reports_rows_and_false_cancels():
    calls: list[tuple[int, int]] = []
    render_register(HEADER, make_rows(1200), "en", progress=lambda d, t: calls.append((d, t)) or True)
    assert len(calls) >= 2
    assert calls[-1] == (1200, 1200)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert all(later - earlier <= 600 for (earlier, _), (later, _) in zip(calls, calls[1:]))

    asked: list[int] = []
    with pytest.raises(Cancelled):
        render_register(HEADER, make_rows(1200), "en",
                        progress=lambda d, t: asked.append(d) or False)
    assert len(asked) == 1 and asked[0] < 1200


@pytest.mark.parametrize("language", ["ko", "en"])
def test_empty_register_prints_one_page_with_headings(language):
    t = Translator(language)
    pages = register(language, 0).pages
    assert len(pages) == 1
    lines = pages[0].extract_text().splitlines()
    assert set(headings(language)) <= set(lines)
    assert t.gettext("Page {page} of {pages}", page="1", pages="1") in lines


def test_metadata_names_title_author_and_language():
    reader = register("ko")
    assert reader.metadata.title == Translator("ko").gettext("Member register")
    assert reader.metadata.author == "CoopDesk"
    assert reader.trailer["/Root"]["/Lang"] == "ko-KR"
