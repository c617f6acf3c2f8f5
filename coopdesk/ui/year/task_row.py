"""One task of the year on the page: its date and urgency, what to do and the article, and its buttons.

An open task has "Go to …" (the area that deals with it) and "Mark done…"; a done one says
when and with which note, and has "Undo".  The row only says what was asked (its signals);
the page does it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from coopdesk.domain.year.deadlines import Urgency
from coopdesk.i18n import N_, _, current
from coopdesk.services.year.views import TaskView
from coopdesk.ui.widgets.colours import AMBER, GREEN, GREY, RED
from coopdesk.ui.year.texts import go_to_text, said

URGENCY_LABELS = {Urgency.OVERDUE: N_("Past the deadline"), Urgency.SOON: N_("Due soon"),
                  Urgency.LATER: N_("Later")}
URGENCY_COLOURS = {Urgency.OVERDUE: RED, Urgency.SOON: AMBER, Urgency.LATER: GREY}
DATE_WIDTH = 130


class TaskRow(QFrame):
    go = Signal(str)  # the task's key: go to the area that deals with it
    mark = Signal(str)  # mark it done
    undo = Signal(str)  # it was not done after all

    def __init__(self, task: TaskView, today: dt.date, can_go: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task = task
        deadline = task.deadline
        self.key = deadline.key
        self.setObjectName("task_row")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        t = current()
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 6, 10, 6)
        grid.setHorizontalSpacing(14)
        grid.setColumnMinimumWidth(0, DATE_WIDTH)
        grid.setColumnStretch(1, 1)
        self.date_label = QLabel(t.date(deadline.due_on), self)
        self.what_label = QLabel(said(deadline), self)
        self.what_label.setWordWrap(True)
        self.what_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.article_label = QLabel(deadline.ref.label(t.language), self)
        self.article_label.setStyleSheet(f"color: {GREY};")
        self.state_label = QLabel(self)
        self.state_label.setObjectName("task_state")
        grid.addWidget(self.date_label, 0, 0)
        grid.addWidget(self.state_label, 1, 0)
        grid.addWidget(self.what_label, 0, 1)
        grid.addWidget(self.article_label, 1, 1)
        grid.addLayout(self._buttons(task, can_go), 0, 2, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        if task.done_on is None and deadline.warning:
            self._show_warning()
        elif task.done_on is None and deadline.on_hold:
            self._show_on_hold()
        elif task.done_on is None:
            self._show_open(task.urgency(today))
        else:
            self._show_done(task)

    def _buttons(self, task: TaskView, can_go: bool) -> QHBoxLayout:
        row = QHBoxLayout()
        self.go_button = self._button(go_to_text(task.deadline.area), "task_go", self.go, row)
        self.go_button.setVisible(can_go and task.done_on is None)
        self.done_button = self._button(_("Mark done\u2026"), "task_done", self.mark, row)
        self.done_button.setVisible(task.done_on is None)
        self.undo_button = self._button(_("Undo"), "task_undo", self.undo, row)
        self.undo_button.setVisible(task.done_on is not None)
        return row

    def _button(self, text: str, name: str, signal: SignalInstance, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: signal.emit(self.key))
        row.addWidget(button)
        return button

    def _show_open(self, urgency: Urgency) -> None:
        colour = URGENCY_COLOURS[urgency]
        self.date_label.setStyleSheet(f"font-weight: bold; color: {colour};")
        self.state_label.setText(_(URGENCY_LABELS[urgency]))
        self.state_label.setStyleSheet(f"color: {colour};" + (" font-weight: bold;" if urgency is Urgency.OVERDUE
                                                              else ""))

    def _show_warning(self) -> None:
        """A state to put right now (a board short of directors), not a date to meet."""
        self.date_label.setStyleSheet(f"font-weight: bold; color: {RED};")
        self.state_label.setText(_("To put right now"))
        self.state_label.setStyleSheet(f"color: {RED}; font-weight: bold;")

    def _show_on_hold(self) -> None:
        """Waiting on someone else (a refund withheld while the member owes the co-op): no deadline
        of the co-op's to meet, so neither red nor amber."""
        self.date_label.setStyleSheet(f"color: {GREY};")
        self.state_label.setText(_("Withheld"))
        self.state_label.setStyleSheet(f"color: {GREY}; font-weight: bold;")

    def _show_done(self, task: TaskView) -> None:
        t = current()
        self.date_label.setStyleSheet(f"color: {GREY};")
        self.what_label.setStyleSheet(f"color: {GREY};")
        self.state_label.setText(_("Done {date}", date=t.date(task.done_on)))
        self.state_label.setStyleSheet(f"color: {GREEN};")
        if task.done_note:
            self.article_label.setText(_("{article} · {note}", article=self.article_label.text(),
                                         note=task.done_note))
