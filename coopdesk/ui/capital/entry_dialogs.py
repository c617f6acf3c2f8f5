"""The dialogs that write to a member's shares: subscribe, pay, and reverse an entry.

Each is one service call on OK.  A refusal (with its article) is shown in the dialog, next
to the field it names, and nothing is written; the dialog stays open to be corrected.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QTableWidget, QVBoxLayout, QWidget,
)

from coopdesk.domain.capital.ledger import Instalment
from coopdesk.domain.errors import Refusal
from coopdesk.i18n import _, current, refusal_text
from coopdesk.services.capital.views import EntryResult, MemberCapital
from coopdesk.ui.capital.texts import checks_html, largest_text
from coopdesk.ui.context import CoopContext
from coopdesk.ui.save_dialog import SaveDialog
from coopdesk.ui.widgets.fields import date_edit, from_qdate

MOST_WON = 2_000_000_000  # what one box takes; a single payment of more is entered in parts
_NOTE_LENGTH = 500


def won_box(value: int = 0, parent: QWidget | None = None) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(0, MOST_WON)
    box.setGroupSeparatorShown(True)
    box.setSingleStep(1000)
    box.setValue(value)
    box.setMinimumWidth(160)
    return box


def count_box(value: int, low: int = 1, parent: QWidget | None = None) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(low, 1_000_000)
    box.setGroupSeparatorShown(True)
    box.setValue(value)
    box.setMinimumWidth(120)
    return box


def note_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setMaxLength(_NOTE_LENGTH)
    return edit


def member_line(m: MemberCapital) -> str:
    t = current()
    return _("{number}. {name} ({status}): {shares} shares, {paid} paid in, {unpaid} unpaid", number=m.number,
             name=m.name, status=_(m.status.label), shares=t.number(m.shares), paid=t.money(m.paid),
             unpaid=t.money(m.unpaid))


class _EntryDialog(SaveDialog):
    """A dialog about one member, whose capital is shown at its top."""

    def __init__(self, context: CoopContext, member: MemberCapital, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.context = context
        self.member = member
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.form.addRow(_("Member:"), QLabel(member_line(member), self))
        self.on_edit = date_edit(dt.date.today(), self)

    def day(self) -> dt.date:
        return from_qdate(self.on_edit.date())

    def accept(self) -> None:
        super().accept()
        if self.isVisible():  # refused: the reasons shown under the fields need their room
            self.adjustSize()


# -- subscribe (출자 청약) ------------------------------------------------------------------------------

class SubscribeDialog(_EntryDialog):
    """Shares subscribed, with a preview of the law's checks (the cap, the minimum) as they are typed."""

    def __init__(self, context: CoopContext, member: MemberCapital, parent: QWidget | None = None) -> None:
        super().__init__(context, member, _("Subscribe shares"), parent)
        self.setObjectName("subscribe_dialog")
        bylaws = context.coop.bylaws
        self.price = bylaws.share_price
        wrap = self.errors.wrap
        self.shares = count_box(max(1, bylaws.min_shares - member.shares), parent=self)
        self.amount_label = QLabel(self)
        self.form.addRow(_("Shares:"), wrap("shares", self.shares))
        self.form.addRow(_("Amount:"), self.amount_label)
        self.form.addRow(_("Date:"), wrap("on", self.on_edit))
        self.instalments = InstalmentsBox(self, allowed=bylaws.instalments_allowed)
        self.form.addRow(_("Payment:"), wrap("instalments", self.instalments))
        self.note = note_edit(self)
        self.form.addRow(_("Note:"), wrap("note", self.note))
        self.preview = QLabel(self)
        self.preview.setObjectName("subscription_preview")
        self.preview.setWordWrap(True)
        self.form.addRow(_("The law:"), self.preview)
        self.lay_out(self.form, min_width=560)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)  # one check when the typing pauses, not one per key
        self._timer.timeout.connect(self.check)
        self.shares.valueChanged.connect(self._changed)
        self.on_edit.dateChanged.connect(self._changed)
        self._changed()
        self.check()

    def whole(self) -> int:
        return self.shares.value() * self.price

    def _changed(self) -> None:
        self.amount_label.setText(current().money(self.whole()))
        self.instalments.set_whole(self.whole(), self.day())
        self._timer.start()

    def check(self) -> None:
        """What the law says of the subscription as typed (``check_subscription``): nothing is written."""
        from coopdesk.services.capital.balances import check_subscription

        try:
            found = check_subscription(self.context.db, self.context.coop_id, self.member.number,
                                       self.shares.value(), on=self.day())
        except Refusal as refusal:
            self.preview.setText(refusal_text(refusal))
            return
        self.preview.setText(checks_html(found.checks) + "<br>" + largest_text(found.cap))

    def save(self) -> EntryResult:
        from coopdesk.services.capital.ledger import subscribe

        return subscribe(self.context.db, self.context.coop_id, self.member.number, self.shares.value(),
                         on=self.day(), instalments=self.instalments.schedule(), note=self.note.text())


