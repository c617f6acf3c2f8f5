"""What changed elsewhere — a ``coopdesk`` command, another laptop on the same server — shows in
the window: View ▸ Reload (F5) reads every page again, keeping the selection, and coming back to
the window reads again if the database changed.  The status bar counts the members on the
register, as the Capital page does, not everyone ever listed.

The other program is a second handle on the same database (SQLite file and PostgreSQL), as a
command or another laptop would hold.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.members.standing import EventKind
from coopdesk.services.capital.ledger import NewSubscription, subscribe_many
from coopdesk.services.coops import create_coop
from coopdesk.services.members.member import add_member, record_event
from coopdesk.ui.app import create_main_window
from coopdesk.ui.translation import apply_language
from tests.conftest import sample_profile

TODAY = dt.date.today()
JOINED = dt.date(2025, 1, 2)


@pytest.fixture
def elsewhere(db):
    """The database as a command or another laptop holds it: a co-op of 10 members, no capital."""
    info = create_coop(db, sample_profile(), adopted_on=dt.date(2025, 1, 1))
    for n in range(1, 11):
        add_member(db, info.id, MemberDetails(f"조합원{n:02d}", "소비자"), joined_on=JOINED, today=TODAY)
    return db, info


@pytest.fixture
def window(qtbot, elsewhere):
    db, _info = elsewhere
    w = create_main_window(language="en")
    qtbot.addWidget(w)
    w.show()
    assert w.open_target(db.url)
    yield w
    apply_language("en")


def subscribe_elsewhere(db, coop_id: int, shares: int = 10) -> None:
    subscribe_many(db, coop_id, [NewSubscription(n, shares, JOINED) for n in range(1, 11)], today=TODAY)


def test_f5_shows_the_capital_a_command_recorded_and_keeps_the_member_chosen(window, elsewhere, qtbot):
    db, info = elsewhere
    window.workspace.show_area("capital")
    page = window.workspace.pages["capital"]
    assert page.head.values["shares"].text().startswith("0 shares")
    assert page.select_number(3)
    subscribe_elsewhere(db, info.id)  # `coopdesk capital import`, in another program
    window.workspace.show_area("members")
    window.workspace.show_area("capital")
    assert page.head.values["shares"].text().startswith("0 shares")  # switching areas reads nothing
    assert window.menu_actions.reload.shortcut() == QKeySequence(QKeySequence.StandardKey.Refresh)
    assert QKeySequence("F5") in QKeySequence.keyBindings(QKeySequence.StandardKey.Refresh)
    window.menu_actions.reload.trigger()
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    assert page.head.values["shares"].text().startswith("100 shares")
    assert page.selected_number() == 3  # still the member the secretary was looking at
    assert [e.kind.value for e in page.ledger.ledger.entries] == ["subscription"]


def test_f5_reads_the_member_list_the_meetings_and_the_status_bar_again(window, elsewhere, qtbot):
    from coopdesk.domain.meetings.kinds import MeetingKind
    from coopdesk.services.meetings.meeting import MeetingInput, create_meeting

    db, info = elsewhere
    members = window.workspace.members_page
    assert members.select_number(4)
    window.workspace.show_area("meetings")
    meetings = window.workspace.pages["meetings"]
    assert window.count_label.text() == "10 members on the register"
    add_member(db, info.id, MemberDetails("김새봄", "소비자"), joined_on=TODAY, today=TODAY)
    record_event(db, info.id, 2, EventKind.DECEASED, TODAY, today=TODAY)
    create_meeting(db, info.id, MeetingInput(MeetingKind.ORDINARY_ASSEMBLY, "정기총회", TODAY + dt.timedelta(days=30)))
    window.menu_actions.reload.trigger()
    assert [m.meeting.title for m in meetings.meetings] == ["정기총회"]
    qtbot.waitUntil(lambda: members.model.total == 11, timeout=10_000)
    assert members.selected_number() == 4
    assert window.count_label.text() == "10 members on the register"  # one joined, one died


def test_coming_back_to_the_window_reads_what_changed_meanwhile(window, elsewhere, qtbot):
    db, info = elsewhere
    window.workspace.show_area("capital")
    page = window.workspace.pages["capital"]
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))  # nothing changed: nothing read
    qtbot.wait(50)
    assert page.head.values["shares"].text().startswith("0 shares")
    subscribe_elsewhere(db, info.id)
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))  # back from the terminal
    qtbot.waitUntil(lambda: page.head.values["shares"].text().startswith("100 shares"), timeout=10_000)


def test_a_change_made_in_the_window_is_not_read_again_on_coming_back(window, elsewhere, qtbot):
    page = window.workspace.members_page
    reads = []
    page.model.filtered.connect(lambda: reads.append(1))
    add_member(window.context.db, window.context.coop_id, MemberDetails("김새봄", "소비자"), joined_on=TODAY,
               today=TODAY)  # as the member dialog saves, here
    window.context.notify("members")  # and tells the pages
    reads.clear()
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))
    qtbot.wait(50)
    assert reads == []


def test_the_status_bar_counts_only_members_on_the_register(qtbot, sqlite_db):
    info = create_coop(sqlite_db, sample_profile(), adopted_on=dt.date(2025, 1, 1))
    for n in range(1, 6):
        add_member(sqlite_db, info.id, MemberDetails(f"조합원{n:02d}", "소비자"), joined_on=JOINED, today=TODAY)
    record_event(sqlite_db, info.id, 5, EventKind.DECEASED, TODAY, today=TODAY)
    path = sqlite_db.path
    sqlite_db.close()
    window = create_main_window(language="ko")
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.open_target(str(path))
        assert window.workspace.members_page.model.total == 5  # the list shows everyone ever listed
        assert window.count_label.text() == "명부상 조합원 4명"  # the Capital page's words
    finally:
        apply_language("en")


def test_the_first_screen_counts_the_register_before_the_database_opens(qtbot, sqlite_db):
    info = create_coop(sqlite_db, sample_profile(), adopted_on=dt.date(2025, 1, 1))
    for n in range(1, 4):
        add_member(sqlite_db, info.id, MemberDetails(f"조합원{n:02d}", "소비자"), joined_on=JOINED, today=TODAY)
    record_event(sqlite_db, info.id, 1, EventKind.DECEASED, TODAY, today=TODAY)
    path = sqlite_db.path
    sqlite_db.close()
    window = create_main_window(language="en")
    qtbot.addWidget(window)
    window.show()
    assert window.open_first_screen(str(path))
    assert not window.context.is_open and window.count_label.text() == "2 members on the register"
    qtbot.waitUntil(lambda: window.context.is_open, timeout=30_000)
    window.menu_actions.reload.trigger()
    assert window.count_label.text() == "2 members on the register"


def test_reload_is_in_the_view_menu_in_korean(window):
    window.set_language("ko")
    assert window.menu_actions.view_menu.title() == "보기(&V)"
    assert window.menu_actions.reload.text() == "새로 고침(&R)" and window.menu_actions.reload.isEnabled()
    window.close_coop()
    assert not window.menu_actions.reload.isEnabled()


def test_f5_shows_an_officer_recorded_elsewhere(window, elsewhere, qtbot):
    from coopdesk.domain.officers.terms import Office
    from coopdesk.services.officers.terms import TermInput, add_term, term_end

    db, info = elsewhere
    window.workspace.show_area("officers")
    page = window.workspace.pages["officers"]
    assert page.table.rowCount() == 0
    start = TODAY - dt.timedelta(days=30)
    add_term(db, info.id, TermInput(Office.CHAIR, start, term_end(start, 2), member_number=1))
    window.menu_actions.reload.trigger()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10_000)
    assert page.table.item(0, 1).text() == "조합원01"
