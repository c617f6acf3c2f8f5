"""Starting the desktop program."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from coopdesk.i18n import LANGUAGES
from coopdesk.ui.errors import install_exception_hook, start_logging
from coopdesk.ui.fonts import apply_app_font
from coopdesk.ui.main_window import APP_TITLE, MainWindow
from coopdesk.ui.settings import Settings
from coopdesk.ui.translation import apply_language


def application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv)
    app.setApplicationName(APP_TITLE)
    app.setApplicationDisplayName(APP_TITLE)
    app.setOrganizationName(APP_TITLE)
    return app


def create_main_window(db_target: str | None = None, language: str | None = None,
                       settings: Settings | None = None) -> MainWindow:
    """The main window, ready to show: fonts, both languages' texts, and the co-op opened.

    ``db_target`` (a co-op file or a PostgreSQL URL) is opened; without it, the file
    open last time, if it is still there; otherwise the welcome screen shows.
    ``language`` overrides the saved setting for this run only.
    """
    app = application()
    settings = settings or Settings()
    apply_app_font(app)
    chosen = language if language in LANGUAGES else settings.language
    apply_language(chosen)
    window = MainWindow(settings)
    if db_target:
        window.open_target(db_target, create=True)
    elif _last_file(settings):
        window.open_target(_last_file(settings))
    return window


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
    window = create_main_window(db_target, language)
    window.show()
    return app.exec()
