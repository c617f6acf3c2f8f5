"""An officer-election item is never voted yes or no (Act 34: officers are elected by the
assembly, in an election): a vote, a count, a close or a correction by yes and no is refused
before its election is set up too, with how to set it up.  A file where such a vote was
recorded anyway (before this refusal) is recovered: the vote is cleared with a reason, the log
keeps it, and the election is then held on the item."""

import datetime as dt
import json

import pytest
from sqlalchemy import select

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.attendance import Choice
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind
from coopdesk.domain.meetings.resolutions import Tally, decide
from coopdesk.domain.meetings.snapshot import FrozenResult, FrozenVote
from coopdesk.domain.officers.terms import Office
from coopdesk.services import audit
from coopdesk.services.elections.views import ContestInput
from coopdesk.services.meetings.agenda import get_item
from coopdesk.services.meetings.election_items import clear_motion_vote
from coopdesk.services.meetings.readings import item_result
from coopdesk.services.meetings.votes import cast_ballot, close_item, record_counts
from coopdesk.store.models import AgendaItemRow, AuditEntry, BallotRow, Member, VoteRow
from tests.services.elections.helpers import count_rows, election


def _legacy_votes(db, coop, item_id: int, ballots: dict[int, Choice], counts: tuple[int, int, int] | None = None):
    """What an older CoopDesk let a secretary record on the officer-election item."""
    with db.write() as s:
        for number, choice in ballots.items():
            member = s.execute(select(Member).where(Member.coop_id == coop.id, Member.number == number)).scalar_one()
            s.add(BallotRow(item_id=item_id, member_id=member.id, choice=choice, cast_at=dt.datetime(2026, 3, 28, 15)))
        if counts is not None:
            s.add(VoteRow(item_id=item_id, yes=counts[0], no=counts[1], abstain=counts[2], roll_call=False,
                          supersedes_id=None, reason="", recorded_at=dt.datetime(2026, 3, 28, 15)))


def test_no_yes_or_no_vote_on_an_officer_election_before_its_election_is_set_up(db, coop, assembly):
    meeting_id, item_id = assembly
    position = get_item(db, coop.id, item_id).position
    for action in (lambda: cast_ballot(db, coop.id, item_id, 7, Choice.YES),
                   lambda: record_counts(db, coop.id, item_id, 10, 2, 1),
                   lambda: close_item(db, coop.id, item_id)):
        with pytest.raises(Refusal, match="not by a yes-or-no vote") as exc:
            action()
        assert exc.value.article == law.OFFICERS_ELECTED_BY_ASSEMBLY.ref
        assert f"\u201ccoopdesk election create {meeting_id} --item {position}\u201d." in str(exc.value)
    assert count_rows(db, "item_ballot") == count_rows(db, "item_vote") == 0
    made = election(db, coop, item_id, ContestInput(Office.AUDITOR, 1))  # the item is still the election's
    assert made.contests[0].office is Office.AUDITOR


def test_a_yes_or_no_vote_recorded_on_an_officer_election_is_cleared_with_its_reason(db, coop, assembly):
    meeting_id, item_id = assembly
    _legacy_votes(db, coop, item_id, {7: Choice.YES, 8: Choice.NO}, counts=(6, 3, 1))
    with pytest.raises(Refusal, match="cannot become an election until they are cleared"):
        election(db, coop, item_id, ContestInput(Office.AUDITOR, 1))
    with pytest.raises(Refusal, match="Clear the yes-or-no vote recorded on this item") as exc:
        cast_ballot(db, coop.id, item_id, 9, Choice.YES)
    assert f"coopdesk meeting clear-vote {meeting_id} " in str(exc.value)
    with pytest.raises(Refusal, match="Give the reason"):
        clear_motion_vote(db, coop.id, item_id, "  ")

    state = clear_motion_vote(db, coop.id, item_id, "찬반으로 잘못 기록함")

    assert state.item is not None and not state.item.voted and not state.item.closed
    assert count_rows(db, "item_ballot") == count_rows(db, "item_vote") == 0
    with db.read() as s:
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "meeting.clear_vote")).scalar_one()
        after, logged = json.loads(entry.after), json.loads(entry.before)
    assert after["reason"] == "찬반으로 잘못 기록함"
    assert [v["yes"] for v in logged["votes"]] == [6]
    assert sorted(b["choice"] for b in logged["ballots"]) == ["no", "yes"]
    assert audit.verify(db).intact
    assert election(db, coop, item_id, ContestInput(Office.AUDITOR, 1)).contests  # the election can be held now
    with pytest.raises(Refusal, match="No yes-or-no vote is recorded"):
        clear_motion_vote(db, coop.id, item_id, "두 번")


def test_a_closed_officer_election_decided_yes_or_no_opens_again_when_cleared(db, coop, assembly):
    meeting_id, item_id = assembly
    _legacy_votes(db, coop, item_id, {}, counts=(9, 3, 1))
    before = item_result(db, coop.id, item_id)
    tally = Tally(before.members, before.in_person, before.proxies, 0, 9, 3, 1)
    outcome = decide(tally, ResolutionKind.ELECTION, MeetingKind.ORDINARY_ASSEMBLY)
    with db.write() as s:  # closed as an older CoopDesk closed it: the vote frozen, "elected as proposed"
        row = s.get(AgendaItemRow, item_id)
        vote_id = s.execute(select(VoteRow.id).where(VoteRow.item_id == item_id)).scalar_one()
        row.closed = True
        row.result = FrozenResult(tally, outcome.quorum_reached, outcome.quorum, outcome.quorum_ref,
                                  FrozenVote(vote_id, False), outcome.passed, outcome.rule, outcome.explanation,
                                  outcome.ref).to_json()
    assert item_result(db, coop.id, item_id).passed is True
    with pytest.raises(Refusal, match="Clear the yes-or-no vote"):
        from coopdesk.services.meetings.votes import correct_vote
        correct_vote(db, coop.id, item_id, 10, 2, 1, "다시 셈")
    state = clear_motion_vote(db, coop.id, item_id, "선거로 다시 치름")
    assert state.item is not None and not state.item.closed
    assert not get_item(db, coop.id, item_id).closed


def test_only_an_officer_election_item_has_its_vote_cleared(db, coop, assembly):
    meeting_id, item_id = assembly
    from coopdesk.services.meetings.agenda import list_items

    other = next(i for i in list_items(db, coop.id, meeting_id) if i.id != item_id and i.kind.value == "ordinary")
    record_counts(db, coop.id, other.id, 10, 2, 1)
    with pytest.raises(Refusal, match="Only a yes-or-no vote recorded on an officer-election item"):
        clear_motion_vote(db, coop.id, other.id, "실수")
    assert item_result(db, coop.id, other.id).yes == 10
