"""One meeting at a glance: its facts, its agenda and the notices recorded.

The agenda's own buttons (add, remove, move) sit under it; the page carries them out.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain.meetings.kinds import ResolutionKind, Subject
from coopdesk.i18n import _, current
from coopdesk.services.meetings.notice import NoticeView
from coopdesk.services.meetings.agenda import ItemView
from coopdesk.services.meetings.meeting import MeetingView
from coopdesk.ui.meetings.summary import AgendaLine, MeetingSummary
from coopdesk.ui.meetings.texts import WARNING_COLOUR, date_text, time_text

POSITION, TITLE, KIND, RESULT = range(4)
SENT_ON, METHOD, REMARK = range(3)
_OPEN_COLOUR, _PASSED_COLOUR = "#555555", "#1b5e20"


def result_text(line: AgendaLine) -> str:
    if not line.item.closed:
        return _("Pending")  # not "Open": in Korean that word is the one for opening a file
    if line.passed is None:
        return _("Closed")
    if line.item.kind is ResolutionKind.ELECTION:  # an election names people: never passed or rejected
        return _("Elected") if line.passed else _("Nobody elected")
    return _("Passed") if line.passed else _("Not passed")


def item_title(item: ItemView) -> str:
    """The title, and for an expulsion the member it is about."""
    if item.subject is Subject.EXPULSION and item.expel_member is not None:
        return _("{title} (member {number})", title=item.title, number=item.expel_member)
    return item.title


def _table(parent: QWidget, headers: list[str], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    compact_rows(table)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def compact_rows(table: QTableWidget) -> None:
    """One line of text per row, as in the member list, without the row numbers."""
    rows = table.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
    rows.hide()


def _cell(text: str, colour: str | None = None, tip: str = "") -> QTableWidgetItem:
    cell = QTableWidgetItem(text)
    if colour:
        cell.setForeground(QColor(colour))
    cell.setToolTip(tip or text)
    return cell


class MeetingDetail(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meeting_detail")
        self.summary: MeetingSummary | None = None
        self.lines: list[AgendaLine] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_facts())
        right = QVBoxLayout()
        right.addWidget(self._build_agenda(), 3)
        right.addWidget(self._build_notices(), 2)
        layout.addLayout(right, 1)

    # -- building --------------------------------------------------------------------------
    def _build_facts(self) -> QGroupBox:
        box = QGroupBox(_("Meeting"), self)
        box.setMinimumWidth(280)
        box.setMaximumWidth(400)
        self.title_label = QLabel(box)
        self.title_label.setObjectName("meeting_title")
        self.title_label.setWordWrap(True)
        font = QFont(self.title_label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title_label.setFont(font)
        self.facts = QFormLayout()
        self.facts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        column = QVBoxLayout(box)
        column.addWidget(self.title_label)
        column.addLayout(self.facts)
        column.addStretch(1)
        return box

    def _build_agenda(self) -> QGroupBox:
        box = QGroupBox(_("Agenda"), self)
        self.agenda_table = _table(box, [_("No."), _("Title"), _("Resolution"), _("Result")], TITLE)
        self.agenda_table.setObjectName("agenda_table")
        self.add_item_button = QPushButton(_("Add item…"), box)
        self.remove_item_button = QPushButton(_("Remove item"), box)
        self.up_button = QPushButton(_("Move up"), box)
        self.down_button = QPushButton(_("Move down"), box)
        self.election_button = QPushButton(_("Election…"), box)
        self.election_button.setObjectName("election_before_day")
        self.election_button.setToolTip(_("Set up the officer election of this item: offices, candidacy, candidates"))
        buttons = QHBoxLayout()
        for button in (self.add_item_button, self.remove_item_button, self.up_button, self.down_button,
                       self.election_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.agenda_error = QLabel(box)
        self.agenda_error.setObjectName("agenda_error")
        self.agenda_error.setWordWrap(True)
        self.agenda_error.setStyleSheet(f"color: {WARNING_COLOUR};")
        self.agenda_error.hide()
        column = QVBoxLayout(box)
        column.addWidget(self.agenda_table, 1)
        column.addLayout(buttons)
        column.addWidget(self.agenda_error)
        return box

    def _build_notices(self) -> QGroupBox:
        box = QGroupBox(_("Notices sent"), self)
        self.notice_table = _table(box, [_("Sent on"), _("How"), _("Note")], REMARK)
        self.notice_table.setObjectName("notice_table")
        column = QVBoxLayout(box)
        column.addWidget(self.notice_table, 1)
        return box

    # -- showing ---------------------------------------------------------------------------
    def show_meeting(self, summary: MeetingSummary | None, lines: list[AgendaLine]) -> None:
        chosen = self.selected_item()
        self.summary, self.lines = summary, lines
        self.agenda_error.hide()
        self._fill_facts(summary.meeting if summary else None)
        self._fill_agenda()
        self._fill_notices(summary.notices if summary else ())
        if chosen is not None:
            self.select_item(chosen.id)

    def _fill_facts(self, m: MeetingView | None) -> None:
        while self.facts.rowCount():
            self.facts.removeRow(0)
        if m is None:
            self.title_label.setText(_("No meeting is chosen. Create one with \u201cNew meeting\u2026\u201d."))
            return
        self.title_label.setText(m.title)
        rows = [(_("Kind of meeting:"), _(m.kind.label)), (_("Date:"), date_text(m.held_on)),
                (_("Starts at:"), time_text(m.starts_at) or _("Not decided yet")), (_("Place:"), m.place),
                (_("Convened by:"), m.convened_by), (_("Chaired by:"), m.chair_name),
                (_("Purpose:"), m.purpose or m.title)]
        for label, value in rows:
            text = QLabel(value or "\u2014", self)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts.addRow(label, text)

    def _kind_label(self, kind: ResolutionKind) -> str:
        """The resolution the room applies (a founding meeting: 2/3 of those present), from the rules."""
        if self.summary is None:
            return kind.label
        return self.summary.meeting.rules.kind_label(kind)

    def _fill_agenda(self) -> None:
        table = self.agenda_table
        table.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            i = line.item
            result = result_text(line)
            colour = _OPEN_COLOUR if not i.closed else (_PASSED_COLOUR if line.passed else
                                                       WARNING_COLOUR if line.passed is False else None)
            cells = [_cell(current().number(i.position)), _cell(item_title(i), tip=i.proposal or i.title),
                     _cell(_(self._kind_label(i.kind))), _cell(result, colour)]
            for column, cell in enumerate(cells):
                cell.setData(Qt.ItemDataRole.UserRole, i.id)
                table.setItem(row, column, cell)

    def _fill_notices(self, notices: tuple[NoticeView, ...]) -> None:
        table = self.notice_table
        table.setRowCount(len(notices))
        for row, n in enumerate(notices):
            remark = n.note
            colour = None
            if n.late_warning:
                remark = " ".join(p for p in (_("Late:"), n.late_warning, n.note) if p)
                colour = WARNING_COLOUR
            for column, cell in enumerate([_cell(date_text(n.sent_on), colour), _cell(n.method, colour),
                                           _cell(remark, colour)]):
                table.setItem(row, column, cell)

    # -- the agenda's selection ------------------------------------------------------------
    def selected_item(self) -> ItemView | None:
        model = self.agenda_table.selectionModel()
        rows = model.selectedRows() if model else []
        return self.lines[rows[0].row()].item if rows and rows[0].row() < len(self.lines) else None

    def select_item(self, item_id: int) -> bool:
        for row, line in enumerate(self.lines):
            if line.item.id == item_id:
                self.agenda_table.selectRow(row)
                return True
        return False

    def agenda_shown(self, column: int = TITLE) -> list[str]:
        t = self.agenda_table
        return [t.item(r, column).text() for r in range(t.rowCount())]

    def notices_shown(self, column: int = REMARK) -> list[str]:
        t = self.notice_table
        return [t.item(r, column).text() for r in range(t.rowCount())]

    def facts_shown(self) -> dict[str, str]:
        shown = {}
        for row in range(self.facts.rowCount()):
            label = self.facts.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            value = self.facts.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
            assert isinstance(label, QLabel) and isinstance(value, QLabel)
            shown[label.text()] = value.text()
        return shown

    def show_agenda_refusal(self, text: str) -> None:
        self.agenda_error.setText(text)
        self.agenda_error.show()
