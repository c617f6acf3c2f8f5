"""What the election services take and give: plain, frozen values, no session behind them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coopdesk.domain.elections.contest import OFFICE_LABELS, Candidate, Contest, Method
from coopdesk.domain.elections.stages import ContestState, VotingMethod
from coopdesk.domain.officers.terms import Office

# -- what the user enters ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ContestInput:
    """One office to fill: ``seats`` of it, for a term from ``term_start`` (None: the meeting
    day) to ``term_end`` (None: the bylaws' term; for a vacancy, the predecessor's end)."""

    office: Office
    seats: int
    term_start: dt.date | None = None
    term_end: dt.date | None = None
    vacancy_of: int | None = None  # the officer term whose rest is filled (Act 35③)


@dataclass(frozen=True, slots=True)
class ElectionInput:
    """An election as called.  ``contests`` are read by ``create_election`` only: afterwards each
    contest is added, changed or removed on its own (``add_contest`` …)."""

    voting: VotingMethod = VotingMethod.SCREEN
    announced_on: dt.date | None = None  # the campaign limits apply from this day (Act 37)
    candidacy_from: dt.date | None = None
    candidacy_to: dt.date | None = None
    committee: tuple[str, ...] = ()  # the election committee's members, if there is one (Act 38)
    contests: tuple[ContestInput, ...] = ()


@dataclass(frozen=True, slots=True)
class CandidateInput:
    """A member by number, or (for auditor only) a person who is not a member, by name."""

    registered_on: dt.date
    member_number: int | None = None
    name: str = ""  # only for someone who is not a member
    birth_date: dt.date | None = None  # only for someone who is not a member (a member's is on the register)
    accepted_on: dt.date | None = None  # the candidate accepted to stand; needed before voting opens


# -- what the services give -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CandidateView:
    id: int
    key: int  # the domain's key: the member number, or minus this id for someone who is not a member
    position: int  # ballot order
    member_number: int | None
    name: str
    birth_date: dt.date | None
    registered_on: dt.date
    accepted_on: dt.date | None
    withdrawn_on: dt.date | None

    @property
    def standing(self) -> bool:
        return self.withdrawn_on is None

    @property
    def candidate(self) -> Candidate:
        return Candidate(self.key, self.name, self.birth_date)


@dataclass(frozen=True, slots=True)
class ContestView:
    id: int
    election_id: int
    position: int
    office: Office
    seats: int
    round: int
    runoff_of: int | None  # the contest whose tie this run-off breaks
    term_start: dt.date | None
    term_end: dt.date | None
    vacancy_of: int | None
    state: ContestState
    present: int | None  # members present for the vote, counted when voting closed
    candidates: tuple[CandidateView, ...]  # in ballot order, withdrawn ones included
    voted: int  # on the voter roll: ballots cast on screen, or papers handed out

    @property
    def standing(self) -> tuple[CandidateView, ...]:
        return tuple(c for c in self.candidates if c.standing)

    @property
    def contest(self) -> Contest:
        """The contest as the domain counts it: the candidates standing, in ballot order."""
        return Contest(self.office, self.seats, tuple(c.candidate for c in self.standing))

    @property
    def method(self) -> Method:
        return self.contest.method

    @property
    def label(self) -> str:
        """The office's message id (translate where shown)."""
        return OFFICE_LABELS[self.office]

    @property
    def runoff(self) -> bool:
        return self.runoff_of is not None

    def by_key(self, key: int) -> CandidateView:
        return next(c for c in self.candidates if c.key == key)


@dataclass(frozen=True, slots=True)
class ElectionView:
    id: int
    coop_id: int
    item_id: int
    meeting_id: int
    held_on: dt.date  # election day: the meeting's
    voting: VotingMethod
    announced_on: dt.date | None
    candidacy_from: dt.date | None
    candidacy_to: dt.date | None
    committee: tuple[str, ...]
    lots_seed: str | None
    contests: tuple[ContestView, ...]  # in the order held

    @property
    def decided(self) -> bool:
        """Every contest is decided: the item may close and the result fill the register."""
        return bool(self.contests) and all(c.state is ContestState.DECIDED for c in self.contests)

    @property
    def voting_contests(self) -> tuple[ContestView, ...]:
        return tuple(c for c in self.contests if c.state is ContestState.VOTING)

    def contest(self, contest_id: int) -> ContestView:
        return next(c for c in self.contests if c.id == contest_id)

    def campaign_period(self, on: dt.date) -> bool:
        """From the announcement to election day the campaign limits of Act 37 apply."""
        return self.announced_on is not None and self.announced_on <= on <= self.held_on
