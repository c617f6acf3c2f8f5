"""Long work off the GUI thread, with a progress dialog and a Cancel button.

The work function gets plain data and a ``progress(done, total) -> bool`` callback and
returns plain data; it raises ``Cancelled`` when progress returns False.  The result or
the error comes back on the GUI thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from coopdesk.domain.errors import Cancelled
from coopdesk.i18n import _

Progress = Callable[[int, int], bool]
_EMIT_EVERY = 0.05  # seconds: enough for a smooth bar without flooding the event queue


class Job(QThread):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self._last_emit = 0.0

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self._work(self._report)
        except BaseException as exc:  # every failure is reported on the GUI thread
            self.failed.emit(exc)
            return
        self.succeeded.emit(result)

    def _report(self, done: int, total: int) -> bool:
        now = time.monotonic()
        if now - self._last_emit >= _EMIT_EVERY or done >= total:
            self._last_emit = now
            self.progressed.emit(done, total)
        return not self._cancel.is_set()


def run_job(
    parent: QWidget,
    label: str,
    work: Callable[[Progress], Any],
    on_success: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    on_cancel: Callable[[], None] | None = None,
) -> Job:
    """Start ``work`` in a thread behind a modal progress dialog with Cancel."""
    dialog = QProgressDialog(label, _("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(_("Please wait"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    job = Job(work, parent)
    job.setObjectName("job")

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, total))

    def finished_with(callback: Callable[[], None]) -> None:
        dialog.close()
        dialog.deleteLater()
        callback()

    def failed(exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            finished_with(on_cancel or (lambda: None))
        else:
            finished_with(lambda: on_error(exc))

    job.progressed.connect(progressed)
    job.succeeded.connect(lambda result: finished_with(lambda: on_success(result)))
    job.failed.connect(failed)
    job.finished.connect(job.deleteLater)
    dialog.canceled.connect(job.cancel)
    job.start()
    return job


_DETACHED: set[Job] = set()


def start_detached(job: Job) -> None:
    """Start a job that belongs to no widget, so it outlives a page rebuilt meanwhile.

    It is kept here until it ends; ``wait_for_detached`` lets the program wait for it
    before quitting, since Qt aborts when a running thread's object is destroyed.
    """
    _DETACHED.add(job)
    job.finished.connect(lambda: _DETACHED.discard(job))
    job.finished.connect(job.deleteLater)
    job.start()


def wait_for_detached() -> None:
    for job in list(_DETACHED):
        job.cancel()
        job.wait()


def wait_for_jobs(owner: QObject) -> None:
    """Before a window goes: let running work end, so no thread outlives its database."""
    for job in owner.findChildren(Job):
        job.cancel()
        job.wait()
    wait_for_detached()
