"""Votes on agenda items (표결): counts or roll call, exclusions, closing, corrections.

While an item is open its result is computed live from the room.  Closing freezes a
snapshot (who was on the register, present, by proxy, excluded; the votes, the rule and
the result) in the item's ``result``; a closed item does not change, except by a
correction: a new vote row, with a reason, that supersedes the last one and is decided
again against the frozen attendance.  Vote rows are never updated or deleted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.domain.meetings.attendance import Choice, RollCall, check_excluded
from coopdesk.domain.errors import Refusal
from coopdesk.domain.law_ref import LawRef, Source
from coopdesk.domain.meetings.kinds import ResolutionKind
from coopdesk.domain.meetings.resolutions import Outcome, Tally, decide
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.meetings.attendance import Room, load_room
from coopdesk.services.meetings.effects import apply_effect, check_effect_ready
from coopdesk.services.meetings.meeting import item_row, meeting_row, open_item
from coopdesk.store.database import Database
from coopdesk.store.models import AgendaItemRow, BallotRow, ExclusionRow, Member, VoteRow


@dataclass(frozen=True, slots=True)
class ItemResult:
    """The result of one item: what the screen shows and the result JSON carries."""

    item: int  # its position on the agenda
    item_id: int
    title: str
    kind: str
    members: int
    present: int
    in_person: int
    proxies: int
    excluded: int
    yes: int
    no: int
    abstain: int
    quorum_reached: bool
    passed: bool | None  # None: a report, or no vote recorded yet
    rule: str | None
    explanation: str  # English; ``explanation_id`` and ``explanation_params`` translate it
    explanation_id: str
    explanation_params: dict[str, int]
    article: str | None  # e.g. "Act 29②"
    quorum: str  # the quorum statement, English; ``quorum_id`` and ``quorum_params`` translate it
    quorum_id: str
    quorum_params: dict[str, int]
    closed: bool
    roll_call: bool
    corrections: int

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class VoteView:
    id: int
    yes: int
    no: int
    abstain: int
    roll_call: bool
    supersedes: int | None
    reason: str
    recorded_at: dt.datetime


def exclude(db: Database, coop_id: int, item_id: int, key: int, reason: str = "") -> ItemResult:
    """An attendee with a personal interest in the item does not vote on it (recorded)."""
    with db.write() as s:
        item, room = _open(s, coop_id, item_id)
        marked = _excluded(s, room, item_id)
        check_excluded(room.attendance, marked | {key})
        if key in marked:
            raise Refusal(N_("This member is already excluded from this item."), field="member")
        if key in dict(_ballots(s, room, item_id).votes):
            raise Refusal(N_("This member has already voted on this item."), field="member")
        s.add(ExclusionRow(item_id=item_id, reason=reason.strip(), **room.attendee_columns(key)))
        audit.record(s, coop_id=coop_id, action="meeting.exclude", entity="agenda_item", key=item_id,
                     after={"attendee": key, "reason": reason.strip()})
        return _live(s, item, _Counted.of(room))


def record_counts(db: Database, coop_id: int, item_id: int, yes: int, no: int, abstain: int) -> ItemResult:
    """A show of hands: counts that cannot be true are refused and nothing is written."""
    with db.write() as s:
        item, room = _open(s, coop_id, item_id)
        if _ballots(s, room, item_id).votes:
            raise Refusal(N_("This item is being voted by roll call."), field="yes")
        decide(room.tally(_excluded(s, room, item_id), yes, no, abstain), item.kind, room.meeting.kind)
        last = _last_vote(s, item_id)
        s.add(VoteRow(item_id=item_id, yes=yes, no=no, abstain=abstain, roll_call=False,
                      supersedes_id=last.id if last else None, reason="", recorded_at=dt.datetime.now()))
        audit.record(s, coop_id=coop_id, action="meeting.vote", entity="agenda_item", key=item_id,
                     after={"yes": yes, "no": no, "abstain": abstain})
        s.flush()
        return _live(s, item, _Counted.of(room))


def cast_ballot(db: Database, coop_id: int, item_id: int, key: int, choice: Choice) -> ItemResult:
    """One present attendee's choice in a roll call; a second vote or an absent voter is refused."""
    with db.write() as s:
        item, room = _open(s, coop_id, item_id)
        if item.kind is ResolutionKind.REPORT:
            raise Refusal(N_("A report is not put to a vote."), field="kind")
        if _last_vote(s, item_id) is not None:
            raise Refusal(N_("The counts of this item are already recorded by show of hands."), field="member")
        _ballots(s, room, item_id).cast(room.attendance, _excluded(s, room, item_id), key, choice)
        s.add(BallotRow(item_id=item_id, choice=choice, cast_at=dt.datetime.now(), **room.attendee_columns(key)))
        audit.record(s, coop_id=coop_id, action="meeting.ballot", entity="agenda_item", key=item_id,
                     after={"attendee": key, "choice": choice})
        s.flush()
        return _live(s, item, _Counted.of(room))


