"""The founders and consenters as a table model (the founding meeting's register): number, name,
role, member type, consent date, shares subscribed, capital paid.  Sorted by any column (names
as the member list sorts them, dates as dates, numbers as numbers; ties by number), the rows
kept in the order shown.  Tested without a window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
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
_ASCENDING = Qt.SortOrder.AscendingOrder


def _rank(p: PersonView) -> int:
    """The representative, the founders, then the other consenters."""
    return 0 if p.representative else 1 if p.founder else 2


# The sort key of each column, on the values (not the words shown).
SORT_KEYS: dict[int, Callable[[PersonView], Any]] = {
    NUMBER: lambda p: p.number,
    NAME: lambda p: p.name.casefold(),  # as the member list: Hangul syllables sort 가나다 by code point
    ROLE: _rank,
    TYPE: lambda p: p.member_type.casefold(),
    CONSENTED: lambda p: p.consented_on or dt.date.max,
    SHARES: lambda p: p.shares,
    PAID: lambda p: p.paid_won,
}


def role_of(p: PersonView) -> str:
    if p.representative:
        return _("Founder (representative)")
    return _("Founder") if p.founder else _("Consenter")


class PeopleModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.people: list[PersonView] = []  # in the order shown
        self.order: tuple[int, Qt.SortOrder] = (NUMBER, _ASCENDING)

    def set_people(self, people: list[PersonView]) -> None:
        self.beginResetModel()
        self.people = self._sorted(people)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = _ASCENDING) -> None:
        """Sort by ``column``; the selection and every persistent index follow their person."""
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        numbers = [self.people[i.row()].number for i in kept]
        self.order = (column, order)
        self.people = self._sorted(self.people)
        self.changePersistentIndexList(kept, [self.index(self.row_of(n), i.column()) for n, i in zip(numbers, kept)])
        self.layoutChanged.emit()

    def _sorted(self, people: list[PersonView]) -> list[PersonView]:
        column, order = self.order
        by_number = sorted(people, key=SORT_KEYS[NUMBER])  # ties keep the number order: the sort is stable
        return sorted(by_number, key=SORT_KEYS[column], reverse=order != _ASCENDING)

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
