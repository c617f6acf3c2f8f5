"""The deadline rules of the co-op's year: one pure function per rule, each citing its article.

Every rule reads ``YearFacts`` and ``today`` and returns ``Deadline``s; ``deadlines`` gathers
them sorted by due date.  A key names a task stably between runs (``"ordinary_assembly:2026"``,
``"notice:meeting:17"``): it is what "mark done" records.  A warning that is a state, not a date
(a board short of directors, fewer than 5 members, no assembly for 2 years) is a Deadline due
today with ``warning`` set; its key carries the fiscal year, so that marking it done answers for
that year only.  A deadline ``on_hold`` waits on someone else (a refund the co-op withholds while
the member owes it money, Act 26③): it is never overdue nor soon.

A co-op still being founded (``YearFacts.founding``) owes none of a running co-op's duties: it
exists only from its registration (Act 19①).  Its tasks are the founding's own
(``domain.year.founding``), from the stage and the checks the founding services work out.

Counting:
- "within N months after the fiscal year ends" ends on the last day of the N-th month after the
  year's last month (``domain.fiscal.months_after_year_end``);
- "N days before" a meeting is counted as the meeting notice is, neither the day of the act nor
  the meeting day counting (``domain.meetings.notice.latest_notice_date``): the settlement report
  for an assembly on the 31st reaches the auditor by the 23rd.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from types import MappingProxyType

from coopdesk.domain import law
from coopdesk.domain.capital.reports import yearly_report_due
from coopdesk.domain.coop import CoopKind
from coopdesk.domain.fiscal import (
    fiscal_year_end,
    fiscal_year_of,
    months_after_year_end,
)
from coopdesk.domain.law_ref import LawRef
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.meetings.notice import latest_notice_date, notice_period
from coopdesk.domain.officers.terms import (
    OfficerTerm,
    Person,
    anniversary,
    terms_ending,
)
from coopdesk.domain.text import N_
from coopdesk.domain.year.facts import PlannedMeeting, YearFacts

SOON_DAYS = 30  # a deadline this many days away or fewer is "soon" (a reminder, not law)


class Urgency(Enum):
    OVERDUE = "overdue"
    SOON = "soon"
    LATER = "later"


class DeadlineKind(Enum):
    ORDINARY_ASSEMBLY = "ordinary_assembly"
    NO_ASSEMBLY = "no_assembly"
    MEETING_NOTICE = "meeting_notice"
    SETTLEMENT_TO_AUDITOR = "settlement_to_auditor"
    YEARLY_REPORT = "yearly_report"
    CAPITAL_REGISTRATION = "capital_registration"
    DISCLOSURE = "disclosure"
    TERM_ENDING = "term_ending"
    BOARD_SHORT = "board_short"
    NO_AUDITOR = "no_auditor"
    WITHDRAWAL = "withdrawal"
    REFUND_CLAIMABLE = "refund_claimable"
    REFUND_LAPSE = "refund_lapse"
    FEW_MEMBERS = "few_members"
    ORIENTATION = "orientation"
    REFUND_WITHHELD = "refund_withheld"
    FOUNDING_STEP = "founding_step"
    FOUNDING_CHECK = "founding_check"
    FOUNDING_REGISTRATION = "founding_registration"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


KIND_LABELS = {
    DeadlineKind.ORDINARY_ASSEMBLY: N_("Ordinary general assembly"),
    DeadlineKind.NO_ASSEMBLY: N_("No general assembly for 2 years"),
    DeadlineKind.MEETING_NOTICE: N_("Meeting notice"),
    DeadlineKind.SETTLEMENT_TO_AUDITOR: N_("Settlement report to the auditor"),
    DeadlineKind.YEARLY_REPORT: N_("Yearly report of members and capital"),
    DeadlineKind.CAPITAL_REGISTRATION: N_("Registration of paid-in capital"),
    DeadlineKind.DISCLOSURE: N_("Management disclosure"),
    DeadlineKind.TERM_ENDING: N_("Officer's term ending"),
    DeadlineKind.BOARD_SHORT: N_("Too few directors"),
    DeadlineKind.NO_AUDITOR: N_("No auditor"),
    DeadlineKind.WITHDRAWAL: N_("Withdrawal taking effect"),
    DeadlineKind.REFUND_CLAIMABLE: N_("Refund becomes claimable"),
    DeadlineKind.REFUND_LAPSE: N_("Refund claim lapses"),
    DeadlineKind.FEW_MEMBERS: N_("Fewer members than the minimum"),
    DeadlineKind.ORIENTATION: N_("Orientation owed"),
    DeadlineKind.REFUND_WITHHELD: N_("Refund withheld"),
    DeadlineKind.FOUNDING_STEP: N_("Next step of the founding"),
    DeadlineKind.FOUNDING_CHECK: N_("Founding check"),
    DeadlineKind.FOUNDING_REGISTRATION: N_("Registration of the co-op"),
}


@dataclass(frozen=True, slots=True)
class Deadline:
    """One thing the law expects, by ``due_on``.  ``message`` is a msgid with ``params``."""

    key: str
    kind: DeadlineKind
    due_on: dt.date
    message: str
    params: Mapping[str, object]
    ref: LawRef
    area: str  # the window area that deals with it
    target_id: int | None = None  # the meeting, officer term or member it is about
    warning: bool = False  # a state to put right now, not a date
    on_hold: bool = False  # waits on someone else (a withheld refund): never overdue nor soon

    def urgency(self, today: dt.date) -> Urgency:
        if self.on_hold:
            return Urgency.LATER
        if self.due_on < today:
            return Urgency.OVERDUE
        if (self.due_on - today).days <= SOON_DAYS:
            return Urgency.SOON
        return Urgency.LATER


def _deadline(key: str, kind: DeadlineKind, due_on: dt.date, message: str, ref: LawRef, area: str,
              target_id: int | None = None, warning: bool = False, on_hold: bool = False,
              **params: object) -> Deadline:
    return Deadline(key, kind, due_on, message, MappingProxyType(dict(params)), ref, area, target_id, warning,
                    on_hold)


@dataclass(frozen=True, slots=True)
class _Year:
    """The fiscal years the rules look at: the current one and the one before it."""

    current: int
    start_month: int
    years: tuple[int, ...]

    def end(self, year: int) -> dt.date:
        return fiscal_year_end(self.start_month, year)


def _years(facts: YearFacts, today: dt.date) -> _Year:
    """The last completed fiscal year and the current one, leaving out a year that ended before
    the co-op's records start (a co-op owes no assembly for a year it did not live in)."""
    current = fiscal_year_of(facts.fiscal_year_start_month, today)
    years = tuple(y for y in (current - 1, current)
                  if fiscal_year_end(facts.fiscal_year_start_month, y) >= facts.established_on)
    return _Year(current, facts.fiscal_year_start_month, years)


