"""The founding meeting (창립총회): a meeting of the meetings area, kind FOUNDING, whose register
is the consenters; its public notice (Act 15②), its founding course, and its checks.

Nothing here counts, checks in or votes: the meetings services do, with the founding rules of
the one rules table (``domain.meetings.rules``: quorum over the consenters, 2/3 of those present,
signers).  This module links the meeting to the founding and checks what Act 15 asks around it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.domain import law
from coopdesk.domain.education.sessions import SessionKind
from coopdesk.domain.errors import Refusal
from coopdesk.domain.fields import NOTE_LENGTH, PLACE_LENGTH, check_date, check_text
from coopdesk.domain.founding.checks import FoundingCheck
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.meetings.notice import NoticeChannel
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.founding.rows import founding_dict, founding_row, founding_view, open_founding
from coopdesk.services.founding.views import FoundingMeetingInput, FoundingView, MeetingChoice, NoticeInput
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting
from coopdesk.services.meetings.notice import record_notice as record_meeting_notice
from coopdesk.store.database import Database
from coopdesk.store.models import EducationSessionRow, FoundingRow, MeetingNoticeRow, MeetingRow, Member


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


def create_founding_meeting(db: Database, coop_id: int, given: FoundingMeetingInput,
                            today: dt.date | None = None) -> FoundingView:
    """The founding meeting with the four matters on its agenda (bylaws, business plan and budget,
    election of officers, founding expenses), linked to the founding.  Convened by the founders'
    representative unless another convener is named (Act 15②: the founders convene it)."""
    today = _today(today)
    with db.read() as s:
        row = open_founding(s, coop_id)
        _check_no_meeting(row)
        convener = given.convened_by or _representative_name(s, row)
    with db.all_or_nothing() as joined:
        meeting = create_meeting(joined, coop_id, MeetingInput(
            MeetingKind.FOUNDING, given.title, given.held_on, given.starts_at, given.place, convener,
            given.chair_name), with_standard_agenda=True)
        return link_meeting(joined, coop_id, meeting.id, today)


def link_meeting(db: Database, coop_id: int, meeting_id: int, today: dt.date | None = None) -> FoundingView:
    """An existing founding meeting becomes the founding's (its public notice, if recorded, becomes
    the meeting's notice as well)."""
    today = _today(today)
    with db.all_or_nothing() as joined:
        _link(joined, coop_id, meeting_id)
        return _noticed(joined, coop_id, today)


def meeting_choices(db: Database, coop_id: int) -> tuple[MeetingChoice, ...]:
    """Every meeting of the co-op, latest first, each with the reason ``link_meeting`` would refuse
    it (None: it can be the founding's meeting).  Refused for a founding already registered."""
    with db.read() as s:
        row = open_founding(s, coop_id)
        meetings = s.execute(select(MeetingRow).where(MeetingRow.coop_id == coop_id)
                             .order_by(MeetingRow.held_on.desc(), MeetingRow.id.desc())).scalars().all()
        return tuple(MeetingChoice(m.id, m.title, m.kind, m.held_on, m.place, _refusal(s, coop_id, row, m))
                     for m in meetings)


def _link(db: Database, coop_id: int, meeting_id: int) -> None:
    with db.write() as s:
        row = open_founding(s, coop_id)
        meeting = s.get(MeetingRow, meeting_id)
        if meeting is None or meeting.coop_id != coop_id:
            raise Refusal(N_("There is no meeting number {id}."), field="meeting", id=meeting_id)
        refusal = _refusal(s, coop_id, row, meeting)
        if refusal is not None:
            raise refusal
        before = founding_dict(row)
        row.meeting_id = meeting.id
        audit.record(s, coop_id=coop_id, action="founding.meeting", entity="founding", key=coop_id,
                     before=before, after=founding_dict(row))


def record_notice(db: Database, coop_id: int, given: NoticeInput, today: dt.date | None = None) -> FoundingView:
    """The public notice of the founding meeting: the day it was posted, where, and the membership
    qualifications it gave (Act 15②).  A notice too late is recorded, and its check says so."""
    today = _today(today)
    check_date(given.posted_on, "posted_on")
    if given.posted_on > today:
        raise Refusal(N_("A notice is recorded once it is posted: {date} is after today, {today}."),
                      field="posted_on", date=given.posted_on, today=today)
    place, qualifications = " ".join(given.place.split()), given.qualifications.strip()
    check_text(place, "place", PLACE_LENGTH)
    check_text(qualifications, "qualifications", NOTE_LENGTH, multiline=True)
    with db.all_or_nothing() as joined:
        with joined.write() as s:
            row = open_founding(s, coop_id)
            before = founding_dict(row)
            row.notice_on, row.notice_place, row.qualifications = given.posted_on, place, qualifications
            audit.record(s, coop_id=coop_id, action="founding.notice", entity="founding", key=coop_id,
                         before=before, after=founding_dict(row))
        return _noticed(joined, coop_id, today)


