"""A filing pack built by hand (no database): 7 founders and 12 consenters, a founding meeting
held, three directors and an auditor, the business plan and the budget."""

from __future__ import annotations

import dataclasses
import datetime as dt

from coopdesk.domain.bylaws.facts import BylawsFacts, Enactment
from coopdesk.domain.bylaws.papers import BylawsPaper
from coopdesk.domain.bylaws.texts import default_texts
from coopdesk.domain.coop import BylawsSettings, CoopKind
from coopdesk.domain.founding.checks import public_benefit_check, stakeholders_check
from coopdesk.domain.founding.papers import (
    APPLICANT_CHAIR,
    Applicant,
    FilingPack,
    FormFacts,
    OfficerLine,
    PersonLine,
    PublicNotice,
)
from coopdesk.domain.founding.plans import PlanLine, public_benefit_share
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind
from coopdesk.domain.meetings.papers import (
    AgendaLine,
    MeetingFacts,
    MinutesItem,
    MinutesPaper,
    NoticePaper,
    Signer,
)
from coopdesk.domain.officers.terms import Office

D = dt.date
NAMES = ("김민준", "이서연", "박지호", "최수아", "정우진", "강하은", "윤도현", "임채원", "한지민", "오세훈", "서유나", "문태호")
MEETING_ON = D(2026, 3, 28)
SHARE_PRICE = 50_000


def people(kind: CoopKind = CoopKind.GENERAL) -> tuple[PersonLine, ...]:
    types = ("생산자", "소비자") if kind is CoopKind.SOCIAL else ("소비자", "소비자")
    return tuple(PersonLine(n, name, types[n % 2], D(1970 + n, n % 12 + 1, 10), f"서울특별시 마포구 성미산로 {n}길 {n}",
                            f"010-1234-{n:04d}", D(2026, 3, 2), n <= 7, n == 1, 2 + n % 3, (2 + n % 3) * SHARE_PRICE, 0)
                 for n, name in enumerate(NAMES, start=1))


def plan(kind: CoopKind) -> tuple[PlanLine, ...]:
    social = kind is CoopKind.SOCIAL
    return (PlanLine("마을 돌봄 교실", "방과 후 돌봄과 급식", 30_000_000, social),
            PlanLine("공동구매", "지역 농산물 공동구매와 배송", 20_000_000),
            PlanLine("교육", "조합원 교육과 홍보", 5_000_000))


def pack(kind: CoopKind = CoopKind.GENERAL, *, held: bool = True) -> FilingPack:
    name = "햇살돌봄사회적협동조합" if kind is CoopKind.SOCIAL else "햇살마을협동조합"
    everyone = people(kind)
    facts = BylawsFacts(name, kind, "서울특별시 마포구 성미산로 10", 1, ("소비자", "생산자"),
                        BylawsSettings(share_price=SHARE_PRICE),
                        dataclasses.replace(default_texts(kind), founders=NAMES[:7]),
                        (Enactment(1, MEETING_ON, None),))
    meeting = MeetingFacts(name, MeetingKind.FOUNDING, "햇살마을협동조합 창립총회", MEETING_ON, "마을회관 2층", dt.time(14))
    agenda = tuple(AgendaLine(title, ResolutionKind.SPECIAL) for title in
                   ("정관 승인", "사업계획 및 수지예산 승인", "임원 선출", "설립경비 승인"))
    notice = PublicNotice(NoticePaper(meeting, "서울특별시 마포구 성미산로 10", "김민준", "창립총회", agenda, D(2026, 3, 16)),
                          D(2026, 3, 16), "마을회관 게시판, 누리집", "마포구에 살거나 일하는 사람으로서 조합의 목적에 동의하는 사람")
    items = tuple(MinutesItem(a.title, "원안대로 제안", "질의 없음", a.kind, 12, 10, 0, 9, 1, 0, True) for a in agenda)
    minutes = MinutesPaper(meeting, dt.time(14), dt.time(16, 10), 12, 9, 1, Signer("김민준", 1), items,
                           (Signer("이서연", 2), Signer("박지호", 3), Signer("최수아", 4)))
    officers = (OfficerLine(Office.CHAIR, "김민준", D(1971, 2, 10), "서울특별시 마포구 성미산로 1길 1", "010-1234-0001",
                            MEETING_ON, D(2028, 3, 27), True),
                OfficerLine(Office.DIRECTOR, "이서연", D(1972, 3, 10), "서울특별시 마포구 성미산로 2길 2", "010-1234-0002",
                            MEETING_ON, D(2028, 3, 27), True),
                OfficerLine(Office.DIRECTOR, "박지호", D(1973, 4, 10), "서울특별시 마포구 성미산로 3길 3", "010-1234-0003",
                            MEETING_ON, D(2028, 3, 27), True),
                OfficerLine(Office.AUDITOR, "정우진", D(1975, 6, 10), "서울특별시 마포구 성미산로 5길 5", "010-1234-0005",
                            MEETING_ON, D(2028, 3, 27), True))
    checks = ()
    lines = plan(kind)
    if kind is CoopKind.SOCIAL:
        checks = (stakeholders_check({p.member_type for p in everyone}), public_benefit_check(*public_benefit_share(lines)))
    form = FormFacts(name, kind is CoopKind.SOCIAL, "서울특별시 마포구 성미산로 10", "기획예산처", "서울특별시장",
                     Applicant("김민준", D(1971, 2, 10), "서울특별시 마포구 성미산로 1길 1", "010-1234-0001", APPLICANT_CHAIR),
                     MEETING_ON if held else None, "마을회관 2층", 7, 12, SHARE_PRICE, sum(p.shares for p in everyone),
                     sum(p.subscribed_won for p in everyone), 0, D(2026, 3, 30), ("소비자", "생산자"), checks)
    return FilingPack(form, BylawsPaper(facts, True), notice if held else None, minutes if held else None,
                      officers if held else (), lines,
                      (PlanLine("출자금", "조합원 출자", 2_650_000), PlanLine("사업수입", "돌봄 교실과 공동구매", 48_000_000)),
                      (PlanLine("인건비", "상근 활동가 1명", 30_000_000), PlanLine("운영비", "임차료와 관리비", 12_000_000)),
                      everyone, "19:0123456789ab")
