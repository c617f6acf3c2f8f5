"""The officer register (임원 명부): adding, changing and ending terms, and checking the register.

The rules are the domain's (``officers``, ``officer_register``); this module reads and
writes the terms, one transaction per action, each with an audit entry.  A change that
would make the register impossible (two chairs, an auditor who is a director, the chair
beyond the re-election limit) is refused against the whole register, read inside the
same transaction that writes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.domain import law
from coopdesk.domain.coop import BylawsSettings
from coopdesk.domain.errors import Refusal
from coopdesk.domain.fields import NOTE_LENGTH, check_text
from coopdesk.domain.officers.register import RegisterProblem, Severity, check_edit, check_register
from coopdesk.domain.officers.terms import (
    BoardRequirement,
    ChosenBy,
    Office,
    OfficerTerm,
    Person,
    TermWarning,
    board_required,
    check_person,
    latest_end,
    terms_ending,
)
from coopdesk.domain.members.standing import MemberStatus, Standing
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.coops import get_coop
from coopdesk.services.members.current import count_on_register
from coopdesk.store.database import Database
from coopdesk.store.models import Member, OfficerTermRow


class TermStatus(Enum):
    UPCOMING = "upcoming"
    IN_OFFICE = "in_office"
    ENDED = "ended"

    @property
    def label(self) -> str:
        return TERM_STATUS_LABELS[self]


TERM_STATUS_LABELS = {
    TermStatus.UPCOMING: N_("Upcoming"),
    TermStatus.IN_OFFICE: N_("In office"),
    TermStatus.ENDED: N_("Ended"),
}


@dataclass(frozen=True, slots=True)
class TermInput:
    """A term as the user enters it: a member by number, or the name of someone who is not a member."""

    office: Office
    start: dt.date
    end: dt.date
    member_number: int | None = None
    name: str = ""  # only for an officer who is not a member
    chosen_by: ChosenBy = ChosenBy.ELECTED
    predecessor_end: dt.date | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class OfficerView:
    id: int
    term: OfficerTerm  # the person carries the member's name, resolved
    note: str

    @property
    def person(self) -> Person:
        return self.term.person

    @property
    def name(self) -> str:
        return self.term.person.label

    @property
    def is_member(self) -> bool:
        return self.term.person.member_number is not None

    def status_on(self, day: dt.date) -> TermStatus:
        if day < self.term.start:
            return TermStatus.UPCOMING
        return TermStatus.IN_OFFICE if day <= self.term.last_day else TermStatus.ENDED


@dataclass(frozen=True, slots=True)
class RegisterCheck:
    """The register on a day: what breaks the Act, what differs from the bylaws, what ends soon."""

    on: dt.date
    problems: tuple[RegisterProblem, ...]
    ending: tuple[TermWarning, ...]
    board: BoardRequirement
    member_count: int | None  # current members on the day; None: counted only as far as the board rule asks

    @property
    def breaches(self) -> list[RegisterProblem]:
        return [p for p in self.problems if p.severity is Severity.ACT]

    @property
    def warnings(self) -> list[RegisterProblem]:
        return [p for p in self.problems if p.severity is Severity.BYLAWS]

    @property
    def meets_act(self) -> bool:
        return not self.breaches


def term_end(start: dt.date, years: int) -> dt.date:
    """The last day of a term of ``years`` years from ``start``: what the term form offers."""
    return latest_end(start, years)


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


def add_term(db: Database, coop_id: int, term_input: TermInput, today: dt.date | None = None) -> OfficerView:
    """A new term on the register, refused if it breaks a rule alone or against the others."""
    coop, today = get_coop(db, coop_id), _today(today)
    _check_note(term_input.note)
    with db.write() as s:
        term_id = add_term_in(s, coop_id, term_input, coop.bylaws, today)
    return get_term(db, coop_id, term_id)


def add_term_in(s: Session, coop_id: int, term_input: TermInput, bylaws: BylawsSettings, today: dt.date) -> int:
    """``add_term`` inside the caller's transaction (an election's result fills the register
    in the transaction that closes its item); the new term's id."""
    member_id, term = _resolve(s, coop_id, term_input, today, bylaws.withdrawal_notice_days)
    check_edit([v.term for v in _views(s, coop_id)], term, bylaws)
    row = OfficerTermRow(coop_id=coop_id, member_id=member_id, created_at=dt.datetime.now(),
                         **_columns(term, term_input.note))
    s.add(row)
    s.flush()
    audit.record(s, coop_id=coop_id, action="officer.add", entity="officer_term", key=row.id,
                 after=_audit_dict(term, term_input.note))
    return row.id


