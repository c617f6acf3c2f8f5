"""The Founding page's own actions beyond the founding itself: a consent withdrawn after a dialog
that says what it does (a refusal kept in it, nothing changed), a founding meeting made on the
meetings page linked here, the table sorted by its columns with the selection following, and
the members page refusing a member added by hand while the co-op is being founded."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from coopdesk import i18n
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.i18n import refusal_text
from coopdesk.services.capital.balances import balances
from coopdesk.services.coops import get_coop
from coopdesk.services.founding.people import list_consenters, remove_consenter
from coopdesk.services.founding.start import get_founding
from coopdesk.services.meetings.attendance import check_in
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting
from coopdesk.services.members.listing import count_members
from coopdesk.ui.context import CoopContext
from coopdesk.ui.founding.link_dialog import MEETING_ROLE
from coopdesk.ui.founding.page import CHECKS_TAB, FoundingPage
from coopdesk.ui.founding.people_model import CONSENTED, NAME, NUMBER_ROLE, SHARES
from coopdesk.ui.members.page import MembersPage
from tests.conftest import TODAY
from tests.services.founding.helpers import HELD, gather, name, prepare_meeting, start

D = dt.date


@pytest.fixture
def context(sqlite_db):
    coop_id = start(sqlite_db).coop_id
    gather(sqlite_db, coop_id)
    return CoopContext(sqlite_db, get_coop(sqlite_db, coop_id))


@pytest.fixture
def page(qtbot, context):
    p = FoundingPage(context)
    qtbot.addWidget(p)
    p.resize(1100, 700)
    p.show()
    return p


def numbers(page: FoundingPage) -> list[int]:
    m = page.people_model
    return [m.data(m.index(r, NAME), NUMBER_ROLE) for r in range(m.rowCount())]


def test_a_consent_is_withdrawn_after_the_dialog_says_what_happens(page):
    db, coop_id = page.context.db, page.context.coop_id
    assert page.withdraw_consent() is None  # nobody chosen: the page says so
    assert page.people_error.text() == "Choose a founder or consenter in the list first."
    assert page.select_person(12)
    dialog = page.withdraw_consent()
    assert dialog.isVisible() and dialog.ok_button.text() == "Withdraw consent"
    said = dialog.what.text()
    assert "off the founding meeting's register" in said
    assert "Their subscription of 5 shares (₩50,000) is reversed in the capital ledger." in said
    assert "founders" not in said and "paid in is reversed" not in said  # not a founder, nothing paid
    dialog.day.setDate(QDate(2026, 9, 1))
    dialog.reason.setText("이사")
    dialog.ok_button.click()
    assert not dialog.isVisible(), dialog.errors.message()
    assert 12 not in numbers(page) and page.founding.consenters == 11
    assert [p.number for p in list_consenters(db, coop_id, today=TODAY)] == list(range(1, 12))
    assert {b.number: b.shares for b in balances(db, coop_id, today=TODAY)}[12] == 0  # reversed in the ledger


def test_a_refused_withdrawal_stays_in_the_dialog_and_changes_nothing(page):
    db, coop_id = page.context.db, page.context.coop_id
    prepare_meeting(db, coop_id)
    check_in(db, coop_id, get_founding(db, coop_id, TODAY).meeting.id, 1, at=dt.datetime.combine(HELD, dt.time(14)))
    page.reload()
    assert page.select_person(1)
    dialog = page.withdraw_consent()
    said = dialog.what.text()
    assert "They no longer represent the founders" in said
    dialog.day.setDate(QDate(2026, 9, 1))  # before the meeting, in whose room they are
    dialog.reason.setText("사정")
    dialog.ok_button.click()
    assert dialog.isVisible()
    with pytest.raises(Refusal) as refused:  # the very refusal the service gives, with its article if any
        remove_consenter(db, coop_id, 1, on=D(2026, 9, 1), reason="사정", today=TODAY)
    expected = refusal_text(refused.value)
    assert dialog.errors.message("on") == expected and "in the room" in expected
    assert get_founding(db, coop_id, TODAY).representative == 1 and page.founding.consenters == 12
    assert {b.number: b.shares for b in balances(db, coop_id, today=TODAY)}[1] == 10


def test_a_founding_meeting_made_on_the_meetings_page_is_linked(page):
    db, coop_id = page.context.db, page.context.coop_id
    page.tabs.setCurrentIndex(CHECKS_TAB)
    lone = page.link_meeting()  # nothing to link yet: OK is off, the note says where to make one
    assert not lone.ok_button.isEnabled() and lone.meetings.count() == 0
    assert "Create a meeting of the kind" in lone.note.text()
    lone.reject()
    board = create_meeting(db, coop_id, MeetingInput(MeetingKind.BOARD, "발기인 회의", D(2026, 8, 10)))
    made = create_meeting(db, coop_id, MeetingInput(MeetingKind.FOUNDING, "햇빛 창립총회", HELD, place="마을회관"))
    page.context.notify("meetings")
    assert page.link_button.isEnabled()
    dialog = page.link_meeting()
    items = [dialog.meetings.item(r) for r in range(dialog.meetings.count())]
    assert [i.data(MEETING_ROLE) for i in items] == [made.id, board.id]  # what can be linked first
    assert items[0].flags() & Qt.ItemFlag.ItemIsEnabled and not items[1].flags() & Qt.ItemFlag.ItemIsEnabled
    assert "Only a founding meeting can be the founding's meeting." in items[1].text()
    assert dialog.chosen() == made.id and dialog.ok_button.text() == "Link"
    dialog.ok_button.click()
    assert not dialog.isVisible(), dialog.errors.message()
    assert page.founding.meeting.id == made.id and "햇빛 창립총회" in page.meeting_label.text()
    assert not page.link_button.isEnabled() and not page.meeting_button.isEnabled()


def test_the_table_sorts_by_each_column_and_the_selection_follows(page):
    table = page.people_table
    assert page.select_person(9)
    table.sortByColumn(NAME, Qt.SortOrder.DescendingOrder)
    assert numbers(page) == list(range(12, 0, -1))  # 동의자12 … 동의자01
    assert page.selected_person().number == 9
    table.sortByColumn(SHARES, Qt.SortOrder.AscendingOrder)  # 5 shares, then 10; ties by number
    assert numbers(page) == [8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7]
    table.sortByColumn(CONSENTED, Qt.SortOrder.DescendingOrder)  # 28 August, then 2 August
    assert numbers(page) == [8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7]
    page.reload()  # a reload keeps the order chosen and the person chosen
    assert numbers(page)[0] == 8 and page.selected_person().number == 9
    assert page.people_model.data(page.people_model.index(0, NAME)) == name(8)


@pytest.fixture
def korean():
    i18n.set_language("ko")
    yield
    i18n.set_language("en")


def test_the_members_page_refuses_a_member_added_by_hand_while_founding(qtbot, context, korean):
    members = MembersPage(context)
    qtbot.addWidget(members)
    members.show()
    dialog = members.add_member()
    dialog.name_edit.setText("따로가입")
    dialog.ok_button.click()
    assert dialog.isVisible()  # kept open, nothing added
    shown = dialog.errors.message()
    assert "설립" in shown and "법 제19조①" in shown and context.coop.name in shown
    assert count_members(context.db, context.coop_id) == 0
