"""The membership forms as plain values: the membership application (가입신청서), the consent to
collecting and using personal data that goes with it (개인정보 수집·이용 동의서) and the withdrawal
notice (탈퇴신청서).  Each prints blank, to be filled in by hand, or filled from a member's record.

The services fill them (``services.members.forms``); ``coopdesk.documents.members.forms`` prints them.
The co-op's terms come from the bylaws in force on the day of the form: the share price, the
fewest and most shares, when membership starts, the withdrawal notice days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from coopdesk.domain.coop import MembershipStarts
from coopdesk.domain.text import N_


class FormKind(StrEnum):
    APPLICATION = "application-form"  # 조합원 가입신청서
    CONSENT = "consent-form"  # 개인정보 수집·이용 동의서
    WITHDRAWAL = "withdrawal-form"  # 조합원 탈퇴신청서

    @property
    def label(self) -> str:
        return FORM_LABELS[self]


FORM_LABELS = {
    FormKind.APPLICATION: N_("Membership application"),
    FormKind.CONSENT: N_("Consent to collecting and using personal data"),
    FormKind.WITHDRAWAL: N_("Notice of withdrawal from membership"),
}


@dataclass(frozen=True, slots=True)
class FormCoop:
    """The co-op that receives the form, and the terms of its bylaws the form states."""

    name: str
    main_office: str
    chair_name: str  # "" when no chair is recorded
    social: bool
    member_types: tuple[str, ...]
    share_price: int
    min_shares: int
    max_shares: int | None
    membership_starts: MembershipStarts
    instalments_allowed: bool
    withdrawal_notice_days: int
    refund_less_losses: bool
    audit_mark: str = ""


@dataclass(frozen=True, slots=True)
class FormPerson:
    """What the record holds of the member a filled form is about."""

    number: int
    name: str
    birth_date: dt.date | None
    phone: str
    email: str
    address: str
    member_type: str
    shares: int  # subscribed, as the ledger stands
    paid_in: int
    applied_on: dt.date | None
    joined_on: dt.date | None
    notice_on: dt.date | None  # a withdrawal notice recorded
    leaves_on: dt.date | None  # the day it takes effect
    privacy_consent_on: dt.date | None


@dataclass(frozen=True, slots=True)
class MemberForm:
    """One form: blank (``person`` None) or filled from the record."""

    kind: FormKind
    coop: FormCoop
    issued_on: dt.date
    person: FormPerson | None = None

    @property
    def blank(self) -> bool:
        return self.person is None

    @property
    def form_date(self) -> dt.date | None:
        """The day the form is dated: of the application, the consent or the notice as recorded."""
        p = self.person
        if p is None:
            return None
        if self.kind is FormKind.APPLICATION:
            return p.applied_on or p.joined_on
        if self.kind is FormKind.CONSENT:
            return p.privacy_consent_on
        return p.notice_on
