"""Attendance on the meeting day (출석): check-in, check-out, proxies (위임) and the live quorum.

An attendee is named by a key: the member number at a members' meeting, the officer
term id at a board meeting (a director need not be a member).  The register of the day is
read inside each transaction: current members on the meeting day, or the chair and
directors in office that day.  Every check-in and proxy is committed at once, so nothing
is lost if the program closes mid-meeting.  The rules are ``domain.attendance``'s.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import ColumnElement, Result, Select, and_, func, or_, select, update
from sqlalchemy.orm import Session

from coopdesk.domain.meetings.attendance import Attendance, Proxy
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.officers.terms import Office
from coopdesk.domain.meetings.kinds import ResolutionKind
from coopdesk.domain.meetings.resolutions import Tally, decide
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.meetings.meeting import meeting_row
from coopdesk.store.database import Database
from coopdesk.store.models import CheckInRow, Member, MeetingRow, OfficerTermRow, ProxyRow


@dataclass(frozen=True, slots=True)
class Room:
    """Who may attend and who is here, as the domain sees it, with the rows' ids and names."""

    meeting: MeetingRow
    attendance: Attendance
    ids: dict[int, int]  # key -> member id (members' meeting) or officer term id (board)
    names: dict[int, str]
    base: int  # the quorum's base: members on the register, consenters, or directors in office

    @property
    def board(self) -> bool:
        return self.meeting.kind is MeetingKind.BOARD

    def keys_of(self, row_ids: list[int]) -> list[int | None]:
        """The keys of these rows; None for one no longer on the register (expelled at this meeting)."""
        key = {v: k for k, v in self.ids.items()}
        return [key.get(i) for i in row_ids]

    def tally(self, excluded: frozenset[int] = frozenset(), yes: int = 0, no: int = 0, abstain: int = 0) -> Tally:
        a = self.attendance
        return Tally(members=self.base, in_person=len(a.in_person), by_proxy=len(a.represented),
                     excluded=len(excluded & a.present), yes=yes, no=no, abstain=abstain)

    def attendee_columns(self, key: int) -> dict[str, int | None]:
        row_id = self.ids[key]
        return {"member_id": None, "officer_term_id": row_id} if self.board else \
            {"member_id": row_id, "officer_term_id": None}


@dataclass(frozen=True, slots=True)
class ProxyView:
    principal: int
    principal_name: str
    holder: int | None  # the holder's member number, or None for a family member
    holder_name: str
    counts: bool  # the holder is here


@dataclass(frozen=True, slots=True)
class AttendanceView:
    """The live count the meeting screen shows in large type."""

    members: int  # the quorum's base
    in_person: tuple[int, ...]
    proxies: tuple[ProxyView, ...]
    present: int
    quorum_reached: bool
    quorum_rule: str  # message id, filled by ``quorum_params``
    quorum_params: dict[str, int]
    names: dict[int, str]

    @property
    def by_proxy(self) -> int:
        return sum(1 for p in self.proxies if p.counts)


def check_in(db: Database, coop_id: int, meeting_id: int, key: int, at: dt.datetime | None = None) -> AttendanceView:
    """Here in person; a proxy the member gave is revoked: the vote comes back to them."""
    at = at or dt.datetime.now()
    with db.write() as s:
        room = load_room(s, coop_id, meeting_id)
        after = room.attendance.check_in(key)
        s.add(CheckInRow(meeting_id=meeting_id, in_at=at, **room.attendee_columns(key)))
        revoked = room.attendance.proxy_for(key) is not None
        if revoked:  # only the live proxy: an earlier revocation keeps its time
            s.execute(update(ProxyRow).where(ProxyRow.meeting_id == meeting_id, ProxyRow.revoked_at.is_(None),
                                             ProxyRow.principal_id == room.ids[key]).values(revoked_at=at))
        audit.record(s, coop_id=coop_id, action="meeting.check_in", entity="meeting", key=meeting_id,
                     after={"attendee": key, "at": at, "proxy_revoked": revoked})
        return view_of(replace(room, attendance=after))


def check_out(db: Database, coop_id: int, meeting_id: int, key: int, at: dt.datetime | None = None) -> AttendanceView:
    """Leaves the room; a proxy they hold stops counting until they come back."""
    at = at or dt.datetime.now()
    with db.write() as s:
        room = load_room(s, coop_id, meeting_id)
        after = room.attendance.check_out(key)
        col = CheckInRow.officer_term_id if room.board else CheckInRow.member_id
        row = s.execute(select(CheckInRow).where(CheckInRow.meeting_id == meeting_id, col == room.ids[key],
                                                 CheckInRow.out_at.is_(None))).scalar_one()
        row.out_at = at
        audit.record(s, coop_id=coop_id, action="meeting.check_out", entity="meeting", key=meeting_id,
                     after={"attendee": key, "at": at})
        return view_of(replace(room, attendance=after))


def add_proxy(db: Database, coop_id: int, meeting_id: int, principal: int, *, holder: int | None = None,
              family_name: str = "", lives_with_principal: bool = False, written_proof: bool = False,
              note: str = "") -> AttendanceView:
    """A proxy for ``principal`` (member number), held by member ``holder`` or a family member."""
    with db.write() as s:
        room = load_room(s, coop_id, meeting_id)
        if room.board:
            raise Refusal(N_("Directors attend a board meeting in person; there are no proxies."),
                          field="principal")
        proxy = Proxy(principal, holder, " ".join(family_name.split()), lives_with_principal, written_proof,
                      note.strip())
        after = room.attendance.add_proxy(proxy)
        s.add(ProxyRow(meeting_id=meeting_id, principal_id=room.ids[principal],
                       holder_member_id=None if holder is None else room.ids[holder],
                       family_name=proxy.family_name, lives_with_principal=lives_with_principal,
                       written_proof=written_proof, note=proxy.proof_note, created_at=dt.datetime.now()))
        audit.record(s, coop_id=coop_id, action="meeting.proxy", entity="meeting", key=meeting_id,
                     after={"principal": principal, "holder": holder, "family_name": proxy.family_name,
                            "lives_with_principal": lives_with_principal, "written_proof": written_proof,
                            "note": proxy.proof_note})
        return view_of(replace(room, attendance=after))


