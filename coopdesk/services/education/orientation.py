"""The members who still owe the orientation the bylaws ask of new members, asked of the database.

``members_owing_orientation`` is one read: the bylaws' versions (a handful of rows) say when
the orientation was asked for, and one query finds the members on the register who joined
then and attended no orientation (nor founding course), oldest joining first, with how many
there are — at most ``limit`` of them listed, so a screen or a first page pays the same for
15 members as for 100,000.  The rule itself is ``domain.education.orientation``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, exists, false, func, or_, select
from sqlalchemy.orm import Session

from coopdesk.domain.education.orientation import (
    ORIENTATION_REF,
    SATISFIES_ORIENTATION,
    BylawsSpan,
    OrientationDue,
    Span,
    days_since,
    required_spans,
)
from coopdesk.domain.law_ref import LawRef
from coopdesk.services.coop_info import bylaws_from_dict
from coopdesk.services.coops import bylaws_in_force
from coopdesk.services.members.current import on_register
from coopdesk.store.database import Database
from coopdesk.store.models import (
    BylawsVersion,
    EducationAttendanceRow,
    EducationSessionRow,
    Member,
)


@dataclass(frozen=True, slots=True)
class OwedOrientation:
    """Who owes the orientation today: ``total`` members, the first ``members`` of them listed."""

    required: bool  # the bylaws in force today ask for an orientation
    total: int
    members: tuple[OrientationDue, ...]
    ref: LawRef = ORIENTATION_REF


def members_owing_orientation(db: Database, coop_id: int, today: dt.date | None = None, *,
                              limit: int | None = 200) -> OwedOrientation:
    """The members who owe the orientation on ``today``, the longest owed first (``limit`` None: all)."""
    today = today or dt.date.today()
    with db.read() as s:
        required, spans = orientation_rule(s, coop_id, today)
        if not required or not spans:
            return OwedOrientation(required, 0, ())
        owing = owing_orientation(coop_id, spans, today)
        total = s.execute(select(func.count()).select_from(Member).where(owing)).scalar_one()
        stmt = (select(Member.number, Member.name, Member.joined_on).where(owing)
                .order_by(Member.joined_on, Member.number))
        rows = s.execute(stmt if limit is None else stmt.limit(limit)).all()
    return OwedOrientation(True, total, tuple(OrientationDue(n, name, joined, days_since(joined, today))
                                              for n, name, joined in rows if joined is not None))


def orientation_rule(s: Session, coop_id: int, today: dt.date) -> tuple[bool, tuple[Span, ...]]:
    """Whether the bylaws in force today ask for an orientation, and when they asked for it."""
    required = bool(bylaws_from_dict(bylaws_in_force(s, coop_id, today).settings).orientation_required)
    versions = s.execute(select(BylawsVersion.effective_on, BylawsVersion.settings)
                         .where(BylawsVersion.coop_id == coop_id, BylawsVersion.effective_on.is_not(None),
                                BylawsVersion.effective_on <= today)
                         .order_by(BylawsVersion.version)).all()
    spans = required_spans([BylawsSpan(on, bylaws_from_dict(settings).orientation_required)
                            for on, settings in versions])
    return required, spans


def attended_orientation() -> ColumnElement[bool]:
    """The member has attended a session that counts as their orientation."""
    return exists().where(EducationAttendanceRow.member_id == Member.id,
                          EducationSessionRow.id == EducationAttendanceRow.session_id,
                          EducationSessionRow.kind.in_(SATISFIES_ORIENTATION))


def owing_orientation(coop_id: int, spans: tuple[Span, ...], today: dt.date) -> ColumnElement[bool]:
    """``domain.education.orientation.owes_orientation`` as SQL, for the bylaws that ask for it now."""
    joined = [and_(*([Member.joined_on >= span.start] if span.start else []),
                   *([Member.joined_on < span.end] if span.end else []), Member.joined_on.is_not(None))
              for span in spans]
    return and_(Member.coop_id == coop_id, on_register(today), or_(false(), *joined), ~attended_orientation())
