"""The papers of a meeting read back with pypdf: notice, attendance sheet, proxy form, minutes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest
from pypdf import PdfReader

from coopdesk.documents.meetings.attendance_sheet import render_attendance_sheet
from coopdesk.documents.meetings.notice import render_notice
from coopdesk.documents.meetings.minutes import render_minutes, result_text
from coopdesk.documents.meetings.proxy_form import render_proxy_form
from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.papers import (
    AgendaLine,
    AttendancePaper,
    AttendanceRow,
    MeetingFacts,
    MinutesItem,
    MinutesPaper,
    NoticePaper,
    ProxyFormPaper,
    Signer,
    quorum_statement,
)
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind
from coopdesk.domain.meetings.resolutions import Tally, decide
from coopdesk.i18n import Translator
from tests.documents.members.test_register_pdf import _fonts

LANGUAGES = ["ko", "en"]
ASSEMBLY = MeetingFacts("햇살마을협동조합", MeetingKind.ORDINARY_ASSEMBLY, "2026년도 정기총회",
                        dt.date(2026, 3, 28), "마포구 성미산로 10, 마을회관 2층", dt.time(14, 0))
AGENDA = (
    AgendaLine("2025년도 사업보고 및 결산 승인의 건", ResolutionKind.ORDINARY),
    AgendaLine("감사보고", ResolutionKind.REPORT),
    AgendaLine("정관 변경의 건", ResolutionKind.SPECIAL),
    AgendaLine("임원 선출의 건", ResolutionKind.ELECTION),
)
NOTICE = NoticePaper(ASSEMBLY, "서울특별시 마포구 성미산로 10", "홍길동",
                     "2025년도 결산과 2026년도 사업계획의 승인", AGENDA, dt.date(2026, 3, 18), "우편, 문자")
CHAIR = Signer("홍길동", 1)
SIGNERS = (Signer("김민준", 2), Signer("이서연", 3), Signer("박도윤", 4))


def pdf(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def flat(text: str) -> str:
    """Text without any white space: a wrapped sentence compares equal to its source."""
    return "".join(text.split())


def all_text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def voted(title: str, kind: ResolutionKind, yes: int, no: int, abstain: int,
          meeting: MeetingKind = MeetingKind.ORDINARY_ASSEMBLY, members: int = 15,
          in_person: int = 8, by_proxy: int = 2) -> MinutesItem:
    """An item closed the way the services will close it: through resolutions.decide."""
    tally = Tally(members, in_person, by_proxy, 0, yes, no, abstain)
    outcome = decide(tally, kind, meeting)
    return MinutesItem(title, f"{title}을 원안대로 승인하고자 함.", "질의응답 후 표결에 부침.", kind, members,
                       tally.present, 0, yes, no, abstain, outcome.passed, outcome.explanation, outcome.ref)


ITEMS = (
    voted("2025년도 사업보고 및 결산 승인의 건", ResolutionKind.ORDINARY, 8, 1, 1),
    MinutesItem("감사보고", "감사 최하은이 감사 결과를 보고함.", "", ResolutionKind.REPORT),
    voted("정관 변경의 건", ResolutionKind.SPECIAL, 6, 3, 1),
)
MINUTES = MinutesPaper(ASSEMBLY, dt.time(14, 0), dt.time(16, 10), 15, 8, 2, CHAIR, ITEMS, SIGNERS)


def assert_nanum_embedded(reader: PdfReader) -> None:
    fonts = [f for page in reader.pages for f in _fonts(page["/Resources"])]
    assert fonts
    for font in fonts:
        assert "NanumGothic" in font["/BaseFont"]
        assert "/FontFile2" in font["/FontDescriptor"].get_object()


# -- notice ------------------------------------------------------------------------------
@pytest.mark.parametrize("language", LANGUAGES)
def test_notice_states_purpose_agenda_date_and_place(language):
    t = Translator(language)
    reader = pdf(render_notice(NOTICE, language))
    text = flat(all_text(reader))
    assert len(reader.pages) == 1
    for fact in (ASSEMBLY.coop_name, ASSEMBLY.place, NOTICE.purpose, NOTICE.convener, NOTICE.main_office,
                 t.date(ASSEMBLY.date, "full"), "14:00", t.date(NOTICE.notice_date, "long")):
        assert flat(fact) in text, fact
    for line in AGENDA:
        assert flat(line.title) in text
        assert flat(t.gettext(line.kind.label)) in text
    assert_nanum_embedded(reader)


@pytest.mark.parametrize("agenda", [(), (AgendaLine("  ", ResolutionKind.ORDINARY),)])
def test_notice_without_agenda_items_is_refused(agenda):
    with pytest.raises(Refusal) as refused:
        render_notice(dataclasses.replace(NOTICE, agenda=agenda), "ko")
    assert refused.value.article == law.MEETING_NOTICE_DAYS.ref
    assert refused.value.field == "agenda"


# -- attendance sheet and proxy form -------------------------------------------------------
@pytest.mark.parametrize("language", LANGUAGES)
def test_attendance_sheet_of_120_members_repeats_its_headings_on_every_page(language):
    t = Translator(language)
    rows = tuple(AttendanceRow(n, f"조합원{n:03d}") for n in range(1, 121))
    reader = pdf(render_attendance_sheet(AttendancePaper(ASSEMBLY, rows), language))
    pages = [page.extract_text() for page in reader.pages]
    assert 4 <= len(pages) <= 8
    headings = ["Signature (in person)", "Proxy holder (name, relationship)", "Proxy's signature"]
    for number, text in enumerate(pages, start=1):
        for heading in headings:
            assert flat(t.gettext(heading)) in flat(text), (number, heading)
        assert t.gettext("Page {page} of {pages}", page=number, pages=len(pages)) in text
    lines = set("\n".join(pages).splitlines())
    assert {row.name for row in rows} <= lines  # every member, each on a line of their own
    assert ASSEMBLY.place in pages[0]
    assert_nanum_embedded(reader)


def test_board_attendance_sheet_has_no_proxy_columns():
    board = dataclasses.replace(ASSEMBLY, kind=MeetingKind.BOARD, title="")
    paper = AttendancePaper(board, (AttendanceRow(1, "홍길동"),), proxy_column=False)
    text = flat(pdf(render_attendance_sheet(paper, "en")).pages[0].extract_text())
    assert "Signature(inperson)" in text and "Proxy" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_proxy_form_names_the_meeting_and_the_one_member_rule(language):
    t = Translator(language)
    paper = ProxyFormPaper(ASSEMBLY, tuple(line.title for line in AGENDA))
    reader = pdf(render_proxy_form(paper, language))
    text = flat(all_text(reader))
    assert len(reader.pages) == 1
    for fact in (ASSEMBLY.coop_name, ASSEMBLY.place, t.date(ASSEMBLY.date, "full"), *paper.agenda_titles):
        assert flat(fact) in text
    for label in ("Member giving the proxy", "Proxy holder", "Relationship (if a family member living with "
                  "the member)", "Signature or seal"):
        assert flat(t.gettext(label)) in text
    assert flat(law.PROXY_PRINCIPALS_PER_HOLDER.ref.label(language)) in text
    assert_nanum_embedded(reader)


# -- minutes --------------------------------------------------------------------------------
def test_results_in_words_in_english():
    assert result_text(ITEMS[0], MeetingKind.ORDINARY_ASSEMBLY, "en") == (
        "Of the 10 members present, 8 voted yes, 1 no and 1 abstained: the motion was carried.")
    assert result_text(ITEMS[2], MeetingKind.ORDINARY_ASSEMBLY, "en").endswith("the motion was rejected.")
    founding = result_text(ITEMS[0], MeetingKind.FOUNDING, "en")
    assert founding.startswith("Of the 10 consenters present, 8 voted yes")
    board = voted("예산 집행", ResolutionKind.ORDINARY, 2, 1, 0, MeetingKind.BOARD, 5, 3, 0)
    assert result_text(board, MeetingKind.BOARD, "en").startswith("Of the 3 directors present, 2 voted yes")


def test_quorum_statement_counts_proxies_and_says_when_quorum_fails():
    assert quorum_statement(MINUTES).english() == (
        "Of the 15 members, 10 were present (8 in person, 2 by proxy); the chair confirmed that "
        "the quorum was reached and declared the meeting open.")
    short = dataclasses.replace(MINUTES, in_person=5, by_proxy=2)
    assert quorum_statement(short).english().endswith("the quorum was not reached.")


@pytest.mark.parametrize("language", LANGUAGES)
def test_minutes_state_counts_results_quorum_and_signers(language):
    t = Translator(language)
    reader = pdf(render_minutes(MINUTES, language))
    text = flat(all_text(reader))
    for fact in (ASSEMBLY.coop_name, ASSEMBLY.place, t.date(ASSEMBLY.date, "full"), "14:00", "16:10"):
        assert flat(fact) in text
    assert flat(t.gettext(quorum_statement(MINUTES).message, members=15, present=10, in_person=8,
                          by_proxy=2)) in text
    for item in ITEMS:
        assert flat(item.title) in text and flat(item.proposal) in text
        assert flat(result_text(item, MeetingKind.ORDINARY_ASSEMBLY, language)) in text
    assert flat(law.SPECIAL_MAJORITY.ref.label(language)) in text  # the rule applied, cited
    signatures = text[text.index(flat(t.gettext("Chair of the meeting")), text.index(flat("16:10")) + 1):]
    for signer in (CHAIR, *SIGNERS):
        assert signer.name in signatures
    assert signatures.count(flat(t.gettext("(signature or seal)"))) == 4
    assert flat(t.gettext("DRAFT")) not in text
    assert_nanum_embedded(reader)


def test_final_minutes_with_two_signers_are_refused():
    with pytest.raises(Refusal) as refused:
        render_minutes(dataclasses.replace(MINUTES, signers=SIGNERS[:2]), "ko")
    assert refused.value.article == law.MINUTES_MIN_SIGNING_MEMBERS.ref


@pytest.mark.parametrize("language", LANGUAGES)
def test_draft_prints_with_too_few_signers_and_a_mark_on_every_page(language):
    t = Translator(language)
    many = tuple(voted(f"제{n}호 의안", ResolutionKind.ORDINARY, 7, 2, 1) for n in range(1, 9))
    draft = dataclasses.replace(MINUTES, items=many, signers=SIGNERS[:1], draft=True)
    pages = pdf(render_minutes(draft, language)).pages
    assert len(pages) >= 2
    for page in pages:
        assert t.gettext("DRAFT") in page.extract_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_board_minutes_are_signed_by_every_attending_director(language):
    board = dataclasses.replace(ASSEMBLY, kind=MeetingKind.BOARD, title="제3차 이사회")
    directors = (CHAIR, Signer("김민준", 2), Signer("이서연", 3))
    item = voted("예산 집행의 건", ResolutionKind.ORDINARY, 2, 1, 0, MeetingKind.BOARD, 5, 3, 0)
    paper = MinutesPaper(board, dt.time(19, 0), dt.time(20, 0), 5, 3, 0, CHAIR, (item,),
                         directors[1:], attending_directors=directors)
    text = flat(all_text(pdf(render_minutes(paper, language))))
    assert flat(result_text(item, MeetingKind.BOARD, language)) in text
    assert all(d.name in text for d in directors)
    with pytest.raises(Refusal):  # a director who attended but does not sign
        render_minutes(dataclasses.replace(paper, signers=directors[1:2]), language)
