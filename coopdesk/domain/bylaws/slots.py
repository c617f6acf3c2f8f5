"""The values the template's slots and conditions take for one co-op, in one language.

Each value says which of the co-op's facts it comes from (a setting, a text part, the
profile), so that the comparison table of an amendment can say why an article changed.
The Act's numbers come from ``domain.law``, never from the template.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from coopdesk.domain import law
from coopdesk.domain.bylaws.facts import BylawsFacts, Enactment, Formats
from coopdesk.domain.bylaws.template import Template
from coopdesk.domain.coop import CoopKind


@dataclass(frozen=True, slots=True)
class Slot:
    text: str
    sources: tuple[str, ...] = ()
    words: bool = False  # template words (a choice): their own placeholders are filled in turn


@dataclass(frozen=True, slots=True)
class Values:
    slots: dict[str, Slot]
    conditions: dict[str, tuple[bool, tuple[str, ...]]]
    lists: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]  # items_from: (lines, sources)


_FRACTION_WORDS = {Fraction(2, 3): "two-thirds", Fraction(1, 5): "one-fifth", Fraction(1, 2): "one-half"}


def fraction(value: Fraction, language: str, percent: bool = False) -> str:
    """As the Act writes it: a rate per hundred, "100분의 30" ("30 percent"), or a plain
    fraction, "3분의 2" ("two-thirds")."""
    if percent and 100 % value.denominator == 0:
        per_hundred = value.numerator * (100 // value.denominator)
        return f"100분의 {per_hundred}" if language == "ko" else f"{per_hundred} percent"
    if language == "ko":
        return f"{value.denominator}분의 {value.numerator}"
    return _FRACTION_WORDS.get(value, f"{value.numerator}/{value.denominator}")


def values(facts: BylawsFacts, template: Template, language: str, fmt: Formats,
           enactment: Enactment | None = None) -> Values:
    """Every slot, condition and list of the template for ``facts``; ``enactment`` is the
    version whose supplementary provisions (부칙) are being printed."""
    s, kind = facts.settings, facts.kind
    n = fmt.number
    social = kind is CoopKind.SOCIAL
    end_month = (facts.fiscal_year_start_month + 10) % 12 + 1
    slots: dict[str, Slot] = {
        "coop_name": Slot(facts.coop_name, ("name",)),
        "main_office": Slot(facts.main_office, ("main_office",)),
        "purpose": Slot(facts.texts.purpose, ("purpose",)),
        "qualifications": Slot(facts.texts.qualifications, ("qualifications",)),
        "non_member_use": Slot(facts.texts.non_member_use, ("non_member_use",)),
        "share_price": Slot(fmt.money(s.share_price), ("share_price",)),
        "min_shares": Slot(n(s.min_shares), ("min_shares",)),
        "max_shares": Slot(n(s.max_shares_per_member or 0), ("max_shares_per_member",)),
        "share_cap": Slot(fraction(law.MAX_SHARE_RATIO.value, language, percent=True)),
        "notice_days": Slot(n(s.notice_days), ("notice_days",)),
        "withdrawal_notice_days": Slot(n(s.withdrawal_notice_days), ("withdrawal_notice_days",)),
        "non_use_months": Slot(n(s.non_use_months_for_expulsion), ("non_use_months_for_expulsion",)),
        "expulsion_notice_days": Slot(n(law.EXPULSION_NOTICE_DAYS.value)),
        "refund_lapse_years": Slot(n(law.REFUND_CLAIM_LAPSE_YEARS.value)),
        "proxy_principals": Slot(n(law.PROXY_PRINCIPALS_PER_HOLDER.value)),
        "directors_min": Slot(n(s.directors_min), ("directors_min",)),
        "directors_max": Slot(n(s.directors_max), ("directors_max",)),
        "auditors": Slot(n(s.auditors), ("auditors",)),
        "officer_term_years": Slot(n(s.officer_term_years), ("officer_term_years",)),
        "chair_reelections": Slot(n(law.CHAIR_MAX_CONSECUTIVE_REELECTIONS.value)),
        "assembly_within_months": Slot(n(s.ordinary_assembly_within_months), ("ordinary_assembly_within_months",)),
        "special_majority": Slot(fraction(law.SPECIAL_MAJORITY.value, language)),
        "minutes_signers": Slot(n(law.MINUTES_MIN_SIGNING_MEMBERS.value)),
        "removal_share": Slot(fraction(law.REMOVAL_DEMAND_SHARE.value, language)),
        "officer_staff_members": Slot(n(law.OFFICER_EMPLOYEE_ALLOWED_UP_TO_MEMBERS.value)),
        "reserve_rate": Slot(fraction((law.LEGAL_RESERVE_MIN_SOCIAL if social
                                       else law.LEGAL_RESERVE_MIN_GENERAL).value, language, percent=True)),
        "reserve_ceiling": Slot(n(law.LEGAL_RESERVE_CEILING_TIMES_CAPITAL.value)),
        "patronage_min": Slot(fraction(law.PATRONAGE_DIVIDEND_MIN_SHARE.value, language, percent=True)),
        "capital_dividend_max": Slot(fraction(law.CAPITAL_DIVIDEND_MAX_RATE.value, language, percent=True)),
        "public_benefit_share": Slot(fraction(law.SOCIAL_MIN_PUBLIC_BENEFIT_SHARE.value, language, percent=True)),
        "disclosure_months": Slot(n(law.DISCLOSURE_MONTHS.value)),
        "disclosure_members": Slot(n(law.DISCLOSURE_MIN_MEMBERS.value)),
        "disclosure_capital": Slot(round_money(law.DISCLOSURE_MIN_CAPITAL_WON.value, language, fmt)),
        "settlement_days": Slot(n(law.SETTLEMENT_TO_AUDITOR_DAYS.value)),
        "fy_start_month": Slot(n(facts.fiscal_year_start_month), ("fiscal_year_start_month",)),
        "fy_end_month": Slot(n(end_month), ("fiscal_year_start_month",)),
    }
    choices = {
        "notice_rule": ("notice_rule", s.notice_method.value, "notice_method"),
        "membership_starts": ("membership_starts", s.membership_starts.value, "membership_starts"),
        "payment": ("payment", "yes" if s.instalments_allowed else "no", "instalments_allowed"),
        "election_rule": ("election_rule", s.election_majority.value, "election_majority"),
        "tie_rule": ("tie_rule", s.tie_rule.value, "tie_rule"),
        "fy_start_name": ("month", str(facts.fiscal_year_start_month), "fiscal_year_start_month"),
        "fy_end_name": ("month", str(end_month), "fiscal_year_start_month"),
        "authority_day": ("authority_day", kind.value, "kind"),
        "amendment_authority_day": ("amendment_authority_day", kind.value, "kind"),
    }
    for slot, (table, value, source) in choices.items():
        slots[slot] = Slot(template.choices[table][value].say(language), (source,), words=True)
    conditions = {
        "general": (not social, ("kind",)),
        "social": (social, ("kind",)),
        "instalments": (s.instalments_allowed, ("instalments_allowed",)),
        "share_limit": (s.max_shares_per_member is not None, ("max_shares_per_member",)),
        "orientation": (s.orientation_required, ("orientation_required",)),
        "non_member_use": (bool(facts.texts.non_member_use.strip()), ("non_member_use",)),
        "withdrawal_notice": (s.withdrawal_notice_days > 0, ("withdrawal_notice_days",)),
        "several_types": (len(facts.member_types) > 1 and not social, ("member_types",)),
        "calendar_year": (facts.fiscal_year_start_month == 1, ("fiscal_year_start_month",)),
        "fixed_directors": (s.directors_min == s.directors_max, ("directors_min", "directors_max")),
        "refund_less_losses": (s.refund_less_losses, ("refund_less_losses",)),
        "dividends_as_capital": (s.dividends_as_capital and not social, ("dividends_as_capital",)),
        "effective": (False, ()),
    }
    if enactment is not None:
        conditions["effective"] = (enactment.effective_on is not None, ())
        slots["effective_date"] = Slot(_long(fmt, enactment.effective_on))
    lists: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
        "businesses": (facts.texts.businesses, ("businesses",)),
        "main_businesses": (facts.texts.main_businesses, ("main_businesses",)),
        "member_types": (facts.member_types, ("member_types",)),
    }
    return Values(slots, conditions, lists)


def round_money(won: int, language: str, fmt: Formats) -> str:
    """A round sum as the Act writes it, "30억원"; in English "KRW 3 billion"."""
    if won % 100_000_000 == 0:
        if language == "ko":
            return f"{fmt.number(won // 100_000_000)}억원"
        if won % 1_000_000_000 == 0:
            return f"KRW {fmt.number(won // 1_000_000_000)} billion"
    return fmt.money(won)


def _long(fmt: Formats, day: dt.date | None) -> str:
    return fmt.date(day, "long") if day is not None else ""
