"""The campaign limits of the Act (선거운동의 제한, Act 37), as the election screen shows them.

From the announcement of the election until election day only the listed means of
campaigning are allowed; visiting members at home and gathering them are not.  The codes
are the law's values (``law.CAMPAIGN_MEANS_ALLOWED`` / ``_FORBIDDEN``); the words are here.
"""

from __future__ import annotations

from dataclasses import dataclass

from coopdesk.domain import law
from coopdesk.domain.law_ref import LawRef
from coopdesk.domain.text import N_

__all__ = ["CampaignRules", "campaign_rules"]

MEANS_LABELS = {
    "posters": N_("Posters"),
    "bulletins": N_("Election bulletins"),
    "small_print": N_("Small printed matter"),
    "joint_debates": N_("Joint speeches and open debates"),
    "phone_sms_email": N_("Asking for support by phone, text message or e-mail"),
    "door_to_door": N_("Visiting members at home (door to door)"),
    "gatherings": N_("Gathering members in one place"),
}


@dataclass(frozen=True, slots=True)
class CampaignRules:
    heading: str
    allowed_heading: str
    allowed: tuple[str, ...]  # message ids, translated where shown
    forbidden_heading: str
    forbidden: tuple[str, ...]
    ref: LawRef
    committee: str  # the election committee is optional
    committee_ref: LawRef


def campaign_rules() -> CampaignRules:
    return CampaignRules(
        N_("Campaign limits"),
        N_("From the announcement of the election until election day, the only means of campaigning allowed are:"),
        tuple(MEANS_LABELS[m] for m in law.CAMPAIGN_MEANS_ALLOWED.value),
        N_("Not allowed:"),
        tuple(MEANS_LABELS[m] for m in law.CAMPAIGN_MEANS_FORBIDDEN.value),
        law.CAMPAIGN_MEANS_ALLOWED.ref,
        N_("An election committee is optional: the co-op may set one up to run its elections fairly."),
        law.ELECTION_COMMITTEE_OPTIONAL.ref,
    )
