"""The papers of a meeting filled from the record: notice, attendance sheet, proxy form, minutes.

Also who signs the minutes: at a members' meeting the secretary picks the members elected
to sign among those who came in person (Act 30③); at a board every attending director
signs, so there is nothing to pick.

The minutes state the attendance of the first item decided: that is when the meeting
did business with the quorum the statement confirms.  Before any item is closed, the
room as it is now.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.papers import (
    AgendaLine,
    AttendancePaper,
    AttendanceRow,
    MeetingFacts,
    MinutesItem,
    MinutesPaper,
    NoticePaper,
    ProxyFormPaper,
    Signer,
)
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.officers.terms import Office
from coopdesk.domain.meetings.resolutions import Explanation
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.coops import get_coop
from coopdesk.services.meetings.attendance import attendance_of
from coopdesk.services.meetings.notice import list_notices
from coopdesk.services.meetings.votes import law_ref_of
from coopdesk.services.meetings.meeting import MeetingView, get_meeting, list_items, meeting_row
from coopdesk.services.officers.terms import TermStatus, list_terms
from coopdesk.store.database import Database
from coopdesk.store.models import AgendaItemRow, CheckInRow, Member, MinuteSignerRow, OfficerTermRow


@dataclass(frozen=True, slots=True)
class SignerChoice:
    key: int  # member number; at a board, the director's officer term id
    name: str
    chosen: bool


# -- notice, attendance sheet, proxy form ---------------------------------------------------------

def notice_paper(db: Database, coop_id: int, meeting_id: int) -> NoticePaper:
    """The notice as last recorded as sent (its date and method), or dated today."""
    meeting, coop = get_meeting(db, coop_id, meeting_id), get_coop(db, coop_id)
    notices = list_notices(db, coop_id, meeting_id)
    sent_on, method = (notices[-1].sent_on, notices[-1].method) if notices else (dt.date.today(), "")
    agenda = tuple(AgendaLine(i.title, i.kind) for i in list_items(db, coop_id, meeting_id))
    return NoticePaper(_facts(coop.name, meeting), coop.main_office, _convener(db, coop_id, meeting, sent_on),
                       meeting.purpose or meeting.title, agenda, sent_on, method)


def attendance_paper(db: Database, coop_id: int, meeting_id: int) -> AttendancePaper:
    """Everyone entitled to attend on the day, with a line to sign: members by number; directors."""
    meeting = get_meeting(db, coop_id, meeting_id)
    names = attendance_of(db, coop_id, meeting_id).names
    if meeting.kind is MeetingKind.BOARD:
        rows = tuple(AttendanceRow(n, name) for n, (_, name) in enumerate(sorted(names.items()), start=1))
    else:
        rows = tuple(AttendanceRow(number, name) for number, name in sorted(names.items()))
    facts = _facts(get_coop(db, coop_id).name, meeting)
    return AttendancePaper(facts, rows, proxy_column=meeting.kind.is_members_meeting)


def proxy_form_paper(db: Database, coop_id: int, meeting_id: int) -> ProxyFormPaper:
    meeting = get_meeting(db, coop_id, meeting_id)
    if not meeting.kind.is_members_meeting:
        raise Refusal(N_("Directors attend a board meeting in person; there are no proxies."), field="meeting")
    titles = tuple(i.title for i in list_items(db, coop_id, meeting_id))
    return ProxyFormPaper(_facts(get_coop(db, coop_id).name, meeting), titles)


# -- minutes ------------------------------------------------------------------------------------

def minutes_paper(db: Database, coop_id: int, meeting_id: int, *, draft: bool = False) -> MinutesPaper:
    """The minutes; final minutes are refused while an item is open (and, when printed,
    without the signers of Act 30③: ``meeting_papers.minute_signatures``)."""
    meeting = get_meeting(db, coop_id, meeting_id)
    with db.read() as s:
        rows = list(s.execute(select(AgendaItemRow).where(AgendaItemRow.meeting_id == meeting_id)
                              .order_by(AgendaItemRow.position)).scalars())
        items = tuple(_minutes_item(r) for r in rows)
        snapshots = [r.result for r in rows if r.closed and r.result]
    if not draft and not all(i.decided for i in items):
        raise Refusal(N_("Close every item before printing the final minutes; a draft can be printed now."),
                      field="items")
    opened = meeting.opened_at or meeting.starts_at
    if opened is None:
        raise Refusal(N_("Record the time the meeting opened before printing its minutes."), field="opened_at")
    if snapshots:
        first = snapshots[0]
        members, in_person, by_proxy = first["members"], len(first["in_person"]), len(first["represented"])
    else:
        room = attendance_of(db, coop_id, meeting_id)
        members, in_person, by_proxy = room.members, len(room.in_person), room.by_proxy
    signers, directors = _signers(db, coop_id, meeting)
    facts = _facts(get_coop(db, coop_id).name, meeting)
    return MinutesPaper(facts, opened, meeting.closed_at, members, in_person, by_proxy,
                        _chair(db, meeting), items, signers, directors, draft)


def _minutes_item(row: AgendaItemRow) -> MinutesItem:
    """An item as its frozen snapshot says it was decided."""
    snap = row.result if row.closed else None
    if snap is None:
        return MinutesItem(row.title, row.proposal, row.discussion, row.kind, decided=False)
    present, excluded = set(snap["present"]), set(snap["excluded"])
    if snap.get("passed") is None:
        return MinutesItem(row.title, row.proposal, row.discussion, row.kind, snap["members"], len(present))
    explanation = Explanation(snap["explanation"], tuple(snap["explanation_params"].items()))
    return MinutesItem(row.title, row.proposal, row.discussion, row.kind, snap["members"], len(present),
                       len(excluded & present), snap["yes"], snap["no"], snap["abstain"], bool(snap["passed"]),
                       explanation, law_ref_of(snap.get("article")))


def _chair(db: Database, meeting: MeetingView) -> Signer | None:
    """The meeting's chair; a member who attended under that name is that member, so that
    ticking the chair as a signer as well does not make up one of the three (Act 30③)."""
    if not meeting.chair_name:
        return None
    if meeting.kind is MeetingKind.BOARD:
        return Signer(meeting.chair_name)
    with db.read() as s:
        numbers = [n for _, n, name in _attending_members(s, meeting.id) if name == meeting.chair_name]
    return Signer(meeting.chair_name, numbers[0] if len(numbers) == 1 else None)


# -- minute signers -------------------------------------------------------------------------------

def signer_candidates(db: Database, coop_id: int, meeting_id: int) -> list[SignerChoice]:
    """Those who may sign: members who came in person, or at a board the attending directors."""
    with db.read() as s:
        meeting = meeting_row(s, coop_id, meeting_id)
        if meeting.kind is MeetingKind.BOARD:
            return [SignerChoice(k, name, True) for k, name in _attending_directors(s, meeting_id)]
        chosen = {m for m, in s.execute(select(MinuteSignerRow.member_id)
                                        .where(MinuteSignerRow.meeting_id == meeting_id)).all()}
        return [SignerChoice(number, name, member_id in chosen)
                for member_id, number, name in _attending_members(s, meeting_id)]


def choose_minute_signers(db: Database, coop_id: int, meeting_id: int, keys: Sequence[int]) -> list[SignerChoice]:
    """The members elected at the meeting to sign its minutes, in signing order (Act 30③)."""
    with db.write() as s:
        meeting = meeting_row(s, coop_id, meeting_id)
        if meeting.kind is MeetingKind.BOARD:
            raise Refusal(N_("Every director who attended signs the board minutes; there is no one to choose."),
                          field="signers")
        came = {number: member_id for member_id, number, _ in _attending_members(s, meeting_id)}
        numbers = list(dict.fromkeys(keys))
        for number in numbers:
            if number not in came:
                raise Refusal(N_("Member {number} did not attend the meeting in person and cannot sign "
                                 "its minutes."), field="signers", number=number)
        s.execute(delete(MinuteSignerRow).where(MinuteSignerRow.meeting_id == meeting_id))
        s.add_all(MinuteSignerRow(meeting_id=meeting_id, member_id=came[n], position=i)
                  for i, n in enumerate(numbers, start=1))
        audit.record(s, coop_id=coop_id, action="meeting.signers", entity="meeting", key=meeting_id,
                     after={"signers": numbers})
    return signer_candidates(db, coop_id, meeting_id)


def _attending_members(s: Session, meeting_id: int) -> list[tuple[int, int, str]]:
    """(member id, number, name) of every member who checked in at any time, by number."""
    rows = s.execute(select(Member.id, Member.number, Member.name).distinct()
                     .join(CheckInRow, CheckInRow.member_id == Member.id)
                     .where(CheckInRow.meeting_id == meeting_id).order_by(Member.number)).all()
    return [(r[0], r[1], r[2]) for r in rows]


def _attending_directors(s: Session, meeting_id: int) -> list[tuple[int, str]]:
    rows = s.execute(select(OfficerTermRow.id, OfficerTermRow.person_name, Member.name).distinct()
                     .join(CheckInRow, CheckInRow.officer_term_id == OfficerTermRow.id)
                     .outerjoin(Member, Member.id == OfficerTermRow.member_id)
                     .where(CheckInRow.meeting_id == meeting_id).order_by(OfficerTermRow.id)).all()
    return [(r[0], r[2] or r[1] or "") for r in rows]


def _signers(db: Database, coop_id: int, meeting: MeetingView) -> tuple[tuple[Signer, ...], tuple[Signer, ...]]:
    if meeting.kind is MeetingKind.BOARD:
        with db.read() as s:
            directors = tuple(Signer(name) for _, name in _attending_directors(s, meeting.id))
        return directors, directors
    with db.read() as s:
        rows = s.execute(select(Member.number, Member.name)
                         .join(MinuteSignerRow, MinuteSignerRow.member_id == Member.id)
                         .where(MinuteSignerRow.meeting_id == meeting.id)
                         .order_by(MinuteSignerRow.position)).all()
    return tuple(Signer(name, number) for number, name in rows), ()


# -- shared -------------------------------------------------------------------------------------

def _facts(coop_name: str, meeting: MeetingView) -> MeetingFacts:
    return MeetingFacts(coop_name, meeting.kind, meeting.title, meeting.held_on,
                        meeting.place, meeting.starts_at)


def _convener(db: Database, coop_id: int, meeting: MeetingView, sent_on: dt.date) -> str:
    """Who signs the notice: the chair in office when it went out; a founding meeting's
    representative of the founders, as typed."""
    if meeting.kind is not MeetingKind.FOUNDING:
        for term in list_terms(db, coop_id):
            if term.term.office is Office.CHAIR and term.status_on(sent_on) is TermStatus.IN_OFFICE:
                return term.person.name
    return meeting.convened_by or meeting.chair_name

