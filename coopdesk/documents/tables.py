"""Tables for printed documents: cell text wrapping and a header row on every page.

``PagedTable`` is the one way a document prints a long list (the register, an attendance
sheet): it repeats the header row on each page and stays linear in the number of rows.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Union

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import Flowable, Table

from coopdesk.documents.base import ProgressTicker
from coopdesk.documents.fonts import GOTHIC, GOTHIC_BOLD

Cell = Union[str, Flowable]


@dataclass(frozen=True)
class TableLook:
    font: str = GOTHIC
    bold_font: str = GOTHIC_BOLD
    size: float = 8
    leading: float = 10
    pad_x: float = 3
    pad_y: float = 2.5
    header_background: colors.Color = colors.HexColor("#dde3ea")
    stripe: colors.Color = colors.HexColor("#f1f3f6")
    rule: colors.Color = colors.HexColor("#7d8798")


def wrap_text(text: str, width: float, font: str, size: float) -> str:
    """Lines of ``text`` that fit ``width``, joined by newlines, for a plain table cell.

    Breaks at spaces; a word wider than the cell (a long name, a house number) is broken
    after a hyphen or else between characters, so nothing is cut off or runs into the
    next column.
    """
    measure = getFont(font).stringWidth
    if measure(text, size) <= width:
        return text
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if measure(candidate, size) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = word
        while len(line) > 1 and measure(line, size) > width:
            cut = _cut(line, width, measure, size)
            lines.append(line[:cut])
            line = line[cut:]
    lines.append(line)
    return "\n".join(lines)


def _cut(word: str, width: float, measure: Callable[[str, float], float], size: float) -> int:
    """Where to break a word too wide for its cell: after its last hyphen that fits."""
    fits = max((i for i in range(1, len(word)) if measure(word[:i], size) <= width), default=1)
    hyphen = word.rfind("-", 0, fits) + 1
    return hyphen if hyphen > 1 else fits


class PagedTable(Flowable):
    """A table whose header row repeats on every page, laid out one page at a time.

    platypus' Table copies and re-checks every remaining row each time it splits, which
    is quadratic for a long register; this measures each row once and gives each page a
    small Table of its own rows.  ``rows`` may be any sequence (say, of dataclasses)
    turned into cells lazily by ``cells``, so a page's cells exist only while it is laid out.
    """

    def __init__(self, header: Sequence[str], rows: Sequence[Any],
                 col_widths: Sequence[float], *,
                 cells: Callable[[Any], Sequence[Cell]] = list, look: TableLook = TableLook(),
                 style: Sequence[tuple[Any, ...]] = (), progress: ProgressTicker | None = None) -> None:
        super().__init__()
        self.hAlign = "CENTER"
        self._look, self._widths, self._rows, self._cells = look, list(col_widths), rows, cells
        self._header = [wrap_text(h, w - 2 * look.pad_x, look.bold_font, look.size)
                        for h, w in zip(header, col_widths)]
        self._style, self._progress = list(style), progress
        self._start = 0
        self._page: tuple[float, int, list[Sequence[Cell]], list[float]] | None = None

    def _row_height(self, row: Sequence[Cell]) -> float:
        look, tallest = self._look, self._look.leading
        for value, width in zip(row, self._widths):
            if isinstance(value, str):
                height = look.leading * (value.count("\n") + 1)
            else:
                height = value.wrap(width - 2 * look.pad_x, 1e6)[1]
            tallest = max(tallest, height)
        return tallest + 2 * look.pad_y

    def _layout(self, avail: float) -> tuple[int, list[Sequence[Cell]], list[float]]:
        """The rows from ``_start`` that fit under the header in ``avail`` points."""
        if self._page is None or self._page[0] != avail:
            data, heights = [self._header], [self._row_height(self._header)]
            used, end = heights[0], self._start
            while end < len(self._rows):
                row = self._cells(self._rows[end])
                height = self._row_height(row)
                if used + height > avail:
                    break
                data.append(row)
                heights.append(height)
                used, end = used + height, end + 1
            self._page = (avail, end, data, heights)
        return self._page[1:]

    def _table(self, data: list[Sequence[Cell]], heights: list[float]) -> Table:
        look = self._look
        # Stripes follow the row's place in the whole register, not on the page.
        stripes = [None, look.stripe] if self._start % 2 == 0 else [look.stripe, None]
        style = [
            ("FONT", (0, 0), (-1, -1), look.font, look.size, look.leading),
            ("FONT", (0, 0), (-1, 0), look.bold_font, look.size, look.leading),
            ("BACKGROUND", (0, 0), (-1, 0), look.header_background),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), stripes),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, look.rule),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, look.rule),
            ("LINEBELOW", (0, -1), (-1, -1), 0.8, look.rule),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), look.pad_x),
            ("RIGHTPADDING", (0, 0), (-1, -1), look.pad_x),
            ("TOPPADDING", (0, 0), (-1, -1), look.pad_y),
            ("BOTTOMPADDING", (0, 0), (-1, -1), look.pad_y),
            *self._style,
        ]
        return Table(data, colWidths=self._widths, rowHeights=heights, style=style,
                     hAlign="CENTER", normalizedData=1)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        end, _, heights = self._layout(availHeight)
        if end < len(self._rows):
            return sum(self._widths), availHeight + 1  # too tall: platypus will split
        return sum(self._widths), sum(heights)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        end, data, heights = self._layout(availHeight)
        if end == self._start and end < len(self._rows):
            return []  # not even one row fits here: go on to the next page
        parts: list[Flowable] = [self._table(data, heights)]
        if self._progress:
            self._progress.advance(end)
        if end < len(self._rows):
            rest = copy.copy(self)
            rest._start, rest._page = end, None
            rest.__dict__.pop("_postponed", None)  # platypus' mark on us, not on the rest
            parts.append(rest)
        return parts

    def draw(self) -> None:
        _, data, heights = self._page[1:] if self._page else self._layout(1e9)
        table = self._table(data, heights)
        table.wrapOn(self.canv, sum(self._widths), sum(heights))
        table.drawOn(self.canv, 0, 0)
        if self._progress:
            self._progress.advance(len(self._rows))
