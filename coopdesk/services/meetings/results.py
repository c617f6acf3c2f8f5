"""The result of an agenda item, as every screen and the command line show it.

``ItemResult`` carries everything there is to say about an item — its counts, the quorum
with its article and how many more must come, the rule it is decided by, pass or fail and
why, how many more yes votes it would need, who present has not voted — so that the window
and the command line only display it.  An open item's result is worked out live from the
room; a closed item's is its frozen snapshot (``domain.meetings.snapshot``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from coopdesk.domain.elections.stages import DECIDED_BY_ELECTION
from coopdesk.domain.errors import Refusal
from coopdesk.domain.law_ref import LawRef
from coopdesk.domain.meetings.kinds import ResolutionKind
from coopdesk.domain.meetings.papers import MinutesItem, result_words
from coopdesk.domain.meetings.resolutions import Outcome, Tally, decide
from coopdesk.domain.meetings.rules import MajorityRule, MeetingRules, QuorumState, Rule
from coopdesk.domain.meetings.snapshot import FrozenResult
from coopdesk.domain.text import N_, Explanation
from coopdesk.i18n import _

if TYPE_CHECKING:  # only its columns are read: plain_results passes its own (no SQLAlchemy)
    from coopdesk.store.models import AgendaItemRow

NO_VOTE_YET = N_("No vote recorded yet.")
NOT_A_VOTE = N_("A report is not put to a vote.")


@dataclass(frozen=True, slots=True)
class ItemResult:
    """The result of one item: what the screen shows and ``--json`` prints."""

    item: int  # its position on the agenda
    item_id: int
    title: str  # in the language of the screen
    kind: ResolutionKind
    members: int  # the quorum's base
    present: int
    in_person: int
    proxies: int
    excluded: int
    yes: int
    no: int
    abstain: int
    quorum: QuorumState
    passed: bool | None  # None: a report, or no vote recorded yet (or a count that no longer fits)
    rule: Rule | None  # the rule a recorded vote was decided by
    majority: MajorityRule | None  # the rule the item is decided by (None: a report), with its article
    explanation: Explanation  # why it passed or failed, or why there is no decision yet
    article: LawRef | None  # the article of ``explanation``
    words: Explanation  # the result as the minutes say it ("출석 조합원 10명 중 찬성 8명 …")
    needed_to_pass: int | None  # more yes votes it would need: 0 when it passes, None when it cannot
    yes_needed: int | None  # the yes votes that carry it, of the voters present (None: a report, or nobody)
    not_voting: int  # present voters who cast no vote (they count against)
    not_voted: tuple[int, ...]  # in a live roll call: who present may vote and has not
    closed: bool
    roll_call: bool
    corrections: int

    @property
    def quorum_reached(self) -> bool:
        return self.quorum.reached

    @property
    def voters(self) -> int:
        """Present and allowed to vote on this item: the base of the majority."""
        return self.present - self.excluded

    @property
    def voted(self) -> bool:
        return bool(self.yes or self.no or self.abstain)

    @property
    def election_seats(self) -> tuple[int, int] | None:
        """(elected, seats) of an item its election decided: said as an election, never as a
        motion carried or rejected; None for any other item."""
        if self.explanation.message != DECIDED_BY_ELECTION:
            return None
        said = dict(self.explanation.kwargs)
        return int(said.get("elected", 0)), int(said.get("seats", 0))

    def as_json(self) -> dict[str, Any]:
        """The machine-readable form of ``coopdesk --json``: codes and English, stable for scripts."""
        q = self.quorum
        return {
            "item": self.item, "item_id": self.item_id, "title": self.title, "kind": self.kind.value,
            "members": self.members, "present": self.present, "in_person": self.in_person,
            "proxies": self.proxies, "excluded": self.excluded, "yes": self.yes, "no": self.no,
            "abstain": self.abstain, "quorum_reached": q.reached, "passed": self.passed,
            "rule": self.rule.value if self.rule else None,
            "explanation": self.explanation.english(), "explanation_id": self.explanation.message,
            "explanation_params": self.explanation.kwargs,
            "article": self.article.label("en") if self.article else None,
            "quorum": q.statement.english(), "quorum_id": q.statement.message, "quorum_params": q.statement.kwargs,
            "quorum_article": q.ref.label("en"), "quorum_needed": q.needed, "quorum_missing": q.missing,
            "needed_to_pass": self.needed_to_pass, "yes_needed": self.yes_needed, "not_voting": self.not_voting,
            "not_voted": list(self.not_voted),
            "closed": self.closed, "roll_call": self.roll_call, "corrections": self.corrections,
        }


@dataclass(frozen=True, slots=True)
class Counted:
    """The room's numbers an item is decided on: the quorum's base and who is here."""

    rules: MeetingRules
    base: int
    in_person: int
    by_proxy: int

    def tally(self, excluded_present: int, yes: int = 0, no: int = 0, abstain: int = 0) -> Tally:
        return Tally(members=self.base, in_person=self.in_person, by_proxy=self.by_proxy,
                     excluded=excluded_present, yes=yes, no=no, abstain=abstain)


def title_of(item: AgendaItemRow) -> str:
    return _(item.title_code.message) if item.title_code is not None else item.title


def live_result(item: AgendaItemRow, counted: Counted, excluded_present: int, tallied: tuple[int, int, int],
                by_show_of_hands: bool, not_voted: tuple[int, ...]) -> ItemResult:
    """An open item's result from the room as it is now: ``tallied`` are the counts of a show of
    hands, or of the roll call so far; ``not_voted``, in a roll call, who present has not voted."""
    tally = counted.tally(excluded_present)
    majority = None if item.kind is ResolutionKind.REPORT else counted.rules.majority(item.kind)
    quorum = counted.rules.quorum_state(tally.members, tally.present)
    if not by_show_of_hands and not any(tallied):
        no_vote = Explanation(NOT_A_VOTE if majority is None else NO_VOTE_YET)
        needed = None if majority is None else majority.needed(tally.voters)
        return _build(item, counted.rules, tally, quorum, None, no_vote, None, needed, (), closed=False)
    tally = counted.tally(excluded_present, *tallied)
    try:
        outcome = decide(tally, item.kind, counted.rules.kind)
    except Refusal as exc:  # the room changed since the count (someone left): show why, decide nothing
        unfit = Explanation(exc.message, tuple((k, v) for k, v in exc.params.items() if isinstance(v, int)))
        return _build(item, counted.rules, tally, quorum, None, unfit, None, None, not_voted, closed=False,
                      roll_call=not by_show_of_hands)
    return _build(item, counted.rules, tally, quorum, outcome, outcome.explanation, outcome.ref, outcome.needed,
                  not_voted, closed=False, roll_call=not by_show_of_hands)


def frozen_item_result(item: AgendaItemRow, rules: MeetingRules) -> ItemResult:
    """A closed item's result as it was frozen; the rules only say how many more would have been needed."""
    f = FrozenResult.from_json(item.result or {})
    vote, tally = f.vote, f.counts
    quorum = QuorumState(rules.register, tally.members, tally.present, f.quorum_reached,
                         rules.quorum.needed(tally.members), f.quorum, f.quorum_article or rules.quorum.ref)
    majority = None if item.kind is ResolutionKind.REPORT else rules.majorities.get(item.kind)
    if vote is None or f.passed is None:
        needed = None
        why = f.explanation or Explanation(NOT_A_VOTE)
    else:
        fewest = majority.needed(tally.voters) if majority else None
        needed = None if fewest is None else max(fewest - tally.yes, 0)
        why = f.explanation or Explanation(NO_VOTE_YET)
    return _build(item, rules, tally, quorum, None, why, f.article, needed, (), closed=True,
                  roll_call=bool(vote and vote.roll_call), passed=f.passed, rule=f.rule, corrections=f.corrections)


