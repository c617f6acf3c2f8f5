"""The member list, read in one query for co-ops of any size.

At 100,000 members this is on the path of opening a co-op, so rows are read as plain
tuples and the status is derived from the standing columns without loading events.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from coopdesk.domain.members import EventKind, MemberStatus, Standing
from coopdesk.store.database import Database
from coopdesk.store.models import Member, MemberType


@dataclass(frozen=True, slots=True)
class MemberRow:
    number: int
    name: str
    member_type: str
    status: MemberStatus
    joined_on: dt.date | None
    left_on: dt.date | None
    birth_date: dt.date | None
    phone: str
    email: str
    address: str


def list_members(db: Database, coop_id: int, today: dt.date | None = None) -> list[MemberRow]:
    """Every member of the co-op, by number, with the status on ``today``."""
    today = today or dt.date.today()
    stmt = (
        select(Member.number, Member.name, MemberType.name, Member.birth_date, Member.phone, Member.email,
               Member.address, Member.applied_on, Member.joined_on, Member.notice_on, Member.leaves_on,
               Member.left_on, Member.left_as)
        .join(MemberType, MemberType.id == Member.member_type_id)
        .where(Member.coop_id == coop_id)
        .order_by(Member.number)
    )
    with db.read() as s:
        rows = s.execute(stmt).all()
    return [_row(r, today) for r in rows]


def _row(r: tuple, today: dt.date) -> MemberRow:  # type: ignore[type-arg]
    number, name, type_name, birth, phone, email, address, applied, joined, notice, leaves, left, left_as = r
    st = Standing(applied, joined, notice, leaves, left, left_as)
    left_on = left if left is not None else (leaves if leaves is not None and leaves <= today else None)
    return MemberRow(number, name, type_name, st.status_on(today), joined, left_on, birth, phone, email, address)


