"""A contest's count (``Tally``) and decision (``Outcome``) as the store keeps them, in JSON.

The decision is frozen when it is made: the candidates with their names and birth dates,
the ranking with each test and its numbers, the rules with their articles or bylaws
settings, every tie-break step with its seed — so that the result reads the same whatever
changes afterwards, on the register or in the program's rules.  Read back, it is the
domain's own ``Outcome`` again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from coopdesk.domain.coop import ElectionMajority, TieRule
from coopdesk.domain.elections.contest import Candidate, Contest
from coopdesk.domain.elections.counting import Tally
from coopdesk.domain.elections.deciding import (
    AppliedRule,
    Outcome,
    Standing,
    TieBreak,
    TieKind,
)
from coopdesk.domain.meetings.snapshot import ref_json, ref_of
from coopdesk.domain.officers.terms import Office
from coopdesk.domain.text import Explanation

VERSION = 1


def tally_json(tally: Tally) -> dict[str, Any]:
    return {"votes": [list(v) for v in tally.votes], "against": [list(v) for v in tally.against],
            "ballots": tally.ballots, "blank": tally.blank, "invalid": tally.invalid}


def tally_of(d: Mapping[str, Any]) -> Tally:
    return Tally(tuple((k, n) for k, n in d["votes"]), tuple((k, n) for k, n in d["against"]), d["ballots"],
                 d["blank"], d["invalid"])


def outcome_json(o: Outcome) -> dict[str, Any]:
    return {
        "v": VERSION,
        "contest": {"office": o.contest.office.value, "seats": o.contest.seats,
                    "candidates": [_candidate_json(c) for c in o.contest.candidates]},
        "majority": o.majority.value, "tie_rule": o.tie_rule.value, "runoff": o.runoff,
        "ranking": [{"key": s.candidate.key, "votes": s.votes, "against": s.against, "rank": s.rank,
                     "qualified": s.qualified, "elected": s.elected, "reasons": [_expl(e) for e in s.reasons]}
                    for s in o.ranking],
        "elected": [c.key for c in o.elected], "unfilled": o.unfilled,
        "pending": _tie_json(o.pending) if o.pending else None,
        "tie_breaks": [_tie_json(t) for t in o.tie_breaks],
        "rules": [{"explanation": _expl(r.explanation), "ref": ref_json(r.ref), "setting": r.setting}
                  for r in o.rules],
        "summary": _expl(o.summary), "founding": o.founding,
    }


def outcome_of(d: Mapping[str, Any]) -> Outcome:
    c = d["contest"]
    candidates = tuple(_candidate_of(x) for x in c["candidates"])
    by_key = {x.key: x for x in candidates}
    contest = Contest(Office(c["office"]), c["seats"], candidates)
    ranking = tuple(Standing(by_key[s["key"]], s["votes"], s["against"], s["rank"], s["qualified"], s["elected"],
                             tuple(_expl_of(e) for e in s["reasons"])) for s in d["ranking"])
    return Outcome(contest, ElectionMajority(d["majority"]), TieRule(d["tie_rule"]), d["runoff"], ranking,
                   tuple(by_key[k] for k in d["elected"]), d["unfilled"],
                   _tie_of(d["pending"], by_key) if d["pending"] else None,
                   tuple(_tie_of(t, by_key) for t in d["tie_breaks"]),
                   tuple(AppliedRule(_expl_of(r["explanation"]), ref_of(r["ref"]), r["setting"]) for r in d["rules"]),
                   _expl_of(d["summary"]), founding=d.get("founding", False))


def _candidate_json(c: Candidate) -> dict[str, Any]:
    return {"key": c.key, "name": c.name, "birth_date": c.birth_date.isoformat() if c.birth_date else None}


def _candidate_of(d: Mapping[str, Any]) -> Candidate:
    return Candidate(d["key"], d["name"], dt.date.fromisoformat(d["birth_date"]) if d["birth_date"] else None)


def _tie_json(t: TieBreak) -> dict[str, Any]:
    return {"kind": t.kind.value, "tied": [c.key for c in t.tied], "seats": t.seats,
            "winners": [c.key for c in t.winners], "seed": t.seed, "by_hand": t.by_hand,
            "note": _expl(t.note) if t.note else None}


def _tie_of(d: Mapping[str, Any], by_key: Mapping[int, Candidate]) -> TieBreak:
    return TieBreak(TieKind(d["kind"]), tuple(by_key[k] for k in d["tied"]), d["seats"],
                    tuple(by_key[k] for k in d["winners"]), d["seed"], d["by_hand"],
                    _expl_of(d["note"]) if d["note"] else None)


def _expl(e: Explanation) -> dict[str, Any]:
    return {"message": e.message, "params": e.kwargs}


def _expl_of(d: Mapping[str, Any]) -> Explanation:
    return Explanation(d["message"], tuple(d["params"].items()))
