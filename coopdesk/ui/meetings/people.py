"""Who the meeting forms offer: the chair in office (members are found as typed: ``MemberPicker``)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from coopdesk.domain.officers.terms import Office
from coopdesk.services.officers.terms import TermStatus, list_terms

if TYPE_CHECKING:
    from coopdesk.services.files import Database


def chair_in_office(db: Database, coop_id: int, on: dt.date) -> str:
    """The name of the co-op's chair (이사장) on ``on``, who usually convenes and chairs; "" if none."""
    for view in list_terms(db, coop_id):
        if view.term.office is Office.CHAIR and view.status_on(on) is TermStatus.IN_OFFICE:
            return view.name
    return ""
