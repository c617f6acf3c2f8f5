"""The member register (조합원 명부) as printed: plain rows, ready for a document."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coopdesk.domain.members.standing import MemberStatus


@dataclass(frozen=True, slots=True)
class RegisterHeader:
    coop_name: str
    main_office: str
    as_of: dt.date  # the date the register is printed for
    member_count: int  # current members on that date
    audit_mark: str = ""  # the audit log's entries and head at printing


@dataclass(frozen=True, slots=True)
class RegisterRow:
    number: int
    name: str
    member_type: str
    birth_date: dt.date | None
    phone: str
    address: str
    joined_on: dt.date | None
    left_on: dt.date | None
    status: MemberStatus
    shares: int | None = None  # subscribed shares on the register's day (출자좌수); None: not printed
    paid: int | None = None  # paid-in capital in won on that day (납입출자금)
