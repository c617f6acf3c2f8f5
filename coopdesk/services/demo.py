"""The demo co-op: a believable Korean co-op to try CoopDesk with, or to measure it.

Everything comes from one seeded random generator, so the same seed gives the same
co-op.  A demo is built in steps (profile, members, members leaving); later areas
(general assemblies with minutes, elections, capital, education) add their own steps
to ``create_demo`` in the place marked there.

A demo is all or nothing: it is written in one transaction, and a demo in a new file
(``create_demo_in``) is built under a temporary name that becomes the file's name only
when the demo is complete, so a killed ``coopdesk demo`` leaves no half co-op.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from coopdesk.domain.coop import BylawsSettings, CoopKind, CoopProfile, GoverningLaw, MembershipStarts
from coopdesk.domain.errors import Cancelled, Refusal
from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.members.standing import EventKind
from coopdesk.domain.text import N_
from coopdesk.services.capital.demo import add_demo_capital, add_demo_surplus
from coopdesk.services.coops import CoopInfo, create_coop, get_coop, list_coops
from coopdesk.services.files import Made, create_in, where
from coopdesk.services.education.demo import add_demo_education
from coopdesk.services.meetings.demo import add_demo_governance
from coopdesk.services.members.member import NewMember, add_members_in, record_event
from coopdesk.services.table_files import Progress, Ticker
from coopdesk.services.year.demo import add_demo_year
from coopdesk.store.database import Database

MAX_MEMBERS = 100_000
DEMO_NAME = "마포 햇살마을 먹거리 협동조합"
DEMO_OFFICE = "서울특별시 마포구 성미산로 17길 25, 2층"
MEMBER_TYPES = ("소비자", "생산자", "직원")
_TYPE_WEIGHTS = (78, 14, 8)
FOUNDERS = 5  # 발기인: the founding members, admitted on the day the co-op was founded
FOUNDED_YEARS_AGO = 6

# Surnames with their share of the population (2015 census, rounded), so that a long
# register looks like a Korean one: a fifth 김, one in seven 이 ...
SURNAMES: tuple[tuple[str, str, float], ...] = (
    ("김", "kim", 21.5), ("이", "lee", 14.7), ("박", "park", 8.4), ("최", "choi", 4.7),
    ("정", "jung", 4.3), ("강", "kang", 2.4), ("조", "cho", 2.1), ("윤", "yoon", 2.1),
    ("장", "jang", 2.0), ("임", "lim", 1.7), ("한", "han", 1.5), ("오", "oh", 1.5),
    ("서", "seo", 1.5), ("신", "shin", 1.5), ("권", "kwon", 1.4), ("황", "hwang", 1.4),
    ("안", "ahn", 1.4), ("송", "song", 1.3), ("전", "jeon", 1.1), ("홍", "hong", 1.1),
    ("유", "yoo", 1.1), ("고", "ko", 0.9), ("문", "moon", 0.9), ("양", "yang", 0.9),
    ("손", "son", 0.9), ("배", "bae", 0.8), ("백", "baek", 0.8), ("허", "heo", 0.7),
    ("남", "nam", 0.6), ("노", "noh", 0.6),
)
# Given names that were common when the member was born.
GIVEN_NAMES: tuple[tuple[int, tuple[tuple[str, str], ...]], ...] = (
    (1965, (("영수", "youngsoo"), ("영호", "youngho"), ("순자", "soonja"), ("영숙", "youngsook"),
            ("정숙", "jungsook"), ("상철", "sangcheol"), ("미숙", "misook"), ("경희", "kyunghee"),
            ("성호", "sungho"), ("명숙", "myungsook"), ("종민", "jongmin"), ("옥순", "oksoon"))),
    (1980, (("미경", "mikyung"), ("성민", "sungmin"), ("은주", "eunju"), ("정훈", "junghoon"),
            ("현숙", "hyunsook"), ("상훈", "sanghoon"), ("지영", "jiyoung"), ("은정", "eunjung"),
            ("재형", "jaehyung"), ("미정", "mijung"), ("동욱", "dongwook"), ("선영", "sunyoung"))),
    (1992, (("지훈", "jihoon"), ("민정", "minjung"), ("동현", "donghyun"), ("수진", "sujin"),
            ("현우", "hyunwoo"), ("지은", "jieun"), ("준호", "junho"), ("혜진", "hyejin"),
            ("성진", "sungjin"), ("은지", "eunji"), ("민수", "minsoo"), ("유진", "yujin"))),
    (9999, (("민준", "minjun"), ("서연", "seoyeon"), ("도윤", "doyoon"), ("하은", "haeun"),
            ("지호", "jiho"), ("수아", "sua"), ("서준", "seojun"), ("지우", "jiwoo"),
            ("예준", "yejun"), ("서현", "seohyun"), ("하준", "hajun"), ("지민", "jimin"))),
)
MAIL_DOMAINS = ("naver.com", "naver.com", "naver.com", "gmail.com", "daum.net", "hanmail.net", "kakao.com")
# Roads of Mapo and its neighbours, where a village co-op's members live.
ROADS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("마포구", ("성미산로", "월드컵로", "양화로", "독막로", "망원로", "동교로", "와우산로", "희우정로",
              "포은로", "성산로")),
    ("마포구", ("연남로", "토정로", "마포대로", "백범로", "신촌로")),
    ("서대문구", ("연희로", "신촌로", "통일로", "명지대길")),
    ("은평구", ("은평로", "진흥로", "연서로", "불광로")),
    ("용산구", ("한강대로", "이태원로", "효창원로")),
    ("영등포구", ("당산로", "양평로", "선유로")),
)
NOTES = ("", "", "", "", "", "", "", "", "", "", "", "", "주말 배송 희망", "문자 수신 동의", "자원활동 참여")


@dataclass(frozen=True, slots=True)
class DemoPlan:
    """The members of a demo and who of them leaves, before anything is written."""

    founded_on: dt.date
    members: list[NewMember]
    leaving: list[tuple[int, EventKind, dt.date]]  # (position in ``members``, event, date)


def demo_profile() -> CoopProfile:
    return CoopProfile(
        name=DEMO_NAME, kind=CoopKind.GENERAL, governing_law=GoverningLaw.FRAMEWORK_ACT,
        main_office=DEMO_OFFICE, fiscal_year_start_month=1, member_types=MEMBER_TYPES,
        bylaws=BylawsSettings(share_price=10_000, min_shares=5, withdrawal_notice_days=30, instalments_allowed=True,
                              membership_starts=MembershipStarts.FIRST_INSTALMENT),
    )


def create_demo(db: Database, members: int = 15, *, today: dt.date | None = None, seed: int = 2026,
                progress: Progress | None = None, alone: bool = False) -> CoopInfo:
    """A sample co-op with ``members`` members, some of whom have left or are leaving.

    Written in one transaction: Cancel, an error or a killed process leaves none of it.
    With ``alone`` it is refused in a database that holds a co-op already (a demo never
    mixes with a real co-op's records), checked in that same transaction.
    ``progress`` counts to 100.
    """
    if not 1 <= members <= MAX_MEMBERS:
        raise Refusal(N_("A demo co-op has from 1 to {n} members."), field="members", n=MAX_MEMBERS)
    today = today or dt.date.today()
    plan = plan_demo(members, today, seed, progress)
    with db.all_or_nothing(lock_coops=alone) as joined:
        if alone and list_coops(joined):
            raise Refusal(N_("{file} already holds a co-op; the demo needs a new file."), file=where(db))
        coop = create_coop(joined, demo_profile(), adopted_on=plan.founded_on)
        with joined.write() as s:
            first, _ = add_members_in(s, coop.id, plan.members, coop.bylaws.withdrawal_notice_days,
                                      "demo.members")
        _report(progress, 90)
        add_demo_capital(joined, coop.id, random.Random(seed + 3), plan.founded_on, today,
                         frozenset(first + position for position, _kind, _on in plan.leaving))
        for position, kind, on in plan.leaving:
            record_event(joined, coop.id, first + position, kind, on, today=today)
        add_demo_governance(joined, coop.id, random.Random(seed + 1), today)
        add_demo_education(joined, coop.id, random.Random(seed + 2), plan.founded_on, today)
        add_demo_surplus(joined, coop.id, random.Random(seed + 4), today)
        add_demo_year(joined, coop.id, random.Random(seed + 5), today)  # last: the year's papers filed
        # Later areas add their part of the demo here.
        _report(progress, 99)
        made = get_coop(joined, coop.id)
    _report(progress, 100)
    return made


def create_demo_in(target: str | Path | None, members: int = 15, *, name: str = "demo",
                   progress: Progress | None = None) -> Made[CoopInfo]:
    """``coopdesk demo``: a demo in a new file (``target`` None: in the user's co-op folder,
    named after ``name``), given its name only once complete; or in an existing database
    that holds no co-op yet."""
    return create_in(target, lambda db: create_demo(db, members, progress=progress, alone=True), name=name)


def _report(progress: Progress | None, percent: int) -> None:
    # Before 100 the transaction is still open: Cancel undoes the whole demo.
    if progress is not None and progress(percent, 100) is False and percent < 100:
        raise Cancelled()


def plan_demo(count: int, today: dt.date, seed: int = 2026, progress: Progress | None = None) -> DemoPlan:
    """Everything the demo will hold, made up but not written; ``progress`` may cancel."""
    rnd = random.Random(seed)
    founded_on = founding_day(today)
    ticker = Ticker(progress and (lambda done, total: progress(done * 40 // total, 100)), count)
    people = []
    for done, person in enumerate(demo_people(rnd, count, founded_on, today), start=1):
        people.append(person)
        ticker.tick(done)
    ticker.report(count)  # the last chance to cancel before anything is written
    return DemoPlan(founded_on, people, _leaving(rnd, people, today))


def founding_day(today: dt.date) -> dt.date:
    return dt.date(today.year - FOUNDED_YEARS_AGO, 3, 15)


def demo_people(rnd: random.Random, count: int, founded_on: dt.date, today: dt.date) -> Iterator[NewMember]:
    """Members by joining date: the founders first, a few applicants still waiting last."""
    applicants = max(1, count // 200) if count >= 10 else 0
    span = max((today - founded_on).days - 60, 1)
    joined = sorted(founded_on + dt.timedelta(days=rnd.randrange(1, span)) for _ in range(count - applicants))
    weights = [s[2] for s in SURNAMES]
    for i in range(count):
        details = _person(rnd, weights, today, founder=i < FOUNDERS)
        if i < FOUNDERS:  # founders do not apply: they found the co-op
            yield NewMember(details, joined_on=founded_on)
        elif i < count - applicants:
            on = joined[i]
            yield NewMember(details, joined_on=on, applied_on=on - dt.timedelta(days=rnd.randrange(3, 21)))
        else:
            yield NewMember(details, joined_on=None, applied_on=today - dt.timedelta(days=rnd.randrange(1, 20)))


def _person(rnd: random.Random, weights: list[float], today: dt.date, founder: bool) -> MemberDetails:
    surname, roman_surname, _ = rnd.choices(SURNAMES, weights)[0]
    # Old enough to have joined when the co-op was founded.
    born = dt.date(today.year - rnd.randrange(26, 80), rnd.randrange(1, 13), rnd.randrange(1, 29))
    given, roman_given = rnd.choice(next(names for until, names in GIVEN_NAMES if born.year <= until))
    district, roads = rnd.choice(ROADS)
    address = f"서울특별시 {district} {rnd.choice(roads)} {rnd.randrange(1, 300)}"
    if rnd.random() < 0.6:
        address += f", {rnd.randrange(101, 116)}동 {rnd.randrange(1, 21)}{rnd.randrange(1, 7):02d}호"
    email = ""
    if rnd.random() < 0.7:
        email = f"{roman_given}.{roman_surname}{born.year % 100:02d}@{rnd.choice(MAIL_DOMAINS)}"
    return MemberDetails(
        name=surname + given,
        member_type=rnd.choices(MEMBER_TYPES, _TYPE_WEIGHTS)[0],
        birth_date=born,
        phone=f"010-{rnd.randrange(2000, 10000)}-{rnd.randrange(0, 10000):04d}",
        email=email,
        address=address,
        notes="발기인" if founder else rnd.choice(NOTES),
    )


def _leaving(rnd: random.Random, people: list[NewMember], today: dt.date) -> list[tuple[int, EventKind, dt.date]]:
    """A few members who have left (by notice, or by death) and one still in notice.

    One of each in a small co-op; a little more in a large one, but never more than a
    handful, since each is recorded as its own action.
    """
    admitted = [i for i, p in enumerate(people) if p.joined_on is not None and i >= FOUNDERS]
    if len(admitted) < 3:
        return []
    each = min(8, max(1, len(people) // 2000))
    chosen = rnd.sample(admitted, 3 * each)
    leaving = []
    for n, i in enumerate(chosen):
        joined = people[i].joined_on
        assert joined is not None
        kind = (EventKind.WITHDRAWAL_NOTICE, EventKind.WITHDRAWAL_NOTICE, EventKind.DECEASED)[n % 3]
        if n % 3 == 1:  # still in the notice period: withdrawing
            on = today - dt.timedelta(days=rnd.randrange(1, 20))
        else:  # long since left
            on = joined + dt.timedelta(days=rnd.randrange(1, max((today - joined).days - 40, 2)))
        leaving.append((i, kind, max(on, joined)))
    return leaving
