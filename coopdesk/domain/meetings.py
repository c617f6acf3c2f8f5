"""Meetings (회의) and the kind of resolution each agenda item needs.

A general assembly (총회) decides by ordinary resolution (보통결의) unless the Act names
the matter for a special resolution (특별결의, Act 29②); officer elections (임원 선출)
and removals (해임) are ordinary.  Where the law decides the kind, CoopDesk sets it and
refuses a lower one.  The minutes (의사록) signature rule is here too (Act 30③).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from enum import Enum

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.law_ref import LawRef
from coopdesk.domain.text import N_


class MeetingKind(Enum):
    FOUNDING = "founding"  # 창립총회
    ORDINARY_ASSEMBLY = "ordinary_assembly"  # 정기총회
    EXTRAORDINARY_ASSEMBLY = "extraordinary_assembly"  # 임시총회
    BOARD = "board"  # 이사회

    @property
    def label(self) -> str:
        return MEETING_LABELS[self]

    @property
    def is_members_meeting(self) -> bool:
        """A meeting of members (or, for founding, of consenters), not of directors."""
        return self is not MeetingKind.BOARD


class ResolutionKind(Enum):
    REPORT = "report"  # 보고 (no vote)
    ORDINARY = "ordinary"  # 보통결의
    SPECIAL = "special"  # 특별결의
    ELECTION = "election"  # 선거 (an ordinary resolution held as an election)

    @property
    def label(self) -> str:
        return KIND_LABELS[self]

    @property
    def rank(self) -> int:
        """How demanding the kind is: a report < ordinary = election < special."""
        return _RANK[self]


_RANK = {
    ResolutionKind.REPORT: 0,
    ResolutionKind.ORDINARY: 1,
    ResolutionKind.ELECTION: 1,
    ResolutionKind.SPECIAL: 2,
}


class Subject(Enum):
    """What an agenda item is about, where that matters to the law."""

    OTHER = "other"  # 기타: the secretary chooses the kind
    BYLAWS_AMENDMENT = "bylaws_amendment"  # 정관 변경
    MERGER = "merger"  # 합병
    SPLIT = "split"  # 분할
    DISSOLUTION = "dissolution"  # 해산
    SUSPENSION = "suspension"  # 휴업
    CONTINUATION = "continuation"  # 계속 (continuing business)
    EXPULSION = "expulsion"  # 조합원 제명
    LEAVER_REFUND = "leaver_refund"  # 탈퇴·제명 조합원 출자금 환급
    PREFERRED_INVESTMENT = "preferred_investment"  # 다른 협동조합에 대한 우선출자
    OFFICER_ELECTION = "officer_election"  # 임원 선출
    OFFICER_REMOVAL = "officer_removal"  # 임원 해임
    SETTLEMENT = "settlement"  # 사업보고 및 결산보고서 승인 (Act 29①5)
    AUDIT_REPORT = "audit_report"  # 감사보고서 승인 (Act 29①6)
    PLAN_AND_BUDGET = "plan_and_budget"  # 사업계획 및 예산 승인 (Act 29①4)
    BYLAWS_ADOPTION = "bylaws_adoption"  # 정관 승인 (창립총회)
    FOUNDING_EXPENSES = "founding_expenses"  # 설립경비 승인 (창립총회)

    @property
    def label(self) -> str:
        return SUBJECT_LABELS[self]


MEETING_LABELS = {
    MeetingKind.FOUNDING: N_("Founding meeting"),
    MeetingKind.ORDINARY_ASSEMBLY: N_("Ordinary general assembly"),
    MeetingKind.EXTRAORDINARY_ASSEMBLY: N_("Extraordinary general assembly"),
    MeetingKind.BOARD: N_("Board meeting"),
}

KIND_LABELS = {
    ResolutionKind.REPORT: N_("Report only"),
    ResolutionKind.ORDINARY: N_("Ordinary resolution"),
    ResolutionKind.SPECIAL: N_("Special resolution"),
    ResolutionKind.ELECTION: N_("Election"),
}

SUBJECT_LABELS = {
    Subject.OTHER: N_("Other matter"),
    Subject.BYLAWS_AMENDMENT: N_("Amendment of the bylaws"),
    Subject.MERGER: N_("Merger"),
    Subject.SPLIT: N_("Split"),
    Subject.DISSOLUTION: N_("Dissolution"),
    Subject.SUSPENSION: N_("Suspension of business"),
    Subject.CONTINUATION: N_("Continuation of business"),
    Subject.EXPULSION: N_("Expulsion of a member"),
    Subject.LEAVER_REFUND: N_("Refund to withdrawn or expelled members"),
    Subject.PREFERRED_INVESTMENT: N_("Preferred investment in another co-op"),
    Subject.OFFICER_ELECTION: N_("Election of officers"),
    Subject.OFFICER_REMOVAL: N_("Removal of an officer"),
    Subject.SETTLEMENT: N_("Business report and settlement of accounts"),
    Subject.AUDIT_REPORT: N_("Audit report"),
    Subject.PLAN_AND_BUDGET: N_("Business plan and budget"),
    Subject.BYLAWS_ADOPTION: N_("Adoption of the bylaws"),
    Subject.FOUNDING_EXPENSES: N_("Founding expenses"),
}

_SPECIAL = law.SPECIAL_MAJORITY.ref  # Act 29②: the special-resolution list
_ORDINARY = law.ORDINARY_MAJORITY.ref  # Act 29②: "그 밖의 사항" by ordinary resolution
_FOUNDING = law.FOUNDING_MAJORITY.ref  # Act 15: what the founding meeting decides

# The kind the law requires, and where it says so.
_REQUIRED: dict[Subject, tuple[ResolutionKind, LawRef | None]] = {
    Subject.OTHER: (ResolutionKind.REPORT, None),
    Subject.BYLAWS_AMENDMENT: (ResolutionKind.SPECIAL, _SPECIAL),
    Subject.MERGER: (ResolutionKind.SPECIAL, _SPECIAL),
    Subject.SPLIT: (ResolutionKind.SPECIAL, _SPECIAL),
    Subject.DISSOLUTION: (ResolutionKind.SPECIAL, _SPECIAL),
    Subject.SUSPENSION: (ResolutionKind.SPECIAL, _SPECIAL),
    Subject.CONTINUATION: (ResolutionKind.SPECIAL, _SPECIAL),
    Subject.EXPULSION: (ResolutionKind.SPECIAL, _SPECIAL),
    Subject.LEAVER_REFUND: (ResolutionKind.SPECIAL, _SPECIAL),
    Subject.PREFERRED_INVESTMENT: (ResolutionKind.SPECIAL, _SPECIAL),
    Subject.OFFICER_ELECTION: (ResolutionKind.ELECTION, _ORDINARY),
    Subject.OFFICER_REMOVAL: (ResolutionKind.ORDINARY, _ORDINARY),
    Subject.SETTLEMENT: (ResolutionKind.ORDINARY, _ORDINARY),
    Subject.AUDIT_REPORT: (ResolutionKind.ORDINARY, _ORDINARY),
    Subject.PLAN_AND_BUDGET: (ResolutionKind.ORDINARY, _ORDINARY),
    Subject.BYLAWS_ADOPTION: (ResolutionKind.ORDINARY, _FOUNDING),
    Subject.FOUNDING_EXPENSES: (ResolutionKind.ORDINARY, _FOUNDING),
}


def required_kind(subject: Subject) -> ResolutionKind:
    """The least kind of resolution the law allows for this subject."""
    return _REQUIRED[subject][0]


def required_by(subject: Subject) -> LawRef | None:
    """The article that fixes the subject's kind (None: the secretary's choice)."""
    return _REQUIRED[subject][1]


def check_kind(subject: Subject, chosen: ResolutionKind) -> None:
    """Refuse a kind lower than the law's; an officer election is always an election."""
    required, ref = _REQUIRED[subject]
    if required is ResolutionKind.ELECTION and chosen is not ResolutionKind.ELECTION:
        raise Refusal(N_("An election of officers is held as an election."), article=ref, field="kind")
    if chosen.rank < required.rank and required is ResolutionKind.SPECIAL:
        raise Refusal(N_("The Act requires a special resolution for this item."), article=ref, field="kind")
    if chosen.rank < required.rank:
        raise Refusal(N_("The Act requires a resolution for this item; it cannot be a report only."),
                      article=ref, field="kind")
    if chosen is ResolutionKind.ELECTION and required is not ResolutionKind.ELECTION and subject is not Subject.OTHER:
        raise Refusal(N_("Only an election of officers is held as an election."), field="kind")


