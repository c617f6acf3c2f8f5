"""The chair (이사장) is elected by the general assembly from among the directors (Act 34②).

So the contest for chair comes after the directors' contest: its candidates are the
directors elected in this election and those whose term runs on after it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from coopdesk.domain import law
from coopdesk.domain.elections.contest import Contest, check_contest
from coopdesk.domain.elections.deciding import Outcome
from coopdesk.domain.errors import Refusal
from coopdesk.domain.officers.terms import Office
from coopdesk.domain.text import N_

__all__ = ["chair_eligible", "check_chair_contest"]


def chair_eligible(director_outcomes: Iterable[Outcome], continuing_directors: Iterable[int] = ()) -> frozenset[int]:
    """The keys of those who may stand for chair: directors elected now, and those continuing."""
    keys = set(continuing_directors)
    for outcome in director_outcomes:
        if outcome.contest.office is not Office.DIRECTOR:
            raise Refusal(N_("Only the result of a directors' contest makes a director."), field="candidates")
        keys.update(c.key for c in outcome.elected)
    return frozenset(keys)


def check_chair_contest(contest: Contest, eligible: Collection[int]) -> None:
    """Refuse a contest for chair whose candidates are not all directors (``eligible``: see
    ``chair_eligible``)."""
    if contest.office is not Office.CHAIR:
        raise Refusal(N_("This is not the contest for chair."), field="office")
    check_contest(contest)
    rule = law.CHAIR_FROM_DIRECTORS
    for c in contest.candidates:
        if c.key not in eligible:
            raise Refusal(N_("{name} is not a director: the chair is elected from among the directors."),
                          article=rule.ref, field="candidates", name=c.name)
