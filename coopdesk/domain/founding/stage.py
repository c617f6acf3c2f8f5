"""The stages of a founding, told from the dates on record, never typed in.

A general co-op files a report (설립신고, Act 15①) and receives its certificate (신고필증,
Act 15의2); a social co-op applies for authorisation (설립인가 신청, Act 85①) and receives it.
The founders then hand the business over to the chair (사무인계, Act 18①), the capital is
paid (Act 18②) and the co-op is registered at the registry (설립등기), from which day it
exists (Act 19①).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from coopdesk.domain.text import N_

CERTIFICATE_NUMBER_LENGTH = 60  # the number on a certificate of report or an authorisation


class FoundingStage(Enum):
    PREPARING = "preparing"  # founders and consenters gathering (발기인 모집)
    NOTICE_POSTED = "notice_posted"  # the founding meeting's public notice is out (공고)
    MEETING_HELD = "meeting_held"  # the founding meeting was held (창립총회)
    FILED = "filed"  # report filed / authorisation applied for (설립신고 / 인가신청)
    CERTIFIED = "certified"  # certificate of report / authorisation received (신고필증 / 인가증)
    HANDED_OVER = "handed_over"  # the founders handed the business to the chair (사무인계)
    CAPITAL_PAID = "capital_paid"  # the capital is paid in (출자금 납입)
    REGISTERED = "registered"  # registered at the registry: the co-op exists (설립등기)

    @property
    def label(self) -> str:
        return STAGE_LABELS[self]


STAGE_LABELS = {
    FoundingStage.PREPARING: N_("Gathering founders and consenters"),
    FoundingStage.NOTICE_POSTED: N_("Founding meeting announced"),
    FoundingStage.MEETING_HELD: N_("Founding meeting held"),
    FoundingStage.FILED: N_("Filed with the city or province"),
    FoundingStage.CERTIFIED: N_("Certificate received"),
    FoundingStage.HANDED_OVER: N_("Business handed over to the chair"),
    FoundingStage.CAPITAL_PAID: N_("Capital paid in"),
    FoundingStage.REGISTERED: N_("Registered"),
}


@dataclass(frozen=True, slots=True)
class FoundingDates:
    """Every date of a founding on record (None: not yet)."""

    notice_on: dt.date | None = None  # the public notice posted
    meeting_on: dt.date | None = None  # the founding meeting's day, once held (an item closed)
    filed_on: dt.date | None = None  # report filed / authorisation applied for
    certified_on: dt.date | None = None  # certificate of report / authorisation received
    handed_over_on: dt.date | None = None  # 사무인계
    capital_paid_on: dt.date | None = None  # the capital fully paid in
    registered_on: dt.date | None = None  # 설립등기


def stage_of(d: FoundingDates) -> FoundingStage:
    """The furthest stage the dates on record reach."""
    steps = ((d.registered_on, FoundingStage.REGISTERED), (d.capital_paid_on, FoundingStage.CAPITAL_PAID),
             (d.handed_over_on, FoundingStage.HANDED_OVER), (d.certified_on, FoundingStage.CERTIFIED),
             (d.filed_on, FoundingStage.FILED), (d.meeting_on, FoundingStage.MEETING_HELD),
             (d.notice_on, FoundingStage.NOTICE_POSTED))
    return next((stage for day, stage in steps if day is not None), FoundingStage.PREPARING)
