"""Members (조합원): their events and the status derived from them.

A member's status is never typed in.  It follows from the events on record —
application, admission, withdrawal notice, withdrawal, death, expulsion — and the day
it is looked at: a withdrawal notice takes effect when the bylaws' notice period has run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.fields import NOTE_LENGTH, check_date, check_text
from coopdesk.domain.text import N_


class EventKind(Enum):
    APPLIED = "applied"  # 가입신청
    ADMITTED = "admitted"  # 가입승낙 (membership starts)
    WITHDRAWAL_NOTICE = "withdrawal_notice"  # 탈퇴 예고
    WITHDRAWN = "withdrawn"  # 탈퇴 (automatic withdrawal, or a notice taking effect early)
    DECEASED = "deceased"  # 사망 (당연탈퇴)
    EXPELLED = "expelled"  # 제명: only from a general assembly's special resolution
    CONSENTED = "consented"  # 설립동의: a consent form handed to the founders (Act 15), before the co-op exists


class MemberStatus(Enum):
    APPLICANT = "applicant"
    MEMBER = "member"
    WITHDRAWING = "withdrawing"
    WITHDRAWN = "withdrawn"
    EXPELLED = "expelled"
    DECEASED = "deceased"
    CONSENTER = "consenter"  # 설립동의자: on the founding meeting's register, not yet a member

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def is_current(self) -> bool:
        """On the register as a member with a vote (a withdrawing member still votes)."""
        return self in (MemberStatus.MEMBER, MemberStatus.WITHDRAWING)


STATUS_LABELS = {
    MemberStatus.APPLICANT: N_("Applicant"),
    MemberStatus.MEMBER: N_("Member"),
    MemberStatus.WITHDRAWING: N_("Withdrawing"),
    MemberStatus.WITHDRAWN: N_("Withdrawn"),
    MemberStatus.EXPELLED: N_("Expelled"),
    MemberStatus.DECEASED: N_("Deceased"),
    MemberStatus.CONSENTER: N_("Founding consenter"),
}

EVENT_LABELS = {
    EventKind.APPLIED: N_("Application"),
    EventKind.ADMITTED: N_("Admission"),
    EventKind.WITHDRAWAL_NOTICE: N_("Withdrawal notice"),
    EventKind.WITHDRAWN: N_("Withdrawal"),
    EventKind.DECEASED: N_("Death"),
    EventKind.EXPELLED: N_("Expulsion"),
    EventKind.CONSENTED: N_("Consent to the founding"),
}

_LEAVING = (EventKind.WITHDRAWN, EventKind.DECEASED, EventKind.EXPELLED)
_LEFT_STATUS = {
    EventKind.WITHDRAWN: MemberStatus.WITHDRAWN,
    EventKind.DECEASED: MemberStatus.DECEASED,
    EventKind.EXPELLED: MemberStatus.EXPELLED,
}


@dataclass(frozen=True, slots=True)
class ResolutionRef:
    """The resolution an event came from: the meeting's day and the item's place on its agenda."""

    held_on: dt.date
    item: int


@dataclass(frozen=True, slots=True)
class MemberEvent:
    kind: EventKind
    on: dt.date
    note: str = ""
    resolution: ResolutionRef | None = None  # an expulsion: the special resolution that decided it


@dataclass(frozen=True, slots=True)
class Standing:
    """What the events say, in dates: enough to tell the status on any day."""

    applied_on: dt.date | None = None
    joined_on: dt.date | None = None
    notice_on: dt.date | None = None
    leaves_on: dt.date | None = None  # the day a withdrawal notice takes effect
    left_on: dt.date | None = None
    left_as: EventKind | None = None
    consented_on: dt.date | None = None  # a founding consenter's consent (설립동의); admitted on registration

    def status_on(self, day: dt.date) -> MemberStatus:
        if self.left_on is not None and self.left_on <= day and self.left_as:
            return _LEFT_STATUS[self.left_as]
        if self.leaves_on is not None and self.leaves_on <= day:
            return MemberStatus.WITHDRAWN
        if self.joined_on is not None and self.joined_on <= day:
            if self.notice_on is not None and self.notice_on <= day:
                return MemberStatus.WITHDRAWING
            return MemberStatus.MEMBER
        if self.consented_on is not None and self.consented_on <= day and self.joined_on is None:
            return MemberStatus.CONSENTER
        return MemberStatus.APPLICANT

    @property
    def pre_member(self) -> bool:
        """A founding consenter not yet admitted: never on the member register or its counts."""
        return self.consented_on is not None and self.joined_on is None


def standing(events: Iterable[MemberEvent], withdrawal_notice_days: int) -> Standing:
    """Fold a member's events, oldest first, into the dates that decide the status."""
    s = Standing()
    for e in sorted(events, key=lambda e: e.on):
        if e.kind is EventKind.APPLIED:
            s = _replace(s, applied_on=e.on)
        elif e.kind is EventKind.ADMITTED:
            s = _replace(s, joined_on=e.on)
        elif e.kind is EventKind.CONSENTED:
            s = _replace(s, consented_on=e.on)
        elif e.kind is EventKind.WITHDRAWAL_NOTICE:
            leaves = e.on + dt.timedelta(days=withdrawal_notice_days)
            s = _replace(s, notice_on=e.on, leaves_on=leaves)
        elif e.kind in _LEAVING and s.left_on is None:
            s = _replace(s, left_on=e.on, left_as=e.kind)
    return s


