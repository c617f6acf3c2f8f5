"""A row of the member list (``MemberRow``), made from the member's standing columns.

Apart from ``listing`` (which reads through SQLAlchemy) so that the first screen's plain
read (``first_screen``) and the list's Qt model need no SQLAlchemy.  The status is derived
from the standing columns, without loading events.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coopdesk.domain.members.standing import MemberStatus, Standing

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


def row_from(r: tuple, today: dt.date) -> MemberRow:  # type: ignore[type-arg]
    """The row of one member from its number, name, type's name, birth date, phone, e-mail,
    address and standing columns (applied, joined, notice, leaves, left on, left as), in this
    order, as ``listing.list_members`` and ``first_screen`` select them."""
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
