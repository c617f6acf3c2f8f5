"""The papers of a meeting filled from the record: notice, attendance sheet, proxy form, minutes.

The minutes state the attendance of the first item decided: that is when the meeting
did business with the quorum the statement confirms.  Before any item is closed, the
room as it is now.  What the record keeps as codes (the standard agenda's titles, how the
notice went out) is said here in the language of the paper.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.agenda import StandardTitle
from coopdesk.domain.meetings.kinds import ResolutionKind
from coopdesk.domain.meetings.papers import (
    AgendaLine,
    AttendancePaper,
    AttendanceRow,
    ExpulsionFacts,
    MeetingFacts,
    MinutesItem,
    MinutesPaper,
    NoticePaper,
    ProxyFormPaper,
    Signer,
)
from coopdesk.domain.meetings.rules import Register
from coopdesk.domain.meetings.snapshot import FrozenResult
from coopdesk.domain.officers.terms import Office
from coopdesk.domain.text import N_
from coopdesk.i18n import Translator, current
from coopdesk.services.audit import current_mark
from coopdesk.services.coops import get_coop
from coopdesk.services.meetings.agenda import list_items
from coopdesk.services.meetings.attendance import attendance_of
from coopdesk.services.meetings.register import register_of_day
from coopdesk.services.meetings.meeting import MeetingView, get_meeting
from coopdesk.services.meetings.notice import list_notices
from coopdesk.services.meetings.rows import agenda_rows
from coopdesk.services.meetings.signers import (
    attending_directors,
    attending_members,
    chair_signer,
    elected_signers,
)
from coopdesk.services.officers.terms import TermStatus, list_terms
from coopdesk.store.database import Database
from coopdesk.store.models import AgendaItemRow, Member


def _translator(language: str | None) -> Translator:
    return Translator(language) if language else current()


# -- notice, attendance sheet, proxy form ---------------------------------------------------------

def notice_paper(db: Database, coop_id: int, meeting_id: int, language: str | None = None) -> NoticePaper:
    """The notice as last recorded as sent (its date and method), or dated today."""
    t = _translator(language)
    meeting, coop = get_meeting(db, coop_id, meeting_id), get_coop(db, coop_id)
    notices = list_notices(db, coop_id, meeting_id)
    sent_on, method = (notices[-1].sent_on, notices[-1].method_text(t)) if notices else (dt.date.today(), "")
    agenda = tuple(AgendaLine(_title(i.typed_title, i.title_code, t), i.kind)
                   for i in list_items(db, coop_id, meeting_id))
    facts = _facts(coop.name, meeting, current_mark(db).text())
    return NoticePaper(facts, coop.main_office, _convener(db, coop_id, meeting, sent_on),
                       meeting.purpose or meeting.title, agenda, sent_on, method)


def attendance_paper(db: Database, coop_id: int, meeting_id: int) -> AttendancePaper:
    """Everyone entitled to attend on the day, with a line to sign: members by number; directors."""
    meeting = get_meeting(db, coop_id, meeting_id)
    names = register_of_day(db, coop_id, meeting_id).names
    if meeting.rules.register is Register.DIRECTORS:  # keyed by term: number the lines instead
        rows = tuple(AttendanceRow(n, name) for n, (_, name) in enumerate(sorted(names.items()), start=1))
    else:
        rows = tuple(AttendanceRow(number, name) for number, name in sorted(names.items()))
    facts = _facts(get_coop(db, coop_id).name, meeting)
    return AttendancePaper(facts, rows, proxy_column=meeting.rules.proxies)


def proxy_form_paper(db: Database, coop_id: int, meeting_id: int, language: str | None = None) -> ProxyFormPaper:
    meeting = get_meeting(db, coop_id, meeting_id)
    if not meeting.rules.proxies:
        raise Refusal(N_("Directors attend a board meeting in person; there are no proxies."), field="meeting")
    t = _translator(language)
    titles = tuple(_title(i.typed_title, i.title_code, t) for i in list_items(db, coop_id, meeting_id))
    return ProxyFormPaper(_facts(get_coop(db, coop_id).name, meeting), titles)


# -- minutes ------------------------------------------------------------------------------------

def minutes_paper(db: Database, coop_id: int, meeting_id: int, *, draft: bool = False,
                  language: str | None = None) -> MinutesPaper:
    """The minutes; final minutes are refused while an item is open (and, when printed,
    without the signers of Act 30③: ``domain.meetings.papers.minute_signatures``)."""
    t = _translator(language)
    meeting = get_meeting(db, coop_id, meeting_id)
    with db.read() as s:
        rows = agenda_rows(s, meeting_id)
        items = tuple(_minutes_item(s, r, t) for r in rows)
        first = next((FrozenResult.from_json(r.result) for r in rows if r.closed and r.result), None)
        signers, directors, chair = _signers(s, meeting)
    if not draft and not all(i.decided for i in items):
        raise Refusal(N_("Close every item before printing the final minutes; a draft can be printed now."),
                      field="items")
    opened = meeting.opened_at or meeting.starts_at
    if opened is None:
        raise Refusal(N_("Record the time the meeting opened before printing its minutes."), field="opened_at")
    if first is not None:
        members, in_person, by_proxy = first.counts.members, first.counts.in_person, first.counts.by_proxy
    else:
        room = attendance_of(db, coop_id, meeting_id)
        members, in_person, by_proxy = room.members, len(room.in_person), room.by_proxy
    facts = _facts(get_coop(db, coop_id).name, meeting, "" if draft else current_mark(db).text())
    return MinutesPaper(facts, opened, meeting.closed_at, members, in_person, by_proxy,
                        chair, items, signers, directors, draft)


def _minutes_item(s: Session, row: AgendaItemRow, t: Translator) -> MinutesItem:
    """An item as its frozen result says it was decided."""
    title = _title(row.title, row.title_code, t)
    expulsion = _expulsion(s, row)
    if not row.closed or row.result is None:
        return MinutesItem(title, row.proposal, row.discussion, row.kind, decided=False, expulsion=expulsion)
    f = FrozenResult.from_json(row.result)
    c = f.counts
    if f.passed is None or f.vote is None:
        return MinutesItem(title, row.proposal, row.discussion, row.kind, c.members, c.present, expulsion=expulsion)
    return MinutesItem(title, row.proposal, row.discussion, row.kind, c.members, c.present, c.excluded,
                       c.yes, c.no, c.abstain, f.passed, f.explanation, f.article, expulsion=expulsion,
                       election=_election_sentences(s, row, t))


def _election_sentences(s: Session, row: AgendaItemRow, t: Translator) -> tuple[str, ...]:
    """An officer election's result in words, one sentence per contest; () for any other item."""
    if row.kind is not ResolutionKind.ELECTION:
        return ()
    # imported here: the elections services build on the meetings ones
    from coopdesk.documents.elections.wording import election_sentences
    from coopdesk.services.elections.papers import contest_results
    from coopdesk.services.elections.results import result_in
    from coopdesk.services.elections.rows import election_of_item, election_view

    election = election_of_item(s, row.id)
    if election is None:  # an election item voted yes or no, as before elections were held here
        return ()
    return election_sentences(contest_results(result_in(s, election_view(s, election))), t)


