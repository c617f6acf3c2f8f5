"""The yearly education report's data: sessions, hours, attendance by member type, and the share
of members reached, for one fiscal year, counted by the database (``domain.education.report``)."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from sqlalchemy import ColumnElement, distinct, func, select
from sqlalchemy.orm import Session

from coopdesk.domain.education.attendees import phone_digits, plain_name
from coopdesk.domain.education.report import (
    EducationYear,
    KindLine,
    SessionLine,
    TypeLine,
    fiscal_year,
    fiscal_year_of,
)
from coopdesk.domain.education.sessions import SessionKind
from coopdesk.services.audit import current_mark
from coopdesk.services.coops import get_coop
from coopdesk.services.members.current import on_register
from coopdesk.store.database import Database
from coopdesk.store.models import (
    EducationAttendanceRow,
    EducationSessionRow,
    Member,
    MemberType,
)


def education_year(db: Database, coop_id: int, year: int, *, mark: bool = False) -> EducationYear:
    """Fiscal year ``year``'s education; ``mark``: with the audit log's mark, for a printed report."""
    coop = get_coop(db, coop_id)
    first, last = fiscal_year(coop.fiscal_year_start_month, year)
    with db.read() as s:
        sessions = _sessions(s, coop_id, first, last)
        by_type = _by_type(s, coop_id, first, last)
        at_end = s.execute(select(func.count()).select_from(Member)
                           .where(Member.coop_id == coop_id, on_register(last))).scalar_one()
        reached = s.execute(select(func.count(distinct(Member.id))).select_from(EducationAttendanceRow)
                            .join(Member, Member.id == EducationAttendanceRow.member_id)
                            .join(EducationSessionRow, EducationSessionRow.id == EducationAttendanceRow.session_id)
                            .where(*_in_year(coop_id, first, last), on_register(last))).scalar_one()
    return EducationYear(coop.name, year, first, last, sessions, _by_kind(sessions), by_type, at_end, reached,
                         current_mark(db).text() if mark else "")


def _in_year(coop_id: int, first: dt.date, last: dt.date) -> tuple[ColumnElement[bool], ...]:
    return (EducationSessionRow.coop_id == coop_id, EducationSessionRow.held_on >= first,
            EducationSessionRow.held_on <= last)


def _sessions(s: Session, coop_id: int, first: dt.date, last: dt.date) -> tuple[SessionLine, ...]:
    sess, a = EducationSessionRow, EducationAttendanceRow
    rows = s.execute(select(sess.id, sess.held_on, sess.kind, sess.topic, sess.organiser, sess.instructor,
                            sess.minutes, func.count(a.member_id), func.count(a.id))
                     .outerjoin(a, a.session_id == sess.id).where(*_in_year(coop_id, first, last))
                     .group_by(sess.id).order_by(sess.held_on, sess.starts_at, sess.id)).all()
    return tuple(SessionLine(id_, on, kind, topic, organiser, instructor, minutes, members, everyone - members)
                 for id_, on, kind, topic, organiser, instructor, minutes, members, everyone in rows)


def _by_kind(sessions: tuple[SessionLine, ...]) -> tuple[KindLine, ...]:
    """Every kind held this year, in the order of the kinds."""
    lines = []
    for kind in SessionKind:
        mine = [x for x in sessions if x.kind is kind]
        if mine:
            lines.append(KindLine(kind, len(mine), sum(x.minutes for x in mine), sum(x.attendees for x in mine)))
    return tuple(lines)


def _by_type(s: Session, coop_id: int, first: dt.date, last: dt.date) -> tuple[TypeLine, ...]:
    """Every member type of the co-op (none attended: zeros), then the people not yet members."""
    sess, a = EducationSessionRow, EducationAttendanceRow
    counted = {name: (attendances, people, minutes) for name, attendances, people, minutes in s.execute(
        select(MemberType.name, func.count(a.id), func.count(distinct(a.member_id)), func.sum(sess.minutes))
        .select_from(a).join(sess, sess.id == a.session_id).join(Member, Member.id == a.member_id)
        .join(MemberType, MemberType.id == Member.member_type_id)
        .where(*_in_year(coop_id, first, last)).group_by(MemberType.name))}
    types = s.execute(select(MemberType.name).where(MemberType.coop_id == coop_id)
                      .order_by(MemberType.position)).scalars().all()
    lines = [TypeLine(name, *(int(v or 0) for v in counted.get(name, (0, 0, 0)))) for name in types]
    guests = s.execute(select(a.person_name, a.person_birth_date, a.person_phone, sess.minutes)
                       .join(sess, sess.id == a.session_id)
                       .where(*_in_year(coop_id, first, last), a.member_id.is_(None))).all()
    if guests:
        # the same name, birth date and phone: one person (the rule of a session's list, made exact)
        people = Counter((plain_name(name or ""), birth, phone_digits(phone)) for name, birth, phone, _m in guests)
        lines.append(TypeLine(None, len(guests), len(people), sum(m for *_rest, m in guests)))
    return tuple(lines)


def sessions_by_year(db: Database, coop_id: int) -> dict[int, int]:
    """How many sessions each fiscal year holds: the years a report can be made for."""
    coop = get_coop(db, coop_id)
    with db.read() as s:
        days = s.execute(select(EducationSessionRow.held_on).where(EducationSessionRow.coop_id == coop_id)).scalars()
        years: dict[int, int] = defaultdict(int)
        for day in days:
            years[fiscal_year_of(coop.fiscal_year_start_month, day)] += 1
    return dict(sorted(years.items()))


def year_span(db: Database, coop_id: int, year: int) -> tuple[dt.date, dt.date]:
    """The first and last day of the co-op's fiscal year ``year``."""
    return fiscal_year(get_coop(db, coop_id).fiscal_year_start_month, year)


def current_year(db: Database, coop_id: int, today: dt.date | None = None) -> int:
    """The fiscal year ``today`` falls in."""
    return fiscal_year_of(get_coop(db, coop_id).fiscal_year_start_month, today or dt.date.today())