def edit_term(db: Database, coop_id: int, term_id: int, term_input: TermInput,
              today: dt.date | None = None) -> OfficerView:
    """Change a term (a correction); the day an officer left early is kept."""
    coop, today = get_coop(db, coop_id), _today(today)
    _check_note(term_input.note)
    with db.write() as s:
        row = _row(s, coop_id, term_id)
        views = _views(s, coop_id)
        before = next(v for v in views if v.id == term_id)
        member_id, term = _resolve(s, coop_id, term_input, today, coop.bylaws.withdrawal_notice_days)
        term = OfficerTerm(term.person, term.office, term.start, term.end, term.chosen_by,
                           term.predecessor_end, before.term.left_on)
        if term == before.term and term_input.note.strip() == before.note:
            return before
        check_edit([v.term for v in views if v.id != term_id], term, coop.bylaws)
        row.member_id = member_id
        for key, value in _columns(term, term_input.note).items():
            setattr(row, key, value)
        audit.record(s, coop_id=coop_id, action="officer.edit", entity="officer_term", key=term_id,
                     before=_audit_dict(before.term, before.note), after=_audit_dict(term, term_input.note))
    return get_term(db, coop_id, term_id)


def end_term(db: Database, coop_id: int, term_id: int, left_on: dt.date, note: str = "") -> OfficerView:
    """An officer left before the term's end (resigned, removed, died): ``left_on`` is the last day."""
    coop = get_coop(db, coop_id)
    _check_note(note)
    with db.write() as s:
        end_term_in(s, coop_id, term_id, left_on, note, coop.bylaws)
    return get_term(db, coop_id, term_id)


def end_term_in(s: Session, coop_id: int, term_id: int, left_on: dt.date, note: str,
                bylaws: BylawsSettings) -> None:
    """``end_term`` inside the caller's transaction (an outgoing officer whose successor an
    election's result brings in)."""
    row = _row(s, coop_id, term_id)
    views = _views(s, coop_id)
    before = next(v for v in views if v.id == term_id)
    old = before.term
    term = OfficerTerm(old.person, old.office, old.start, old.end, old.chosen_by, old.predecessor_end, left_on)
    check_edit([v.term for v in views if v.id != term_id], term, bylaws)
    row.left_on = left_on
    if note.strip():
        row.note = note.strip()
    audit.record(s, coop_id=coop_id, action="officer.end", entity="officer_term", key=term_id,
                 before={"left_on": old.left_on, "note": before.note},
                 after={"left_on": left_on, "note": row.note})


def get_term(db: Database, coop_id: int, term_id: int) -> OfficerView:
    with db.read() as s:
        _row(s, coop_id, term_id)
        return next(v for v in _views(s, coop_id) if v.id == term_id)


def list_terms(db: Database, coop_id: int) -> list[OfficerView]:
    """Every term on the register, oldest first; chair, directors, auditors within a day."""
    with db.read() as s:
        return _views(s, coop_id)


def terms_in(s: Session, coop_id: int) -> list[OfficerView]:
    """``list_terms`` inside the caller's transaction."""
    return _views(s, coop_id)


def register_check(db: Database, coop_id: int, on: dt.date | None = None, *,
                   count_all: bool = True) -> RegisterCheck:
    """The register's problems on ``on`` (today by default), the terms ending soon, and the board rule.

    The board rule needs only a number of members, which the database counts.  With
    ``count_all`` False it counts only as far as the rule asks (Act 32①: 10 or more?) and
    ``member_count`` is None: what the officers page asks, refreshing after every change of
    a member, for the same cost at 100,000 members as at 15."""
    on = _today(on)
    coop = get_coop(db, coop_id)
    terms = [v.term for v in list_terms(db, coop_id)]
    members = count_on_register(db, coop_id, on,
                                up_to=None if count_all else law.BOARD_OPTIONAL_BELOW_MEMBERS.value)
    return RegisterCheck(on, tuple(check_register(terms, on, coop.bylaws)), tuple(terms_ending(terms, on)),
                         board_required(members), members if count_all else None)


