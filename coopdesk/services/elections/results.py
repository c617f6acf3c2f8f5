"""The result of an election (선거 결과), as every screen, paper and ``--json`` shows it.

Plain values: for each contest (each round), the count, and once decided the domain's
``Outcome`` as it was frozen — the ranking with each candidate's votes (and votes against),
who is elected, every rule applied with its article or bylaws setting, and each tie-break
step with its seed.  Nothing in it is a sentence to parse: words are made where shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.domain.elections.counting import Tally
from coopdesk.domain.elections.deciding import Outcome, TieBreak
from coopdesk.domain.elections.stages import ContestState
from coopdesk.domain.officers.terms import Office
from coopdesk.domain.text import Explanation
from coopdesk.services.elections.frozen import outcome_of, tally_of
from coopdesk.services.elections.rows import contest_view, election_row, election_view
from coopdesk.services.elections.views import CandidateView, ContestView, ElectionView
from coopdesk.store.database import Database
from coopdesk.store.models import ContestRow


@dataclass(frozen=True, slots=True)
class ContestResult:
    contest: ContestView
    tally: Tally | None  # once counted
    outcome: Outcome | None  # once decided (or pending a run-off or lots)
    runoff_id: int | None = None  # the run-off round that breaks this contest's tie

    @property
    def decided(self) -> bool:
        return self.contest.state is ContestState.DECIDED

    @property
    def pending(self) -> TieBreak | None:
        return None if self.outcome is None else self.outcome.pending

    @property
    def elected(self) -> tuple[CandidateView, ...]:
        """Elected in this round, in the order of the ranking."""
        if self.outcome is None:
            return ()
        return tuple(self.contest.by_key(c.key) for c in self.outcome.elected)

    def as_json(self) -> dict[str, Any]:
        c, o, t = self.contest, self.outcome, self.tally
        return {
            "contest": c.id, "office": c.office.value, "seats": c.seats, "round": c.round, "runoff_of": c.runoff_of,
            "runoff": self.runoff_id, "state": c.state.value, "method": c.method.value, "present": c.present,
            "voted": c.voted, "ballots": t.ballots if t else None, "blank": t.blank if t else None,
            "invalid": t.invalid if t else None, "valid": t.valid if t else None,
            "candidates": _candidates_json(c, t, o),
            "elected": [_who(x) for x in self.elected],
            "unfilled": o.unfilled if o else None,
            "pending": _tie_json(c, o.pending) if o and o.pending else None,
            "tie_breaks": [_tie_json(c, b) for b in o.tie_breaks] if o else [],
            "rules": [{"rule": r.explanation.english(), "rule_id": r.explanation.message,
                       "params": r.explanation.kwargs, "article": r.ref.label("en") if r.ref else None,
                       "setting": r.setting} for r in o.rules] if o else [],
            "summary": o.summary.english() if o else None,
            "majority": o.majority.value if o else None, "tie_rule": o.tie_rule.value if o else None,
        }


@dataclass(frozen=True, slots=True)
class ElectionResult:
    election: ElectionView
    contests: tuple[ContestResult, ...]  # in the order held: a run-off after the contests before it

    @property
    def decided(self) -> bool:
        return self.election.decided

    @property
    def seed(self) -> str | None:
        """The seed every draw of lots in this election used (printed: anyone can draw again)."""
        return self.election.lots_seed

    def elected(self, office: Office) -> tuple[CandidateView, ...]:
        """Everyone elected to ``office``, every round, in the order elected."""
        return tuple(x for r in self.contests if r.contest.office is office for x in r.elected)

    def as_json(self) -> dict[str, Any]:
        e = self.election
        return {"election": e.id, "item": e.item_id, "meeting": e.meeting_id, "held_on": e.held_on.isoformat(),
                "voting": e.voting.value, "decided": self.decided, "seed": self.seed,
                "committee": list(e.committee), "contests": [r.as_json() for r in self.contests],
                "elected": {o.value: [_who(x) for x in self.elected(o)] for o in Office}}


def election_result(db: Database, coop_id: int, election_id: int) -> ElectionResult:
    with db.read() as s:
        return result_in(s, election_view(s, election_row(s, coop_id, election_id)))


def result_in(s: Session, election: ElectionView) -> ElectionResult:
    runoffs = dict(s.execute(select(ContestRow.runoff_of, ContestRow.id)
                             .where(ContestRow.election_id == election.id, ContestRow.runoff_of.is_not(None))).all())
    rows = {r.id: r for r in s.execute(select(ContestRow).where(ContestRow.election_id == election.id)).scalars()}
    return ElectionResult(election, tuple(_contest(c, rows[c.id], runoffs.get(c.id)) for c in election.contests))


def contest_result(s: Session, row: ContestRow) -> ContestResult:
    runoff = s.execute(select(ContestRow.id).where(ContestRow.runoff_of == row.id)).scalar()
    return _contest(contest_view(s, row), row, runoff)


def _contest(view: ContestView, row: ContestRow, runoff: int | None) -> ContestResult:
    return ContestResult(view, tally_of(row.tally) if row.tally else None,
                         outcome_of(row.outcome) if row.outcome else None, runoff)


# -- the JSON of ``--json`` ------------------------------------------------------------------------

def _who(c: CandidateView) -> dict[str, Any]:
    return {"key": c.key, "member_number": c.member_number, "name": c.name}


def _candidates_json(c: ContestView, t: Tally | None, o: Outcome | None) -> list[dict[str, Any]]:
    if o is not None:
        return [{**_who(c.by_key(s.candidate.key)), "votes": s.votes, "against": s.against, "rank": s.rank,
                 "qualified": s.qualified, "elected": s.elected, "reasons": [_english(e) for e in s.reasons]}
                for s in o.ranking]
    return [{**_who(x), "votes": t.votes_for(x.key) if t else None,
             "against": t.against_for(x.key) if t and t.against else None} for x in c.standing]


def _tie_json(c: ContestView, b: TieBreak) -> dict[str, Any]:
    return {"kind": b.kind.value, "tied": [_who(c.by_key(x.key)) for x in b.tied], "seats": b.seats,
            "winners": [_who(c.by_key(x.key)) for x in b.winners], "seed": b.seed, "by_hand": b.by_hand,
            "note": _english(b.note) if b.note else None}


def _english(e: Explanation) -> str:
    return e.english()
