"""Every threshold, cap and time limit of the Act that CoopDesk applies, in one place.

Each value carries the article it comes from and how sure we are of it (LAW.md: H read
in the statute, M secondary sources agree, L common practice).  A future amendment is a
one-line change here; a refusal cites ``VALUE.ref``.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Generic, TypeVar

from coopdesk.domain.law_ref import Confidence, LawRef, act, decree, model_bylaws

T = TypeVar("T")
H, M, L = Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW


@dataclass(frozen=True, slots=True)
class LawValue(Generic[T]):
    value: T
    ref: LawRef
    confidence: Confidence


# Name (명칭): a general co-op's name contains 협동조합, a social co-op's 사회적협동조합.
NAME_WORD_GENERAL = LawValue("협동조합", act(3, 1), H)
NAME_WORD_SOCIAL = LawValue("사회적협동조합", act(3, 1), H)

# Founding (설립)
MIN_FOUNDERS = LawValue(5, act(15, 1), H)  # 발기인 5인 이상
FOUNDING_NOTICE_DAYS = LawValue(7, act(15, 2), H)
FOUNDING_REPORT_DECISION_DAYS = LawValue(20, act(15, 3), H)
REGISTRATION_DAYS_AFTER_PAYMENT = LawValue(14, act(61, 1), H)
SOCIAL_AUTHORIZATION_DECISION_DAYS = LawValue(60, act(85, 1), H)
SOCIAL_MIN_STAKEHOLDER_TYPES = LawValue(2, decree(19, 1), H)  # 이해관계자 2 유형 이상
SOCIAL_MIN_PUBLIC_BENEFIT_SHARE = LawValue(Fraction(40, 100), act(93, 1), H)

# Members and capital (조합원, 출자)
MIN_SHARES_PER_MEMBER = LawValue(1, act(22, 1), H)  # 1좌 이상
SHARE_PRICE_SAME_FOR_ALL = LawValue(True, act(22, 1), H)  # 출자 1좌의 금액은 균일
MAX_SHARE_RATIO = LawValue(Fraction(30, 100), act(22, 2), H)  # 30% cap
MAX_SHARE_RATIO_FEDERATION = LawValue(Fraction(40, 100), act(75, 2), H)
WITHDRAWAL_NOTICE_DAYS_STANDARD = LawValue(30, model_bylaws(11, 1), M)  # a bylaws setting
EXPULSION_NOTICE_DAYS = LawValue(10, act(25, 2), H)  # 제명 사유 통지
REFUND_CLAIM_LAPSE_YEARS = LawValue(2, act(26, 2), H)  # 지분환급청구권 소멸

# General assembly (총회)
MEETING_NOTICE_DAYS = LawValue(7, act(28, 4), H)  # 7일 전까지 통지
ORDINARY_ASSEMBLY_PER_YEAR = LawValue(1, act(28, 3), H)
NO_ASSEMBLY_CORRECTIVE_YEARS = LawValue(2, act(111, 1), M)
DELEGATES_ABOVE_MEMBERS = LawValue(200, act(31, 1), H)
DELEGATES_MIN_SHARE = LawValue(Fraction(10, 100), act(31, 2), H)
MINUTES_MIN_SIGNING_MEMBERS = LawValue(3, act(30, 3), H)  # 의장 + 3인 이상
PROXY_PRINCIPALS_PER_HOLDER = LawValue(1, act(23, 3), H)  # 대리인 1인 1조합원
REMOVAL_DEMAND_SHARE = LawValue(Fraction(1, 5), act(40, 1), H)

# Quorum and majorities, applied with integer arithmetic (see domain rules):
# quorum 2*present > members; ordinary 2*yes > present; special 3*yes >= 2*present.
ASSEMBLY_QUORUM = LawValue(Fraction(1, 2), act(29, 2), H)  # 조합원 과반수 출석 (more than half)
ORDINARY_MAJORITY = LawValue(Fraction(1, 2), act(29, 2), H)  # 출석 조합원 과반수 찬성 (more than half)
SPECIAL_MAJORITY = LawValue(Fraction(2, 3), act(29, 2), H)  # 출석자 3분의 2 이상 (at least)
FOUNDING_QUORUM = LawValue(Fraction(1, 2), act(15, 3), M)  # 설립동의자 과반수 출석 (paragraph unconfirmed)
FOUNDING_MAJORITY = LawValue(Fraction(2, 3), act(15, 3), M)  # 출석자 3분의 2 이상 (paragraph unconfirmed)
BOARD_QUORUM = LawValue(Fraction(1, 2), act(32, 3), H)  # 이사 과반수 출석
BOARD_MAJORITY = LawValue(Fraction(1, 2), act(32, 3), H)  # 출석 이사 과반수 찬성
PROXY_HOLDER_FAMILY_LIVING_TOGETHER = LawValue(True, act(23, 3), H)  # 동거 가족 대리 가능

# Board and officers (이사회, 임원)
MIN_DIRECTORS = LawValue(3, act(34, 1), H)  # 이사장 포함 3명 이상
MIN_AUDITORS = LawValue(1, act(34, 1), H)
MAX_OFFICER_TERM_YEARS = LawValue(4, act(35, 1), H)
CHAIR_MAX_CONSECUTIVE_REELECTIONS = LawValue(2, act(35, 2), H)
BOARD_OPTIONAL_BELOW_MEMBERS = LawValue(10, act(32, 1), H)
OFFICER_EMPLOYEE_ALLOWED_UP_TO_MEMBERS = LawValue(10, decree(10, 1), H)  # exception to Act 44③
OFFICER_TERM_WARNING_DAYS = LawValue(60, act(35, 1), L)  # a reminder, not a legal limit

# Elections (선거): the counting rules are in domain/elections; ties and the majority a
# candidate needs are bylaws settings [L] (TieRule, ElectionMajority in domain/coop.py).
ONE_MEMBER_ONE_VOTE = LawValue(1, act(23, 1), H)  # 출자좌수에 관계없이 1개의 의결권과 선거권
CHAIR_SEATS = LawValue(1, act(34, 1), H)  # 이사장 1명
CHAIR_FROM_DIRECTORS = LawValue(True, act(34, 2), H)  # 이사장은 이사 중에서 총회에서 선출
AUDITOR_NOT_DIRECTOR = LawValue(True, act(44, 2), H)  # 이사는 감사를 겸직할 수 없다
# From the announcement of the election until election day only these means of campaigning
# are allowed; the words for the screen are in domain/elections/campaign.py.
CAMPAIGN_MEANS_ALLOWED = LawValue(
    ("posters", "bulletins", "small_print", "joint_debates", "phone_sms_email"), act(37), H)
CAMPAIGN_MEANS_FORBIDDEN = LawValue(("door_to_door", "gatherings"), act(37), H)  # 호별방문, 특정 장소 모임
ELECTION_COMMITTEE_OPTIONAL = LawValue(True, act(38), H)  # 선거관리위원회를 둘 수 있다

# Surplus and reserves (잉여금, 적립금)
LEGAL_RESERVE_MIN_GENERAL = LawValue(Fraction(10, 100), act(50, 1), H)
LEGAL_RESERVE_MIN_SOCIAL = LawValue(Fraction(30, 100), act(97, 1), H)
LEGAL_RESERVE_CEILING_TIMES_CAPITAL = LawValue(3, act(50, 1), H)
PATRONAGE_DIVIDEND_MIN_SHARE = LawValue(Fraction(50, 100), act(51, 3), H)
CAPITAL_DIVIDEND_MAX_RATE = LawValue(Fraction(10, 100), act(51, 3), H)

# Disclosure and reports (경영공시, 신고)
DISCLOSURE_MONTHS = LawValue(4, act(49, 1, branch=2), H)
DISCLOSURE_MIN_MEMBERS = LawValue(200, act(49, 1, branch=2), H)
DISCLOSURE_MIN_CAPITAL_WON = LawValue(3_000_000_000, act(49, 1, branch=2), H)
YEARLY_REPORT_MONTHS = LawValue(3, act(22, 3), H)
