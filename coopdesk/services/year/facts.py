"""``read_facts``: what the deadline rules need of one co-op, read with Core selects on a connection.

It takes a plain ``sqlalchemy.engine.Connection`` (no ORM session, no ``Database``) so that the
co-ops overview can call it on a read-only connection to a co-op file or a PostgreSQL database.
Everything is counted by the database; the only rows read member by member are the short lists
(withdrawals, refund claims, members owing the orientation), each capped in SQL and carried
with its full count.

Every statement is built once, with bound parameters (``:coop_id``, ``:today``, …), so that a call
only executes them: the co-ops overview reads 200 files, and building the statements again for
each was most of its time (bench/bench_overview.py).  The orientation's statement depends on when
the bylaws asked for it, so it is built once per such span of dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Date, Integer, and_, bindparam, case, func, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from coopdesk.domain import law
from coopdesk.domain.capital.refunds import HoldKind, refund_window
from coopdesk.domain.coop import BylawsSettings, CoopKind
from coopdesk.domain.education.orientation import BylawsSpan, Span, required_spans
from coopdesk.domain.errors import Refusal
from coopdesk.domain.fiscal import fiscal_year, fiscal_year_end, fiscal_year_of
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.members.standing import EventKind
from coopdesk.domain.officers.terms import Office
from coopdesk.domain.text import N_
from coopdesk.domain.year.facts import (
    FoundingFacts,
    OrientationOwed,
    PlannedMeeting,
    RefundDue,
    TermInOffice,
    Withdrawal,
    YearEndFigures,
    YearFacts,
)
from coopdesk.services.coop_info import bylaws_from_dict
from coopdesk.services.education.orientation import owing_orientation
from coopdesk.services.members.current import on_register
from coopdesk.store.models import (
    BylawsVersion,
    CapitalEntryRow,
    CapitalHoldRow,
    Coop,
    FoundingRow,
    MeetingNoticeRow,
    MeetingRow,
    Member,
    OfficerTermRow,
)
from coopdesk.store.models.year import YearTaskRow

LIST_AT_MOST = 50  # the short lists: a first page shows a screenful, with the full count beside it
_ASSEMBLIES = (MeetingKind.ORDINARY_ASSEMBLY, MeetingKind.EXTRAORDINARY_ASSEMBLY)
_NOT_REGISTERED = dt.date(1, 1, 1)  # a co-op not founded in CoopDesk: every ledger entry counts

# -- the bound parameters --------------------------------------------------------------------------
_COOP_ID: Any = bindparam("coop_id", type_=Integer)
_TODAY: Any = bindparam("today", type_=Date)
_AT_MOST: Any = bindparam("at_most", type_=Integer)
_LAST_END: Any = bindparam("last_end", type_=Date)  # the last day of the last completed fiscal year
_LAST_FIRST: Any = bindparam("last_first", type_=Date)  # its first day
_REGISTERED: Any = bindparam("registered", type_=Date)  # entries up to this day were paid before registration

# -- the statements, built once ----------------------------------------------------------------------
_COOP = (select(Coop.name, Coop.kind, Coop.fiscal_year_start_month, Coop.created_at, FoundingRow.id,
                FoundingRow.registered_on)
         .outerjoin(FoundingRow, FoundingRow.coop_id == Coop.id).where(Coop.id == _COOP_ID))
_VERSIONS = (select(BylawsVersion.version, BylawsVersion.adopted_on, BylawsVersion.effective_on,
                    BylawsVersion.settings)
             .where(BylawsVersion.coop_id == _COOP_ID).order_by(BylawsVersion.version))


_MEMBERS = select(func.count()).select_from(Member).where(Member.coop_id == _COOP_ID, on_register(_TODAY))
# The register at the end of the last completed fiscal year matters only against the disclosure's
# threshold: counted up to it, so that a large register stops counting there.
_MEMBERS_AT_LAST_END = select(func.count()).select_from(
    select(Member.id).where(Member.coop_id == _COOP_ID, on_register(_LAST_END)).limit(bindparam("up_to"))
    .subquery())

_AFTER_REGISTRATION = CapitalEntryRow.entry_on > _REGISTERED
_IN_LAST = and_(CapitalEntryRow.entry_on >= _LAST_FIRST, CapitalEntryRow.entry_on <= _LAST_END, _AFTER_REGISTRATION)
_CAPITAL = (select(func.coalesce(func.sum(case((CapitalEntryRow.entry_on <= _TODAY, CapitalEntryRow.amount),
                                                else_=0)), 0),
                   func.coalesce(func.sum(case((_AFTER_REGISTRATION, 1), else_=0)), 0),
                   func.coalesce(func.sum(case((_IN_LAST, 1), else_=0)), 0),
                   func.coalesce(func.sum(case((CapitalEntryRow.entry_on <= _LAST_END, CapitalEntryRow.amount),
                                                else_=0)), 0))
            .where(CapitalEntryRow.coop_id == _COOP_ID))

_HELD = or_(MeetingRow.held_on < _TODAY, MeetingRow.opened_at.is_not(None))
_ASSEMBLIES_HELD = (select(MeetingRow.kind, MeetingRow.held_on)
                    .where(MeetingRow.coop_id == _COOP_ID, MeetingRow.kind.in_(_ASSEMBLIES), _HELD)
                    .order_by(MeetingRow.held_on))
_FIRST_NOTICE = (select(func.min(MeetingNoticeRow.sent_on)).where(MeetingNoticeRow.meeting_id == MeetingRow.id)
                 .scalar_subquery())
_PLANNED = (select(MeetingRow.id, MeetingRow.kind, MeetingRow.title, MeetingRow.held_on, _FIRST_NOTICE)
            .where(MeetingRow.coop_id == _COOP_ID, ~_HELD, MeetingRow.held_on >= _TODAY)
            .order_by(MeetingRow.held_on, MeetingRow.id).limit(_AT_MOST))

_TERM_COLUMNS = (OfficerTermRow.id, OfficerTermRow.office, OfficerTermRow.person_name, Member.name,
                 OfficerTermRow.start_on, OfficerTermRow.end_on)
# running today (an officer who left early is out from the day after ``left_on``), or starting later
_RUNNING = and_(OfficerTermRow.start_on <= _TODAY, OfficerTermRow.end_on >= _TODAY,
                or_(OfficerTermRow.left_on.is_(None), OfficerTermRow.left_on >= _TODAY))
_TERMS = (select(*_TERM_COLUMNS, case((_RUNNING, True), else_=False))
          .outerjoin(Member, Member.id == OfficerTermRow.member_id)
          .where(OfficerTermRow.coop_id == _COOP_ID, or_(_RUNNING, OfficerTermRow.start_on > _TODAY))
          .order_by(OfficerTermRow.end_on, OfficerTermRow.id))

_LEAVING = and_(Member.coop_id == _COOP_ID, Member.leaves_on.is_not(None), Member.leaves_on >= _TODAY,
                or_(Member.left_on.is_(None), Member.left_as.is_(None)))
_WITHDRAWALS_COUNT = select(func.count()).select_from(Member).where(_LEAVING)
_WITHDRAWALS = (select(Member.id, Member.number, Member.name, Member.leaves_on).where(_LEAVING)
                .order_by(Member.leaves_on, Member.number).limit(_AT_MOST))

_GONE = and_(Member.left_on.is_not(None), Member.left_as.is_not(None), Member.left_on <= _TODAY)
_LEFT = case((_GONE, Member.left_on), else_=Member.leaves_on)
_HOLDING = (select(CapitalEntryRow.member_id, func.sum(CapitalEntryRow.shares).label("shares"),
                   func.sum(CapitalEntryRow.amount).label("paid"))
            .where(CapitalEntryRow.coop_id == _COOP_ID).group_by(CapitalEntryRow.member_id).subquery())
_REFUNDS = (select(Member.id, Member.number, Member.name, _LEFT, case((_GONE, Member.left_as), else_=None))
            .join(_HOLDING, _HOLDING.c.member_id == Member.id)
            .where(Member.coop_id == _COOP_ID,
                   or_(_GONE, and_(Member.leaves_on.is_not(None), Member.leaves_on <= _TODAY)),
                   or_(_HOLDING.c.shares > 0, _HOLDING.c.paid > 0))
            .order_by(_LEFT, Member.number).limit(_AT_MOST))
# the withholdings of the leavers listed, in the order recorded: the last one of each says
_HOLDS = (select(CapitalHoldRow.member_id, CapitalHoldRow.kind, CapitalHoldRow.hold_on, CapitalHoldRow.reason)
          .where(CapitalHoldRow.member_id.in_(bindparam("members", expanding=True)))
          .order_by(CapitalHoldRow.id))

_DONE = select(YearTaskRow.key).where(YearTaskRow.coop_id == _COOP_ID)


@lru_cache(maxsize=64)
def _owing_statements(spans: tuple[Span, ...]) -> tuple[Any, Any]:
    """The count and the first page of the members owing the orientation, for the bylaws' spans."""
    owing = owing_orientation(_COOP_ID, spans, _TODAY)
    return (select(func.count()).select_from(Member).where(owing),
            select(Member.id, Member.number, Member.name, Member.joined_on).where(owing)
            .order_by(Member.joined_on, Member.number).limit(_AT_MOST))


