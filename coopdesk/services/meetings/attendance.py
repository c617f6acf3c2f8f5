"""Attendance on the meeting day (출석): check-in, check-out, proxies (위임) and the live quorum.

Every check-in and proxy is committed at once, so nothing is lost if the program closes
mid-meeting.  The rules are ``domain.meetings.attendance``'s and the meeting's rules table
(who is on the register, whether proxies are allowed).  Each action returns the room as
the screen shows it (``RoomState``): pass ``item_id`` to have the item on screen worked
out again from the new attendance in the same read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.fields import NAME_LENGTH, NOTE_LENGTH, check_text
from coopdesk.domain.meetings.attendance import Proxy
from coopdesk.domain.meetings.rules import Register
from coopdesk.domain.members.standing import EventKind
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.races import raced
from coopdesk.services.meetings.item_state import result_in
from coopdesk.services.meetings.room import Room, check_held, load_room, moved, room_version, rows_of
from coopdesk.services.meetings.rows import item_row
from coopdesk.services.meetings.state import AttendanceView, RoomState, attendance_view, count_of, lines_of
from coopdesk.store.database import Database
from coopdesk.store.models import CheckInRow, Member, ProxyRow

# Refusals when another laptop did the same thing at the same moment (see services.races).
ALREADY_HERE = N_("This member is already checked in.")
PROXY_RACED = N_("A proxy for this member, or held by this holder, was recorded at the same moment "
                 "elsewhere; look again.")


def check_in(db: Database, coop_id: int, meeting_id: int, key: int, at: dt.datetime | None = None, *,
             item_id: int | None = None) -> RoomState:
    """Here in person; a proxy the member gave is revoked: the vote comes back to them."""
    at = at or dt.datetime.now()
    with raced(ALREADY_HERE, field="member"), db.write() as s:
        room = load_room(s, coop_id, meeting_id, (key,), keep=True)
        check_held(room.meeting, at.date())
        if key not in room.ids:
            raise not_on_register(s, room, key)
        after = room.attendance.check_in(key)
        s.add(CheckInRow(meeting_id=meeting_id, in_at=at, **room.attendee_columns(key)))
        revoked = room.attendance.proxy_for(key) is not None
        if revoked:  # only the live proxy: an earlier revocation keeps its time
            s.execute(update(ProxyRow).where(ProxyRow.meeting_id == meeting_id, ProxyRow.revoked_at.is_(None),
                                             ProxyRow.principal_id == room.ids[key]).values(revoked_at=at))
        moved(s, meeting_id)
        audit.record(s, coop_id=coop_id, action="meeting.check_in", entity="meeting", key=meeting_id,
                     after={"attendee": key, "at": at, "proxy_revoked": revoked})
        return room_state(s, room.with_attendance(after), item_id)


def check_out(db: Database, coop_id: int, meeting_id: int, key: int, at: dt.datetime | None = None, *,
              item_id: int | None = None) -> RoomState:
    """Leaves the room; a proxy they hold stops counting until they come back."""
    at = at or dt.datetime.now()
    with db.write() as s:
        room = load_room(s, coop_id, meeting_id, (key,), keep=True)
        check_held(room.meeting, at.date())
        after = room.attendance.check_out(key)
        col = room.attendee_column(CheckInRow)
        row = s.execute(select(CheckInRow).where(CheckInRow.meeting_id == meeting_id, col == room.ids[key],
                                                 CheckInRow.out_at.is_(None))).scalar_one()
        row.out_at = at
        moved(s, meeting_id)
        audit.record(s, coop_id=coop_id, action="meeting.check_out", entity="meeting", key=meeting_id,
                     after={"attendee": key, "at": at})
        return room_state(s, room.with_attendance(after), item_id)


def add_proxy(db: Database, coop_id: int, meeting_id: int, principal: int, *, holder: int | None = None,
              family_name: str = "", lives_with_principal: bool = False, written_proof: bool = False,
              note: str = "", item_id: int | None = None) -> RoomState:
    """A proxy for ``principal`` (member number), held by member ``holder`` or a family member."""
    with raced(PROXY_RACED, field="principal"), db.write() as s:
        proxy = Proxy(principal, holder, " ".join(family_name.split()), lives_with_principal, written_proof,
                      note.strip())
        room = _room_for_proxy(s, coop_id, meeting_id, proxy)
        if not room.rules.proxies:
            raise Refusal(N_("Directors attend a board meeting in person; there are no proxies."),
                          field="principal")
        check_text(proxy.family_name, "holder", NAME_LENGTH)  # the family member is named in the holder's box
        check_text(proxy.proof_note, "note", NOTE_LENGTH, multiline=True)
        after = room.attendance.add_proxy(proxy)
        s.add(ProxyRow(meeting_id=meeting_id, principal_id=room.ids[principal],
                       holder_member_id=None if holder is None else room.ids[holder],
                       family_name=proxy.family_name, lives_with_principal=lives_with_principal,
                       written_proof=written_proof, note=proxy.proof_note, created_at=dt.datetime.now()))
        moved(s, meeting_id)
        audit.record(s, coop_id=coop_id, action="meeting.proxy", entity="meeting", key=meeting_id,
                     after={"principal": principal, "holder": holder, "family_name": proxy.family_name,
                            "lives_with_principal": lives_with_principal, "written_proof": written_proof,
                            "note": proxy.proof_note})
        return room_state(s, room.with_attendance(after), item_id)


def _room_for_proxy(s: Session, coop_id: int, meeting_id: int, proxy: Proxy) -> Room:
    """The room around the principal and the holder; a family holder is found by name among the
    proxies family members hold (one family member holds one proxy, Act 23③)."""
    keys = {proxy.principal} | ({proxy.holder_member} if proxy.holder_member is not None else set())
    room = load_room(s, coop_id, meeting_id, keys, keep=True)
    if proxy.holder_member is not None or not proxy.family_name.strip():
        return room
    same_name = rows_of(s, select(Member.number).join(ProxyRow, ProxyRow.principal_id == Member.id)
                        .where(ProxyRow.meeting_id == meeting_id, ProxyRow.revoked_at.is_(None),
                               ProxyRow.holder_member_id.is_(None),
                               func.lower(ProxyRow.family_name) == proxy.family_name.lower())).scalars().all()
    return load_room(s, coop_id, meeting_id, keys | set(same_name)) if same_name else room


# Why a member is not on the register of the meeting's day, by what their events say.
_NOT_ON_REGISTER = {
    EventKind.DECEASED: N_("Member {number} {name} died on {date}: not on the register of this meeting."),
    EventKind.WITHDRAWN: N_("Member {number} {name} withdrew on {date}: not on the register of this meeting."),
    EventKind.EXPELLED: N_("Member {number} {name} was expelled on {date}: not on the register of this meeting."),
}


def not_on_register(s: Session, room: Room, key: int) -> Refusal:
    """The refusal that says why ``key`` may not attend: gone (died, withdrew, expelled), not yet
    admitted, or no such member; at a board, not a director in office that day."""
    if room.by_term:
        return Refusal(N_("This person is not a director in office on the day of the meeting."), field="member")
    member = s.execute(select(Member).where(Member.coop_id == room.meeting.coop_id, Member.number == key)).scalar()
    if member is None:
        return Refusal(N_("There is no member number {number}."), field="member", number=key)
    day = room.meeting.held_on
    if room.rules.register is Register.CONSENTERS:
        return Refusal(N_("{number} {name} is not a founding consenter on the day of the meeting: the founding "
                          "meeting's register is the consenters whose consent was handed in by then."),
                       article=law.FOUNDING_QUORUM.ref, field="member", number=key, name=member.name)
    if member.left_as is not None and member.left_on is not None and member.left_on <= day:
        return Refusal(_NOT_ON_REGISTER[member.left_as], field="member", number=key, name=member.name,
                       date=member.left_on)
    if member.leaves_on is not None and member.leaves_on <= day:
        return Refusal(_NOT_ON_REGISTER[EventKind.WITHDRAWN], field="member", number=key, name=member.name,
                       date=member.leaves_on)
    if member.joined_on is None or member.joined_on > day:
        return Refusal(N_("Member {number} {name} is not yet admitted on the day of the meeting."),
                       field="member", number=key, name=member.name)
    return Refusal(N_("This person is not on the register."), field="member")


def attendance_of(db: Database, coop_id: int, meeting_id: int) -> AttendanceView:
    """The whole present list and the count: what the meeting screen shows when it opens."""
    with db.read() as s:
        room = load_room(s, coop_id, meeting_id, whole=True)
        return attendance_view(room, room.headcount(s), room_version(s, meeting_id))


def room_of(db: Database, coop_id: int, meeting_id: int, item_id: int | None = None) -> RoomState:
    """The count and the item on screen, as an action would return them (no lines: none changed)."""
    with db.read() as s:
        room = load_room(s, coop_id, meeting_id)
        return replace(room_state(s, room, item_id), lines=())


def room_state(s: Session, room: Room, item_id: int | None) -> RoomState:
    """The room after an action: the count, the lines of those the action concerned, and the
    item on screen worked out from it."""
    headcount = room.headcount(s)
    state = RoomState(count_of(room, headcount), lines_of(room), whole=room.whole,
                      version=room_version(s, room.meeting.id))
    if item_id is None:
        return state
    item = item_row(s, room.meeting.coop_id, item_id)
    if item.meeting_id != room.meeting.id:
        raise Refusal(N_("There is no agenda item number {id}."), field="item", id=item_id)
    return replace(state, item=result_in(s, room, item, headcount=headcount))
