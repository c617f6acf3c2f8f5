"""Column widths from what a column shows, measured once with the view's font.

A column sized by Qt from its cells ("resize to contents") measures every row, and its
width is the text's to the pixel: a date's last character ("2026. 3. 28." ends with a
dot in Korean) is cut by the least difference between measuring and drawing.  A column
sized here measures a fixed sample — the widest date of the language, say — so it costs
the same at any number of rows, keeps its width as rows come and go, and leaves some air.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

from coopdesk.i18n import current


def widest_dates() -> list[str]:
    """A date of every month, with two-digit days, in the current language: the widest is among
    them, whatever the format (a month's name in English, its number in Korean)."""
    t = current()
    return [t.date(dt.date(2088, month, 28)) for month in range(1, 13)]


def fit_column(view: QTableView, column: int, samples: Iterable[str]) -> int:
    """Make ``column`` as wide as the widest of ``samples`` and its heading, with the cell's
    margins and a digit's width of air; the user may still widen it.  Returns the width."""
    metrics = view.fontMetrics()
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    air = 2 * margin + metrics.horizontalAdvance("0")
    header = view.horizontalHeader()
    width = max([metrics.horizontalAdvance(text) + air for text in samples] + [header.sectionSizeHint(column)])
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
    header.resizeSection(column, width)
    return width


def fit_dates(view: QTableView, *columns: int) -> None:
    """Date columns as wide as the language's widest date."""
    dates = widest_dates()
    for column in columns:
        fit_column(view, column, dates)
