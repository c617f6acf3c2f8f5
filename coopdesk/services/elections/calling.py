"""Calling an election (선거 공고): on which agenda item, how voters vote, when candidacy is
open, the election committee, and the contests — one per office to fill.

An election belongs to an officer-election item of a general assembly or the founding
meeting (the board elects no officers).  Once an item has an election it is decided by it,
never as a yes-or-no motion, so an item with votes already recorded cannot take one.  A
contest changes only while its candidates are still being registered.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from coopdesk.domain import law
from coopdesk.domain.elections.campaign import CampaignRules, campaign_rules
from coopdesk.domain.elections.stages import ContestState
from coopdesk.domain.errors import Refusal
from coopdesk.domain.fields import NAME_LENGTH, check_date, check_text
from coopdesk.domain.meetings.kinds import MeetingKind, Subject
from coopdesk.domain.officers.terms import Office
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.elections.register import check_vacancy
from coopdesk.services.elections.rows import (
    contest_row,
    election_of_item,
    election_row,
    election_view,
    open_item_of,
)
from coopdesk.services.elections.views import ContestInput, ElectionInput, ElectionView
from coopdesk.services.meetings.rows import item_row, meeting_row, open_item
from coopdesk.services.races import raced
from coopdesk.store.database import Database
from coopdesk.store.models import (
    BallotRow,
    CandidateRow,
    ContestRow,
    ElectionRow,
    MeetingRow,
    VoteRow,
)

ALREADY_CALLED = N_("This agenda item already has an election.")
CONTEST_RACED = N_("Another contest was added to this election at the same moment; look again.")
_ASSEMBLIES = (MeetingKind.FOUNDING, MeetingKind.ORDINARY_ASSEMBLY, MeetingKind.EXTRAORDINARY_ASSEMBLY)
MAX_COMMITTEE = 30


def create_election(db: Database, coop_id: int, item_id: int, given: ElectionInput) -> ElectionView:
    """An election on an officer-election item, with its contests in the order they are held."""
    _check_facts(given)
    with raced(ALREADY_CALLED, field="item"), db.write() as s:
        item = open_item(s, coop_id, item_id)
        meeting = meeting_row(s, coop_id, item.meeting_id)
        _check_item(s, item.id, item.subject, meeting)
        _check_dates(given, meeting.held_on)
        row = ElectionRow(coop_id=coop_id, item_id=item_id, **_facts(given), lots_seed=None)
        s.add(row)
        s.flush()
        for contest in given.contests:
            _add_contest(s, coop_id, row, meeting, contest)
        view = election_view(s, row)
        audit.record(s, coop_id=coop_id, action="election.create", entity="election", key=row.id,
                     after=_audit(view))
        return view


def edit_election(db: Database, coop_id: int, election_id: int, given: ElectionInput) -> ElectionView:
    """Change the election's facts (``given.contests`` is not read: see ``add_contest``).  How
    voters vote is fixed once voting has opened in any contest."""
    _check_facts(given)
    with db.write() as s:
        row = election_row(s, coop_id, election_id)
        _, meeting = open_item_of(s, coop_id, row)
        _check_dates(given, meeting.held_on)
        before = election_view(s, row)
        if given.voting is not row.voting and any(c.state is not ContestState.OPEN for c in before.contests):
            raise Refusal(N_("Voting has opened: how members vote can no longer change."), field="voting")
        for key, value in _facts(given).items():
            setattr(row, key, value)
        view = election_view(s, row)
        audit.record(s, coop_id=coop_id, action="election.edit", entity="election", key=row.id,
                     before=_audit(before), after=_audit(view))
        return view


def add_contest(db: Database, coop_id: int, election_id: int, given: ContestInput) -> ElectionView:
    """One more office to fill; a second contest for the same office is its next round (for
    seats the first left unfilled, or a vacancy)."""
    with raced(CONTEST_RACED, field="office"), db.write() as s:
        row = election_row(s, coop_id, election_id)
        _, meeting = open_item_of(s, coop_id, row)
        contest = _add_contest(s, coop_id, row, meeting, given)
        audit.record(s, coop_id=coop_id, action="election.contest", entity="election", key=row.id,
                     after={"contest": contest.id, **_contest_audit(given)})
        return election_view(s, row)


def edit_contest(db: Database, coop_id: int, contest_id: int, given: ContestInput) -> ElectionView:
    """Change a contest while its candidates are still being registered; the office only while it has none."""
    with db.write() as s:
        row, election = contest_row(s, coop_id, contest_id, lock=True)
        _, meeting = open_item_of(s, coop_id, election)
        _check_open(s, row)
        if given.office is not row.office and _has_candidates(s, row.id):
            raise Refusal(N_("This contest has candidates: remove them before changing the office."), field="office")
        _check_contest(s, coop_id, given, meeting)
        before = _contest_audit(ContestInput(row.office, row.seats, row.term_start, row.term_end, row.vacancy_of))
        row.office, row.seats, row.term_start = given.office, given.seats, given.term_start
        row.term_end, row.vacancy_of = given.term_end, given.vacancy_of
        audit.record(s, coop_id=coop_id, action="election.contest_edit", entity="election", key=election.id,
                     before={"contest": row.id, **before}, after={"contest": row.id, **_contest_audit(given)})
        return election_view(s, election)


def remove_contest(db: Database, coop_id: int, contest_id: int) -> ElectionView:
    """Take a contest off the election while its candidates are still being registered."""
    with db.write() as s:
        row, election = contest_row(s, coop_id, contest_id, lock=True)
        open_item_of(s, coop_id, election)
        _check_open(s, row)
        before = _contest_audit(ContestInput(row.office, row.seats, row.term_start, row.term_end, row.vacancy_of))
        s.delete(row)
        s.flush()
        audit.record(s, coop_id=coop_id, action="election.contest_remove", entity="election", key=election.id,
                     before={"contest": contest_id, **before})
        return election_view(s, election)


def get_election(db: Database, coop_id: int, election_id: int) -> ElectionView:
    with db.read() as s:
        return election_view(s, election_row(s, coop_id, election_id))


def election_for_item(db: Database, coop_id: int, item_id: int) -> ElectionView | None:
    """The election an agenda item holds, or None."""
    with db.read() as s:
        item_row(s, coop_id, item_id)
        row = election_of_item(s, item_id)
        return None if row is None else election_view(s, row)


def campaign_limits(election: ElectionView, on: dt.date) -> CampaignRules | None:
    """The campaign limits of Act 37 while they apply (from the announcement to election day), else None."""
    return campaign_rules() if election.campaign_period(on) else None


# -- internals ------------------------------------------------------------------------------------

def _check_item(s: Session, item_id: int, subject: Subject, meeting: MeetingRow) -> None:
    if meeting.kind not in _ASSEMBLIES:
        raise Refusal(N_("Officers are elected by the general assembly or the founding meeting, not by the board."),
                      article=law.OFFICERS_ELECTED_BY_ASSEMBLY.ref, field="item")
    if subject is not Subject.OFFICER_ELECTION:
        raise Refusal(N_("An election is held on an agenda item for the election of officers."), field="item")
    voted = s.execute(select(exists().where(VoteRow.item_id == item_id))).scalar() or \
        s.execute(select(exists().where(BallotRow.item_id == item_id))).scalar()
    if voted:
        raise Refusal(N_("Votes are already recorded on this item as a motion; it cannot become an election "
                         "until they are cleared, with the reason (in the meeting room, \u201cClear the yes-or-no "
                         "vote\u2026\u201d on the item; on the command line, \u201ccoopdesk meeting clear-vote\u201d)."),
                      article=law.OFFICERS_ELECTED_BY_ASSEMBLY.ref, field="item")
    if election_of_item(s, item_id) is not None:
        raise Refusal(ALREADY_CALLED, field="item")


def _check_facts(given: ElectionInput) -> None:
    for day, field in ((given.announced_on, "announced_on"), (given.candidacy_from, "candidacy_from"),
                       (given.candidacy_to, "candidacy_to")):
        check_date(day, field)
    if given.candidacy_from and given.candidacy_to and given.candidacy_to < given.candidacy_from:
        raise Refusal(N_("Candidacy cannot close before it opens."), field="candidacy_to")
    if len(given.committee) > MAX_COMMITTEE:
        raise Refusal(N_("An election committee of at most {n} members."), field="committee", n=MAX_COMMITTEE)
    for name in given.committee:
        if not name.strip():
            raise Refusal(N_("Each member of the election committee needs a name."), field="committee")
        check_text(" ".join(name.split()), "committee", NAME_LENGTH)


def _check_dates(given: ElectionInput, held_on: dt.date) -> None:
    for day, field in ((given.announced_on, "announced_on"), (given.candidacy_from, "candidacy_from"),
                       (given.candidacy_to, "candidacy_to")):
        if day is not None and day > held_on:
            raise Refusal(N_("This date is after election day, {held_on}."), field=field, held_on=held_on)


def _facts(given: ElectionInput) -> dict[str, object]:
    return {"voting": given.voting, "announced_on": given.announced_on, "candidacy_from": given.candidacy_from,
            "candidacy_to": given.candidacy_to, "committee": [" ".join(n.split()) for n in given.committee]}


def _add_contest(s: Session, coop_id: int, election: ElectionRow, meeting: MeetingRow,
                 given: ContestInput) -> ContestRow:
    _check_contest(s, coop_id, given, meeting)
    last = s.execute(select(func.max(ContestRow.position), func.count())
                     .where(ContestRow.election_id == election.id)).one()
    rounds = s.execute(select(func.max(ContestRow.round)).where(ContestRow.election_id == election.id,
                                                                ContestRow.office == given.office)).scalar()
    row = ContestRow(election_id=election.id, position=(last[0] or 0) + 1, office=given.office, seats=given.seats,
                     round=(rounds or 0) + 1, runoff_of=None, term_start=given.term_start, term_end=given.term_end,
                     vacancy_of=given.vacancy_of, state=ContestState.OPEN)
    s.add(row)
    s.flush()
    return row


def _check_contest(s: Session, coop_id: int, given: ContestInput, meeting: MeetingRow) -> None:
    if given.seats < 1:
        raise Refusal(N_("A contest fills at least one seat."), field="seats")
    if given.office is Office.CHAIR and given.seats != law.CHAIR_SEATS.value:
        raise Refusal(N_("The co-op has one chair: the contest for chair fills one seat."),
                      article=law.CHAIR_SEATS.ref, field="seats")
    check_date(given.term_start, "term_start")
    check_date(given.term_end, "term_end")
    start = given.term_start or meeting.held_on
    if given.term_start is not None and given.term_start < meeting.held_on:
        raise Refusal(N_("A term cannot start before the election, on {held_on}."), field="term_start",
                      held_on=meeting.held_on)
    if given.term_end is not None and given.term_end < start:
        raise Refusal(N_("A term cannot end before it starts."), field="term_end")
    check_vacancy(s, coop_id, given.office, given.vacancy_of)


def _check_open(s: Session, row: ContestRow) -> None:
    if row.state is not ContestState.OPEN:
        raise Refusal(N_("Voting has opened in this contest: it can no longer change."), field="contest")
    if row.runoff_of is not None:
        raise Refusal(N_("A run-off round follows from the tie it breaks: it cannot be changed."), field="contest")


def _has_candidates(s: Session, contest_id: int) -> bool:
    return bool(s.execute(select(exists().where(CandidateRow.contest_id == contest_id))).scalar())


def _contest_audit(given: ContestInput) -> dict[str, object]:
    return {"office": given.office, "seats": given.seats, "term_start": given.term_start,
            "term_end": given.term_end, "vacancy_of": given.vacancy_of}


def _audit(view: ElectionView) -> dict[str, object]:
    return {"item": view.item_id, "voting": view.voting, "announced_on": view.announced_on,
            "candidacy_from": view.candidacy_from, "candidacy_to": view.candidacy_to,
            "committee": list(view.committee),
            "contests": [{"contest": c.id, "office": c.office, "seats": c.seats, "round": c.round,
                          "term_start": c.term_start, "term_end": c.term_end, "vacancy_of": c.vacancy_of}
                         for c in view.contests]}
