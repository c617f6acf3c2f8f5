"""What the deadline rules know of one co-op: plain values, no SQL and no Qt.

``services.year.facts.read_facts`` fills it with SQL counts and short lists; the rules in
``deadlines`` read nothing else.  Lists that can be long (withdrawals, members owing the
orientation) are capped where they are read and carry their full count beside them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from coopdesk.domain.coop import CoopKind
from coopdesk.domain.founding.checks import FoundingCheck
from coopdesk.domain.founding.stage import FoundingStage
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
    """An officer's term that runs today; or, among ``YearFacts.successors``, one that starts later
    (an officer already elected to follow)."""

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
    withheld_since: dt.date | None = None  # the co-op withholds it while they owe it money (Act 26③)
    withheld_reason: str = ""  # what they owe, as recorded with the withholding
    deceased: bool = False  # left by death: the heirs claim the refund

    @property
    def withheld(self) -> bool:
        return self.withheld_since is not None


@dataclass(frozen=True, slots=True)
class OrientationOwed:
    member_id: int
    number: int
    name: str
    joined_on: dt.date


@dataclass(frozen=True, slots=True)
class YearEndFigures:
    """The register and the paid-in capital at the end of a fiscal year (or today, for the year
    still running): what the disclosure thresholds are measured on (Act 49의2①)."""

    year: int
    on: dt.date
    members: int  # for a completed year counted up to the disclosure's threshold (200: "200 or more")
    paid_in_capital: int


@dataclass(frozen=True, slots=True)
class FoundingFacts:
    """A co-op still being founded (not yet registered), as the founding services tell it: the
    stage its dates reach, its checks and its registration deadline (``domain.founding``)."""

    stage: FoundingStage
    started_on: dt.date
    social: bool
    checks: tuple[FoundingCheck, ...] = ()
    deadline: FoundingCheck | None = None  # registration against its deadline, once it runs
    meeting_id: int | None = None  # the founding meeting, once recorded
    meeting_on: dt.date | None = None  # its day (held or not)
    filed_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class YearFacts:
    """Everything the deadline rules need for one co-op, on one day."""

    coop_id: int
    coop_name: str
    kind: CoopKind
    fiscal_year_start_month: int
    established_on: dt.date  # the first day the co-op's records start (its creation in the program; its
    # registration, for a co-op founded in CoopDesk: it exists only from then, Act 19①)
    kept_since: dt.date | None = None  # the day the co-op's file was made: a report the program has
    # shown since then stays listed until marked done (None: only the last year's and this year's)
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
    # (a co-op founded in CoopDesk: entries after its registration only; the registration itself
    # registers the capital paid before it)
    year_ends: tuple[YearEndFigures, ...] = ()  # the last completed fiscal year and the current one
    # meetings
    ordinary_assemblies_held: tuple[dt.date, ...] = ()  # every ordinary assembly held, oldest first
    assemblies_held: tuple[dt.date, ...] = ()  # every general assembly (ordinary or extraordinary) held
    planned_meetings: tuple[PlannedMeeting, ...] = ()
    # officers
    terms_in_office: tuple[TermInOffice, ...] = ()
    successors: tuple[TermInOffice, ...] = ()  # terms already on the register that start after today
    directors_in_office: int = 0  # the chair included
    auditors_in_office: int = 0
    # members leaving, refunds, orientation (capped lists with their full counts)
    withdrawals: tuple[Withdrawal, ...] = ()
    withdrawals_count: int = 0
    refunds: tuple[RefundDue, ...] = ()
    owing_orientation: tuple[OrientationOwed, ...] = ()
    owing_orientation_count: int = 0
    # a co-op in founding (not yet registered): None once registered, or never founded in CoopDesk
    founding: FoundingFacts | None = None
    # the tasks already marked done
    done_keys: frozenset[str] = field(default_factory=frozenset)
