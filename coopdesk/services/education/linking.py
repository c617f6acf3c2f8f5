"""Linking the education record of a person who was not yet a member to the member they become.

Called when a member is added to the register (``services.members.member.add_member``), in
that transaction.  Which attendances are theirs is the domain's rule
(``domain.education.attendees.same_person``: the same name, and the same birth date, or
without one on either side the same phone number).  In one session at most one attendance is
linked: if two of its entries fit, the one whose birth date agrees is taken, else the first.
The entries typed for them stay as typed; ``linked_at`` says when the record became theirs.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.domain.education.attendees import Guest, same_person
from coopdesk.services import audit
from coopdesk.store.models import EducationAttendanceRow, EducationSessionRow


def link_attendance(s: Session, coop_id: int, member_id: int, number: int, name: str,
                    birth_date: dt.date | None, phone: str) -> list[int]:
    """Link the attendances of people not yet members that are this new member's; returns the
    sessions linked.  The people not yet members of a co-op are few (founders, applicants), so
    they are read whole and the rule applied to each."""
    a = EducationAttendanceRow
    rows = s.execute(select(a.id, a.session_id, a.person_name, a.person_birth_date, a.person_phone)
                     .join(EducationSessionRow, EducationSessionRow.id == a.session_id)
                     .where(EducationSessionRow.coop_id == coop_id, a.member_id.is_(None))
                     .order_by(a.session_id, a.id)).all()
    chosen: dict[int, tuple[bool, int]] = {}  # session -> (birth date agrees, attendance)
    for id_, session_id, person, person_birth, person_phone in rows:
        if not same_person(Guest(person or "", person_birth, person_phone), name, birth_date, phone):
            continue
        agrees = person_birth is not None and person_birth == birth_date
        if session_id not in chosen or (agrees and not chosen[session_id][0]):
            chosen[session_id] = (agrees, id_)
    if not chosen:
        return []
    now = dt.datetime.now()
    for _agrees, id_ in chosen.values():
        row = s.get(a, id_)
        assert row is not None
        row.member_id, row.linked_at = member_id, now
    s.flush()
    sessions = sorted(chosen)
    audit.record(s, coop_id=coop_id, action="education.link", entity="member", key=number,
                 after={"sessions": sessions})
    return sessions