# -- the ordinary assembly and what hangs on it ------------------------------------------------------


def ordinary_assembly_due(start_month: int, year: int, within_months: int) -> dt.date:
    """The last day of the ordinary assembly for fiscal year ``year`` (the bylaws' N months, Act 28③)."""
    return months_after_year_end(start_month, year, within_months)


def _held_for(facts: YearFacts, year_end: dt.date, today: dt.date) -> bool:
    """An ordinary assembly was held after the year ended (late or not), by today."""
    return any(year_end < day <= today for day in facts.ordinary_assemblies_held)


def _planned_ordinary(facts: YearFacts, year_end: dt.date) -> PlannedMeeting | None:
    planned = [m for m in facts.planned_meetings
               if m.kind is MeetingKind.ORDINARY_ASSEMBLY and m.held_on > year_end]
    return min(planned, key=lambda m: (m.held_on, m.id)) if planned else None


def ordinary_assembly(facts: YearFacts, today: dt.date) -> Iterator[Deadline]:
    """The ordinary assembly for each year not yet settled, within the bylaws' N months after the
    year ends; and the settlement report, which reaches the auditor 7 days before it (Act 52①)."""
    span = _years(facts, today)
    for year in span.years:
        end = span.end(year)
        if _held_for(facts, end, today):
            continue
        due = ordinary_assembly_due(facts.fiscal_year_start_month, year, facts.assembly_within_months)
        planned = _planned_ordinary(facts, end)
        yield _assembly_deadline(year, due, planned)
        yield _settlement_deadline(year, due, planned)


