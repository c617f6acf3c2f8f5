"""Each member's capital as a Qt table model: sorted and filtered in place, never a row at a time by Qt.

The rows come from ``services.capital.balances.balances`` (read in a worker for a large co-op);
the search keys are made with them, off the window's thread, so a keystroke is one pass over
a list of strings and a sort one C-level sort of a key list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from coopdesk.domain.members.standing import MemberStatus
from coopdesk.i18n import N_, _, current
from coopdesk.services.capital.views import MemberCapital

NUMBER, NAME, STATUS, SHARES, PAID, UNPAID = range(6)
COLUMN_COUNT = 6
_HEADERS = {NUMBER: N_("No."), NAME: N_("Name"), STATUS: N_("Status"), SHARES: N_("Shares"),
            PAID: N_("Paid in"), UNPAID: N_("Unpaid")}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_STATUS_ORDER = {status: position for position, status in enumerate(MemberStatus)}
SORT_KEYS: dict[int, Callable[[MemberCapital], Any]] = {
    NUMBER: lambda r: r.number,
    NAME: lambda r: r.name.casefold(),
    STATUS: lambda r: _STATUS_ORDER[r.status],
    SHARES: lambda r: r.shares,
    PAID: lambda r: r.paid,
    UNPAID: lambda r: r.unpaid,
}


class Show:
    """Which members the list shows (the filter's codes)."""

    ALL = "all"
    HOLDERS = "holders"  # holding shares
    UNPAID = "unpaid"  # with capital still to pay
    AWAITING = "awaiting"  # admitted applicants whom payment will make members


SHOW_LABELS = ((Show.ALL, N_("All members")), (Show.HOLDERS, N_("Holding shares")),
               (Show.UNPAID, N_("With unpaid capital")), (Show.AWAITING, N_("Awaiting payment to join")))


@dataclass(frozen=True, slots=True)
class CapitalRows:
    """What a load gives the model: the rows by member number, their search keys, and the rows'
    order by each column (a sort of 100,000 rows is not made on the window's thread)."""

    rows: list[MemberCapital]
    keys: list[str]
    orders: dict[int, list[int]]


def capital_rows(rows: list[MemberCapital]) -> CapitalRows:
    """The rows with their search keys (number and name) and sort orders: made where the rows are read."""
    return CapitalRows(rows, [f"{r.number}\x1e{r.name.casefold()}" for r in rows],
                       {column: _ordered(rows, column) for column in SORT_KEYS})


def _ordered(rows: list[MemberCapital], column: int) -> list[int]:
    keys = list(map(SORT_KEYS[column], rows))
    return sorted(range(len(rows)), key=keys.__getitem__)  # stable: by member number within ties


def _shown(show: str, r: MemberCapital) -> bool:
    if show == Show.HOLDERS:
        return r.shares > 0
    if show == Show.UNPAID:
        return r.unpaid > 0
    if show == Show.AWAITING:
        return r.awaiting_payment
    return True


class CapitalTableModel(QAbstractTableModel):
    filtered = Signal()  # the rows shown changed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data = CapitalRows([], [], {})
        self._show = Show.ALL
        self._query = ""
        self._sort = (NUMBER, Qt.SortOrder.AscendingOrder)
        self._orders: dict[int, list[int]] = {}
        self._visible: list[int] = []  # indexes into the rows, in display order

    # -- data in ---------------------------------------------------------------------------
    def set_rows(self, data: CapitalRows) -> None:
        self._data = data
        self._orders = dict(data.orders)
        self._refilter()

    def set_show(self, show: str) -> None:
        self._show = show
        self._refilter()

    def set_search(self, text: str) -> None:
        self._query = text.strip().casefold()
        self._refilter()

    # -- what the page reads ---------------------------------------------------------------
    @property
    def total(self) -> int:
        return len(self._data.rows)

    @property
    def shown(self) -> int:
        return len(self._visible)

    def row_at(self, row: int) -> MemberCapital:
        return self._data.rows[self._visible[row]]

    def row_of_number(self, number: int) -> int | None:
        for row, i in enumerate(self._visible):
            if self._data.rows[i].number == number:
                return row
        return None

    # -- Qt --------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(_HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if index.column() in (NUMBER, SHARES, PAID, UNPAID) else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return display(self.row_at(index.row()), index.column())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self._refilter()

    # -- inside ----------------------------------------------------------------------------
    def _order(self, column: int) -> list[int]:
        if column not in self._orders:
            self._orders[column] = _ordered(self._data.rows, column)
        return self._orders[column]

    def _refilter(self) -> None:
        rows, keys, query, show = self._data.rows, self._data.keys, self._query, self._show
        column, order = self._sort
        picked = [i for i in self._order(column)
                  if (not query or query in keys[i]) and (show == Show.ALL or _shown(show, rows[i]))]
        self.beginResetModel()
        self._visible = picked if order == Qt.SortOrder.AscendingOrder else picked[::-1]
        self.endResetModel()
        self.filtered.emit()


def display(r: MemberCapital, column: int) -> str:
    t = current()
    if column == NUMBER:
        return str(r.number)
    if column == NAME:
        return r.name
    if column == STATUS:
        text = _(r.status.label)
        return _("{status}, awaiting payment", status=text) if r.awaiting_payment else text
    if column == SHARES:
        return t.number(r.shares)
    return t.money(r.paid if column == PAID else r.unpaid)


def visible_rows(model: CapitalTableModel) -> Sequence[MemberCapital]:
    return [model.row_at(r) for r in range(model.rowCount())]
