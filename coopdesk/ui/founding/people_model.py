"""The founders and consenters as a table model (the founding meeting's register): number, name,
role, member type, consent date, shares subscribed, capital paid.  Tested without a window."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from coopdesk.i18n import N_, _, current
from coopdesk.services.founding.views import PersonView

NUMBER, NAME, ROLE, TYPE, CONSENTED, SHARES, PAID = range(7)
HEADINGS = (N_("No."), N_("Name"), N_("Role"), N_("Member type"), N_("Consented on"), N_("Shares subscribed"),
            N_("Paid in"))
NUMBER_ROLE = Qt.ItemDataRole.UserRole  # the person's number, whatever the column
_RIGHT = (NUMBER, SHARES, PAID)
Index = QModelIndex | QPersistentModelIndex


def role_of(p: PersonView) -> str:
    if p.representative:
        return _("Founder (representative)")
    return _("Founder") if p.founder else _("Consenter")


class PeopleModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.people: list[PersonView] = []

    def set_people(self, people: list[PersonView]) -> None:
        self.beginResetModel()
        self.people = list(people)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADINGS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(HEADINGS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        p = self.people[index.row()]
        if role == NUMBER_ROLE:
            return p.number
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in _RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        t = current()
        return (t.number(p.number), p.name, role_of(p), p.member_type, t.date(p.consented_on),
                t.number(p.shares), t.money(p.paid_won))[index.column()]

    def row_of(self, number: int) -> int:
        return next((row for row, p in enumerate(self.people) if p.number == number), -1)
