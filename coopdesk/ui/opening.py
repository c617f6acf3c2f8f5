"""Opening the database of a co-op shown from its first screen, without freezing the window.

``MainWindow.open_first_screen`` shows a co-op file's member list from a plain read
(``services.members.first_screen``).  Then, once the list has painted, this loads the
database layer (SQLAlchemy and the models: half a second on a slow machine) and opens
the file in a thread: the ordinary open, with its backup of the file as it was found,
which at 100,000 members copies tens of megabytes.  The window stays responsive.  Nothing
writes before that: every change asks ``CoopContext.db``, which waits for the thread, or
opens the file at once if the thread has not started yet.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from coopdesk.domain.errors import Refusal
from coopdesk.ui.workers import Job, start_detached

if TYPE_CHECKING:
    from coopdesk.services.files import Database


class DatabaseOpening(QObject):
    """The database of one co-op file, opened once: ``database()`` gives it (see the module)."""

    ready = Signal()  # the thread has opened the file (or failed to): ask ``database()``
    failed = Signal()  # the file could not be opened (after the caller was told why)

    def __init__(self, target: str, warn: Callable[[Refusal], object], parent: QObject | None = None) -> None:
        """``warn``: told, on the window's thread, when the backup on open could not be made."""
        super().__init__(parent)
        self.target = target
        self._warn = warn
        self._job: Job | None = None  # started by start()
        self._outcome: Database | BaseException | None = None  # set by the thread, or here
        self._done = threading.Event()  # the outcome is set (the job object may be gone by then)
        self._warnings: list[Refusal] = []
        self._taken = False  # database() has given the outcome
        self._discarded = False

    def start(self) -> None:
        """Begin, once, unless the database was needed (and opened) already."""
        if self._job is not None or self._taken or self._discarded:
            return
        # No parent: the thread must finish even if the window goes (start_detached).
        self._job = Job(lambda _progress: self._open())
        self._job.finished.connect(self._opened)
        start_detached(self._job)

    def _opened(self) -> None:
        if not self._discarded:
            self.ready.emit()
        elif not self._taken:
            self._close_unwanted()

    def _open(self) -> None:
        """The ordinary open, on whichever thread runs it; its outcome is kept for database()."""
        from coopdesk.services.members.first_screen import load_layer

        try:
            load_layer()
            from coopdesk.services.files import open_database

            self._outcome = open_database(self.target, backup_on_open=True, warn=self._warnings.append)
        except BaseException as exc:  # noqa: BLE001 - given to whoever asks, on the window's thread
            self._outcome = exc
        finally:
            self._done.set()

    def database(self) -> Database:
        """The opened database: waits for the thread, or opens it now if it has not started.

        Raises the refusal if the file cannot be opened, and then ``failed`` follows.
        """
        if self._taken or self._discarded:
            raise RuntimeError("the database was given already, or is no longer wanted")  # asked once
        from coopdesk.ui.main_window import busy

        with busy():
            if self._job is not None:
                self._done.wait()
            else:
                self._open()
        self._taken = True
        for warning in self._warnings:
            self._warn(warning)
        outcome = self._outcome
        if isinstance(outcome, BaseException):
            if isinstance(outcome, Refusal):
                QTimer.singleShot(0, self, self.failed.emit)  # after the caller has said why
            raise outcome
        assert outcome is not None
        return outcome

    def discard(self) -> None:
        """The co-op was closed before its database was asked for: close it once it is open."""
        if self._taken or self._discarded:
            return
        self._discarded = True  # no more steps; nobody will ask
        if self._job is not None and self._done.is_set():
            self._close_unwanted()
        # else: a running thread's outcome is closed when it ends (_opened)

    def _close_unwanted(self) -> None:
        self._taken = True
        if self._outcome is not None and not isinstance(self._outcome, BaseException):
            self._outcome.close()