def _replace(s: Standing, **changes: object) -> Standing:
    from dataclasses import replace

    return replace(s, **changes)


def check_new_event(
    current: Standing, event: MemberEvent, today: dt.date, notice_days: int
) -> None:
    """Refuse an event that cannot follow the ones on record.

    Events keep their order: nothing is dated before the member's admission (an applicant's
    death, before the application), an application not after the admission, and nothing
    after today, since an event is recorded once it has happened.  These are the
    register's own integrity rules, not articles of the Act."""
    check_date(event.on, "on")
    check_text(event.note, "note", NOTE_LENGTH, multiline=True)
    status = current.status_on(max(today, event.on))
    if current.left_on is not None or (status in (
        MemberStatus.WITHDRAWN,
        MemberStatus.EXPELLED,
        MemberStatus.DECEASED,
    ) and not _died_while_withdrawing(current, event)):
        raise Refusal(N_("This member has already left the co-op."), field="kind")
    if event.kind is EventKind.APPLIED:
        _check_application(current, event)
    if event.kind is EventKind.CONSENTED:
        _check_consent(current, event)
    if event.kind is EventKind.ADMITTED:
        if current.joined_on is not None:
            raise Refusal(N_("This member was already admitted."), field="kind")
        if current.applied_on is not None and event.on < current.applied_on:
            raise Refusal(N_("Admission cannot come before the application."), field="on")
        if current.consented_on is not None and event.on < current.consented_on:
            raise Refusal(N_("Admission cannot come before the consent to the founding."), field="on")
    if event.kind in (EventKind.WITHDRAWAL_NOTICE, EventKind.WITHDRAWN, EventKind.EXPELLED):
        if current.joined_on is None and not (event.kind is EventKind.WITHDRAWN and current.pre_member):
            raise Refusal(N_("Only an admitted member can leave the co-op."), field="kind")
    if event.kind in _AFTER_JOINING:
        _check_not_before_joining(current, event)
    if event.kind is EventKind.WITHDRAWAL_NOTICE and current.notice_on is not None:
        raise Refusal(N_("A withdrawal notice is already on record."), field="kind")
    if event.kind is EventKind.EXPELLED:
        raise Refusal(
            N_("Expulsion is decided by a special resolution of the general assembly."),
            article=law.EXPULSION_SPECIAL_RESOLUTION.ref,
            field="kind",
        )
    if event.on > today:
        raise Refusal(
            N_("An event is recorded once it has happened: {date} is after today, {today}. "
               "Check the date, or record the event on the day it happens."),
            field="on", date=event.on, today=today)


def _died_while_withdrawing(current: Standing, event: MemberEvent) -> bool:
    """A member who gave notice and died before it took effect left by death (당연탈퇴), not by the
    notice: the death is recorded even when the notice's day has passed since."""
    return (event.kind is EventKind.DECEASED and current.leaves_on is not None
            and event.on < current.leaves_on)


_AFTER_JOINING = (EventKind.WITHDRAWAL_NOTICE, EventKind.WITHDRAWN, EventKind.EXPELLED, EventKind.DECEASED)


def _check_application(current: Standing, event: MemberEvent) -> None:
    if current.applied_on is not None:
        raise Refusal(N_("An application is already on record."), field="kind")
    if current.joined_on is not None and event.on > current.joined_on:
        raise Refusal(
            N_("The application cannot be dated after the admission on {joined}. Check the date."),
            field="on", joined=current.joined_on)


def _check_consent(current: Standing, event: MemberEvent) -> None:
    """A consent is given once, by someone not yet a member: after registration people apply."""
    if current.consented_on is not None:
        raise Refusal(N_("A consent to the founding is already on record."), field="kind")
    if current.joined_on is not None or current.applied_on is not None:
        raise Refusal(N_("Only someone who is not yet a member consents to the founding."), field="kind")


def _check_not_before_joining(current: Standing, event: MemberEvent) -> None:
    """A member leaves after joining; an applicant who dies, after applying."""
    if current.joined_on is not None and event.on < current.joined_on:
        raise Refusal(
            N_("This event cannot be dated before the member joined on {joined}. Check the date."),
            field="on", joined=current.joined_on)
    if current.joined_on is None and current.consented_on is not None and event.on < current.consented_on:
        raise Refusal(
            N_("This event cannot be dated before the consent to the founding on {consented}. Check the date."),
            field="on", consented=current.consented_on)
    if current.joined_on is None and current.applied_on is not None and event.on < current.applied_on:
        raise Refusal(
            N_("This event cannot be dated before the application on {applied}. Check the date."),
            field="on", applied=current.applied_on)


def changes_register(before: Standing, after: Standing, day: dt.date, *, consenters: bool = False) -> bool:
    """Does an event change whether the member is on the register on ``day`` (a member with
    a vote; ``consenters``: a founding meeting's register, the consenters)?  Then a meeting held
    that day and already counted would no longer agree."""
    if consenters:
        return consenter_on(before, day) != consenter_on(after, day)
    return before.status_on(day).is_current != after.status_on(day).is_current


def consenter_on(st: Standing, day: dt.date) -> bool:
    """On the founding meeting's register on ``day``: consented by then (Act 15: before the meeting
    opens), consent not withdrawn.  Admission on the registration day changes nothing here."""
    gone = st.left_on is not None and st.left_on <= day
    return st.consented_on is not None and st.consented_on <= day and not gone
