"""The meeting notice (소집통지): when and how it went out, checked against the Act's period.

A late notice is a warning, not a refusal (``domain.meetings.notice``): recording one
needs the user's explicit ``accept_late=True``, and the warning is kept with the notice —
as its numbers (the period, how many days late, the last good day), said in the language
of whoever reads it.  How it went out is kept as codes (post, text message …) plus any
other way typed, so an English screen and a Korean notice each say it in their words.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import select

from coopdesk.domain.errors import Refusal
from coopdesk.domain.fields import NOTE_LENGTH, NOTICE_METHOD_LENGTH, check_date, check_text
from coopdesk.domain.meetings.notice import (
    NOTICE_LATE,
    NoticeChannel,
    NoticeCheck,
    late_notice,
    notice_on_time,
    notice_period,
)
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.meetings.rules import rules_for
from coopdesk.domain.text import N_
from coopdesk.i18n import LANGUAGES, Translator, current, refusal_text
from coopdesk.services import audit
from coopdesk.services.coops import get_coop
from coopdesk.services.meetings.meeting import get_meeting
from coopdesk.services.meetings.rows import meeting_row
from coopdesk.store.database import Database
from coopdesk.store.models import MeetingNoticeRow

_SEPARATORS = re.compile(r"\s*[,·/;]\s*|\s+(?:and|및|그리고)\s+")


@dataclass(frozen=True, slots=True)
class NoticeView:
    id: int
    sent_on: dt.date
    channels: tuple[NoticeChannel, ...]
    other: str  # any other way, as typed
    note: str
    late: NoticeCheck | None  # the warning a late notice was recorded with
    accepted_late: bool

    def method_text(self, t: Translator | None = None) -> str:
        """How it went out, in ``t``'s language (default: the screen's): "우편, 문자"."""
        t = t or current()
        words = [t.gettext(c.label) for c in self.channels] + ([self.other] if self.other else [])
        return ", ".join(words)

    @property
    def method(self) -> str:
        return self.method_text()

    @property
    def late_warning(self) -> str | None:
        """The warning in the screen's language, with its dates and article; None if on time."""
        if self.late is None:
            return None
        warning = self.late.warning or NOTICE_LATE
        return refusal_text(Refusal(warning, article=self.late.ref, **self.late.params))


def parse_method(text: str) -> tuple[tuple[NoticeChannel, ...], str]:
    """The ways a notice went out, as typed in either language ("우편, 문자", "Post and e-mail"):
    the known ones as codes, anything else kept as typed."""
    known = {}
    for language in LANGUAGES:
        t = Translator(language)
        for channel in NoticeChannel:
            known[t.gettext(channel.label).casefold()] = channel
    for channel in NoticeChannel:
        known[channel.value] = channel
    channels: list[NoticeChannel] = []
    other: list[str] = []
    for part in (p.strip() for p in _SEPARATORS.split(text.strip())):
        if not part:
            continue
        found = known.get(part.casefold())
        if found is None:
            other.append(part)
        elif found not in channels:
            channels.append(found)
    return tuple(channels), ", ".join(other)


def check_notice(db: Database, coop_id: int, meeting_id: int, sent_on: dt.date) -> NoticeCheck | None:
    """Would a notice sent on ``sent_on`` be on time?  None where the Act sets no period (a board)."""
    meeting = get_meeting(db, coop_id, meeting_id)
    period = notice_period(meeting.kind, get_coop(db, coop_id).bylaws.notice_days)
    if period is None:
        return None
    days, ref = period
    return notice_on_time(sent_on, meeting.held_on, days, ref)


def record_notice(db: Database, coop_id: int, meeting_id: int, sent_on: dt.date, method: str,
                  note: str = "", *, accept_late: bool = False) -> tuple[NoticeView, NoticeCheck | None]:
    """Record a notice sent.  A late one is refused unless ``accept_late``; then the warning is kept."""
    check_date(sent_on, "sent_on")
    check_text(method, "method", NOTICE_METHOD_LENGTH)
    check_text(note.strip(), "note", NOTE_LENGTH, multiline=True)
    channels, other = parse_method(method)
    if not channels and not other:
        raise Refusal(N_("Say how the notice went out."), field="method")
    if sent_on > dt.date.today():
        raise Refusal(N_("A notice is recorded once it has gone out: {date} is after today."), field="sent_on",
                      date=sent_on)
    check = check_notice(db, coop_id, meeting_id, sent_on)
    late = check is not None and not check.on_time
    if late and not accept_late:
        assert check is not None
        warning = check.warning or NOTICE_LATE
        raise Refusal(warning, article=check.ref, field="sent_on", **check.params)
    with db.write() as s:
        meeting_row(s, coop_id, meeting_id)
        row = MeetingNoticeRow(meeting_id=meeting_id, sent_on=sent_on, channels=[c.value for c in channels],
                               method=other, note=note.strip(), accepted_late=late,
                               late_days=check.days if late and check else None,
                               late_short=check.days_short if late and check else None,
                               late_latest=check.latest if late and check else None,
                               created_at=dt.datetime.now())
        s.add(row)
        s.flush()
        audit.record(s, coop_id=coop_id, action="meeting.notice", entity="meeting", key=meeting_id,
                     after={"sent_on": sent_on, "channels": row.channels, "method": row.method, "note": row.note,
                            "late_days": row.late_days, "late_short": row.late_short,
                            "late_latest": row.late_latest})
        view = _notice_view(row, meeting_row(s, coop_id, meeting_id).kind)
    return view, check


def list_notices(db: Database, coop_id: int, meeting_id: int) -> list[NoticeView]:
    with db.read() as s:
        kind = meeting_row(s, coop_id, meeting_id).kind
        rows = s.execute(select(MeetingNoticeRow).where(MeetingNoticeRow.meeting_id == meeting_id)
                         .order_by(MeetingNoticeRow.sent_on, MeetingNoticeRow.id)).scalars()
        return [_notice_view(r, kind) for r in rows]


def _notice_view(r: MeetingNoticeRow, kind: MeetingKind) -> NoticeView:
    late = None
    if r.late_days is not None and r.late_short is not None and r.late_latest is not None:
        period = rules_for(kind).notice
        late = late_notice(r.late_days, r.late_short, r.late_latest, period.ref if period else None)
    channels = tuple(NoticeChannel(c) for c in (r.channels or []))
    return NoticeView(r.id, r.sent_on, channels, r.method, r.note, late, r.accepted_late)
