"""One contest of an officer election (선거): an office, its seats and its candidates.

A candidate's ``key`` says who the person is across the contests of one election (the
member number, or the store's id of a non-member): the same person has the same key as a
director candidate and as a chair candidate, which is how the checks below find a person
standing for two offices.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import Enum

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.fields import NAME_LENGTH, check_date, check_text
from coopdesk.domain.officers.terms import OFFICE_LABELS, Office
from coopdesk.domain.text import N_

__all__ = ["Candidate", "Contest", "Method", "Office", "check_contest", "check_election"]


class Method(Enum):
    """How voters mark a ballot, which follows from the number of candidates."""

    APPROVAL = "approval"  # 찬반투표: candidates ≤ seats, each marked yes or no
    PLURALITY = "plurality"  # 다수득표: candidates > seats, each voter marks up to ``seats``


METHOD_LABELS = {
    Method.APPROVAL: N_("Yes-or-no vote on each candidate"),
    Method.PLURALITY: N_("Choice among the candidates"),
}


@dataclass(frozen=True, slots=True)
class Candidate:
    key: int  # the same person has the same key in every contest of one election
    name: str
    birth_date: dt.date | None = None  # decides a tie under the "older candidate" rule


@dataclass(frozen=True, slots=True)
class Contest:
    """One office to fill: ``seats`` of it, among ``candidates`` (in ballot order)."""

    office: Office
    seats: int
    candidates: tuple[Candidate, ...]

    @property
    def method(self) -> Method:
        return Method.APPROVAL if len(self.candidates) <= self.seats else Method.PLURALITY

    @property
    def keys(self) -> tuple[int, ...]:
        return tuple(c.key for c in self.candidates)

    def candidate(self, key: int) -> Candidate:
        for c in self.candidates:
            if c.key == key:
                return c
        raise Refusal(N_("That person is not a candidate in this contest."), field="candidates")

    @property
    def label(self) -> str:
        return OFFICE_LABELS[self.office]


def check_contest(contest: Contest) -> None:
    """Refuse a contest that cannot be voted on: no seat, no candidate, a candidate twice."""
    if contest.seats < 1:
        raise Refusal(N_("A contest fills at least one seat."), field="seats")
    if contest.office is Office.CHAIR and contest.seats != law.CHAIR_SEATS.value:
        raise Refusal(N_("The co-op has one chair: the contest for chair fills one seat."),
                      article=law.CHAIR_SEATS.ref, field="seats")
    if not contest.candidates:
        raise Refusal(N_("A contest needs at least one candidate."), field="candidates")
    seen: set[int] = set()
    for c in contest.candidates:
        if c.key in seen:
            raise Refusal(N_("{name} is a candidate twice in the same contest."), field="candidates",
                          name=c.name)
        seen.add(c.key)
        if not c.name.strip():
            raise Refusal(N_("A candidate needs a name."), field="name")
        check_text(c.name, "name", NAME_LENGTH)
        check_date(c.birth_date, "birth_date")


def check_election(
    contests: Iterable[Contest],
    *,
    continuing_directors: Collection[int] = (),
    continuing_auditors: Collection[int] = (),
) -> None:
    """Refuse the contests of one election if a person stands for director and auditor, or
    for one while holding the other past this election (Act 44②: an auditor cannot be a
    director).  ``continuing_*``: the keys of officers whose term runs on after the election."""
    contests = tuple(contests)
    for contest in contests:
        check_contest(contest)
    rule = law.AUDITOR_NOT_DIRECTOR
    directors = {c.key: c for k in contests if k.office is Office.DIRECTOR for c in k.candidates}
    for contest in contests:
        if contest.office is not Office.AUDITOR:
            continue
        for c in contest.candidates:
            if c.key in directors:
                raise Refusal(N_("{name} stands for director and for auditor: an auditor cannot be a director."),
                              article=rule.ref, field="candidates", name=c.name)
            if c.key in continuing_directors:
                raise Refusal(N_("{name} is a director whose term runs on: an auditor cannot be a director."),
                              article=rule.ref, field="candidates", name=c.name)
    for c in directors.values():
        if c.key in continuing_auditors:
            raise Refusal(N_("{name} is an auditor whose term runs on: an auditor cannot be a director."),
                          article=rule.ref, field="candidates", name=c.name)