def close_item(db: Database, coop_id: int, item_id: int) -> ItemResult:
    """Freeze the item's snapshot; a passed expulsion or bylaws amendment takes effect."""
    with db.write() as s:
        item, room = _open(s, coop_id, item_id)
        excluded, ballots, vote = _excluded(s, room, item_id), _ballots(s, room, item_id), _last_vote(s, item_id)
        if item.kind is not ResolutionKind.REPORT and vote is None:
            if not ballots.votes:
                raise Refusal(N_("Record the vote before closing the item."), field="yes")
            vote = VoteRow(item_id=item_id, yes=ballots.count(Choice.YES), no=ballots.count(Choice.NO),
                           abstain=ballots.count(Choice.ABSTAIN), roll_call=True, supersedes_id=None,
                           reason="", recorded_at=dt.datetime.now())
            s.add(vote)
            s.flush()
        counted = _Counted.of(room)
        snapshot = _snapshot(counted, excluded, ballots)
        if vote is not None:
            outcome = decide(counted.tally(excluded, vote.yes, vote.no, vote.abstain), item.kind, room.meeting.kind)
            check_effect_ready(item, outcome.passed)
            snapshot |= _decision(vote, outcome)
            apply_effect(s, coop_id, room.meeting, item, outcome.passed)
        item.result, item.closed = snapshot, True
        audit.record(s, coop_id=coop_id, action="meeting.close_item", entity="agenda_item", key=item_id,
                     after=snapshot)
        return _from_snapshot(item)


def correct_vote(db: Database, coop_id: int, item_id: int, yes: int, no: int, abstain: int,
                 reason: str) -> ItemResult:
    """A correction of a closed item's counts: a new vote, with a reason, decided on the frozen room."""
    if not reason.strip():
        raise Refusal(N_("Give the reason for the correction."), field="reason")
    with db.write() as s:
        item = item_row(s, coop_id, item_id)
        snap = item.result
        if not item.closed or snap is None or "vote_id" not in snap:
            raise Refusal(N_("Only the vote of a closed item is corrected; change an open item's vote directly."),
                          field="item")
        meeting = meeting_row(s, coop_id, item.meeting_id)  # the frozen room is the snapshot
        tally = Tally(snap["members"], len(snap["in_person"]), len(snap["represented"]),
                      len(set(snap["excluded"]) & set(snap["present"])), yes, no, abstain)
        outcome = decide(tally, item.kind, meeting.kind)
        was = bool(snap["passed"])
        if was and not outcome.passed:
            check_effect_ready(item, was, undoing=True)
        vote = VoteRow(item_id=item_id, yes=yes, no=no, abstain=abstain, roll_call=False,
                       supersedes_id=snap["vote_id"], reason=reason.strip(), recorded_at=dt.datetime.now())
        s.add(vote)
        s.flush()
        if outcome.passed and not was:
            check_effect_ready(item, True)
            apply_effect(s, coop_id, meeting, item, True)
        item.result = {**snap, **_decision(vote, outcome), "corrections": snap.get("corrections", 0) + 1}
        audit.record(s, coop_id=coop_id, action="meeting.correct_vote", entity="agenda_item", key=item_id,
                     before={k: snap[k] for k in ("yes", "no", "abstain", "passed")},
                     after={"yes": yes, "no": no, "abstain": abstain, "passed": outcome.passed,
                            "reason": reason.strip()})
        return _from_snapshot(item)


def item_result(db: Database, coop_id: int, item_id: int) -> ItemResult:
    """The frozen result of a closed item, or the live one of an open item."""
    with db.read() as s:
        item = item_row(s, coop_id, item_id)
        if item.closed:
            return _from_snapshot(item)
        return _live(s, item, _Counted.of(load_room(s, coop_id, item.meeting_id)))


@dataclass(frozen=True, slots=True)
class ItemVotes:
    """Who chose what in a roll call, and who was left out, in the order recorded."""

    ballots: tuple[tuple[int, Choice], ...]
    excluded: tuple[tuple[int, str], ...]  # (attendee, reason)


def item_votes(db: Database, coop_id: int, item_id: int) -> ItemVotes:
    """The named votes of a roll call (기명 투표) and the exclusions of an item."""
    with db.read() as s:
        item = item_row(s, coop_id, item_id)
        room = load_room(s, coop_id, item.meeting_id)
        ballots = tuple((k, c) for k, c in _on_item(s, room, BallotRow, item_id, BallotRow.choice))
        excluded = tuple((k, r) for k, r in _on_item(s, room, ExclusionRow, item_id, ExclusionRow.reason))
        return ItemVotes(ballots, excluded)


