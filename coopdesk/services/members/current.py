"""Who is on the register on a day, asked of the database: a count, or a few members found.

The screens that need only a number (the officer register's board rule) or a handful of
members (a form's member picker) ask here rather than reading the whole register with
``listing.list_members``: at 100,000 members that read takes seconds, and on the window's
thread it would freeze the window.  The database picks the rows; the answer's size never
grows with the register.
"""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import ColumnElement, String, and_, cast, func, or_, select

from coopdesk.store.database import Database
from coopdesk.store.models import Member

FOUND_AT_MOST = 50  # a picker shows a screenful; typing more narrows it
_NUMBER = re.compile(r"\s*(\d+)\.?(\s.*)?")  # "12", "12.", "12. 김민준": the number leads


def on_register(day: dt.date) -> ColumnElement[bool]:
    """``Standing.status_on(day).is_current`` over the standing columns: admitted on or before the
    day, and neither gone (withdrawn, deceased, expelled) nor past a withdrawal notice's end by
    then.  A withdrawing member is still on the register.  Kept equal to the domain's rule,
    member by member, by tests/services/officers/test_register_counts.py."""
    return and_(Member.joined_on <= day,  # NULL (an applicant) is not <=: not on the register
                or_(Member.left_on.is_(None), Member.left_as.is_(None), Member.left_on > day),
                or_(Member.leaves_on.is_(None), Member.leaves_on > day))


def count_on_register(db: Database, coop_id: int, day: dt.date | None = None, *, up_to: int | None = None) -> int:
    """How many members are on the register on ``day`` (today by default), counted by the database.

    ``up_to`` stops the count there: a rule that asks "10 or more?" needs no more, and that
    answer costs the same whatever the register's size (all of it: ~40 ms at 100,000)."""
    day = day or dt.date.today()
    on_day = Member.coop_id == coop_id, on_register(day)
    if up_to is None:
        stmt = select(func.count()).select_from(Member).where(*on_day)
    else:
        stmt = select(func.count()).select_from(select(Member.id).where(*on_day).limit(up_to).subquery())
    with db.engine.connect() as conn:
        return conn.execute(stmt).scalar_one()


def find_on_register(db: Database, coop_id: int, text: str, day: dt.date | None = None,
                     limit: int = FOUND_AT_MOST) -> list[tuple[int, str]]:
    """(number, name) of at most ``limit`` members on the register on ``day``, by number: those
    whose number starts with the digits typed ("12", "12. 김민준"), else whose name contains the
    text; blank text finds the first members."""
    day = day or dt.date.today()
    stmt = (select(Member.number, Member.name).where(Member.coop_id == coop_id, on_register(day))
            .order_by(Member.number).limit(limit))
    typed = _NUMBER.fullmatch(text)
    if typed:
        stmt = stmt.where(cast(Member.number, String).like(typed.group(1) + "%"))
    elif text.strip():
        pattern = "%" + _escaped(" ".join(text.split())) + "%"
        # SQLite's LIKE already ignores the case of Latin letters, and is faster than lower() on each row
        contains = Member.name.like if db.engine.dialect.name == "sqlite" else Member.name.ilike
        stmt = stmt.where(contains(pattern, escape="\\"))
    with db.engine.connect() as conn:
        return [(number, name) for number, name in conn.execute(stmt)]


def on_register_by_number(db: Database, coop_id: int, number: int,
                          day: dt.date | None = None) -> tuple[int, str] | None:
    """(number, name) of member ``number`` if they are on the register on ``day``, else None."""
    day = day or dt.date.today()
    with db.engine.connect() as conn:
        row = conn.execute(select(Member.number, Member.name).where(
            Member.coop_id == coop_id, Member.number == number, on_register(day))).first()
    return (row[0], row[1]) if row is not None else None


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
