"""The orientation for new members, when the bylaws ask for one (``BylawsSettings.orientation_required``).

The Act asks for education in general (Act 7) and sets no orientation; a co-op's bylaws
may.  Who owes it:

* a member on the register today (a withdrawing member too: still a member);
* who joined while the bylaws in force asked for an orientation — a co-op that adds the
  rule by amendment asks it of the members who join from then on, not of those before;
* and only while the bylaws in force today still ask for it;
* who has attended no orientation and no founding course, before or after joining: a
  founder's founding course is their orientation, and an applicant often attends before
  being admitted.

The days since joining say how long it has been owed.  The database lists the members who
owe it (``services.education.orientation``); ``owes_orientation`` is the same rule for one
member, which the tests hold the database's list to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from coopdesk.domain import law
from coopdesk.domain.education.sessions import SessionKind
from coopdesk.domain.law_ref import LawRef

# The kinds of session that count as a member's orientation.
SATISFIES_ORIENTATION: frozenset[SessionKind] = frozenset({SessionKind.ORIENTATION, SessionKind.FOUNDING_COURSE})
ORIENTATION_REF: LawRef = law.EDUCATION_DUTY.ref  # the duty the bylaws' orientation carries out


@dataclass(frozen=True, slots=True)
class BylawsSpan:
    """One version of the bylaws, in force from ``effective_on`` (None: from the co-op's start)."""

    effective_on: dt.date | None
    orientation_required: bool


@dataclass(frozen=True, slots=True)
class Span:
    """Days from ``start`` (None: from the beginning) up to, not including, ``end`` (None: on)."""

    start: dt.date | None
    end: dt.date | None

    def holds(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


def required_spans(versions: Sequence[BylawsSpan]) -> tuple[Span, ...]:
    """When the bylaws asked for an orientation: ``versions`` in order of adoption, those in force
    only (an amendment waiting for its report is not).  The first version asks it from the day
    the bylaws were adopted: a member on the register from before that day (a file begun with the
    day the secretary started, before the real day could be given) is not held to a rule the
    program cannot say applied to them."""
    spans: list[Span] = []
    for i, version in enumerate(versions):
        start = version.effective_on
        end = versions[i + 1].effective_on if i + 1 < len(versions) else None
        if not version.orientation_required:
            continue
        if spans and spans[-1].end == start:
            spans[-1] = Span(spans[-1].start, end)  # two versions in a row that ask for it
        else:
            spans.append(Span(start, end))
    return tuple(spans)


def owes_orientation(*, required_now: bool, spans: Sequence[Span], joined_on: dt.date | None,
                     on_register: bool, attended: bool) -> bool:
    """The rule of the module's doc for one member."""
    return (required_now and on_register and not attended and joined_on is not None
            and any(s.holds(joined_on) for s in spans))


def days_since(joined_on: dt.date, today: dt.date) -> int:
    return (today - joined_on).days


@dataclass(frozen=True, slots=True)
class OrientationDue:
    """A member who owes the orientation, and for how many days since joining."""

    number: int
    name: str
    joined_on: dt.date
    days: int
