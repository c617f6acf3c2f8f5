"""Recording a session, or correcting one: kind, topic, day, start and end, and the rest.

The hours are never typed: the line under the times says them as the times change, and
says so in red when the end is not after the start.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QWidget,
)

from coopdesk.domain.education.sessions import (
    ORGANISER_LABELS,
    Organiser,
    SessionDetails,
    SessionKind,
)
from coopdesk.i18n import _
from coopdesk.services.education.sessions import (
    SessionView,
    edit_session,
    record_session,
)
from coopdesk.ui.context import CoopContext
from coopdesk.ui.education.texts import OK_COLOUR, WARNING_COLOUR, hours_text
from coopdesk.ui.meetings.widgets import FormDialog, multiline
from coopdesk.ui.widgets.fields import date_edit, from_qdate, to_qdate

DEFAULT_START, DEFAULT_END = dt.time(14, 0), dt.time(16, 0)


def time_edit(value: dt.time, parent: QWidget) -> QTimeEdit:
    edit = QTimeEdit(parent)
    edit.setDisplayFormat("HH:mm")
    edit.setTime(QTime(value.hour, value.minute))
    return edit


class SessionDialog(FormDialog):
    """``session`` None records a new session; otherwise corrects that one."""

    def __init__(self, context: CoopContext, session: SessionView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("session_dialog")
        self.context = context
        self.session = session
        self._build()
        self.setWindowTitle(_("New education session") if session is None else _("Change session"))
        if session is not None:
            self.set_details(session.details)
        self._times_changed()

    def _build(self) -> None:
        self.kind_combo = QComboBox(self)
        for kind in SessionKind:
            self.kind_combo.addItem(_(kind.label), kind.value)
        self.topic_edit = QLineEdit(self)
        self.topic_edit.setPlaceholderText(_("What the session is about"))
        self.date_edit = date_edit(dt.date.today(), self)
        self.start_edit = time_edit(DEFAULT_START, self)
        self.end_edit = time_edit(DEFAULT_END, self)
        self.hours_label = QLabel(self)
        self.hours_label.setObjectName("hours_label")
        times = QWidget(self)
        row = QHBoxLayout(times)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.start_edit, QLabel("~", times), self.end_edit, self.hours_label):
            row.addWidget(widget)
        row.addStretch(1)
        self.place_edit = QLineEdit(self.context.coop.main_office, self)
        self.instructor_edit = QLineEdit(self)
        self.organiser_combo = QComboBox(self)
        for organiser in Organiser:
            self.organiser_combo.addItem(_(ORGANISER_LABELS[organiser]), organiser.value)
        self.materials_edit = multiline(self, 3)
        self.materials_edit.setPlaceholderText(_("Handouts, slides, books used"))
        form = QFormLayout()
        wrap = self.errors.wrap
        form.addRow(_("Kind:"), wrap("kind", self.kind_combo))
        form.addRow(_("Topic:"), wrap("topic", self.topic_edit))
        form.addRow(_("Date:"), wrap("session_date", self.date_edit))
        form.addRow(_("Time:"), wrap("ends_at", times))
        form.addRow(_("Place:"), wrap("place", self.place_edit))
        form.addRow(_("Instructor:"), wrap("instructor", self.instructor_edit))
        form.addRow(_("Organised by:"), wrap("organiser", self.organiser_combo))
        form.addRow(_("Materials:"), wrap("materials", self.materials_edit))
        self.lay_out_below([form], min_width=540)
        self.start_edit.timeChanged.connect(self._times_changed)
        self.end_edit.timeChanged.connect(self._times_changed)

    def _times_changed(self) -> None:
        minutes = self.details().minutes
        if minutes > 0:
            self.hours_label.setText(hours_text(minutes))
            self.hours_label.setStyleSheet(f"color: {OK_COLOUR};")
        else:
            self.hours_label.setText(_("ends before it starts"))
            self.hours_label.setStyleSheet(f"color: {WARNING_COLOUR}; font-weight: bold;")

    # -- values ----------------------------------------------------------------------------
    def details(self) -> SessionDetails:
        start, end = self.start_edit.time(), self.end_edit.time()
        return SessionDetails(
            SessionKind(self.kind_combo.currentData()), self.topic_edit.text(), from_qdate(self.date_edit.date()),
            dt.time(start.hour(), start.minute()), dt.time(end.hour(), end.minute()), self.place_edit.text(),
            self.instructor_edit.text(), Organiser(self.organiser_combo.currentData()),
            self.materials_edit.toPlainText())

    def set_details(self, d: SessionDetails) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(d.kind.value))
        self.topic_edit.setText(d.topic)
        self.date_edit.setDate(to_qdate(d.held_on))
        self.start_edit.setTime(QTime(d.starts_at.hour, d.starts_at.minute))
        self.end_edit.setTime(QTime(d.ends_at.hour, d.ends_at.minute))
        self.place_edit.setText(d.place)
        self.instructor_edit.setText(d.instructor)
        self.organiser_combo.setCurrentIndex(self.organiser_combo.findData(d.organiser.value))
        self.materials_edit.setPlainText(d.materials)

    def save(self) -> SessionView:
        db, coop_id = self.context.db, self.context.coop_id
        if self.session is None:
            return record_session(db, coop_id, self.details())
        return edit_session(db, coop_id, self.session.id, self.details())