def _noticed(db: Database, coop_id: int, today: dt.date) -> FoundingView:
    """The public notice is the founding meeting's notice too, recorded with the meetings' own
    (posted on the notice board, where it says): so the notice paper prints its day and the
    meeting's notice check counts it.  A late one is recorded with its warning, as the
    founding's own check says it is late (Act 15②)."""
    with db.read() as s:
        row = founding_row(s, coop_id)
        meeting_id, posted_on, place = row.meeting_id, row.notice_on, row.notice_place
        known = {n.sent_on for n in s.execute(select(MeetingNoticeRow).where(
            MeetingNoticeRow.meeting_id == meeting_id)).scalars()} if meeting_id else set()
    if meeting_id is not None and posted_on is not None and posted_on not in known:
        record_meeting_notice(db, coop_id, meeting_id, posted_on, NoticeChannel.NOTICE_BOARD.value, place,
                              accept_late=True)
    with db.read() as s:
        return founding_view(s, coop_id, today)


def link_course(db: Database, coop_id: int, session_id: int | None, today: dt.date | None = None) -> FoundingView:
    """The founding course (설립 교육), an education session of its kind; None unlinks it."""
    today = _today(today)
    with db.write() as s:
        row = open_founding(s, coop_id)
        if session_id is not None:
            session = s.get(EducationSessionRow, session_id)
            if session is None or session.coop_id != coop_id:
                raise Refusal(N_("There is no education session number {id}."), field="session", id=session_id)
            if session.kind is not SessionKind.FOUNDING_COURSE:
                raise Refusal(N_("Link a session recorded as a founding course."), field="session")
        before = founding_dict(row)
        row.course_id = session_id
        audit.record(s, coop_id=coop_id, action="founding.course", entity="founding", key=coop_id,
                     before=before, after=founding_dict(row))
        return founding_view(s, coop_id, today)


def meeting_checks(db: Database, coop_id: int, today: dt.date | None = None) -> tuple[FoundingCheck, ...]:
    """Every check of the founding meeting as it stands: founders, representative, notice, its
    contents, the four matters, the course, the cap; once held, the matters passed and the signers."""
    return get_checks(db, coop_id, today)


def get_checks(db: Database, coop_id: int, today: dt.date | None = None) -> tuple[FoundingCheck, ...]:
    with db.read() as s:
        return founding_view(s, coop_id, _today(today)).checks


def _refusal(s: Session, coop_id: int, row: FoundingRow, meeting: MeetingRow) -> Refusal | None:
    """Why ``meeting`` cannot be the founding's meeting, or None: a founding meeting (its register the
    consenters), the founding's only one, held after every consent was handed in (Act 15)."""
    if meeting.kind is not MeetingKind.FOUNDING:
        return Refusal(N_("Only a founding meeting can be the founding's meeting."), field="meeting")
    try:
        _check_no_meeting(row, meeting.id)
        _check_consents_before(s, coop_id, meeting)
    except Refusal as refusal:
        return refusal
    return None


def _check_no_meeting(row: FoundingRow, meeting_id: int | None = None) -> None:
    if row.meeting_id is not None and row.meeting_id != meeting_id:
        raise Refusal(N_("The founding already has its founding meeting, number {id}."), field="meeting",
                      id=row.meeting_id)


def _check_consents_before(s: Session, coop_id: int, meeting: MeetingRow) -> None:
    late = s.execute(select(Member.number, Member.name).where(
        Member.coop_id == coop_id, Member.consented_on > meeting.held_on).limit(1)).first()
    if late is not None:
        raise Refusal(N_("Consenter {number} {name} consented after {held_on}: consents count when handed in "
                         "before the founding meeting. Check the meeting's day or the consent's."),
                      article=law.FOUNDING_QUORUM.ref, field="meeting", number=late[0], name=late[1],
                      held_on=meeting.held_on)


def _representative_name(s: Session, row: FoundingRow) -> str:
    if row.representative_id is None:
        return ""
    return s.execute(select(Member.name).where(Member.id == row.representative_id)).scalar() or ""


__all__ = ["create_founding_meeting", "founding_row", "link_course", "link_meeting", "meeting_checks",
           "meeting_choices", "record_notice"]
