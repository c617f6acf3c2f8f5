"""Who is elected (당선인 결정): the bylaws' rules applied to the count of one contest.

**The majority** (``ElectionMajority``, a bylaws setting).  A candidate qualifies when:

- yes-or-no vote: more yes than no, and with a majority rule also ``2 × yes > base``;
- choice among candidates: ``2 × votes > base`` with a majority rule, at least one vote without;

where the base is the valid ballots (blank ones included; ``OF_VOTERS``) or the members
present, in person and by proxy (``OF_PRESENT``).  Exact integers, never fractions.

**At the founding meeting** (``founding=True``) every decision needs at least two thirds of
those present (Act 15; the meeting rules table), the election of officers too: on top of the
majority above, a candidate needs ``3 × votes ≥ 2 × present``, whatever the bylaws adopted
at that meeting say.

**The seats.**  In a yes-or-no vote every qualified candidate is elected.  In a choice the
seats go to the qualified candidates with the most votes.  Seats no qualified candidate can
fill are left unfilled: the assembly may hold a new round for them (a new ``Contest``).

**A tie at the last seat** (candidates with equal votes, more of them than seats left) is
broken by the bylaws' ``TieRule``:

- ``RUNOFF_THEN_OLDER`` / ``RUNOFF_THEN_LOTS``: first a run-off round between the tied for the
  seats left (``Outcome.runoff_contest``, decided with ``runoff=True``).  They all met the
  majority already, so the run-off goes by the most votes alone; tied again, the older
  candidate, or lots;
- ``OLDER``: the older candidate at once.  An unknown birth date cannot decide: then lots are
  drawn between all the tied, and the outcome says so.  Two tied candidates born on the same
  day: lots between those two;
- ``LOTS``: lots at once (``lots``).

``decide`` is pure: when a run-off must be held or lots drawn and none are given, the outcome
is not ``final`` and ``pending`` says what is still to do; call again with the run-off's
count, or with ``lots``.  Every step taken is in ``tie_breaks``, to be printed and re-checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from coopdesk.domain import law
from coopdesk.domain.coop import TIE_LABELS, ElectionMajority, TieRule
from coopdesk.domain.elections.contest import Candidate, Contest, Method, check_contest
from coopdesk.domain.elections.counting import Tally, check_tally
from coopdesk.domain.elections.lots import HandDrawnLots, Lots, SeededLots, clean_seed, draw
from coopdesk.domain.errors import Refusal
from coopdesk.domain.law_ref import LawRef
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind
from coopdesk.domain.meetings.rules import rules_for
from coopdesk.domain.text import N_, Explanation

__all__ = ["AppliedRule", "Outcome", "Standing", "TieBreak", "TieKind", "decide"]


class TieKind(Enum):
    RUNOFF = "runoff"  # 결선투표
    OLDER = "older"  # 연장자
    LOTS = "lots"  # 추첨


@dataclass(frozen=True, slots=True)
class TieBreak:
    """One step of breaking a tie: who was tied for how many seats, and whom it chose.
    The tied candidates carry their birth dates; a draw by seed carries the seed."""

    kind: TieKind
    tied: tuple[Candidate, ...]
    seats: int
    winners: tuple[Candidate, ...] = ()  # fewer than ``seats`` when the next step decides the rest
    seed: str | None = None
    by_hand: bool = False
    note: Explanation | None = None  # why the older-candidate rule could not decide alone


@dataclass(frozen=True, slots=True)
class AppliedRule:
    """A rule the count applied, with its source: an article, or the bylaws setting that chose it."""

    explanation: Explanation
    ref: LawRef | None = None
    setting: str | None = None  # the field of ``BylawsSettings``


@dataclass(frozen=True, slots=True)
class Standing:
    """One candidate's line in the result."""

    candidate: Candidate
    votes: int  # a yes-or-no vote: the yes
    against: int | None  # a yes-or-no vote: the no; None in a choice
    rank: int  # 1 for the most votes; equal votes share a rank
    qualified: bool  # met the majority (and more yes than no)
    elected: bool
    reasons: tuple[Explanation, ...]  # each test, with its numbers: "2 × votes (9) > present (15)"


