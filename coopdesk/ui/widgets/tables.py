"""How CoopDesk's read-only tables behave: whole rows chosen one at a time, nothing edited in
place, one line of text per row at a fixed height.

A fixed row height is what lets a view hold 100,000 rows: Qt never measures a row to lay the
view out.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


def read_only_rows(table: QAbstractItemView) -> None:
    """Whole rows selected, one at a time; no cell edited in place; alternate rows shaded."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)


def compact_rows(table: QTableView) -> None:
    """One line of text per row at a fixed height, without the row numbers."""
    table.setWordWrap(False)
    rows = table.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
    rows.hide()


def register_view(parent: QWidget, model: QAbstractItemModel, name: str, *, widths: dict[int, int],
                  stretch: int, sort_by: int) -> QTableView:
    """A sortable view of a register (members, their capital) of any size: columns of set widths
    the user may change, ``stretch`` taking the rest, sorted by ``sort_by`` to begin with."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    read_only_rows(table)
    compact_rows(table)
    columns = table.horizontalHeader()
    columns.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in widths.items():
        columns.resizeSection(column, width)
    columns.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.setSortingEnabled(True)
    table.sortByColumn(sort_by, Qt.SortOrder.AscendingOrder)
    return table
