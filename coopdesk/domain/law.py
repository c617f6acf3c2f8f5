"""Every threshold, cap and time limit of the Act that CoopDesk applies, in one place.

Each value carries the article it comes from and how sure we are of it (LAW.md: H read
in the statute, M secondary sources agree, L common practice).  A future amendment is a
one-line change here; a refusal cites ``VALUE.ref``.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Generic, TypeVar

from coopdesk.domain.law_ref import Confidence, LawRef, act, decree, model_bylaws, privacy_act

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
SOCIAL_REGISTRATION_DAYS_AFTER_AUTHORIZATION = LawValue(60, act(106, 1), H)  # 설립인가 후 60일 이내 설립등기
REGISTRATION_WARNING_DAYS_LEFT = LawValue(4, act(61, 1), L)  # a reminder from day 10 of 14, not a limit
FOUNDING_REPORT_TO_PROVINCE = LawValue(True, act(15, 1), H)  # 설립신고: 시·도지사에게 (a general co-op)
# What the founding meeting must decide (LAW.md "Founding" [H]), as the codes of meetings.kinds.Subject.
FOUNDING_MEETING_MATTERS = LawValue(
    ("bylaws_adoption", "plan_and_budget", "officer_election", "founding_expenses"), act(15), H)
FOUNDED_BY_REGISTRATION = LawValue(True, act(19, 1), H)  # 설립등기를 함으로써 성립: no member before it

# Members and capital (조합원, 출자)
MIN_SHARES_PER_MEMBER = LawValue(1, act(22, 1), H)  # 1좌 이상
SHARE_PRICE_SAME_FOR_ALL = LawValue(True, act(22, 1), H)  # 출자 1좌의 금액은 균일
MAX_SHARE_RATIO = LawValue(Fraction(30, 100), act(22, 2), H)  # 30% cap
# LAW.md names Act 76 (not 75) among the capital articles; its paragraph is not given.
MAX_SHARE_RATIO_FEDERATION = LawValue(Fraction(40, 100), act(76), H)
WITHDRAWAL_NOTICE_DAYS_STANDARD = LawValue(30, model_bylaws(11, 1), M)  # a bylaws setting
EXPULSION_NOTICE_DAYS = LawValue(10, act(25, 2), H)  # 제명 사유 통지
REFUND_CLAIM_LAPSE_YEARS = LawValue(2, act(26, 2), H)  # 지분환급청구권 소멸

# The share ledger (출자금, domain/capital): checked on every entry.  The per-member limit, the
# payment method and timing (instalments) are the bylaws' (Act 16①); the cap above is the Act's.
BYLAWS_SHARE_LIMIT = LawValue(True, act(16, 1), H)  # 조합원 1인의 출자좌수 한도: as the bylaws say
INSTALMENTS_BY_BYLAWS = LawValue(True, act(16, 1), H)  # 출자금의 납입 방법 및 시기: as the bylaws say
MEMBERSHIP_ON_PAYMENT = LawValue(True, model_bylaws(9), M)  # 출자금(또는 1회분)을 납입함으로써 조합원이 된다
SHARE_TRANSFER_NEEDS_RESOLUTION = LawValue(True, act(21), M)  # 지분 양도는 총회의 의결 (article as issue 13 cites it)
REFUND_FROM_NEXT_FISCAL_YEAR = LawValue(1, act(26, 1), H)  # 탈퇴 당시 회계연도의 다음 회계연도부터 청구
REFUND_LAPSE_WARNING_DAYS = LawValue(60, act(26, 2), L)  # a reminder before the claim lapses, not a limit
REFUND_MAY_BE_WITHHELD = LawValue(True, act(26, 3), H)  # 채무를 다 갚을 때까지 환급 정지
REFUND_LESS_LOSSES = LawValue(True, act(27), H)  # 탈퇴 조합원의 손실액 부담: as the bylaws say
LEAVER_REFUND_SPECIAL_RESOLUTION = LawValue(True, act(29, 2), H)  # 탈퇴·제명 조합원 출자금 환급: 특별결의
SOCIAL_REFUND_PAID_IN_ONLY = LawValue(True, act(89, 1), M)  # 사회적협동조합: 출자금의 환급만
# Withdrawal and expulsion as the bylaws say (Act 24, 25: LAW.md "Members"); the articles as the bylaws
# settings' checks cite them.  Expulsion itself is on the special-resolution list (Act 29②).
WITHDRAWAL_BY_NOTICE = LawValue(True, act(24, 1), H)  # 탈퇴: 정관으로 정하는 바에 따라 예고, 승인 불요
EXPULSION_GROUNDS_IN_BYLAWS = LawValue(True, act(25, 1), H)  # 제명 사유: 정관 (이용 중단 기간 등)
EXPULSION_SPECIAL_RESOLUTION = LawValue(True, act(29, 2), H)  # 조합원의 제명: 특별결의

# General assembly (총회)
MEETING_NOTICE_DAYS = LawValue(7, act(28, 4), H)  # 7일 전까지 통지
ORDINARY_ASSEMBLY_PER_YEAR = LawValue(1, act(28, 3), H)
NO_ASSEMBLY_CORRECTIVE_YEARS = LawValue(2, act(111, 1), M)
# The same ground for a general co-op's corrective order, as issue 11 cites it (Act 111① is the
# social co-ops' article).
NO_ASSEMBLY_CORRECTIVE_YEARS_GENERAL = LawValue(2, act(70, branch=2), M)
DELEGATES_ABOVE_MEMBERS = LawValue(200, act(31, 1), H)
DELEGATES_MIN_SHARE = LawValue(Fraction(10, 100), act(31, 2), H)
MINUTES_MIN_SIGNING_MEMBERS = LawValue(3, act(30, 3), H)  # 의장 + 3인 이상
PROXY_PRINCIPALS_PER_HOLDER = LawValue(1, act(23, 3), H)  # 대리인 1인 1조합원
REMOVAL_DEMAND_SHARE = LawValue(Fraction(1, 5), act(40, 1), H)
SETTLEMENT_TO_AUDITOR_DAYS = LawValue(7, act(52, 1), H)  # 결산보고서: 정기총회 7일 전까지 감사에게

# Quorum and majorities, applied with integer arithmetic (see domain rules):
# quorum 2*present > members; ordinary 2*yes > present; special 3*yes >= 2*present.
ASSEMBLY_QUORUM = LawValue(Fraction(1, 2), act(29, 2), H)  # 조합원 과반수 출석 (more than half)
ORDINARY_MAJORITY = LawValue(Fraction(1, 2), act(29, 2), H)  # 출석 조합원 과반수 찬성 (more than half)
SPECIAL_MAJORITY = LawValue(Fraction(2, 3), act(29, 2), H)  # 출석자 3분의 2 이상 (at least)
# LAW.md reads both in Act 15 [H]; the paragraph is not confirmed, so none is cited.
FOUNDING_QUORUM = LawValue(Fraction(1, 2), act(15), H)  # 설립동의자 과반수 출석
FOUNDING_MAJORITY = LawValue(Fraction(2, 3), act(15), H)  # 출석자 3분의 2 이상
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
VACANCY_REST_OF_TERM = LawValue(True, act(35, 3), H)  # 결원 보선: 전임자의 남은 임기
# Officers are elected by the general assembly (the founding meeting at first): LAW.md names Act 34
# for officers and elections, no paragraph [M: a fair reading of "Officer election ... ordinary"].
OFFICERS_ELECTED_BY_ASSEMBLY = LawValue(True, act(34), M)

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

# Business (사업): every co-op's bylaws list these three among its businesses (Act 45①); a
# social co-op also refunds no surplus as dividends (Act 98).  The words are the bylaws
# template's (resources/bylaws), these are their codes.
REQUIRED_BUSINESSES = LawValue(("counselling_education", "cooperation", "promotion_community"), act(45, 1), H)
NON_MEMBER_USE_IN_BYLAWS = LawValue(True, act(46), H)  # 조합원이 아닌 자의 사업 이용: as the bylaws say
SOCIAL_NO_DIVIDENDS = LawValue(True, act(98), H)  # 사회적협동조합은 잉여금을 배당할 수 없다

# Bylaws (정관): the mandatory contents (정관 기재사항) as LAW.md lists them; a bylaws text
# without one of them is refused.
BYLAWS_MANDATORY_CONTENTS = LawValue(
    ("purpose", "name_and_office", "member_qualifications", "joining_withdrawal_expulsion", "shares",
     "members_rights_duties", "surplus_and_loss", "reserves", "business_and_accounting", "organs_and_officers",
     "notice_method", "dissolution", "share_transfer", "assembly_and_board"), act(16, 1), H)

# Surplus and reserves (잉여금, 적립금)
LEGAL_RESERVE_MIN_GENERAL = LawValue(Fraction(10, 100), act(50, 1), H)
LEGAL_RESERVE_MIN_SOCIAL = LawValue(Fraction(30, 100), act(97, 1), H)
LEGAL_RESERVE_CEILING_TIMES_CAPITAL = LawValue(3, act(50, 1), H)
PATRONAGE_DIVIDEND_MIN_SHARE = LawValue(Fraction(50, 100), act(51, 3), H)
CAPITAL_DIVIDEND_MAX_RATE = LawValue(Fraction(10, 100), act(51, 3), H)
VOLUNTARY_RESERVE_BY_BYLAWS = LawValue(True, act(50, 2), H)  # 임의적립금: as the bylaws say
SOCIAL_REST_TO_VOLUNTARY = LawValue(True, act(98, 2), M)  # 사회적협동조합: 적립 후 잉여금은 임의적립금으로
DIVIDENDS_AFTER_RESERVES = LawValue(True, act(51, 2), H)  # 손실 보전과 적립 후에 배당
# 손실금: 미처분이월금, 임의적립금, 법정적립금 순으로 보전하고, 부족하면 다음 회계연도에 이월
LOSS_COVER_ORDER = LawValue(("retained", "voluntary_reserve", "legal_reserve"), act(51, 1), H)
LOSS_COVER_ORDER_SOCIAL = LawValue(("retained", "voluntary_reserve", "legal_reserve"), act(98, 1), M)

# Education (교육): the Act sets no hours and no record format; an orientation for new members is a
# bylaws setting (BylawsSettings.orientation_required) that carries out this duty.
EDUCATION_DUTY = LawValue(True, act(7), H)  # 교육·훈련 및 정보 제공 등의 활동을 적극적으로 수행

# Disclosure and reports (경영공시, 신고)
DISCLOSURE_MONTHS = LawValue(4, act(49, 1, branch=2), H)
DISCLOSURE_MIN_MEMBERS = LawValue(200, act(49, 1, branch=2), H)
DISCLOSURE_MIN_CAPITAL_WON = LawValue(3_000_000_000, act(49, 1, branch=2), H)
YEARLY_REPORT_MONTHS = LawValue(3, act(22, 3), H)
DISCLOSURE_MONTHS_SOCIAL = LawValue(4, act(96, 1, branch=2), H)  # 사회적협동조합: 규모와 관계없이 경영공시
# 출자금 변경등기: 회계연도 말 기준으로 그 회계연도가 끝난 후 3개월 이내 (paragraph unconfirmed)
CAPITAL_REGISTRATION_MONTHS = LawValue(3, act(64, 2), M)
# Members (조합원 수): the Act founds a co-op with 5 or more; a co-op that falls below keeps the
# founding minimum in view (the reading of LAW.md, not an article of its own) [M].
MIN_MEMBERS = LawValue(5, act(15, 1), M)

# Personal data of members (개인정보 보호법, not this Act): the membership application goes with a
# consent to collecting and using the applicant's personal data, stating the purpose, the items, how
# long they are kept and the right to refuse with its consequence (art. 15②), each matter consented
# to separately, the required items apart from the optional ones (art. 22①③).
PERSONAL_DATA_CONSENT = LawValue(("purpose", "items", "retention", "refusal"), privacy_act(15, 2), H)
PERSONAL_DATA_CONSENT_SEPARATE = LawValue(True, privacy_act(22, 1), H)
PERSONAL_DATA_OPTIONAL_APART = LawValue(True, privacy_act(22, 3), M)  # 필수·선택 항목 구분
PERSONAL_DATA_THIRD_PARTY = LawValue(True, privacy_act(17, 2), H)  # 제3자 제공: 받는 자, 목적, 항목, 기간
