"""The bylaws settings a bylaws amendment (정관 변경) usually changes, in a compact form.

It starts from the bylaws in force; the settings not shown here are carried over as they
are.  A setting the user changed is shown in bold, so the amendment can be read at a glance.
A refusal about a setting is shown under the whole form (the columns are too narrow for
it) and the setting at fault gets the focus.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QGridLayout, QLabel, QSpinBox, QWidget

from coopdesk.domain.coop import BylawsSettings
from coopdesk.i18n import N_, _

# (field, label message id, lowest, highest, step): the settings an amendment usually touches.
FIELDS: tuple[tuple[str, str, int, int, int], ...] = (
    ("share_price", N_("Price of one share (won)"), 0, 1_000_000_000, 1000),
    ("min_shares", N_("Shares each member holds at least"), 0, 1_000_000, 1),
    ("directors_min", N_("Directors, at least"), 1, 99, 1),
    ("directors_max", N_("Directors, at most"), 1, 99, 1),
    ("auditors", N_("Auditors"), 0, 99, 1),
    ("officer_term_years", N_("Officers' term (years)"), 1, 99, 1),
    ("notice_days", N_("Assembly notice (days before)"), 0, 365, 1),
    ("withdrawal_notice_days", N_("Withdrawal notice (days)"), 0, 9999, 1),
)

class BylawsForm(QWidget):
    def __init__(self, current: BylawsSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current = current
        self.spins: dict[str, QSpinBox] = {}
        self.labels: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        half = (len(FIELDS) + 1) // 2  # two columns of label and box: the form stays short
        for n, (field, label, low, high, step) in enumerate(FIELDS):
            spin = QSpinBox(self)
            spin.setRange(low, high)
            spin.setSingleStep(step)
            spin.setGroupSeparatorShown(True)
            spin.setValue(getattr(current, field))
            spin.valueChanged.connect(lambda _value, f=field: self._mark(f))
            text = QLabel(_(label), self)
            text.setBuddy(spin)
            row, column = n % half, (n // half) * 2
            grid.addWidget(text, row, column)
            grid.addWidget(spin, row, column + 1)
            self.spins[field], self.labels[field] = spin, text
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

    def _mark(self, field: str) -> None:
        font = self.labels[field].font()
        font.setBold(self.spins[field].value() != getattr(self.current, field))
        self.labels[field].setFont(font)

    def focus(self, field: str) -> bool:
        """Put the cursor in the box of ``field``; False when the form has no such box."""
        spin = self.spins.get(field)
        if spin is None:
            return False
        spin.setFocus()
        spin.selectAll()
        return True

    def set_value(self, field: str, value: int) -> None:
        self.spins[field].setValue(value)

    def changed(self) -> list[str]:
        """The fields whose value differs from the bylaws in force."""
        return [f for f, spin in self.spins.items() if spin.value() != getattr(self.current, f)]

    def settings(self) -> BylawsSettings:
        """The bylaws in force with the values of this form."""
        return dataclasses.replace(self.current, **{f: spin.value() for f, spin in self.spins.items()})
