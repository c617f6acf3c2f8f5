"""Who the meeting forms offer: the co-op's current members and the chair in office."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from coopdesk.domain.officers.terms import Office
from coopdesk.services.members.listing import list_members
from coopdesk.services.officers.terms import TermStatus, list_terms

if TYPE_CHECKING:
    from coopdesk.services.files import Database

def current_members(db: Database, coop_id: int, on: dt.date) -> list[tuple[int, str]]:
    """(number, name) of every member on the register on ``on``, by number."""
    return [(r.number, r.name) for r in list_members(db, coop_id, today=on) if r.status.is_current]


def chair_in_office(db: Database, coop_id: int, on: dt.date) -> str:
    """The name of the co-op's chair (이사장) on ``on``, who usually convenes and chairs; "" if none."""
    for view in list_terms(db, coop_id):
        if view.term.office is Office.CHAIR and view.status_on(on) is TermStatus.IN_OFFICE:
            return view.name
    return ""