def _assembly_deadline(year: int, due: dt.date, planned: PlannedMeeting | None) -> Deadline:
    ref = law.ORDINARY_ASSEMBLY_PER_YEAR.ref
    key = f"ordinary_assembly:{year}"
    kind = DeadlineKind.ORDINARY_ASSEMBLY
    if planned is None:
        return _deadline(key, kind, due, N_("Hold the ordinary general assembly for fiscal year {year} by {due}."),
                         ref, "meetings", None, year=year, due=due)
    if planned.held_on > due:
        return _deadline(key, kind, due, N_("The ordinary general assembly for fiscal year {year} is planned for "
                                            "{held_on}, after the last allowed day, {due}."),
                         ref, "meetings", planned.id, year=year, due=due, held_on=planned.held_on)
    return _deadline(key, kind, due, N_("The ordinary general assembly for fiscal year {year} is planned for "
                                        "{held_on}; it must be held by {due}."),
                     ref, "meetings", planned.id, year=year, due=due, held_on=planned.held_on)


def settlement_due(assembly_on: dt.date) -> dt.date:
    """The last day the settlement report reaches the auditor: 7 days before the assembly, counted
    as the meeting notice is (Act 52①)."""
    return latest_notice_date(assembly_on, law.SETTLEMENT_TO_AUDITOR_DAYS.value)


def _settlement_deadline(year: int, due: dt.date, planned: PlannedMeeting | None) -> Deadline:
    assembly_on = planned.held_on if planned is not None else due
    return _deadline(f"settlement_to_auditor:{year}", DeadlineKind.SETTLEMENT_TO_AUDITOR, settlement_due(assembly_on),
                     N_("Give the settlement report for fiscal year {year} to the auditor by {due}, 7 days before "
                        "the ordinary assembly ({assembly_on})."),
                     law.SETTLEMENT_TO_AUDITOR_DAYS.ref, "meetings", planned.id if planned else None,
                     year=year, due=settlement_due(assembly_on), assembly_on=assembly_on)


def no_assembly_ref(kind: CoopKind) -> LawRef:
    """The article that makes 2 years without an assembly a corrective-order ground."""
    if kind is CoopKind.SOCIAL:
        return law.NO_ASSEMBLY_CORRECTIVE_YEARS.ref
    return law.NO_ASSEMBLY_CORRECTIVE_YEARS_GENERAL.ref


def no_assembly(facts: YearFacts, today: dt.date) -> Iterator[Deadline]:
    """No general assembly for 2 years in a row: a ground for a corrective order (Act 70의2, 111①)."""
    years = law.NO_ASSEMBLY_CORRECTIVE_YEARS.value
    held = [day for day in facts.assemblies_held if day <= today]
    since = max(held, default=facts.established_on)
    if today < anniversary(since, years):
        return
    current = fiscal_year_of(facts.fiscal_year_start_month, today)
    message = (N_("No general assembly has been held since {since}: 2 years without one is a ground for a "
                  "corrective order.") if held else
               N_("No general assembly has been recorded since the co-op's records start on {since}: 2 years "
                  "without one is a ground for a corrective order."))
    yield _deadline(f"no_assembly:{current}", DeadlineKind.NO_ASSEMBLY, today, message, no_assembly_ref(facts.kind),
                    "meetings", None, True, since=since, years=years)


# -- the notice of every planned meeting -------------------------------------------------------------


def meeting_notices(facts: YearFacts, today: dt.date) -> Iterator[Deadline]:
    """The last day each planned meeting's notice may go out (Act 28④, or the bylaws' longer period);
    a board's notice is the bylaws' business and a founding meeting's is the founding area's."""
    for meeting in facts.planned_meetings:
        if meeting.notice_sent_on is not None or meeting.kind is MeetingKind.FOUNDING:
            continue
        period = notice_period(meeting.kind, facts.notice_days)
        if period is None:
            continue
        days, ref = period
        due = latest_notice_date(meeting.held_on, days)
        yield _deadline(f"notice:meeting:{meeting.id}", DeadlineKind.MEETING_NOTICE, due,
                        N_("Send the notice of \"{title}\" ({held_on}) by {due}: {days} days before the meeting."),
                        ref, "meetings", meeting.id, title=meeting.title, held_on=meeting.held_on, due=due,
                        days=days)


# -- reports to the city or province, the registry and the disclosure --------------------------------


