"""Screen names for the co-op's settings values, translated where they are shown."""

from __future__ import annotations

from babel.dates import get_month_names

from coopdesk.domain.coop import CoopKind, GoverningLaw, MembershipStarts, NoticeMethod, TieRule
from coopdesk.i18n import N_, _, current

LAW_LABELS: dict[GoverningLaw, str] = {
    GoverningLaw.FRAMEWORK_ACT: N_("Framework Act on Cooperatives"),
    GoverningLaw.CONSUMER_COOP_ACT: N_("Consumer Cooperatives Act"),
    GoverningLaw.AGRICULTURAL: N_("Agricultural Cooperatives Act"),
    GoverningLaw.FISHERIES: N_("Fisheries Cooperatives Act"),
    GoverningLaw.CREDIT: N_("Credit Unions Act"),
    GoverningLaw.SME: N_("Small and Medium Enterprise Cooperatives Act"),
    GoverningLaw.FOREST: N_("Forestry Cooperatives Act"),
    GoverningLaw.OTHER: N_("Another law"),
}

KIND_LABELS: dict[CoopKind, str] = {
    CoopKind.GENERAL: N_("General co-op"),
    CoopKind.SOCIAL: N_("Social co-op"),
}

NOTICE_LABELS: dict[NoticeMethod, str] = {
    NoticeMethod.WRITTEN: N_("In writing"),
    NoticeMethod.WRITTEN_AND_ELECTRONIC: N_("In writing, or by e-mail or text message"),
}

TIE_LABELS: dict[TieRule, str] = {
    TieRule.RUNOFF_THEN_OLDER: N_("Run-off vote; if tied again, the older candidate"),
    TieRule.RUNOFF_THEN_LOTS: N_("Run-off vote; if tied again, drawing lots"),
    TieRule.OLDER: N_("The older candidate"),
    TieRule.LOTS: N_("Drawing lots"),
}

MEMBERSHIP_STARTS_LABELS: dict[MembershipStarts, str] = {
    MembershipStarts.FULL_PAYMENT: N_("When the subscribed shares are fully paid"),
    MembershipStarts.FIRST_INSTALMENT: N_("When the first instalment is paid"),
}


def month_name(month: int) -> str:
    """'January' or '1월', in the screen language."""
    return str(get_month_names("wide", locale=current().locale)[month])


def yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")
