"""Recording an event in a member's history: admission, withdrawal notice, withdrawal, death.

The status follows from the events.  Expulsion is not offered here: it is decided by a
special resolution of the general assembly (Act art. 25) and will be recorded from the
assembly's result.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain.members.standing import EVENT_LABELS, EventKind, MemberStatus
from coopdesk.i18n import _, current
from coopdesk.services.members.member import MemberView, get_member, record_event
from coopdesk.ui.context import CoopContext
from coopdesk.ui.save_dialog import SaveDialog
from coopdesk.ui.widgets.fields import date_edit, from_qdate

RECORDABLE = (EventKind.ADMITTED, EventKind.WITHDRAWAL_NOTICE, EventKind.WITHDRAWN, EventKind.DECEASED)


class EventDialog(SaveDialog):
    """Record an event; ``saved`` carries the MemberView after it."""

    def __init__(self, context: CoopContext, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("event_dialog")
        self.context = context
        self.number = number
        self.view: MemberView = get_member(context.db, context.coop_id, number)
        self.setWindowTitle(_("Record event"))
        self._build()

    def _build(self) -> None:
        self.kind_combo = QComboBox(self)
        for kind in RECORDABLE:
            self.kind_combo.addItem(_(EVENT_LABELS[kind]), kind.value)
        applicant = self.view.status is MemberStatus.APPLICANT
        start = EventKind.ADMITTED if applicant else EventKind.WITHDRAWAL_NOTICE
        self.kind_combo.setCurrentIndex(RECORDABLE.index(start))
        self.date_edit = date_edit(dt.date.today(), self)
        self.note_edit = QLineEdit(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.kind_combo.currentIndexChanged.connect(self._update_hint)
        self.date_edit.dateChanged.connect(self._update_hint)
        member = QLabel(_("Member {number}: {name} ({status})", number=self.view.number, name=self.view.name,
                          status=_(self.view.status.label)), self)
        form = QFormLayout()
        form.addRow(_("Event:"), self.errors.wrap("kind", self.kind_combo))
        form.addRow(_("Date:"), self.errors.wrap("on", self.date_edit))
        form.addRow(_("Note:"), self.errors.wrap("note", self.note_edit))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button: QPushButton = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(member)
        layout.addWidget(self.errors.general)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self._update_hint()

    def kind(self) -> EventKind:
        return EventKind(self.kind_combo.currentData())

    def set_kind(self, kind: EventKind) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))

    def _update_hint(self) -> None:
        if self.kind() is EventKind.WITHDRAWAL_NOTICE:
            days = self.context.coop.bylaws.withdrawal_notice_days
            takes_effect = from_qdate(self.date_edit.date()) + dt.timedelta(days=days)
            self.hint.setText(_("Under the bylaws the withdrawal takes effect {days} days later, on {date}.",
                                days=days, date=current().date(takes_effect)))
            self.hint.show()
        else:
            self.hint.hide()

    def save(self) -> MemberView:
        return record_event(self.context.db, self.context.coop_id, self.number, self.kind(),
                            from_qdate(self.date_edit.date()), self.note_edit.text())
