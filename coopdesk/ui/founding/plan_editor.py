"""The business plan, the budget (income, expenses) and the founding expenses as simple tables:
item, what it is, amount (and, in a social co-op's plan, whether it is public-benefit business).

A table is edited in place and saved whole (``set_lines``: one service call); a refusal is shown
under it and nothing is saved.  The total shows as the lines are typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain.errors import Refusal
from coopdesk.domain.founding.plans import PlanLine, PlanTable
from coopdesk.i18n import N_, _, current
from coopdesk.ui.context import CoopContext
from coopdesk.ui.widgets.fields import FieldErrors

ITEM, DETAIL, AMOUNT, PUBLIC = range(4)


class PlanEditor(QWidget):
    saved = Signal()

    def __init__(self, context: CoopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("founding_plan_editor")
        self.context = context
        self.table_combo = QComboBox(self)
        for kind in PlanTable:
            self.table_combo.addItem(_(kind.label), kind.value)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([_("Budget item"), _("What it is"), _("Amount (won)"), _("Public benefit")])
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.verticalHeader().hide()
        self.table.setColumnWidth(ITEM, 200)
        self.table.setColumnWidth(DETAIL, 280)
        self.table.setColumnWidth(AMOUNT, 130)
        self.dirty = False  # typed in since it was read or saved
        self.table.itemChanged.connect(self._edited)
        self.total = QLabel(self)
        self.errors = FieldErrors(QLabel(self))
        self.add_button = QPushButton(_("Add line"), self)
        self.remove_button = QPushButton(_("Remove line"), self)
        self.save_button = QPushButton(_("Save table"), self)
        self.add_button.clicked.connect(lambda: self.add_line())
        self.remove_button.clicked.connect(self.remove_line)
        self.save_button.clicked.connect(self.save)
        self.table_combo.currentIndexChanged.connect(self._table_chosen)
        buttons = QHBoxLayout()
        for w in (self.add_button, self.remove_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        buttons.addWidget(self.total)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table_combo)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)

    def kind(self) -> PlanTable:
        return PlanTable(self.table_combo.currentData())

    def choose(self, kind: PlanTable) -> None:
        self.table_combo.setCurrentIndex(list(PlanTable).index(kind))

    def _edited(self) -> None:
        self.dirty = True
        self._show_total()

    def _table_chosen(self) -> None:
        self.dirty = False  # another table: lines typed in the last and not saved are dropped
        self.reload()

    def reload(self) -> None:
        from coopdesk.services.founding.plans import lines_of

        self.errors.clear()
        self.dirty = False
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for view in lines_of(self.context.db, self.context.coop_id, self.kind()):
            self._append(view.line)
        self.table.blockSignals(False)
        self.table.setColumnHidden(PUBLIC, not (self.kind() is PlanTable.BUSINESS_PLAN and
                                                self.context.coop.kind.value == "social"))
        self._show_total()

    def add_line(self, line: PlanLine | None = None) -> int:
        self.dirty = True
        self.table.blockSignals(True)
        self._append(line or PlanLine(""))
        self.table.blockSignals(False)
        self._show_total()
        return self.table.rowCount() - 1

    def _append(self, line: PlanLine) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, ITEM, QTableWidgetItem(line.item))
        self.table.setItem(row, DETAIL, QTableWidgetItem(line.detail))
        amount = QTableWidgetItem(str(line.amount))
        amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, AMOUNT, amount)
        public = QTableWidgetItem()
        public.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        public.setCheckState(Qt.CheckState.Checked if line.public_benefit else Qt.CheckState.Unchecked)
        self.table.setItem(row, PUBLIC, public)

    def remove_line(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.dirty = True
            self._show_total()

    def lines(self) -> list[PlanLine]:
        """The lines as typed; an amount that is not a whole number is refused."""
        found = []
        for row in range(self.table.rowCount()):
            item, detail, amount = (self._text(row, column) for column in (ITEM, DETAIL, AMOUNT))
            raw = amount.replace(",", "").replace("원", "").strip() or "0"
            if not raw.isdigit():
                raise Refusal(N_("Line {row}: the amount must be a whole number of won."), field="amount", row=row + 1)
            public = self.table.item(row, PUBLIC)
            found.append(PlanLine(item, detail, int(raw),
                                  public is not None and public.checkState() == Qt.CheckState.Checked
                                  and not self.table.isColumnHidden(PUBLIC)))
        return found

    def _text(self, row: int, column: int) -> str:
        cell = self.table.item(row, column)
        return cell.text() if cell is not None else ""

    def _show_total(self) -> None:
        try:
            total = sum(x.amount for x in self.lines())
        except Refusal:
            return
        self.total.setText(_("Total: {amount}", amount=current().money(total)))

    def save(self) -> bool:
        from coopdesk.services.founding.plans import set_lines

        self.errors.clear()
        try:
            set_lines(self.context.db, self.context.coop_id, self.kind(), self.lines())
        except Refusal as refusal:
            self.errors.show(refusal)
            return False
        self.dirty = False
        self.context.notify("founding")
        self.saved.emit()
        return True
