"""Starting the desktop program."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from coopdesk.i18n import LANGUAGES, _
from coopdesk.ui.errors import install_exception_hook, start_logging
from coopdesk.ui.fonts import apply_app_font
from coopdesk.paths import shown_target
from coopdesk.ui.main_window import APP_TITLE, MainWindow
from coopdesk.ui.settings import Settings
from coopdesk.ui.translation import apply_language
from coopdesk.ui.workers import wait_for_detached


def application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv)
    app.setApplicationName(APP_TITLE)
    app.setApplicationDisplayName(APP_TITLE)
    app.setOrganizationName(APP_TITLE)
    return app


OPEN_AFTER_MS = 50


def create_main_window(db_target: str | None = None, language: str | None = None,
                       settings: Settings | None = None, open_later: bool = False) -> MainWindow:
    """The main window, ready to show: fonts, both languages' texts, and the co-op opened.

    ``db_target`` (a co-op file or a PostgreSQL URL) is opened; without it, the file
    open last time, if it is still there; otherwise the welcome screen shows.
    ``language`` overrides the saved setting for this run only.  With ``open_later``
    the file is opened just after the window first shows, its member list first and the
    database layer in a thread after it (``MainWindow.open_first_screen``; start-up time,
    bench/bench_startup.py).
    """
    app = application()
    settings = settings or Settings()
    apply_app_font(app)
    chosen = language if language in LANGUAGES else settings.language
    apply_language(chosen)
    window = MainWindow(settings)
    target, create = (db_target, True) if db_target else (_last_file(settings), False)
    if target and open_later:
        window.statusBar().showMessage(_("Opening {file}\u2026", file=shown_target(target)))
        QTimer.singleShot(0, lambda: _open_now(window, target, create))
    elif target:
        window.open_target(target, create=create)
    return window


def _open_now(window: MainWindow, target: str, create: bool) -> None:
    if window.open_first_screen(target):
        window.statusBar().clearMessage()
        return
    # The ordinary open loads the database layer first: a short wait lets the window paint.
    QTimer.singleShot(OPEN_AFTER_MS, lambda: _open_target(window, target, create))


def _open_target(window: MainWindow, target: str, create: bool) -> None:
    window.open_target(target, create=create)
    window.statusBar().clearMessage()


def _last_file(settings: Settings) -> str:
    last = settings.last_file
    if last and ("://" in last or Path(last).is_file()):
        return last
    return ""


def run_gui(db_target: str | None = None, language: str | None = None) -> int:
    """Start CoopDesk's window; returns the exit status when the window closes."""
    app = application()
    start_logging()
    install_exception_hook()
    window = create_main_window(db_target, language, open_later=True)
    window.show()
    status = app.exec()
    wait_for_detached()
    return status
