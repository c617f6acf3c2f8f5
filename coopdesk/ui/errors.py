"""How the program tells the user that something went wrong.

A refusal (bad input, a rule of the Act) is an ordinary answer: it is shown in the
user's language and nothing was changed.  Anything else is a bug: the one exception
hook writes it to a log file in the user data folder and shows a readable dialog, so a
secretary knows what happened and can send the file, and the work already saved stays.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from coopdesk import paths
from coopdesk.domain.errors import Refusal
from coopdesk.i18n import _, refusal_text

log = logging.getLogger("coopdesk")
_open_boxes: set[QMessageBox] = set()


def log_file() -> Path:
    folder = paths.user_data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "coopdesk.log"


def start_logging() -> logging.Handler:
    """Send the program's log to the log file (appended, one file per user)."""
    handler = logging.FileHandler(log_file(), encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return handler


def show_refusal(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """A refusal from the services, in the user's language.

    The box is window-modal but does not block the caller (``open()``): the refusal is
    the end of the action, and the rest of the program keeps its state.
    """
    box = QMessageBox(QMessageBox.Icon.Warning, _("Not done"), refusal_text(exc),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("refusal")
    return _open(box, parent)


def _open(box: QMessageBox, parent: QWidget | None) -> QMessageBox:
    """Show ``box`` window-modal without waiting for it: the caller's action ends here."""
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is None:  # nothing else keeps a parentless box alive until it is closed
        _open_boxes.add(box)
        box.finished.connect(lambda _result: _open_boxes.discard(box))
    box.open()
    return box


def show_failure(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """Any error from a job: a refusal is explained, anything else is a bug."""
    if isinstance(exc, Refusal):
        return show_refusal(parent, exc)
    return report_bug(type(exc), exc, exc.__traceback__, parent)


def report_bug(kind: type[BaseException], exc: BaseException, tb: TracebackType | None,
               parent: QWidget | None = None) -> QMessageBox:
    log.error("unexpected error", exc_info=(kind, exc, tb))
    box = QMessageBox(QMessageBox.Icon.Critical, _("Something went wrong"),
                      _("CoopDesk met an error it did not expect. What was saved before is safe; "
                        "the action you were doing may not have been completed."),
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName("bug_report")
    box.setInformativeText(_("The details were written to {file}. Please send that file to whoever "
                             "supports your CoopDesk.", file=str(log_file())))
    box.setDetailedText("".join(traceback.format_exception(kind, exc, tb)))
    return _open(box, parent)


def install_exception_hook() -> None:
    """Unhandled errors in slots end here instead of vanishing or ending the program."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        if isinstance(exc, Refusal):  # a refusal that a view forgot to catch is still a refusal
            show_refusal(QApplication.activeWindow(), exc)
            return
        report_bug(kind, exc, tb, QApplication.activeWindow())

    sys.excepthook = hook
