"""The register of a meeting's day: who may attend, how many they are, and the roll closing freezes.

A room action must not read the whole register: at 100,000 members that is half a second
per check-in.  So the register is asked only what an action needs — whether these few
members are on it, and its size — and its size is kept per meeting (``meeting_register``)
with the generation of the register it was counted on.  The database moves the generation
on every change of a member or an officer's term that can change a register (migration
0008), so a kept size is never stale.  The whole register is read only where a whole
register is wanted: the check-in list, the attendance sheet, and the roll an item's
closing freezes (itself kept per generation).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from coopdesk.domain.meetings.rules import MeetingRules, Register, rules_for
from coopdesk.domain.meetings.snapshot import Roll
from coopdesk.domain.officers.terms import Office
from coopdesk.services.meetings.rows import meeting_row
from coopdesk.store.database import Database
from coopdesk.store.models import Coop, MeetingRegisterRow, MeetingRollRow, MeetingRow, Member, OfficerTermRow


@dataclass(frozen=True, slots=True)
class RegisterOfDay:
    """Everyone who may attend the meeting, by key (member number; a director's term id at a
    board), with their names: what the check-in field searches and the attendance sheet lists."""

    register: Register
    names: dict[int, str]


def register_of_day(db: Database, coop_id: int, meeting_id: int) -> RegisterOfDay:
    """The whole register of the meeting's day.  Reads every member: the window calls it in a
    worker for a large co-op."""
    with db.read() as s:
        meeting = meeting_row(s, coop_id, meeting_id)
        rules = rules_for(meeting.kind)
        return RegisterOfDay(rules.register, whole_register(s, meeting, rules).names)


def on_register(day: dt.date) -> ColumnElement[bool]:
    """``Standing.status_on(day).is_current`` as SQL over the member's standing columns: admitted
    on or before the day, and neither gone (withdrawn, deceased, expelled) nor past the end of a
    withdrawal notice by then.  A withdrawing member still votes.  Kept equal to the domain's rule
    by tests/services/meetings/test_scale.py, member by member."""
    return and_(Member.joined_on <= day,  # NULL (an applicant) is not <=: not on the register
                or_(Member.left_on.is_(None), Member.left_as.is_(None), Member.left_on > day),
                or_(Member.leaves_on.is_(None), Member.leaves_on > day))


def consenter_on(day: dt.date) -> ColumnElement[bool]:
    """``standing.consenter_on(st, day)`` as SQL: the founding meeting's register (Act 15) — every
    consent handed in by the day, not withdrawn by then; admitted later or not."""
    return and_(Member.consented_on <= day,  # NULL (not a consenter) is not <=
                or_(Member.left_on.is_(None), Member.left_as.is_(None), Member.left_on > day))


def attends(meeting: MeetingRow) -> ColumnElement[bool]:
    """Who is on the register of this meeting's day, of the member rows: the consenters at a
    founding meeting (Act 15), the members on the register at an assembly."""
    if rules_for(meeting.kind).register is Register.CONSENTERS:
        return consenter_on(meeting.held_on)
    return on_register(meeting.held_on)


def in_office(day: dt.date) -> ColumnElement[bool]:
    """The chair and the directors in office on the day (Act 32③: the board's register)."""
    last_day = func.coalesce(OfficerTermRow.left_on, OfficerTermRow.end_on)
    return and_(OfficerTermRow.office.in_([Office.CHAIR, Office.DIRECTOR]),
                OfficerTermRow.start_on <= day, last_day >= day)


def members_on_register(s: Session, meeting: MeetingRow, numbers: Collection[int]) -> dict[int, tuple[int, str]]:
    """Of these member numbers, those on the register of the meeting's day: number -> (id, name).
    One indexed look-up each, whatever the size of the register."""
    if not numbers:
        return {}
    rows = s.execute(select(Member.number, Member.id, Member.name)
                     .where(Member.coop_id == meeting.coop_id, Member.number.in_(sorted(set(numbers))),
                            attends(meeting)))
    return {number: (row_id, name) for number, row_id, name in rows}


def whole_register(s: Session, meeting: MeetingRow, rules: MeetingRules) -> Roll:
    """Every key on the register of the day, sorted, with names (a board: directors by term id)."""
    day = meeting.held_on
    if rules.register is Register.DIRECTORS:
        rows = s.execute(select(OfficerTermRow.id, OfficerTermRow.person_name, Member.name)
                         .outerjoin(Member, Member.id == OfficerTermRow.member_id)
                         .where(OfficerTermRow.coop_id == meeting.coop_id, in_office(day))
                         .order_by(OfficerTermRow.id)).all()
        return Roll(tuple(r[0] for r in rows), {r[0]: r[2] or r[1] or "" for r in rows})
    s.flush()
    rows = s.connection().execute(select(Member.number, Member.name)
                                  .where(Member.coop_id == meeting.coop_id, attends(meeting))
                                  .order_by(Member.number)).all()
    return Roll(tuple(n for n, _ in rows), {n: name for n, name in rows})


def register_size(s: Session, meeting: MeetingRow, rules: MeetingRules, *, keep: bool = False) -> int:
    """The quorum's base: the consenters (a founding meeting, Act 15), the directors in office
    (a board), or the members on the register of the day — counted once per generation of the
    register and kept when ``keep`` (an action that writes anyway)."""
    if rules.register is Register.DIRECTORS:  # a handful of terms: counted each time
        return s.execute(select(func.count()).select_from(OfficerTermRow)
                         .where(OfficerTermRow.coop_id == meeting.coop_id, in_office(meeting.held_on))).scalar_one()
    generation = _generation(s, meeting.coop_id)
    kept = _kept(s, meeting)
    if kept is not None and kept.generation == generation and kept.held_on == meeting.held_on:
        return kept.members
    members = s.execute(select(func.count()).select_from(Member)
                        .where(Member.coop_id == meeting.coop_id, attends(meeting))).scalar_one()
    if keep:
        _keep(s, meeting, kept, generation, members, None)
    return members


def roll_id(s: Session, meeting: MeetingRow, rules: MeetingRules) -> int:
    """The meeting's roll on the register as it is now, stored the first time an item closes on it
    and found again by its digest; read whole only when the register changed since."""
    generation = _generation(s, meeting.coop_id)
    kept = _kept(s, meeting)
    if kept is not None and kept.roll_id is not None and kept.generation == generation \
            and kept.held_on == meeting.held_on:
        return kept.roll_id
    roll = whole_register(s, meeting, rules)
    digest = roll.digest()
    found = s.execute(select(MeetingRollRow.id).where(MeetingRollRow.meeting_id == meeting.id,
                                                      MeetingRollRow.digest == digest)).scalar()
    if found is None:
        keys, names = roll.to_json()
        row = MeetingRollRow(meeting_id=meeting.id, digest=digest, keys=keys, names=names,
                             created_at=dt.datetime.now())
        s.add(row)
        s.flush()
        found = row.id
    if rules.register is not Register.DIRECTORS:
        _keep(s, meeting, kept, generation, len(roll.keys), found)
    return found


def _generation(s: Session, coop_id: int) -> int:
    s.flush()  # a member written earlier in this transaction has moved it
    return s.execute(select(Coop.register_generation).where(Coop.id == coop_id)).scalar_one()


def _kept(s: Session, meeting: MeetingRow) -> MeetingRegisterRow | None:
    return s.execute(select(MeetingRegisterRow).where(MeetingRegisterRow.meeting_id == meeting.id)).scalar()


def _keep(s: Session, meeting: MeetingRow, kept: MeetingRegisterRow | None, generation: int, members: int,
          roll: int | None) -> None:
    if kept is not None:
        kept.held_on, kept.generation, kept.members, kept.roll_id = meeting.held_on, generation, members, roll
        return
    try:  # two laptops counting at once: the first one's row stands, the count is the same
        with s.begin_nested():
            s.add(MeetingRegisterRow(meeting_id=meeting.id, held_on=meeting.held_on, generation=generation,
                                     members=members, roll_id=roll))
    except IntegrityError:
        pass
