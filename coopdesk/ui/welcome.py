"""The first screen while no co-op is open: create, open, try the demo, or a recent file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from coopdesk.i18n import _

DEMO_MEMBERS = 15


def display_name(target: str) -> str:
    """A recent file as people recognise it: the file name, or the database URL."""
    return target if "://" in target else Path(target).name


class WelcomePage(QWidget):
    create_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_chosen = Signal(str)

    def __init__(self, recent_files: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        outer.addLayout(column, 3)
        outer.addStretch(1)

        title = QLabel(_("Welcome to CoopDesk"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        column.addWidget(title)
        intro = QLabel(_("The records and papers of a co-operative under the Framework Act on Cooperatives: "
                         "the member register, capital, general assemblies and board meetings, officer "
                         "elections, education and founding. Everything stays on this computer."))
        intro.setObjectName("intro")
        intro.setWordWrap(True)
        column.addWidget(intro)
        column.addSpacing(16)

        self.create_button = self._button(column, _("Create a co-op"), _("A short wizard asks for the "
                                          "co-op's name, kind and bylaws settings."), self.create_requested)
        self.open_button = self._button(column, _("Open a co-op file\u2026"), _("A co-op file made with "
                                        "CoopDesk, on this computer or a USB stick."), self.open_requested)
        self.demo_button = self._button(column, _("Try the demo co-op"), _("A sample co-op with {n} members, "
                                        "in a file of its own, to look around safely.", n=DEMO_MEMBERS),
                                        self.demo_requested)

        self.recent_label = QLabel(_("Recent co-op files"))
        self.recent_label.setFont(QFont(self.recent_label.font().family(), -1, QFont.Weight.Bold))
        column.addSpacing(16)
        column.addWidget(self.recent_label)
        self.recent = QListWidget()
        self.recent.setObjectName("recent_files")
        self.recent.setMaximumHeight(180)
        for target in recent_files:
            item = QListWidgetItem(display_name(target))
            item.setToolTip(target)
            item.setData(Qt.ItemDataRole.UserRole, target)
            self.recent.addItem(item)
        self.recent.itemActivated.connect(
            lambda item: self.recent_chosen.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.recent.setSpacing(3)
        column.addWidget(self.recent)
        self.recent_note = QLabel(_("Double-click a file to open it again."))
        column.addWidget(self.recent_note)
        for widget in (self.recent_label, self.recent, self.recent_note):
            widget.setVisible(bool(recent_files))
        column.addStretch(2)

    def _button(self, column: QVBoxLayout, text: str, explanation: str, signal: Signal) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(40)
        button.clicked.connect(signal)  # a signal-to-signal connection drops 'checked'
        column.addWidget(button)
        note = QLabel(explanation)
        note.setWordWrap(True)
        note.setContentsMargins(4, 0, 4, 8)
        column.addWidget(note)
        return button
