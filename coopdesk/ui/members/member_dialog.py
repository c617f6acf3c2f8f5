"""Adding a member to the register, or changing a member's details.

The dialog saves through the services when OK is pressed.  A refusal is shown next to
the field it names and the dialog stays open: nothing is saved until every field is
right.  Joining and leaving are events (see ``event_dialog``), so editing a member does
not touch the dates; adding one records the admission, or only the application.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from coopdesk.domain.members.details import MAX_NAME, MAX_TEXT, MemberDetails
from coopdesk.i18n import _
from coopdesk.services.members.member import MemberView, add_member, edit_member, get_member
from coopdesk.ui.context import CoopContext
from coopdesk.ui.save_dialog import SaveDialog
from coopdesk.ui.widgets.fields import OptionalDate, date_edit, from_qdate

_BIRTH_FALLBACK = dt.date(1980, 1, 1)  # where the calendar opens when a birth date is first given


class MemberDialog(SaveDialog):
    """``number`` None adds a new member; otherwise edits that member's details."""

    def __init__(self, context: CoopContext, number: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("member_dialog")
        self.context = context
        self.number = number
        self.view: MemberView | None = None
        self._build()
        if number is None:
            self.setWindowTitle(_("Add member"))
        else:
            self.read = get_member(context.db, context.coop_id, number)  # its version guards the save
            self._fill(self.read)

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(MAX_NAME)
        self.type_combo = QComboBox(self)
        self.type_combo.addItems(list(self.context.coop.member_types))
        self.birth_date = OptionalDate(_BIRTH_FALLBACK, self)
        self.phone_edit = QLineEdit(self)
        self.phone_edit.setPlaceholderText("010-1234-5678")
        self.email_edit = QLineEdit(self)
        self.address_edit = QLineEdit(self)
        self.address_edit.setMaxLength(MAX_TEXT)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.fontMetrics().height() * 5)
        form = QFormLayout()
        wrap = self.errors.wrap
        form.addRow(_("Name:"), wrap("name", self.name_edit))
        form.addRow(_("Member type:"), wrap("member_type", self.type_combo))
        form.addRow(_("Birth date:"), wrap("birth_date", self.birth_date))
        form.addRow(_("Phone:"), wrap("phone", self.phone_edit))
        form.addRow(_("E-mail:"), wrap("email", self.email_edit))
        form.addRow(_("Address:"), wrap("address", self.address_edit))
        if self.number is None:
            self._build_dates(form)
        form.addRow(_("Notes:"), wrap("notes", self.notes_edit))
        self.lay_out(form, min_width=480)

    def _build_dates(self, form: QFormLayout) -> None:
        today = dt.date.today()
        self.joined_edit = date_edit(today, self)
        self.application_only = QCheckBox(_("Application only (not yet admitted)"), self)
        self.applied_edit = date_edit(today, self)
        self.application_only.toggled.connect(self._sync_dates)
        form.addRow(_("Joining date:"), self.errors.wrap("joined_on", self.joined_edit))
        form.addRow("", self.application_only)
        form.addRow(_("Application date:"), self.errors.wrap("applied_on", self.applied_edit))
        self._sync_dates()

    def _sync_dates(self) -> None:
        only = self.application_only.isChecked()
        self.joined_edit.setEnabled(not only)
        self.applied_edit.setEnabled(only)

    def _fill(self, view: MemberView) -> None:
        d = view.details
        self.setWindowTitle(_("Member {number}: {name}", number=view.number, name=d.name))
        self.name_edit.setText(d.name)
        if self.type_combo.findText(d.member_type) < 0:  # a type the co-op no longer lists
            self.type_combo.addItem(d.member_type)
        self.type_combo.setCurrentText(d.member_type)
        self.birth_date.set_value(d.birth_date)
        self.phone_edit.setText(d.phone)
        self.email_edit.setText(d.email)
        self.address_edit.setText(d.address)
        self.notes_edit.setPlainText(d.notes)

    # -- saving ----------------------------------------------------------------------------
    def details(self) -> MemberDetails:
        return MemberDetails(
            name=self.name_edit.text(), member_type=self.type_combo.currentText(),
            birth_date=self.birth_date.value(), phone=self.phone_edit.text(), email=self.email_edit.text(),
            address=self.address_edit.text(), notes=self.notes_edit.toPlainText(),
        )

    def save(self) -> MemberView:
        db, coop_id = self.context.db, self.context.coop_id
        if self.number is not None:
            return edit_member(db, coop_id, self.number, self.details(), version=self.read.version)
        if self.application_only.isChecked():
            return add_member(db, coop_id, self.details(), joined_on=None,
                              applied_on=from_qdate(self.applied_edit.date()))
        return add_member(db, coop_id, self.details(), joined_on=from_qdate(self.joined_edit.date()))
