"""The member list, read in one query for co-ops of any size.

At 100,000 members this is on the path of opening a co-op, so rows are read as plain
tuples through the Core (no ORM identity map) with the garbage collector paused, and
the status is derived from the standing columns without loading events.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, func, or_, select

from coopdesk.services.members.rows import MemberRow, collector_paused, left_on, row_from, row_of  # noqa: F401
from coopdesk.store.database import Database
from coopdesk.store.models import Member, MemberType


def list_members(db: Database, coop_id: int, today: dt.date | None = None) -> list[MemberRow]:
    """Every member of the co-op, by number, with the status on ``today`` (founding consenters not
    yet admitted are the founding's, not the member list's)."""
    today = today or dt.date.today()
    stmt = (
        select(Member.number, Member.name, MemberType.name, Member.birth_date, Member.phone, Member.email,
               Member.address, Member.applied_on, Member.joined_on, Member.notice_on, Member.leaves_on,
               Member.left_on, Member.left_as)
        .join(MemberType, MemberType.id == Member.member_type_id)
        .where(Member.coop_id == coop_id, on_member_list())
        .order_by(Member.number)
    )
    with collector_paused(), db.engine.connect() as conn:
        return [row_from(r, today) for r in conn.execute(stmt)]


def count_members(db: Database, coop_id: int) -> int:
    """How many members the register holds, whatever their status (a quick count); founding
    consenters not yet admitted are not on it."""
    with db.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(Member)
                            .where(Member.coop_id == coop_id, on_member_list())).scalar_one()


def more_members_than(db: Database, coop_id: int, limit: int) -> bool:
    """Whether the register holds more than ``limit`` members: it reads at most ``limit + 1`` rows,
    so the window can ask it of any co-op without waiting on a count of 100,000."""
    with db.engine.connect() as conn:
        return conn.execute(select(Member.id).where(Member.coop_id == coop_id, on_member_list())
                            .limit(1).offset(limit)).first() is not None


def on_member_list() -> ColumnElement[bool]:
    """Not a founding consenter waiting for the registration (``Standing.pre_member``): those are on
    the founding meeting's register only (services.founding), never on the member register's list,
    its counts or its papers, until admitted on the registration day."""
    return or_(Member.consented_on.is_(None), Member.joined_on.is_not(None))
