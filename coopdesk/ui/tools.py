"""The Tools menu's work, Save a copy, and the demo co-op: each runs off the GUI thread.

Backups copy the whole file and the audit check reads every entry, which takes a
moment on a large co-op, so they run as jobs behind a progress dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from coopdesk.domain.errors import Refusal
from coopdesk.i18n import _
from coopdesk.services import audit, files
from coopdesk.services.files import BackupFile
from coopdesk.ui.audit_dialog import AuditDialog
from coopdesk.ui.backups_dialog import BackupsDialog
from coopdesk.ui.errors import show_failure, show_refusal
from coopdesk.ui.welcome import DEMO_MEMBERS
from coopdesk.ui.workers import Job, Progress, run_job

if TYPE_CHECKING:
    from coopdesk.ui.main_window import MainWindow

MESSAGE_MS = 10_000  # how long a result stays in the status bar


def backup_now(window: MainWindow) -> Job | None:
    if window.context is None:
        return None
    db = window.context.db

    def made(backup: BackupFile) -> None:
        window.statusBar().showMessage(_("Backup made: {file}", file=backup.path.name), MESSAGE_MS)

    return run_job(window, _("Making a backup\u2026"), lambda _progress: files.backup_now(db), made,
                   lambda exc: show_failure(window, exc))


def restore_dialog(window: MainWindow) -> BackupsDialog | None:
    if window.context is None:
        return None
    try:
        backups = files.list_backups(window.context.db)
    except Refusal as refusal:
        show_refusal(window, refusal)
        return None
    dialog = BackupsDialog(backups, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: restore(window, dialog.chosen) if dialog.chosen else None)
    dialog.open()
    return dialog


def restore(window: MainWindow, backup: BackupFile) -> Job | None:
    """Put ``backup`` in place of the open file (the user has confirmed), then reload."""
    if window.context is None:
        return None
    db = window.context.db

    def restored(safety: BackupFile) -> None:
        window.reload_after_restore()
        window.statusBar().showMessage(
            _("The backup was restored. The file as it was before is kept as the backup {file}.",
              file=safety.path.name), MESSAGE_MS)

    return run_job(window, _("Restoring the backup\u2026"), lambda _progress: files.restore(db, backup.path),
                   restored, lambda exc: show_failure(window, exc))


def verify_audit(window: MainWindow) -> Job | None:
    if window.context is None:
        return None
    db = window.context.db

    def show(result: tuple[audit.AuditReport, list[audit.AuditView]]) -> None:
        dialog = AuditDialog(result[0], result[1], window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def check(_progress: Progress) -> tuple[audit.AuditReport, list[audit.AuditView]]:
        return audit.verify(db), audit.recent(db)

    return run_job(window, _("Checking the audit log\u2026"), check, show, lambda exc: show_failure(window, exc))


def make_demo(window: MainWindow) -> Job | None:
    """The demo co-op, in a new file of its own in the user's co-op folder.

    The file gets its name only once the demo in it is complete: Cancel, an error or a
    program that is killed leaves nothing behind (``services.demo.create_demo_in``).
    """
    from coopdesk.services.demo import create_demo_in  # loaded when asked for, not at every start

    def made(demo: files.Made) -> None:
        try:
            db = files.open_database(demo.target)
        except Refusal as refusal:
            show_refusal(window, refusal)
            return
        window.adopt(db, demo.result, demo.target)

    return run_job(window, _("Making the demo co-op\u2026"),
                   lambda progress: create_demo_in(None, DEMO_MEMBERS, name=_("Demo co-op"), progress=progress),
                   made, lambda exc: show_failure(window, exc))


def save_copy(window: MainWindow, target: Path) -> Job | None:
    """File ▸ Save a copy: a complete copy of the open file at ``target``; work goes on here.

    The file dialog has asked before replacing a file, so a file there is replaced.
    """
    if window.context is None:
        return None
    db = window.context.db

    def saved(copy: Path) -> None:
        window.statusBar().showMessage(_("A copy of the co-op file was saved: {file}", file=str(copy)), MESSAGE_MS)

    return run_job(window, _("Saving a copy\u2026"),
                   lambda progress: files.save_copy(db, target, replace=True, progress=progress),
                   saved, lambda exc: show_failure(window, exc))
