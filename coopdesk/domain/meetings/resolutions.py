"""Quorum (정족수) and pass or fail (가결·부결), in exact integer arithmetic.

LAW.md "Arithmetic that must be exact": with ``members`` on the register on the meeting
day and ``present`` = in person + by proxy, quorum is ``2*present > members``; an ordinary
resolution (보통결의) passes on ``2*yes > present``, a special one (특별결의) on
``3*yes >= 2*present``.  Abstentions (기권) and blank votes count against: the base is those
present, not the votes cast.  The founding meeting (창립총회) counts consenters (설립동의자)
and needs 2/3 of those present; a board (이사회) counts directors in office.  Never floats.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import Enum
from fractions import Fraction

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.law_ref import LawRef
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind
from coopdesk.domain.meetings.rules import check_kind_at
from coopdesk.domain.text import N_


def _more_than(share: Fraction, part: int, whole: int) -> bool:
    """part > share × whole, in integers: part·q > p·whole."""
    return part * share.denominator > share.numerator * whole


def _at_least(share: Fraction, part: int, whole: int) -> bool:
    """part ≥ share × whole, with an empty base never enough (no one may vote: nothing passes)."""
    return whole > 0 and part * share.denominator >= share.numerator * whole


def quorum_reached(members: int, present: int) -> bool:
    """A general assembly is quorate with more than half of all members present (Act 29②)."""
    return _more_than(law.ASSEMBLY_QUORUM.value, present, members)


def ordinary_passed(yes: int, present: int) -> bool:
    """More than half of those present say yes; a tie fails (Act 29②)."""
    return _more_than(law.ORDINARY_MAJORITY.value, yes, present)


def special_passed(yes: int, present: int) -> bool:
    """At least two thirds of those present say yes (Act 29②)."""
    return _at_least(law.SPECIAL_MAJORITY.value, yes, present)


def founding_quorum_reached(consenters: int, present: int) -> bool:
    """More than half of the consenters present (Act 15)."""
    return _more_than(law.FOUNDING_QUORUM.value, present, consenters)


def founding_passed(yes: int, present: int) -> bool:
    """At least two thirds of those present at the founding meeting (Act 15)."""
    return _at_least(law.FOUNDING_MAJORITY.value, yes, present)


def board_quorum_reached(directors_in_office: int, directors_present: int) -> bool:
    """More than half of the directors in office present (Act 32③)."""
    return _more_than(law.BOARD_QUORUM.value, directors_present, directors_in_office)


def board_passed(yes: int, directors_present: int) -> bool:
    """More than half of the directors present say yes (Act 32③)."""
    return _more_than(law.BOARD_MAJORITY.value, yes, directors_present)


class Rule(Enum):
    """The arithmetic applied to an item."""

    ORDINARY = "ordinary"  # 2*yes > present
    SPECIAL = "special"  # 3*yes >= 2*present
    FOUNDING = "founding"  # 3*yes >= 2*present, quorum over consenters
    BOARD = "board"  # 2*yes > directors present, quorum over directors in office


@dataclass(frozen=True, slots=True)
class Explanation:
    """A translatable sentence: an English message id and its numbers."""

    message: str
    params: tuple[tuple[str, int], ...] = ()

    @property
    def kwargs(self) -> dict[str, int]:
        return dict(self.params)

    def english(self) -> str:
        return self.message.format(**self.kwargs)


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
    quorum_reached: bool
    rule: Rule
    explanation: Explanation  # why it passed or failed (the quorum, if that failed)
    ref: LawRef  # the article of that explanation
    quorum: Explanation  # the quorum statement for the minutes
    quorum_ref: LawRef
    excluded_note: Explanation | None = None


def check_tally(tally: Tally, meeting: MeetingKind) -> None:
    """Refuse counts that cannot be true."""
    for f in fields(Tally):
        if getattr(tally, f.name) < 0:
            raise Refusal(N_("A count cannot be negative."), field=f.name)
    if meeting is MeetingKind.BOARD and tally.by_proxy:
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
    if kind is ResolutionKind.REPORT:
        raise Refusal(N_("A report is not put to a vote."), field="kind")
    check_kind_at(meeting, kind)
    check_tally(tally, meeting)
    rule = _rule(kind, meeting)
    quorate, quorum_text, quorum_ref = _quorum(tally, meeting)
    met, text, ref = _majority(rule, tally.yes, tally.voters)
    note = None
    if tally.excluded:
        note = Explanation(N_("{excluded} present with a personal interest are left out of the base."),
                           (("excluded", tally.excluded),))
    if not quorate:
        return Outcome(False, False, rule, quorum_text, quorum_ref, quorum_text, quorum_ref, note)
    return Outcome(met, True, rule, text, ref, quorum_text, quorum_ref, note)


def _rule(kind: ResolutionKind, meeting: MeetingKind) -> Rule:
    if meeting is MeetingKind.FOUNDING:
        return Rule.FOUNDING  # every founding decision needs 2/3, whatever the item
    if meeting is MeetingKind.BOARD:
        return Rule.BOARD
    return Rule.SPECIAL if kind is ResolutionKind.SPECIAL else Rule.ORDINARY


# The sentences spell out the integer forms of 1/2 and 2/3; test_law pins those values,
# so an amendment of law.py shows up as a failing test before a wrong sentence prints.
_QUORUM_TEXT = {
    MeetingKind.FOUNDING: (N_("2 × present ({present}) > consenters ({members})"),
                           N_("2 × present ({present}) ≤ consenters ({members})")),
    MeetingKind.BOARD: (N_("2 × directors present ({present}) > directors in office ({members})"),
                        N_("2 × directors present ({present}) ≤ directors in office ({members})")),
}
_ASSEMBLY_QUORUM_TEXT = (N_("2 × present ({present}) > members ({members})"),
                         N_("2 × present ({present}) ≤ members ({members})"))

_MAJORITY_TEXT = {
    Rule.ORDINARY: (N_("2 × yes ({yes}) > present ({present})"), N_("2 × yes ({yes}) ≤ present ({present})")),
    Rule.SPECIAL: (N_("3 × yes ({yes}) ≥ 2 × present ({present})"),
                   N_("3 × yes ({yes}) < 2 × present ({present})")),
    Rule.BOARD: (N_("2 × yes ({yes}) > directors present ({present})"),
                 N_("2 × yes ({yes}) ≤ directors present ({present})")),
}
_MAJORITY_TEXT[Rule.FOUNDING] = _MAJORITY_TEXT[Rule.SPECIAL]


def _quorum(tally: Tally, meeting: MeetingKind) -> tuple[bool, Explanation, LawRef]:
    if meeting is MeetingKind.FOUNDING:
        ok, ref = founding_quorum_reached(tally.members, tally.present), law.FOUNDING_QUORUM.ref
    elif meeting is MeetingKind.BOARD:
        ok, ref = board_quorum_reached(tally.members, tally.present), law.BOARD_QUORUM.ref
    else:
        ok, ref = quorum_reached(tally.members, tally.present), law.ASSEMBLY_QUORUM.ref
    met, unmet = _QUORUM_TEXT.get(meeting, _ASSEMBLY_QUORUM_TEXT)
    params = (("present", tally.present), ("members", tally.members))
    return ok, Explanation(met if ok else unmet, params), ref


def _majority(rule: Rule, yes: int, base: int) -> tuple[bool, Explanation, LawRef]:
    test, ref = {
        Rule.ORDINARY: (ordinary_passed, law.ORDINARY_MAJORITY.ref),
        Rule.SPECIAL: (special_passed, law.SPECIAL_MAJORITY.ref),
        Rule.FOUNDING: (founding_passed, law.FOUNDING_MAJORITY.ref),
        Rule.BOARD: (board_passed, law.BOARD_MAJORITY.ref),
    }[rule]
    passed = test(yes, base)
    if base == 0:  # everyone present is excluded: nothing can pass
        return False, Explanation(N_("No one present may vote on this item.")), ref
    met, unmet = _MAJORITY_TEXT[rule]
    return passed, Explanation(met if passed else unmet, (("yes", yes), ("present", base))), ref
