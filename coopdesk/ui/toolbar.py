"""Toolbar actions the pages share."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolBar, QWidget


def add_action(owner: QWidget, bar: QToolBar, text: str, slot: Callable[[], object], name: str) -> QAction:
    """A text action calling ``slot`` with no arguments; ``name`` lets tests find it."""
    action = QAction(text, owner)
    action.setObjectName(name)
    action.triggered.connect(lambda _checked=False: slot())
    bar.addAction(action)
    return action
