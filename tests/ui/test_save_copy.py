"""File ▸ Save a copy…: a complete copy of the open co-op file, wherever the user chooses."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QFileDialog

from coopdesk.domain.members.details import MemberDetails
from coopdesk.services.coops import create_coop
from coopdesk.services.files import open_database
from coopdesk.services.members.listing import list_members
from coopdesk.services.members.member import add_member
from coopdesk.store.coopfile import FileKind, examine
from coopdesk.ui.app import create_main_window
from tests.conftest import sample_profile

WAIT_MS = 10_000


@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "햇살.coopdesk"
    db = open_database(path)
    create_coop(db, sample_profile())
    db.close()
    w = create_main_window(str(path), language="en")
    qtbot.addWidget(w)
    w.show()
    assert w.context is not None
    return w


def test_save_a_copy_writes_the_file_with_the_member_just_added(window, qtbot, tmp_path):
    add_member(window.context.db, window.context.coop_id, MemberDetails("김민준", "소비자"),
               joined_on=dt.date(2025, 3, 1))
    action = window.menu_actions.save_copy
    assert action in window.menu_actions.file_menu.actions() and action.text() == "Save a &copy\u2026"
    assert action.isEnabled()
    action.trigger()
    dialog = window.findChild(QFileDialog, "save_copy_dialog")
    assert dialog is not None and dialog.isVisible()
    target = tmp_path / "usb" / "햇살 copy.coopdesk"
    target.parent.mkdir()
    dialog.selectFile(str(target))
    dialog.accept()

    qtbot.waitUntil(lambda: "A copy of the co-op file was saved" in window.statusBar().currentMessage(),
                    timeout=WAIT_MS)
    assert str(target) in window.statusBar().currentMessage()
    assert examine(target) is FileKind.OURS
    copy = open_database(target)
    try:
        assert [m.name for m in list_members(copy, window.context.coop_id)] == ["김민준"]
    finally:
        copy.close()
    assert window.context.db.path == tmp_path / "햇살.coopdesk"  # work goes on in the original


def test_save_a_copy_is_offered_only_with_a_co_op_file_open(window, db, coop):
    window.close_coop()
    assert not window.menu_actions.save_copy.isEnabled()
    assert window.open_target(db.url)
    offered = window.menu_actions.save_copy
    if db.path is None:  # PostgreSQL: copied on the server
        assert not offered.isEnabled() and "pg_dump" in offered.statusTip()
    else:
        assert offered.isEnabled() and offered.statusTip() == ""
