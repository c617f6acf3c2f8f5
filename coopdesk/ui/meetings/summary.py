"""What the meetings list and a meeting's detail show, read through the services.

A co-op holds a handful of meetings a year, so the list reads each meeting's agenda and
notices; the detail adds the closed items' frozen results.  Nothing here reads the register.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from coopdesk.services.meetings.notice import NoticeView, list_notices
from coopdesk.services.meetings.readings import closed_results
from coopdesk.services.meetings.agenda import ItemView, list_items
from coopdesk.services.meetings.meeting import MeetingView, get_meeting, list_meetings

if TYPE_CHECKING:
    from coopdesk.services.files import Database


@dataclass(frozen=True, slots=True)
class MeetingSummary:
    meeting: MeetingView
    items: tuple[ItemView, ...]
    notices: tuple[NoticeView, ...]

    @property
    def closed_items(self) -> int:
        return sum(1 for i in self.items if i.closed)

    @property
    def notice_sent(self) -> bool:
        return bool(self.notices)

    @property
    def first_on_time(self) -> NoticeView | None:
        """The notice that met the Act's period; a later reminder sent late does not undo it."""
        return next((n for n in self.notices if not n.late_warning), None)


@dataclass(frozen=True, slots=True)
class AgendaLine:
    item: ItemView
    passed: bool | None  # None: open, a report, or closed without a vote


def summaries(db: Database, coop_id: int) -> list[MeetingSummary]:
    """The co-op's meetings, the latest first: the one being prepared is usually at the top."""
    meetings = sorted(list_meetings(db, coop_id), key=lambda m: (m.held_on, m.id), reverse=True)
    return [_summary(db, coop_id, m) for m in meetings]


def summary_of(db: Database, coop_id: int, meeting_id: int) -> MeetingSummary:
    return _summary(db, coop_id, get_meeting(db, coop_id, meeting_id))


def agenda_lines(db: Database, coop_id: int, summary: MeetingSummary) -> list[AgendaLine]:
    """The agenda with the frozen result of each closed item, read together: never the register."""
    passed = ({r.item_id: r.passed for r in closed_results(db, coop_id, summary.meeting.id)}
              if summary.closed_items else {})
    return [AgendaLine(i, passed.get(i.id)) for i in summary.items]


def _summary(db: Database, coop_id: int, meeting: MeetingView) -> MeetingSummary:
    return MeetingSummary(meeting, tuple(list_items(db, coop_id, meeting.id)),
                          tuple(list_notices(db, coop_id, meeting.id)))
