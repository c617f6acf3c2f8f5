"""Tools: Backup now, Restore from a backup (confirmed), Verify audit log."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox

from coopdesk.domain.members.details import MemberDetails
from coopdesk.services.audit import AuditReport
from coopdesk.services.coops import create_coop
from coopdesk.services.files import Reason, list_backups, open_database
from coopdesk.services.members.listing import list_members
from coopdesk.services.members.member import add_member
from coopdesk.ui.app import create_main_window
from coopdesk.ui.audit_dialog import AuditDialog, verdict
from coopdesk.ui.backups_dialog import BackupsDialog
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


def manual_backups(window) -> list:
    return [b for b in list_backups(window.context.db) if b.reason is Reason.MANUAL]


def answer_confirmation(monkeypatch, answer: QMessageBox.StandardButton) -> list[str]:
    """The user's click on the confirmation question; returns the questions asked."""
    asked: list[str] = []

    def question(parent, title, text, buttons=None, default=None):
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def add_a_member(window) -> None:
    add_member(window.context.db, window.context.coop_id, MemberDetails("김민준", "소비자"),
               joined_on=dt.date(2025, 3, 1))
    window.context.notify("members")


def test_backup_now_makes_a_backup_listed_first_in_the_restore_dialog(window, qtbot):
    window.menu_actions.backup.trigger()
    qtbot.waitUntil(lambda: len(manual_backups(window)) == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Backup made" in window.statusBar().currentMessage(), timeout=WAIT_MS)

    dialog = window.restore_dialog()
    assert isinstance(dialog, BackupsDialog) and dialog.isVisible()
    backups = list_backups(window.context.db)
    assert dialog.table.rowCount() == len(backups) == 2  # the one made on open, and ours
    assert [dialog.table.item(row, 1).text() for row in range(2)] == ["Backup now", "When the file was opened"]
    assert dialog.selected() == backups[0]  # newest first, and chosen


def test_restore_after_confirmation_brings_back_the_state_of_the_backup(window, qtbot, monkeypatch):
    window.backup_now()
    qtbot.waitUntil(lambda: len(manual_backups(window)) == 1, timeout=WAIT_MS)
    add_a_member(window)
    assert window.count_label.text() == "1 member on the register"

    asked = answer_confirmation(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog = window.restore_dialog()
    dialog.restore_button.click()

    assert len(asked) == 1 and "A backup of the file as it is now is made first" in asked[0]
    qtbot.waitUntil(lambda: window.count_label.text() == "0 members on the register", timeout=WAIT_MS)
    assert list_members(window.context.db, window.context.coop_id) == []
    assert window.workspace.members_page.model.total == 0
    # The state before the restore was kept, and can itself be restored.
    [safety] = [b for b in list_backups(window.context.db) if b.reason is Reason.RESTORE]
    kept = sqlite3.connect(safety.path)
    try:
        assert kept.execute("select name from member").fetchall() == [("김민준",)]
    finally:
        kept.close()


def test_restore_answered_no_changes_nothing(window, qtbot, monkeypatch):
    window.backup_now()
    qtbot.waitUntil(lambda: len(manual_backups(window)) == 1, timeout=WAIT_MS)
    add_a_member(window)
    answer_confirmation(monkeypatch, QMessageBox.StandardButton.No)
    dialog = window.restore_dialog()
    dialog.restore_button.click()

    assert dialog.isVisible()  # still there to choose another one, or close
    qtbot.wait(200)
    assert len(list_members(window.context.db, window.context.coop_id)) == 1
    assert not [b for b in list_backups(window.context.db) if b.reason is Reason.RESTORE]


def test_verify_audit_log_reports_a_fresh_file_intact(window, qtbot):
    window.menu_actions.verify_audit.trigger()
    qtbot.waitUntil(lambda: window.findChild(AuditDialog) is not None, timeout=WAIT_MS)
    dialog = window.findChild(AuditDialog)
    assert dialog.report.intact and dialog.report.entries == 1  # the co-op's creation
    assert dialog.verdict.text() == verdict(AuditReport(1, True))
    assert "intact" in dialog.verdict.text()
    assert dialog.entries.rowCount() == 1
    assert [dialog.entries.item(0, c).text() for c in (3, 4)] == ["Co-op created", "Co-op 1"]


def test_verify_audit_log_says_where_the_chain_breaks(window, qtbot):
    add_a_member(window)
    path = window.context.db.path
    window.close_coop()
    tamper = sqlite3.connect(path)  # someone edits the file behind CoopDesk's back
    try:
        tamper.execute("DROP TRIGGER audit_entry_no_update")
        tamper.execute("UPDATE audit_entry SET actor = 'mallory' WHERE id = 2")
        tamper.commit()
    finally:
        tamper.close()
    window.open_target(str(path))

    window.verify_audit()
    qtbot.waitUntil(lambda: window.findChild(AuditDialog) is not None, timeout=WAIT_MS)
    dialog = window.findChild(AuditDialog)
    assert not dialog.report.intact and dialog.report.broken_at == 2
    assert dialog.verdict.text() == ("The audit log is broken at entry 2: "
                                     "This entry was changed after it was written.")


def test_verify_audit_log_lists_a_record_changed_behind_its_back(window, qtbot):
    add_a_member(window)
    path = window.context.db.path
    window.close_coop()
    tamper = sqlite3.connect(path)  # the tables edited directly: the chain itself is untouched
    try:
        tamper.execute("UPDATE member SET name = '홍길동' WHERE number = 1")
        tamper.commit()
    finally:
        tamper.close()
    window.open_target(str(path))

    window.verify_audit()
    qtbot.waitUntil(lambda: window.findChild(AuditDialog) is not None, timeout=WAIT_MS)
    dialog = window.findChild(AuditDialog)
    assert not dialog.report.intact and dialog.report.broken_at is None
    assert dialog.verdict.text().startswith("The audit log does not confirm this file")
    shown = [dialog.differences.item(r).text() for r in range(dialog.differences.count())]
    assert shown == ["member 1, name: the log says “김민준”, the file holds “홍길동”"]
    assert dialog.report.mark.text() in dialog.findChild(type(dialog.verdict), "audit_mark").text()
