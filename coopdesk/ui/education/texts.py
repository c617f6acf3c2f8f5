"""Screen words and small widgets the education area's parts share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from coopdesk.domain.education.hours import Duration
from coopdesk.i18n import _, current
from coopdesk.ui.widgets.tables import compact_rows, read_only_rows

WARNING_COLOUR, OK_COLOUR, MUTED_COLOUR = "#b00020", "#1b5e20", "#777777"


def hours_text(minutes: int) -> str:
    """90 minutes in the screen's language: "1 h 30 min", "1시간 30분"."""
    words, t = Duration(minutes).words, current()
    return _(words.message, **{k: t.number(v) for k, v in words.params})


def clock(value: dt.time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def plain_table(headings: Sequence[str], stretch: int, parent: QWidget | None = None) -> QTableWidget:
    """A read-only table of a few dozen rows, one line of text each, whole rows selected."""
    table = QTableWidget(0, len(headings), parent)
    table.setHorizontalHeaderLabels(list(headings))
    read_only_rows(table)
    compact_rows(table)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def fill_row(table: QTableWidget, row: int, cells: Sequence[str], key: object,
             right: Sequence[int] = ()) -> None:
    for column, text in enumerate(cells):
        item = QTableWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, key)
        if column in right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setItem(row, column, item)


def shown(table: QTableWidget, column: int) -> list[str]:
    """What a column shows, top to bottom (for tests and screen readers)."""
    return [table.item(r, column).text() for r in range(table.rowCount())]
