"""What the election papers print, as plain values the services fill in.

One module of frozen dataclasses, no behaviour but a few derived properties.  Names and
free texts arrive in the co-op's own words (what the secretary typed); everything else is
a code or a domain value (``Office``, ``Method``, ``AppliedRule`` …) that the documents turn
into words in the language chosen for each print.

- ``ElectionFacts``: the election as called — for the announcement (선거 공고) and the
  ballot papers (투표용지).
- ``ResultPaper``: the count and who is elected — for the result announcement (당선 공고)
  and the minutes' election section (``wording``).
- ``OfficerListPaper``: the officers in office after the election — for the officer list
  (임원 명부) filed with the change registration.

Where they come from (for the services): a ``ContestLine`` is one ``election_contest`` row
with its candidates in ballot order; a ``ContestResult`` is the domain ``Outcome`` of that
contest (its ``ranking``, ``rules``, ``tie_breaks``, ``pending``, ``summary``) with the
contest's ``Tally`` (ballots, blank, invalid).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from coopdesk.domain.coop import ElectionMajority, TieRule
from coopdesk.domain.elections.contest import Candidate, Contest, Method
from coopdesk.domain.elections.deciding import AppliedRule, TieBreak
from coopdesk.domain.meetings.papers import MeetingFacts
from coopdesk.domain.officers.terms import Office
from coopdesk.domain.text import N_, Explanation

__all__ = [
    "CandidateLine", "CandidateResult", "ContestLine", "ContestResult", "ElectionFacts", "OfficerLine",
    "OfficerListPaper", "OfficerStatus", "ResultPaper",
]


# -- the election as called --------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class CandidateLine:
    """A candidate as the ballot paper and the announcement name them."""

    name: str
    member_number: int | None = None  # None: not a member (an auditor, where the bylaws allow)


@dataclass(frozen=True, slots=True)
class ContestLine:
    """One office to fill.  ``round`` 2, 3 … is a run-off between those tied in the round
    before, for the seats left (``seats``)."""

    office: Office
    seats: int
    candidates: tuple[CandidateLine, ...] = ()  # in ballot order; none yet before candidacy closes
    round: int = 1
    term_start: dt.date | None = None  # None: from the day of the meeting
    term_end: dt.date | None = None  # None: not printed (the bylaws' term from the start)
    vacancy: bool = False  # elected for the rest of a predecessor's term (Act 35③)

    @property
    def method(self) -> Method:
        """How voters mark the paper: the domain's rule (``Contest.method``), from the count of
        candidates against seats."""
        keys = tuple(Candidate(n, c.name) for n, c in enumerate(self.candidates, start=1))
        return Contest(self.office, self.seats, keys).method

    @property
    def runoff(self) -> bool:
        return self.round > 1


@dataclass(frozen=True, slots=True)
class ElectionFacts:
    """An officer election (임원 선거): one agenda item of ``meeting``, whose date, time and place
    are election day's.  ``convener`` signs the announcement (the chair, or the founders'
    representative at a founding meeting)."""

    meeting: MeetingFacts
    contests: tuple[ContestLine, ...]
    main_office: str
    convener: str
    announced_on: dt.date | None = None
    candidacy_from: dt.date | None = None
    candidacy_to: dt.date | None = None
    committee: tuple[str, ...] = ()  # the election committee's members (Act 38: optional)
    on_paper: bool = False  # paper ballots counted by two tellers; False: secret ballot on the laptop
    majority: ElectionMajority = ElectionMajority.OF_PRESENT  # the bylaws settings, stated in the notice
    tie_rule: TieRule = TieRule.RUNOFF_THEN_OLDER
    eligibility: str = ""  # the bylaws' own words on who may stand, printed as given


# -- the result ----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class CandidateResult:
    """One candidate's line: the domain's ``Standing``, with the member number."""

    name: str
    votes: int  # a yes-or-no vote: the yes
    elected: bool
    against: int | None = None  # a yes-or-no vote: the no; None in a choice among candidates
    member_number: int | None = None


@dataclass(frozen=True, slots=True)
class ContestResult:
    """The count and the decision of one contest (one round)."""

    office: Office
    seats: int
    candidates: tuple[CandidateResult, ...]  # most votes first, as ``Outcome.ranking``
    ballots: int  # every ballot cast, blank and invalid included
    blank: int = 0
    invalid: int = 0
    round: int = 1
    rules: tuple[AppliedRule, ...] = ()  # ``Outcome.rules``: each with its article or bylaws setting
    tie_breaks: tuple[TieBreak, ...] = ()  # ``Outcome.tie_breaks``: the steps taken, seed included
    pending: TieBreak | None = None  # a run-off or a draw still to come
    unfilled: int = 0  # seats no candidate could fill
    summary: Explanation | None = None  # ``Outcome.summary``

    @property
    def method(self) -> Method:
        """A yes-or-no vote has votes against for every candidate."""
        if self.candidates and all(c.against is not None for c in self.candidates):
            return Method.APPROVAL
        return Method.PLURALITY

    @property
    def elected(self) -> tuple[CandidateResult, ...]:
        return tuple(c for c in self.candidates if c.elected)

    @property
    def runoff(self) -> bool:
        return self.round > 1


@dataclass(frozen=True, slots=True)
class ResultPaper:
    """The result of an election, announced on ``announced_on`` and signed by ``convener``."""

    meeting: MeetingFacts
    contests: tuple[ContestResult, ...]  # in the order held: directors, their run-off, auditors, chair
    present: int  # members present for the vote, in person and by proxy
    convener: str
    announced_on: dt.date
    committee: tuple[str, ...] = ()


# -- the officers after the election ---------------------------------------------------------------

class OfficerStatus(Enum):
    """How the officer came to be on the list, as the change registration asks."""

    NEW = "new"  # 신임: elected now, not in this office before
    REELECTED = "reelected"  # 중임: elected now, in this office until now
    CONTINUING = "continuing"  # 유임: a term that runs on, not part of this election


OFFICER_STATUS_LABELS = {
    OfficerStatus.NEW: N_("New"),
    OfficerStatus.REELECTED: N_("Re-elected"),
    OfficerStatus.CONTINUING: N_("Continuing"),
}


@dataclass(frozen=True, slots=True)
class OfficerLine:
    office: Office
    name: str
    term_start: dt.date
    term_end: dt.date
    status: OfficerStatus
    birth_date: dt.date | None = None
    address: str = ""
    member_number: int | None = None  # None: an officer who is not a member


@dataclass(frozen=True, slots=True)
class OfficerListPaper:
    """The officers in office on ``as_of`` (임원 명부), certified by ``certifier`` (the chair).
    ``meeting``: the meeting that elected them, named in the certificate; None: not stated."""

    coop_name: str
    main_office: str
    as_of: dt.date
    officers: tuple[OfficerLine, ...]  # printed chair first, then directors, then auditors
    certifier: str
    meeting: MeetingFacts | None = None
    audit_mark: str = ""
