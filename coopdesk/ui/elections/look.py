"""How the ballot screen looks: big buttons, bigger headings, coloured lines.

Colours are set through the palette, not a style sheet: on this screen a style sheet set
after the window is shown drops the inherited large font (the line shrinks to the
platform's small size), and a voter would miss the very line that says why.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QLabel, QPushButton, QWidget


def paint(label: QLabel, colour: str) -> None:
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(palette)


def scaled(font: QFont, factor: float, bold: bool = False) -> QFont:
    bigger = QFont(font)
    bigger.setPointSizeF(font.pointSizeF() * factor)
    bigger.setBold(bold)
    return bigger


def big_button(text: str, name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAutoDefault(True)  # Enter presses the button that has the focus, as Space does
    button.setMinimumHeight(64)
    button.setStyleSheet("QPushButton { padding: 8px 28px; } QPushButton:focus { border: 3px solid #1a73e8; }")
    return button
