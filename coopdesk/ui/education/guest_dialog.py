"""Adding someone who is not a member yet to a session's list: a founder, an applicant.

The birth date or the phone number is what links the record to them when they join
(``domain.education.attendees``); the dialog says so, since a name alone links nobody.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from coopdesk.domain.education.attendees import Guest
from coopdesk.i18n import _
from coopdesk.services.education.attendance import AttendeeView, add_guest
from coopdesk.ui.context import CoopContext
from coopdesk.ui.meetings.widgets import FormDialog, WrappedLabel
from coopdesk.ui.widgets.fields import OptionalDate

FALLBACK_BIRTH_DATE = dt.date(1980, 1, 1)  # where the calendar opens when a birth date is given


class GuestDialog(FormDialog):
    def __init__(self, context: CoopContext, session_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guest_dialog")
        self.setWindowTitle(_("Someone not a member yet"))
        self.context, self.session_id = context, session_id
        self.name_edit = QLineEdit(self)
        self.birth_date = OptionalDate(FALLBACK_BIRTH_DATE, self)
        self.phone_edit = QLineEdit(self)
        note = WrappedLabel(_("Give the birth date or the phone number: when this person joins the co-op, "
                              "their education record follows them to the register."), self)
        form = QFormLayout()
        wrap = self.errors.wrap
        form.addRow(_("Name:"), wrap("name", self.name_edit))
        form.addRow(_("Birth date:"), wrap("birth_date", self.birth_date))
        form.addRow(_("Phone:"), wrap("phone", self.phone_edit))
        self.lay_out_below([note, form], min_width=460)

    def guest(self) -> Guest:
        return Guest(self.name_edit.text(), self.birth_date.value(), self.phone_edit.text())

    def save(self) -> AttendeeView:
        return add_guest(self.context.db, self.context.coop_id, self.session_id, self.guest())
