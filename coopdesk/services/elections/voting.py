"""Opening the vote (투표 개시): the candidates are fixed and ballots are accepted.

Voting opens in the meeting room, on the meeting day, on an item still open, with the
quorum of the meeting present (Act 29②, the same count the room shows).  Every candidate
must have accepted to stand, the contests must pass the domain's checks together (Act 44②),
and the chair's contest opens only after the directors' is decided (Act 34②).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy.orm import Session

from coopdesk.domain.elections.chair import check_chair_contest
from coopdesk.domain.elections.contest import check_contest, check_election
from coopdesk.domain.elections.stages import ContestState
from coopdesk.domain.errors import Refusal
from coopdesk.domain.officers.terms import Office
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.elections.chair import director_outcomes, eligible_for_chair
from coopdesk.services.elections.register import register_at, term_start
from coopdesk.services.elections.rows import (
    contest_rows,
    contest_view,
    election_row,
    election_view,
    open_item_of,
)
from coopdesk.services.elections.views import ElectionView
from coopdesk.services.meetings.room import Room, check_held, load_room
from coopdesk.store.database import Database
from coopdesk.store.models import ContestRow, ElectionRow, MeetingRow


def open_voting(db: Database, coop_id: int, election_id: int, contest_ids: Iterable[int]) -> ElectionView:
    """Open the vote in these contests of one election, all at once (one ballot page)."""
    wanted = sorted(set(contest_ids))
    if not wanted:
        raise Refusal(N_("Choose the contests to open."), field="contest")
    with db.write() as s:
        election = election_row(s, coop_id, election_id)
        _, meeting = open_item_of(s, coop_id, election)
        check_held(meeting, dt.date.today())
        contests = contest_rows(s, election.id, lock=True)
        chosen = [c for c in contests if c.id in wanted]
        if len(chosen) != len(wanted):
            missing = next(i for i in wanted if i not in {c.id for c in chosen})
            raise Refusal(N_("There is no contest number {id}."), field="contest", id=missing)
        _check_quorum(load_room(s, coop_id, meeting.id, keep=True), s)
        _check_contests(s, coop_id, election, meeting, contests, chosen)
        for c in chosen:
            c.state = ContestState.VOTING
        audit.record(s, coop_id=coop_id, action="election.open", entity="election", key=election.id,
                     after={"contests": [c.id for c in chosen]})
        return election_view(s, election)


def _check_quorum(room: Room, s: Session) -> None:
    quorum = room.quorum(room.headcount(s))
    if not quorum.reached:
        raise Refusal(N_("The quorum is not reached ({present} present of {members}; {missing} more needed): "
                         "voting cannot open."), article=quorum.ref, field="quorum", present=quorum.present,
                      members=quorum.base, missing=quorum.missing)


def _check_contests(s: Session, coop_id: int, election: ElectionRow, meeting: MeetingRow,
                    contests: list[ContestRow], chosen: list[ContestRow]) -> None:
    views = {c.id: contest_view(s, c) for c in contests}
    if any(c.office is Office.CHAIR for c in chosen):
        director_outcomes(contests)  # the directors first (Act 34②)
    for c in chosen:
        if c.state is not ContestState.OPEN:
            raise Refusal(N_("Voting has already opened in this contest."), field="contest")
        view = views[c.id]
        check_contest(view.contest)
        for candidate in view.standing:
            if candidate.accepted_on is None:
                raise Refusal(N_("{name} has not accepted the candidacy: record the acceptance before voting "
                                 "opens."), field="accepted_on", name=candidate.name)
    register = register_at(s, coop_id, meeting, contests)
    start = term_start(chosen[0], meeting)
    check_election([v.contest for v in views.values() if v.standing],
                   continuing_directors=register.continuing((Office.DIRECTOR, Office.CHAIR), start),
                   continuing_auditors=register.continuing((Office.AUDITOR,), start))
    for c in chosen:
        if c.office is Office.CHAIR:
            check_chair_contest(views[c.id].contest, eligible_for_chair(contests, register, c, meeting))
