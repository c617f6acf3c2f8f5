"""Nothing the officers, meetings and co-op profile pages do on the window's thread reads the
whole register: not when they are shown, not after a member changes, not in their forms.

At 100,000 members one read of the register takes seconds; these pages refresh after every
change of a member, so a read there freezes the window each time.  A spy wraps the real
``list_members`` wherever it was imported (the real function still runs, on a real SQLite
file) and counts its calls; as a net for any other reader, it also counts the rows each SQL
statement run on the window's thread fetched from the member table.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import sys
import threading
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import event

from coopdesk.domain.meetings.kinds import MeetingKind, Subject
from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.members.standing import EventKind
from coopdesk.domain.officers.terms import Office
from coopdesk.services.coops import create_coop
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting
from coopdesk.services.meetings.notice import record_notice
from coopdesk.services.members import listing
from coopdesk.services.members.member import (
    NewMember,
    add_member,
    add_members_in,
    edit_member,
    get_member,
    record_event,
)
from coopdesk.services.officers.terms import TermInput, add_term
from coopdesk.store.database import Database
from coopdesk.ui.context import CoopContext
from coopdesk.ui.coop_view import CoopView
from coopdesk.ui.meetings.page import MeetingsPage
from coopdesk.ui.officers.page import OfficersPage
from tests.conftest import sample_profile

TODAY = dt.date.today()
REGISTER = 120  # more than a picker's screenful (50): a whole read stands out
OFFICERS = ("김민준", "이서연", "박도윤", "최하은")
_MEMBER_TABLE = re.compile(r"\bmember\b", re.IGNORECASE)  # not member_type, member_event


class RegisterSpy:
    """Counts ``list_members`` calls and, per SQL statement on the window's thread, the member
    rows fetched."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.list_members_calls = 0
        self.statements: list[list] = []  # [sql, rows fetched]
        self._restore: list[tuple[object, str, Callable]] = []

    def install(self) -> None:
        real = listing.list_members

        def spied(*args, **kwargs):
            self.list_members_calls += 1
            return real(*args, **kwargs)

        for module in [m for name, m in sys.modules.items() if name.startswith("coopdesk") and m is not None]:
            for attr, value in list(vars(module).items()):
                if value is real:
                    setattr(module, attr, spied)
                    self._restore.append((module, attr, real))
        event.listen(self.db.engine, "before_cursor_execute", self._before)

    def remove(self) -> None:
        for module, attr, real in self._restore:
            setattr(module, attr, real)
        event.remove(self.db.engine, "before_cursor_execute", self._before)

    def _before(self, conn, cursor, statement, parameters, context, executemany) -> None:
        if threading.current_thread() is not threading.main_thread() or not _MEMBER_TABLE.search(statement):
            return
        record = [statement, 0]
        self.statements.append(record)

        def counted(_cursor, row):  # the driver's own tuple, counted on its way out
            record[1] += 1
            return row

        cursor.row_factory = counted

    def whole_reads(self) -> list[str]:
        """The statements on the window's thread that fetched a register's worth of members."""
        return [sql for sql, rows in self.statements if rows >= REGISTER // 2]

    def reset(self) -> None:
        self.list_members_calls = 0
        self.statements.clear()


@pytest.fixture
def context(sqlite_db):
    """A co-op of REGISTER members on a real file: a full board and an assembly with its notice."""
    db = sqlite_db
    context = CoopContext(db, create_coop(db, sample_profile(), adopted_on=dt.date(2020, 1, 1)))
    for name in OFFICERS:
        add_member(db, context.coop_id, MemberDetails(name, "소비자"), joined_on=dt.date(2024, 3, 1))
    with db.write() as s:
        add_members_in(s, context.coop_id, [NewMember(MemberDetails(f"조합원{n}", "소비자"), dt.date(2024, 3, 1))
                                            for n in range(len(OFFICERS) + 1, REGISTER + 1)], 30, "test.members")
    start = TODAY - dt.timedelta(days=30)
    for number, office in enumerate((Office.CHAIR, Office.DIRECTOR, Office.DIRECTOR, Office.AUDITOR), start=1):
        add_term(db, context.coop_id, TermInput(office, start, start.replace(year=start.year + 2)
                                                - dt.timedelta(days=1), member_number=number))
    held = TODAY + dt.timedelta(days=20)
    meeting = create_meeting(db, context.coop_id, MeetingInput(MeetingKind.ORDINARY_ASSEMBLY, "정기총회", held),
                             with_standard_agenda=True)
    record_notice(db, context.coop_id, meeting.id, TODAY, "우편")
    return context


@pytest.fixture
def spy(context) -> Iterator[RegisterSpy]:
    watcher = RegisterSpy(context.db)
    watcher.install()
    yield watcher
    watcher.remove()


def show(qtbot, page):
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    return page


def change_a_member(context: CoopContext, number: int, name: str) -> None:
    """What the member form does: save through the service, then tell the other areas."""
    view = get_member(context.db, context.coop_id, number)
    edit_member(context.db, context.coop_id, number, dataclasses.replace(view.details, name=name),
                version=view.version)
    context.notify("members")


def test_the_spy_sees_a_whole_register_read(spy, context):
    """The net is not empty: one read of the register trips both counts."""
    assert len(listing.list_members(context.db, context.coop_id)) == REGISTER
    assert spy.list_members_calls == 1 and len(spy.whole_reads()) == 1


def test_the_pages_shown_and_refreshed_after_member_changes_never_read_the_register(qtbot, spy, context):
    officers = show(qtbot, OfficersPage(context))
    meetings = show(qtbot, MeetingsPage(context))
    profile = show(qtbot, CoopView(context))
    assert meetings.select_meeting(meetings.meetings[0].meeting.id)  # its details show below the list
    assert len(meetings.detail.agenda_shown()) == 4
    assert officers.shown() == list(OFFICERS)

    change_a_member(context, 2, "이서윤")  # a director's name, as the member form saves it
    record_event(context.db, context.coop_id, 30, EventKind.DECEASED, TODAY)  # one fewer on the register
    context.notify("members")
    context.reload_coop()  # every page hears "coop"
    context.notify("meetings")

    qtbot.waitUntil(lambda: officers.shown()[1] == "이서윤")  # the refresh did happen
    assert "meets the Act" in officers.check_label.text()
    assert profile.versions and meetings.meetings
    assert spy.list_members_calls == 0
    assert spy.whole_reads() == []


def type_text(widget, text: str) -> None:
    """Keys as a keyboard sends them, Korean included (QTest.keyClicks knows only ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier,
                                                     char))


def found(picker) -> list[str]:
    return [picker.found.item(r).text() for r in range(picker.found.rowCount())]


# The offscreen platform says these whenever a completer's list pops up: not our warnings.
@pytest.mark.qt_log_ignore(r"does not support raise\(\)", "does not support grabbing the keyboard")
def test_the_forms_find_members_as_typed_without_reading_the_register(qtbot, spy, context):
    officers = show(qtbot, OfficersPage(context))
    dialog = officers.add_term()
    assert dialog.is_member.isChecked()  # there are members on the register
    picker = dialog.member_picker
    QTest.keyClicks(picker, "11")
    assert found(picker) == ["11. 조합원11", *(f"{n}. 조합원{n}" for n in range(110, 120))]
    assert picker.completer().popup().isVisible()
    QTest.keyClick(picker.completer().popup(), Qt.Key.Key_Down)
    QTest.keyClick(picker.completer().popup(), Qt.Key.Key_Return)
    assert picker.text() == "11. 조합원11" and dialog.term_input().member_number == 11
    dialog.reject()

    meetings = show(qtbot, MeetingsPage(context))
    meetings.select_meeting(meetings.meetings[0].meeting.id)
    item = meetings.add_item()
    item.set_subject(Subject.EXPULSION)
    type_text(item.member_picker, "박도")
    assert found(item.member_picker) == ["3. 박도윤"]
    assert item.member_number() is None  # a part of a name is nobody yet
    QTest.keyClick(item.member_picker.completer().popup(), Qt.Key.Key_Down)
    QTest.keyClick(item.member_picker.completer().popup(), Qt.Key.Key_Return)
    assert item.member_number() == 3
    item.member_picker.clear()
    QTest.keyClicks(item.member_picker, "7")
    assert item.member_number() == 7  # typed, not picked: the number names the member
    item.reject()
    assert spy.list_members_calls == 0
    assert spy.whole_reads() == []


def test_a_change_heard_while_the_officers_page_is_hidden_shows_when_it_is_shown(qtbot, context):
    officers = show(qtbot, OfficersPage(context))
    officers.hide()
    change_a_member(context, 1, "김민재")
    qtbot.wait(20)  # the event loop runs: still nothing read while hidden
    assert officers.shown()[0] == "김민준"
    officers.show()
    assert officers.shown()[0] == "김민재"  # shown up to date at once


def test_the_board_rule_follows_the_members_counted_after_a_change(qtbot, sqlite_db):
    context = CoopContext(sqlite_db, create_coop(sqlite_db, sample_profile(), adopted_on=dt.date(2020, 1, 1)))
    for n in range(1, 11):
        add_member(sqlite_db, context.coop_id, MemberDetails(f"조합원{n}", "소비자"), joined_on=dt.date(2024, 3, 1))
    officers = show(qtbot, OfficersPage(context))
    assert "must have a board" in officers.check_label.text()
    record_event(sqlite_db, context.coop_id, 10, EventKind.WITHDRAWN, TODAY)
    context.notify("members")
    qtbot.waitUntil(lambda: "may do without a board" in officers.check_label.text())
