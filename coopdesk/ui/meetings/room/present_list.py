"""Who is present, as the check-in column lists them: in person, or by proxy through whom.

The list is a model kept in order (those who count first, then by number) and changed one
line at a time: an arrival inserts one row, whatever the number present.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from coopdesk.domain.meetings.rules import Register
from coopdesk.i18n import _
from coopdesk.services.meetings.state import Line
from coopdesk.ui.meetings.room.wording import GREY, person

NUMBER, NAME, HOW = range(3)
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class PresentRow:
    key: int
    name: str
    how: str
    in_person: bool  # only those here in person can be checked out
    counts: bool = True  # a proxy whose holder is not here does not count

    @property
    def order(self) -> tuple[bool, int]:
        return (not self.counts, self.key)


def present_row(line: Line, register: Register) -> PresentRow:
    """How one attendee is here, in words."""
    if line.in_person:
        how = _("In person")
        if line.holds is not None:
            p = line.holds
            how = _("In person; holds the proxy of {principal}",
                    principal=person(p.principal, p.principal_name, register))
        return PresentRow(line.key, line.name, how, True)
    p = line.proxy
    assert p is not None
    if p.holder is None:
        how = _("By proxy: {holder}, family member living with them", holder=p.holder_name)
    elif p.counts:
        how = _("By proxy: held by {holder}", holder=person(p.holder, p.holder_name, register))
    else:
        how = _("Proxy not counted: {holder} is not here", holder=person(p.holder, p.holder_name, register))
    return PresentRow(line.key, line.name, how, False, p.counts)


def present_rows(lines: Iterable[Line], register: Register) -> list[PresentRow]:
    return sorted((present_row(line, register) for line in lines if line.shown), key=lambda r: r.order)


class PresentModel(QAbstractTableModel):
    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.rows: list[PresentRow] = []
        self._orders: list[tuple[bool, int]] = []  # the rows' order keys, for bisecting
        self._by_key: dict[int, PresentRow] = {}

    def reset(self, lines: Iterable[Line]) -> None:
        self.beginResetModel()
        self.rows = present_rows(lines, self.register)
        self._orders = [r.order for r in self.rows]
        self._by_key = {r.key: r for r in self.rows}
        self.endResetModel()

    def put(self, lines: Iterable[Line]) -> None:
        """Each line replaces that attendee's row (a line not shown takes it away)."""
        for line in lines:
            old = self._by_key.pop(line.key, None)
            if old is not None:
                at = bisect_left(self._orders, old.order)
                self.beginRemoveRows(QModelIndex(), at, at)
                del self.rows[at], self._orders[at]
                self.endRemoveRows()
            if line.shown:
                row = present_row(line, self.register)
                at = bisect_left(self._orders, row.order)
                self.beginInsertRows(QModelIndex(), at, at)
                self.rows.insert(at, row)
                self._orders.insert(at, row.order)
                self._by_key[row.key] = row
                self.endInsertRows()

    def row_of(self, key: int) -> int | None:
        row = self._by_key.get(key)
        return None if row is None else bisect_left(self._orders, row.order)

    # -- the model ---------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole:
                return r.how
            return (str(r.key), r.name, r.how)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and not r.counts:
            return QColor(GREY)
        if role == Qt.ItemDataRole.UserRole:
            return r.key
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_("No."), _("Name"), _("How"))[section]
        return None


class PresentTable(QTableView):
    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("present_table")
        self.present_model = PresentModel(register, self)
        self.setModel(self.present_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(NUMBER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(HOW, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(NAME, 110)
        if register is Register.DIRECTORS:
            self.hideColumn(NUMBER)  # a director is named by their term, not a number anyone knows

    @property
    def rows(self) -> list[PresentRow]:
        return self.present_model.rows

    def fill(self, lines: Iterable[Line]) -> None:
        self.present_model.reset(lines)

    def put(self, lines: Iterable[Line]) -> None:
        self.present_model.put(lines)

    def selected(self) -> PresentRow | None:
        rows = self.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def select_key(self, key: int) -> bool:
        row = self.present_model.row_of(key)
        if row is None:
            return False
        self.selectRow(row)
        self.scrollTo(self.present_model.index(row, NAME))
        return True

    def shown(self, column: int = NAME) -> list[str]:
        return [(str(r.key), r.name, r.how)[column] for r in self.rows]
