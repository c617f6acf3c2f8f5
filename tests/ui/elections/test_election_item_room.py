"""The officer-election item in the meeting room, in Korean: the ballot's main action is in view
without scrolling on a small laptop (1100×720, 1366×768 windows), no yes-or-no vote is offered,
and a yes-or-no vote an older version let through is cleared with a reason, after which the
item holds its election."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from coopdesk import i18n
from coopdesk.domain.meetings.kinds import MeetingKind, Subject
from coopdesk.domain.officers.terms import Office
from coopdesk.services.coops import create_coop, get_coop
from coopdesk.services.elections.candidates import add_candidate
from coopdesk.services.elections.views import CandidateInput, ContestInput
from coopdesk.services.elections.voting import open_voting
from coopdesk.services.meetings.agenda import list_items
from coopdesk.services.meetings.attendance import check_in
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting
from coopdesk.store.models import BallotRow, Member
from coopdesk.ui.context import CoopContext
from coopdesk.ui.meetings.room.item_panel import ELECTION_TAB, VOTE_TAB
from coopdesk.ui.workspace import Workspace
from tests.conftest import sample_profile
from tests.services.elections.helpers import add_members, count_rows, election, hold_assembly, officers_before

# The main window at 1100×720 and 1366×768, less its menu bar and status bar.
SIZES = [(1100, 676), (1366, 714)]


@pytest.fixture
def assembly(sqlite_db):
    i18n.set_language("ko")
    coop = create_coop(sqlite_db, sample_profile(), adopted_on=dt.date(2025, 1, 1))
    add_members(sqlite_db, coop)
    officers_before(sqlite_db, coop)
    _, item_id = hold_assembly(sqlite_db, coop, range(1, 13), {13: 1})
    return coop, item_id


def room_on_the_election(qtbot, db, coop, size):
    workspace = Workspace(CoopContext(db, get_coop(db, coop.id)), area="meetings")
    qtbot.addWidget(workspace)
    workspace.resize(*size)
    workspace.show()
    page = workspace.pages["meetings"]
    page.room_action.trigger()
    room = page.room
    for row in range(room.agenda.count()):
        room.agenda.setCurrentRow(row)
        if room.agenda.current_view().subject is Subject.OFFICER_ELECTION:
            break
    return room


@pytest.mark.parametrize("size", SIZES)
def test_the_ballot_is_opened_without_scrolling_on_a_small_laptop(qtbot, sqlite_db, size):
    """As at the trial: the assembly is today, the election announced ten days ago (the campaign
    limits still apply), voting open."""
    i18n.set_language("ko")
    today = dt.date.today()
    coop = create_coop(sqlite_db, sample_profile(), adopted_on=dt.date(2025, 1, 1))
    add_members(sqlite_db, coop)
    meeting = create_meeting(sqlite_db, coop.id, MeetingInput(MeetingKind.ORDINARY_ASSEMBLY, "2026년 정기총회", today,
                                                              dt.time(19, 0), "조합 사무실", "이사장"),
                             with_standard_agenda=True)
    for n in range(2, 13):
        check_in(sqlite_db, coop.id, meeting.id, n)
    item = next(i for i in list_items(sqlite_db, coop.id, meeting.id) if i.subject is Subject.OFFICER_ELECTION)
    before = today - dt.timedelta(days=10)
    made = election(sqlite_db, coop, item.id, ContestInput(Office.AUDITOR, 1), announced_on=before,
                    candidacy_from=before, candidacy_to=before + dt.timedelta(days=5))
    add_candidate(sqlite_db, coop.id, made.contests[0].id, CandidateInput(before, member_number=10, accepted_on=before))
    open_voting(sqlite_db, coop.id, made.id, [made.contests[0].id])
    room = room_on_the_election(qtbot, sqlite_db, coop, size)
    panel = room.item_panel.election
    assert panel is not None
    main = (panel.unlock.field, panel.unlock.open_button)

    def whole_in_view() -> bool:  # inside the scroll area's view, once the layouts have settled
        return all(w.isVisible() and w.visibleRegion().boundingRect() == w.rect() for w in main)

    qtbot.waitUntil(whole_in_view)
    assert room.item_panel.election_scroll.verticalScrollBar().value() == 0
    assert panel.unlock.open_button.text() == "투표 화면 열기"


def test_a_yes_or_no_vote_on_the_officer_election_is_cleared_in_the_room(qtbot, sqlite_db, assembly):
    coop, item_id = assembly
    with sqlite_db.write() as s:  # what an older version let a secretary record
        member = s.execute(select(Member.id).where(Member.coop_id == coop.id, Member.number == 7)).scalar_one()
        s.add(BallotRow(item_id=item_id, member_id=member, choice="yes", cast_at=dt.datetime(2026, 3, 28, 15)))
    room = room_on_the_election(qtbot, sqlite_db, coop, SIZES[0])
    panel = room.item_panel
    assert not panel.tabs.isTabVisible(VOTE_TAB)  # never a yes-or-no vote on an officer election
    assert panel.tabs.isTabVisible(ELECTION_TAB)
    assert panel.clear_button.isVisible() and not panel.close_button.isVisible()
    assert "찬반 표결이 기록되어" in panel.message.text() and "법 제34조" in panel.message.text()
    assert panel.result_view.verdict.text() == "선출 안 됨"  # never "not elected" as if an election was held

    dialog = panel.clear_vote()
    assert dialog is not None
    dialog.ok_button.click()  # no reason: refused, nothing cleared
    assert dialog.isVisible() and count_rows(sqlite_db, "item_ballot") == 1
    dialog.reason.setText("찬반으로 잘못 기록함")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())

    assert count_rows(sqlite_db, "item_ballot") == 0
    assert not panel.clear_button.isVisible() and panel.close_button.isVisible()
    assert panel.tabs.currentIndex() == ELECTION_TAB and not panel.tabs.isTabVisible(VOTE_TAB)
    assert "이력 기록에 남습니다" in panel.message.text()
