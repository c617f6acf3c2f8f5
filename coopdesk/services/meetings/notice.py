"""The meeting notice (소집통지): when and how it went out, checked against the Act's period.

A late notice is a warning, not a refusal (domain ``notice``): recording one needs the
user's explicit ``accept_late=True``, and the warning is kept with the notice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.meetings.notice import NoticeCheck, notice_days_for, notice_on_time
from coopdesk.domain.text import N_
from coopdesk.i18n import refusal_text
from coopdesk.services import audit
from coopdesk.services.coops import get_coop
from coopdesk.services.meetings.meeting import get_meeting, meeting_row
from coopdesk.store.database import Database
from coopdesk.store.models import MeetingNoticeRow


@dataclass(frozen=True, slots=True)
class NoticeView:
    id: int
    sent_on: dt.date
    method: str
    note: str
    late_warning: str | None  # the warning, in the user's language when it was recorded
    accepted_late: bool


def check_notice(db: Database, coop_id: int, meeting_id: int, sent_on: dt.date) -> NoticeCheck | None:
    """Would a notice sent on ``sent_on`` be on time?  None for a board (the bylaws decide)."""
    meeting = get_meeting(db, coop_id, meeting_id)
    period = notice_days_for(meeting.kind)
    if period is None:
        return None
    days = period.value
    if meeting.kind is not MeetingKind.FOUNDING:
        days = max(days, get_coop(db, coop_id).bylaws.notice_days)  # the bylaws may ask for more, never less
    return notice_on_time(sent_on, meeting.held_on, days, period.ref)


def record_notice(db: Database, coop_id: int, meeting_id: int, sent_on: dt.date, method: str,
                  note: str = "", *, accept_late: bool = False) -> tuple[NoticeView, NoticeCheck | None]:
    """Record a notice sent.  A late one is refused unless ``accept_late``; then the warning is kept."""
    if not method.strip():
        raise Refusal(N_("Say how the notice went out."), field="method")
    check = check_notice(db, coop_id, meeting_id, sent_on)
    warning = None
    if check is not None and not check.on_time and check.warning:
        if not accept_late:
            raise Refusal(check.warning, article=check.ref, field="sent_on", **check.params)
        # kept as the user read it: in their language, dates formatted, with the article
        warning = refusal_text(Refusal(check.warning, article=check.ref, **check.params))
    with db.write() as s:
        meeting_row(s, coop_id, meeting_id)
        row = MeetingNoticeRow(meeting_id=meeting_id, sent_on=sent_on, method=method.strip(), note=note.strip(),
                               late_warning=warning, accepted_late=warning is not None,
                               created_at=dt.datetime.now())
        s.add(row)
        s.flush()
        audit.record(s, coop_id=coop_id, action="meeting.notice", entity="meeting", key=meeting_id,
                     after={"sent_on": sent_on, "method": row.method, "note": row.note, "late_warning": warning})
        view = _notice_view(row)
    return view, check


def list_notices(db: Database, coop_id: int, meeting_id: int) -> list[NoticeView]:
    with db.read() as s:
        meeting_row(s, coop_id, meeting_id)
        rows = s.execute(select(MeetingNoticeRow).where(MeetingNoticeRow.meeting_id == meeting_id)
                         .order_by(MeetingNoticeRow.sent_on, MeetingNoticeRow.id)).scalars()
        return [_notice_view(r) for r in rows]


def _notice_view(r: MeetingNoticeRow) -> NoticeView:
    return NoticeView(r.id, r.sent_on, r.method, r.note, r.late_warning, r.accepted_late)
