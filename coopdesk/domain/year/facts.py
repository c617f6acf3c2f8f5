"""What the deadline rules know of one co-op: plain values, no SQL and no Qt.

``services.year.facts.read_facts`` fills it with SQL counts and short lists; the rules in
``deadlines`` read nothing else.  Lists that can be long (withdrawals, members owing the
orientation) are capped where they are read and carry their full count beside them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from coopdesk.domain.coop import CoopKind
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.officers.terms import Office


@dataclass(frozen=True, slots=True)
class PlannedMeeting:
    """A meeting recorded but not yet held (its day is today or later and it has not closed)."""

    id: int
    kind: MeetingKind
    title: str
    held_on: dt.date
    notice_sent_on: dt.date | None = None  # the first notice recorded; None: none went out yet


@dataclass(frozen=True, slots=True)
class TermInOffice:
    """An officer's term that runs today."""

    id: int  # the officer_term row
    office: Office
    name: str
    starts_on: dt.date
    ends_on: dt.date  # the last day of the term as elected


@dataclass(frozen=True, slots=True)
class Withdrawal:
    """A member who gave notice and leaves on ``leaves_on`` (today or later)."""

    member_id: int
    number: int
    name: str
    leaves_on: dt.date


@dataclass(frozen=True, slots=True)
class RefundDue:
    """A leaver's refund claim that is still open (Act 26): claimable from, lapse day."""

    member_id: int
    number: int
    name: str
    left_on: dt.date
    claim_from: dt.date  # the first day of the next fiscal year
    lapses_on: dt.date  # the first day the claim no longer exists
    warn_from: dt.date  # the first day the program warns of the lapse
    withheld: bool = False


@dataclass(frozen=True, slots=True)
class OrientationOwed:
    member_id: int
    number: int
    name: str
    joined_on: dt.date


@dataclass(frozen=True, slots=True)
class YearFacts:
    """Everything the deadline rules need for one co-op, on one day."""

    coop_id: int
    coop_name: str
    kind: CoopKind
    fiscal_year_start_month: int
    established_on: dt.date  # the first day the co-op's records start (its creation in the program)
    # the bylaws in force
    assembly_within_months: int = 3  # the ordinary assembly within N months after the year ends
    notice_days: int = 7
    officer_term_years: int = 2
    orientation_required: bool = False
    # the register and the capital today
    members: int = 0
    paid_in_capital: int = 0  # won; 0 when there are no capital ledger entries
    has_capital_ledger: bool = False
    capital_moved_last_year: bool = False  # ledger entries dated in the last completed fiscal year
    # meetings
    ordinary_assemblies_held: tuple[dt.date, ...] = ()  # every ordinary assembly held, oldest first
    assemblies_held: tuple[dt.date, ...] = ()  # every general assembly (ordinary or extraordinary) held
    planned_meetings: tuple[PlannedMeeting, ...] = ()
    # officers
    terms_in_office: tuple[TermInOffice, ...] = ()
    directors_in_office: int = 0  # the chair included
    auditors_in_office: int = 0
    # members leaving, refunds, orientation (capped lists with their full counts)
    withdrawals: tuple[Withdrawal, ...] = ()
    withdrawals_count: int = 0
    refunds: tuple[RefundDue, ...] = ()
    owing_orientation: tuple[OrientationOwed, ...] = ()
    owing_orientation_count: int = 0
    # the tasks already marked done
    done_keys: frozenset[str] = field(default_factory=frozenset)
