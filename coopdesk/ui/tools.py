"""The Tools menu's work, and the demo co-op: each runs off the GUI thread.

Backups copy the whole file and the audit check reads every entry, which takes a
moment on a large co-op, so they run as jobs behind a progress dialog.
"""

from __future__ import annotations

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
from coopdesk.ui.wizard import remove_new_file
from coopdesk.ui.workers import Job, Progress, run_job, wait_for_detached

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
    """The demo co-op, in a new file of its own in the user's co-op folder."""
    from coopdesk.services.demo import create_demo  # loaded when asked for, not at every start

    path = files.default_file_for(_("Demo co-op"))
    try:
        db = files.open_database(path)
    except Refusal as refusal:
        show_refusal(window, refusal)
        return None

    def discard() -> None:
        db.close()
        remove_new_file(path)

    def failed(exc: BaseException) -> None:
        discard()
        show_failure(window, exc)

    return run_job(window, _("Making the demo co-op\u2026"),
                   lambda progress: create_demo(db, members=DEMO_MEMBERS, progress=progress),
                   lambda coop: window.adopt(db, coop, str(path)), failed, discard)


def wait_for_jobs(window: MainWindow) -> None:
    """Before the window goes: let running work end, so no thread outlives its database."""
    for job in window.findChildren(Job):
        job.cancel()
        job.wait()
    wait_for_detached()
