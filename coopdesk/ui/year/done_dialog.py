"""Marking a task of the year done: the day it was done and a note.

One service call (``services.year.agenda.mark_done``); a refusal (a day after today, a task
the co-op no longer has) is shown in the dialog and nothing is recorded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from coopdesk.i18n import _
from coopdesk.services.year.agenda import mark_done
from coopdesk.ui.context import CoopContext
from coopdesk.ui.save_dialog import SaveDialog
from coopdesk.ui.widgets.fields import date_edit, from_qdate

MAX_NOTE = 500


class MarkDoneDialog(SaveDialog):
    def __init__(self, context: CoopContext, key: str, what: str, today: Callable[[], dt.date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mark_done_dialog")
        self.setWindowTitle(_("Mark done"))
        self.context, self.key, self._today = context, key, today
        heading = QLabel(what, self)
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: bold;")
        self.date_edit = date_edit(today(), self)
        self.note_edit = QLineEdit(self)
        self.note_edit.setMaxLength(MAX_NOTE)
        self.note_edit.setPlaceholderText(_("What was done, where the paper is (optional)"))
        form = QFormLayout()
        form.addRow(heading)
        form.addRow(_("Done on:"), self.errors.wrap("on", self.date_edit))
        form.addRow(_("Note:"), self.errors.wrap("note", self.note_edit))
        self.lay_out(form, min_width=480)

    def save(self) -> object:
        return mark_done(self.context.db, self.context.coop_id, self.key, on=from_qdate(self.date_edit.date()),
                         note=self.note_edit.text().strip(), today=self._today())
