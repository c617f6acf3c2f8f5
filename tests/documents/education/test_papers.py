"""The education papers read back with pypdf: certificates of completion, a session's attendance
sheet, the yearly report — names, hours and counts in either language, the page counts, fonts
embedded, and Cancel."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from coopdesk.documents.education.attendance_sheet import render_attendance_sheet
from coopdesk.documents.education.certificate import render_certificates
from coopdesk.documents.education.year_report import render_year_report
from coopdesk.domain.education.papers import (
    Attendee,
    CertificatePaper,
    SessionFacts,
    SheetPaper,
)
from coopdesk.domain.education.report import (
    EducationYear,
    KindLine,
    SessionLine,
    TypeLine,
)
from coopdesk.domain.education.sessions import Organiser, SessionKind
from coopdesk.domain.errors import Cancelled
from tests.documents.members.test_register_pdf import _fonts

D = dt.date
FACTS = SessionFacts("햇살마을협동조합", "서울특별시 마포구 성미산로 10", 3, SessionKind.ORIENTATION, "신규 조합원 교육",
                     D(2026, 3, 14), dt.time(14), dt.time(15, 30), 90, "마을회관 2층", "이강사",
                     Organiser.CONSULTATION_CENTRE, "152:1a2b3c4d5e6f")
PEOPLE = (Attendee(11, "김민준", 1, "소비자", D(1981, 1, 1)), Attendee(12, "이서연", 2, "생산자", None),
          Attendee(13, "최하은", None, None, D(1985, 5, 5)))


def text_of(data: bytes) -> list[str]:
    """Each page's text without white space: a wrapped sentence compares equal to its source."""
    return ["".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


@pytest.mark.parametrize("language, words", [
    ("ko", ["수료증", "위사람은아래교육과정을수료하였음을증명합니다", "1시간30분", "신규조합원교육", "협동조합지원센터",
            "이사장홍길동(인)", "2026년11월21일"]),
    ("en", ["Certificateofcompletion", "completedthecoursebelow", "1h30min", "Aconsultationcentre",
            "Chair홍길동(seal)", "November21,2026"]),
])
def test_one_certificate_a_page_with_the_persons_name_the_hours_and_the_signer(language, words):
    paper = CertificatePaper(FACTS, PEOPLE, D(2026, 11, 21), "홍길동")
    pages = text_of(render_certificates(paper, language))
    assert len(pages) == 3
    for page, person in zip(pages, PEOPLE):
        assert person.name in page and paper.number(person) in page and "햇살마을협동조합" in page
        assert all(w in page for w in words), [w for w in words if w not in page]
        assert "152:1a2b3c4d5e6f" in page  # the audit mark at the foot
    assert "1981" in pages[0] and "1985" in pages[2]  # a birth date only where it was given
    assert not any(label in pages[1] for label in ("생년월일", "Birthdate"))


def test_a_certificate_without_a_chair_on_record_leaves_the_name_to_write_in():
    (page,) = text_of(render_certificates(CertificatePaper(FACTS, PEOPLE[:1], D(2026, 11, 21), ""), "ko"))
    assert "이사장__________(인)" in page


@pytest.mark.parametrize("language, heading, guest, counted", [
    ("ko", "교육출석부", "조합원아님", "명단에3명이있습니다"),
    ("en", "Educationattendancesheet", "Notamember", "3peopleonthelist"),
])
def test_the_attendance_sheet_lists_everyone_with_signature_lines_and_blank_lines(language, heading, guest, counted):
    (page,) = text_of(render_attendance_sheet(SheetPaper(FACTS, PEOPLE, 5), language))
    assert heading in page and counted in page and guest in page
    assert all(p.name in page for p in PEOPLE) and "신규조합원교육" in page
    assert all(str(n) in page for n in range(1, 9))  # three people, five blank lines


def test_a_long_list_runs_over_pages_with_its_headings_on_each():
    many = tuple(Attendee(n, f"조합원{n:03d}", n, "소비자", None) for n in range(1, 61))
    pages = text_of(render_attendance_sheet(SheetPaper(FACTS, many, 5), "en"))
    assert len(pages) >= 3
    assert all("Signature" in page and "Memberno." in page for page in pages)
    assert "조합원001" in pages[0] and "조합원060" in "".join(pages[1:]) and "65" in pages[-1]


def year(sessions: int = 2) -> EducationYear:
    lines = tuple(SessionLine(n, D(2026, 1, 1) + dt.timedelta(days=3 * n), SessionKind.MEMBER_EDUCATION,
                              f"교육 {n:03d}", Organiser.COOP, "이강사", 90, 4, 1) for n in range(1, sessions + 1))
    return EducationYear("햇살마을협동조합", 2026, D(2026, 1, 1), D(2026, 12, 31), lines,
                         (KindLine(SessionKind.MEMBER_EDUCATION, sessions, 90 * sessions, 5 * sessions),),
                         (TypeLine("소비자", 6, 4, 540), TypeLine("생산자", 2, 2, 180), TypeLine(None, 2, 2, 180)),
                         12, 6, "152:1a2b3c4d5e6f")


@pytest.mark.parametrize("language, words", [
    ("ko", ["2026회계연도교육실적보고", "교육횟수2", "총교육시간3시간", "참석연인원10", "참석자교육시간합계15시간",
            "12명중6명(50%)", "조합원유형별참석", "소비자649시간", "비조합원223시간", "법제7조"]),
    ("en", ["Educationreport,fiscalyear2026", "Sessionsheld2", "Hoursofeducationgiven3h", "Attendances10",
            "6of12(50%)", "Attendancebymembertype", "소비자649h", "Notyetmembers223h", "Act7"]),
])
def test_the_yearly_report_says_the_years_figures(language, words):
    (page,) = text_of(render_year_report(year(), language))
    assert all(w in page for w in words), [w for w in words if w not in page]
    assert "교육001" in page and "교육002" in page


def test_a_year_of_many_sessions_runs_over_pages_and_can_be_cancelled():
    pages = text_of(render_year_report(year(120), "en"))
    assert len(pages) >= 3 and "교육120" in pages[-1]
    asked: list[int] = []
    with pytest.raises(Cancelled):
        render_year_report(year(120), "en", progress=lambda done, total: asked.append(done) or False)
    assert len(asked) == 1
    with pytest.raises(Cancelled):
        render_certificates(CertificatePaper(FACTS, PEOPLE, D(2026, 11, 21), "홍길동"), "ko",
                            progress=lambda done, total: False)


def test_a_year_without_sessions_says_so():
    empty = EducationYear("햇살마을협동조합", 2026, D(2026, 1, 1), D(2026, 12, 31), (), (), (), 0, 0)
    (page,) = text_of(render_year_report(empty, "ko"))
    assert "올해실시한교육이없습니다" in page and "명부에조합원없음" in page


@pytest.mark.parametrize("render", [
    lambda lang: render_certificates(CertificatePaper(FACTS, PEOPLE, D(2026, 11, 21), "홍길동"), lang),
    lambda lang: render_attendance_sheet(SheetPaper(FACTS, PEOPLE, 5), lang),
    lambda lang: render_year_report(year(), lang),
])
@pytest.mark.parametrize("language", ["ko", "en"])
def test_only_embedded_nanum_fonts(render, language):
    reader = PdfReader(io.BytesIO(render(language)))
    fonts = [f for page in reader.pages for f in _fonts(page["/Resources"])]
    assert fonts
    for font in fonts:
        assert "Nanum" in font["/BaseFont"] and "/FontFile2" in font["/FontDescriptor"].get_object()
