"""The Qt binding under the program must not corrupt Python's own objects."""

import sys

from PySide6.QtWidgets import QApplication


def test_processing_events_keeps_the_reference_count_of_none(qapp):
    # PySide6 6.12.0 dropped a reference to None per call: a long session, or a long
    # test run, then crashed with "deallocating None" on Python 3.11.
    before = sys.getrefcount(None)
    for _ in range(200):
        QApplication.processEvents()
    assert sys.getrefcount(None) >= before - 20
