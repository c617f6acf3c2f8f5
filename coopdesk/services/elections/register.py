"""The officer register as an election finds it: who goes out, who stays on, and what the
candidates' terms would be if they were elected.

**Outgoing** officers are those this election replaces, so their terms end the day before
the new ones start (``end_term``): in an office the election fills, serving on the new
terms' first day, and

- the chair: whoever is chair then (there is one chair at a time, Act 34①);
- a director or an auditor: one whose term ends within ``OFFICER_TERM_WARNING_DAYS`` of that
  day — the terms the register warns about, for which the election is held.  An officer
  whose term runs on longer is **continuing**: a staggered board keeps them;
- the predecessor of a vacancy filled (Act 35③), if still in office.

A candidate is checked against the register as it will stand after the election, outgoing
terms ended: as if elected, the candidate's new term must pass the register's own checks
(``officers.register.check_edit``: an auditor cannot be a director, Act 44②; one chair at a
time; the chair's consecutive re-election limit, Act 35②).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from coopdesk.domain import law
from coopdesk.domain.coop import BylawsSettings
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.officers.register import check_edit
from coopdesk.domain.officers.terms import (
    ChosenBy,
    Office,
    OfficerTerm,
    Person,
    latest_end,
)
from coopdesk.domain.text import N_
from coopdesk.services.officers.terms import OfficerView, terms_in
from coopdesk.store.models import ContestRow, MeetingRow, OfficerTermRow

_DAY = dt.timedelta(days=1)
_SOON = dt.timedelta(days=law.OFFICER_TERM_WARNING_DAYS.value)


def term_start(contest: ContestRow, meeting: MeetingRow) -> dt.date:
    return contest.term_start or meeting.held_on


@dataclass(frozen=True, slots=True)
class RegisterAtElection:
    """The register, and the terms the election's contests end (``outgoing``, by term id)."""

    views: tuple[OfficerView, ...]
    starts: dict[Office, dt.date]  # the first day of the new terms, by office the election fills
    outgoing: dict[int, dt.date]  # term id -> the last day in office

    def terms(self) -> list[OfficerTerm]:
        """The terms as they will stand: the outgoing ones ended."""
        return [replace(v.term, left_on=self.outgoing[v.id]) if v.id in self.outgoing else v.term
                for v in self.views]

    def continuing(self, offices: Iterable[Office], on: dt.date) -> frozenset[int]:
        """Member numbers of officers in these offices still in office on ``on``, after the election."""
        wanted = set(offices)
        return frozenset(t.person.member_number for t in self.terms()
                         if t.office in wanted and t.serves_on(on) and t.person.member_number is not None)

    def director_term_of(self, number: int, on: dt.date) -> OfficerTerm | None:
        """The director's term of member ``number`` running on ``on``, after the election."""
        return next((t for t in self.terms() if t.person.member_number == number and t.serves_on(on)
                     and t.office is Office.DIRECTOR), None)


def register_at(s: Session, coop_id: int, meeting: MeetingRow, contests: Sequence[ContestRow]) -> RegisterAtElection:
    views = tuple(terms_in(s, coop_id))
    starts: dict[Office, dt.date] = {}
    for c in contests:
        starts.setdefault(c.office, term_start(c, meeting))
    outgoing = {v.id: starts[v.term.office] - _DAY for v in views if _outgoing(v.term, starts)}
    for c in contests:
        v = next((v for v in views if v.id == c.vacancy_of), None)
        start = term_start(c, meeting)
        if v is not None and v.term.start < start <= v.term.last_day:
            outgoing[v.id] = start - _DAY
    return RegisterAtElection(views, starts, outgoing)


def _outgoing(term: OfficerTerm, starts: dict[Office, dt.date]) -> bool:
    start = starts.get(term.office)
    if start is None or not term.start < start <= term.last_day:
        return False
    return term.office is Office.CHAIR or term.end <= start + _SOON


# -- a candidate's term, as if elected ------------------------------------------------------------

def chosen_by(meeting: MeetingRow, contest: ContestRow) -> ChosenBy:
    if contest.vacancy_of is not None:
        return ChosenBy.VACANCY
    return ChosenBy.FOUNDING if meeting.kind is MeetingKind.FOUNDING else ChosenBy.ELECTED


def new_term(s: Session, register: RegisterAtElection, meeting: MeetingRow, contest: ContestRow, person: Person,
             bylaws: BylawsSettings, elected_directors: dict[int, dt.date] | None = None) -> OfficerTerm:
    """The term ``person`` would serve if elected in ``contest``.  Its last day: as the contest
    says; else a vacancy's predecessor's; else the bylaws' term — and a chair's never past their
    term as director (``elected_directors``: member number -> last day, of directors elected now)."""
    start = term_start(contest, meeting)
    predecessor_end = _predecessor_end(s, contest)
    end = contest.term_end or predecessor_end or latest_end(start, bylaws.officer_term_years)
    if contest.term_end is None and contest.office is Office.CHAIR and person.member_number is not None:
        as_director = (elected_directors or {}).get(person.member_number)
        running = register.director_term_of(person.member_number, start)
        for last in (as_director, running.last_day if running else None):
            if last is not None and start <= last < end:
                end = last
    return OfficerTerm(person, contest.office, start, end, chosen_by(meeting, contest), predecessor_end)


def _predecessor_end(s: Session, contest: ContestRow) -> dt.date | None:
    if contest.vacancy_of is None:
        return None
    row = s.get(OfficerTermRow, contest.vacancy_of)
    return None if row is None else row.end_on


def check_as_elected(register: RegisterAtElection, term: OfficerTerm, bylaws: BylawsSettings) -> None:
    """Refuse a candidate whose term, if elected, the register could not hold (with the article)."""
    check_edit(register.terms(), term, bylaws)


def check_vacancy(s: Session, coop_id: int, office: Office, term_id: int | None) -> None:
    """A vacancy is filled in the office the predecessor held."""
    if term_id is None:
        return
    row = s.get(OfficerTermRow, term_id)
    if row is None or row.coop_id != coop_id:
        raise Refusal(N_("There is no officer's term number {id}."), field="vacancy_of", id=term_id)
    if row.office is not office:
        raise Refusal(N_("Term {id} is of another office: a vacancy is filled in the office the officer who "
                         "left held."), field="vacancy_of", id=term_id)
