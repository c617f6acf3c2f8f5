"""What the founding tests share: a co-op in founding with 7 founders and 12 consenters.

햇빛발전협동조합 starts its founding on 2026-08-01.  Consenters 1–7 are the founders (10
shares each), 8–12 consent later (5 shares each); number 1 represents the founders.  The
founding course is on 2026-08-20, the notice posted on 2026-08-25, the founding meeting on
2026-09-05 (11 days later: the notice has its 7 clear days).  Share price: 10,000 won.
"""

import datetime as dt

from coopdesk.domain.education.sessions import SessionDetails, SessionKind
from coopdesk.domain.founding.plans import PlanLine, PlanTable
from coopdesk.services.education.sessions import record_session
from coopdesk.services.founding.meeting import create_founding_meeting, link_course, record_notice
from coopdesk.services.founding.people import add_consenter, add_founder, set_representative
from coopdesk.services.founding.plans import set_lines
from coopdesk.services.founding.start import start_founding
from coopdesk.services.founding.views import FoundingMeetingInput, NoticeInput, PersonInput
from tests.conftest import TODAY, sample_profile

D = dt.date
STARTED = D(2026, 8, 1)
COURSE = D(2026, 8, 20)
NOTICE = D(2026, 8, 25)
HELD = D(2026, 9, 5)
FOUNDERS = 7
CONSENTERS = 12


def name(n: int) -> str:
    return f"동의자{n:02d}"


def person(n: int, founder: bool = False) -> PersonInput:
    return PersonInput(name(n), "소비자" if n % 3 else "생산자", D(2026, 8, 2) if founder else D(2026, 8, 28),
                       10 if founder else 5, birth_date=D(1960 + n, 1 + n % 12, 1), phone=f"010-1234-{n:04d}",
                       address="전라북도 전주시 완산구", founder=founder)


def start(db, **changes):
    return start_founding(db, sample_profile(**{"name": "햇빛발전협동조합", **changes}), started_on=STARTED,
                          authority="전북특별자치도지사", today=TODAY)


def gather(db, coop_id: int) -> None:
    """7 founders, 5 more consenters, the representative."""
    for n in range(1, FOUNDERS + 1):
        add_founder(db, coop_id, person(n, founder=True), today=TODAY)
    for n in range(FOUNDERS + 1, CONSENTERS + 1):
        add_consenter(db, coop_id, person(n), today=TODAY)
    set_representative(db, coop_id, 1, today=TODAY)


def prepare_meeting(db, coop_id: int):
    """The founding course, the meeting with its four matters, the notice, the plan tables."""
    course = record_session(db, coop_id, SessionDetails(SessionKind.FOUNDING_COURSE, "협동조합 설립 교육", COURSE,
                                                        dt.time(19, 0), dt.time(21, 0), "마을회관", "김강사"))
    link_course(db, coop_id, course.id, today=TODAY)
    create_founding_meeting(db, coop_id, FoundingMeetingInput("햇빛발전협동조합 창립총회", HELD, "마을회관 2층",
                                                              dt.time(14, 0), chair_name=name(1)), today=TODAY)
    record_notice(db, coop_id, NoticeInput(NOTICE, "마을회관 게시판 및 누리집",
                                           "조합의 설립 목적에 동의하고 조합원으로서의 의무를 다하고자 하는 자"),
                  today=TODAY)
    set_lines(db, coop_id, PlanTable.BUSINESS_PLAN, [PlanLine("태양광 발전 사업", "마을 지붕 태양광", 30_000_000),
                                                     PlanLine("에너지 교육 사업", "주민 교육", 5_000_000)])
    set_lines(db, coop_id, PlanTable.INCOME, [PlanLine("출자금", "", 950_000), PlanLine("전력 판매", "", 30_000_000)])
    set_lines(db, coop_id, PlanTable.EXPENSE, [PlanLine("설비 유지", "", 20_000_000), PlanLine("교육", "", 5_000_000)])
    return set_lines(db, coop_id, PlanTable.FOUNDING_EXPENSES, [PlanLine("창립총회 대관", "", 200_000),
                                                                 PlanLine("설립등기 비용", "", 300_000)])
