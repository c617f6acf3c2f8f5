"""The standard agendas offered for a new meeting (Act 29①, Act 15)."""

from __future__ import annotations

from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind, Subject
from coopdesk.domain.text import N_

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