def closed_results(db: Database, coop_id: int, meeting_id: int) -> list[ItemResult]:
    """The frozen results of the meeting's closed items, in agenda order, without the room."""
    with db.read() as s:
        meeting_row(s, coop_id, meeting_id)
        items = s.execute(select(AgendaItemRow).where(AgendaItemRow.meeting_id == meeting_id,
                                                      AgendaItemRow.closed.is_(True))
                          .order_by(AgendaItemRow.position)).scalars()
        return [_from_snapshot(i) for i in items]


def meeting_results(db: Database, coop_id: int, meeting_id: int) -> list[ItemResult]:
    """Every item's result in agenda order (the tally of the meeting), reading the register once
    for all open items rather than once per item."""
    with db.read() as s:
        meeting_row(s, coop_id, meeting_id)
        items = list(s.execute(select(AgendaItemRow).where(AgendaItemRow.meeting_id == meeting_id)
                               .order_by(AgendaItemRow.position)).scalars())
        if all(i.closed for i in items):
            return [_from_snapshot(i) for i in items]
        counted = _Counted.of(load_room(s, coop_id, meeting_id))
        return [_from_snapshot(i) if i.closed else _live(s, i, counted) for i in items]


def vote_history(db: Database, coop_id: int, item_id: int) -> list[VoteView]:
    """Every vote recorded for the item, oldest first: corrections keep what they replaced."""
    with db.read() as s:
        item_row(s, coop_id, item_id)
        rows = s.execute(select(VoteRow).where(VoteRow.item_id == item_id).order_by(VoteRow.id)).scalars()
        return [VoteView(r.id, r.yes, r.no, r.abstain, r.roll_call, r.supersedes_id, r.reason, r.recorded_at)
                for r in rows]


# -- internals ----------------------------------------------------------------------------------

def _open(s: Session, coop_id: int, item_id: int) -> tuple[AgendaItemRow, Room]:
    item = open_item(s, coop_id, item_id)
    return item, load_room(s, coop_id, item.meeting_id)


def _on_item(s: Session, room: Room, table: type[ExclusionRow] | type[BallotRow], item_id: int,
             *columns: Any) -> list[tuple[Any, ...]]:
    """(key, *columns) of the item's rows in the order recorded, for attendees still on the register
    (a member expelled earlier in the meeting drops out).  The key is read with the row rather
    than looked up in an inverse of the register built for every action."""
    key = table.officer_term_id if room.board else Member.number
    statement = select(key, *columns).select_from(table).where(table.item_id == item_id).order_by(table.id)
    if not room.board:
        statement = statement.join(Member, Member.id == table.member_id)
    return [tuple(r) for r in s.execute(statement) if r[0] in room.ids]


def _excluded(s: Session, room: Room, item_id: int) -> frozenset[int]:
    return frozenset(k for k, in _on_item(s, room, ExclusionRow, item_id))


def _ballots(s: Session, room: Room, item_id: int) -> RollCall:
    return RollCall(tuple((k, c) for k, c in _on_item(s, room, BallotRow, item_id, BallotRow.choice)))


def _last_vote(s: Session, item_id: int) -> VoteRow | None:
    return s.execute(select(VoteRow).where(VoteRow.item_id == item_id)
                     .order_by(VoteRow.id.desc()).limit(1)).scalar()


def _ref(ref: LawRef | None) -> dict[str, Any] | None:
    return None if ref is None else {"source": ref.source.value, "article": ref.article,
                                     "branch": ref.branch, "paragraph": ref.paragraph}


@dataclass(frozen=True, slots=True)
class _Counted:
    """The room with who is present worked out once: ``Attendance``'s properties work it out
    again on each use, which at 6,000 present and 20 items is a good part of a tally."""

    room: Room
    in_person: frozenset[int]
    represented: frozenset[int]
    present: frozenset[int]

    @classmethod
    def of(cls, room: Room) -> _Counted:
        a = room.attendance
        return cls(room, a.in_person, a.represented, a.present)

    def tally(self, excluded: frozenset[int], yes: int = 0, no: int = 0, abstain: int = 0) -> Tally:
        """``Room.tally``, from the sets worked out once."""
        return Tally(members=self.room.base, in_person=len(self.in_person), by_proxy=len(self.represented),
                     excluded=len(excluded & self.present), yes=yes, no=no, abstain=abstain)


