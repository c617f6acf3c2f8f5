"""Meetings (회의) and the kind of resolution each agenda item needs.

A general assembly (총회) decides by ordinary resolution (보통결의) unless the Act names
the matter for a special resolution (특별결의, Act 29②); officer elections (임원 선출)
and removals (해임) are ordinary.  Where the law decides the kind, CoopDesk sets it and
refuses a lower one.
"""

from __future__ import annotations

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