@dataclass(frozen=True, slots=True)
class Outcome:
    contest: Contest
    majority: ElectionMajority
    tie_rule: TieRule
    runoff: bool  # this count is a run-off round between candidates tied in the one before
    ranking: tuple[Standing, ...]  # most votes first
    elected: tuple[Candidate, ...]  # in the order of the ranking
    unfilled: int  # seats no qualified candidate can fill: a new round may be held
    pending: TieBreak | None  # a run-off to hold or lots to draw before the last seats are filled
    tie_breaks: tuple[TieBreak, ...]  # the steps taken, in order
    rules: tuple[AppliedRule, ...]
    summary: Explanation
    founding: bool = False  # held at the founding meeting: two thirds of those present needed

    @property
    def final(self) -> bool:
        return self.pending is None

    def runoff_contest(self) -> Contest:
        """The contest of the run-off round to hold: the tied candidates, for the seats left."""
        if self.pending is None or self.pending.kind is not TieKind.RUNOFF:
            raise Refusal(N_("No run-off round is to be held in this contest."), field="runoff")
        return Contest(self.contest.office, self.pending.seats, self.pending.tied)


def decide(contest: Contest, tally: Tally, *, majority: ElectionMajority, present: int, tie: TieRule,
           runoff: bool = False, lots: Lots | None = None, founding: bool = False) -> Outcome:
    """Who is elected in one contest.  ``present``: the members present for the vote, in
    person and by proxy; ``runoff``: this count is the run-off between candidates tied in
    the round before; ``lots``: how lots were drawn, when a tie needs them (else ``pending``);
    ``founding``: the election is held at the founding meeting (two thirds of those present)."""
    _check(contest, tally, present, tie, runoff)
    reasons = {c.key: _reasons(contest, tally, c, majority, present, runoff, founding)
               for c in contest.candidates}
    qualified = [c for c in contest.candidates if _all_met(reasons[c.key])]
    steps: tuple[TieBreak, ...] = ()
    pending = None
    if contest.method is Method.APPROVAL or len(qualified) <= contest.seats:
        elected = qualified
    else:
        elected, steps, pending = _fill_seats(contest, tally, qualified, tie, runoff, lots)
    unfilled = contest.seats - len(elected) - (pending.seats if pending else 0)
    ranking = _ranking(contest, tally, reasons, qualified, elected)
    rules = _rules(contest, tally, present, majority, tie, runoff, bool(steps or pending), founding)
    return Outcome(contest, majority, tie, runoff, ranking, tuple(s.candidate for s in ranking if s.elected),
                   unfilled, pending, steps, rules, _summary(contest, len(elected), unfilled, pending), founding)


def _check(contest: Contest, tally: Tally, present: int, tie: TieRule, runoff: bool) -> None:
    check_contest(contest)
    check_tally(contest, tally)
    if present < 0 or tally.ballots > present:
        raise Refusal(N_("More ballots ({ballots}) than members present ({present})."), field="present",
                      ballots=tally.ballots, present=present)
    if runoff and tie not in (TieRule.RUNOFF_THEN_OLDER, TieRule.RUNOFF_THEN_LOTS):
        raise Refusal(N_("The bylaws break a tie without a run-off round."), field="runoff")
    if runoff and contest.method is Method.APPROVAL:
        raise Refusal(N_("A run-off round has more candidates than seats."), field="runoff")


# -- who qualifies -------------------------------------------------------------------------------

def _reasons(contest: Contest, tally: Tally, c: Candidate, majority: ElectionMajority, present: int,
             runoff: bool, founding: bool) -> tuple[tuple[bool, Explanation], ...]:
    votes = tally.votes_for(c.key)
    found: list[tuple[bool, Explanation]] = []
    if contest.method is Method.APPROVAL:
        no = tally.against_for(c.key)
        found.append((votes > no, Explanation(N_("yes ({yes}) > no ({no})") if votes > no
                                              else N_("yes ({yes}) ≤ no ({no})"), (("yes", votes), ("no", no)))))
    if runoff:
        return tuple(found)  # the tied all met the majority in the round before
    if majority is ElectionMajority.OF_VOTERS:
        met = 2 * votes > tally.valid
        text = N_("2 × votes ({votes}) > valid ballots ({base})") if met else N_(
            "2 × votes ({votes}) ≤ valid ballots ({base})")
        found.append((met, Explanation(text, (("votes", votes), ("base", tally.valid)))))
    elif majority is ElectionMajority.OF_PRESENT:
        met = 2 * votes > present
        text = N_("2 × votes ({votes}) > present ({base})") if met else N_("2 × votes ({votes}) ≤ present ({base})")
        found.append((met, Explanation(text, (("votes", votes), ("base", present)))))
    elif contest.method is Method.PLURALITY:  # no majority: still at least one vote
        text = N_("votes ({votes}) > 0") if votes else N_("no votes")
        found.append((votes > 0, Explanation(text, (("votes", votes),))))
    if founding:
        found.append(_founding_reason(votes, present))
    return tuple(found)


