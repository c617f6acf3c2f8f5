"""The chosen member's capital: their entries in number order, the instalments with their due days
(overdue marked), and the refund claim of a member who has left."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from coopdesk.domain.capital.ledger import Instalment
from coopdesk.domain.errors import Refusal
from coopdesk.domain.members.standing import MemberStatus
from coopdesk.i18n import _, current
from coopdesk.services.capital.views import EntryView, MemberLedger, RefundClaim
from coopdesk.services.capital.wording import entry_note
from coopdesk.ui.capital.texts import claim_text
from coopdesk.ui.context import CoopContext
from coopdesk.ui.widgets.widths import fit_dates

_LATE = QColor("#b00020")
_LEFT = (MemberStatus.WITHDRAWN, MemberStatus.EXPELLED, MemberStatus.DECEASED)


def instalment_states(ledger: MemberLedger, today: dt.date) -> list[tuple[Instalment, str, bool]]:
    """Each instalment with its state and whether it is overdue.  The service says how much is
    overdue; payments go to the earliest instalments first, so the overdue ones are the last of
    those fallen due."""
    due_before = sum(i.amount for i in ledger.instalments if i.due_on < today)
    covered = due_before - ledger.overdue  # what the payments cover of what has fallen due
    out, running = [], 0
    for i in ledger.instalments:
        running += i.amount
        if i.due_on >= today:
            out.append((i, _("Due on {date}", date=current().date(i.due_on)), False))
        elif running <= covered:
            out.append((i, _("Paid"), False))
        else:
            out.append((i, _("Overdue"), True))
    return out


class LedgerPane(QWidget):
    def __init__(self, context: CoopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ledger_pane")
        self.context = context
        self.ledger: MemberLedger | None = None
        self.claim: RefundClaim | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(_("Choose a member to see their ledger."), self)
        self.title.setObjectName("ledger_title")
        self.title.setWordWrap(True)
        self.claim_label = QLabel(self)
        self.claim_label.setObjectName("refund_claim")
        self.claim_label.setWordWrap(True)
        self.claim_label.hide()
        self.entries = _table(self, "ledger_entries",
                              [_("No."), _("Date"), _("Kind"), _("Shares"), _("Amount"), _("Note")])
        self.instalments = _table(self, "instalments", [_("Due"), _("Amount"), _("State")])
        # to the pixel, Qt's own sizing cut the Korean date's last dot
        fit_dates(self.entries, 1)
        fit_dates(self.instalments, 0)
        self.instalments_caption = QLabel(_("Instalments"), self)
        layout.addWidget(self.title)
        layout.addWidget(self.claim_label)
        layout.addWidget(self.entries, 3)
        layout.addWidget(self.instalments_caption)
        layout.addWidget(self.instalments, 1)

    def show_member(self, number: int | None) -> None:
        from coopdesk.services.capital.ledger import member_ledger
        from coopdesk.services.capital.refunds import refund_claim

        self.ledger = self.claim = None
        if number is None:
            self.title.setText(_("Choose a member to see their ledger."))
            self.claim_label.hide()
            self._fill_entries(())
            self._fill_instalments(dt.date.today())
            return
        db, coop_id, today = self.context.db, self.context.coop_id, dt.date.today()
        self.ledger = member_ledger(db, coop_id, number, today)
        if self.ledger.capital.status in _LEFT:
            try:
                self.claim = refund_claim(db, coop_id, number, today)
            except Refusal:  # nothing left to refund
                self.claim = None
        self._show(today)

    def _show(self, today: dt.date) -> None:
        assert self.ledger is not None
        t, c = current(), self.ledger.capital
        text = _("{number}. {name} ({status}): {shares} shares, {paid} paid in, {unpaid} unpaid",
                 number=c.number, name=c.name, status=_(c.status.label), shares=t.number(c.shares),
                 paid=t.money(c.paid), unpaid=t.money(c.unpaid))
        if self.ledger.overdue:
            text += "; " + _("{won} overdue", won=t.money(self.ledger.overdue))
        if c.awaiting_payment:
            text += "\n" + _("An admitted applicant: becomes a member when the payment the bylaws ask is made.")
        self.title.setText(text)
        self.claim_label.setText(claim_text(self.claim) if self.claim else "")
        self.claim_label.setVisible(self.claim is not None)
        self._fill_entries(self.ledger.entries)
        self._fill_instalments(today)

    def _fill_entries(self, entries: tuple[EntryView, ...] | tuple[()]) -> None:
        t = current()
        table = self.entries
        table.setRowCount(len(entries))
        for r, e in enumerate(entries):
            cells = (str(e.number), t.date(e.on), _(e.kind.label), t.number(e.shares), t.money(e.amount),
                     entry_note(e))
            for column, text in enumerate(cells):
                table.setItem(r, column, _item(text, right=column in (0, 3, 4)))

    def _fill_instalments(self, today: dt.date) -> None:
        states = instalment_states(self.ledger, today) if self.ledger else []
        t = current()
        table = self.instalments
        table.setRowCount(len(states))
        for r, (i, state, late) in enumerate(states):
            for column, text in enumerate((t.date(i.due_on), t.money(i.amount), state)):
                item = _item(text, right=column == 1)
                if late:
                    item.setForeground(QBrush(_LATE))
                table.setItem(r, column, item)
        shown = bool(states)
        self.instalments.setVisible(shown)
        self.instalments_caption.setVisible(shown)

    def selected_entry(self) -> int | None:
        rows = self.entries.selectionModel().selectedRows()
        if not rows or self.ledger is None:
            return None
        return self.ledger.entries[rows[0].row()].number


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _item(text: str, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item
