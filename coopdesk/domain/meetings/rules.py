"""What the law asks of each kind of meeting, in one table.

One frozen ``MeetingRules`` per kind of meeting (founding, ordinary, extraordinary,
board): who is on the register that the quorum counts, whether proxies are allowed,
the quorum test, the majority each kind of resolution needs, who signs the minutes,
the notice period, and the words the screens and the minutes use for all of these.
Everything else — services, documents, the window, the command line — asks this table
and never branches on the kind of meeting to decide law.

The arithmetic is exact (LAW.md "Arithmetic that must be exact"): a share of a base is
met by ``part · q > p · base`` ("more than") or ``part · q ≥ p · base`` ("at least").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction
from types import MappingProxyType

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.law_ref import LawRef
from coopdesk.domain.meetings.kinds import (
    KIND_LABELS, MeetingKind, ResolutionKind, Subject, check_kind, required_by, required_kind,
)
from coopdesk.domain.officers.terms import board_required
from coopdesk.domain.text import N_, Explanation


class Register(Enum):
    """Whom the quorum counts (the base of the meeting)."""

    MEMBERS = "members"  # members on the register on the meeting day (조합원)
    CONSENTERS = "consenters"  # founding consenters (설립동의자, Act 15)
    DIRECTORS = "directors"  # the chair and directors in office that day (재임 이사, Act 32③)


class Rule(Enum):
    """The arithmetic applied to an item; stored with a closed result."""

    ORDINARY = "ordinary"  # 2*yes > present
    SPECIAL = "special"  # 3*yes >= 2*present
    FOUNDING = "founding"  # 3*yes >= 2*present, quorum over consenters
    BOARD = "board"  # 2*yes > directors present, quorum over directors in office


@dataclass(frozen=True, slots=True)
class Threshold:
    """A share of a base: "more than" it (``strict``) or "at least" it."""

    share: Fraction
    strict: bool

    def met(self, part: int, whole: int) -> bool:
        p, q = self.share.numerator, self.share.denominator
        if self.strict:
            return part * q > p * whole
        return whole > 0 and part * q >= p * whole  # an empty base is never enough

    def fewest(self, whole: int) -> int | None:
        """The smallest part of ``whole`` that meets the threshold; None if not even all of it."""
        if whole < 0 or not self.met(whole, whole):
            return None
        p, q = self.share.numerator, self.share.denominator
        # strict: part > p·whole/q, so floor(p·whole/q) + 1; at least: ceil(p·whole/q)
        fewest = (p * whole) // q + 1 if self.strict else -((-p * whole) // q)
        return max(fewest, 0)


@dataclass(frozen=True, slots=True)
class QuorumRule:
    """The quorum (성원): enough of the register present to do business."""

    threshold: Threshold
    ref: LawRef
    met_text: str  # "2 × present ({present}) > members ({members})"
    unmet_text: str

    def reached(self, base: int, present: int) -> bool:
        return self.threshold.met(present, base)

    def needed(self, base: int) -> int | None:
        """The fewest present that make the quorum (None: never, e.g. an empty register)."""
        return self.threshold.fewest(base)


@dataclass(frozen=True, slots=True)
class MajorityRule:
    """What a resolution needs to pass (가결)."""

    rule: Rule
    threshold: Threshold
    ref: LawRef
    summary: str  # "Special resolution: at least two thirds of those present say yes"
    met_text: str  # "3 × yes ({yes}) ≥ 2 × present ({present})"
    unmet_text: str
    # what the papers call an item decided by this rule; blank: the name of the item's kind
    # (a founding meeting's items are all decided by 2/3 of those present, whatever their kind)
    label: str = ""

    def passed(self, yes: int, voters: int) -> bool:
        return self.threshold.met(yes, voters)

    def needed(self, voters: int) -> int | None:
        """The fewest yes votes that pass (None: nothing can pass, e.g. no one may vote)."""
        return self.threshold.fewest(voters)

    def explain(self, yes: int, voters: int) -> Explanation:
        """Why it passed or failed, in the rule's own integer form."""
        if voters == 0:
            return Explanation(N_("No one present may vote on this item."))
        text = self.met_text if self.passed(yes, voters) else self.unmet_text
        return Explanation(text, (("yes", yes), ("present", voters)))


