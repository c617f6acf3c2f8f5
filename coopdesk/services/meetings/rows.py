"""The rows of a meeting, looked up inside a transaction, with the refusal a user reads
when a number names nothing of this co-op.  Shared by every module of the area."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.domain.errors import Refusal
from coopdesk.domain.text import N_
from coopdesk.services.members.member import member_row
from coopdesk.store.models import AgendaItemRow, Member, MeetingRow


def meeting_row(s: Session, coop_id: int, meeting_id: int) -> MeetingRow:
    row = s.get(MeetingRow, meeting_id)
    if row is None or row.coop_id != coop_id:
        raise Refusal(N_("There is no meeting number {id}."), field="meeting", id=meeting_id)
    return row


def item_row(s: Session, coop_id: int, item_id: int) -> AgendaItemRow:
    row = s.get(AgendaItemRow, item_id)
    meeting = None if row is None else s.get(MeetingRow, row.meeting_id)
    if row is None or meeting is None or meeting.coop_id != coop_id:
        raise Refusal(N_("There is no agenda item number {id}."), field="item", id=item_id)
    return row


def open_item(s: Session, coop_id: int, item_id: int) -> AgendaItemRow:
    row = item_row(s, coop_id, item_id)
    if row.closed:
        raise Refusal(N_("This item is closed; its result cannot be changed. Record a correction "
                         "with a reason instead."), field="item")
    return row


def member_by_number(s: Session, coop_id: int, number: int) -> Member:
    return member_row(s, coop_id, number, field="member")


def agenda_rows(s: Session, meeting_id: int) -> list[AgendaItemRow]:
    """The meeting's items in agenda order."""
    return list(s.execute(select(AgendaItemRow).where(AgendaItemRow.meeting_id == meeting_id)
                          .order_by(AgendaItemRow.position)).scalars())
