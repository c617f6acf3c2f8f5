"""The demo's education: the founders' course before the co-op existed, an orientation for the
members who joined in the last year, and this year's member education — made through the same
services a secretary uses.  Only for a demo of up to ``MAX_MEMBERS`` members."""

from __future__ import annotations

import datetime as dt
import random

from coopdesk.domain.education.sessions import Organiser, SessionDetails, SessionKind
from coopdesk.services.education.attendance import add_member
from coopdesk.services.education.sessions import record_session
from coopdesk.services.members.listing import list_members
from coopdesk.store.database import Database

MAX_MEMBERS = 500
PLACE = "마포 햇살마을 먹거리 협동조합 2층 교육장"


def add_demo_education(db: Database, coop_id: int, rnd: random.Random, founded_on: dt.date,
                       today: dt.date) -> None:
    rows = list_members(db, coop_id, today=today)
    if not rows or len(rows) > MAX_MEMBERS:
        return
    founders = [r.number for r in rows if r.joined_on == founded_on]
    course = founded_on - dt.timedelta(days=20)
    _held(db, coop_id, SessionDetails(SessionKind.FOUNDING_COURSE, "협동조합 설립 기초 교육", course, dt.time(10),
                                      dt.time(17), "마포구 사회적경제지원센터", "김상담", Organiser.CONSULTATION_CENTRE,
                                      "협동조합 기본법 해설, 표준정관"), founders, today)
    joined = {r.number: r.joined_on for r in rows if r.joined_on is not None and r.status.is_current}
    recent = [n for n, on in joined.items() if today - dt.timedelta(days=365) <= on < today]
    if recent:
        day = max(today - dt.timedelta(days=14), min(joined[n] for n in recent))
        _held(db, coop_id, SessionDetails(SessionKind.ORIENTATION, "신규 조합원 교육", day, dt.time(19),
                                          dt.time(20, 30), PLACE, "이사장", Organiser.COOP, "조합 안내서"),
              rnd.sample(recent, k=max(1, len(recent) * 3 // 4)), today)
    current = [r.number for r in rows if r.status.is_current]
    day = max(founded_on, today - dt.timedelta(days=rnd.randrange(30, 90)))
    _held(db, coop_id, SessionDetails(SessionKind.MEMBER_EDUCATION, "협동조합의 원칙과 우리 조합의 살림", day,
                                      dt.time(14), dt.time(16), PLACE, "박강사", Organiser.COOP),
          rnd.sample(current, k=min(len(current), max(2, len(current) // 2))), today)


def _held(db: Database, coop_id: int, details: SessionDetails, numbers: list[int], today: dt.date) -> None:
    session = record_session(db, coop_id, details)
    for number in sorted(numbers):
        add_member(db, coop_id, session.id, number, today)