@dataclass(frozen=True, slots=True)
class MinuteSigners:
    """Who signs the minutes: the chair and at least ``minimum`` elected at the meeting
    (Act 30③, and the founding minutes likewise), or every director who attended [L]."""

    elected: bool  # True: chosen at the meeting; False: every attending director signs
    minimum: int
    ref: LawRef | None
    rule_text: str  # the rule as the screen says it, with {minimum}
    role: str  # the word beside each name in the signature block
    statement: str  # the sentence above the signature block


@dataclass(frozen=True, slots=True)
class Words:
    """How the screens and the minutes name the register and say the results."""

    register: str  # "Members on the register"
    register_in_minutes: str  # "Members on the register" / "Founding consenters" / "Directors in office"
    opening_met: str  # the minutes' quorum statement
    opening_unmet: str
    carried: str  # "Of the {present} members present, {yes} voted yes ...: the motion was carried."
    rejected: str
    elected: str
    not_elected: str
    addressee: str  # whom the notice is addressed to, with {coop}
    convener: str  # the title of who signs the notice
    # the notice's sentence on proxies, with {article}
    proxy_note: str = N_("A member who cannot attend may vote through a proxy: another member or a family member "
                         "living with them, who hands in a signed proxy form. One proxy represents one member only "
                         "({article}).")


@dataclass(frozen=True, slots=True)
class QuorumState:
    """The quorum of a room, as every screen shows it: the numbers, the rule and its article,
    and how many more must come."""

    register: Register
    base: int
    present: int
    reached: bool
    needed: int | None  # the fewest present that make the quorum; None: never
    statement: Explanation  # "2 × present (8) > members (15)"
    ref: LawRef

    @property
    def missing(self) -> int:
        """How many more must come for the quorum (0 once it is reached)."""
        if self.reached or self.needed is None:
            return 0
        return max(self.needed - self.present, 0)


@dataclass(frozen=True, slots=True)
class MeetingRules:
    """Everything the law decides about one kind of meeting."""

    kind: MeetingKind
    register: Register
    proxies: bool  # members may vote through a proxy (Act 23③); directors attend in person
    quorum: QuorumRule
    majorities: Mapping[ResolutionKind, MajorityRule]  # a report has none; a board has no special
    signers: MinuteSigners
    notice: law.LawValue[int] | None  # the Act's notice period; None: the bylaws decide
    bylaws_may_lengthen_notice: bool  # a longer notice period in the bylaws applies
    convened_by_chair: bool  # the chair in office convenes (Act 28); the founders convene a founding meeting
    words: Words

    def majority(self, kind: ResolutionKind) -> MajorityRule:
        """The rule an item of this kind is decided by, or a refusal citing why there is none."""
        if kind is ResolutionKind.REPORT:
            raise Refusal(N_("A report is not put to a vote."), field="kind")
        found = self.majorities.get(kind)
        if found is None:  # the only gap: a special resolution at a board
            raise Refusal(N_("A special resolution is a matter for the general assembly, not the board."),
                          article=law.SPECIAL_MAJORITY.ref, field="kind")
        return found

    def kind_label(self, kind: ResolutionKind) -> str:
        """The words the notice, the agenda and the minutes print beside an item of this kind: the
        resolution this room applies to it (a founding meeting: 2/3 of those present, Act 15)."""
        found = self.majorities.get(kind)
        return found.label if found is not None and found.label else KIND_LABELS[kind]

    @property
    def uniform_majority(self) -> MajorityRule | None:
        """The one rule every item of this meeting is decided by, if there is one (a founding
        meeting, a board); None where the items' kinds decide (an assembly)."""
        rules = {(m.rule, m.threshold) for m in self.majorities.values()}
        return next(iter(self.majorities.values())) if len(rules) == 1 else None

    def allows(self, kind: ResolutionKind) -> bool:
        return kind is ResolutionKind.REPORT or kind in self.majorities

    def quorum_state(self, base: int, present: int) -> QuorumState:
        reached = self.quorum.reached(base, present)
        text = self.quorum.met_text if reached else self.quorum.unmet_text
        statement = Explanation(text, (("present", present), ("members", base)))
        return QuorumState(self.register, base, present, reached, self.quorum.needed(base), statement,
                           self.quorum.ref)

    def needed_for_quorum(self, base: int) -> int | None:
        return self.quorum.needed(base)

    def needed_to_pass(self, kind: ResolutionKind, voters: int, yes: int) -> int | None:
        """How many more yes votes the item would need (0: it passes; None: it cannot)."""
        fewest = self.majority(kind).needed(voters)
        return None if fewest is None else max(fewest - yes, 0)


