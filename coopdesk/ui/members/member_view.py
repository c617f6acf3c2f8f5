"""One member's page: every detail, the status, and the history of events."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain.members.standing import EVENT_LABELS
from coopdesk.i18n import _, current
from coopdesk.services.members.member import MemberView, event_note, get_member
from coopdesk.ui.context import CoopContext
from coopdesk.ui.members.event_dialog import EventDialog
from coopdesk.ui.members.member_dialog import MemberDialog


class MemberViewDialog(QDialog):
    """Shows a member; Edit and Record event open their dialogs and refresh this one."""

    changed = Signal(object)  # the MemberView after an edit or an event

    def __init__(self, context: CoopContext, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("member_view")
        self.context = context
        self.number = number
        self._build()
        self.show_member(get_member(context.db, context.coop_id, number))

    def _build(self) -> None:
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.details = QFormLayout()
        self.history = QTableWidget(0, 3, self)
        self.history.setObjectName("history")
        self.history.setHorizontalHeaderLabels([_("Date"), _("Event"), _("Note")])
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.history.setWordWrap(False)
        self.history.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history.verticalHeader().hide()
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.edit_button: QPushButton = buttons.addButton(_("Edit…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.event_button: QPushButton = buttons.addButton(_("Record event…"),
                                                           QDialogButtonBox.ButtonRole.ActionRole)
        self.edit_button.clicked.connect(self.edit)
        self.event_button.clicked.connect(self.record_event)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.details)
        heading = QLabel(_("History"), self)
        bold = heading.font()
        bold.setBold(True)
        heading.setFont(bold)
        layout.addWidget(heading)
        layout.addWidget(self.history, 1)
        # the sessions they attended, and a warning while they owe the bylaws' orientation
        from coopdesk.ui.education.member_box import MemberEducationBox

        self.education = MemberEducationBox(self.context, self.number, self)
        layout.addWidget(self.education)
        layout.addWidget(buttons)
        self.resize(560, 600)

    def show_member(self, view: MemberView) -> None:
        self.view = view
        t = current()
        d, st = view.details, view.standing
        self.setWindowTitle(_("Member {number}: {name}", number=view.number, name=d.name))
        self.title.setText(_("Member {number}: {name}", number=view.number, name=d.name))
        while self.details.rowCount():
            self.details.removeRow(0)
        rows = [
            (_("Status:"), _(view.status.label)),
            (_("Member type:"), d.member_type),
            (_("Birth date:"), t.date(d.birth_date) or _("Not given")),
            (_("Phone:"), d.phone),
            (_("E-mail:"), d.email),
            (_("Address:"), d.address),
            (_("Applied on:"), t.date(st.applied_on)),
            (_("Joining date:"), t.date(st.joined_on)),
            (_("Leaves on:") if st.left_on is None else _("Left on:"), t.date(st.left_on or st.leaves_on)),
            (_("Notes:"), d.notes),
        ]
        for caption, value in rows:
            if value:
                label = QLabel(value, self)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                label.setWordWrap(True)
                self.details.addRow(caption, label)
        self._fill_history(view)
        self.event_button.setEnabled(view.standing.left_on is None)

    def _fill_history(self, view: MemberView) -> None:
        t = current()
        self.history.setRowCount(len(view.events))
        for row, event in enumerate(view.events):
            cells = (t.date(event.on), _(EVENT_LABELS[event.kind]), event_note(event))
            for column, text in enumerate(cells):
                self.history.setItem(row, column, QTableWidgetItem(text))

    def history_texts(self) -> list[tuple[str, ...]]:
        """What the history table shows, row by row."""
        table = self.history
        return [tuple(table.item(r, c).text() for c in range(table.columnCount())) for r in range(table.rowCount())]

    def edit(self) -> MemberDialog:
        dialog = MemberDialog(self.context, number=self.number, parent=self)
        dialog.saved.connect(self._changed)
        dialog.open()
        return dialog

    def record_event(self) -> EventDialog:
        dialog = EventDialog(self.context, self.number, parent=self)
        dialog.saved.connect(self._changed)
        dialog.open()
        return dialog

    def _changed(self, view: MemberView) -> None:
        self.show_member(view)
        self.education.reload()  # a new joining date, a withdrawal: the orientation owed follows
        self.changed.emit(view)
