"""Adding a member to the register, or changing a member's details.

The dialog saves through the services when OK is pressed.  A refusal is shown next to
the field it names and the dialog stays open: nothing is saved until every field is
right.  Joining and leaving are events (see ``event_dialog``), so editing a member does
not touch the dates; adding one records the admission, or only the application.  Where the
bylaws set a share price, a new member may be added with the shares they subscribe
(``services.capital.joining``): an admitted applicant, who becomes a member when the payment
the bylaws ask is made — at once, if it is paid here.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from coopdesk.domain.members.details import MAX_NAME, MAX_TEXT, MemberDetails
from coopdesk.i18n import _
from coopdesk.services.members.matching import OnRegister, described, find_on_register
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
        self.duplicate_question: QMessageBox | None = None
        self._added_anyway: MemberDetails | None = None  # the details the secretary said to add all the same
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
        # the day the member consented to the use of their personal data (개인정보 수집·이용 동의)
        self.consent_date = OptionalDate(dt.date.today(), self)
        self.consent_date.setObjectName("privacy_consent_on")
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
        form.addRow(_("Personal data consent:"), wrap("privacy_consent_on", self.consent_date))
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
        self.subscription: QGroupBox | None = None
        if self.context.coop.bylaws.share_price > 0:
            self.subscription = self._build_subscription()
            form.addRow(self.subscription)
        self._sync_dates()

    def _build_subscription(self) -> QGroupBox:
        """The shares the new member subscribes, and what they pay now: a member on payment."""
        box = QGroupBox(_("Shares subscribed (a member once the bylaws' payment is made)"), self)
        box.setObjectName("subscription")
        box.setCheckable(True)
        box.setChecked(False)
        bylaws = self.context.coop.bylaws
        self.shares_spin = _spin(max(bylaws.min_shares, 1), 1, self)
        self.paid_spin = _spin(0, 0, self)
        self.paid_spin.setSingleStep(bylaws.share_price)
        self.paid_on_edit = date_edit(dt.date.today(), self)
        self.shares_spin.valueChanged.connect(lambda n: self.paid_spin.setValue(n * bylaws.share_price))
        self.paid_spin.setValue(self.shares_spin.value() * bylaws.share_price)
        inner = QFormLayout(box)
        inner.addRow(_("Shares:"), self.errors.wrap("shares", self.shares_spin))
        inner.addRow(_("Paid now (won):"), self.errors.wrap("amount", self.paid_spin))
        inner.addRow(_("Payment date:"), self.errors.wrap("on", self.paid_on_edit))
        box.toggled.connect(self._sync_dates)
        return box

    def _sync_dates(self) -> None:
        subscribing = self.subscription is not None and self.subscription.isChecked()
        only = self.application_only.isChecked() or subscribing  # a member by payment, not by a date typed
        self.application_only.setEnabled(not subscribing)
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
        self.consent_date.set_value(d.privacy_consent_on)

    # -- saving ----------------------------------------------------------------------------
    def accept(self) -> None:
        """A new member who looks like one already on the register (the import's rule,
        ``services.members.matching``) is added only once the secretary says so."""
        if self.number is None:
            details = self.details()
            if details != self._added_anyway:
                matches = find_on_register(self.context.db, self.context.coop_id, details)
                if matches:
                    self._ask_about(details, matches)
                    return
        super().accept()

    def _ask_about(self, details: MemberDetails, matches: tuple[OnRegister, ...]) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, _("Add member"), duplicate_question(matches),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("duplicate_question")
        add = box.addButton(_("Add all the same"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(_("Don't add"), QMessageBox.ButtonRole.RejectRole))
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def answered() -> None:
            if box.clickedButton() is add:
                self._added_anyway = details
                self.accept()

        box.finished.connect(answered)
        if self.duplicate_question is not None:  # asked before, about other details
            self.duplicate_question.deleteLater()
        self.duplicate_question = box
        box.open()

    def details(self) -> MemberDetails:
        return MemberDetails(
            name=self.name_edit.text(), member_type=self.type_combo.currentText(),
            birth_date=self.birth_date.value(), phone=self.phone_edit.text(), email=self.email_edit.text(),
            address=self.address_edit.text(), notes=self.notes_edit.toPlainText(),
            privacy_consent_on=self.consent_date.value(),
        )

    def save(self) -> MemberView:
        db, coop_id = self.context.db, self.context.coop_id
        if self.number is not None:
            return edit_member(db, coop_id, self.number, self.details(), version=self.read.version)
        if self.subscription is not None and self.subscription.isChecked():
            from coopdesk.services.capital.joining import add_applicant_with_subscription

            member, _result = add_applicant_with_subscription(
                db, coop_id, self.details(), applied_on=from_qdate(self.applied_edit.date()),
                shares=self.shares_spin.value(), paid=self.paid_spin.value(),
                paid_on=from_qdate(self.paid_on_edit.date()))
            return member
        if self.application_only.isChecked():
            return add_member(db, coop_id, self.details(), joined_on=None,
                              applied_on=from_qdate(self.applied_edit.date()))
        return add_member(db, coop_id, self.details(), joined_on=from_qdate(self.joined_edit.date()))


def duplicate_question(matches: tuple[OnRegister, ...]) -> str:
    return _("This looks like a member already on the register: {members}. Add the new member all the same?",
             members=described(matches))


def _spin(value: int, low: int, parent: QWidget) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(low, 2_000_000_000)
    box.setGroupSeparatorShown(True)
    box.setValue(value)
    return box
