"""The versions of the bylaws (정관), and the day an amendment is reported to the city or province.

An amendment adopted by a general assembly's special resolution (Act 29②) takes effect
only once reported (authorised, for a social co-op) (Act 16③; LAW.md "Bylaws"): until the
report is recorded the co-op runs on the version in force.  Each version keeps the item
that adopted it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from coopdesk.domain.bylaws.template import CURRENT_TEMPLATE
from coopdesk.domain.bylaws.texts import BylawsTexts, texts_from_dict
from coopdesk.domain.coop import BylawsSettings
from coopdesk.domain.errors import Refusal
from coopdesk.domain.fields import check_date
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.coops import bylaws_from_dict
from coopdesk.store.database import Database
from coopdesk.store.models import AgendaItemRow, BylawsVersion, Coop, MeetingRow


@dataclass(frozen=True, slots=True)
class BylawsVersionView:
    version: int
    adopted_on: dt.date
    effective_on: dt.date | None  # None: adopted, waiting for its report
    settings: BylawsSettings
    meeting_title: str | None  # the meeting that adopted it (None: entered with the co-op)
    item: int | None  # its place on that meeting's agenda
    in_force: bool  # the version the co-op runs on today
    texts: BylawsTexts | None = None  # the text parts it is printed with
    meeting_id: int | None = None  # the meeting that adopted it
    template: int = CURRENT_TEMPLATE  # the bylaws template it is written with

    @property
    def waiting(self) -> bool:
        return self.effective_on is None


def list_versions(db: Database, coop_id: int, today: dt.date | None = None) -> list[BylawsVersionView]:
    """Every version, oldest first, with the meeting that adopted it and which is in force."""
    today = today or dt.date.today()
    with db.read() as s:
        kind = s.execute(select(Coop.kind).where(Coop.id == coop_id)).scalar_one()
        rows = s.execute(select(BylawsVersion, MeetingRow.title, AgendaItemRow.position, MeetingRow.id)
                         .outerjoin(AgendaItemRow, AgendaItemRow.id == BylawsVersion.adopted_by_item_id)
                         .outerjoin(MeetingRow, MeetingRow.id == AgendaItemRow.meeting_id)
                         .where(BylawsVersion.coop_id == coop_id).order_by(BylawsVersion.version)).all()
    in_force = max((v.version for v, *_rest in rows if v.effective_on is not None and v.effective_on <= today),
                   default=None)
    return [BylawsVersionView(v.version, v.adopted_on, v.effective_on, bylaws_from_dict(v.settings), title,
                              position, v.version == in_force, texts_from_dict(v.texts, kind), meeting, v.template)
            for v, title, position, meeting in rows]


def get_version(db: Database, coop_id: int, version: int | None = None,
                today: dt.date | None = None) -> BylawsVersionView:
    """That version, or (None) the one in force today; a refusal naming the versions there are."""
    versions = list_versions(db, coop_id, today)
    if version is None:
        return next((v for v in versions if v.in_force), versions[0])
    found = next((v for v in versions if v.version == version), None)
    if found is None:
        raise Refusal(N_("There is no version {version} of the bylaws; there are versions 1 to {last}."),
                      field="version", version=version, last=versions[-1].version)
    return found


def record_bylaws_report(db: Database, coop_id: int, version: int, reported_on: dt.date) -> BylawsVersionView:
    """The amended bylaws were reported to the city or province: they take effect that day."""
    check_date(reported_on, "reported_on")
    with db.write() as s:
        row = s.execute(select(BylawsVersion).where(BylawsVersion.coop_id == coop_id,
                                                    BylawsVersion.version == version)).scalar()
        if row is None:
            raise Refusal(N_("There is no version {version} of the bylaws."), field="version", version=version)
        if row.effective_on is not None:
            raise Refusal(N_("This version of the bylaws is already in effect."), field="version")
        if reported_on < row.adopted_on:
            raise Refusal(N_("The report cannot come before the amendment was adopted."), field="reported_on")
        if reported_on > dt.date.today():
            raise Refusal(N_("The report cannot be dated after today."), field="reported_on")
        row.effective_on = reported_on
        audit.record(s, coop_id=coop_id, action="bylaws.reported", entity="bylaws_version", key=version,
                     after={"effective_on": reported_on})
    return next(v for v in list_versions(db, coop_id) if v.version == version)