def check_kind_at(meeting: MeetingKind, kind: ResolutionKind) -> None:
    """A board cannot take a special resolution: those matters belong to the assembly (Act 29)."""
    if meeting is MeetingKind.BOARD and kind is ResolutionKind.SPECIAL:
        raise Refusal(N_("A special resolution is a matter for the general assembly, not the board."),
                      article=_SPECIAL, field="kind")


# Standard agendas: (subject, title message id, kind), in the usual order.
AgendaTemplate = tuple[Subject, str, ResolutionKind]

ORDINARY_ASSEMBLY_AGENDA: tuple[AgendaTemplate, ...] = (
    (Subject.SETTLEMENT, N_("Approval of last year's business report and settlement of accounts"),
     ResolutionKind.ORDINARY),
    (Subject.AUDIT_REPORT, N_("Approval of the audit report"), ResolutionKind.ORDINARY),
    (Subject.PLAN_AND_BUDGET, N_("Approval of this year's business plan and budget"), ResolutionKind.ORDINARY),
    (Subject.OFFICER_ELECTION, N_("Election of officers"), ResolutionKind.ELECTION),
)

# What a founding meeting must decide (Act 15, LAW.md "Founding").  Every item of a founding
# meeting passes by 2/3 of those present whatever its kind: see resolutions.decide.
FOUNDING_AGENDA: tuple[AgendaTemplate, ...] = (
    (Subject.BYLAWS_ADOPTION, N_("Adoption of the bylaws"), ResolutionKind.ORDINARY),
    (Subject.PLAN_AND_BUDGET, N_("Approval of the business plan and budget"), ResolutionKind.ORDINARY),
    (Subject.OFFICER_ELECTION, N_("Election of officers"), ResolutionKind.ELECTION),
    (Subject.FOUNDING_EXPENSES, N_("Approval of the founding expenses"), ResolutionKind.ORDINARY),
)


