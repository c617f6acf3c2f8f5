"""The filing pack as PDFs, from a pack built by hand, read back: every paper's heading in the
contents and on its own pages, the pages the contents give, the ministry from the setting, the
founders and consenters, a social co-op's authorisation checks, the English reference note, the
papers not yet on record, and Cancel."""

import dataclasses
import io

import pytest
from pypdf import PdfReader

from coopdesk.documents.founding.pack import render_pack_files, render_pack_pdf
from coopdesk.domain.coop import CoopKind
from coopdesk.domain.errors import Cancelled
from coopdesk.domain.founding.papers import PackPart
from tests.documents.founding.sample import NAMES, pack

HEADINGS_KO = {
    PackPart.FORM: "협동조합설립신고서", PackPart.BYLAWS: "햇살마을협동조합정관",
    PackPart.NOTICE: "창립총회개최공고", PackPart.MINUTES: "창립총회의사록", PackPart.OFFICERS: "임원명부",
    PackPart.BUSINESS_PLAN: "사업계획서", PackPart.BUDGET: "수입·지출예산서",
    PackPart.SHARES: "출자1좌당금액과조합원별출자좌수", PackPart.CONSENTERS: "발기인및설립동의자명부",
}


def pages_of(pdf: bytes) -> list[str]:
    return ["".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def test_the_korean_pack_has_a_cover_with_the_contents_and_every_paper_on_its_pages():
    pages = pages_of(render_pack_pdf(pack(), "ko"))
    cover = pages[0]
    assert "햇살마을협동조합" in cover and "설립신고서류" in cover and "목차" in cover and "기획예산처" in cover
    starts, after = {}, 1
    for part, heading in HEADINGS_KO.items():  # each paper starts on a page of its own, in the pack's order
        after = starts[part] = next(n for n, text in enumerate(pages, start=1) if n > after and heading in text)
    assert starts[PackPart.FORM] == 2 and starts[PackPart.BYLAWS] == 3 and starts[PackPart.CONSENTERS] == len(pages)
    # The contents give each paper's pages: "1 협동조합 설립신고서 2", "2 정관 3–11", …
    assert f"1협동조합설립신고서{starts[PackPart.FORM]}2정관{starts[PackPart.BYLAWS]}–{starts[PackPart.NOTICE] - 1}3" in cover
    assert f"창립총회의사록{starts[PackPart.MINUTES]}–{starts[PackPart.OFFICERS] - 1}5임원명부" in cover
    assert cover.endswith(f"발기인및설립동의자명부{len(pages)}{len(pages)}쪽중1쪽감사기록19:0123456789ab")
    assert f"{len(pages)}쪽중1쪽" in cover  # "page X of Y" counts the whole pack
    assert all(name in "".join(pages) for name in NAMES)
    assert "서울특별시장귀하" in pages[1] and "아직기록되지않음" not in cover


def test_each_paper_prints_alone_too_and_the_form_fits_one_page():
    files = dict(render_pack_files(pack(), "ko"))
    assert list(files) == list(PackPart)
    for part, pdf in files.items():
        pages = pages_of(pdf)
        assert HEADINGS_KO[part] in pages[0], part
    assert len(pages_of(files[PackPart.FORM])) == 1
    assert len(pages_of(files[PackPart.CONSENTERS])) == 1 and len(pages_of(files[PackPart.OFFICERS])) == 1
    officers = pages_of(files[PackPart.OFFICERS])[0]
    assert officers.count("김민준") == 1  # the chair is a director too, listed once
    shares = pages_of(files[PackPart.SHARES])[0]
    assert "50,000원" in shares and "100.0%" in shares and "법제22조②" in shares


def test_the_ministry_is_the_setting_never_a_constant():
    given = pack()
    renamed = dataclasses.replace(given, form=dataclasses.replace(given.form, ministry="기획재정부"))
    text = "".join(pages_of(render_pack_pdf(renamed, "ko")))
    assert "기획재정부" in text and "기획예산처" not in text


def test_a_social_coop_applies_for_authorisation_with_its_checks():
    pages = pages_of(render_pack_pdf(pack(CoopKind.SOCIAL), "ko"))
    text = "".join(pages)
    assert "설립인가신청서류" in pages[0] and "사회적협동조합설립인가신청서" in text
    assert "설립인가요건" in text and "시행령제19조①" in text and "법제93조①" in text
    assert "공익사업" in text and "60일" in text


def test_the_english_pack_says_on_its_first_page_that_it_is_a_reference_translation():
    pages = pages_of(render_pack_pdf(pack(), "en"))
    assert "referencetranslation" in pages[0].lower() and "Papersforthereportoffounding" in pages[0]
    assert "ListoffoundersandconsentersPage" in pages[0] or "Listoffoundersandconsenters" in pages[0]
    for part, pdf in render_pack_files(pack(), "en"):
        assert "referencetranslation" in pages_of(pdf)[0].lower(), part


def test_before_the_meeting_the_missing_papers_say_so():
    unheld = pack(held=False)
    assert set(unheld.missing()) == {PackPart.NOTICE, PackPart.MINUTES, PackPart.OFFICERS}
    pages = pages_of(render_pack_pdf(unheld, "ko"))
    assert pages[0].count("(아직기록되지않음)") == 3 and "점검용" in pages[0]
    assert any("창립총회가아직기록되지않았습니다" in p for p in pages)


def test_cancel_stops_the_pack():
    with pytest.raises(Cancelled):
        render_pack_pdf(pack(), "ko", progress=lambda done, total: done < 4)
    steps = []
    render_pack_pdf(pack(), "ko", progress=lambda done, total: steps.append((done, total)))
    assert steps[-1][0] == steps[-1][1] > len(PackPart)  # the bylaws report article by article