# -- reading ----------------------------------------------------------------------------------------


def read_facts(conn: Connection, coop_id: int, today: dt.date) -> YearFacts:
    coop = conn.execute(_COOP, {"coop_id": coop_id}).first()
    if coop is None:
        raise Refusal(N_("There is no co-op number {id} in this file."), id=coop_id)
    name, kind, start_month, created_at, founding_id, registered_on = coop
    current = fiscal_year_of(start_month, today)
    last_first, last_end = fiscal_year(start_month, current - 1)
    params = {"coop_id": coop_id, "today": today, "at_most": LIST_AT_MOST, "last_first": last_first,
              "last_end": last_end, "registered": registered_on or _NOT_REGISTERED}
    versions = conn.execute(_VERSIONS, params).all()
    bylaws = _bylaws_in_force(versions, today)
    owing, owing_count = _orientation(conn, params, versions, today, bylaws.orientation_required)
    withdrawals, withdrawals_count = _withdrawals(conn, params)
    members = conn.execute(_MEMBERS, params).scalar_one()
    members_last = conn.execute(_MEMBERS_AT_LAST_END, {**params, "up_to": law.DISCLOSURE_MIN_MEMBERS.value}
                                ).scalar_one()
    capital, entries, moved, capital_last = conn.execute(_CAPITAL, params).one()
    held_ordinary, held_any, planned = _meetings(conn, params)
    terms, successors = _officers(conn, params)
    directors = sum(1 for t in terms if t.office.is_director)
    founding = (_founding(conn, coop_id, today, CoopKind(kind)) if founding_id is not None and registered_on is None
                else None)
    return YearFacts(
        coop_id=coop_id, coop_name=name, kind=CoopKind(kind), fiscal_year_start_month=start_month,
        established_on=registered_on or min(_date(created_at), versions[0].adopted_on),
        kept_since=_date(created_at),
        assembly_within_months=bylaws.ordinary_assembly_within_months, notice_days=bylaws.notice_days,
        officer_term_years=bylaws.officer_term_years, orientation_required=bylaws.orientation_required,
        members=int(members), paid_in_capital=int(capital), has_capital_ledger=int(entries) > 0,
        capital_moved_last_year=int(moved) > 0,
        year_ends=(YearEndFigures(current - 1, last_end, int(members_last), int(capital_last)),
                   YearEndFigures(current, min(today, fiscal_year_end(start_month, current)), int(members),
                                  int(capital))),
        ordinary_assemblies_held=held_ordinary, assemblies_held=held_any, planned_meetings=planned,
        terms_in_office=terms, successors=successors, directors_in_office=directors,
        auditors_in_office=len(terms) - directors,
        withdrawals=withdrawals, withdrawals_count=withdrawals_count,
        refunds=_refunds(conn, params, start_month),
        owing_orientation=owing, owing_orientation_count=owing_count,
        done_keys=frozenset(conn.execute(_DONE, params).scalars()),
        founding=founding,
    )