def attendance_of(db: Database, coop_id: int, meeting_id: int) -> AttendanceView:
    with db.read() as s:
        return view_of(load_room(s, coop_id, meeting_id))


def view_of(room: Room) -> AttendanceView:
    a = room.attendance
    # The quorum does not depend on the votes: decide an empty ordinary vote and keep its quorum part.
    outcome = decide(room.tally(), ResolutionKind.ORDINARY, room.meeting.kind)
    quorate, text = outcome.quorum_reached, outcome.quorum
    proxies = tuple(ProxyView(p.principal, room.names[p.principal], p.holder_member,
                              room.names[p.holder_member] if p.holder_member is not None else p.family_name,
                              a.counts(p)) for p in a.proxies)
    return AttendanceView(room.base, tuple(sorted(a.in_person)), proxies, len(a.present), quorate,
                          text.message, text.kwargs, dict(room.names))


# -- the room, read inside a transaction ----------------------------------------------------------
# An action reads the register once, in its own transaction, and answers from what it read and
# wrote: the view after a check-in is the room with the check-in applied, not a second read.

def load_room(s: Session, coop_id: int, meeting_id: int) -> Room:
    meeting = meeting_row(s, coop_id, meeting_id)
    board = meeting.kind is MeetingKind.BOARD
    ids, names = (_directors if board else _members)(s, coop_id, meeting.held_on)
    key = {v: k for k, v in ids.items()}
    col = CheckInRow.officer_term_id if board else CheckInRow.member_id
    here = _rows(s, select(col).where(CheckInRow.meeting_id == meeting_id, CheckInRow.out_at.is_(None))).all()
    in_person = frozenset(key[i] for i, in here if i in key)
    # A member expelled earlier in this meeting leaves the register, with any proxy they gave or held.
    rows = _rows(s, select(ProxyRow.principal_id, ProxyRow.holder_member_id, ProxyRow.family_name,
                           ProxyRow.lives_with_principal, ProxyRow.written_proof, ProxyRow.note)
                 .where(ProxyRow.meeting_id == meeting_id, ProxyRow.revoked_at.is_(None))
                 .order_by(ProxyRow.id)).all()
    proxies = tuple(Proxy(key[principal], None if holder is None else key[holder], *rest)
                    for principal, holder, *rest in rows
                    if principal in key and (holder is None or holder in key))
    base = len(ids)
    if meeting.kind is MeetingKind.FOUNDING and meeting.consenters is not None:
        base = meeting.consenters  # Act 15: the quorum counts consenters, not the members entered
    return Room(meeting, Attendance(frozenset(ids), in_person, proxies), ids, names, base)


def on_register(day: dt.date) -> ColumnElement[bool]:
    """``Standing.status_on(day).is_current`` as SQL over the member's standing columns: admitted
    on or before the day, and neither gone (withdrawn, deceased, expelled) nor past the end of a
    withdrawal notice by then.  A withdrawing member still votes.  Kept equal to the domain's rule
    by tests/services/test_meeting_scale.py, member by member."""
    return and_(Member.joined_on <= day,  # NULL (an applicant) is not <=: not on the register
                or_(Member.left_on.is_(None), Member.left_as.is_(None), Member.left_on > day),
                or_(Member.leaves_on.is_(None), Member.leaves_on > day))


def _members(s: Session, coop_id: int, day: dt.date) -> tuple[dict[int, int], dict[int, str]]:
    """Members on the register on the meeting day, by number, with their row ids and names.

    Read here rather than through ``member_list.list_members`` because the write that
    follows must see the same register in the same transaction, and needs the row ids.
    The database picks them (at 10,000 members a status per row in Python is most of an action)."""
    rows = _rows(s, select(Member.number, Member.id, Member.name)
                 .where(Member.coop_id == coop_id, on_register(day)).order_by(Member.number)).all()
    return {n: i for n, i, _ in rows}, {n: name for n, _, name in rows}


def _rows(s: Session, statement: Select[Any]) -> Result[Any]:
    """Plain rows, without the ORM's work per row (a third of the time at 10,000 members);
    pending changes are flushed first, as ``Session.execute`` would."""
    s.flush()
    return s.connection().execute(statement)


def _directors(s: Session, coop_id: int, day: dt.date) -> tuple[dict[int, int], dict[int, str]]:
    """The chair and directors in office on the meeting day, by term id (Act 32③)."""
    last_day = func.coalesce(OfficerTermRow.left_on, OfficerTermRow.end_on)
    rows = s.execute(select(OfficerTermRow.id, OfficerTermRow.person_name, Member.name)
                     .outerjoin(Member, Member.id == OfficerTermRow.member_id)
                     .where(OfficerTermRow.coop_id == coop_id,
                            OfficerTermRow.office.in_([Office.CHAIR, Office.DIRECTOR]),
                            OfficerTermRow.start_on <= day, last_day >= day)
                     .order_by(OfficerTermRow.id)).all()
    return {r[0]: r[0] for r in rows}, {r[0]: r[2] or r[1] or "" for r in rows}