# -- reading and writing rows -----------------------------------------------------------

_OFFICE_ORDER = {Office.CHAIR: 0, Office.DIRECTOR: 1, Office.AUDITOR: 2}


def _views(s: Session, coop_id: int) -> list[OfficerView]:
    rows = s.execute(
        select(OfficerTermRow, Member.number, Member.name)
        .outerjoin(Member, Member.id == OfficerTermRow.member_id)
        .where(OfficerTermRow.coop_id == coop_id)
    ).all()
    views = [OfficerView(r.id, OfficerTerm(
        Person(number, name) if number is not None else Person(None, r.person_name or ""),
        r.office, r.start_on, r.end_on, r.chosen_by, r.predecessor_end, r.left_on), r.note)
        for r, number, name in rows]
    return sorted(views, key=lambda v: (v.term.start, _OFFICE_ORDER[v.term.office], v.id))


def _row(s: Session, coop_id: int, term_id: int) -> OfficerTermRow:
    row = s.get(OfficerTermRow, term_id)
    if row is None or row.coop_id != coop_id:
        raise Refusal(N_("There is no officer's term number {id}."), field="id", id=term_id)
    return row


def _resolve(s: Session, coop_id: int, given: TermInput, today: dt.date,
             notice_days: int) -> tuple[int | None, OfficerTerm]:
    """The member behind a member officer, checked, and the term as the domain sees it."""
    person = Person(given.member_number, " ".join(given.name.split()) if given.member_number is None else "")
    check_person(person)
    _check_dates(given, today)
    member_id = None
    if person.member_number is not None:
        member = s.execute(select(Member).where(Member.coop_id == coop_id,
                                                Member.number == person.member_number)).scalar()
        if member is None:
            raise Refusal(N_("There is no member number {number}."), field="person", number=person.member_number)
        status = Standing(member.applied_on, member.joined_on, member.notice_on, member.leaves_on,
                          member.left_on, member.left_as, member.consented_on).status_on(given.start)
        # officers elected at the founding meeting are consenters (Act 15): members on registration
        if not (status.is_current or status is MemberStatus.CONSENTER):
            raise Refusal(
                N_("{name} (member {number}) is not a member on {date}, the first day of the term. "
                   "Enter them as someone who is not a member, or change the date."),
                field="person", name=member.name, number=member.number, date=given.start)
        member_id, person = member.id, Person(member.number, member.name)
    return member_id, OfficerTerm(person, given.office, given.start, given.end, given.chosen_by,
                                  given.predecessor_end)


def _check_dates(given: TermInput, today: dt.date) -> None:
    # A term entered years ahead is a typing mistake; the register records terms already chosen.
    limit = today + dt.timedelta(days=366)
    for value, field in ((given.start, "start"), (given.end, "end"), (given.predecessor_end, "predecessor_end")):
        if value is not None and value.year < 1900:
            raise Refusal(N_("The date {date} is before the year 1900: check the year."), field=field,
                          date=value.isoformat())
    if given.start > limit:
        raise Refusal(N_("The first day of the term, {date}, is more than a year after today ({today}): the "
                         "register holds terms already decided. Check the year."),
                      field="start", date=given.start, today=today)


def _check_note(note: str) -> None:
    check_text(note.strip(), "note", NOTE_LENGTH, multiline=True)


def _columns(term: OfficerTerm, note: str) -> dict[str, object]:
    return {"person_name": None if term.person.member_number is not None else term.person.name,
            "office": term.office, "start_on": term.start, "end_on": term.end, "chosen_by": term.chosen_by,
            "predecessor_end": term.predecessor_end, "left_on": term.left_on, "note": note.strip()}


def _audit_dict(term: OfficerTerm, note: str) -> dict[str, object]:
    return {"member_number": term.person.member_number, "name": term.person.name, "office": term.office,
            "start": term.start, "end": term.end, "chosen_by": term.chosen_by,
            "predecessor_end": term.predecessor_end, "left_on": term.left_on, "note": note.strip()}