def _date(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _bylaws_in_force(versions: Sequence[Any], today: dt.date) -> BylawsSettings:
    """As ``services.coops.bylaws_in_force``: the newest version in force by today, else the first."""
    in_force = [v for v in versions if v.effective_on is not None and v.effective_on <= today]
    chosen = in_force[-1] if in_force else versions[0]
    return bylaws_from_dict(chosen.settings)


def _orientation(conn: Connection, params: dict[str, Any], versions: Sequence[Any], today: dt.date,
                 required: bool) -> tuple[tuple[OrientationOwed, ...], int]:
    if not required:
        return (), 0
    spans = required_spans([BylawsSpan(v.effective_on, bylaws_from_dict(v.settings).orientation_required)
                            for v in versions if v.effective_on is not None and v.effective_on <= today])
    if not spans:
        return (), 0
    count, first = _owing_statements(spans)
    total = int(conn.execute(count, params).scalar_one() or 0)
    rows = conn.execute(first, params).all()
    return tuple(OrientationOwed(i, n, name, joined) for i, n, name, joined in rows if joined is not None), total


def _withdrawals(conn: Connection, params: dict[str, Any]) -> tuple[tuple[Withdrawal, ...], int]:
    """Members who gave notice and leave today or later (and have not otherwise left)."""
    total = int(conn.execute(_WITHDRAWALS_COUNT, params).scalar_one() or 0)
    rows = conn.execute(_WITHDRAWALS, params).all()
    return tuple(Withdrawal(i, n, name, leaves) for i, n, name, leaves in rows if leaves is not None), total


def _meetings(conn: Connection, params: dict[str, Any]) -> tuple[
        tuple[dt.date, ...], tuple[dt.date, ...], tuple[PlannedMeeting, ...]]:
    """Held: a day before today, or opened.  Planned: the rest, from today on, with the first notice sent."""
    rows = conn.execute(_ASSEMBLIES_HELD, params).all()
    ordinary = tuple(day for kind, day in rows if MeetingKind(kind) is MeetingKind.ORDINARY_ASSEMBLY)
    planned = conn.execute(_PLANNED, params).all()
    return (ordinary, tuple(day for _, day in rows),
            tuple(PlannedMeeting(i, MeetingKind(k), title, day, sent) for i, k, title, day, sent in planned))


def _officers(conn: Connection, params: dict[str, Any]) -> tuple[tuple[TermInOffice, ...], tuple[TermInOffice, ...]]:
    """The terms running today, and those already on the register that start later (successors)."""
    running: list[TermInOffice] = []
    later: list[TermInOffice] = []
    for i, office, person, member_name, start, end, runs in conn.execute(_TERMS, params):
        term = TermInOffice(i, Office(office), member_name or person or "", start, end)
        (running if runs else later).append(term)
    return tuple(running), tuple(later)


def _refunds(conn: Connection, params: dict[str, Any], start_month: int) -> tuple[RefundDue, ...]:
    """Leavers who still hold capital (their claim is open), as ``services.capital.refunds`` finds
    them, with the withholding that stands (the last one recorded, if it withholds)."""
    rows = conn.execute(_REFUNDS, params).all()
    holds: dict[int, tuple[dt.date, str] | None] = {}
    if rows:
        for member_id, kind, on, reason in conn.execute(_HOLDS, {"members": [r[0] for r in rows]}):
            holds[member_id] = (on, reason or "") if HoldKind(kind) is HoldKind.WITHHOLD else None
    found = []
    for member_id, number, name, left_day, left_as in rows:
        window = refund_window(left_day, start_month)
        since, reason = holds.get(member_id) or (None, "")
        found.append(RefundDue(member_id, number, name, left_day, window.claim_from, window.lapses_on,
                               window.warn_from, since, reason,
                               left_as is not None and EventKind(left_as) is EventKind.DECEASED))
    return tuple(found)


def _founding(conn: Connection, coop_id: int, today: dt.date, kind: CoopKind) -> FoundingFacts:
    """The founding as its services tell it (stage, checks, registration deadline): read on this
    connection, through the founding's own reading (``services.founding.rows``)."""
    from coopdesk.services.founding.rows import founding_view

    with Session(bind=conn) as s:
        view = founding_view(s, coop_id, today)
    return FoundingFacts(view.stage, view.started_on, kind is CoopKind.SOCIAL, view.checks, view.deadline,
                         view.meeting.id if view.meeting else None, view.meeting.held_on if view.meeting else None,
                         view.dates.filed_on)
