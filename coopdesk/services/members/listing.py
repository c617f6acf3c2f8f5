"""The member list, read in one query for co-ops of any size.

At 100,000 members this is on the path of opening a co-op, so rows are read as plain
tuples through the Core (no ORM identity map) with the garbage collector paused, and
the status is derived from the standing columns without loading events.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from coopdesk.domain.members.standing import MemberStatus, Standing
from coopdesk.store.database import Database
from coopdesk.store.models import Member, MemberType

if TYPE_CHECKING:
    from coopdesk.services.members.member import MemberView


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


def left_on(st: Standing, today: dt.date) -> dt.date | None:
    """The leaving date as of ``today``: recorded, or a notice that has taken effect."""
    if st.left_on is not None:
        return st.left_on
    if st.leaves_on is not None and st.leaves_on <= today:
        return st.leaves_on
    return None


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
    with collector_paused(), db.engine.connect() as conn:
        return [_row(r, today) for r in conn.execute(stmt)]


def count_members(db: Database, coop_id: int) -> int:
    """How many members the register holds, whatever their status (a quick count)."""
    with db.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(Member).where(Member.coop_id == coop_id)).scalar_one()


def _row(r: tuple, today: dt.date) -> MemberRow:  # type: ignore[type-arg]
    number, name, type_name, birth, phone, email, address, applied, joined, notice, leaves, left, left_as = r
    if notice is None and left is None and joined is not None and joined <= today:
        # the common case, a plain current member: no need to build a Standing
        return MemberRow(number, name, type_name, MemberStatus.MEMBER, joined, None, birth, phone, email, address)
    st = Standing(applied, joined, notice, leaves, left, left_as)
    return MemberRow(number, name, type_name, st.status_on(today), joined, left_on(st, today), birth, phone,
                     email, address)


def row_of(view: MemberView, today: dt.date) -> MemberRow:
    """The list row of one member, as ``list_members`` would read it on ``today``."""
    st, d = view.standing, view.details
    return MemberRow(view.number, d.name, d.member_type, st.status_on(today), st.joined_on, left_on(st, today),
                     d.birth_date, d.phone, d.email, d.address)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Creating 100,000 rows triggers many useless collections; they cost about a quarter."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