def yearly_reports(facts: YearFacts, today: dt.date) -> Iterator[Deadline]:
    """The year's report of the member count and paid-in capital, within 3 months after the year ends
    (Act 22③), and the registration of the paid-in capital at the registry in the same months.
    A report of an earlier year not marked done stays on the list, overdue (up to
    ``REPORTS_KEPT_YEARS`` back): a duty does not lapse at New Year."""
    span = _years(facts, today)
    for year in _earlier_years(facts, span):
        end = span.end(year)
        if f"yearly_report:{year}" not in facts.done_keys:
            yield _yearly_report(year, yearly_report_due(end))
    for year in span.years:
        end = span.end(year)
        yield _yearly_report(year, yearly_report_due(end))
        if not _capital_moved(facts, year, span.current):
            continue
        due = months_after_year_end(facts.fiscal_year_start_month, year, law.CAPITAL_REGISTRATION_MONTHS.value)
        yield _deadline(f"capital_registration:{year}", DeadlineKind.CAPITAL_REGISTRATION, due,
                        N_("Register the change of paid-in capital for fiscal year {year} at the registry by "
                           "{due}."),
                        law.CAPITAL_REGISTRATION_MONTHS.ref, "capital", None, year=year, due=due)


# How many fiscal years before the last one a report not marked done is still listed.
REPORTS_KEPT_YEARS = 3


def _earlier_years(facts: YearFacts, span: _Year) -> list[int]:
    """Fiscal years before the last completed one, within ``REPORTS_KEPT_YEARS``, whose report the
    program has listed since the co-op's file was made (a co-op brought into CoopDesk is not
    greeted by the reports of years before it)."""
    if facts.kept_since is None:
        return []
    first = max(span.current - 1 - REPORTS_KEPT_YEARS, fiscal_year_of(facts.fiscal_year_start_month,
                                                                       facts.kept_since) - 1)
    return [y for y in range(first, span.current - 1)
            if fiscal_year_end(facts.fiscal_year_start_month, y) >= facts.established_on]


def _yearly_report(year: int, due: dt.date) -> Deadline:
    return _deadline(f"yearly_report:{year}", DeadlineKind.YEARLY_REPORT, due,
                     N_("Report the member count and paid-in capital for fiscal year {year} to the city or "
                        "province by {due}."),
                     law.YEARLY_REPORT_MONTHS.ref, "capital", None, year=year, due=due)


def _capital_moved(facts: YearFacts, year: int, current: int) -> bool:
    """Only a year whose capital changed needs the registry; the current year may still change."""
    if not facts.has_capital_ledger:
        return False
    return facts.capital_moved_last_year if year < current else True


def disclosure_required(facts: YearFacts, year: int | None = None) -> bool:
    """Every social co-op; a general co-op with 200+ members or 3 billion won+ paid-in capital at the
    end of fiscal year ``year`` (Act 49의2①): the figures of ``facts.year_ends`` for that year, today's
    when the facts have none for it."""
    if facts.kind is CoopKind.SOCIAL:
        return True
    members, capital = year_end_figures(facts, year)
    return members >= law.DISCLOSURE_MIN_MEMBERS.value or capital >= law.DISCLOSURE_MIN_CAPITAL_WON.value


def year_end_figures(facts: YearFacts, year: int | None) -> tuple[int, int]:
    """(members on the register, paid-in capital) at the end of fiscal year ``year``."""
    found = next((f for f in facts.year_ends if f.year == year), None)
    return (found.members, found.paid_in_capital) if found is not None else (facts.members, facts.paid_in_capital)


def disclosure(facts: YearFacts, today: dt.date) -> Iterator[Deadline]:
    """Management disclosure within 4 months after each year ends that required it (Act 49의2①, 96의2①)."""
    rule = law.DISCLOSURE_MONTHS_SOCIAL if facts.kind is CoopKind.SOCIAL else law.DISCLOSURE_MONTHS
    span = _years(facts, today)
    for year in span.years:
        if not disclosure_required(facts, year):
            continue
        due = months_after_year_end(facts.fiscal_year_start_month, year, rule.value)
        yield _deadline(f"disclosure:{year}", DeadlineKind.DISCLOSURE, due,
                        N_("Publish the management disclosure for fiscal year {year} by {due}."),
                        rule.ref, "coop", None, year=year, due=due)


