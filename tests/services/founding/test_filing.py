"""The founding meeting's papers name the resolution the room applies; the steps after it follow
one another; a social co-op is checked for its stakeholder types and public-benefit share.  On
SQLite and PostgreSQL."""

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from coopdesk.domain import law
from coopdesk.domain.coop import CoopKind
from coopdesk.domain.errors import Refusal
from coopdesk.domain.founding.checks import FoundingRule, Level
from coopdesk.domain.founding.plans import PlanLine, PlanTable
from coopdesk.services.founding.filing import record_certificate, record_filing, record_handover
from coopdesk.services.founding.plans import all_lines, set_lines
from coopdesk.services.founding.start import edit_settings, founding_of, get_founding
from coopdesk.services.founding.views import FoundingSettings
from coopdesk.services.meetings.printing import MeetingPaperKind, render_meeting_paper
from tests.conftest import TODAY
from tests.services.founding.helpers import gather, prepare_meeting, start

D = dt.date


def text_of(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("language, words, wrong", [
    ("en", "two thirds of those present", "Ordinary resolution"),
    ("ko", "3분의 2", "보통결의"),
])
def test_the_notice_and_the_attendance_sheet_say_two_thirds_of_those_present(db, language, words, wrong):
    coop_id = start(db).coop_id
    gather(db, coop_id)
    prepare_meeting(db, coop_id)
    meeting = get_founding(db, coop_id, TODAY).meeting.id
    notice = "".join(text_of(render_meeting_paper(db, coop_id, meeting, MeetingPaperKind.NOTICE, language)).split())
    assert "".join(words.split()) in notice and "".join(wrong.split()) not in notice
    assert ("August25,2026" if language == "en" else "2026년8월25일") in notice  # dated the day it was posted
    sheet = text_of(render_meeting_paper(db, coop_id, meeting, MeetingPaperKind.ATTENDANCE, language))
    assert "".join(words.split()) in "".join(sheet.split())
    assert ("Founding consenters: 12" if language == "en" else "설립동의자 수: 12") in sheet


def test_the_steps_after_the_meeting_follow_one_another(db):
    coop_id = start(db).coop_id
    gather(db, coop_id)
    with pytest.raises(Refusal, match="Hold the founding meeting first"):
        record_filing(db, coop_id, on=D(2026, 9, 10), today=TODAY)
    with pytest.raises(Refusal, match="Record the filing first"):
        record_certificate(db, coop_id, on=D(2026, 9, 20), number="1", today=TODAY)
    with pytest.raises(Refusal, match="Record the certificate first"):
        record_handover(db, coop_id, on=D(2026, 9, 20), today=TODAY)


def test_the_ministry_is_a_setting_and_a_coop_not_founded_here_has_no_founding(db, coop):
    coop_id = start(db).coop_id
    assert get_founding(db, coop_id, TODAY).ministry == "기획예산처"
    view = edit_settings(db, coop_id, FoundingSettings("재정경제부", "서울특별시장"), today=TODAY)
    assert (view.ministry, view.authority) == ("재정경제부", "서울특별시장")
    with pytest.raises(Refusal, match="ministry"):
        edit_settings(db, coop_id, FoundingSettings("  "), today=TODAY)
    assert founding_of(db, coop.id, TODAY) is None


def test_a_social_coop_needs_two_stakeholder_types_and_forty_percent_public_benefit(db):
    coop_id = start(db, name="햇빛사회적협동조합", kind=CoopKind.SOCIAL).coop_id
    gather(db, coop_id)
    prepare_meeting(db, coop_id)  # 30,000,000 won of solar power, 5,000,000 of education: no public benefit marked
    checks = {c.rule: c for c in get_founding(db, coop_id, TODAY).checks}
    assert checks[FoundingRule.STAKEHOLDERS].level is Level.MET  # 소비자 and 생산자 among the consenters
    benefit = checks[FoundingRule.PUBLIC_BENEFIT]
    assert (benefit.level, benefit.article) == (Level.UNMET, law.SOCIAL_MIN_PUBLIC_BENEFIT_SHARE.ref)
    set_lines(db, coop_id, PlanTable.BUSINESS_PLAN, [PlanLine("마을 돌봄", "취약계층 돌봄", 20_000_000, True),
                                                     PlanLine("카페", "", 30_000_000)])
    checks = {c.rule: c for c in get_founding(db, coop_id, TODAY).checks}
    assert checks[FoundingRule.PUBLIC_BENEFIT].level is Level.MET  # 20 of 50 million: 40%
    assert [v.line.public_benefit for v in all_lines(db, coop_id)[PlanTable.BUSINESS_PLAN]] == [True, False]
    with pytest.raises(Refusal, match="business plan"):
        set_lines(db, coop_id, PlanTable.EXPENSE, [PlanLine("인건비", "", 1_000, True)])
