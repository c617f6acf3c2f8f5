"""Candidates (후보자): registered, accepted, withdrawn — checked before anyone votes.

A candidate is a member on the register of election day, or, for auditor only, a person who
is not a member.  Before the vote each candidate meets every rule that could otherwise stop
them taking office after it (``register``): standing for director and auditor at once, or
holding one office while standing for the other (Act 44②); the chair from among the
directors (Act 34②); the chair's consecutive re-election limit (Act 35②); the officer
register's own checks.  Candidates change only while the contest is open; voting freezes them.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopdesk.domain import law
from coopdesk.domain.coop import BylawsSettings
from coopdesk.domain.elections.chair import check_chair_contest
from coopdesk.domain.elections.contest import Candidate, Contest, check_election
from coopdesk.domain.elections.stages import ContestState
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.rules import Register, rules_for
from coopdesk.domain.fields import NAME_LENGTH, check_date, check_text
from coopdesk.domain.officers.terms import Office, Person
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.coops import bylaws_from_dict, bylaws_in_force
from coopdesk.services.elections.chair import elected_director_ends, eligible_for_chair
from coopdesk.services.elections.frozen import outcome_of
from coopdesk.services.elections.register import (
    RegisterAtElection,
    check_as_elected,
    new_term,
    register_at,
    term_start,
)
from coopdesk.services.elections.rows import (
    contest_row,
    contest_rows,
    contest_view,
    domain_contest,
    open_item_of,
)
from coopdesk.services.elections.views import CandidateInput, ContestView
from coopdesk.services.meetings.register import members_on_register
from coopdesk.services.races import raced
from coopdesk.store.database import Database
from coopdesk.store.models import (
    CandidateRow,
    ContestRow,
    ElectionRow,
    MeetingRow,
    Member,
)

ALREADY_CANDIDATE = N_("This member is already a candidate in this contest.")


def add_candidate(db: Database, coop_id: int, contest_id: int, given: CandidateInput) -> ContestView:
    """A candidate at the end of the ballot, refused if any rule would keep them from office."""
    with raced(ALREADY_CANDIDATE, field="member"), db.write() as s:
        contest, election = contest_row(s, coop_id, contest_id, lock=True)
        _, meeting = open_item_of(s, coop_id, election)
        _check_changeable(contest)
        person, member = _person(s, coop_id, meeting, contest, given)
        _check_dates(election, meeting, contest, given)
        candidate = Candidate(member.number if member else 0, person.label,
                              member.birth_date if member else given.birth_date)
        _check_rules(s, coop_id, election, meeting, contest, candidate, person)
        last = s.execute(select(func.max(CandidateRow.position)).where(CandidateRow.contest_id == contest.id)).scalar()
        row = CandidateRow(contest_id=contest.id, position=(last or 0) + 1, member_id=member.id if member else None,
                           name=person.label, birth_date=candidate.birth_date, registered_on=given.registered_on,
                           accepted_on=given.accepted_on, withdrawn_on=None)
        s.add(row)
        s.flush()
        audit.record(s, coop_id=coop_id, action="election.candidate", entity="election", key=election.id,
                     after={"contest": contest.id, "candidate": row.id, "member_number": person.member_number,
                            "name": row.name, "registered_on": row.registered_on, "accepted_on": row.accepted_on})
        return contest_view(s, contest)


def accept_candidacy(db: Database, coop_id: int, candidate_id: int, on: dt.date) -> ContestView:
    """The candidate accepted to stand (needed before voting opens)."""
    check_date(on, "accepted_on")
    with db.write() as s:
        row, contest, election = _candidate(s, coop_id, candidate_id)
        _, meeting = open_item_of(s, coop_id, election)
        _check_changeable(contest)
        if on < row.registered_on or on > meeting.held_on:
            raise Refusal(N_("A candidacy is accepted between its registration, {registered_on}, and election "
                             "day, {held_on}."), field="accepted_on", registered_on=row.registered_on,
                          held_on=meeting.held_on)
        row.accepted_on = on
        audit.record(s, coop_id=coop_id, action="election.candidate_accept", entity="election", key=election.id,
                     after={"contest": contest.id, "candidate": row.id, "accepted_on": on})
        return contest_view(s, contest)


def withdraw_candidate(db: Database, coop_id: int, candidate_id: int, on: dt.date) -> ContestView:
    """The candidate withdraws (사퇴): kept on record, off the ballot."""
    check_date(on, "withdrawn_on")
    with db.write() as s:
        row, contest, election = _candidate(s, coop_id, candidate_id)
        open_item_of(s, coop_id, election)
        _check_changeable(contest)
        if row.withdrawn_on is not None:
            raise Refusal(N_("This candidate has already withdrawn."), field="candidate")
        if on < row.registered_on:
            raise Refusal(N_("A candidate withdraws after registering, on {registered_on}."), field="withdrawn_on",
                          registered_on=row.registered_on)
        row.withdrawn_on = on
        audit.record(s, coop_id=coop_id, action="election.candidate_withdraw", entity="election", key=election.id,
                     after={"contest": contest.id, "candidate": row.id, "withdrawn_on": on})
        return contest_view(s, contest)


# -- checks ------------------------------------------------------------------------------------------

def _candidate(s: Session, coop_id: int, candidate_id: int) -> tuple[CandidateRow, ContestRow, ElectionRow]:
    row = s.get(CandidateRow, candidate_id)
    if row is None:
        raise Refusal(N_("There is no candidate number {id}."), field="candidate", id=candidate_id)
    try:
        contest, election = contest_row(s, coop_id, row.contest_id, lock=True)
    except Refusal:
        raise Refusal(N_("There is no candidate number {id}."), field="candidate", id=candidate_id) from None
    return row, contest, election


def _check_changeable(contest: ContestRow) -> None:
    if contest.state is not ContestState.OPEN:
        raise Refusal(N_("Voting has opened in this contest: its candidates are fixed."), field="contest")
    if contest.runoff_of is not None:
        raise Refusal(N_("A run-off round is between the candidates tied in the round before: no one else stands."),
                      field="contest")


def _person(s: Session, coop_id: int, meeting: MeetingRow, contest: ContestRow,
            given: CandidateInput) -> tuple[Person, Member | None]:
    if given.member_number is None:
        if contest.office is not Office.AUDITOR:
            raise Refusal(N_("A director is elected from among the members: choose a member."), field="member")
        if rules_for(meeting.kind).register is Register.CONSENTERS:  # Act 15: the founding meeting's own
            raise Refusal(N_("The founding meeting elects its officers from among the consenters: choose a "
                             "consenter."), article=law.FOUNDING_QUORUM.ref, field="member")
        name = " ".join(given.name.split())
        if not name:
            raise Refusal(N_("Choose a member or give the candidate's name."), field="name")
        check_text(name, "name", NAME_LENGTH)
        check_date(given.birth_date, "birth_date")
        return Person(None, name), None
    found = members_on_register(s, meeting, (given.member_number,))
    if given.member_number not in found:
        member = s.execute(select(Member).where(Member.coop_id == coop_id,
                                                Member.number == given.member_number)).scalar()
        if member is None:
            raise Refusal(N_("There is no member number {number}."), field="member", number=given.member_number)
        raise Refusal(N_("Member {number} {name} is not on the register on election day, {held_on}."),
                      field="member", number=member.number, name=member.name, held_on=meeting.held_on)
    member = s.get(Member, found[given.member_number][0])
    assert member is not None
    return Person(member.number, member.name), member


def _check_dates(election: ElectionRow, meeting: MeetingRow, contest: ContestRow, given: CandidateInput) -> None:
    check_date(given.registered_on, "registered_on")
    check_date(given.accepted_on, "accepted_on")
    if given.registered_on > meeting.held_on:
        raise Refusal(N_("This date is after election day, {held_on}."), field="registered_on",
                      held_on=meeting.held_on)
    low, high = election.candidacy_from, election.candidacy_to
    if _on_the_day(contest):  # its candidates are known only once the contests before it are decided
        high = None
    if (low and given.registered_on < low) or (high and given.registered_on > high):
        raise Refusal(N_("Candidates register while candidacy is open: from {start} to {end}."),
                      field="registered_on", start=low or high, end=high or meeting.held_on)
    if given.accepted_on is not None and not given.registered_on <= given.accepted_on <= meeting.held_on:
        raise Refusal(N_("A candidacy is accepted between its registration, {registered_on}, and election "
                         "day, {held_on}."), field="accepted_on", registered_on=given.registered_on,
                      held_on=meeting.held_on)


def _on_the_day(contest: ContestRow) -> bool:
    """The chair, chosen from among the directors just elected (Act 34②), and a later round for the
    seats an earlier one left unfilled take their candidates on election day, after candidacy closed."""
    return contest.office is Office.CHAIR or contest.round > 1


def _check_rules(s: Session, coop_id: int, election: ElectionRow, meeting: MeetingRow, contest: ContestRow,
                 candidate: Candidate, person: Person) -> None:
    """The domain's checks of the election with this candidate in, then the register's as if elected."""
    contests = contest_rows(s, election.id)
    bylaws = bylaws_from_dict(bylaws_in_force(s, coop_id, meeting.held_on).settings)
    register = register_at(s, coop_id, meeting, contests)
    domain = {c.id: domain_contest(s, c) for c in contests}
    mine = domain[contest.id]
    if candidate.key and candidate.key in mine.keys:
        raise Refusal(ALREADY_CANDIDATE, field="member")
    _check_not_elected_already(contests, contest, candidate)
    key = candidate.key or -(1 + max((abs(k) for c in domain.values() for k in c.keys), default=0))
    domain[contest.id] = Contest(mine.office, mine.seats, (*mine.candidates, Candidate(key, candidate.name,
                                                                                        candidate.birth_date)))
    start = term_start(contest, meeting)
    check_election([c for c in domain.values() if c.candidates],
                   continuing_directors=register.continuing((Office.DIRECTOR, Office.CHAIR), start),
                   continuing_auditors=register.continuing((Office.AUDITOR,), start))
    directors: dict[int, dt.date] = {}
    if contest.office is Office.CHAIR:
        check_chair_contest(domain[contest.id], eligible_for_chair(contests, register, contest, meeting))
        directors = elected_director_ends(s, contests, register, meeting, bylaws)
    _check_register(s, register, meeting, contest, person, bylaws, directors)


def _check_not_elected_already(contests: list[ContestRow], contest: ContestRow, candidate: Candidate) -> None:
    """A later round fills the seats an earlier one left: whoever that round elected holds a seat already."""
    for other in contests:
        if other.id == contest.id or other.office is not contest.office or other.outcome is None:
            continue
        for elected in outcome_of(other.outcome).elected:
            same = elected.key == candidate.key if candidate.key else \
                (elected.key < 0 and elected.name == candidate.name and elected.birth_date == candidate.birth_date)
            if same:
                raise Refusal(N_("{name} was elected in round {round} for this office: they already hold one of "
                                 "its seats."), field="member", name=candidate.name, round=other.round)


def _check_register(s: Session, register: RegisterAtElection, meeting: MeetingRow, contest: ContestRow,
                    person: Person, bylaws: BylawsSettings, directors: dict[int, dt.date]) -> None:
    check_as_elected(register, new_term(s, register, meeting, contest, person, bylaws, directors), bylaws)
