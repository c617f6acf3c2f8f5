"""The rows of an election looked up inside a transaction, and the views built from them.

A number that names nothing of this co-op is refused in words, as in the meetings area.
``lock`` takes the contest rows for the transaction (PostgreSQL: ``FOR UPDATE`` or, for a
cast, ``FOR SHARE``; SQLite holds the whole file already), so that a ballot cast on one
laptop and voting closed on another happen one after the other, never interleaved.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopdesk.domain.elections.contest import Contest
from coopdesk.domain.errors import Refusal
from coopdesk.domain.text import N_
from coopdesk.services.elections.views import CandidateView, ContestView, ElectionView
from coopdesk.services.meetings.rows import item_row, meeting_row
from coopdesk.store.models import (
    AgendaItemRow,
    CandidateRow,
    ContestRow,
    ElectionRow,
    MeetingRow,
    Member,
    VotedRow,
)


def election_row(s: Session, coop_id: int, election_id: int) -> ElectionRow:
    row = s.get(ElectionRow, election_id)
    if row is None or row.coop_id != coop_id:
        raise Refusal(N_("There is no election number {id}."), field="election", id=election_id)
    return row


def election_of_item(s: Session, item_id: int) -> ElectionRow | None:
    return s.execute(select(ElectionRow).where(ElectionRow.item_id == item_id)).scalar()


def contest_row(s: Session, coop_id: int, contest_id: int, *, lock: bool = False,
                shared: bool = False) -> tuple[ContestRow, ElectionRow]:
    statement = select(ContestRow).where(ContestRow.id == contest_id)
    if lock:
        statement = statement.with_for_update(read=shared)
    row = s.execute(statement).scalar()
    election = None if row is None else s.get(ElectionRow, row.election_id)
    if row is None or election is None or election.coop_id != coop_id:
        raise Refusal(N_("There is no contest number {id}."), field="contest", id=contest_id)
    return row, election


def contest_rows(s: Session, election_id: int, ids: Iterable[int] | None = None, *, lock: bool = False,
                 shared: bool = False) -> list[ContestRow]:
    """The election's contests in the order held (of ``ids`` only, if given)."""
    statement = select(ContestRow).where(ContestRow.election_id == election_id)
    if ids is not None:
        statement = statement.where(ContestRow.id.in_(sorted(set(ids))))
    if lock:
        statement = statement.with_for_update(read=shared)
    return list(s.execute(statement.order_by(ContestRow.position)).scalars())


def item_and_meeting(s: Session, coop_id: int, election: ElectionRow) -> tuple[AgendaItemRow, MeetingRow]:
    item = item_row(s, coop_id, election.item_id)
    return item, meeting_row(s, coop_id, item.meeting_id)


def open_item_of(s: Session, coop_id: int, election: ElectionRow) -> tuple[AgendaItemRow, MeetingRow]:
    """The election's item, refused once closed: its result is frozen and on the register."""
    item, meeting = item_and_meeting(s, coop_id, election)
    if item.closed:
        raise Refusal(N_("The election's agenda item is closed; its result is final."), field="item")
    return item, meeting


# -- views ----------------------------------------------------------------------------------------

def candidate_views(s: Session, contest_id: int) -> tuple[CandidateView, ...]:
    rows = s.execute(select(CandidateRow, Member.number).outerjoin(Member, Member.id == CandidateRow.member_id)
                     .where(CandidateRow.contest_id == contest_id).order_by(CandidateRow.position)).all()
    return tuple(CandidateView(r.id, number if number is not None else -r.id, r.position, number, r.name,
                               r.birth_date, r.registered_on, r.accepted_on, r.withdrawn_on) for r, number in rows)


def voted_count(s: Session, contest_id: int) -> int:
    return s.execute(select(func.count()).select_from(VotedRow).where(VotedRow.contest_id == contest_id)).scalar_one()


def contest_view(s: Session, row: ContestRow) -> ContestView:
    return ContestView(row.id, row.election_id, row.position, row.office, row.seats, row.round, row.runoff_of,
                       row.term_start, row.term_end, row.vacancy_of, row.state, row.present,
                       candidate_views(s, row.id), voted_count(s, row.id))


def domain_contest(s: Session, row: ContestRow) -> Contest:
    """The contest as the domain counts it: its standing candidates, in ballot order."""
    return Contest(row.office, row.seats, tuple(c.candidate for c in candidate_views(s, row.id) if c.standing))


def election_view(s: Session, row: ElectionRow) -> ElectionView:
    item = s.get(AgendaItemRow, row.item_id)
    assert item is not None
    meeting = s.get(MeetingRow, item.meeting_id)
    assert meeting is not None
    return ElectionView(row.id, row.coop_id, row.item_id, meeting.id, meeting.held_on, row.voting, row.announced_on,
                        row.candidacy_from, row.candidacy_to, tuple(row.committee or ()), row.lots_seed,
                        tuple(contest_view(s, c) for c in contest_rows(s, row.id)))
