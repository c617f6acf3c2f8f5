"""The meeting room as read inside a transaction: who is here, the proxies, and the headcount.

An attendee is named by a key: the member number at a members' meeting, the officer term
id at a board meeting (a director need not be a member).  Which register applies is the
meeting's rule (``MeetingRules.register``).

An action reads only the part of the room it concerns (``load_room(keys=…)``): the members
it names, whether they are on the register of the day (``register``), whether they are here,
and the proxies they gave or hold with the other party of each.  The domain's ``Attendance``
then judges the action on that part exactly as on the whole room, since every fact a rule
asks about is in it.  The headcount is counted by the database, and the register's size is
kept per meeting, so an action costs the same at 15 members and at 100,000.  A board's
room, a handful of directors, is always read whole; ``whole=True`` reads a members' room
whole (opening the screen, closing an item, the minutes).

What makes counting without the register possible: an attendance row that is live (a stay
not checked out, a proxy not revoked) always belongs to someone on the register of the
day.  Check-in and proxies only admit such members; the one way off the register during a
meeting, an expulsion it passes, ends the member's stay and proxies there
(``release_attendance``); and a member event that would take an attendee off the register
is refused (``members.member``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Result, Select, exists, func, or_, select, update
from sqlalchemy.orm import Session, aliased

from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.attendance import Attendance, Proxy
from coopdesk.domain.meetings.resolutions import Tally
from coopdesk.domain.meetings.rules import MeetingRules, QuorumState, Register, rules_for
from coopdesk.domain.text import N_
from coopdesk.services.meetings.register import (
    in_office,
    members_on_register,
    on_register,
    register_size,
)
from coopdesk.services.meetings.rows import meeting_row
from coopdesk.store.models import CheckInRow, Member, MeetingRow, OfficerTermRow, ProxyRow

__all__ = ["Headcount", "Room", "check_held", "load_room", "moved", "on_register", "release_attendance",
           "room_version", "rows_of"]


@dataclass(frozen=True, slots=True)
class Headcount:
    """How many are here: in person, and represented by a proxy whose holder is here."""

    in_person: int
    by_proxy: int

    @property
    def present(self) -> int:
        return self.in_person + self.by_proxy


@dataclass(frozen=True, slots=True)
class Room:
    """The part of the room an action concerns, as the domain sees it, with the rows' ids and
    names of those in it; the whole room when ``whole``."""

    meeting: MeetingRow
    rules: MeetingRules
    attendance: Attendance  # ``register`` holds only the keys read, all of them on the register
    ids: dict[int, int]  # key -> member id (members' meeting) or officer term id (board)
    names: dict[int, str]
    base: int  # the quorum's base: members on the register, consenters, or directors in office
    whole: bool

    @property
    def by_term(self) -> bool:
        """Attendees are directors, keyed by their term (a director need not be a member)."""
        return self.rules.register is Register.DIRECTORS

    def attendee_columns(self, key: int) -> dict[str, int | None]:
        row_id = self.ids[key]
        return {"member_id": None, "officer_term_id": row_id} if self.by_term else \
            {"member_id": row_id, "officer_term_id": None}

    def attendee_column(self, table: Any) -> Any:
        """The column of ``table`` that names an attendee: a term at a board, else a member."""
        return table.officer_term_id if self.by_term else table.member_id

    def with_attendance(self, attendance: Attendance) -> Room:
        return Room(self.meeting, self.rules, attendance, self.ids, self.names, self.base, self.whole)

    def headcount(self, s: Session) -> Headcount:
        """Who is here now, as written in this transaction."""
        if self.whole:
            a = self.attendance
            return Headcount(len(a.in_person), len(a.represented))
        return _counted(s, self.meeting.id)

    def quorum(self, count: Headcount) -> QuorumState:
        return self.rules.quorum_state(self.base, count.present)

    def tally(self, count: Headcount, excluded_present: int = 0, yes: int = 0, no: int = 0,
              abstain: int = 0) -> Tally:
        return Tally(members=self.base, in_person=count.in_person, by_proxy=count.by_proxy,
                     excluded=excluded_present, yes=yes, no=no, abstain=abstain)


def check_held(meeting: MeetingRow, on: dt.date) -> None:
    """What happens in the room — arrivals, votes, closing — happens on the meeting day or after
    it (a meeting entered after the fact); never before it."""
    if on < meeting.held_on:
        raise Refusal(N_("This meeting is on {date}: what happens in the room is recorded on that day, not "
                         "before."), field="meeting", date=meeting.held_on)


def load_room(s: Session, coop_id: int, meeting_id: int, keys: Iterable[int] = (), *, whole: bool = False,
              keep: bool = False) -> Room:
    """The room around ``keys`` (or whole).  ``keep``: the action writes, so a register size it had
    to count is kept for the next one."""
    meeting = meeting_row(s, coop_id, meeting_id)
    rules = rules_for(meeting.kind)
    base = register_size(s, meeting, rules, keep=keep)
    if rules.register is Register.DIRECTORS:
        return _board_room(s, meeting, rules, base)
    asked = set(keys)
    proxies = _proxy_rows(s, meeting, None if whole else asked)
    people = {row.principal: (row.principal_id, row.principal_name) for row in proxies}
    people.update({row.holder: (row.holder_id, row.holder_name) for row in proxies if row.holder is not None})
    here = _here(s, meeting, None if whole else asked | people.keys())  # a holder's presence counts too
    people.update(here)
    people.update(members_on_register(s, meeting, asked - people.keys()))
    attendance = Attendance(frozenset(people), frozenset(here),
                            tuple(Proxy(r.principal, r.holder, r.family_name, r.lives_with_principal,
                                        r.written_proof, r.note) for r in proxies))
    return Room(meeting, rules, attendance, {k: v[0] for k, v in people.items()},
                {k: v[1] for k, v in people.items()}, base, whole)


def release_attendance(s: Session, meeting: MeetingRow, member_id: int, at: dt.datetime) -> None:
    """A member who has just left the register (expelled by this meeting) leaves its room: their
    stay ends and the proxies they gave or held are revoked, in every meeting held that day or
    later where they are still counted."""
    meetings = select(MeetingRow.id).where(MeetingRow.coop_id == meeting.coop_id,
                                           MeetingRow.held_on >= meeting.held_on)
    s.execute(update(CheckInRow).where(CheckInRow.meeting_id.in_(meetings), CheckInRow.member_id == member_id,
                                       CheckInRow.out_at.is_(None)).values(out_at=at))
    s.execute(update(ProxyRow).where(ProxyRow.meeting_id.in_(meetings), ProxyRow.revoked_at.is_(None),
                                     or_(ProxyRow.principal_id == member_id, ProxyRow.holder_member_id == member_id))
              .values(revoked_at=at))
    s.execute(update(MeetingRow).where(MeetingRow.id.in_(meetings)).values(room_version=MeetingRow.room_version + 1))


def moved(s: Session, meeting_id: int) -> None:
    """An arrival, a departure or a proxy: the room's version moves on (see ``RoomState.version``)."""
    s.execute(update(MeetingRow).where(MeetingRow.id == meeting_id)
              .values(room_version=MeetingRow.room_version + 1))


