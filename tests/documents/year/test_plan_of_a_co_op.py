"""The year's plan printed from a co-op's records (``services.year.printing``), on SQLite and PostgreSQL:
read back with pypdf, one page, and a co-op with many planned meetings and terms still on one page,
saying how many lines it could not hold."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from coopdesk.documents.year.plan import SIZES, YearPlanRenderer
from coopdesk.domain.coop import BylawsSettings
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.officers.terms import Office
from coopdesk.services.coops import create_coop
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting
from coopdesk.services.members.member import add_member
from coopdesk.services.officers.terms import TermInput, add_term
from coopdesk.services.year.agenda import mark_done, year_agenda
from coopdesk.services.year.printing import print_year_plan, year_plan
from tests.conftest import sample_profile

TODAY = dt.date(2026, 11, 21)


def text(path) -> list[str]:
    return ["".join(page.extract_text().split()) for page in PdfReader(path).pages]


def a_co_op(db):
    coop = create_coop(db, sample_profile(), adopted_on=dt.date(2020, 1, 1))
    for name in ("김민준", "이서연", "박도윤", "최하은", "정지우"):
        add_member(db, coop.id, MemberDetails(name, "소비자"), joined_on=dt.date(2020, 3, 1))
    return coop


def test_the_plan_holds_the_year_s_tasks_their_articles_and_what_was_done(db, tmp_path):
    coop = a_co_op(db)
    add_term(db, coop.id, TermInput(Office.DIRECTOR, dt.date(2024, 12, 22), TODAY + dt.timedelta(days=30),
                                    member_number=2), today=TODAY)
    mark_done(db, coop.id, "yearly_report:2025", on=dt.date(2026, 3, 20), note="시청에 보고", today=TODAY)
    result = print_year_plan(db, coop.id, tmp_path / "plan.pdf", "ko", TODAY)
    assert result.pages == 1
    (page,) = text(tmp_path / "plan.pdf")
    assert "햇살마을협동조합" in page and "2026회계연도연간일정표" in page and "2026년1월1일~2026년12월31일" in page
    assert "법제28조③" in page and "법제52조①" in page and "이서연" in page  # the assembly, the settlement, the term
    assert "■완료26.3.20." in page and "시청에보고" in page and "□기한지남" in page
    plan = year_plan(db, coop.id, TODAY)
    assert [line.due_on for line in plan.lines] == sorted(line.due_on for line in plan.lines)
    assert len(plan.lines) == len(year_agenda(db, coop.id, TODAY).tasks)  # nothing done in an earlier year


def busy_co_op(db, meetings: int, **bylaws):
    """Many planned assemblies and three directors' terms ending."""
    coop = create_coop(db, sample_profile(bylaws=BylawsSettings(**bylaws)), adopted_on=dt.date(2020, 1, 1))
    for name in ("김민준", "이서연", "박도윤", "최하은", "정지우"):
        add_member(db, coop.id, MemberDetails(name, "소비자"), joined_on=dt.date(2020, 3, 1))
    for n in range(meetings):
        create_meeting(db, coop.id, MeetingInput(MeetingKind.EXTRAORDINARY_ASSEMBLY, f"임시총회 {n + 1}호",
                                                 TODAY + dt.timedelta(days=10 + n)))
    for number in (1, 2, 3):
        add_term(db, coop.id, TermInput(Office.DIRECTOR, dt.date(2024, 12, 23 + number),
                                        TODAY + dt.timedelta(days=31 + number), member_number=number), today=TODAY)
    return coop


def test_a_co_op_with_many_planned_meetings_and_terms_is_printed_smaller_on_one_page(db, tmp_path):
    coop = busy_co_op(db, 16)
    plan = year_plan(db, coop.id, TODAY)
    renderer = YearPlanRenderer(plan, "en")
    renderer.render()
    assert len(plan.lines) > 25 and renderer.size < SIZES[0] and renderer.shown_lines == len(plan.lines)
    assert print_year_plan(db, coop.id, tmp_path / "plan.pdf", "ko", TODAY).pages == 1
    (page,) = text(tmp_path / "plan.pdf")
    assert "임시총회1호" in page and "임시총회16호" in page and "건은여기싣지못했습니다" not in page


def test_a_year_too_full_for_a_page_keeps_to_one_page_and_says_how_many_are_left_off(db, tmp_path):
    coop = busy_co_op(db, 60)  # the year's page lists the first 50 planned meetings
    plan = year_plan(db, coop.id, TODAY)
    for language, more in (("en", "And{count}morefrom"), ("ko", "{count}건은여기싣지못했습니다")):
        renderer = YearPlanRenderer(plan, language)
        renderer.render()
        left_off = len(plan.lines) - renderer.shown_lines
        assert renderer.size == SIZES[-1] and left_off > 0
        result = print_year_plan(db, coop.id, tmp_path / f"{language}.pdf", language, TODAY)
        (page,) = text(tmp_path / f"{language}.pdf")
        assert result.pages == 1 and more.format(count=left_off) in page
        assert "2025" in page and "임시총회1호" in page  # the overdue assembly of March, the first meetings …
        assert "임시총회50호" not in page  # … and not the latest, left off