def check_kind_at(meeting: MeetingKind, kind: ResolutionKind) -> None:
    """A board cannot take a special resolution: those matters belong to the assembly (Act 29)."""
    if kind is not ResolutionKind.REPORT:
        rules_for(meeting).majority(kind)


@dataclass(frozen=True, slots=True)
class ItemChoice:
    """What the law lets an agenda item about ``subject`` be at a kind of meeting."""

    subject: Subject
    required: ResolutionKind  # the least kind the law allows (a report: the secretary's choice)
    required_by: LawRef | None  # the article that fixes it
    allowed: tuple[ResolutionKind, ...]  # the kinds allowed at this meeting, least first

    @property
    def default(self) -> ResolutionKind:
        """The kind to take when none is given: the Act's, or an ordinary resolution (Act 29②)."""
        return ResolutionKind.ORDINARY if self.required is ResolutionKind.REPORT else self.required


_FOUNDING_ONLY = (Subject.BYLAWS_ADOPTION, Subject.FOUNDING_EXPENSES)


def item_choices(meeting: MeetingKind) -> tuple[ItemChoice, ...]:
    """The subjects worth offering at a meeting of this kind, each with its kinds.

    A founding meeting's own subjects are hidden elsewhere: an assembly that picked
    "adoption of the bylaws" would pass an amendment by ordinary resolution.  The founding
    meeting adopts the bylaws: there is nothing to amend yet.  A board cannot take a special
    resolution (Act 29②), so those subjects are the assembly's.
    """
    choices = []
    for subject in Subject:
        if subject in _FOUNDING_ONLY and meeting is not MeetingKind.FOUNDING:
            continue
        if subject is Subject.BYLAWS_AMENDMENT and meeting is MeetingKind.FOUNDING:
            continue
        choice = item_choice(meeting, subject)
        if choice.required in choice.allowed:
            choices.append(choice)
    return tuple(choices)


def item_choice(meeting: MeetingKind, subject: Subject) -> ItemChoice:
    """What the law lets an item about ``subject`` be at this kind of meeting (``allowed`` may be
    empty: then adding it is refused, with the reason)."""
    rules = rules_for(meeting)
    allowed = tuple(k for k in ResolutionKind if rules.allows(k) and _fits(subject, k))
    return ItemChoice(subject, required_kind(subject), required_by(subject), allowed)


def _fits(subject: Subject, kind: ResolutionKind) -> bool:
    try:
        check_kind(subject, kind)
    except Refusal:
        return False
    return True


def board_optional(members: int) -> bool:
    """A co-op with fewer than 10 members may do without a board (Act 32①): the officers' rule."""
    return not board_required(members).required


# -- the table --------------------------------------------------------------------------------
# The sentences spell out the integer forms of 1/2 and 2/3; test_law pins those values,
# so an amendment of law.py shows up as a failing test before a wrong sentence prints.

def _more_than(value: law.LawValue[Fraction]) -> Threshold:
    return Threshold(value.value, strict=True)


def _at_least(value: law.LawValue[Fraction]) -> Threshold:
    return Threshold(value.value, strict=False)


_ORDINARY = MajorityRule(
    Rule.ORDINARY, _more_than(law.ORDINARY_MAJORITY), law.ORDINARY_MAJORITY.ref,
    N_("Ordinary resolution: more than half of those present say yes"),
    N_("2 × yes ({yes}) > present ({present})"), N_("2 × yes ({yes}) ≤ present ({present})"))
_SPECIAL = MajorityRule(
    Rule.SPECIAL, _at_least(law.SPECIAL_MAJORITY), law.SPECIAL_MAJORITY.ref,
    N_("Special resolution: at least two thirds of those present say yes"),
    N_("3 × yes ({yes}) ≥ 2 × present ({present})"), N_("3 × yes ({yes}) < 2 × present ({present})"))
