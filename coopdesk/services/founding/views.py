"""What the founding services return: plain, frozen values, never rows bound to a session."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coopdesk.domain.coop import CoopKind
from coopdesk.domain.errors import Refusal
from coopdesk.domain.founding.checks import FoundingCheck
from coopdesk.domain.founding.plans import PlanLine, PlanTable
from coopdesk.domain.founding.stage import FoundingDates, FoundingStage
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.members.standing import MemberStatus


@dataclass(frozen=True, slots=True)
class FoundingSettings:
    ministry: str  # 기획예산처 since 2026-01-02: a setting, printed on the papers
    authority: str = ""  # the city or province the co-op files with (e.g. 서울특별시장)


@dataclass(frozen=True, slots=True)
class PersonInput:
    """A founder or consenter as the form gives them."""

    name: str
    member_type: str
    consented_on: dt.date  # the consent form handed in (설립동의서)
    shares: int  # shares subscribed (출자 청약 좌수)
    birth_date: dt.date | None = None
    phone: str = ""
    email: str = ""
    address: str = ""
    notes: str = ""
    founder: bool = False


@dataclass(frozen=True, slots=True)
class PersonView:
    number: int  # their number; kept as their member number on registration
    name: str
    member_type: str
    birth_date: dt.date | None
    phone: str
    email: str
    address: str
    consented_on: dt.date | None
    founder: bool
    representative: bool
    shares: int  # subscribed, from the ledger
    subscribed_won: int
    paid_won: int
    status: MemberStatus  # CONSENTER before registration, MEMBER after; WITHDRAWN: consent withdrawn
    withdrawn_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class NoticeView:
    posted_on: dt.date | None
    place: str  # where it was posted
    qualifications: str


@dataclass(frozen=True, slots=True)
class MeetingLink:
    id: int
    title: str
    held_on: dt.date
    place: str


@dataclass(frozen=True, slots=True)
class MeetingChoice:
    """One of the co-op's meetings, as a candidate to be the founding's meeting."""

    id: int
    title: str
    kind: MeetingKind
    held_on: dt.date
    place: str
    refusal: Refusal | None  # why it cannot be linked (what ``link_meeting`` would say); None: it can

    @property
    def qualifies(self) -> bool:
        return self.refusal is None


@dataclass(frozen=True, slots=True)
class CourseLink:
    id: int
    topic: str
    held_on: dt.date


@dataclass(frozen=True, slots=True)
class FoundingView:
    coop_id: int
    coop_name: str
    kind: CoopKind  # a social co-op is authorised (인가), a general one files a report (신고)
    started_on: dt.date
    ministry: str
    authority: str
    stage: FoundingStage
    dates: FoundingDates
    certificate_number: str
    notice: NoticeView
    meeting: MeetingLink | None
    course: CourseLink | None
    representative: int | None  # the representative's number
    founders: int  # founders with consent standing
    consenters: int  # consenters (founders included), consent not withdrawn
    shares: int  # subscribed by the consenters, from the ledger
    subscribed_won: int
    paid_won: int
    checks: tuple[FoundingCheck, ...]  # the founding meeting's and, after it, the filing's
    deadline: FoundingCheck | None  # registration against its deadline, once it runs

    @property
    def social(self) -> bool:
        return self.kind is CoopKind.SOCIAL

    @property
    def registered(self) -> bool:
        return self.dates.registered_on is not None


@dataclass(frozen=True, slots=True)
class FoundingMeetingInput:
    title: str
    held_on: dt.date
    place: str
    starts_at: dt.time | None = None
    convened_by: str = ""  # the founders' representative, by default
    chair_name: str = ""


@dataclass(frozen=True, slots=True)
class NoticeInput:
    posted_on: dt.date
    place: str  # where it was posted (게시 장소: a notice board, a web site)
    qualifications: str  # who may become a member (조합원 자격)


@dataclass(frozen=True, slots=True)
class PlanLineView:
    kind: PlanTable
    position: int  # 1, 2, ... in the table
    line: PlanLine


@dataclass(frozen=True, slots=True)
class AdmittedMember:
    number: int
    name: str
    shares: int
    paid_won: int


@dataclass(frozen=True, slots=True)
class RegistrationResult:
    founding: FoundingView
    admitted: tuple[AdmittedMember, ...]