def room_version(s: Session, meeting_id: int) -> int:
    return s.execute(select(MeetingRow.room_version).where(MeetingRow.id == meeting_id)).scalar_one()


def rows_of(s: Session, statement: Select[Any]) -> Result[Any]:
    """Plain rows, without the ORM's work per row (a third of the time at 10,000 members);
    pending changes are flushed first, as ``Session.execute`` would."""
    s.flush()
    return s.connection().execute(statement)


# -- a members' meeting ---------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _ProxyLine:
    principal: int
    principal_id: int
    principal_name: str
    holder: int | None
    holder_id: int | None
    holder_name: str
    family_name: str
    lives_with_principal: bool
    written_proof: bool
    note: str


def _proxy_rows(s: Session, meeting: MeetingRow, keys: Collection[int] | None) -> list[_ProxyLine]:
    """The live proxies (all, or those given or held by ``keys``), in the order recorded."""
    principal, holder = aliased(Member), aliased(Member)
    statement = (select(principal.number, principal.id, principal.name, holder.number, holder.id, holder.name,
                        ProxyRow.family_name, ProxyRow.lives_with_principal, ProxyRow.written_proof, ProxyRow.note)
                 .join(principal, principal.id == ProxyRow.principal_id)
                 .outerjoin(holder, holder.id == ProxyRow.holder_member_id)
                 .where(ProxyRow.meeting_id == meeting.id, ProxyRow.revoked_at.is_(None)))
    if keys is not None:
        if not keys:
            return []
        ids = select(Member.id).where(Member.coop_id == meeting.coop_id, Member.number.in_(sorted(keys)))
        statement = statement.where(or_(ProxyRow.principal_id.in_(ids), ProxyRow.holder_member_id.in_(ids)))
    return [_ProxyLine(*row[:5], row[5] or "", *row[6:]) for row in rows_of(s, statement.order_by(ProxyRow.id))]


