"""The consent to the collection and use of personal data (개인정보 수집·이용 동의) on the register.

The membership application goes with a consent form (Personal Information Protection Act art.
15 and 22); the member record keeps the day it was given (``MemberDetails.privacy_consent_on``,
changed as any other detail: ``member.edit_member``).  Here: the members still on the register
(applicants, members, withdrawing members) with no consent recorded, counted in SQL for the
window's line, and each member's consent day for the export.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, func, or_, select

from coopdesk.domain.members.standing import MemberStatus
from coopdesk.services.members.listing import on_member_list
from coopdesk.services.members.rows import collector_paused, row_from
from coopdesk.store.database import Database
from coopdesk.store.models import Member, MemberType


@dataclass(frozen=True, slots=True)
class ConsentMissing:
    """A member on the register with no consent to the use of their personal data recorded."""

    number: int
    name: str
    member_type: str
    status: MemberStatus
    joined_on: dt.date | None
    phone: str


def _still_on_register(today: dt.date) -> ColumnElement[bool]:
    """Not left on ``today``: no leaving recorded, and no notice that has taken effect."""
    return and_(Member.left_on.is_(None), or_(Member.leaves_on.is_(None), Member.leaves_on > today),
                on_member_list())


def _missing(coop_id: int, today: dt.date) -> ColumnElement[bool]:
    return and_(Member.coop_id == coop_id, Member.privacy_consent_on.is_(None), _still_on_register(today))


def count_consent_missing(db: Database, coop_id: int, today: dt.date | None = None) -> int:
    """How many members on the register have no consent recorded: one count in the database."""
    today = today or dt.date.today()
    with db.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(Member).where(_missing(coop_id, today))).scalar_one()


def consent_missing(db: Database, coop_id: int, today: dt.date | None = None) -> list[ConsentMissing]:
    """The members on the register (not left on ``today``) with no consent recorded, by number."""
    today = today or dt.date.today()
    stmt = (select(Member.number, Member.name, MemberType.name, Member.birth_date, Member.phone, Member.email,
                   Member.address, Member.applied_on, Member.joined_on, Member.notice_on, Member.leaves_on,
                   Member.left_on, Member.left_as)
            .join(MemberType, MemberType.id == Member.member_type_id)
            .where(_missing(coop_id, today)).order_by(Member.number))
    with collector_paused(), db.engine.connect() as conn:
        rows = [row_from(r, today) for r in conn.execute(stmt)]
    return [ConsentMissing(r.number, r.name, r.member_type, r.status, r.joined_on, r.phone) for r in rows]


def missing_numbers(db: Database, coop_id: int, today: dt.date | None = None) -> frozenset[int]:
    """The member numbers of ``consent_missing``: what the window's filter shows."""
    today = today or dt.date.today()
    with db.engine.connect() as conn:
        return frozenset(conn.execute(select(Member.number).where(_missing(coop_id, today))).scalars())


def consent_dates(db: Database, coop_id: int) -> dict[int, dt.date]:
    """The day each member consented, by member number (members with none recorded left out)."""
    with db.engine.connect() as conn:
        rows = conn.execute(select(Member.number, Member.privacy_consent_on).where(
            Member.coop_id == coop_id, Member.privacy_consent_on.is_not(None)))
        return {number: day for number, day in rows if day is not None}
