"""One voter's ballot (투표지) in one contest, and whether it counts.

Each voter casts one ballot in each contest, whatever their shares (Act 23①); a proxy
holder casts a second one for the member they represent (Act 23③).

- In a choice among candidates (``Method.PLURALITY``) the ballot marks at most ``seats``
  candidates.  Marking more is refused on screen and makes a paper ballot invalid (무효).
- In a yes-or-no vote (``Method.APPROVAL``) each candidate is marked yes, no, or not at all.
  Marking a candidate both yes and no is refused on screen and invalid on paper.
- A ballot with no mark at all is blank (백지): it is valid and counted, so it weighs against
  every candidate where the majority counts valid ballots or those present.
- A paper ballot the tellers find unreadable or marked outside the rules is ``spoilt``:
  invalid, whatever its marks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from coopdesk.domain.elections.contest import Contest, Method
from coopdesk.domain.errors import Refusal
from coopdesk.domain.text import N_

__all__ = ["Ballot", "BallotState", "ballot_problem", "ballot_state", "check_ballot"]


class BallotState(Enum):
    MARKED = "marked"  # 유효: marks someone, by the rules
    BLANK = "blank"  # 백지: valid too, marks no one
    INVALID = "invalid"  # 무효: left out of the valid ballots, still a ballot cast


@dataclass(frozen=True, slots=True)
class Ballot:
    """The marks of one voter in one contest, by candidate key."""

    marked: frozenset[int] = frozenset()  # a choice among candidates: those chosen
    yes: frozenset[int] = frozenset()  # a yes-or-no vote: those marked yes
    no: frozenset[int] = frozenset()  # ... and those marked no
    spoilt: bool = False  # a paper ballot the tellers found invalid

    @classmethod
    def choice(cls, keys: Iterable[int]) -> Ballot:
        return cls(marked=frozenset(keys))

    @classmethod
    def yes_no(cls, yes: Iterable[int] = (), no: Iterable[int] = ()) -> Ballot:
        return cls(yes=frozenset(yes), no=frozenset(no))

    @property
    def is_blank(self) -> bool:
        return not (self.marked or self.yes or self.no)


def ballot_problem(contest: Contest, ballot: Ballot) -> Refusal | None:
    """What is wrong with the marks of a ballot, or None.  A spoilt flag is the tellers'
    judgment, not a problem of the marks."""
    if contest.method is Method.PLURALITY:
        if ballot.yes or ballot.no:
            return Refusal(N_("Mark the candidates you choose; this contest has no yes or no."), field="marked")
        if len(ballot.marked) > contest.seats:
            return Refusal(N_("Mark at most {seats} candidates; this ballot marks {marked}."), field="marked",
                           seats=contest.seats, marked=len(ballot.marked))
    else:
        if ballot.marked:
            return Refusal(N_("Mark yes or no for each candidate."), field="marked")
        if ballot.yes & ballot.no:
            return Refusal(N_("A candidate is marked both yes and no."), field="marked")
    if not (ballot.marked | ballot.yes | ballot.no) <= set(contest.keys):
        return Refusal(N_("A mark is for someone who is not a candidate in this contest."), field="marked")
    return None


def check_ballot(contest: Contest, ballot: Ballot) -> None:
    """Refuse a ballot entered on screen whose marks break the rules."""
    problem = ballot_problem(contest, ballot)
    if problem is not None:
        raise problem


def ballot_state(contest: Contest, ballot: Ballot) -> BallotState:
    """How a ballot is counted: invalid if spoilt or wrongly marked, blank if unmarked."""
    if ballot.spoilt or ballot_problem(contest, ballot) is not None:
        return BallotState.INVALID
    return BallotState.BLANK if ballot.is_blank else BallotState.MARKED