class InstalmentsBox(QWidget):
    """At once, or in instalments (where the bylaws allow): each with its due day and amount."""

    def __init__(self, parent: QWidget, *, allowed: bool) -> None:
        super().__init__(parent)
        self._whole, self._on = 0, dt.date.today()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.split = QCheckBox(_("In instalments") if allowed else
                               _("In instalments (the bylaws of this co-op do not allow it)"), self)
        self.split.setObjectName("in_instalments")
        self.split.setEnabled(allowed)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([_("Due"), _("Amount")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(self.fontMetrics().height() * 8)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(_("Add instalment"), self)
        self.add_button.clicked.connect(lambda: self.add(self._next_day(), self._left()))
        self.remove_button = QPushButton(_("Remove"), self)
        self.remove_button.clicked.connect(self._remove)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addWidget(self.split)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.split.toggled.connect(self._toggled)
        self._toggled(False)

    def set_whole(self, whole: int, on: dt.date) -> None:
        self._whole, self._on = whole, on

    def _toggled(self, on: bool) -> None:
        for w in (self.table, self.add_button, self.remove_button):
            w.setVisible(on)
        if on and self.table.rowCount() == 0:
            first = self._whole // 2
            self.add(self._on, first)
            self.add(_months_later(self._on, 3), self._whole - first)

    def add(self, due: dt.date, amount: int) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setCellWidget(row, 0, date_edit(due))
        self.table.setCellWidget(row, 1, won_box(amount))

    def set_schedule(self, parts: list[tuple[dt.date, int]]) -> None:
        """Instalments as given (tests, and a form filled from elsewhere)."""
        self.split.setChecked(True)
        self.table.setRowCount(0)
        for due, amount in parts:
            self.add(due, amount)

    def _remove(self) -> None:
        row = self.table.currentRow()
        self.table.removeRow(row if row >= 0 else self.table.rowCount() - 1)

    def _next_day(self) -> dt.date:
        rows = self.schedule()
        return _months_later(rows[-1].due_on, 1) if rows else self._on

    def _left(self) -> int:
        return max(0, self._whole - sum(i.amount for i in self.schedule()))

    def schedule(self) -> tuple[Instalment, ...]:
        """The instalments typed; none when paid at once (the whole amount due on the day)."""
        if not self.split.isChecked():
            return ()
        return tuple(Instalment(from_qdate(self.table.cellWidget(r, 0).date()),  # type: ignore[attr-defined]
                                self.table.cellWidget(r, 1).value())  # type: ignore[attr-defined]
                     for r in range(self.table.rowCount()))


def _months_later(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, 28))


# -- pay (출자금 납입) --------------------------------------------------------------------------------

class PayDialog(_EntryDialog):
    """A payment towards the member's subscribed shares; an admitted applicant may become a member by it."""

    def __init__(self, context: CoopContext, member: MemberCapital, parent: QWidget | None = None) -> None:
        super().__init__(context, member, _("Record a payment"), parent)
        self.setObjectName("pay_dialog")
        wrap = self.errors.wrap
        self.amount = won_box(max(member.unpaid, 0), self)
        self.form.addRow(_("Amount paid (won):"), wrap("amount", self.amount))
        self.form.addRow(_("Date:"), wrap("on", self.on_edit))
        self.note = note_edit(self)
        self.form.addRow(_("Note:"), wrap("note", self.note))
        if member.awaiting_payment:
            hint = QLabel(_("An admitted applicant: the payment the bylaws ask makes them a member on its day."), self)
            hint.setWordWrap(True)
            self.form.addRow("", hint)
        self.lay_out(self.form, min_width=520)

    def save(self) -> EntryResult:
        from coopdesk.services.capital.ledger import pay

        return pay(self.context.db, self.context.coop_id, self.member.number, self.amount.value(), on=self.day(),
                   note=self.note.text())


# -- reverse (정정) ------------------------------------------------------------------------------------

class ReverseDialog(SaveDialog):
    """Correct a mistake by an entry that moves back exactly what an entry moved, with the reason."""

    def __init__(self, context: CoopContext, entry: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reverse_dialog")
        self.setWindowTitle(_("Reverse an entry"))
        self.context = context
        wrap = self.errors.wrap
        form = QFormLayout()
        self.entry = count_box(entry or 1, parent=self)
        self.what = QLabel(self)
        self.what.setWordWrap(True)
        self.on_edit = date_edit(dt.date.today(), self)
        self.reason = note_edit(self)
        self.reason.setPlaceholderText(_("Why the entry is reversed (required)"))
        form.addRow(_("Entry number:"), wrap("entry", self.entry))
        form.addRow("", self.what)
        form.addRow(_("Date:"), wrap("on", self.on_edit))
        form.addRow(_("Reason:"), wrap("reason", self.reason))
        note = QLabel(_("The entry stays on the ledger as it was; the reversing entry is added after it."), self)
        note.setWordWrap(True)
        form.addRow("", note)
        self.lay_out(form, min_width=520)
        self.entry.valueChanged.connect(self._describe)
        self._describe()

    def _describe(self) -> None:
        from coopdesk.services.capital.ledger import get_entry
        from coopdesk.services.capital.wording import entry_note

        t = current()
        try:
            e = get_entry(self.context.db, self.context.coop_id, self.entry.value())
        except Refusal as refusal:
            self.what.setText(refusal_text(refusal))
            return
        text = _("{date}: {kind}, member {number} {name}, {shares} shares, {amount}", date=t.date(e.on),
                 kind=_(e.kind.label), number=e.member, name=e.member_name, shares=t.number(e.shares),
                 amount=t.money(e.amount))
        note = entry_note(e)
        self.what.setText(f"{text}; {note}" if note else text)

    def save(self) -> EntryResult:
        from coopdesk.services.capital.ledger import reverse

        return reverse(self.context.db, self.context.coop_id, self.entry.value(), self.reason.text(),
                       on=from_qdate(self.on_edit.date()))