_ELECTION = MajorityRule(
    Rule.ORDINARY, _more_than(law.ORDINARY_MAJORITY), law.ORDINARY_MAJORITY.ref,
    N_("Election: here only the counts of the motion, decided by more than half of those present; "
       "candidates are elected in a later step"),
    _ORDINARY.met_text, _ORDINARY.unmet_text)
_FOUNDING = MajorityRule(
    Rule.FOUNDING, _at_least(law.FOUNDING_MAJORITY), law.FOUNDING_MAJORITY.ref,
    N_("Founding meeting: at least two thirds of those present say yes"),
    _SPECIAL.met_text, _SPECIAL.unmet_text, N_("Founding resolution: two thirds of those present"))
_FOUNDING_ELECTION = MajorityRule(
    Rule.FOUNDING, _FOUNDING.threshold, _FOUNDING.ref, _FOUNDING.summary, _FOUNDING.met_text, _FOUNDING.unmet_text,
    N_("Election: two thirds of those present"))
_BOARD = MajorityRule(
    Rule.BOARD, _more_than(law.BOARD_MAJORITY), law.BOARD_MAJORITY.ref,
    N_("Board decision: more than half of the directors present say yes"),
    N_("2 × yes ({yes}) > directors present ({present})"), N_("2 × yes ({yes}) ≤ directors present ({present})"))

_ELECTED_SIGNERS = law.MINUTES_MIN_SIGNING_MEMBERS
_SIGNING_STATEMENT = N_("To record the proceedings and results of this meeting, these minutes were drawn up "
                        "and signed or sealed by the chair and the members elected at the meeting to sign them.")
_ASSEMBLY_SIGNERS = MinuteSigners(
    True, _ELECTED_SIGNERS.value, _ELECTED_SIGNERS.ref,
    N_("The chair and at least {minimum} members elected at the meeting sign the minutes. Tick the members "
       "elected; the list shows those present in person."),
    N_("Member elected to sign"), _SIGNING_STATEMENT)

_ASSEMBLY_WORDS = Words(
    N_("Members on the register"), N_("Members on the register"),
    N_("Of the {members} members, {present} were present ({in_person} in person, {by_proxy} by proxy); the "
       "chair confirmed that the quorum was reached and declared the meeting open."),
    N_("Of the {members} members, {present} were present ({in_person} in person, {by_proxy} by proxy); the "
       "quorum was not reached."),
    N_("Of the {present} members present, {yes} voted yes, {no} no and {abstain} abstained: the motion was "
       "carried."),
    N_("Of the {present} members present, {yes} voted yes, {no} no and {abstain} abstained: the motion was "
       "rejected."),
    N_("Of the {present} members present, {yes} voted yes, {no} no and {abstain} abstained: elected as "
       "proposed."),
    N_("Of the {present} members present, {yes} voted yes, {no} no and {abstain} abstained: not elected; the "
       "seat stays unfilled."),
    N_("To the members of {coop}"), N_("Chair"),
)

_ASSEMBLY_QUORUM = QuorumRule(
    _more_than(law.ASSEMBLY_QUORUM), law.ASSEMBLY_QUORUM.ref,
    N_("2 × present ({present}) > members ({members})"), N_("2 × present ({present}) ≤ members ({members})"))


def _assembly(kind: MeetingKind) -> MeetingRules:
    majorities = {ResolutionKind.ORDINARY: _ORDINARY, ResolutionKind.SPECIAL: _SPECIAL,
                  ResolutionKind.ELECTION: _ELECTION}
    return MeetingRules(kind, Register.MEMBERS, True, _ASSEMBLY_QUORUM, MappingProxyType(majorities),
                        _ASSEMBLY_SIGNERS, law.MEETING_NOTICE_DAYS, True, True, _ASSEMBLY_WORDS)


