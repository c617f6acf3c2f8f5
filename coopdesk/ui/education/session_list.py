"""The co-op's education sessions, latest first: date, time, kind, topic, hours and attendance."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from coopdesk.i18n import _, current
from coopdesk.services.education.sessions import SessionView
from coopdesk.ui.education.texts import clock, fill_row, hours_text, plain_table

DATE, TIME, KIND, TOPIC, HOURS, ATTENDEES = range(6)


class SessionList:
    """A plain table over a handful of sessions a year; ``table`` is the widget."""

    def __init__(self, parent: QWidget) -> None:
        self.sessions: list[SessionView] = []
        self.table = plain_table([_("Date"), _("Time"), _("Kind"), _("Topic"), _("Hours"), _("Attendees")], TOPIC,
                                 parent)
        self.table.setObjectName("session_table")

    def set_sessions(self, sessions: list[SessionView]) -> None:
        """Show ``sessions``; the chosen one stays chosen, else the first (the latest) is."""
        chosen = self.selected()
        table = self.table
        table.blockSignals(True)
        self.sessions = sessions
        table.setRowCount(len(sessions))
        t = current()
        for row, s in enumerate(sessions):
            d = s.details
            fill_row(table, row, [t.date(d.held_on), f"{clock(d.starts_at)}–{clock(d.ends_at)}", _(d.kind.label),
                                  d.topic, hours_text(s.minutes), t.number(s.attendees)], s.id, right=(HOURS, ATTENDEES))
        table.clearSelection()
        table.blockSignals(False)
        if chosen is None or not self.select(chosen.id):
            if sessions:
                table.selectRow(0)
        table.itemSelectionChanged.emit()

    def selected(self) -> SessionView | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.sessions[rows[0].row()] if rows and rows[0].row() < len(self.sessions) else None

    def select(self, session_id: int) -> bool:
        for row, s in enumerate(self.sessions):
            if s.id == session_id:
                self.table.selectRow(row)
                return True
        return False
