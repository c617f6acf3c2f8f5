"""What an amendment item (정관 변경) carries besides its settings: the text parts it proposes
and the version it amends, so that its comparison table can be printed before the vote
(with the notice) and after it (with the filing).

The founders signed the original bylaws: an amendment carries their names over unchanged.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.domain.bylaws.template import CURRENT_TEMPLATE, load_template
from coopdesk.domain.bylaws.texts import (
    BylawsTexts,
    check_texts,
    cleaned,
    texts_from_dict,
    texts_to_dict,
)
from coopdesk.domain.meetings.kinds import Subject
from coopdesk.services.coops import bylaws_in_force
from coopdesk.store.database import Database
from coopdesk.store.models import AgendaItemRow, BylawsVersion, Coop, MeetingRow


def amendment_texts(s: Session, coop_id: int, proposed: BylawsTexts | None) -> tuple[dict[str, Any], int]:
    """The text parts an amendment proposes (None: those of the bylaws in force, unchanged),
    checked, and the number of the version it amends."""
    base = bylaws_in_force(s, coop_id, dt.date.today())
    kind = s.execute(select(Coop.kind).where(Coop.id == coop_id)).scalar_one()
    current = texts_from_dict(base.texts, kind)
    texts = dataclasses.replace(cleaned(proposed) if proposed is not None else current, founders=current.founders)
    check_texts(texts, kind, load_template(CURRENT_TEMPLATE).required_businesses("ko"))
    return texts_to_dict(texts), base.version


def base_version(s: Session, coop_id: int, item: AgendaItemRow, meeting: MeetingRow) -> BylawsVersion:
    """The version an amendment item amends: the one recorded with it, or (an item of a file made
    before texts were kept) the one in force the day before its meeting."""
    if item.bylaws_base_version is not None:
        found = s.execute(select(BylawsVersion).where(BylawsVersion.coop_id == coop_id,
                                                      BylawsVersion.version == item.bylaws_base_version)).scalar()
        if found is not None:
            return found
    return bylaws_in_force(s, coop_id, meeting.held_on - dt.timedelta(days=1))


def adopted_texts(s: Session, coop_id: int, item: AgendaItemRow, meeting: MeetingRow) -> dict[str, Any] | None:
    """The text parts of the version an adopted amendment makes."""
    if item.new_bylaws_texts is not None:
        return item.new_bylaws_texts
    return base_version(s, coop_id, item, meeting).texts


@dataclass(frozen=True, slots=True)
class AmendmentView:
    """An amendment item on an agenda: before its vote (a proposal) or rejected."""

    item_id: int
    meeting_id: int
    meeting_title: str
    held_on: dt.date
    position: int
    title: str
    closed: bool


def open_amendments(db: Database, coop_id: int) -> list[AmendmentView]:
    """The amendment items that have made no version (yet): proposals whose comparison table goes
    with the notice of their meeting.  Newest meeting first."""
    adopted = select(BylawsVersion.adopted_by_item_id).where(BylawsVersion.coop_id == coop_id,
                                                              BylawsVersion.adopted_by_item_id.is_not(None))
    with db.read() as s:
        rows = s.execute(select(AgendaItemRow.id, MeetingRow.id, MeetingRow.title, MeetingRow.held_on,
                                AgendaItemRow.position, AgendaItemRow.title, AgendaItemRow.closed)
                         .join(MeetingRow, MeetingRow.id == AgendaItemRow.meeting_id)
                         .where(MeetingRow.coop_id == coop_id, AgendaItemRow.subject == Subject.BYLAWS_AMENDMENT,
                                AgendaItemRow.id.not_in(adopted), AgendaItemRow.closed.is_(False))
                         .order_by(MeetingRow.held_on.desc(), AgendaItemRow.position)).all()
    return [AmendmentView(*row) for row in rows]


def adopting_item(db: Database, coop_id: int, version: int) -> AmendmentView | None:
    """The amendment item that adopted that version (None: the version was entered with the co-op)."""
    with db.read() as s:
        row = s.execute(select(AgendaItemRow.id, MeetingRow.id, MeetingRow.title, MeetingRow.held_on,
                               AgendaItemRow.position, AgendaItemRow.title, AgendaItemRow.closed)
                        .join(BylawsVersion, BylawsVersion.adopted_by_item_id == AgendaItemRow.id)
                        .join(MeetingRow, MeetingRow.id == AgendaItemRow.meeting_id)
                        .where(BylawsVersion.coop_id == coop_id, BylawsVersion.version == version)).first()
    return AmendmentView(*row) if row is not None else None
