"""Who attended a session: members typed as at check-in, and people not yet members.

Each addition and removal is one transaction, committed at once, as a check-in is.  The list
is kept once the session has taken place: an attendance is a fact, recorded after it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import Select, String, cast, func, select
from sqlalchemy.orm import Session

from coopdesk.domain.education.attendees import (
    Guest,
    check_guest,
    may_be_same,
    pick,
    plain_name,
    same_person,
)
from coopdesk.domain.errors import Refusal
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.education.rows import attendance_row, not_gone, session_row
from coopdesk.services.members.member import member_row
from coopdesk.store.database import Database
from coopdesk.store.models import (
    EducationAttendanceRow,
    EducationSessionRow,
    Member,
    MemberType,
)

FOUND_AT_MOST = 50  # a completer shows a screenful; typing more narrows it
_NUMBER = re.compile(r"\s*(\d+)\.?(\s.*)?")  # "12", "12.", "12. 김민준": the number leads


@dataclass(frozen=True, slots=True)
class AttendeeView:
    """One person on a session's list."""

    id: int
    name: str  # a member's name on the register; a person not yet a member, as typed
    member_number: int | None  # None: not (yet) a member
    member_type: str | None
    birth_date: dt.date | None
    phone: str
    linked: bool = False  # was on the list before joining, linked when they joined

    @property
    def is_member(self) -> bool:
        return self.member_number is not None


def list_attendees(db: Database, coop_id: int, session_id: int) -> list[AttendeeView]:
    """The session's list: members by number, then the people not yet members in the order added."""
    with db.read() as s:
        session_row(s, coop_id, session_id)
        return attendees_in(s, session_id)


def attendees_in(s: Session, session_id: int, only: int | None = None) -> list[AttendeeView]:
    """The list of the session (``only``: that attendance alone)."""
    a = EducationAttendanceRow
    stmt = (select(a.id, Member.number, Member.name, MemberType.name, Member.birth_date, Member.phone,
                   a.person_name, a.person_birth_date, a.person_phone, a.linked_at)
            .outerjoin(Member, Member.id == a.member_id)
            .outerjoin(MemberType, MemberType.id == Member.member_type_id)
            .where(a.session_id == session_id)
            .order_by(Member.number.is_(None), Member.number, a.id))
    rows = s.execute(stmt if only is None else stmt.where(a.id == only)).all()
    return [AttendeeView(id_, name if number is not None else str(person), number, type_name,
                         birth if number is not None else person_birth, phone if number is not None else person_phone,
                         linked is not None)
            for id_, number, name, type_name, birth, phone, person, person_birth, person_phone, linked in rows]


def find_attendable(db: Database, coop_id: int, text: str, day: dt.date,
                    limit: int = FOUND_AT_MOST) -> list[tuple[int, str]]:
    """(number, name) of at most ``limit`` members who may attend on ``day`` (applicants too), by
    number: those whose number starts with the digits typed, else whose name contains the text,
    spaces ignored ("김 민준" finds 김민준); blank text finds the first members."""
    with db.engine.connect() as conn:
        return [(number, name) for number, name in conn.execute(
            _attendable(conn.dialect.name, coop_id, text, day, limit))]


def _attendable(dialect: str, coop_id: int, text: str, day: dt.date, limit: int) -> Select[tuple[int, str]]:
    stmt = (select(Member.number, Member.name).where(Member.coop_id == coop_id, not_gone(day))
            .order_by(Member.number).limit(limit))
    typed = _NUMBER.fullmatch(text)
    plain = "".join(text.split())
    if typed:
        return stmt.where(cast(Member.number, String).like(typed.group(1) + "%"))
    if plain:
        pattern = "%" + _escaped(plain) + "%"
        name = func.replace(Member.name, " ", "")
        # SQLite's LIKE already ignores the case of Latin letters
        return stmt.where((name.like if dialect == "sqlite" else name.ilike)(pattern, escape="\\"))
    return stmt


def add_typed(db: Database, coop_id: int, session_id: int, typed: str,
              today: dt.date | None = None) -> AttendeeView:
    """The member ``typed`` names — a number, or a name that fits one member only — on the list."""
    today = today or dt.date.today()
    text = " ".join(typed.split())
    if not text:
        raise Refusal(N_("Type a member's name or number."), field="typed")
    with db.write() as s:
        row = _session_held(s, coop_id, session_id, today)
        numbered = _NUMBER.fullmatch(text)  # "12", or "12. 김민준" as the completer offers it
        number = int(numbered.group(1)) if numbered else _named(s, coop_id, row, text)
        return _add_member_in(s, coop_id, row, number)


def _named(s: Session, coop_id: int, row: EducationSessionRow, text: str) -> int:
    """The one member ``text`` names among those who may attend and are not on the list yet."""
    listed = set(s.execute(select(Member.number).join(EducationAttendanceRow,
                                                      EducationAttendanceRow.member_id == Member.id)
                           .where(EducationAttendanceRow.session_id == row.id)).scalars())
    found = s.execute(_attendable(s.get_bind().dialect.name, coop_id, text, row.held_on, FOUND_AT_MOST)).all()
    chosen = pick(text, [(n, name) for n, name in found], listed)
    if chosen.chosen is not None:
        return chosen.chosen
    if not chosen.fitting:
        raise Refusal(N_("No member fits \u201c{text}\u201d. Someone who is not a member yet is added with "
                         "their name, birth date and phone."), field="typed", text=text)
    names = ", ".join(f"{name} ({number})" for number, name in chosen.fitting[:10])
    raise Refusal(N_("{count} members fit \u201c{text}\u201d: {names}. Type the member's number."),
                  field="typed", count=len(chosen.fitting), text=text, names=names)