def _here(s: Session, meeting: MeetingRow, keys: Collection[int] | None) -> dict[int, tuple[int, str]]:
    """Who is here in person (all, or of ``keys``): number -> (id, name)."""
    statement = (select(Member.number, Member.id, Member.name).join(CheckInRow, CheckInRow.member_id == Member.id)
                 .where(CheckInRow.meeting_id == meeting.id, CheckInRow.out_at.is_(None)))
    if keys is not None:
        if not keys:
            return {}
        statement = statement.where(Member.coop_id == meeting.coop_id, Member.number.in_(sorted(keys)))
    return {number: (row_id, name) for number, row_id, name in rows_of(s, statement)}


def _counted(s: Session, meeting_id: int) -> Headcount:
    """The headcount from the live rows alone (each is someone on the register: see the module)."""
    in_person = s.execute(select(func.count()).select_from(CheckInRow)
                          .where(CheckInRow.meeting_id == meeting_id, CheckInRow.out_at.is_(None))).scalar_one()
    holder_here = exists().where(CheckInRow.meeting_id == meeting_id, CheckInRow.out_at.is_(None),
                                 CheckInRow.member_id == ProxyRow.holder_member_id)
    by_proxy = s.execute(select(func.count()).select_from(ProxyRow)
                         .where(ProxyRow.meeting_id == meeting_id, ProxyRow.revoked_at.is_(None),
                                or_(ProxyRow.holder_member_id.is_(None), holder_here))).scalar_one()
    return Headcount(in_person, by_proxy)


# -- a board meeting -------------------------------------------------------------------------------

def _board_room(s: Session, meeting: MeetingRow, rules: MeetingRules, base: int) -> Room:
    """The directors in office on the day, by term id, and those of them here (Act 32③)."""
    rows = s.execute(select(OfficerTermRow.id, OfficerTermRow.person_name, Member.name)
                     .outerjoin(Member, Member.id == OfficerTermRow.member_id)
                     .where(OfficerTermRow.coop_id == meeting.coop_id, in_office(meeting.held_on))
                     .order_by(OfficerTermRow.id)).all()
    names = {r[0]: r[2] or r[1] or "" for r in rows}
    here = rows_of(s, select(CheckInRow.officer_term_id).where(CheckInRow.meeting_id == meeting.id,
                                                               CheckInRow.out_at.is_(None))).scalars()
    attendance = Attendance(frozenset(names), frozenset(k for k in here if k in names))
    return Room(meeting, rules, attendance, {k: k for k in names}, names, base, True)
