"""An officer-election item (임원 선출) is decided by an election, never by a yes-or-no vote.

Officers are elected by the general assembly (Act 34): on its officer-election item the room
holds an election (``services.elections``), whose contests say who is elected.  A vote, a
count, a correction or a close by yes and no on such an item is refused — whether or not the
election is set up yet — with the way to set it up.  A file where a yes-or-no vote was
recorded on one anyway (before this refusal) is recovered by ``clear_motion_vote``: the vote
rows go, the item opens again, and the audit log keeps what was cleared and why.  A roll
call on a motion is open (no ballot secrecy), so the log may keep who voted how.
"""

from __future__ import annotations

from sqlalchemy import delete, exists, select, update
from sqlalchemy.orm import Session

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.fields import NOTE_LENGTH, check_text
from coopdesk.domain.meetings.kinds import Subject
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.elections.rows import election_of_item
from coopdesk.services.meetings.attendance import room_state
from coopdesk.services.meetings.room import load_room
from coopdesk.services.meetings.rows import item_row
from coopdesk.services.meetings.state import RoomState
from coopdesk.store.database import Database
from coopdesk.store.models import AgendaItemRow, BallotRow, VoteRow

ELECTED_NOT_VOTED = N_("Officers are elected by the general assembly in an election, not by a yes-or-no vote. "
                       "Set up the election on this item: in the meeting room, on the item's Election panel; "
                       "on the command line, \u201ccoopdesk election create {meeting} --item {position}\u201d.")
VOTED_AS_MOTION = N_("Officers are elected by the general assembly in an election, not by a yes-or-no vote. Clear "
                     "the yes-or-no vote recorded on this item, with the reason (in the meeting room, \u201cClear "
                     "the yes-or-no vote\u2026\u201d on the item; on the command line, \u201ccoopdesk meeting "
                     "clear-vote {meeting} {position} --reason \u2026\u201d), then set up the election.")
DECIDED_BY_CONTESTS = N_("This item is decided by its election: vote in the election's contests.")


def is_officer_election(item: AgendaItemRow) -> bool:
    return item.subject is Subject.OFFICER_ELECTION


def motion_voted(s: Session, item_id: int) -> bool:
    """Whether counts or roll-call votes are recorded on the item."""
    return bool(s.execute(select(exists().where(VoteRow.item_id == item_id))).scalar()
                or s.execute(select(exists().where(BallotRow.item_id == item_id))).scalar())


def check_not_a_motion(s: Session, item: AgendaItemRow) -> None:
    """Refuse a yes-or-no vote, count, correction or close on an officer-election item."""
    if election_of_item(s, item.id) is not None:
        raise Refusal(DECIDED_BY_CONTESTS, article=law.OFFICERS_ELECTED_BY_ASSEMBLY.ref, field="item")
    if is_officer_election(item) and motion_voted(s, item.id):
        raise Refusal(VOTED_AS_MOTION, article=law.OFFICERS_ELECTED_BY_ASSEMBLY.ref, field="item",
                      meeting=str(item.meeting_id), position=str(item.position))
    if is_officer_election(item):
        raise Refusal(ELECTED_NOT_VOTED, article=law.OFFICERS_ELECTED_BY_ASSEMBLY.ref, field="item",
                      meeting=str(item.meeting_id), position=str(item.position))


def clear_motion_vote(db: Database, coop_id: int, item_id: int, reason: str) -> RoomState:
    """Take a yes-or-no vote off an officer-election item, with the reason: its counts and roll-call
    votes are deleted, a closed item opens again, and the log keeps all of it.  The election can
    then be set up on the item."""
    reason = reason.strip()
    if not reason:
        raise Refusal(N_("Give the reason for clearing the vote."), field="reason")
    check_text(reason, "reason", NOTE_LENGTH, multiline=True)
    with db.write() as s:
        item = item_row(s, coop_id, item_id)
        if not is_officer_election(item):
            raise Refusal(N_("Only a yes-or-no vote recorded on an officer-election item is cleared; correct "
                             "the vote of any other item instead."), field="item")
        votes = list(s.execute(select(VoteRow).where(VoteRow.item_id == item_id).order_by(VoteRow.id)).scalars())
        ballots = list(s.execute(select(BallotRow).where(BallotRow.item_id == item_id)
                                 .order_by(BallotRow.id)).scalars())
        if not votes and not ballots:
            raise Refusal(N_("No yes-or-no vote is recorded on this item."), field="item")
        before = {"votes": [{"yes": v.yes, "no": v.no, "abstain": v.abstain, "roll_call": v.roll_call,
                             "reason": v.reason, "recorded_at": v.recorded_at} for v in votes],
                  "ballots": [{"member_id": b.member_id, "officer_term_id": b.officer_term_id,
                               "choice": b.choice, "cast_at": b.cast_at} for b in ballots],
                  "closed": item.closed, "result": item.result}
        s.execute(delete(BallotRow).where(BallotRow.item_id == item_id))
        s.execute(update(VoteRow).where(VoteRow.item_id == item_id).values(supersedes_id=None))
        s.execute(delete(VoteRow).where(VoteRow.item_id == item_id))
        item.closed, item.result, item.frozen_room = False, None, None
        audit.record(s, coop_id=coop_id, action="meeting.clear_vote", entity="agenda_item", key=item_id,
                     before=before, after={"reason": reason, "closed": False})
        s.flush()
        return room_state(s, load_room(s, coop_id, item.meeting_id), item_id)