# -- officers ------------------------------------------------------------------------------------------


def officer_terms(facts: YearFacts, today: dt.date) -> Iterator[Deadline]:
    """Terms running today that end within 60 days (a reminder to prepare the election), but for
    those whose successor is already elected."""
    covered = succeeded_terms(facts)
    rows = {t.id: OfficerTerm(Person(name=t.name or f"#{t.id}"), t.office, t.starts_on, t.ends_on)
            for t in facts.terms_in_office if t.id not in covered}
    term_ids = {id(term): term_id for term_id, term in rows.items()}
    for warning in terms_ending(rows.values(), today):
        term_id = term_ids[id(warning.term)]
        yield Deadline(f"term_end:officer_term:{term_id}", DeadlineKind.TERM_ENDING, warning.term.end,
                       warning.message, MappingProxyType(dict(warning.params)), warning.article, "officers", term_id)


def succeeded_terms(facts: YearFacts) -> frozenset[int]:
    """The running terms whose successor is already on the register: in each office, each term that
    starts later covers one running term, the soonest ending first (a board elected in staggered
    halves replaces the directors whose terms end first)."""
    waiting = Counter(t.office for t in facts.successors)
    covered = set()
    for term in sorted(facts.terms_in_office, key=lambda t: (t.ends_on, t.id)):
        if waiting[term.office] > 0:
            waiting[term.office] -= 1
            covered.add(term.id)
    return frozenset(covered)


def board(facts: YearFacts, today: dt.date) -> Iterator[Deadline]:
    """A chair and at least 3 directors (chair included), and at least 1 auditor (Act 34①)."""
    current = fiscal_year_of(facts.fiscal_year_start_month, today)
    need = law.MIN_DIRECTORS.value
    if facts.directors_in_office < need:
        yield _deadline(f"board_below_minimum:{current}", DeadlineKind.BOARD_SHORT, today,
                        N_("{count} director(s) in office, the chair included: the Act asks for at least {n}."),
                        law.MIN_DIRECTORS.ref, "officers", None, True, count=facts.directors_in_office, n=need)
    need = law.MIN_AUDITORS.value
    if facts.auditors_in_office < need:
        yield _deadline(f"auditor_missing:{current}", DeadlineKind.NO_AUDITOR, today,
                        N_("No auditor is in office: the Act asks for at least {n}."),
                        law.MIN_AUDITORS.ref, "officers", None, True, n=need)


# -- members -----------------------------------------------------------------------------------------


def members(facts: YearFacts, today: dt.date) -> Iterator[Deadline]:
    """Fewer members than 5, withdrawals taking effect, and new members owing the orientation."""
    current = fiscal_year_of(facts.fiscal_year_start_month, today)
    need = law.MIN_MEMBERS.value
    if facts.members < need:
        yield _deadline(f"few_members:{current}", DeadlineKind.FEW_MEMBERS, today,
                        N_("{count} member(s) on the register: a co-op needs at least {n}."),
                        law.MIN_MEMBERS.ref, "members", None, True, count=facts.members, n=need)
    for w in facts.withdrawals:
        if w.leaves_on >= today:
            yield _deadline(f"withdrawal:member:{w.member_id}", DeadlineKind.WITHDRAWAL, w.leaves_on,
                            N_("Member {number}, {name}, leaves the co-op on {leaves_on}."),
                            law.WITHDRAWAL_NOTICE_DAYS_STANDARD.ref, "members", w.member_id,
                            number=w.number, name=w.name, leaves_on=w.leaves_on)
    if facts.orientation_required:
        yield from _orientation(facts, today)


ORIENTATION_ONE_BY_ONE = 10  # up to this many members owing the orientation are a task each; more are one task


