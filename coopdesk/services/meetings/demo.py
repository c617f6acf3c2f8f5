"""The demo's officers and its last ordinary general assembly, run to signed minutes.

Made through the same services a secretary uses, so the demo shows what a real file holds:
this year's (or last year's) ordinary assembly with its notice, attendance, a proxy, votes
by show of hands, the officers (a chair, two directors and an auditor) elected by secret
ballot, and minute signers.
Only for a demo of up to ``MAX_ASSEMBLY_MEMBERS`` members: larger demos are for measuring
the register, and checking in thousands would take minutes.
"""

from __future__ import annotations

import datetime as dt
import random

from coopdesk.domain.meetings.kinds import MeetingKind, Subject
from coopdesk.services.elections.demo import elect_demo_officers
from coopdesk.services.meetings.agenda import list_items, record_item_text
from coopdesk.services.meetings.attendance import add_proxy, check_in
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting, record_times
from coopdesk.services.meetings.notice import record_notice
from coopdesk.services.meetings.signers import choose_minute_signers
from coopdesk.services.meetings.votes import close_item, record_counts
from coopdesk.services.members.listing import list_members
from coopdesk.store.database import Database

MAX_ASSEMBLY_MEMBERS = 500
PLACE = "마포 햇살마을 먹거리 협동조합 2층 교육장"
DISCUSSION = (
    "조합원 질의에 이사장이 답변하였고, 추가 의견 없이 표결에 부쳤다.",
    "감사가 감사 결과를 보고하였으며 특별한 지적 사항은 없었다.",
    "배송 확대 계획에 대한 질의가 있었고, 예산 조정 없이 원안대로 표결하였다.",
    "후보자 소개와 소견 발표 후 표결하였다.",
)


def add_demo_governance(db: Database, coop_id: int, rnd: random.Random, today: dt.date) -> None:
    """Officers in office today, and the last ordinary assembly before today."""
    current = [r for r in list_members(db, coop_id, today=today) if r.status.is_current]
    if len(current) < 4 or len(current) > MAX_ASSEMBLY_MEMBERS:
        return
    held_on = _assembly_day(today)
    on_day = [r for r in list_members(db, coop_id, today=held_on) if r.status.is_current]
    there = {r.number for r in on_day}
    officers = [r for r in current if r.number in there][:4]  # the longest-standing members
    if len(officers) < 4:
        return
    _assembly(db, coop_id, rnd, held_on, sorted(there), [r.number for r in officers], officers[0].name)


def _assembly_day(today: dt.date) -> dt.date:
    """The last Saturday of February: within three months of a January fiscal year's end."""
    year = today.year if today >= dt.date(today.year, 3, 10) else today.year - 1
    day = dt.date(year, 2, 28)
    return day - dt.timedelta(days=(day.weekday() - 5) % 7)


def _assembly(db: Database, coop_id: int, rnd: random.Random, held_on: dt.date, numbers: list[int],
              officers: list[int], chair: str) -> None:
    """Counts by show of hands, as small co-ops vote, and the officers by secret ballot;
    everything passes comfortably.  ``officers``: the chair, two directors, the auditor."""
    chair_number = officers[0]
    meeting = create_meeting(db, coop_id, MeetingInput(
        MeetingKind.ORDINARY_ASSEMBLY, f"{held_on.year}년 정기총회", held_on, dt.time(14, 0), PLACE,
        chair_name=chair, purpose=f"{held_on.year - 1}년도 사업 및 결산 보고와 {held_on.year}년도 사업계획 승인"),
        with_standard_agenda=True)
    record_notice(db, coop_id, meeting.id, held_on - dt.timedelta(days=12), "우편, 문자")
    others = [n for n in numbers if n != chair_number]
    coming = sorted([chair_number, *rnd.sample(others, k=max(len(numbers) * 2 // 3, len(numbers) // 2 + 1) - 1)])
    for number in coming:
        check_in(db, coop_id, meeting.id, number, at=dt.datetime.combine(held_on, dt.time(13, 50)))
    absent = [n for n in numbers if n not in coming]
    if absent:
        add_proxy(db, coop_id, meeting.id, absent[0], holder=coming[-1], written_proof=True,
                  note="위임장 원본 보관")
    record_times(db, coop_id, meeting.id, opened_at=dt.time(14, 5), closed_at=dt.time(15, 50), chair_name=chair)
    present = len(coming) + (1 if absent else 0)
    for item, discussion in zip(list_items(db, coop_id, meeting.id), DISCUSSION):
        record_item_text(db, coop_id, item.id, proposal="별첨 자료와 같이 승인을 요청합니다.", discussion=discussion)
        if item.subject is Subject.OFFICER_ELECTION:
            elect_demo_officers(db, coop_id, rnd, item.id, held_on, [*coming, *absent[:1]], chair_number,
                                officers[:3], officers[3])
            close_item(db, coop_id, item.id)
            continue
        no = rnd.randrange(0, max(present // 6, 1) + 1)
        abstain = rnd.randrange(0, 2) if present - no > 1 else 0
        record_counts(db, coop_id, item.id, present - no - abstain, no, abstain)
        close_item(db, coop_id, item.id)
    choose_minute_signers(db, coop_id, meeting.id, [n for n in coming if n != chair_number][:3])
