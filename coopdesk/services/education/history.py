"""One member's education: the sessions they attended, their hours, and the orientation they owe."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from coopdesk.domain.education.orientation import (
    ORIENTATION_REF,
    SATISFIES_ORIENTATION,
    days_since,
    owes_orientation,
)
from coopdesk.domain.education.sessions import Organiser, SessionKind
from coopdesk.domain.law_ref import LawRef
from coopdesk.domain.members.standing import Standing
from coopdesk.services.education.orientation import orientation_rule
from coopdesk.services.members.member import member_row, standing_columns
from coopdesk.store.database import Database
from coopdesk.store.models import EducationAttendanceRow, EducationSessionRow


@dataclass(frozen=True, slots=True)
class HistoryLine:
    session_id: int
    held_on: dt.date
    kind: SessionKind
    topic: str
    organiser: Organiser
    minutes: int
    before_joining: bool  # attended as a person not yet a member, linked when they joined


@dataclass(frozen=True, slots=True)
class OrientationState:
    required: bool  # the bylaws in force today ask for one
    owed: bool
    days: int | None  # since joining, when owed
    ref: LawRef = ORIENTATION_REF


@dataclass(frozen=True, slots=True)
class MemberEducation:
    number: int
    name: str
    lines: tuple[HistoryLine, ...]  # oldest first
    orientation: OrientationState

    @property
    def minutes(self) -> int:
        return sum(line.minutes for line in self.lines)


def member_education(db: Database, coop_id: int, number: int, today: dt.date | None = None) -> MemberEducation:
    today = today or dt.date.today()
    with db.read() as s:
        member = member_row(s, coop_id, number)
        st = Standing(**{k: getattr(member, k) for k in standing_columns(Standing())})
        sess, a = EducationSessionRow, EducationAttendanceRow
        rows = s.execute(select(sess.id, sess.held_on, sess.kind, sess.topic, sess.organiser, sess.minutes,
                                a.linked_at)
                         .join(a, a.session_id == sess.id).where(a.member_id == member.id)
                         .order_by(sess.held_on, sess.starts_at, sess.id)).all()
        required, spans = orientation_rule(s, coop_id, today)
        name = member.name
    lines = tuple(HistoryLine(id_, on, kind, topic, organiser, minutes, linked is not None)
                  for id_, on, kind, topic, organiser, minutes, linked in rows)
    owed = owes_orientation(required_now=required, spans=spans, joined_on=st.joined_on,
                            on_register=st.status_on(today).is_current,
                            attended=any(line.kind in SATISFIES_ORIENTATION for line in lines))
    days = days_since(st.joined_on, today) if owed and st.joined_on else None
    return MemberEducation(number, name, lines, OrientationState(required, owed, days))