def _orientation(facts: YearFacts, today: dt.date) -> Iterator[Deadline]:
    owing = facts.owing_orientation
    count = max(facts.owing_orientation_count, len(owing))
    if count > ORIENTATION_ONE_BY_ONE and owing:
        current = fiscal_year_of(facts.fiscal_year_start_month, today)
        yield _deadline(f"orientation:{current}", DeadlineKind.ORIENTATION, today,
                        N_("{count} members still owe the orientation; the longest since {joined_on}."),
                        law.EDUCATION_DUTY.ref, "education", None, True, count=count, joined_on=owing[0].joined_on)
        return
    for o in owing:
        yield _deadline(f"orientation:member:{o.member_id}", DeadlineKind.ORIENTATION, today,
                        N_("Member {number}, {name}, joined on {joined_on} and still owes the orientation "
                           "({days} days)."),
                        law.EDUCATION_DUTY.ref, "education", o.member_id, True,
                        number=o.number, name=o.name, joined_on=o.joined_on, days=(today - o.joined_on).days)


# A member who died left the co-op (Act 24②); the heirs claim the refund in their place.
_CLAIMABLE = {False: N_("The refund to member {number}, {name}, who left on {left_on}, may be claimed from "
                        "{claim_from}."),
              True: N_("The heirs of member {number}, {name}, who died on {left_on}, may claim the refund from "
                       "{claim_from}.")}
_LAPSE = {False: N_("The refund claim of member {number}, {name}, lapses after {last_day}."),
          True: N_("The heirs' refund claim for member {number}, {name}, who died, lapses after {last_day}.")}
_WITHHELD = {False: N_("The refund to member {number}, {name}, is withheld since {since}, while they owe the "
                       "co-op: {reason}. The claim lapses after {last_day}."),
             True: N_("The refund to the heirs of member {number}, {name}, who died, is withheld since {since}, "
                      "while the member's debt to the co-op is unpaid: {reason}. The claim lapses after "
                      "{last_day}.")}


def refunds(facts: YearFacts, today: dt.date) -> Iterator[Deadline]:
    """A leaver's refund: the day it becomes claimable (Act 26①), and once claimable the last day
    before it lapses (Act 26②).  A refund the co-op withholds (Act 26③) is said as withheld, with
    what the member owes: it waits on the member, and is no duty of the co-op's until released."""
    for r in facts.refunds:
        last_day = r.lapses_on - dt.timedelta(days=1)
        if r.withheld_since is not None and today < r.lapses_on:
            yield _deadline(f"refund_withheld:member:{r.member_id}", DeadlineKind.REFUND_WITHHELD, last_day,
                            _WITHHELD[r.deceased], law.REFUND_MAY_BE_WITHHELD.ref, "capital", r.member_id,
                            on_hold=True, number=r.number, name=r.name, since=r.withheld_since,
                            reason=r.withheld_reason, last_day=last_day)
        elif today < r.claim_from:
            yield _deadline(f"refund_claimable:member:{r.member_id}", DeadlineKind.REFUND_CLAIMABLE, r.claim_from,
                            _CLAIMABLE[r.deceased], law.REFUND_FROM_NEXT_FISCAL_YEAR.ref, "capital", r.member_id,
                            number=r.number, name=r.name, left_on=r.left_on, claim_from=r.claim_from)
        elif today < r.lapses_on:
            yield _deadline(f"refund_lapse:member:{r.member_id}", DeadlineKind.REFUND_LAPSE, last_day,
                            _LAPSE[r.deceased], law.REFUND_CLAIM_LAPSE_YEARS.ref, "capital", r.member_id,
                            number=r.number, name=r.name, last_day=last_day)


RULES = (ordinary_assembly, no_assembly, meeting_notices, yearly_reports, disclosure, officer_terms, board,
         members, refunds)


def deadlines(facts: YearFacts, today: dt.date) -> tuple[Deadline, ...]:
    """Every deadline and warning of the co-op on ``today``, done or not, by due date then key; a
    co-op in founding has the founding's tasks instead."""
    from coopdesk.domain.year.founding import founding_tasks

    rules = (founding_tasks,) if facts.founding is not None else RULES
    found = [d for rule in rules for d in rule(facts, today)]
    return tuple(sorted(found, key=lambda d: (d.due_on, natural_key(d.key))))


def natural_key(key: str) -> tuple[tuple[int, int | str], ...]:
    """A task's key for ordering, its numbers as numbers: member 4 before member 10."""
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"(\d+)", key) if part)


def open_deadlines(facts: YearFacts, today: dt.date) -> tuple[Deadline, ...]:
    """The deadlines not marked done."""
    return tuple(d for d in deadlines(facts, today) if d.key not in facts.done_keys)