# Every founding decision needs 2/3 of those present, whatever the item (Act 15).
_FOUNDING_RULES = MeetingRules(
    MeetingKind.FOUNDING, Register.CONSENTERS, True,
    QuorumRule(_more_than(law.FOUNDING_QUORUM), law.FOUNDING_QUORUM.ref,
               N_("2 × present ({present}) > consenters ({members})"),
               N_("2 × present ({present}) ≤ consenters ({members})")),
    MappingProxyType({ResolutionKind.ORDINARY: _FOUNDING, ResolutionKind.SPECIAL: _FOUNDING,
                      ResolutionKind.ELECTION: _FOUNDING_ELECTION}),
    MinuteSigners(True, _ELECTED_SIGNERS.value, _ELECTED_SIGNERS.ref, _ASSEMBLY_SIGNERS.rule_text,
                  N_("Consenter elected to sign"), _SIGNING_STATEMENT),
    law.FOUNDING_NOTICE_DAYS, False,  # a public notice under the Act: there are no bylaws yet
    False,  # the founders convene it (Act 15②): there is no chair yet
    Words(
        N_("Consenters"), N_("Founding consenters"),
        N_("Of the {members} founding consenters, {present} were present ({in_person} in person, {by_proxy} by "
           "proxy); the chair confirmed that the quorum was reached and declared the meeting open."),
        N_("Of the {members} founding consenters, {present} were present ({in_person} in person, {by_proxy} by "
           "proxy); the quorum was not reached."),
        N_("Of the {present} consenters present, {yes} voted yes, {no} no and {abstain} abstained: the motion "
           "was carried."),
        N_("Of the {present} consenters present, {yes} voted yes, {no} no and {abstain} abstained: the motion "
           "was rejected."),
        N_("Of the {present} consenters present, {yes} voted yes, {no} no and {abstain} abstained: elected as "
           "proposed."),
        N_("Of the {present} consenters present, {yes} voted yes, {no} no and {abstain} abstained: not "
           "elected; the seat stays unfilled."),
        N_("To the founders and everyone who consents to join {coop}"), N_("Representative of the founders"),
        N_("A consenter who cannot attend may vote through a proxy: another consenter or a family member living "
           "with them, who hands in a signed proxy form. One proxy represents one consenter only ({article})."),
    ),
)

# A board decides by a majority of the directors present; the matters of a special
# resolution belong to the assembly (Act 29②); directors attend in person [L].
_BOARD_RULES = MeetingRules(
    MeetingKind.BOARD, Register.DIRECTORS, False,
    QuorumRule(_more_than(law.BOARD_QUORUM), law.BOARD_QUORUM.ref,
               N_("2 × directors present ({present}) > directors in office ({members})"),
               N_("2 × directors present ({present}) ≤ directors in office ({members})")),
    MappingProxyType({ResolutionKind.ORDINARY: _BOARD, ResolutionKind.ELECTION: _BOARD}),
    MinuteSigners(False, 0, None, N_("Every director who attended signs the board minutes."),
                  N_("Director"),
                  N_("To record the proceedings and results of this meeting, these minutes were drawn up and "
                     "signed or sealed by the directors who attended.")),
    None, False,  # the Act sets no notice period for a board: the bylaws do [L]
    True,
    Words(
        N_("Directors in office"), N_("Directors in office"),
        N_("Of the {members} directors in office, {present} were present; the chair confirmed that the quorum "
           "was reached and declared the meeting open."),
        N_("Of the {members} directors in office, {present} were present; the quorum was not reached."),
        N_("Of the {present} directors present, {yes} voted yes, {no} no and {abstain} abstained: the motion "
           "was carried."),
        N_("Of the {present} directors present, {yes} voted yes, {no} no and {abstain} abstained: the motion "
           "was rejected."),
        N_("Of the {present} directors present, {yes} voted yes, {no} no and {abstain} abstained: elected as "
           "proposed."),
        N_("Of the {present} directors present, {yes} voted yes, {no} no and {abstain} abstained: not "
           "elected; the seat stays unfilled."),
        N_("To the directors of {coop}"), N_("Chair"),
    ),
)

MEETING_RULES: Mapping[MeetingKind, MeetingRules] = MappingProxyType({
    MeetingKind.FOUNDING: _FOUNDING_RULES,
    MeetingKind.ORDINARY_ASSEMBLY: _assembly(MeetingKind.ORDINARY_ASSEMBLY),
    MeetingKind.EXTRAORDINARY_ASSEMBLY: _assembly(MeetingKind.EXTRAORDINARY_ASSEMBLY),
    MeetingKind.BOARD: _BOARD_RULES,
})


def rules_for(kind: MeetingKind) -> MeetingRules:
    return MEETING_RULES[kind]
