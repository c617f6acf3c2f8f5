"""Every founding rule as one typed check, with its article (LAW.md "Founding").

A check is *met*, a *warning* (the law is still kept, but a deadline is near) or *unmet*;
the services return them all so a screen can show the list as it stands, and refuse with
the unmet ones (``require``) where the law forbids going on.  The numbers a check explains
itself with are counts, dates or won amounts, shown in the reader's language where shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import Enum

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal, Refusals
from coopdesk.domain.law_ref import LawRef
from coopdesk.domain.meetings.kinds import Subject
from coopdesk.domain.text import N_


class FoundingRule(Enum):
    FOUNDERS = "founders"  # 발기인 5인 이상 (Act 15①)
    REPRESENTATIVE = "representative"  # one founder represents the founders [L]
    NOTICE_DAYS = "notice_days"  # 공고 7일 이상 (Act 15②)
    NOTICE_CONTENTS = "notice_contents"  # date, place, qualifications, matters (Act 15②)
    MATTERS = "matters"  # bylaws, plan and budget, officers, expenses (Act 15)
    MATTERS_PASSED = "matters_passed"  # the four decided by 2/3 of those present (Act 15③)
    COURSE = "course"  # the founding course held before the meeting [M: practice, not law]
    SHARE_CAP = "share_cap"  # no consenter over 30% of the shares subscribed (Act 22②)
    SIGNERS = "signers"  # chair and at least 3 consenters elected to sign (Act 15, 30③)
    STAKEHOLDERS = "stakeholders"  # social co-op: two stakeholder types (Decree 19①)
    PUBLIC_BENEFIT = "public_benefit"  # social co-op: public-benefit business at least 40% (Act 93①)
    REGISTRATION = "registration"  # registered within 14 days of the capital paid (Act 61①; social: 106①)

    @property
    def label(self) -> str:
        return RULE_LABELS[self]


RULE_LABELS = {
    FoundingRule.FOUNDERS: N_("At least five founders"),
    FoundingRule.REPRESENTATIVE: N_("A founders' representative"),
    FoundingRule.NOTICE_DAYS: N_("Public notice at least 7 days before the founding meeting"),
    FoundingRule.NOTICE_CONTENTS: N_("What the public notice says"),
    FoundingRule.MATTERS: N_("The four matters on the agenda"),
    FoundingRule.MATTERS_PASSED: N_("The four matters decided"),
    FoundingRule.COURSE: N_("The founding course held"),
    FoundingRule.SHARE_CAP: N_("No one over 30% of all shares"),
    FoundingRule.SIGNERS: N_("Minutes signed by the chair and at least three consenters"),
    FoundingRule.STAKEHOLDERS: N_("Two or more stakeholder types among the consenters"),
    FoundingRule.PUBLIC_BENEFIT: N_("Public-benefit business at least 40%"),
    FoundingRule.REGISTRATION: N_("Registration in time"),
}


class Level(Enum):
    MET = "met"
    WARNING = "warning"  # met, but act soon
    UNMET = "unmet"


@dataclass(frozen=True, slots=True)
class FoundingCheck:
    """One founding rule applied: its level, why in numbers, and where the law says it."""

    rule: FoundingRule
    level: Level
    article: LawRef | None
    message: str  # an English message id with {placeholders}
    params: tuple[tuple[str, object], ...] = ()
    field: str | None = None

    @property
    def met(self) -> bool:
        return self.level is not Level.UNMET

    @property
    def kwargs(self) -> dict[str, object]:
        return dict(self.params)

    def english(self) -> str:
        return self.message.format(**self.kwargs)

    def refusal(self) -> Refusal:
        return Refusal(self.message, article=self.article, field=self.field, **self.kwargs)


def _check(rule: FoundingRule, level: Level, ref: LawRef | None, message: str, field: str | None = None,
           **params: object) -> FoundingCheck:
    return FoundingCheck(rule, level, ref, message, tuple(params.items()), field)


def _met(ok: bool) -> Level:
    return Level.MET if ok else Level.UNMET


def require(checks: Iterable[FoundingCheck]) -> tuple[FoundingCheck, ...]:
    """The checks, if none is unmet; otherwise the refusal of each unmet one."""
    checks = tuple(checks)
    failed = [c.refusal() for c in checks if not c.met]
    if len(failed) == 1:
        raise failed[0]
    if failed:
        raise Refusals(failed)
    return checks


# -- the founders and the founding meeting ------------------------------------------------

def founders_check(founders: int) -> FoundingCheck:
    need = law.MIN_FOUNDERS.value
    return _check(FoundingRule.FOUNDERS, _met(founders >= need), law.MIN_FOUNDERS.ref,
                  N_("{founders} founders recorded; the Act asks for at least {need}."), "founders",
                  founders=founders, need=need)


def representative_check(named: str | None) -> FoundingCheck:
    if named:
        return _check(FoundingRule.REPRESENTATIVE, Level.MET, None,
                      N_("{name} represents the founders."), "representative", name=named)
    return _check(FoundingRule.REPRESENTATIVE, Level.UNMET, None,
                  N_("Name one of the founders as their representative: they sign the notice and the "
                     "filing, and receive the capital paid before registration."), "representative")


def notice_check(notice_on: dt.date | None, meeting_on: dt.date | None) -> FoundingCheck:
    """At least 7 days between the notice and the meeting, neither day counted (LAW.md: a meeting
    on the 31st needs the notice by the 23rd)."""
    days = law.FOUNDING_NOTICE_DAYS
    if notice_on is None or meeting_on is None:
        return _check(FoundingRule.NOTICE_DAYS, Level.UNMET, days.ref,
                      N_("Record the founding meeting and the day its public notice was posted."), "notice_on")
    latest = meeting_on - dt.timedelta(days=days.value + 1)
    return _check(FoundingRule.NOTICE_DAYS, _met(notice_on <= latest), days.ref,
                  N_("Notice posted on {notice_on} for a meeting on {meeting_on}: it must be posted by "
                     "{latest}, at least {days} days before."), "notice_on",
                  notice_on=notice_on, meeting_on=meeting_on, latest=latest, days=days.value)


def notice_contents_check(*, place: str, held_on: dt.date | None, meeting_place: str, qualifications: str,
                          matters: Collection[Subject]) -> FoundingCheck:
    """Act 15②: the notice gives the meeting's date and place, who may become a member, and the
    matters to decide; it is posted somewhere (``place``) the public sees it."""
    missing = []
    if not place.strip():
        missing.append(N_("where it is posted"))
    if held_on is None or not meeting_place.strip():
        missing.append(N_("the meeting's date and place"))
    if not qualifications.strip():
        missing.append(N_("the membership qualifications"))
    if not set(FOUNDING_MATTERS) <= set(matters):
        missing.append(N_("the matters to decide"))
    if missing:
        return FoundingCheck(FoundingRule.NOTICE_CONTENTS, Level.UNMET, law.FOUNDING_NOTICE_DAYS.ref,
                             N_("The public notice still lacks: {missing}."), (("missing", tuple(missing)),),
                             "notice")
    return _check(FoundingRule.NOTICE_CONTENTS, Level.MET, law.FOUNDING_NOTICE_DAYS.ref,
                  N_("The public notice gives the date, place, membership qualifications and matters."), "notice")


# What the founding meeting must decide (Act 15, LAW.md): the agenda's subjects.
FOUNDING_MATTERS: tuple[Subject, ...] = (Subject.BYLAWS_ADOPTION, Subject.PLAN_AND_BUDGET,
                                         Subject.OFFICER_ELECTION, Subject.FOUNDING_EXPENSES)
MATTER_LABELS = {
    Subject.BYLAWS_ADOPTION: N_("the bylaws"),
    Subject.PLAN_AND_BUDGET: N_("the business plan and budget"),
    Subject.OFFICER_ELECTION: N_("the election of officers"),
    Subject.FOUNDING_EXPENSES: N_("the founding expenses"),
}


def matters_check(on_agenda: Collection[Subject]) -> FoundingCheck:
    missing = tuple(MATTER_LABELS[s] for s in FOUNDING_MATTERS if s not in on_agenda)
    if missing:
        return FoundingCheck(FoundingRule.MATTERS, Level.UNMET, law.FOUNDING_MAJORITY.ref,
                             N_("The founding meeting's agenda lacks: {missing}."), (("missing", missing),),
                             "agenda")
    return _check(FoundingRule.MATTERS, Level.MET, law.FOUNDING_MAJORITY.ref,
                  N_("The agenda has the bylaws, the business plan and budget, the election of officers and "
                     "the founding expenses."), "agenda")


def matters_passed_check(passed: Collection[Subject]) -> FoundingCheck:
    missing = tuple(MATTER_LABELS[s] for s in FOUNDING_MATTERS if s not in passed)
    if missing:
        return FoundingCheck(FoundingRule.MATTERS_PASSED, Level.UNMET, law.FOUNDING_MAJORITY.ref,
                             N_("Not yet passed at the founding meeting: {missing}."), (("missing", missing),),
                             "agenda")
    return _check(FoundingRule.MATTERS_PASSED, Level.MET, law.FOUNDING_MAJORITY.ref,
                  N_("The four matters passed by two thirds of those present."), "agenda")


def course_check(course_on: dt.date | None, meeting_on: dt.date | None) -> FoundingCheck:
    """The founding course is practice, not law (LAW.md: keep it as an education record)."""
    if course_on is None:
        return _check(FoundingRule.COURSE, Level.WARNING, None,
                      N_("No founding course is linked: the city or province usually asks for one."), "course")
    if meeting_on is not None and course_on > meeting_on:
        return _check(FoundingRule.COURSE, Level.WARNING, None,
                      N_("The founding course on {course_on} is after the founding meeting on {meeting_on}."),
                      "course", course_on=course_on, meeting_on=meeting_on)
    return _check(FoundingRule.COURSE, Level.MET, None, N_("Founding course held on {course_on}."), "course",
                  course_on=course_on)


def share_cap_check(number: int, largest: int, total: int) -> FoundingCheck:
    """The 30% cap over all the consenters' subscriptions (Act 22②): checked on the whole, since
    the first consenter entered alone holds every share subscribed so far."""
    cap = law.MAX_SHARE_RATIO
    ok = total > 0 and largest * cap.value.denominator <= cap.value.numerator * total
    if total == 0:
        return _check(FoundingRule.SHARE_CAP, Level.UNMET, cap.ref,
                      N_("No shares are subscribed yet: every consenter subscribes at least one."), "shares")
    return _check(FoundingRule.SHARE_CAP, _met(ok), cap.ref,
                  N_("The largest subscription, {largest} of {total} shares (number {number}), against the 30% "
                     "cap."), "shares", largest=largest, total=total, number=number)


def signers_check(signers: int) -> FoundingCheck:
    need = law.MINUTES_MIN_SIGNING_MEMBERS
    return _check(FoundingRule.SIGNERS, _met(signers >= need.value), need.ref,
                  N_("{signers} consenters elected to sign the minutes with the chair; at least {need}."),
                  "signers", signers=signers, need=need.value)


# -- a social co-op (Act 85, 93; Decree 19) ---------------------------------------------------

def stakeholders_check(types: Collection[str]) -> FoundingCheck:
    need = law.SOCIAL_MIN_STAKEHOLDER_TYPES
    found = len(set(types))
    return _check(FoundingRule.STAKEHOLDERS, _met(found >= need.value), need.ref,
                  N_("{found} stakeholder types among the consenters; a social co-op needs at least {need}."),
                  "member_type", found=found, need=need.value)


def public_benefit_check(public_won: int, total_won: int) -> FoundingCheck:
    """The public-benefit business's share of the business plan's amounts, exactly (no floats)."""
    share = law.SOCIAL_MIN_PUBLIC_BENEFIT_SHARE.value
    ok = total_won > 0 and public_won * share.denominator >= share.numerator * total_won
    percent = (public_won * 100 // total_won) if total_won > 0 else 0
    return _check(FoundingRule.PUBLIC_BENEFIT, _met(ok), law.SOCIAL_MIN_PUBLIC_BENEFIT_SHARE.ref,
                  N_("Public-benefit business: {percent}% of the business plan; at least {need}%."), "lines",
                  percent=percent, need=share.numerator * 100 // share.denominator)


# -- after filing: registration in time --------------------------------------------------------

def registration_limit(social: bool) -> law.LawValue[int]:
    """General co-op: 14 days from the capital fully paid (Act 61①); social co-op: 60 days from
    the authorisation (Act 106①)."""
    return law.SOCIAL_REGISTRATION_DAYS_AFTER_AUTHORIZATION if social else law.REGISTRATION_DAYS_AFTER_PAYMENT


def registration_check(*, social: bool, start: dt.date | None, on: dt.date) -> FoundingCheck | None:
    """Where a registration on ``on`` (or today, not yet registered) stands against its deadline:
    met, a warning from ``law.REGISTRATION_WARNING_FROM_DAY`` days on, unmet after the last day.
    ``start``: the day the capital was fully paid (general) or authorised (social); None: not yet."""
    if start is None:
        return None
    limit = registration_limit(social)
    last = start + dt.timedelta(days=limit.value)
    days = (on - start).days
    if on > last:
        level = Level.UNMET
        message = N_("Registration on {on} is {late} days after the last day, {last} ({days} days from {start}).")
    elif days >= _warn_from(limit.value):
        level = Level.WARNING
        message = N_("Register by {last}: {left} days left of the {days} days from {start}.")
    else:
        level = Level.MET
        message = N_("Register by {last}, {days} days from {start}.")
    return _check(FoundingRule.REGISTRATION, level, limit.ref, message, "registered_on", on=on, last=last,
                  start=start, days=limit.value, left=max((last - on).days, 0), late=max((on - last).days, 0))


def _warn_from(limit_days: int) -> int:
    """The warning comes with four days left: from day 10 of 14 [L: a reminder, not law]."""
    return max(limit_days - law.REGISTRATION_WARNING_DAYS_LEFT.value, 0)
