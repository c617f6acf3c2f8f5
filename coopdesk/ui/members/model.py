"""The member list as a Qt table model: all members held once, filtered and sorted in place.

A co-op may hold 100,000 members and the search box filters as the user types (within
50 ms a keystroke), so Qt never calls Python per row and a keystroke does one tight pass:

- search keys (``member_search.search_key``) are computed once per load, in small steps
  while the program is idle after the list is shown (or at once when a search starts
  before they are done);
- rows and keys are kept in the order of the sorted column, so filtering them yields
  the display order directly (a descending sort is the same list reversed);
- the status and type filters (``member_search.filter_rows``) run only when they change;
- the search text is matched as ``filter_rows`` matches it (the normalised query inside
  the key), and a query that extends the last one only looks at the rows it kept.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QGuiApplication, QPalette

from coopdesk.domain.members.standing import MemberStatus
from coopdesk.i18n import N_, Translator, _, current
from coopdesk.services.members.rows import MemberRow
from coopdesk.services.members.search import filter_rows, normalise_query, search_key

NUMBER, NAME, TYPE, STATUS, JOINED = range(5)
COLUMN_COUNT = 5
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the MemberRow itself
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 2  # the member number, an int

_HEADERS = {NUMBER: N_("No."), NAME: N_("Name"), TYPE: N_("Type"), STATUS: N_("Status"),
            JOINED: N_("Joined")}
_STATUS_ORDER = {status: position for position, status in enumerate(MemberStatus)}
_NO_DATE = dt.date.max  # applicants, not yet admitted, sort after everyone else
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ASCENDING = Qt.SortOrder.AscendingOrder
_KEY_STEP = 5000  # search keys made per idle step: about 15 ms, the window stays responsive
_SEPARATOR = "\x1e"  # cleaned names, phones and e-mails never hold it (it counts as a space)

_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.ForegroundRole, ROW_ROLE, NUMBER_ROLE})
_LEFT = frozenset({MemberStatus.WITHDRAWN, MemberStatus.EXPELLED, MemberStatus.DECEASED})

Index = QModelIndex | QPersistentModelIndex
SortKey = Callable[[MemberRow], Any]

# Ties keep the member number order (the sort is stable and starts from number order).
SORT_KEYS: dict[int, SortKey] = {
    NUMBER: lambda r: r.number,
    NAME: lambda r: r.name.casefold(),  # Hangul syllables sort 가나다 by code point
    TYPE: lambda r: r.member_type,
    STATUS: lambda r: _STATUS_ORDER[r.status],
    JOINED: lambda r: r.joined_on or _NO_DATE,
}


class MemberTableModel(QAbstractTableModel):
    """Members with the columns number, name, type, status and joining date."""

    filtered = Signal()  # the shown rows changed (filters, search, sort or new data)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[MemberRow] = []  # as loaded
        self._keys: list[str] = []  # search keys of _rows; complete when as long as _rows
        self._key_timer = QTimer(self)
        self._key_timer.setInterval(0)
        self._key_timer.timeout.connect(self._make_keys_step)
        self._index_of: dict[int, int] = {}  # member number -> index into _rows
        self._orders: dict[int, list[int]] = {}  # column -> indexes into _rows, ascending
        self._sort = (NUMBER, _ASCENDING)
        # The same rows and keys in the sorted column's order: "positions" index these.
        self._sorted_rows: list[MemberRow] = []
        self._sorted_keys: list[str] | None = None  # None until the keys are complete
        self._statuses: frozenset[MemberStatus] | None = None
        self._member_type: str | None = None
        self._numbers: frozenset[int] | None = None  # only these members (say, without a recorded consent)
        self._base: list[int] | None = None  # positions passing status and type; None: all
        self._query = ""
        self._matches: list[int] = []  # positions passing everything, ascending
        self._visible: list[int] = []  # positions in display order

    # -- data in ---------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[MemberRow]) -> None:
        """New data (a load or reload): keys and sort orders are rebuilt once."""
        self._rows = list(rows)
        self._keys = []
        self._index_of = {r.number: i for i, r in enumerate(self._rows)}
        self._orders = {}
        self._arrange()
        self._key_timer.start()  # the list shows now; the search keys follow while idle

    def put_row(self, row: MemberRow) -> None:
        """One member added or changed; the others stay as they are."""
        self.prepare_search()
        i = self._index_of.get(row.number)
        if i is None:
            self._index_of[row.number] = len(self._rows)
            self._rows.append(row)
            self._keys.append(search_key(row))
        elif self._put_in_place(i, row):
            return
        else:
            self._rows[i], self._keys[i] = row, search_key(row)
        self._orders = {}
        self._arrange()

    def _put_in_place(self, i: int, row: MemberRow) -> bool:
        """A changed member that keeps its place, its filters and its match to the search:
        only its line is repainted (at 100,000 members rebuilding the list costs ~50 ms).
        False, having changed nothing, when the list must be laid out again."""
        old, column = self._rows[i], self._sort[0]
        key = search_key(row)
        if SORT_KEYS[column](old) != SORT_KEYS[column](row) or self._sorted_keys is None:
            return False
        if self._base is not None and (old.status, old.member_type) != (row.status, row.member_type):
            return False
        if self._query and (self._query in self._keys[i]) != (self._query in key):
            return False
        position = self._order(column).index(i)  # C-level scans: about a millisecond at 100,000
        self._rows[i], self._keys[i] = row, key
        self._sorted_rows[position], self._sorted_keys[position] = row, key
        self._orders = {c: order for c, order in self._orders.items()
                        if c == column or SORT_KEYS[c](old) == SORT_KEYS[c](row)}
        at = self.row_of_number(row.number)
        if at is not None:
            self.dataChanged.emit(self.index(at, 0), self.index(at, COLUMN_COUNT - 1))
        return True

    def set_filters(self, *, statuses: Iterable[MemberStatus] | None = None,
                    member_type: str | None = None, numbers: Iterable[int] | None = None) -> None:
        """``statuses`` None means every status; ``member_type`` None means every type; ``numbers``
        None means every member, else only the members with these numbers."""
        self._statuses = frozenset(statuses) if statuses is not None else None
        self._member_type = member_type or None
        self._numbers = frozenset(numbers) if numbers is not None else None
        self._base = self._filter_base()
        self._search(self._query, narrowing=False)

    def set_search(self, text: str) -> None:
        query = normalise_query(text)
        self._search(query, narrowing=bool(self._query) and self._query in query)

    # -- what the page reads ---------------------------------------------------------------
    @property
    def total(self) -> int:
        return len(self._rows)

    @property
    def shown(self) -> int:
        return len(self._visible)

    def visible_rows(self) -> list[MemberRow]:
        """The rows as the list shows them, in display order: what an export writes."""
        rows = self._sorted_rows
        return [rows[p] for p in self._visible]

    def row_at(self, row: int) -> MemberRow:
        return self._sorted_rows[self._visible[row]]

    def row_of_number(self, number: int) -> int | None:
        """The display row of a member, or None when the member is not shown."""
        i = self._index_of.get(number)
        if i is None:
            return None
        position = self._order(self._sort[0]).index(i)
        found = bisect.bisect_left(self._matches, position)
        if found == len(self._matches) or self._matches[found] != position:
            return None
        return found if self._sort[1] == _ASCENDING else len(self._matches) - 1 - found

    # -- Qt --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(_HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every visible cell and role on each repaint: unwanted roles leave first.
        if role not in _ROLES or not index.isValid():
            return None
        row = self._sorted_rows[self._visible[index.row()]]
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if index.column() == NUMBER else None
        if role == Qt.ItemDataRole.ForegroundRole:  # members who left are greyed out
            return _left_brush() if row.status in _LEFT else None
        if role == ROW_ROLE:
            return row
        if role == NUMBER_ROLE:
            return row.number
        if index.column() == STATUS and row.left_on:  # the tooltip
            return _("Left on {date}", date=current().date(row.left_on))
        return None

    def sort(self, column: int, order: Qt.SortOrder = _ASCENDING) -> None:
        if (column, order) == self._sort:
            return
        same_column = column == self._sort[0]
        self._sort = (column, order)
        if same_column:  # only the direction changed: the same matches, reversed
            self._show()
        else:
            self._arrange()

    # -- inside ----------------------------------------------------------------------------
    def _arrange(self) -> None:
        """Lay the rows out in the sorted column's order and filter them again."""
        order = self._order(self._sort[0])
        self._sorted_rows = [self._rows[i] for i in order]
        self._sorted_keys = None
        if len(self._keys) == len(self._rows):
            self._sorted_keys = _packed([self._keys[i] for i in order])
        self._base = self._filter_base()
        self._search(self._query, narrowing=False)

    def _order(self, column: int) -> list[int]:
        """All row indexes in the column's ascending order, computed once per load."""
        if column not in self._orders:
            rows = self._rows
            if column == NUMBER and all(a.number < b.number for a, b in zip(rows, rows[1:])):
                self._orders[column] = list(range(len(rows)))  # list_members reads by number
            else:
                keys = list(map(SORT_KEYS[column], rows))  # one key per row, then a C-level sort
                start = range(len(rows)) if column == NUMBER else self._order(NUMBER)
                self._orders[column] = sorted(start, key=keys.__getitem__)
        return self._orders[column]

    def _filter_base(self) -> list[int] | None:
        if self._statuses is None and self._member_type is None and self._numbers is None:
            return None
        # No search text here, so the keys are not read: placeholders do while they are made.
        base = filter_rows(self._sorted_rows, statuses=self._statuses, member_type=self._member_type,
                           keys=[""] * len(self._sorted_rows))
        if self._numbers is not None:
            rows, numbers = self._sorted_rows, self._numbers
            base = [p for p in base if rows[p].number in numbers]
        return base

    def _search(self, query: str, *, narrowing: bool) -> None:
        if not query:
            matches = list(range(len(self._rows))) if self._base is None else self._base
        else:
            keys = self.prepare_search()
            if narrowing:  # one more letter typed: only the rows the last query kept can match
                matches = [p for p in self._matches if query in keys[p]]
            elif self._base is None:
                matches = [p for p, key in enumerate(keys) if query in key]
            else:
                matches = [p for p in self._base if query in keys[p]]
        self._query, self._matches = query, matches
        self._show()

    def _make_keys_step(self) -> None:
        rows, keys = self._rows, self._keys
        keys.extend(map(search_key, rows[len(keys):len(keys) + _KEY_STEP]))
        if len(keys) == len(rows):
            self.prepare_search()

    def prepare_search(self) -> list[str]:
        """The search keys in display order, made now if the idle steps have not finished.

        The page calls nothing here; a search does, and a benchmark, to time the keys.
        """
        if self._sorted_keys is None:
            self._key_timer.stop()
            rows, keys = self._rows, self._keys
            keys.extend(map(search_key, rows[len(keys):]))
            self._sorted_keys = _packed([keys[i] for i in self._order(self._sort[0])])
        return self._sorted_keys

    def _show(self) -> None:
        self.beginResetModel()
        self._visible = self._matches if self._sort[1] == _ASCENDING else self._matches[::-1]
        self.endResetModel()
        self.filtered.emit()


def _packed(keys: list[str]) -> list[str]:
    """Fresh copies of ``keys``, laid out one after another in memory.

    After a sort the old key strings lie scattered in memory, and scanning them costs
    four times as much (measured at 100,000 members); new copies made in display order
    are scanned in order.
    """
    packed = _SEPARATOR.join(keys).split(_SEPARATOR)
    if len(packed) == len(keys):
        return packed
    return [(key + _SEPARATOR)[:-1] for key in keys]  # a key held the separator: copy one by one


def _left_brush() -> QBrush:
    return QGuiApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


def _display(row: MemberRow, column: int) -> str:
    if column == NUMBER:
        return str(row.number)  # a member number is a name, not a quantity: no digit grouping
    if column == NAME:
        return row.name
    if column == TYPE:
        return row.member_type  # the co-op's own names for its member types
    if column == STATUS:
        return _(row.status.label)
    return _date_text(current().language, row.joined_on)


@lru_cache(maxsize=8192)  # a co-op's members joined on a few thousand different days
def _date_text(language: str, value: dt.date | None) -> str:
    return Translator(language).date(value)
