"""The list of the co-op's meetings: date, kind, title, how far the agenda is, and the notice."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from coopdesk.i18n import _, current
from coopdesk.ui.meetings.detail import compact_rows
from coopdesk.ui.meetings.summary import MeetingSummary
from coopdesk.ui.meetings.texts import WARNING_COLOUR, date_text

DATE, KIND, TITLE, AGENDA, NOTICE = range(5)
_NOT_YET = "#777777"


class MeetingList(QTableWidget):
    """A handful of meetings a year: a plain table widget is enough."""

    opened = Signal()  # Enter or a double click on a meeting

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName("meeting_table")
        self.meetings: list[MeetingSummary] = []
        self.setHorizontalHeaderLabels([_("Date"), _("Kind"), _("Title"), _("Agenda"), _("Meeting notice")])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        compact_rows(self)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.doubleClicked.connect(lambda _index: self.opened.emit())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # the keyboard's double click
            QShortcut(QKeySequence(key), self, self.opened.emit, context=Qt.ShortcutContext.WidgetShortcut)

    def set_meetings(self, meetings: list[MeetingSummary]) -> None:
        """Show ``meetings``; the chosen one stays chosen, else the first (the latest) is."""
        chosen = self.selected_summary()
        self.blockSignals(True)
        self.meetings = meetings
        self.setRowCount(len(meetings))
        for row, s in enumerate(meetings):
            self._fill_row(row, s)
        self.clearSelection()
        self.blockSignals(False)
        if chosen is None or not self.select_meeting(chosen.meeting.id):
            if meetings:
                self.selectRow(0)
        self.itemSelectionChanged.emit()

    def _fill_row(self, row: int, s: MeetingSummary) -> None:
        m = s.meeting
        notice, colour = notice_text(s)
        agenda = (_("{closed} of {total} closed", closed=current().number(s.closed_items),
                    total=current().number(len(s.items))) if s.items else _("No items yet"))
        cells = [(date_text(m.held_on), None), (_(m.kind.label), None), (m.title, None), (agenda, None),
                 (notice, colour)]
        for column, (text, colour) in enumerate(cells):
            cell = QTableWidgetItem(text)
            cell.setData(Qt.ItemDataRole.UserRole, m.id)
            if colour:
                cell.setForeground(QColor(colour))
            self.setItem(row, column, cell)

    def selected_summary(self) -> MeetingSummary | None:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        return self.meetings[rows[0].row()] if rows and rows[0].row() < len(self.meetings) else None

    def select_meeting(self, meeting_id: int) -> bool:
        for row, s in enumerate(self.meetings):
            if s.meeting.id == meeting_id:
                self.selectRow(row)
                return True
        return False

    def shown(self, column: int = TITLE) -> list[str]:
        return [self.item(r, column).text() for r in range(self.rowCount())]


def notice_text(s: MeetingSummary) -> tuple[str, str | None]:
    """Whether the notice went out, and on time: a late reminder does not undo an earlier notice."""
    if not s.notices:
        return _("Not sent"), _NOT_YET
    on_time = s.first_on_time
    if on_time is None:
        return _("Sent late, {date}", date=date_text(s.notices[0].sent_on)), WARNING_COLOUR
    return _("Sent {date}", date=date_text(on_time.sent_on)), None