def standard_agenda(meeting: MeetingKind) -> tuple[AgendaTemplate, ...]:
    """The agenda offered for a new meeting of this kind (empty if there is none)."""
    return {MeetingKind.ORDINARY_ASSEMBLY: ORDINARY_ASSEMBLY_AGENDA,
            MeetingKind.FOUNDING: FOUNDING_AGENDA}.get(meeting, ())


def board_optional(members: int) -> bool:
    """A co-op with fewer than 10 members may do without a board (Act 32①)."""
    return members < law.BOARD_OPTIONAL_BELOW_MEMBERS.value


@dataclass(frozen=True, slots=True)
class Signatures:
    """Who signs the minutes, in print order: the chair first (if any), then the others."""

    chair: Hashable | None
    others: tuple[Hashable, ...]


def check_minute_signers(
    meeting: MeetingKind,
    chair: Hashable | None,
    signers: Iterable[Hashable],
    attending_directors: Iterable[Hashable] = (),
) -> Signatures:
    """The signature block the law asks for, or a refusal.

    A general assembly or founding meeting: the chair plus at least 3 members elected at
    the meeting (Act 30③; founding minutes likewise, LAW.md) — the chair does not count
    among the three.  A board: every attending director signs (practice [L]).
    """
    if meeting is MeetingKind.BOARD:
        return _board_signers(chair, signers, attending_directors)
    others = tuple(dict.fromkeys(s for s in signers if s != chair))  # the chair and repeats don't count
    rule = law.MINUTES_MIN_SIGNING_MEMBERS
    if chair is None:
        raise Refusal(N_("The minutes need the signature of the meeting's chair."),
                      article=rule.ref, field="chair")
    if len(others) < rule.value:
        raise Refusal(N_("The minutes need the chair and at least {minimum} members elected at the "
                         "meeting to sign; {count} chosen."),
                      article=rule.ref, field="signers", minimum=rule.value, count=len(others))
    return Signatures(chair, others)


def _board_signers(
    chair: Hashable | None, signers: Iterable[Hashable], attending: Iterable[Hashable]
) -> Signatures:
    directors = tuple(dict.fromkeys(attending))
    chosen = set(signers) | ({chair} if chair is not None else set())
    if not directors:
        raise Refusal(N_("Board minutes need the directors who attended."), field="signers")
    if chosen - set(directors):
        raise Refusal(N_("Only directors who attended the board meeting sign its minutes."), field="signers")
    missing = [d for d in directors if d not in chosen]
    if missing:
        raise Refusal(N_("Every director who attended signs the board minutes; {count} missing."),
                      field="signers", count=len(missing))
    head = chair if chair in directors else None
    return Signatures(head, tuple(d for d in directors if d != head))
