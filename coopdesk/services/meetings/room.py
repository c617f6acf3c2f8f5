"""The meeting room as read inside a transaction: who may attend, who is here, the proxies.

An attendee is named by a key: the member number at a members' meeting, the officer term
id at a board meeting (a director need not be a member).  Which register applies is the
meeting's rule (``MeetingRules.register``).  An action reads the register once, in its own
transaction, and answers from what it read and wrote: the view after a check-in is the
room with the check-in applied, not a second read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Result, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.attendance import Attendance, Proxy
from coopdesk.domain.meetings.resolutions import Tally
from coopdesk.domain.meetings.rules import MeetingRules, QuorumState, Register, rules_for
from coopdesk.domain.officers.terms import Office
from coopdesk.domain.text import N_
from coopdesk.services.meetings.rows import meeting_row
from coopdesk.store.models import CheckInRow, Member, MeetingRow, OfficerTermRow, ProxyRow


@dataclass(frozen=True, slots=True)
class Room:
    """Who may attend and who is here, as the domain sees it, with the rows' ids and names."""

    meeting: MeetingRow
    rules: MeetingRules
    attendance: Attendance
    ids: dict[int, int]  # key -> member id (members' meeting) or officer term id (board)
    names: dict[int, str]
    base: int  # the quorum's base: members on the register, consenters, or directors in office

    @property
    def by_term(self) -> bool:
        """Attendees are directors, keyed by their term (a director need not be a member)."""
        return self.rules.register is Register.DIRECTORS

    def tally(self, excluded: frozenset[int] = frozenset(), yes: int = 0, no: int = 0, abstain: int = 0) -> Tally:
        a = self.attendance
        return Tally(members=self.base, in_person=len(a.in_person), by_proxy=len(a.represented),
                     excluded=len(excluded & a.present), yes=yes, no=no, abstain=abstain)

    def quorum(self) -> QuorumState:
        return self.rules.quorum_state(self.base, len(self.attendance.present))

    def attendee_columns(self, key: int) -> dict[str, int | None]:
        row_id = self.ids[key]
        return {"member_id": None, "officer_term_id": row_id} if self.by_term else \
            {"member_id": row_id, "officer_term_id": None}

    def attendee_column(self, table: Any) -> Any:
        """The column of ``table`` that names an attendee: a term at a board, else a member."""
        return table.officer_term_id if self.by_term else table.member_id


def check_held(meeting: MeetingRow, on: dt.date) -> None:
    """What happens in the room — arrivals, votes, closing — happens on the meeting day or after
    it (a meeting entered after the fact); never before it."""
    if on < meeting.held_on:
        raise Refusal(N_("This meeting is on {date}: what happens in the room is recorded on that day, not "
                         "before."), field="meeting", date=meeting.held_on)


def load_room(s: Session, coop_id: int, meeting_id: int) -> Room:
    meeting = meeting_row(s, coop_id, meeting_id)
    rules = rules_for(meeting.kind)
    by_term = rules.register is Register.DIRECTORS
    ids, names = (_directors if by_term else _members)(s, coop_id, meeting.held_on)
    key = {v: k for k, v in ids.items()}
    col = CheckInRow.officer_term_id if by_term else CheckInRow.member_id
    here = rows_of(s, select(col).where(CheckInRow.meeting_id == meeting_id, CheckInRow.out_at.is_(None))).all()
    in_person = frozenset(key[i] for i, in here if i in key)
    # A member expelled earlier in this meeting leaves the register, with any proxy they gave or held.
    rows = rows_of(s, select(ProxyRow.principal_id, ProxyRow.holder_member_id, ProxyRow.family_name,
                             ProxyRow.lives_with_principal, ProxyRow.written_proof, ProxyRow.note)
                   .where(ProxyRow.meeting_id == meeting_id, ProxyRow.revoked_at.is_(None))
                   .order_by(ProxyRow.id)).all()
    proxies = tuple(Proxy(key[principal], None if holder is None else key[holder], *rest)
                    for principal, holder, *rest in rows
                    if principal in key and (holder is None or holder in key))
    base = len(ids)
    if rules.register is Register.CONSENTERS and meeting.consenters is not None:
        base = meeting.consenters  # Act 15: the quorum counts consenters, not the members entered
    return Room(meeting, rules, Attendance(frozenset(ids), in_person, proxies), ids, names, base)


def on_register(day: dt.date) -> ColumnElement[bool]:
    """``Standing.status_on(day).is_current`` as SQL over the member's standing columns: admitted
    on or before the day, and neither gone (withdrawn, deceased, expelled) nor past the end of a
    withdrawal notice by then.  A withdrawing member still votes.  Kept equal to the domain's rule
    by tests/services/meetings/test_scale.py, member by member."""
    return and_(Member.joined_on <= day,  # NULL (an applicant) is not <=: not on the register
                or_(Member.left_on.is_(None), Member.left_as.is_(None), Member.left_on > day),
                or_(Member.leaves_on.is_(None), Member.leaves_on > day))


def _members(s: Session, coop_id: int, day: dt.date) -> tuple[dict[int, int], dict[int, str]]:
    """Members on the register on the meeting day, by number, with their row ids and names.

    Read here rather than through ``members.listing.list_members`` because the write that
    follows must see the same register in the same transaction, and needs the row ids.
    The database picks them (at 10,000 members a status per row in Python is most of an action)."""
    rows = rows_of(s, select(Member.number, Member.id, Member.name)
                   .where(Member.coop_id == coop_id, on_register(day)).order_by(Member.number)).all()
    return {n: i for n, i, _ in rows}, {n: name for n, _, name in rows}


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


def rows_of(s: Session, statement: Select[Any]) -> Result[Any]:
    """Plain rows, without the ORM's work per row (a third of the time at 10,000 members);
    pending changes are flushed first, as ``Session.execute`` would."""
    s.flush()
    return s.connection().execute(statement)
