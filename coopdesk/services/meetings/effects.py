"""What a passed resolution changes on the register: an expulsion, a bylaws amendment, an
election of officers (``elections.applying``: the officer register filled from its result).

The resolution is the authority here.  ``domain.members.check_new_event`` refuses an
EXPELLED event by design (a secretary cannot expel by hand); this module is the one path
that records it (``members.member.record_resolved_event``), after a special resolution of
a general assembly passed on an item whose member was told the grounds in time and heard
(Act 25).  A bylaws amendment adopts a new version of the bylaws settings on the meeting
day, effective only from the day the change is reported to the city or province (recorded
later with ``services.bylaws.record_bylaws_report``).  Both keep the item that decided them, not a
sentence about it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session, object_session

from coopdesk.domain import law
from coopdesk.domain.bylaws.template import CURRENT_TEMPLATE
from coopdesk.domain.errors import Refusal
from coopdesk.domain.members.standing import EventKind, MemberEvent, ResolutionRef, standing
from coopdesk.domain.meetings.kinds import Subject
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.capital.surplus import book_passed, booked_by, check_booking_ready
from coopdesk.services.bylaws.amendments import adopted_texts
from coopdesk.services.coops import bylaws_from_dict, bylaws_in_force, check_amendment_date
from coopdesk.services.elections.applying import apply_election
from coopdesk.services.members.member import member_events, record_resolved_event
from coopdesk.services.meetings.room import release_attendance
from coopdesk.store.models import AgendaItemRow, BylawsVersion, Member, MeetingRow

_EFFECTS = (Subject.EXPULSION, Subject.BYLAWS_AMENDMENT)


def check_effect_ready(item: AgendaItemRow, passed: bool, undoing: bool = False) -> None:
    """Refuse a vote whose effect cannot be taken, or a correction that would have to undo one."""
    if undoing and item.subject in _EFFECTS:
        raise Refusal(N_("This resolution has already taken effect on the register; a correction cannot "
                         "turn it into a rejection."), field="yes")
    if item.subject is Subject.EXPULSION and not item.heard:
        raise Refusal(N_("Record that the member was given the chance to speak before the vote on "
                         "their expulsion."), article=law.EXPULSION_NOTICE_DAYS.ref, field="heard")
    s = object_session(item)
    if s is not None:  # an appropriation of the surplus this item decides (services.capital.surplus)
        if undoing and booked_by(s, item.id):
            raise Refusal(N_("The appropriation of the surplus this item decided is booked; a correction cannot "
                             "turn it into a rejection."), field="yes")
        if passed:
            check_booking_ready(s, item)


def apply_effect(s: Session, coop_id: int, meeting: MeetingRow, item: AgendaItemRow, passed: bool) -> None:
    if not passed:
        return
    if item.subject is Subject.EXPULSION:
        _expel(s, coop_id, meeting, item)
    elif item.subject is Subject.BYLAWS_AMENDMENT:
        _adopt_bylaws(s, coop_id, meeting, item)
    elif item.subject is Subject.OFFICER_ELECTION:
        apply_election(s, coop_id, meeting, item)  # an item with an election: its result on the register
    book_passed(s, coop_id, meeting, item)  # the year's appropriation of the surplus it decides, if any


def _expel(s: Session, coop_id: int, meeting: MeetingRow, item: AgendaItemRow) -> None:
    member = s.get(Member, item.expel_member_id)
    assert member is not None and member.coop_id == coop_id
    notice_days = bylaws_from_dict(bylaws_in_force(s, coop_id, meeting.held_on).settings).withdrawal_notice_days
    current = standing(member_events(s, member.id), notice_days)
    if current.left_on is not None or not current.status_on(meeting.held_on).is_current:
        raise Refusal(N_("This member has already left the co-op."), field="expel_member")
    # The note is the resolution itself (by_item): said in the reader's language when shown.
    event = MemberEvent(EventKind.EXPELLED, meeting.held_on, "", ResolutionRef(meeting.held_on, item.position))
    before, after = record_resolved_event(s, member, event, notice_days, item.id)
    release_attendance(s, meeting, member.id, dt.datetime.now())  # off the register: out of the room
    audit.record(s, coop_id=coop_id, action="member.expelled", entity="member", key=member.number,
                 before={"status": before.status_on(meeting.held_on)},
                 after={"status": after.status_on(meeting.held_on), "on": meeting.held_on, "meeting": meeting.id,
                        "item": item.id})


def _adopt_bylaws(s: Session, coop_id: int, meeting: MeetingRow, item: AgendaItemRow) -> None:
    check_amendment_date(s, coop_id, meeting.held_on)  # the meeting's date may have moved since the item
    last = s.execute(select(func.max(BylawsVersion.version)).where(BylawsVersion.coop_id == coop_id)).scalar()
    row = BylawsVersion(coop_id=coop_id, version=(last or 0) + 1, adopted_on=meeting.held_on, effective_on=None,
                        settings=item.new_bylaws, note="", adopted_by_item_id=item.id,
                        texts=adopted_texts(s, coop_id, item, meeting), template=CURRENT_TEMPLATE)
    s.add(row)
    audit.record(s, coop_id=coop_id, action="bylaws.adopt", entity="bylaws_version", key=row.version,
                 after={"adopted_on": meeting.held_on, "meeting": meeting.id, "item": item.id,
                        "settings": item.new_bylaws, "texts": row.texts})
