"""The standard agendas offered for a new meeting (Act 29①, Act 15).

A standard item is stored with the code of its title, not its words: the title is said in
the language of the screen or the document that shows it.
"""

from __future__ import annotations

from enum import Enum

from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind, Subject
from coopdesk.domain.text import N_


class StandardTitle(Enum):
    """The title of a standard agenda item, stored as this code."""

    SETTLEMENT = "settlement"  # 전년도 사업보고 및 결산 승인
    AUDIT_REPORT = "audit_report"  # 감사보고 승인
    PLAN_AND_BUDGET_THIS_YEAR = "plan_and_budget_this_year"  # 올해 사업계획 및 예산 승인
    OFFICER_ELECTION = "officer_election"  # 임원 선출
    BYLAWS_ADOPTION = "bylaws_adoption"  # 정관 승인
    PLAN_AND_BUDGET = "plan_and_budget"  # 사업계획 및 예산 승인
    FOUNDING_EXPENSES = "founding_expenses"  # 설립경비 승인
    SURPLUS_APPROPRIATION = "surplus_appropriation"  # 잉여금처분안 승인 (Act 29①5, 47②)
    LOSS_DISPOSAL = "loss_disposal"  # 손실금처리안 승인

    @property
    def message(self) -> str:
        """The title's message id, translated where it is shown."""
        return STANDARD_TITLES[self]


STANDARD_TITLES = {
    StandardTitle.SETTLEMENT: N_("Approval of last year's business report and settlement of accounts"),
    StandardTitle.AUDIT_REPORT: N_("Approval of the audit report"),
    StandardTitle.PLAN_AND_BUDGET_THIS_YEAR: N_("Approval of this year's business plan and budget"),
    StandardTitle.OFFICER_ELECTION: N_("Election of officers"),
    StandardTitle.BYLAWS_ADOPTION: N_("Adoption of the bylaws"),
    StandardTitle.PLAN_AND_BUDGET: N_("Approval of the business plan and budget"),
    StandardTitle.FOUNDING_EXPENSES: N_("Approval of the founding expenses"),
    StandardTitle.SURPLUS_APPROPRIATION: N_("Approval of the appropriation of the surplus"),
    StandardTitle.LOSS_DISPOSAL: N_("Approval of the disposition of the loss"),
}

# Standard agendas: (subject, title, kind), in the usual order.
AgendaTemplate = tuple[Subject, StandardTitle, ResolutionKind]

ORDINARY_ASSEMBLY_AGENDA: tuple[AgendaTemplate, ...] = (
    (Subject.SETTLEMENT, StandardTitle.SETTLEMENT, ResolutionKind.ORDINARY),
    (Subject.AUDIT_REPORT, StandardTitle.AUDIT_REPORT, ResolutionKind.ORDINARY),
    (Subject.PLAN_AND_BUDGET, StandardTitle.PLAN_AND_BUDGET_THIS_YEAR, ResolutionKind.ORDINARY),
    (Subject.OFFICER_ELECTION, StandardTitle.OFFICER_ELECTION, ResolutionKind.ELECTION),
)

# What a founding meeting must decide (Act 15, LAW.md "Founding").  Every item of a founding
# meeting passes by 2/3 of those present whatever its kind: see rules.
FOUNDING_AGENDA: tuple[AgendaTemplate, ...] = (
    (Subject.BYLAWS_ADOPTION, StandardTitle.BYLAWS_ADOPTION, ResolutionKind.ORDINARY),
    (Subject.PLAN_AND_BUDGET, StandardTitle.PLAN_AND_BUDGET, ResolutionKind.ORDINARY),
    (Subject.OFFICER_ELECTION, StandardTitle.OFFICER_ELECTION, ResolutionKind.ELECTION),
    (Subject.FOUNDING_EXPENSES, StandardTitle.FOUNDING_EXPENSES, ResolutionKind.ORDINARY),
)


def standard_agenda(meeting: MeetingKind) -> tuple[AgendaTemplate, ...]:
    """The agenda offered for a new meeting of this kind (empty if there is none)."""
    return {MeetingKind.ORDINARY_ASSEMBLY: ORDINARY_ASSEMBLY_AGENDA,
            MeetingKind.FOUNDING: FOUNDING_AGENDA}.get(meeting, ())
