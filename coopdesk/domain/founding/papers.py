"""What the filing pack (설립신고 서류, a social co-op's 설립인가 신청 서류) prints: plain, frozen values.

The Act and its Rule ask for these papers with the report (Act 15①, Rule 5; a social co-op's
application, Act 85①): the report form, the bylaws, the founding meeting's public notice and
minutes, the officer list, the business plan and the income-and-expense budget, the share
price and each member's shares, and the list of founders and consenters.  The services fill
the values from the record; the documents lay them out; nothing here knows either.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from coopdesk.domain.bylaws.papers import BylawsPaper
from coopdesk.domain.founding.checks import FoundingCheck
from coopdesk.domain.founding.plans import PlanLine
from coopdesk.domain.meetings.papers import MinutesPaper, NoticePaper
from coopdesk.domain.officers.terms import Office
from coopdesk.domain.text import N_


class PackPart(Enum):
    """The papers of the pack, in the order the Rule lists them (the cover comes first)."""

    FORM = "form"  # 설립신고서 / 설립인가 신청서
    BYLAWS = "bylaws"  # 정관
    NOTICE = "notice"  # 창립총회 개최 공고문
    MINUTES = "minutes"  # 창립총회 의사록
    OFFICERS = "officers"  # 임원 명부
    BUSINESS_PLAN = "business_plan"  # 사업계획서
    BUDGET = "budget"  # 수입·지출 예산서
    SHARES = "shares"  # 출자 1좌당 금액과 조합원별 출자좌수
    CONSENTERS = "consenters"  # 발기인 및 설립동의자 명부

    @property
    def label(self) -> str:
        return PART_LABELS[self]

    @property
    def file_stem(self) -> str:
        """The part's number and name for a file in the folder: "01", "02", ..."""
        return f"{list(PackPart).index(self) + 1:02d}"


PART_LABELS = {
    PackPart.FORM: N_("Report of founding"),
    PackPart.BYLAWS: N_("Bylaws"),
    PackPart.NOTICE: N_("Public notice of the founding meeting"),
    PackPart.MINUTES: N_("Minutes of the founding meeting"),
    PackPart.OFFICERS: N_("List of officers"),
    PackPart.BUSINESS_PLAN: N_("Business plan"),
    PackPart.BUDGET: N_("Income and expense budget"),
    PackPart.SHARES: N_("Share price and each member's shares"),
    PackPart.CONSENTERS: N_("List of founders and consenters"),
}
# A social co-op applies for authorisation: its form has its own name.
AUTHORISATION_FORM_LABEL = N_("Application for authorisation of founding")


@dataclass(frozen=True, slots=True)
class PersonLine:
    """A founder or consenter as the list of founders and consenters (설립동의자 명부) prints them."""

    number: int
    name: str
    member_type: str
    birth_date: dt.date | None
    address: str
    phone: str
    consented_on: dt.date | None
    founder: bool
    representative: bool
    shares: int  # subscribed (인수 출자좌수)
    subscribed_won: int
    paid_won: int


@dataclass(frozen=True, slots=True)
class OfficerLine:
    """An officer as the officer list (임원 명부) prints them: what the form asks for."""

    office: Office
    name: str
    birth_date: dt.date | None
    address: str
    phone: str
    start: dt.date
    end: dt.date
    member: bool  # a consenter; else a person who is not one


@dataclass(frozen=True, slots=True)
class Applicant:
    """Who signs the form: the chair elected at the founding meeting, else the founders'
    representative (신고인)."""

    name: str
    birth_date: dt.date | None
    address: str
    phone: str
    role: str  # a message id: "Chair", "Representative of the founders"


APPLICANT_CHAIR = N_("Chair")
APPLICANT_REPRESENTATIVE = N_("Representative of the founders")


@dataclass(frozen=True, slots=True)
class FormFacts:
    """What the report form (or the application) states."""

    coop_name: str
    social: bool
    main_office: str
    ministry: str  # a setting (기획예산처 since 2026-01-02), never a constant
    authority: str  # the city or province addressed (…시장, …도지사); may be empty
    applicant: Applicant | None
    meeting_on: dt.date | None
    meeting_place: str
    founders: int
    consenters: int
    share_price: int
    shares: int
    subscribed_won: int
    paid_won: int
    filed_on: dt.date | None  # the day recorded as filed; None: a pack printed before filing
    member_types: tuple[str, ...]  # the consenters' types, in the order they first appear
    checks: tuple[FoundingCheck, ...] = ()  # a social co-op: two stakeholder types, public benefit


@dataclass(frozen=True, slots=True)
class PublicNotice:
    """The founding meeting's public notice (Act 15②): the meeting's notice, with where it was
    posted and who may become a member."""

    paper: NoticePaper
    posted_on: dt.date | None
    posted_at: str
    qualifications: str


@dataclass(frozen=True, slots=True)
class FilingPack:
    form: FormFacts
    bylaws: BylawsPaper
    notice: PublicNotice | None  # None: no founding meeting yet
    minutes: MinutesPaper | None  # None: no founding meeting yet
    officers: tuple[OfficerLine, ...]
    business_plan: tuple[PlanLine, ...]
    income: tuple[PlanLine, ...]
    expense: tuple[PlanLine, ...]
    people: tuple[PersonLine, ...]  # founders and consenters, by number
    audit_mark: str = ""

    @property
    def social(self) -> bool:
        return self.form.social

    def missing(self) -> tuple[PackPart, ...]:
        """Parts with nothing to print yet: printed with a line that says so."""
        empty = {PackPart.NOTICE: self.notice is None, PackPart.MINUTES: self.minutes is None,
                 PackPart.OFFICERS: not self.officers, PackPart.BUSINESS_PLAN: not self.business_plan,
                 PackPart.BUDGET: not (self.income or self.expense), PackPart.SHARES: not self.people,
                 PackPart.CONSENTERS: not self.people}
        return tuple(part for part in PackPart if empty.get(part, False))


def form_label(social: bool) -> str:
    return AUTHORISATION_FORM_LABEL if social else PackPart.FORM.label
