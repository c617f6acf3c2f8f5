"""``read_facts``: what the deadline rules need of one co-op, read with Core selects on a connection.

It takes a plain ``sqlalchemy.engine.Connection`` (no ORM session, no ``Database``) so that the
co-ops overview can call it on a read-only connection to a co-op file or a PostgreSQL database.
Everything is counted by the database; the only rows read member by member are the short lists
(withdrawals, refund claims, members owing the orientation), each capped in SQL and carried
with its full count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.engine import Connection

from coopdesk.domain.capital.refunds import refund_window
from coopdesk.domain.coop import BylawsSettings, CoopKind
from coopdesk.domain.education.orientation import BylawsSpan, required_spans
from coopdesk.domain.errors import Refusal
from coopdesk.domain.fiscal import fiscal_year, fiscal_year_of
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.officers.terms import Office
from coopdesk.domain.text import N_
from coopdesk.domain.year.facts import (
    OrientationOwed,
    PlannedMeeting,
    RefundDue,
    TermInOffice,
    Withdrawal,
    YearFacts,
)
from coopdesk.services.coop_info import bylaws_from_dict
from coopdesk.services.education.orientation import owing_orientation
from coopdesk.services.members.current import on_register
from coopdesk.store.models import (
    BylawsVersion,
    CapitalEntryRow,
    Coop,
    MeetingNoticeRow,
    MeetingRow,
    Member,
    OfficerTermRow,
)
from coopdesk.store.models.year import YearTaskRow

LIST_AT_MOST = 50  # the short lists: a first page shows a screenful, with the full count beside it
_ASSEMBLIES = (MeetingKind.ORDINARY_ASSEMBLY, MeetingKind.EXTRAORDINARY_ASSEMBLY)


def read_facts(conn: Connection, coop_id: int, today: dt.date) -> YearFacts:
    coop = conn.execute(select(Coop.name, Coop.kind, Coop.fiscal_year_start_month, Coop.created_at)
                        .where(Coop.id == coop_id)).first()
    if coop is None:
        raise Refusal(N_("There is no co-op number {id} in this file."), id=coop_id)
    name, kind, start_month, created_at = coop
    versions = conn.execute(select(BylawsVersion.version, BylawsVersion.adopted_on, BylawsVersion.effective_on,
                                   BylawsVersion.settings)
                            .where(BylawsVersion.coop_id == coop_id).order_by(BylawsVersion.version)).all()
    bylaws = _bylaws_in_force(versions, today)
    owing, owing_count = _orientation(conn, coop_id, versions, today, bylaws.orientation_required)
    withdrawals, withdrawals_count = _withdrawals(conn, coop_id, today)
    capital, has_ledger, moved = _capital(conn, coop_id, start_month, today)
    held_ordinary, held_any, planned = _meetings(conn, coop_id, today)
    terms, directors, auditors = _officers(conn, coop_id, today)
    return YearFacts(
        coop_id=coop_id, coop_name=name, kind=CoopKind(kind), fiscal_year_start_month=start_month,
        established_on=min(_date(created_at), versions[0].adopted_on),
        assembly_within_months=bylaws.ordinary_assembly_within_months, notice_days=bylaws.notice_days,
        officer_term_years=bylaws.officer_term_years, orientation_required=bylaws.orientation_required,
        members=_count(conn, select(func.count()).select_from(Member)
                       .where(Member.coop_id == coop_id, on_register(today))),
        paid_in_capital=capital, has_capital_ledger=has_ledger, capital_moved_last_year=moved,
        ordinary_assemblies_held=held_ordinary, assemblies_held=held_any, planned_meetings=planned,
        terms_in_office=terms, directors_in_office=directors, auditors_in_office=auditors,
        withdrawals=withdrawals, withdrawals_count=withdrawals_count,
        refunds=_refunds(conn, coop_id, start_month, today),
        owing_orientation=owing, owing_orientation_count=owing_count,
        done_keys=frozenset(conn.execute(select(YearTaskRow.key).where(YearTaskRow.coop_id == coop_id)).scalars()),
    )


def _date(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _count(conn: Connection, stmt: Any) -> int:
    return int(conn.execute(stmt).scalar_one() or 0)


def _bylaws_in_force(versions: Sequence[Any], today: dt.date) -> BylawsSettings:
    """As ``services.coops.bylaws_in_force``: the newest version in force by today, else the first."""
    in_force = [v for v in versions if v.effective_on is not None and v.effective_on <= today]
    chosen = in_force[-1] if in_force else versions[0]
    return bylaws_from_dict(chosen.settings)


def _orientation(conn: Connection, coop_id: int, versions: Sequence[Any], today: dt.date,
                 required: bool) -> tuple[tuple[OrientationOwed, ...], int]:
    if not required:
        return (), 0
    spans = required_spans([BylawsSpan(v.effective_on, bylaws_from_dict(v.settings).orientation_required)
                            for v in versions if v.effective_on is not None and v.effective_on <= today])
    if not spans:
        return (), 0
    owing = owing_orientation(coop_id, spans, today)
    total = _count(conn, select(func.count()).select_from(Member).where(owing))
    rows = conn.execute(select(Member.id, Member.number, Member.name, Member.joined_on).where(owing)
                        .order_by(Member.joined_on, Member.number).limit(LIST_AT_MOST)).all()
    return tuple(OrientationOwed(i, n, name, joined) for i, n, name, joined in rows if joined is not None), total


def _withdrawals(conn: Connection, coop_id: int, today: dt.date) -> tuple[tuple[Withdrawal, ...], int]:
    """Members who gave notice and leave today or later (and have not otherwise left)."""
    leaving = and_(Member.coop_id == coop_id, Member.leaves_on.is_not(None), Member.leaves_on >= today,
                   or_(Member.left_on.is_(None), Member.left_as.is_(None)))
    total = _count(conn, select(func.count()).select_from(Member).where(leaving))
    rows = conn.execute(select(Member.id, Member.number, Member.name, Member.leaves_on).where(leaving)
                        .order_by(Member.leaves_on, Member.number).limit(LIST_AT_MOST)).all()
    return tuple(Withdrawal(i, n, name, leaves) for i, n, name, leaves in rows if leaves is not None), total


def _capital(conn: Connection, coop_id: int, start_month: int, today: dt.date) -> tuple[int, bool, bool]:
    """The paid-in capital today, whether there is a ledger, and whether it moved last fiscal year."""
    first, last = fiscal_year(start_month, fiscal_year_of(start_month, today) - 1)
    in_last = case((and_(CapitalEntryRow.entry_on >= first, CapitalEntryRow.entry_on <= last), 1), else_=0)
    paid, entries, moved = conn.execute(
        select(func.coalesce(func.sum(case((CapitalEntryRow.entry_on <= today, CapitalEntryRow.amount), else_=0)), 0),
               func.count(), func.coalesce(func.sum(in_last), 0))
        .where(CapitalEntryRow.coop_id == coop_id)).one()
    return int(paid), int(entries) > 0, int(moved) > 0


def _meetings(conn: Connection, coop_id: int, today: dt.date) -> tuple[
        tuple[dt.date, ...], tuple[dt.date, ...], tuple[PlannedMeeting, ...]]:
    """Held: a day before today, or opened.  Planned: the rest, from today on, with the first notice sent."""
    held = or_(MeetingRow.held_on < today, MeetingRow.opened_at.is_not(None))
    rows = conn.execute(select(MeetingRow.kind, MeetingRow.held_on).where(
        MeetingRow.coop_id == coop_id, MeetingRow.kind.in_(_ASSEMBLIES), held)
        .order_by(MeetingRow.held_on)).all()
    ordinary = tuple(day for kind, day in rows if MeetingKind(kind) is MeetingKind.ORDINARY_ASSEMBLY)
    first_notice = (select(func.min(MeetingNoticeRow.sent_on)).where(MeetingNoticeRow.meeting_id == MeetingRow.id)
                    .scalar_subquery())
    planned = conn.execute(select(MeetingRow.id, MeetingRow.kind, MeetingRow.title, MeetingRow.held_on, first_notice)
                           .where(MeetingRow.coop_id == coop_id, ~held, MeetingRow.held_on >= today)
                           .order_by(MeetingRow.held_on, MeetingRow.id).limit(LIST_AT_MOST)).all()
    return (ordinary, tuple(day for _, day in rows),
            tuple(PlannedMeeting(i, MeetingKind(k), title, day, sent) for i, k, title, day, sent in planned))


def _officers(conn: Connection, coop_id: int, today: dt.date) -> tuple[tuple[TermInOffice, ...], int, int]:
    """The terms running today (an officer who left early is out from the day after ``left_on``)."""
    running = and_(OfficerTermRow.coop_id == coop_id, OfficerTermRow.start_on <= today,
                   OfficerTermRow.end_on >= today,
                   or_(OfficerTermRow.left_on.is_(None), OfficerTermRow.left_on >= today))
    rows = conn.execute(select(OfficerTermRow.id, OfficerTermRow.office, OfficerTermRow.person_name, Member.name,
                               OfficerTermRow.start_on, OfficerTermRow.end_on)
                        .outerjoin(Member, Member.id == OfficerTermRow.member_id)
                        .where(running).order_by(OfficerTermRow.end_on, OfficerTermRow.id)).all()
    terms = tuple(TermInOffice(i, Office(office), member_name or person or "", start, end)
                  for i, office, person, member_name, start, end in rows)
    directors = sum(1 for t in terms if t.office.is_director)
    return terms, directors, len(terms) - directors


def _refunds(conn: Connection, coop_id: int, start_month: int, today: dt.date) -> tuple[RefundDue, ...]:
    """Leavers who still hold capital (their claim is open), as ``services.capital.refunds`` finds them."""
    gone = and_(Member.left_on.is_not(None), Member.left_as.is_not(None), Member.left_on <= today)
    left = case((gone, Member.left_on), else_=Member.leaves_on)
    leaver = or_(gone, and_(Member.leaves_on.is_not(None), Member.leaves_on <= today))
    holding = (select(CapitalEntryRow.member_id, func.sum(CapitalEntryRow.shares).label("shares"),
                      func.sum(CapitalEntryRow.amount).label("paid"))
               .where(CapitalEntryRow.coop_id == coop_id).group_by(CapitalEntryRow.member_id).subquery())
    rows = conn.execute(select(Member.id, Member.number, Member.name, left)
                        .join(holding, holding.c.member_id == Member.id)
                        .where(Member.coop_id == coop_id, leaver, or_(holding.c.shares > 0, holding.c.paid > 0))
                        .order_by(left, Member.number).limit(LIST_AT_MOST)).all()
    found = []
    for member_id, number, name, left_day in rows:
        window = refund_window(left_day, start_month)
        found.append(RefundDue(member_id, number, name, left_day, window.claim_from, window.lapses_on,
                               window.warn_from))
    return tuple(found)
