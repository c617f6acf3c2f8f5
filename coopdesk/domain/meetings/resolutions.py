"""Quorum (정족수) and pass or fail (가결·부결), in exact integer arithmetic.

LAW.md "Arithmetic that must be exact": with ``members`` on the register on the meeting
day and ``present`` = in person + by proxy, quorum is ``2*present > members``; an ordinary
resolution (보통결의) passes on ``2*yes > present``, a special one (특별결의) on
``3*yes >= 2*present``.  Abstentions (기권) and blank votes count against: the base is those
present, not the votes cast.  The founding meeting (창립총회) counts consenters (설립동의자)
and needs 2/3 of those present; a board (이사회) counts directors in office.  Never floats.

Which test applies to which meeting and item is the table of ``rules``; this module
counts an item against it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from coopdesk.domain.errors import Refusal
from coopdesk.domain.law_ref import LawRef
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind
from coopdesk.domain.meetings.rules import MajorityRule, QuorumState, Rule, rules_for
from coopdesk.domain.text import N_, Explanation

__all__ = ["Explanation", "Outcome", "Rule", "Tally", "check_tally", "decide"]

_ASSEMBLY = rules_for(MeetingKind.ORDINARY_ASSEMBLY)
_FOUNDING = rules_for(MeetingKind.FOUNDING)
_BOARD = rules_for(MeetingKind.BOARD)


# The tests of each meeting kind by name, for the property tests and the reference of LAW.md.
def quorum_reached(members: int, present: int) -> bool:
    """A general assembly is quorate with more than half of all members present (Act 29②)."""
    return _ASSEMBLY.quorum.reached(members, present)


def ordinary_passed(yes: int, present: int) -> bool:
    """More than half of those present say yes; a tie fails (Act 29②)."""
    return _ASSEMBLY.majority(ResolutionKind.ORDINARY).passed(yes, present)


def special_passed(yes: int, present: int) -> bool:
    """At least two thirds of those present say yes (Act 29②)."""
    return _ASSEMBLY.majority(ResolutionKind.SPECIAL).passed(yes, present)


def founding_quorum_reached(consenters: int, present: int) -> bool:
    """More than half of the consenters present (Act 15)."""
    return _FOUNDING.quorum.reached(consenters, present)


def founding_passed(yes: int, present: int) -> bool:
    """At least two thirds of those present at the founding meeting (Act 15)."""
    return _FOUNDING.majority(ResolutionKind.ORDINARY).passed(yes, present)


def board_quorum_reached(directors_in_office: int, directors_present: int) -> bool:
    """More than half of the directors in office present (Act 32③)."""
    return _BOARD.quorum.reached(directors_in_office, directors_present)


def board_passed(yes: int, directors_present: int) -> bool:
    """More than half of the directors present say yes (Act 32③)."""
    return _BOARD.majority(ResolutionKind.ORDINARY).passed(yes, directors_present)


@dataclass(frozen=True, slots=True)
class Tally:
    """The counts of one item.  ``members``: on the register (consenters at a founding
    meeting, directors in office at a board); ``excluded``: present members with a personal
    interest, left out of this item's base."""

    members: int
    in_person: int
    by_proxy: int = 0
    excluded: int = 0
    yes: int = 0
    no: int = 0
    abstain: int = 0

    @property
    def present(self) -> int:
        return self.in_person + self.by_proxy

    @property
    def voters(self) -> int:
        """Present and allowed to vote on this item: the base of the majority."""
        return self.present - self.excluded

    @property
    def not_voting(self) -> int:
        """Present voters who cast no vote: they count against, like abstentions."""
        return self.voters - self.yes - self.no - self.abstain


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of one item: what the minutes and the result JSON report."""

    passed: bool
    majority: MajorityRule  # the rule the item is decided by, with its article
    quorum_state: QuorumState
    explanation: Explanation  # why it passed or failed (the quorum, if that failed)
    ref: LawRef  # the article of that explanation
    needed: int | None  # how many more yes votes it would need (0: enough; None: it cannot pass)
    excluded_note: Explanation | None = None

    @property
    def rule(self) -> Rule:
        return self.majority.rule

    @property
    def quorum_reached(self) -> bool:
        return self.quorum_state.reached

    @property
    def quorum(self) -> Explanation:
        """The quorum statement for the minutes."""
        return self.quorum_state.statement

    @property
    def quorum_ref(self) -> LawRef:
        return self.quorum_state.ref


def check_tally(tally: Tally, meeting: MeetingKind) -> None:
    """Refuse counts that cannot be true."""
    for f in fields(Tally):
        if getattr(tally, f.name) < 0:
            raise Refusal(N_("A count cannot be negative."), field=f.name)
    if tally.by_proxy and not rules_for(meeting).proxies:
        # The Act lets members vote by proxy (Act 23③), not directors [L].
        raise Refusal(N_("Directors attend a board meeting in person; there are no proxies."), field="by_proxy")
    if tally.present > tally.members:
        raise Refusal(N_("More present ({present}) than on the register ({members})."),
                      field="in_person", present=tally.present, members=tally.members)
    if tally.excluded > tally.present:
        raise Refusal(N_("More excluded ({excluded}) than present ({present})."),
                      field="excluded", excluded=tally.excluded, present=tally.present)
    votes = tally.yes + tally.no + tally.abstain
    if votes > tally.voters:
        raise Refusal(N_("More votes ({votes}) than members present who may vote ({voters})."),
                      field="yes", votes=votes, voters=tally.voters)


def decide(tally: Tally, kind: ResolutionKind, meeting: MeetingKind) -> Outcome:
    """Pass or fail for one item, with the rule applied and why.  A report has no vote."""
    rules = rules_for(meeting)
    majority = rules.majority(kind)  # refuses a report, and a special resolution at a board
    check_tally(tally, meeting)
    quorum = rules.quorum_state(tally.members, tally.present)
    note = None
    if tally.excluded:
        note = Explanation(N_("{excluded} present with a personal interest are left out of the base."),
                           (("excluded", tally.excluded),))
    fewest = majority.needed(tally.voters)
    needed = None if fewest is None else max(fewest - tally.yes, 0)
    if not quorum.reached:
        return Outcome(False, majority, quorum, quorum.statement, quorum.ref, needed, note)
    passed = majority.passed(tally.yes, tally.voters)
    return Outcome(passed, majority, quorum, majority.explain(tally.yes, tally.voters), majority.ref, needed,
                   note)