def _snapshot(counted: _Counted, excluded: frozenset[int], ballots: RollCall) -> dict[str, Any]:
    """What closing freezes: the counted room, and who was on the register, held proxies and voted."""
    room, a = counted.room, counted.room.attendance
    snap = _counts(counted, excluded)
    lists = {key: sorted(snap[key]) for key in _COUNTED_SETS}
    return snap | lists | {
        "register": sorted(a.register),
        "proxies": [[p.principal, p.holder_member if p.holder_member is not None else p.family_name]
                    for p in a.proxies if a.counts(p)],
        "ballots": [[k, c.value] for k, c in ballots.votes],
        "names": {str(k): room.names[k] for k in lists["present"]}}


_COUNTED_SETS = ("in_person", "represented", "present", "excluded")  # frozen as sorted lists


def _counts(counted: _Counted, excluded: frozenset[int]) -> dict[str, Any]:
    """The room as a result counts it, with the quorum: all a live result needs.  The sets stay
    sets, and the register and the names (10,000 at a large assembly) are left to the snapshot."""
    # The quorum does not depend on the votes: an empty ordinary vote gives its statement.
    quorum = decide(counted.tally(excluded), ResolutionKind.ORDINARY, counted.room.meeting.kind)
    return {"members": counted.room.base, "in_person": counted.in_person, "represented": counted.represented,
            "present": counted.present, "excluded": excluded,
            "quorum_reached": quorum.quorum_reached, "quorum": quorum.quorum.message,
            "quorum_params": quorum.quorum.kwargs, "quorum_article": _ref(quorum.quorum_ref), "passed": None,
            "rule": None, "yes": 0, "no": 0, "abstain": 0,
            "explanation": N_("A report is not put to a vote."), "explanation_params": {}, "article": None,
            "roll_call": False, "corrections": 0}


def _decision(vote: VoteRow, outcome: Outcome) -> dict[str, Any]:
    return {"vote_id": vote.id, "yes": vote.yes, "no": vote.no, "abstain": vote.abstain,
            "roll_call": vote.roll_call, "quorum_reached": outcome.quorum_reached, "passed": outcome.passed,
            "rule": outcome.rule.value, "explanation": outcome.explanation.message,
            "explanation_params": outcome.explanation.kwargs, "article": _ref(outcome.ref),
            "quorum": outcome.quorum.message, "quorum_params": outcome.quorum.kwargs,
            "quorum_article": _ref(outcome.quorum_ref)}


def law_ref_of(ref: dict[str, Any] | None) -> LawRef | None:
    """An article as a snapshot keeps it (``_ref``), back as a LawRef."""
    if not ref:
        return None
    return LawRef(Source(ref["source"]), ref["article"], ref["branch"], ref["paragraph"])


def _label(ref: dict[str, Any] | None) -> str | None:
    law_ref = law_ref_of(ref)
    return None if law_ref is None else law_ref.label("en")


def _from_snapshot(item: AgendaItemRow) -> ItemResult:
    return _result(item, item.result or {}, closed=True)


def _result(item: AgendaItemRow, r: dict[str, Any], closed: bool) -> ItemResult:
    params = r["explanation_params"]
    return ItemResult(item.position, item.id, item.title, item.kind.value, r["members"], len(r["present"]),
                      len(r["in_person"]), len(r["represented"]), len(set(r["excluded"]) & set(r["present"])),
                      r["yes"], r["no"], r["abstain"], bool(r["quorum_reached"]), r["passed"], r["rule"],
                      r["explanation"].format(**params), r["explanation"], params, _label(r["article"]),
                      r["quorum"].format(**r["quorum_params"]), r["quorum"], r["quorum_params"], closed,
                      r["roll_call"], r["corrections"])


def _live(s: Session, item: AgendaItemRow, counted: _Counted) -> ItemResult:
    room = counted.room
    excluded, ballots, vote = _excluded(s, room, item.id), _ballots(s, room, item.id), _last_vote(s, item.id)
    snap = _counts(counted, excluded)
    if vote is None and not ballots.votes:
        if item.kind is not ResolutionKind.REPORT:
            snap["explanation"] = N_("No vote recorded yet.")
        return _result(item, snap, closed=False)
    counts = (vote.yes, vote.no, vote.abstain) if vote is not None else \
        (ballots.count(Choice.YES), ballots.count(Choice.NO), ballots.count(Choice.ABSTAIN))
    try:
        outcome = decide(counted.tally(excluded, *counts), item.kind, room.meeting.kind)
    except Refusal as exc:  # the room changed since the count (someone left): show why, decide nothing
        snap |= dict(zip(("yes", "no", "abstain"), counts))
        snap |= {"explanation": exc.message, "explanation_params": exc.params}
        return _result(item, snap, closed=False)
    preview = VoteRow(id=vote.id if vote else None, yes=counts[0], no=counts[1], abstain=counts[2],
                      roll_call=vote is None)
    return _result(item, snap | _decision(preview, outcome), closed=False)
