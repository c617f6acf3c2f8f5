"""The chair's contest comes after the directors': the chair is elected from among the
directors (Act 34②) — those this election has just elected and those whose term runs on.

So a chair candidate is taken, and the chair's voting opens, only once every directors'
contest of the election is decided; the chair's term ends no later than their term as
director (``register.new_term``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy.orm import Session

from coopdesk.domain import law
from coopdesk.domain.coop import BylawsSettings
from coopdesk.domain.elections.chair import chair_eligible
from coopdesk.domain.elections.deciding import Outcome
from coopdesk.domain.elections.stages import ContestState
from coopdesk.domain.errors import Refusal
from coopdesk.domain.officers.terms import Office, Person
from coopdesk.domain.text import N_
from coopdesk.services.elections.frozen import outcome_of
from coopdesk.services.elections.register import (
    RegisterAtElection,
    new_term,
    term_start,
)
from coopdesk.store.models import ContestRow, MeetingRow


def director_outcomes(contests: Sequence[ContestRow]) -> list[Outcome]:
    """The decisions of the directors' contests, every round; refused while one is undecided."""
    directors = [c for c in contests if c.office is Office.DIRECTOR]
    if any(c.state is not ContestState.DECIDED for c in directors):
        raise Refusal(N_("Decide the directors' contest first: the chair is elected from among the directors."),
                      article=law.CHAIR_FROM_DIRECTORS.ref, field="contest")
    return [outcome_of(c.outcome) for c in directors if c.outcome is not None]


def eligible_for_chair(contests: Sequence[ContestRow], register: RegisterAtElection, chair: ContestRow,
                       meeting: MeetingRow) -> frozenset[int]:
    """Member numbers of those who may stand for chair: directors elected now, and those continuing."""
    start = term_start(chair, meeting)
    return chair_eligible(director_outcomes(contests), register.continuing((Office.DIRECTOR, Office.CHAIR), start))


def elected_director_ends(s: Session, contests: Sequence[ContestRow], register: RegisterAtElection,
                          meeting: MeetingRow, bylaws: BylawsSettings) -> dict[int, dt.date]:
    """Member number -> the last day of the director's term each newly elected director will serve."""
    ends: dict[int, dt.date] = {}
    for contest in contests:
        if contest.office is not Office.DIRECTOR or contest.outcome is None:
            continue
        for c in outcome_of(contest.outcome).elected:
            if c.key > 0:
                ends[c.key] = new_term(s, register, meeting, contest, Person(c.key, c.name), bylaws).end
    return ends
