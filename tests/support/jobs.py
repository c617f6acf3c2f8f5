"""Waiting for a window's worker thread to end before a test ends.

``ui.workers.run_job`` starts a ``Job`` (a QThread named "job") under the dialog or
window that asked for the work, and deletes it once its thread has finished.  The
dialog's own callback (closing it, showing an error) comes before that, while the
thread is still ending; a test that stops there lets pytest-qt delete the dialog with
the thread still running under it, which aborts the whole test process now and then
under load.  So a test that starts a job waits for it to be gone.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

JOB_TIMEOUT_MS = 30_000


def wait_for_job(qtbot, owner: QObject, timeout: int = JOB_TIMEOUT_MS) -> None:
    """Wait until no job started under ``owner`` is left: its thread has ended and it is deleted."""
    qtbot.waitUntil(lambda: owner.findChild(QObject, "job") is None, timeout=timeout)
