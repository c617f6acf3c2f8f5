"""The co-op profile and its bylaws settings (정관), as plain values with their checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.fields import ADDRESS_LENGTH, MEMBER_TYPE_LENGTH, NAME_LENGTH, check_text
from coopdesk.domain.text import N_


class CoopKind(Enum):
    GENERAL = "general"  # 일반협동조합
    SOCIAL = "social"  # 사회적협동조합


class GoverningLaw(Enum):
    """The law a co-op is under.  CoopDesk applies only the Framework Act's rules."""

    FRAMEWORK_ACT = "framework_act"  # 협동조합 기본법
    CONSUMER_COOP_ACT = "consumer_coop_act"  # 소비자생활협동조합법
    AGRICULTURAL = "agricultural"  # 농업협동조합법
    FISHERIES = "fisheries"  # 수산업협동조합법
    CREDIT = "credit"  # 신용협동조합법
    SME = "sme"  # 중소기업협동조합법
    FOREST = "forest"  # 산림조합법
    OTHER = "other"


class NoticeMethod(Enum):
    """How notices of meetings reach members (bylaws)."""

    WRITTEN = "written"  # 서면
    WRITTEN_AND_ELECTRONIC = "written_and_electronic"  # 서면 및 전자우편·문자


class TieRule(Enum):
    """What decides a tie in an election: not in the law, a bylaws setting [L]."""

    RUNOFF_THEN_OLDER = "runoff_then_older"
    RUNOFF_THEN_LOTS = "runoff_then_lots"
    OLDER = "older"
    LOTS = "lots"


class ElectionMajority(Enum):
    """What an officer candidate needs besides enough votes to rank among the seats: a
    bylaws setting [L] (the Act says only that officers are elected by the assembly, and
    LAW.md reads an election as an ordinary resolution, Act 29②).

    OF_PRESENT is the default: it is that reading (more than half of those present), and the
    strictest of the three, so a candidate elected under it is elected under the others too.
    """

    NONE = "none"  # the most votes win the seats (approval: more yes than no)
    OF_VOTERS = "of_voters"  # more than half of the valid ballots cast (blank ones included)
    OF_PRESENT = "of_present"  # more than half of the members present (in person and by proxy)


class MembershipStarts(Enum):
    """When an admitted applicant becomes a member (standard bylaws: on payment)."""

    FULL_PAYMENT = "full_payment"
    FIRST_INSTALMENT = "first_instalment"


# How each value is named on screen and in print (message ids, translated where shown).
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

ELECTION_MAJORITY_LABELS: dict[ElectionMajority, str] = {
    ElectionMajority.NONE: N_("The most votes win the seats"),
    ElectionMajority.OF_VOTERS: N_("More than half of the valid ballots"),
    ElectionMajority.OF_PRESENT: N_("More than half of the members present"),
}

MEMBERSHIP_STARTS_LABELS: dict[MembershipStarts, str] = {
    MembershipStarts.FULL_PAYMENT: N_("When the subscribed shares are fully paid"),
    MembershipStarts.FIRST_INSTALMENT: N_("When the first instalment is paid"),
}

MAX_NAME = NAME_LENGTH

SOCIAL_STAKEHOLDER_TYPES: tuple[str, ...] = (
    N_("Producer"),
    N_("Consumer"),
    N_("Employee"),
    N_("Volunteer"),
    N_("Sponsor"),
)


@dataclass(frozen=True, slots=True)
class BylawsSettings:
    """The settings in the bylaws that drive the program's checks (DESIGN.md §2)."""

    share_price: int = 10_000  # won per share (1좌 금액)
    min_shares: int = 1
    max_shares_per_member: int | None = None  # bylaws limit; the 30% cap applies anyway
    instalments_allowed: bool = False
    membership_starts: MembershipStarts = MembershipStarts.FULL_PAYMENT
    directors_min: int = law.MIN_DIRECTORS.value
    directors_max: int = 7
    auditors: int = law.MIN_AUDITORS.value
    officer_term_years: int = 2
    notice_method: NoticeMethod = NoticeMethod.WRITTEN
    notice_days: int = law.MEETING_NOTICE_DAYS.value  # the bylaws may ask for more
    withdrawal_notice_days: int = law.WITHDRAWAL_NOTICE_DAYS_STANDARD.value  # the model bylaws' 30 days
    non_use_months_for_expulsion: int = 12
    tie_rule: TieRule = TieRule.RUNOFF_THEN_OLDER
    orientation_required: bool = False
    ordinary_assembly_within_months: int = 3
    election_majority: ElectionMajority = ElectionMajority.OF_PRESENT  # last: older stored settings lack it
    # Capital (Act 26, 27, 51): older stored settings lack these, and read as False.
    dividends_as_capital: bool = False  # a dividend may be credited to capital as shares
    refund_less_losses: bool = False  # a leaver's refund bears their share of the losses (Act 27)


@dataclass(frozen=True, slots=True)
class CoopProfile:
    name: str
    kind: CoopKind
    governing_law: GoverningLaw
    main_office: str
    fiscal_year_start_month: int
    member_types: tuple[str, ...]
    bylaws: BylawsSettings = field(default_factory=BylawsSettings)


