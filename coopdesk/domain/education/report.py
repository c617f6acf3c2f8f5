"""The yearly education report (교육 실적) for the ordinary assembly's business report, and the
fiscal year it covers.

A fiscal year is named by the calendar year it starts in: with a fiscal year starting in
April, "2026" runs from 1 April 2026 to 31 March 2027.  Every count is an integer, hours stay
minutes; the share of members reached is an exact fraction:

    members reached = members on the register on the year's last day who attended at
                      least one session during the year
    share           = members reached / members on the register on the year's last day
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from coopdesk.domain.education.sessions import Organiser, SessionKind
from coopdesk.domain.fiscal import fiscal_year, fiscal_year_of  # noqa: F401  (re-exported: moved to domain/fiscal)


def percent(share: Fraction) -> Decimal:
    """A share as a percentage to one decimal, rounded half up: 2/3 -> 66.7."""
    return (Decimal(share.numerator * 100) / Decimal(share.denominator)).quantize(Decimal("0.1"), ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class SessionLine:
    """One session of the year, as the report lists it."""

    id: int
    held_on: dt.date
    kind: SessionKind
    topic: str
    organiser: Organiser
    instructor: str
    minutes: int
    members: int  # attendees who are members (linked ones included)
    guests: int  # attendees not (yet) members

    @property
    def attendees(self) -> int:
        return self.members + self.guests


@dataclass(frozen=True, slots=True)
class KindLine:
    kind: SessionKind
    sessions: int
    minutes: int
    attendances: int


@dataclass(frozen=True, slots=True)
class TypeLine:
    """Attendance by member type; ``member_type`` None is the people who are not members."""

    member_type: str | None
    attendances: int  # one per person per session
    people: int  # different people
    person_minutes: int  # the hours of education they received, together


@dataclass(frozen=True, slots=True)
class EducationYear:
    coop_name: str
    year: int
    first_day: dt.date
    last_day: dt.date
    sessions: tuple[SessionLine, ...]
    by_kind: tuple[KindLine, ...]
    by_type: tuple[TypeLine, ...]
    members_at_end: int  # on the register on the last day
    members_reached: int
    audit_mark: str = ""

    @property
    def minutes(self) -> int:
        return sum(s.minutes for s in self.sessions)

    @property
    def attendances(self) -> int:
        return sum(s.attendees for s in self.sessions)

    @property
    def person_minutes(self) -> int:
        return sum(t.person_minutes for t in self.by_type)

    @property
    def share(self) -> Fraction | None:
        """Members reached over members at the year's end; None when the register was empty."""
        return Fraction(self.members_reached, self.members_at_end) if self.members_at_end else None

    @property
    def share_percent(self) -> Decimal | None:
        """The share as a percentage to one decimal (66.7), as the report prints it."""
        share = self.share
        return None if share is None else percent(share)
