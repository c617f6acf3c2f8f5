"""The frozen result of a closed agenda item (의결 결과의 고정), as a typed value.

Closing an item freezes who was entitled, present and voting and what was decided, so
that the minutes say the same thing whatever happens to the register afterwards.  The
value has its own versioned JSON form, in two parts that are stored apart:

- ``FrozenResult``: the counts and the decision, small, read for every list of results;
- ``FrozenRoom``: who was in the room (in person, by proxy, excluded, the proxies and the
  roll-call ballots) and which roll of the day (the register, stored once per meeting)
  they were counted against, read only when someone asks who.

Version 1 (CoopDesk before this module) kept everything, the whole register and the names
of those present included, in one document per item; ``from_v1`` reads it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from coopdesk.domain.law_ref import LawRef, Source
from coopdesk.domain.meetings.attendance import Choice
from coopdesk.domain.meetings.resolutions import Tally
from coopdesk.domain.meetings.rules import Rule
from coopdesk.domain.text import Explanation

VERSION = 2


@dataclass(frozen=True, slots=True)
class FrozenVote:
    """The vote row a result was decided on, and whether it was a roll call."""

    vote_id: int | None
    roll_call: bool


@dataclass(frozen=True, slots=True)
class FrozenResult:
    """The counts and the decision of a closed item.  ``counts`` holds the room as counted
    (the quorum's base, in person, by proxy, excluded) and the votes; ``vote`` is None for a
    report, closed without a vote."""

    counts: Tally
    quorum_reached: bool
    quorum: Explanation
    quorum_article: LawRef | None
    vote: FrozenVote | None = None
    passed: bool | None = None
    rule: Rule | None = None
    explanation: Explanation | None = None
    article: LawRef | None = None
    corrections: int = 0

    def to_json(self) -> dict[str, Any]:
        c, vote = self.counts, self.vote
        return {
            "v": VERSION, "members": c.members, "in_person": c.in_person, "by_proxy": c.by_proxy,
            "excluded": c.excluded, "quorum_reached": self.quorum_reached,
            "quorum": self.quorum.message, "quorum_params": self.quorum.kwargs,
            "quorum_article": ref_json(self.quorum_article),
            "vote_id": vote.vote_id if vote else None, "yes": c.yes, "no": c.no, "abstain": c.abstain,
            "roll_call": vote.roll_call if vote else False, "voted": vote is not None,
            "passed": self.passed, "rule": self.rule.value if self.rule else None,
            "explanation": self.explanation.message if self.explanation else None,
            "explanation_params": self.explanation.kwargs if self.explanation else {},
            "article": ref_json(self.article), "corrections": self.corrections,
        }

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> FrozenResult:
        if d.get("v") != VERSION:
            return from_v1(d)[0]
        counts = Tally(d["members"], d["in_person"], d["by_proxy"], d["excluded"], d["yes"], d["no"], d["abstain"])
        vote = FrozenVote(d["vote_id"], d["roll_call"]) if d["voted"] else None
        explanation = _explanation(d["explanation"], d["explanation_params"]) if d["explanation"] else None
        return cls(counts, d["quorum_reached"], _explanation(d["quorum"], d["quorum_params"]),
                   ref_of(d["quorum_article"]), vote, d["passed"], Rule(d["rule"]) if d["rule"] else None,
                   explanation, ref_of(d["article"]), d["corrections"])


@dataclass(frozen=True, slots=True)
class FrozenRoom:
    """Who was in the room when the item closed, by attendee key (member number, or a
    director's term id at a board), against roll ``roll`` of the meeting."""

    roll: int | None
    in_person: tuple[int, ...]
    represented: tuple[int, ...]
    excluded: tuple[int, ...]  # marked with a personal interest (present or not)
    proxies: tuple[tuple[int, int | str], ...]  # (principal, holder number or family name), counted
    ballots: tuple[tuple[int, Choice], ...]  # a roll call's choices, in the order cast

    @property
    def present(self) -> frozenset[int]:
        return frozenset(self.in_person) | frozenset(self.represented)

    def to_json(self) -> dict[str, Any]:
        return {"v": VERSION, "roll": self.roll, "in_person": list(self.in_person),
                "represented": list(self.represented), "excluded": list(self.excluded),
                "proxies": [list(p) for p in self.proxies], "ballots": [[k, c.value] for k, c in self.ballots]}

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> FrozenRoom:
        return cls(d["roll"], tuple(d["in_person"]), tuple(d["represented"]), tuple(d["excluded"]),
                   tuple((p, h) for p, h in d["proxies"]), tuple((k, Choice(c)) for k, c in d["ballots"]))


@dataclass(frozen=True, slots=True)
class Roll:
    """The register of the day (members, consenters entered, or directors in office), by key."""

    keys: tuple[int, ...]
    names: Mapping[int, str]

    def to_json(self) -> tuple[list[int], dict[str, str]]:
        return list(self.keys), {str(k): v for k, v in self.names.items()}

    def digest(self) -> str:
        """A fingerprint of the keys and names, to find the same roll again: one line per key,
        "key<TAB>name", in key order, hashed with SHA-256."""
        lines = "\n".join(f"{k}\t{self.names.get(k, '')}" for k in sorted(self.keys))
        return hashlib.sha256(lines.encode("utf-8")).hexdigest()

    @classmethod
    def from_json(cls, keys: list[int], names: Mapping[str, str]) -> Roll:
        return cls(tuple(keys), {int(k): v for k, v in names.items()})


def from_v1(d: Mapping[str, Any]) -> tuple[FrozenResult, FrozenRoom, Roll]:
    """A version-1 snapshot (one document per item, the register inside) in today's parts."""
    present = set(d["present"])
    voted = "vote_id" in d
    counts = Tally(d["members"], len(d["in_person"]), len(d["represented"]), len(set(d["excluded"]) & present),
                   d.get("yes", 0), d.get("no", 0), d.get("abstain", 0))
    result = FrozenResult(
        counts, bool(d["quorum_reached"]), _explanation(d["quorum"], d["quorum_params"]),
        ref_of(d.get("quorum_article")), FrozenVote(d["vote_id"], d["roll_call"]) if voted else None,
        d["passed"], Rule(d["rule"]) if d.get("rule") else None,
        _explanation(d["explanation"], d["explanation_params"]) if voted else None,
        ref_of(d.get("article")), d.get("corrections", 0))
    room = FrozenRoom(None, tuple(d["in_person"]), tuple(d["represented"]), tuple(d["excluded"]),
                      tuple((p, h) for p, h in d.get("proxies", ())),
                      tuple((k, Choice(c)) for k, c in d.get("ballots", ())))
    roll = Roll(tuple(d.get("register", ())), {int(k): v for k, v in d.get("names", {}).items()})
    return result, room, roll


def _explanation(message: str, params: Mapping[str, int]) -> Explanation:
    return Explanation(message, tuple(params.items()))


def ref_json(ref: LawRef | None) -> dict[str, Any] | None:
    return None if ref is None else {"source": ref.source.value, "article": ref.article,
                                     "branch": ref.branch, "paragraph": ref.paragraph}


def ref_of(d: Mapping[str, Any] | None) -> LawRef | None:
    if not d:
        return None
    return LawRef(Source(d["source"]), d["article"], d["branch"], d["paragraph"])