def check_governing_law(value: GoverningLaw) -> None:
    if value is not GoverningLaw.FRAMEWORK_ACT:
        raise Refusal(
            N_(
                "CoopDesk applies only the Framework Act on Cooperatives. A co-op under "
                "another law (consumer, agricultural, fisheries, credit, SME or forest "
                "co-ops) has other rules, which this program does not know."
            ),
            field="governing_law",
        )


def check_name(name: str, kind: CoopKind) -> None:
    name = name.strip()
    if not name:
        raise Refusal(N_("The co-op needs a name."), field="name")
    check_text(name, "name", MAX_NAME)
    word = law.NAME_WORD_SOCIAL if kind is CoopKind.SOCIAL else law.NAME_WORD_GENERAL
    if word.value not in name:
        raise Refusal(
            N_("The name of this co-op must contain \u201c{word}\u201d."),
            article=word.ref,
            field="name",
            word=word.value,
        )


def check_member_types(types: tuple[str, ...], kind: CoopKind) -> None:
    cleaned = [t.strip() for t in types]
    if any(not t for t in cleaned):
        raise Refusal(N_("A member type needs a name."), field="member_types")
    if len(set(cleaned)) != len(cleaned):
        raise Refusal(N_("Two member types have the same name."), field="member_types")
    if not cleaned:
        raise Refusal(N_("Give at least one member type."), field="member_types")
    for name in cleaned:
        check_text(name, "member_types", MEMBER_TYPE_LENGTH)
    need = law.SOCIAL_MIN_STAKEHOLDER_TYPES
    if kind is CoopKind.SOCIAL and len(cleaned) < need.value:
        raise Refusal(
            N_("A social co-op has at least {n} types of stakeholder members."),
            article=need.ref,
            field="member_types",
            n=need.value,
        )


def check_bylaws(b: BylawsSettings) -> None:
    if b.share_price <= 0:
        raise Refusal(N_("The share price must be more than 0 won."), field="share_price")
    if b.share_price > 100_000_000:
        raise Refusal(N_("The share price is too large."), field="share_price")
    if b.min_shares < law.MIN_SHARES_PER_MEMBER.value:
        raise Refusal(
            N_("Every member holds at least {n} share."),
            article=law.MIN_SHARES_PER_MEMBER.ref,
            field="min_shares",
            n=law.MIN_SHARES_PER_MEMBER.value,
        )
    if b.max_shares_per_member is not None and b.max_shares_per_member < b.min_shares:
        raise Refusal(
            N_("The most shares a member may hold cannot be less than the minimum."),
            field="max_shares_per_member",
        )
    if b.directors_max < b.directors_min:
        raise Refusal(
            N_("The most directors cannot be fewer than the fewest."),
            field="directors_max",
        )
    if b.directors_min < law.MIN_DIRECTORS.value:
        raise Refusal(
            N_("A co-op has at least {n} directors, the chair included."),
            article=law.MIN_DIRECTORS.ref,
            field="directors_min",
            n=law.MIN_DIRECTORS.value,
        )
    if b.auditors < law.MIN_AUDITORS.value:
        raise Refusal(
            N_("A co-op has at least {n} auditor."),
            article=law.MIN_AUDITORS.ref,
            field="auditors",
            n=law.MIN_AUDITORS.value,
        )
    if not 1 <= b.officer_term_years <= law.MAX_OFFICER_TERM_YEARS.value:
        raise Refusal(
            N_("An officer's term is at most {n} years."),
            article=law.MAX_OFFICER_TERM_YEARS.ref,
            field="officer_term_years",
            n=law.MAX_OFFICER_TERM_YEARS.value,
        )
    if b.notice_days < law.MEETING_NOTICE_DAYS.value:
        raise Refusal(
            N_("Notice of a general assembly goes out at least {n} days before."),
            article=law.MEETING_NOTICE_DAYS.ref,
            field="notice_days",
            n=law.MEETING_NOTICE_DAYS.value,
        )
    if not 0 <= b.withdrawal_notice_days <= 365:
        raise Refusal(
            N_("The withdrawal notice period must be between 0 and 365 days."),
            article=law.WITHDRAWAL_BY_NOTICE.ref,
            field="withdrawal_notice_days",
        )
    if not 1 <= b.non_use_months_for_expulsion <= 120:
        raise Refusal(
            N_("The non-use period must be between 1 and 120 months."),
            article=law.EXPULSION_GROUNDS_IN_BYLAWS.ref,
            field="non_use_months_for_expulsion",
        )
    if not 1 <= b.ordinary_assembly_within_months <= 12:
        raise Refusal(
            N_("The ordinary assembly must be held within 1 to 12 months of the year end."),
            article=law.ORDINARY_ASSEMBLY_PER_YEAR.ref,
            field="ordinary_assembly_within_months",
        )


def check_profile(p: CoopProfile) -> None:
    check_governing_law(p.governing_law)
    check_name(p.name, p.kind)
    if not p.main_office.strip():
        raise Refusal(N_("Give the address of the main office."), field="main_office")
    check_text(p.main_office.strip(), "main_office", ADDRESS_LENGTH)
    if not 1 <= p.fiscal_year_start_month <= 12:
        raise Refusal(
            N_("The fiscal year starts in a month from 1 to 12."),
            field="fiscal_year_start_month",
        )
    check_member_types(p.member_types, p.kind)
    check_bylaws(p.bylaws)