def add_member(db: Database, coop_id: int, session_id: int, number: int,
               today: dt.date | None = None) -> AttendeeView:
    """Member ``number`` on the session's list (an applicant too: an orientation comes before admission)."""
    today = today or dt.date.today()
    with db.write() as s:
        return _add_member_in(s, coop_id, _session_held(s, coop_id, session_id, today), number)


def _add_member_in(s: Session, coop_id: int, row: EducationSessionRow, number: int) -> AttendeeView:
    session_id = row.id
    member = member_row(s, coop_id, number, field="typed")
    gone = min((d for d in (member.left_on if member.left_as else None, member.leaves_on) if d), default=None)
    if gone is not None and gone <= row.held_on:
        raise Refusal(N_("Member {number}, {name}, had left the co-op on {left}, before the session of {date}."),
                      field="typed", number=number, name=member.name, left=gone, date=row.held_on)
    if s.execute(select(EducationAttendanceRow.id).where(EducationAttendanceRow.session_id == session_id,
                                                         EducationAttendanceRow.member_id == member.id)).first():
        raise Refusal(N_("{name} (member {number}) is already on this session's list."), field="typed",
                      name=member.name, number=number)
    added = EducationAttendanceRow(session_id=session_id, member_id=member.id, person_phone="",
                                   added_at=dt.datetime.now())
    s.add(added)
    s.flush()
    audit.record(s, coop_id=coop_id, action="education.attend", entity="education_session", key=session_id,
                 after={"member": number, "name": member.name})
    return _view(s, session_id, added.id)


def add_guest(db: Database, coop_id: int, session_id: int, guest: Guest,
              today: dt.date | None = None) -> AttendeeView:
    """A person not yet a member on the session's list, with the details that link them when they join."""
    today = today or dt.date.today()
    guest = guest.cleaned()
    check_guest(guest, today)
    with db.write() as s:
        _session_held(s, coop_id, session_id, today)
        _refuse_a_second_time(s, session_id, guest)
        _refuse_a_member(s, coop_id, guest)
        added = EducationAttendanceRow(session_id=session_id, person_name=guest.name,
                                       person_birth_date=guest.birth_date, person_phone=guest.phone,
                                       added_at=dt.datetime.now())
        s.add(added)
        s.flush()
        audit.record(s, coop_id=coop_id, action="education.attend", entity="education_session", key=session_id,
                     after={"guest": guest.as_dict()})
        return _view(s, session_id, added.id)


def remove_attendee(db: Database, coop_id: int, session_id: int, attendance_id: int) -> None:
    """Take someone off the session's list (typed by mistake)."""
    with db.write() as s:
        session_row(s, coop_id, session_id, lock=True)
        view = _view(s, session_id, attendance_row(s, session_id, attendance_id).id)
        s.delete(s.get(EducationAttendanceRow, attendance_id))
        audit.record(s, coop_id=coop_id, action="education.unattend", entity="education_session", key=session_id,
                     before={"member": view.member_number, "name": view.name})


def _session_held(s: Session, coop_id: int, session_id: int, today: dt.date) -> EducationSessionRow:
    """The session, locked for this change of its list, once it has taken place."""
    row = session_row(s, coop_id, session_id, lock=True)
    if row.held_on > today:
        raise Refusal(N_("The session is on {date}: who attended is recorded once it has taken place."),
                      field="session", date=row.held_on)
    return row


def _refuse_a_second_time(s: Session, session_id: int, guest: Guest) -> None:
    a = EducationAttendanceRow
    others = s.execute(select(a.person_name, a.person_birth_date, a.person_phone)
                       .where(a.session_id == session_id, a.member_id.is_(None))).all()
    for name, birth, phone in others:
        if may_be_same(guest, Guest(name or "", birth, phone)):
            raise Refusal(N_("{name} is already on this session's list. If this is someone else of the same "
                             "name, give their birth date or phone number."), field="name", name=name)


def _refuse_a_member(s: Session, coop_id: int, guest: Guest) -> None:
    """A member is added as the member: their record then needs no linking later."""
    spaceless = func.replace(Member.name, " ", "")
    # LIKE without wildcards: the same name, ignoring the case of Latin letters (ILIKE: of every letter)
    same = (spaceless.like if s.get_bind().dialect.name == "sqlite" else spaceless.ilike)(
        _escaped("".join(guest.name.split())), escape="\\")
    members = s.execute(select(Member.number, Member.name, Member.birth_date, Member.phone)
                        .where(Member.coop_id == coop_id, same)).all()
    for number, name, birth, phone in members:
        if plain_name(name) == plain_name(guest.name) and same_person(guest, name, birth, phone):
            raise Refusal(N_("{name} is member {number} already: add them by name or number."), field="name",
                          name=name, number=number)


def _view(s: Session, session_id: int, attendance_id: int) -> AttendeeView:
    return attendees_in(s, session_id, attendance_id)[0]


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
