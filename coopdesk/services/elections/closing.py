"""Closing the vote (투표 마감) and counting the ballots (개표).

On screen, the database counts the ballots by their marks (``GROUP BY marks``: as many
groups as different ways of marking, not as many as ballots) and the domain counts each
way of marking once (``counting.count``), so the tally is the domain's whatever the number
of ballots.  The ballot box must hold exactly one ballot per name on the roll.  On paper,
closing stops the handing out of papers; the tellers' count comes next (``paper``).

Closing also records how many members were present for the vote — the base of a majority
of those present: those in the room now, and anyone who voted and has left since.  Then the
ballots are written again in the order of their keys (``secrecy``).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from coopdesk.domain.elections.contest import Contest
from coopdesk.domain.elections.counting import Tally, count
from coopdesk.domain.elections.stages import ContestState, VotingMethod
from coopdesk.domain.errors import Refusal
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.elections.frozen import tally_json
from coopdesk.services.elections.marks import ballot_of
from coopdesk.services.elections.rows import (
    contest_row,
    contest_view,
    domain_contest,
    open_item_of,
    voted_count,
)
from coopdesk.services.elections.secrecy import rewrite_in_key_order, settle
from coopdesk.services.elections.views import ContestView
from coopdesk.services.meetings.room import load_room
from coopdesk.store.database import Database
from coopdesk.store.models import CheckInRow, ElectionBallotRow, ProxyRow, VotedRow


def close_voting(db: Database, coop_id: int, contest_id: int) -> ContestView:
    """No more ballots in this contest: counted at once on screen, awaiting the tellers on paper."""
    with db.write() as s:
        contest, election = contest_row(s, coop_id, contest_id, lock=True)
        _, meeting = open_item_of(s, coop_id, election)
        if contest.state is not ContestState.VOTING:
            raise Refusal(N_("Voting is not open in this contest."), field="contest")
        contest.present = present_for_vote(s, coop_id, meeting.id, contest.id)
        on_screen = election.voting is VotingMethod.SCREEN
        if on_screen:
            tally = count_ballots(s, domain_contest(s, contest), contest.id)
            voted = voted_count(s, contest.id)
            if tally.ballots != voted:  # one transaction per cast: never, unless the file was changed by hand
                raise Refusal(N_("The ballot box holds {ballots} ballots but {voted} members are on the roll: the "
                                 "file was changed outside CoopDesk."), field="contest", ballots=tally.ballots,
                              voted=voted)
            rewrite_in_key_order(s, contest.id)
            contest.tally, contest.state = tally_json(tally), ContestState.COUNTED
        else:
            contest.state = ContestState.COUNTING
        audit.record(s, coop_id=coop_id, action="election.close", entity="election", key=election.id,
                     after={"contest": contest.id, "present": contest.present, "voted": voted_count(s, contest.id)})
        view = contest_view(s, contest)
    if on_screen:
        settle(db)
    return view


def close_contests(db: Database, coop_id: int, contest_ids: Sequence[int]) -> tuple[ContestView, ...]:
    """The election's *Close voting*: every contest named closed in one transaction, so that a
    refusal in any of them, or a crash half-way, leaves them all open (each close alone would
    leave some counted and the others still taking ballots); the ``-wal`` emptied once, after."""
    with db.all_or_nothing() as joined:  # in it each close's own settle waits for this commit
        views = tuple(close_voting(joined, coop_id, contest_id) for contest_id in contest_ids)
    if any(v.state is ContestState.COUNTED for v in views):
        settle(db)
    return views


def count_ballots(s: Session, contest: Contest, contest_id: int) -> Tally:
    """The tally of the contest's ballots: each way of marking counted once by the domain, times its ballots."""
    s.flush()
    groups = s.connection().execute(select(ElectionBallotRow.marks, func.count())
                                    .where(ElectionBallotRow.contest_id == contest_id)
                                    .group_by(ElectionBallotRow.marks)).all()
    total = count(contest, ())
    for marks, n in groups:
        total = _plus(total, count(contest, (ballot_of(marks),)), n)
    return total


def _plus(total: Tally, one: Tally, times: int) -> Tally:
    return Tally(tuple((k, a + b * times) for (k, a), (_, b) in zip(total.votes, one.votes, strict=True)),
                 tuple((k, a + b * times) for (k, a), (_, b) in zip(total.against, one.against, strict=True)),
                 total.ballots + one.ballots * times, total.blank + one.blank * times,
                 total.invalid + one.invalid * times)


def present_for_vote(s: Session, coop_id: int, meeting_id: int, contest_id: int) -> int:
    """Members present for the vote: in the room now (in person or by proxy), and those on the
    roll who are not (they voted, then left)."""
    room = load_room(s, coop_id, meeting_id, keep=True)
    here_now = room.headcount(s).present
    holder = aliased(CheckInRow)
    in_person = exists().where(CheckInRow.meeting_id == meeting_id, CheckInRow.out_at.is_(None),
                               CheckInRow.member_id == VotedRow.member_id)
    holder_here = exists().where(holder.meeting_id == meeting_id, holder.out_at.is_(None),
                                 holder.member_id == ProxyRow.holder_member_id)
    by_proxy = exists().where(ProxyRow.meeting_id == meeting_id, ProxyRow.revoked_at.is_(None),
                              ProxyRow.principal_id == VotedRow.member_id,
                              or_(ProxyRow.holder_member_id.is_(None), holder_here))
    gone = s.execute(select(func.count()).select_from(VotedRow)
                     .where(and_(VotedRow.contest_id == contest_id, ~in_person, ~by_proxy))).scalar_one()
    return here_now + gone
