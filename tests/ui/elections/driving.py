"""Driving the election widgets as people do: keys go to whatever has the focus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from coopdesk.domain.elections.contest import Candidate, Contest, Office

DIRECTORS = Contest(Office.DIRECTOR, 3, (Candidate(1, "김하나"), Candidate(2, "이두리"), Candidate(3, "박세나"),
                                         Candidate(4, "최네모")))
AUDITOR = Contest(Office.AUDITOR, 1, (Candidate(5, "정다섯"),))
ROUND = {10: DIRECTORS, 11: AUDITOR}  # contest id -> contest, in ballot order


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot, key: Qt.Key, times: int = 1) -> None:
    """A key pressed on the keyboard: it goes to the widget with the focus, whichever it is."""
    for _ in range(times):
        qtbot.keyClick(focused(), key)


def activate(qtbot, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def type_into(qtbot, field: QWidget, text: str) -> None:
    """Keys as typed; Hangul arrives as an input method commits it, syllable by syllable."""
    field.setFocus()
    for char in text:
        if char.isascii():
            qtbot.keyClicks(field, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(field, event)