# Every decision of the founding meeting, the election of officers included (Act 15): the
# threshold is the meeting rules table's, so the two can never disagree.
_FOUNDING_RULE = rules_for(MeetingKind.FOUNDING).majority(ResolutionKind.ELECTION)


def _founding_reason(votes: int, present: int) -> tuple[bool, Explanation]:
    met = _FOUNDING_RULE.passed(votes, present)
    if not present:  # "3 × 0 < 2 × 0" would be false: no one present, no votes
        return met, Explanation(N_("no votes"), (("votes", votes),))
    text = (N_("3 × votes ({votes}) ≥ 2 × present ({base})") if met
            else N_("3 × votes ({votes}) < 2 × present ({base})"))
    return met, Explanation(text, (("votes", votes), ("base", present)))


def _all_met(reasons: tuple[tuple[bool, Explanation], ...]) -> bool:
    return all(met for met, _ in reasons)


# -- filling the seats of a choice ---------------------------------------------------------------

def _fill_seats(contest: Contest, tally: Tally, qualified: list[Candidate], tie: TieRule, runoff: bool,
                lots: Lots | None) -> tuple[list[Candidate], tuple[TieBreak, ...], TieBreak | None]:
    """The seats of a choice with more qualified candidates than seats: the most votes, then the tie rule."""
    ordered = sorted(qualified, key=lambda c: -tally.votes_for(c.key))  # stable: ballot order among equals
    last = tally.votes_for(ordered[contest.seats - 1].key)
    if tally.votes_for(ordered[contest.seats].key) < last:
        return ordered[:contest.seats], (), None
    above = [c for c in ordered if tally.votes_for(c.key) > last]
    tied = tuple(c for c in ordered if tally.votes_for(c.key) == last)
    winners, steps, pending = _break_tie(tied, contest.seats - len(above), tie, runoff, lots)
    return above + list(winners), steps, pending


TieResult = tuple[tuple[Candidate, ...], tuple[TieBreak, ...], TieBreak | None]


def _break_tie(tied: tuple[Candidate, ...], seats: int, tie: TieRule, runoff: bool, lots: Lots | None) -> TieResult:
    if tie in (TieRule.RUNOFF_THEN_OLDER, TieRule.RUNOFF_THEN_LOTS) and not runoff:
        return (), (), TieBreak(TieKind.RUNOFF, tied, seats)
    if tie in (TieRule.LOTS, TieRule.RUNOFF_THEN_LOTS):
        return _draw_lots(tied, seats, lots)
    return _older(tied, seats, lots)


def _older(tied: tuple[Candidate, ...], seats: int, lots: Lots | None) -> TieResult:
    """The older candidates win; an unknown birth date, or a shared one at the last seat, goes to lots."""
    born = {c.key: c.birth_date for c in tied if c.birth_date is not None}
    if len(born) < len(tied):
        note = Explanation(N_("The birth date of {count} of the tied candidates is not known, so age cannot "
                              "decide: lots are drawn between all of them."), (("count", len(tied) - len(born)),))
        winners, steps, pending = _draw_lots(tied, seats, lots)
        return winners, (TieBreak(TieKind.OLDER, tied, seats, note=note), *steps), pending
    by_age = sorted(tied, key=lambda c: born[c.key])  # earliest birth date first; ballot order among equals
    cutoff = born[by_age[seats - 1].key]
    older = tuple(c for c in by_age if born[c.key] < cutoff)
    same = tuple(c for c in by_age if born[c.key] == cutoff)
    if len(older) + len(same) == seats:
        return older + same, (TieBreak(TieKind.OLDER, tied, seats, older + same),), None
    note = Explanation(N_("{count} of the tied candidates were born on the same day: lots are drawn between "
                          "them."), (("count", len(same)),))
    winners, steps, pending = _draw_lots(same, seats - len(older), lots)
    return older + winners, (TieBreak(TieKind.OLDER, tied, seats, older, note=note), *steps), pending