def _build(item: AgendaItemRow, rules: MeetingRules, tally: Tally, quorum: QuorumState, outcome: Outcome | None,
           why: Explanation, article: LawRef | None, needed: int | None, not_voted: tuple[int, ...], *,
           closed: bool, roll_call: bool = False, passed: bool | None = None, rule: Rule | None = None,
           corrections: int = 0) -> ItemResult:
    if outcome is not None:
        passed, rule = outcome.passed, outcome.rule
    majority = rules.majorities.get(item.kind)  # None for a report
    yes_needed = majority.needed(tally.voters) if majority is not None else None
    return ItemResult(item.position, item.id, title_of(item), item.kind, tally.members, tally.present,
                      tally.in_person, tally.by_proxy, tally.excluded, tally.yes, tally.no, tally.abstain, quorum,
                      passed, rule, majority, why, article, _words(item, rules, tally, passed, why), needed, yes_needed,
                      max(tally.not_voting, 0), not_voted, closed, roll_call, corrections)


def _words(item: AgendaItemRow, rules: MeetingRules, tally: Tally, passed: bool | None,
           why: Explanation) -> Explanation:
    """The result in words, as the minutes say it; before a decision, why there is none."""
    if passed is None and item.kind is not ResolutionKind.REPORT:
        return why
    if why.message == DECIDED_BY_ELECTION:  # no yes and no: the election's contests say who, by how many
        return why
    line = MinutesItem(item.title, "", "", item.kind, members=tally.members, present=tally.present,
                       excluded=tally.excluded, yes=tally.yes, no=tally.no, abstain=tally.abstain, passed=passed)
    return result_words(line, rules.kind)
