"""How the program tells the user that something went wrong.

A refusal (bad input, a rule of the Act) is an ordinary answer: it is shown in the
user's language and nothing was changed.  A failure of the file, the disk or the server
(read-only, full, damaged, a write at the same moment on another laptop) is explained
in plain words too: nothing was saved, and what to do.  Anything else is a bug: the one
exception hook writes it to a log file in the user data folder and shows a readable
dialog, so a secretary knows what happened and can send the file, and the work already
saved stays.  Neither the dialog nor the log shows the values of the records (members'
names, phones, addresses): see coopdesk.logs.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from coopdesk import logs
from coopdesk.domain.errors import Refusal
from coopdesk.i18n import _, refusal_text

log = logging.getLogger("coopdesk")
_open_boxes: set[QMessageBox] = set()


def log_file() -> Path:
    return logs.log_file()


def start_logging() -> logging.Handler:
    """Send the program's log to the log file (appended, one file per user), without personal values."""
    handler = logs.file_handler()
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
    """Any error from a job: a refusal, a file that could not be used or a failure of the co-op file
    is explained, anything else is a bug."""
    if isinstance(exc, Refusal):
        return show_refusal(parent, exc)
    if isinstance(exc, OSError):
        return show_file_failure(parent, exc)
    box = show_store_failure(parent, exc)
    if box is not None:
        return box
    return report_bug(type(exc), exc, exc.__traceback__, parent)


def show_store_failure(parent: QWidget | None, exc: BaseException) -> QMessageBox | None:
    """The file, the disk or the server stopped the action: say so plainly; None if it is not that.

    Logged like a bug (the detail helps whoever supports the user), shown like a refusal.
    Imported here: the database layer loads after the window shows (start-up time).
    """
    from coopdesk.services.failures import explain

    failure = explain(exc)
    if failure is None:
        return None
    logs.record_failure(exc, "window")
    box = QMessageBox(QMessageBox.Icon.Warning, _("Not done"), _(failure.message, **failure.params),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("store_failure")
    return _open(box, parent)


def show_file_failure(parent: QWidget | None, exc: OSError) -> QMessageBox:
    """A file the action needed could not be read or written (a full or read-only USB stick, a name too
    long for the disk): said plainly, as the command line says it; logged like a bug."""
    from coopdesk.services.failures import file_reason

    logs.record_failure(exc, "window")
    reason = file_reason(exc)
    reason_text = _(reason) if reason else (exc.strerror or str(exc))
    text = (_("The file {file} could not be read or written: {reason}. The co-op's records are as they were.",
              file=str(exc.filename), reason=reason_text) if exc.filename is not None else
            _("A file could not be read or written: {reason}. The co-op's records are as they were.",
              reason=reason_text))
    box = QMessageBox(QMessageBox.Icon.Warning, _("Not done"), text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("file_failure")
    return _open(box, parent)


def report_bug(kind: type[BaseException], exc: BaseException, tb: TracebackType | None,
               parent: QWidget | None = None) -> QMessageBox:
    if exc.__traceback__ is None and tb is not None:
        exc = exc.with_traceback(tb)
    logged = logs.record_failure(exc, "window")
    box = QMessageBox(QMessageBox.Icon.Critical, _("Something went wrong"),
                      _("CoopDesk met an error it did not expect. What was saved before is safe; "
                        "the action you were doing may not have been completed."),
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName("bug_report")
    if logged is not None:
        box.setInformativeText(_("The details were written to {file}. Please send that file to whoever "
                                 "supports your CoopDesk.", file=str(logged)))
    # What the log holds, for whoever is asked for help: never the statement's values.
    box.setDetailedText(logs.describe(exc))
    return _open(box, parent)


def install_exception_hook() -> None:
    """Unhandled errors in slots end here instead of vanishing or ending the program."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        parent = QApplication.activeWindow()
        try:
            if exc.__traceback__ is None and tb is not None:
                exc = exc.with_traceback(tb)
            show_failure(parent, exc)  # a refusal a view forgot to catch is still a refusal
        except Exception:  # noqa: BLE001 - the hook itself must never fail into a raw traceback
            logs.last_resort(exc)

    sys.excepthook = hook


def open_in_viewer(parent: QWidget | None, path: Path) -> bool:
    """Show ``path`` in the system's program for it (a PDF reader, a spreadsheet program).

    When the system has none (``QDesktopServices.openUrl`` says no), the user is told so
    and where the file is, instead of a button that silently does nothing.
    """
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    box = QMessageBox(QMessageBox.Icon.Information, _("CoopDesk"),
                      _("No program to show this file was found on this computer. The file is saved at "
                        "{file}; open it with a PDF reader or a spreadsheet program, or install one "
                        "(for PDF files, for example, Evince or Okular on Linux).", file=str(path)),
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName("no_viewer")
    _open(box, parent)
    return False