def _draw_lots(tied: tuple[Candidate, ...], seats: int, lots: Lots | None) -> TieResult:
    if lots is None:
        return (), (), TieBreak(TieKind.LOTS, tied, seats)
    winners = draw(lots, tied, seats)
    seed = clean_seed(lots.seed) if isinstance(lots, SeededLots) else None
    step = TieBreak(TieKind.LOTS, tied, seats, winners, seed=seed, by_hand=isinstance(lots, HandDrawnLots))
    return winners, (step,), None


# -- the result ------------------------------------------------------------------------------------

def _ranking(contest: Contest, tally: Tally, reasons: dict[int, tuple[tuple[bool, Explanation], ...]],
             qualified: list[Candidate], elected: list[Candidate]) -> tuple[Standing, ...]:
    chosen = {c.key for c in elected}
    ok = {c.key for c in qualified}
    approval = contest.method is Method.APPROVAL
    order = sorted(contest.candidates, key=lambda c: (-tally.votes_for(c.key), c.key not in chosen))
    return tuple(
        Standing(c, tally.votes_for(c.key), tally.against_for(c.key) if approval else None,
                 1 + sum(1 for o in contest.candidates if tally.votes_for(o.key) > tally.votes_for(c.key)),
                 c.key in ok, c.key in chosen, tuple(e for _, e in reasons[c.key]))
        for c in order)


_ONE_VOTE = AppliedRule(Explanation(N_("One member, one vote: each voter casts one ballot in each contest, "
                                       "whatever their shares.")), law.ONE_MEMBER_ONE_VOTE.ref)
_APPROVAL = N_("No more candidates ({candidates}) than seats ({seats}): each candidate is marked yes or no, and "
               "needs more yes than no.")
_PLURALITY = N_("More candidates ({candidates}) than seats ({seats}): each voter marks up to {seats} candidates; "
                "the seats go to the most votes.")
_MAJORITY = {
    ElectionMajority.NONE: N_("Under the bylaws the most votes win the seats; no majority is needed."),
    ElectionMajority.OF_VOTERS: N_("Under the bylaws a candidate needs the votes of more than half of the valid "
                                   "ballots ({valid}), blank ones included."),
    ElectionMajority.OF_PRESENT: N_("Under the bylaws a candidate needs the votes of more than half of the members "
                                    "present ({present})."),
}
_FOUNDING = N_("At the founding meeting every decision needs at least two thirds of those present: a candidate "
               "needs the votes of at least two thirds of the members present ({present}).")
_RUNOFF = N_("Run-off round between the candidates tied in the round before: the most votes win the {seats} "
             "seats left.")


def _rules(contest: Contest, tally: Tally, present: int, majority: ElectionMajority, tie: TieRule, runoff: bool,
           tied: bool, founding: bool) -> tuple[AppliedRule, ...]:
    numbers = (("candidates", len(contest.candidates)), ("seats", contest.seats))
    method = _APPROVAL if contest.method is Method.APPROVAL else _PLURALITY
    rules = [_ONE_VOTE, AppliedRule(Explanation(method, numbers))]
    if runoff:
        rules.append(AppliedRule(Explanation(_RUNOFF, (("seats", contest.seats),)), setting="tie_rule"))
    else:
        bases = (("valid", tally.valid), ("present", present))
        rules.append(AppliedRule(Explanation(_MAJORITY[majority], bases), setting="election_majority"))
        if founding:
            rules.append(AppliedRule(Explanation(_FOUNDING, (("present", present),)), _FOUNDING_RULE.ref))
    if tied:
        rules.append(AppliedRule(Explanation(TIE_LABELS[tie]), setting="tie_rule"))
    return tuple(rules)


def _summary(contest: Contest, elected: int, unfilled: int, pending: TieBreak | None) -> Explanation:
    numbers: tuple[tuple[str, int], ...] = (("elected", elected), ("seats", contest.seats), ("unfilled", unfilled))
    if pending is not None:
        text = (N_("Seats filled: {elected} of {seats}. Seats left: {left}, with {tied} candidates tied for them: "
                   "a run-off round is held between them.") if pending.kind is TieKind.RUNOFF else
                N_("Seats filled: {elected} of {seats}. Seats left: {left}, with {tied} candidates tied for them: "
                   "lots are drawn between them."))
        return Explanation(text, numbers[:2] + (("tied", len(pending.tied)), ("left", pending.seats)))
    if unfilled:
        return Explanation(N_("Seats filled: {elected} of {seats}. Left unfilled: {unfilled}; a new round may be "
                              "held for them."), numbers)
    return Explanation(N_("Seats filled: {elected} of {seats}."), numbers[:2])
