"""Votes through the services: each action answers with the room and the item's typed result,
closing freezes it with the register stored once per meeting, and a correction keeps both votes."""

import datetime as dt

import pytest
from sqlalchemy import func, select

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.attendance import Choice
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind, Subject
from coopdesk.domain.meetings.rules import Register, Rule
from coopdesk.services.meetings.agenda import list_items
from coopdesk.services.meetings.attendance import add_proxy
from coopdesk.services.meetings.readings import closed_results, frozen_item, meeting_results, vote_history
from coopdesk.services.meetings.votes import cast_ballot, close_item, correct_vote, exclude, record_counts
from coopdesk.store.models import MeetingRollRow
from tests.services.meetings.test_meetings import HELD, arrive, assembly, item  # noqa: F401  (fixture)

D = dt.date


def rolls(db, meeting_id):
    with db.read() as s:
        return s.execute(select(func.count()).select_from(MeetingRollRow)
                         .where(MeetingRollRow.meeting_id == meeting_id)).scalar_one()


def test_a_show_of_hands_answers_with_the_rule_the_article_and_how_many_more_yes_votes(db, coop, assembly):
    arrive(db, coop, assembly, range(1, 11))
    first = list_items(db, coop.id, assembly.id)[0]
    state = record_counts(db, coop.id, first.id, 5, 4, 1)
    result = state.item
    assert (state.attendance.present, state.attendance.quorum.reached) == (10, True)
    assert (result.passed, result.rule, result.needed_to_pass, result.not_voting) == (False, Rule.ORDINARY, 1, 0)
    assert result.majority.ref == law.ORDINARY_MAJORITY.ref and result.article == law.ORDINARY_MAJORITY.ref
    assert result.explanation.english() == "2 × yes (5) ≤ present (10)"
    assert "the motion was rejected" in result.words.english()
    carried = record_counts(db, coop.id, first.id, 6, 3, 0).item  # one did not vote: counts against
    assert (carried.passed, carried.needed_to_pass, carried.not_voting) == (True, 0, 1)


def test_a_roll_call_names_who_present_has_not_voted_yet(db, coop, assembly):
    arrive(db, coop, assembly, range(1, 7))
    add_proxy(db, coop.id, assembly.id, 9, holder=1, written_proof=True)
    plan = list_items(db, coop.id, assembly.id)[2]
    exclude(db, coop.id, plan.id, 2, "이해관계")
    cast_ballot(db, coop.id, plan.id, 1, Choice.YES)
    result = cast_ballot(db, coop.id, plan.id, 9, Choice.NO).item  # the proxy holder votes for member 9
    assert result.roll_call and result.not_voted == (3, 4, 5, 6)  # 2 is excluded, 1 and 9 have voted
    assert (result.present, result.excluded, result.voters) == (7, 1, 6)
    with pytest.raises(Refusal, match="already voted"):
        cast_ballot(db, coop.id, plan.id, 9, Choice.YES)


def test_closing_freezes_the_result_and_stores_the_register_once_per_meeting(db, coop, assembly):
    arrive(db, coop, assembly, range(1, 11))
    # the motions; the officer-election item is held by election, never voted yes or no
    items = [i for i in list_items(db, coop.id, assembly.id) if i.subject is not Subject.OFFICER_ELECTION]
    for i in items:
        record_counts(db, coop.id, i.id, 8, 1, 1)
        close_item(db, coop.id, i.id)
    assert rolls(db, assembly.id) == 1  # three items, one register
    frozen = [frozen_item(db, coop.id, i.id) for i in items]
    assert {f.room.roll for f in frozen} == {frozen[0].room.roll}
    assert frozen[0].roll.keys == tuple(range(1, 16)) and frozen[0].roll.names[7] == "조합원07"
    assert [r.passed for r in closed_results(db, coop.id, assembly.id)] == [True] * 3
    arrive(db, coop, assembly, [11])  # a late arrival changes nothing frozen
    closed = [r for r in meeting_results(db, coop.id, assembly.id) if r.closed]
    assert [(r.present, r.closed) for r in closed] == [(10, True)] * 3


def test_an_expulsion_changes_the_register_and_a_second_roll_is_kept(db, coop, assembly):
    arrive(db, coop, assembly, range(1, 13))
    expulsion = item(db, coop, assembly, Subject.EXPULSION, ResolutionKind.SPECIAL, expel_member=15,
                     grounds_told_on=D(2026, 3, 10), grounds="정당한 사유 없이 1년 이상 조합 사업을 이용하지 않음")
    from coopdesk.services.meetings.agenda import record_hearing

    record_hearing(db, coop.id, expulsion.id)
    record_counts(db, coop.id, expulsion.id, 10, 2, 0)
    state = close_item(db, coop.id, expulsion.id)
    assert state.item.passed and state.attendance.members == 14  # 15 has left this meeting's register
    first = list_items(db, coop.id, assembly.id)[0]
    record_counts(db, coop.id, first.id, 9, 3, 0)
    close_item(db, coop.id, first.id)
    assert rolls(db, assembly.id) == 2
    assert frozen_item(db, coop.id, first.id).roll.keys == tuple(range(1, 15))


def test_a_correction_is_decided_on_the_frozen_counts_and_keeps_the_history(db, coop, assembly):
    arrive(db, coop, assembly, range(1, 11))
    first = list_items(db, coop.id, assembly.id)[0]
    record_counts(db, coop.id, first.id, 6, 4, 0)
    close_item(db, coop.id, first.id)
    arrive(db, coop, assembly, [11, 12])  # the room changes; the frozen counts do not
    corrected = correct_vote(db, coop.id, first.id, 5, 5, 0, "재검표").item
    assert (corrected.present, corrected.passed, corrected.corrections, corrected.closed) == (10, False, 1, True)
    assert [v.reason for v in vote_history(db, coop.id, first.id)] == ["", "재검표"]
    with pytest.raises(Refusal, match="More votes"):
        correct_vote(db, coop.id, first.id, 11, 0, 0, "틀림")  # 11 votes, 10 were present


def test_a_board_decides_by_directors_present_without_proxies(db, coop):
    from coopdesk.domain.officers.terms import Office
    from coopdesk.domain.members.details import MemberDetails
    from coopdesk.services.meetings.attendance import check_in
    from coopdesk.services.meetings.meeting import MeetingInput, create_meeting
    from coopdesk.services.members.member import add_member
    from coopdesk.services.officers.terms import TermInput, add_term

    for n in range(1, 4):
        add_member(db, coop.id, MemberDetails(f"이사{n}", "소비자"), joined_on=D(2025, 1, 10), today=D(2026, 1, 1))
    terms = [add_term(db, coop.id, TermInput(office, D(2026, 1, 1), D(2027, 12, 31), member_number=n),
                      today=D(2026, 1, 1)).id
             for n, office in ((1, Office.CHAIR), (2, Office.DIRECTOR), (3, Office.DIRECTOR))]
    board = create_meeting(db, coop.id, MeetingInput(MeetingKind.BOARD, "이사회", D(2026, 4, 2)))
    decision = item(db, coop, board)
    state = check_in(db, coop.id, board.id, terms[0], item_id=decision.id)
    assert state.attendance.register is Register.DIRECTORS and not state.attendance.proxies_allowed
    assert (state.item.quorum.reached, state.item.quorum.missing) == (False, 1)
    check_in(db, coop.id, board.id, terms[1])
    result = record_counts(db, coop.id, decision.id, 1, 1, 0).item
    assert (result.passed, result.rule, result.needed_to_pass) == (False, Rule.BOARD, 1)
    assert result.majority.summary.startswith("Board decision")
