"""Notice periods: the meeting notice (소집통지) and the expulsion notice (제명 사유 통지).

Counting (LAW.md "General assembly", [M]): "7 days before" leaves 7 whole days between
the notice and the meeting — neither the day the notice goes out nor the meeting day
counts (초일 불산입, as the Civil Code counts periods).  So ``meeting - notice >= 8 days``:
a meeting on the 31st needs notice by the 23rd.

The expulsion notice (Act 25②: the member is told the grounds "at least 10 days before"
the assembly) is counted the same way, ``meeting - told >= 11 days``, because the Act uses
the same words ("~일 전까지") and LAW.md's reading of them for the meeting notice is the
only one we have; counting alike means one rule for the secretary and the safer date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.law_ref import LawRef
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.meetings.rules import rules_for
from coopdesk.domain.text import N_


def notice_days_for(meeting: MeetingKind) -> law.LawValue[int] | None:
    """The notice period the Act sets for a meeting; None for a board (the bylaws decide [L])."""
    return rules_for(meeting).notice


def notice_period(meeting: MeetingKind, bylaws_days: int) -> tuple[int, LawRef] | None:
    """The notice period that applies: the Act's, or the bylaws' where they ask for more
    and may (never less); None where the Act sets none (a board: the bylaws decide [L])."""
    rules = rules_for(meeting)
    if rules.notice is None:
        return None
    days = rules.notice.value
    if rules.bylaws_may_lengthen_notice:
        days = max(days, bylaws_days)
    return days, rules.notice.ref


def latest_notice_date(meeting_date: dt.date, days: int = law.MEETING_NOTICE_DAYS.value) -> dt.date:
    """The last day the notice may go out: ``days`` whole days must lie in between."""
    if days < 0:
        raise Refusal(N_("A notice period cannot be negative."), field="days")
    return meeting_date - dt.timedelta(days=days + 1)


@dataclass(frozen=True, slots=True)
class NoticeCheck:
    on_time: bool
    latest: dt.date  # the last day the notice could go out
    days_short: int  # 0 when on time
    days: int  # the period applied
    warning: str | None  # message id with {days_short}, {days} and {latest}; None when on time
    ref: LawRef | None

    @property
    def params(self) -> dict[str, object]:
        """The values for the warning's placeholders."""
        return {"days_short": self.days_short, "days": self.days, "latest": self.latest}


@dataclass(frozen=True, slots=True)
class _Period:
    days: int
    ref: LawRef | None
    warning: str


NOTICE_LATE = _MEETING_LATE = N_("The notice is {days_short} day(s) late: the Act asks for {days} days' notice, "
                   "so it had to go out by {latest}.")
_EXPULSION_LATE = N_("The member was told the grounds {days_short} day(s) too late: at least {days} "
                     "days before the assembly, that is by {latest}.")


def _check(notice_date: dt.date, meeting_date: dt.date, period: _Period) -> NoticeCheck:
    if notice_date > meeting_date:
        raise Refusal(N_("The notice date cannot be after the meeting."), field="notice_date")
    latest = latest_notice_date(meeting_date, period.days)
    short = max(0, (notice_date - latest).days)
    warning = None if short == 0 else period.warning
    return NoticeCheck(short == 0, latest, short, period.days, warning, period.ref)


def notice_on_time(
    notice_date: dt.date,
    meeting_date: dt.date,
    days: int = law.MEETING_NOTICE_DAYS.value,
    ref: LawRef | None = law.MEETING_NOTICE_DAYS.ref,
) -> NoticeCheck:
    """Was the meeting notice on time?  A late notice is a warning, not a refusal: the
    secretary may go on, and the warning is recorded (issue: notice)."""
    return _check(notice_date, meeting_date, _Period(days, ref, _MEETING_LATE))


def expulsion_notice_on_time(told_on: dt.date, meeting_date: dt.date) -> NoticeCheck:
    """Was the member told the grounds for expulsion early enough (Act 25②)?"""
    rule = law.EXPULSION_NOTICE_DAYS
    return _check(told_on, meeting_date, _Period(rule.value, rule.ref, _EXPULSION_LATE))


def check_expulsion_notice(told_on: dt.date | None, meeting_date: dt.date) -> None:
    """Refuse an expulsion vote unless the grounds were told in time: here the law is
    a condition of a valid expulsion, not a warning."""
    rule = law.EXPULSION_NOTICE_DAYS
    if told_on is None:
        raise Refusal(N_("Record the day the member was told the grounds for expulsion."),
                      article=rule.ref, field="told_on")
    check = expulsion_notice_on_time(told_on, meeting_date)
    if not check.on_time:
        raise Refusal(_EXPULSION_LATE, article=rule.ref, field="told_on",
                      **check.params)


class NoticeChannel(Enum):
    """How a notice went out (소집통지 방법), stored as this code."""

    POST = "post"  # 우편
    TEXT_MESSAGE = "text_message"  # 문자
    EMAIL = "email"  # 이메일
    NOTICE_BOARD = "notice_board"  # 게시

    @property
    def label(self) -> str:
        return CHANNEL_LABELS[self]


CHANNEL_LABELS = {
    NoticeChannel.POST: N_("Post"),
    NoticeChannel.TEXT_MESSAGE: N_("Text message"),
    NoticeChannel.EMAIL: N_("E-mail"),
    NoticeChannel.NOTICE_BOARD: N_("Notice board"),
}


def late_notice(days: int, days_short: int, latest: dt.date, ref: LawRef | None) -> NoticeCheck:
    """A late notice as it was recorded: the period applied, how late, the last good day."""
    return NoticeCheck(False, latest, days_short, days, _MEETING_LATE, ref)
