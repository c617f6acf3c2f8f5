"""The bar above the member list: search as you type, status and type filters, the members without a
recorded consent to the use of their personal data, the count."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from coopdesk.domain.members.standing import MemberStatus
from coopdesk.i18n import _, current, ngettext
from coopdesk.ui.members.model import MemberTableModel

CURRENT = "current"  # the status filter for members with a vote: member or withdrawing


class FilterBar(QWidget):
    """Drives the model's search and filters, and shows "N of M members"."""

    def __init__(self, model: MemberTableModel, member_types: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("member_search")
        self.search_box.setPlaceholderText(_("Search by name, number, phone or e-mail"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(model.set_search)
        self.status_filter = QComboBox(self)
        self.status_filter.addItem(_("All statuses"), None)
        self.status_filter.addItem(_("Current members"), CURRENT)
        for status in MemberStatus:
            self.status_filter.addItem(_(status.label), status.value)
        self.type_filter = QComboBox(self)
        self.set_member_types(member_types)
        self.status_filter.currentIndexChanged.connect(self.apply)
        self.type_filter.currentIndexChanged.connect(self.apply)
        # Members without a recorded consent to the use of their personal data: the count comes from
        # the database (``set_consent_missing``), the numbers only when the box is ticked.
        self.consent_filter = QCheckBox(self)
        self.consent_filter.setObjectName("consent_missing")
        self.consent_filter.toggled.connect(self.apply)
        self._missing_numbers: Callable[[], Iterable[int]] | None = None
        self.set_consent_missing(0)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("member_count")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._lay_out()
        model.filtered.connect(self.update_count)

    def _lay_out(self) -> None:
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.search_box, 2)
        for text, widget in ((_("Status:"), self.status_filter), (_("Type:"), self.type_filter)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget)
        row.addWidget(self.consent_filter)
        row.addStretch(1)
        row.addWidget(self.count_label)

    def set_member_types(self, member_types: Sequence[str]) -> None:
        """The co-op's member types (they change with the bylaws); the choice stays if it can."""
        chosen = self.type_filter.currentData()
        self.type_filter.blockSignals(True)
        self.type_filter.clear()
        self.type_filter.addItem(_("All types"), None)
        for name in member_types:
            self.type_filter.addItem(name, name)
        self.type_filter.setCurrentIndex(max(self.type_filter.findData(chosen), 0))
        self.type_filter.blockSignals(False)

    def apply(self) -> None:
        chosen = self.status_filter.currentData()
        if chosen is None:
            statuses = None
        elif chosen == CURRENT:
            statuses = [s for s in MemberStatus if s.is_current]
        else:
            statuses = [MemberStatus(chosen)]
        numbers = None
        if self.consent_filter.isChecked() and self._missing_numbers is not None:
            numbers = self._missing_numbers()
        self.model.set_filters(statuses=statuses, member_type=self.type_filter.currentData(), numbers=numbers)

    def set_consent_missing(self, count: int, numbers: Callable[[], Iterable[int]] | None = None) -> None:
        """How many members on the register have no recorded consent, and how to read their numbers.
        The box shows only when some have none (or it is ticked); ticked, the list shows only them."""
        self._missing_numbers = numbers
        self.consent_filter.setText(ngettext("No consent to personal data ({count})",
                                             "No consent to personal data ({count})", count,
                                             count=current().number(count)))
        self.consent_filter.setVisible(count > 0 or self.consent_filter.isChecked())
        if self.consent_filter.isChecked():
            self.apply()

    def update_count(self) -> None:
        total, shown = self.model.total, self.model.shown
        # As wide as the longest count it can show, so the search box does not jump while typing.
        widest = _count_text(total, total)
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance(widest))
        self.count_label.setText(_count_text(shown, total))


def _count_text(shown: int, total: int) -> str:
    t = current()
    return ngettext("{shown} of {total} member", "{shown} of {total} members", total,
                    shown=t.number(shown), total=t.number(total))
