"""What an election's result changes: the officer register, when its agenda item closes.

Closing the item (``meetings.votes.close_item``) takes the election's result, in the same
transaction: the terms of the outgoing officers in each office someone was elected to end
the day before the new terms start (``register``), and each officer elected gets a term —
from the contest's first day (the meeting day unless it says otherwise) to the contest's
last day, a vacancy's predecessor's, or the bylaws' term (a chair's never past their term as
director).  Each term passes the register's own checks as it is added, and each change has
its audit entry (``officer.add``, ``officer.end``) as if entered by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from coopdesk.domain.coop import BylawsSettings
from coopdesk.domain.elections.stages import DECIDED_BY_ELECTION, ContestState
from coopdesk.domain.errors import Refusal
from coopdesk.domain.officers.terms import Office, Person
from coopdesk.domain.text import N_, Explanation
from coopdesk.services import audit
from coopdesk.services.coops import bylaws_from_dict, bylaws_in_force
from coopdesk.services.elections.calling import get_election
from coopdesk.services.elections.chair import elected_director_ends
from coopdesk.services.elections.frozen import outcome_of
from coopdesk.services.elections.register import (
    RegisterAtElection,
    new_term,
    register_at,
)
from coopdesk.services.elections.rows import (
    contest_rows,
    contest_view,
    election_of_item,
)
from coopdesk.services.elections.views import CandidateView
from coopdesk.services.officers.terms import (
    RegisterCheck,
    TermInput,
    add_term_in,
    end_term_in,
    register_check,
)
from coopdesk.store.database import Database
from coopdesk.store.models import AgendaItemRow, ContestRow, ElectionRow, MeetingRow

_ORDER = {Office.DIRECTOR: 0, Office.AUDITOR: 1, Office.CHAIR: 2}  # the chair is a director first


@dataclass(frozen=True, slots=True)
class ElectionDecision:
    elected: int
    seats: int  # of the first round of each office (a run-off fills seats already counted)

    @property
    def passed(self) -> bool:
        return self.elected > 0

    @property
    def explanation(self) -> Explanation:
        return Explanation(DECIDED_BY_ELECTION, (("elected", self.elected), ("seats", self.seats)))


def election_decision(s: Session, election: ElectionRow) -> ElectionDecision:
    """How many the election elected, for how many seats; refused while a contest is undecided."""
    contests = contest_rows(s, election.id)
    if not contests:
        raise Refusal(N_("The election has no contest: add the offices to fill, or remove the election."),
                      field="item")
    open_ = [c for c in contests if c.state is not ContestState.DECIDED]
    if open_:
        raise Refusal(N_("Decide every contest of the election before closing the item: {count} not decided "
                         "yet."), field="item", count=len(open_))
    elected = sum(len(outcome_of(c.outcome).elected) for c in contests if c.outcome is not None)
    return ElectionDecision(elected, sum(c.seats for c in contests if c.runoff_of is None))


def apply_election(s: Session, coop_id: int, meeting: MeetingRow, item: AgendaItemRow) -> None:
    """The result on the officer register: outgoing terms ended, the elected's terms added."""
    election = election_of_item(s, item.id)
    if election is None:
        return
    contests = contest_rows(s, election.id)
    bylaws = bylaws_from_dict(bylaws_in_force(s, coop_id, meeting.held_on).settings)
    register = register_at(s, coop_id, meeting, contests)
    elected = {c.id: outcome_of(c.outcome).elected for c in contests if c.outcome is not None}
    filled = {c.office for c in contests if elected.get(c.id)}
    ended = [(term_id, last) for term_id, last in sorted(register.outgoing.items())
             if next(v for v in register.views if v.id == term_id).term.office in filled]
    for term_id, last in ended:
        end_term_in(s, coop_id, term_id, last, "", bylaws)
    directors = elected_director_ends(s, contests, register, meeting, bylaws)
    added = []
    for contest in sorted(contests, key=lambda c: (_ORDER[c.office], c.position)):
        view = contest_view(s, contest)
        for c in elected.get(contest.id, ()):
            added.append(_add(s, coop_id, register, meeting, contest, view.by_key(c.key), bylaws, directors))
    audit.record(s, coop_id=coop_id, action="election.apply", entity="election", key=election.id,
                 after={"item": item.id, "ended": [t for t, _ in ended], "added": added})


def _add(s: Session, coop_id: int, register: RegisterAtElection, meeting: MeetingRow, contest: ContestRow,
         candidate: CandidateView, bylaws: BylawsSettings, directors: dict[int, dt.date]) -> int:
    person = Person(candidate.member_number, candidate.name)
    term = new_term(s, register, meeting, contest, person, bylaws, directors)
    given = TermInput(contest.office, term.start, term.end, member_number=candidate.member_number,
                      name="" if candidate.member_number is not None else candidate.name,
                      chosen_by=term.chosen_by, predecessor_end=term.predecessor_end)
    return add_term_in(s, coop_id, given, bylaws, max(dt.date.today(), term.start))


def officers_after(db: Database, coop_id: int, election_id: int) -> RegisterCheck:
    """The register check on the first day of the new terms: what the Act and bylaws say of it."""
    election = get_election(db, coop_id, election_id)
    starts = [c.term_start or election.held_on for c in election.contests]
    return register_check(db, coop_id, min(starts, default=election.held_on))
