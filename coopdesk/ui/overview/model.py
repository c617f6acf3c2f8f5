"""The overview's table: one line per co-op (or per file not shown in full), sortable by any column.

Sorting goes by each column's value, not its text: dates as dates, member counts as
numbers, warnings by how many.  In ascending order a line without a value (a file not
shown in full) comes after those with one: the nearest deadline first, the problems last.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from coopdesk.i18n import N_, _, current
from coopdesk.services.overview import CoopRow, Overview, Urgency
from coopdesk.services.overview.wording import (
    article_text,
    due_text,
    kind_text,
    problem_text,
    warnings_text,
)
from coopdesk.ui.widgets.colours import AMBER, GREY, RED

FILE, COOP, KIND, MEMBERS, NEXT_DATE, WHAT, ARTICLE, WARNINGS = range(8)
HEADINGS = (N_("File"), N_("Co-op"), N_("Kind"), N_("Members"), N_("Next deadline"), N_("What"), N_("Article"),
            N_("Warnings"))
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the CoopRow itself
Index = QModelIndex | QPersistentModelIndex


class OverviewModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: tuple[CoopRow, ...] = ()
        self.headings = [_(h) for h in HEADINGS]

    def retranslate(self) -> None:
        """Headings and cells in the current language: each cell's words are made when shown."""
        self.headings = [_(h) for h in HEADINGS]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADINGS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(HEADINGS) - 1))

    def show(self, found: Overview) -> None:
        self.beginResetModel()
        self.rows = found.rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt's names)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADINGS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headings[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text_of(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:  # the warnings in full, with their articles
            return warnings_text(row, full=True) if index.column() == WARNINGS and row.warnings \
                else text_of(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            return _colour(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == MEMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return row
        return None

    def sort_key(self, row: int, column: int) -> tuple[bool, Any]:
        """What column ``column`` of line ``row`` sorts by: (no value, the value)."""
        value = _value(self.rows[row], column)
        return value is None, value if value is not None else ""


def text_of(row: CoopRow, column: int) -> str:
    t = current()
    due = row.next_deadline
    if column == FILE:
        return Path(row.source).name if "://" not in row.source else row.source
    if column == COOP:
        return row.name or "\u2014"
    if column == KIND:
        return kind_text(row)
    if column == MEMBERS:
        return t.number(row.members) if row.members is not None else ""
    if due is None:
        return problem_text(row) if column == WARNINGS else ""
    if column == NEXT_DATE:
        return t.date(due.due_on)
    if column == WHAT:
        return due_text(due)
    if column == ARTICLE:
        return article_text(due)
    return warnings_text(row) or problem_text(row)


def _value(row: CoopRow, column: int) -> Any:
    if column == MEMBERS:
        return row.members
    if column == NEXT_DATE:
        return row.next_deadline.due_on if row.next_deadline is not None else None
    if column == WARNINGS:
        return -len(row.warnings) if row.problem is None else None  # most warnings first
    return text_of(row, column).casefold() or None


def _colour(row: CoopRow, column: int) -> QBrush | None:
    if row.problem is not None:
        return QBrush(QColor(GREY))
    if column == WARNINGS and row.warnings:
        return QBrush(QColor(RED))
    due = row.next_deadline
    if column in (NEXT_DATE, WHAT) and due is not None:
        if due.urgency is Urgency.OVERDUE:
            return QBrush(QColor(RED))
        if due.urgency is Urgency.SOON:
            return QBrush(QColor(AMBER))
    return None


class OverviewProxy(QSortFilterProxyModel):
    """Sorts by the model's values (``OverviewModel.sort_key``), so dates sort as dates."""

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802 (Qt's name)
        model = self.sourceModel()
        assert isinstance(model, OverviewModel)
        return model.sort_key(left.row(), left.column()) < model.sort_key(right.row(), right.column())

