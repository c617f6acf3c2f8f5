"""The plain labels pages are built of: a section heading and a wrapped note."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel


def heading(text: str, *, scale: float, above: int, below: int) -> QLabel:
    """A bold section heading ``scale`` times the text's size, with room ``above`` and ``below`` it."""
    label = QLabel(text)
    label.setContentsMargins(0, above, 0, below)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


def note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label