def _expulsion(s: Session, row: AgendaItemRow) -> ExpulsionFacts | None:
    if row.expel_member_id is None:
        return None
    member = s.get(Member, row.expel_member_id)
    assert member is not None
    return ExpulsionFacts(member.number, member.name, row.expulsion_grounds, row.grounds_told_on, row.heard)


def _signers(s: Session, meeting: MeetingView) -> tuple[tuple[Signer, ...], tuple[Signer, ...], Signer | None]:
    """The members elected to sign (a board: the directors who attended), those directors, and the chair."""
    if not meeting.rules.signers.elected:
        directors = tuple(Signer(name) for _, name in attending_directors(s, meeting.id))
        return directors, directors, Signer(meeting.chair_name) if meeting.chair_name else None
    signers = tuple(Signer(name, number) for number, name in elected_signers(s, meeting.id))
    return signers, (), chair_signer(meeting.chair_name, attending_members(s, meeting.id))


# -- shared -------------------------------------------------------------------------------------

def _title(typed: str, code: StandardTitle | None, t: Translator) -> str:
    """A standard title in the paper's language; a typed one as typed."""
    return t.gettext(code.message) if code is not None else typed


def _facts(coop_name: str, meeting: MeetingView, mark: str = "") -> MeetingFacts:
    return MeetingFacts(coop_name, meeting.kind, meeting.title, meeting.held_on,
                        meeting.place, meeting.starts_at, mark)


def _convener(db: Database, coop_id: int, meeting: MeetingView, sent_on: dt.date) -> str:
    """Who signs the notice: the chair in office when it went out; a founding meeting's
    representative of the founders, as typed."""
    if meeting.rules.convened_by_chair:
        for term in list_terms(db, coop_id):
            if term.term.office is Office.CHAIR and term.status_on(sent_on) is TermStatus.IN_OFFICE:
                return term.person.name
    return meeting.convened_by or meeting.chair_name
