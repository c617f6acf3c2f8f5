"""Reading tables of members from Excel (.xlsx) or CSV files (writing: table_write.py).

A table read from a file keeps each row's line number in the file (the header is
usually line 1), so an import can tell the secretary exactly which lines are wrong.
CSV files come in UTF-8 (with or without the byte order mark) or in CP949, which is
what Korean Excel writes; the encoding is detected unless it is given.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import zipfile
import zlib
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import ParseError

from coopdesk.domain.errors import Cancelled, Refusal
from coopdesk.domain.text import N_

Value = str | int | float | dt.date | None
Progress = Callable[[int, int], bool]

XLSX = ".xlsx"
CSV = ".csv"
SUFFIXES = (XLSX, CSV)
UTF8 = "utf-8-sig"  # reads UTF-8 with or without a byte order mark; writes one, for Excel
CP949 = "cp949"
_PROGRESS_STEP = 2000  # rows between two progress reports


@dataclass(frozen=True, slots=True)
class TableRow:
    line: int  # line in a CSV file, row number in a sheet; the header is usually 1
    values: tuple[Value, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A table read whole, for a preview or a test."""

    headers: tuple[str, ...]
    header_line: int
    rows: list[TableRow]
    row_count: int  # all non-empty data rows, also those past a preview's limit
    encoding: str | None = None  # the CSV encoding used; None for a workbook


class Ticker:
    """Reports ``progress(done, total)`` every few thousand rows; ``False`` cancels."""

    def __init__(self, progress: Progress | None, total: int, step: int = _PROGRESS_STEP) -> None:
        self.progress, self.total, self.step = progress, max(total, 1), step
        self._next = step

    def tick(self, done: int) -> None:
        if self.progress is not None and done >= self._next:
            self._next = done + self.step
            self.report(done)

    def report(self, done: int) -> None:
        # Only an explicit False cancels: a callback that returns nothing goes on.
        if self.progress is not None and self.progress(min(done, self.total), self.total) is False:
            raise Cancelled()


# A spreadsheet takes text that starts with one of these for a formula and runs it when a
# CSV file is opened (CSV injection; OWASP's rule).  Such a cell is written with an
# apostrophe in front, which the spreadsheet shows as text, and read back without it.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def _runs_as_formula(text: str) -> bool:
    # A lone "-" (a dash for "none") is no formula.  Leading apostrophes are looked past,
    # so that text which itself starts with "'=" gets one more and comes back whole.
    bare = text.lstrip(QUOTE)
    return bare.startswith(FORMULA_START) and bare != "-"


def neutralise(text: str) -> str:
    """``text`` for a CSV cell that a spreadsheet shows as text rather than runs."""
    return QUOTE + text if _runs_as_formula(text) else text


def unneutralise(text: str) -> str:
    """The text :func:`neutralise` was given: the apostrophe in front of a formula goes."""
    if text.startswith(QUOTE) and _runs_as_formula(text[1:]):
        return text[1:]
    return text


def check_suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise Refusal(N_("CoopDesk reads and writes .xlsx and .csv files, not \u201c{suffix}\u201d."),
                      field="path", suffix=path.suffix or path.name)
    return suffix


# -- reading ------------------------------------------------------------------

@dataclass
class TableStream:
    """A table being read: its headers at once, its rows one by one (``rows``).

    Use it in a ``with`` block, so the file is closed even if not read to the end.
    """

    headers: tuple[str, ...]
    header_line: int
    rows: Iterator[TableRow]
    encoding: str | None  # the CSV encoding used; None for a workbook
    _lines: Generator[object, None, None]

    def close(self) -> None:
        self._lines.close()

    def __enter__(self) -> TableStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_table(path: str | Path, *, encoding: str | None = None, progress: Progress | None = None) -> TableStream:
    """The first sheet of a workbook, or a CSV file: the headers, then the non-empty rows.

    The header is the first row that is not empty.  Reading a row of a damaged file
    raises ``Refusal``; ``progress`` returning False raises ``Cancelled``.
    """
    path = Path(path)
    suffix = check_suffix(path)
    if not path.is_file():
        raise Refusal(N_("There is no file {path}."), field="path", path=str(path))
    if suffix == XLSX:
        # A workbook's progress is the bytes of its sheet read: counting its rows first
        # would cost a pass over the whole sheet.
        lines, total, done, used = *_xlsx_lines(path), None
        ticker = Ticker(progress, total, step=max(total // 100, 1))
    else:
        text, used = _decode(path, encoding)
        lines, done = _csv_lines(text), None
        ticker = Ticker(progress, text.count("\n") + 1)
    with _reading(path):
        for line, values in lines:
            if _filled(values):
                rows = _rows(path, lines, len(values), ticker, done)
                return TableStream(_headers(values), line, rows, used, lines)
    raise Refusal(N_("{path} holds no table: the first sheet is empty."), field="path", path=str(path))


def read_table(path: str | Path, *, encoding: str | None = None, limit: int | None = None,
               progress: Progress | None = None) -> Table:
    """The whole table in memory; ``limit`` keeps only that many rows (for a preview),
    but all are counted."""
    rows: list[TableRow] = []
    count = 0
    with open_table(path, encoding=encoding, progress=progress) as stream:
        for count, row in enumerate(stream.rows, start=1):
            if limit is None or count <= limit:
                rows.append(row)
    return Table(stream.headers, stream.header_line, rows, count, stream.encoding)


def _filled(values: Sequence[Value]) -> bool:
    for v in values:
        if v is not None and v != "":
            return True
    return False


def _rows(path: Path, lines: Iterator[tuple[int, Sequence[Value]]], width: int,
          ticker: Ticker, done: Callable[[], int] | None) -> Iterator[TableRow]:
    """The non-empty rows; ``done`` says how far the reading is, or else the line does."""
    tick = ticker.tick
    with _reading(path):
        for line, values in lines:
            if _filled(values):  # a wholly empty row is skipped, but the numbering goes on
                yield TableRow(line, _fit(values, width))
                tick(line if done is None else done())
    ticker.report(ticker.total)


@contextmanager
def _reading(path: Path) -> Iterator[None]:
    # What a damaged file raises while it is read: a zip's compressed data (zlib.error) or
    # checksum, the sheet's XML, a cell that names a missing shared string (IndexError)...
    try:
        yield
    except (csv.Error, zipfile.BadZipFile, zlib.error, ParseError, LookupError, ValueError, OverflowError, OSError,
            EOFError) as exc:
        raise _unreadable(path, exc) from exc


def _headers(values: Sequence[Value]) -> tuple[str, ...]:
    return tuple(_header_text(v) for v in values)


def _header_text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return " ".join(str(value).split())


def _fit(values: Sequence[Value], width: int) -> tuple[Value, ...]:
    """Exactly ``width`` values: short rows padded with None, cells beyond the header dropped."""
    n = len(values)
    if n == width:
        return tuple(values)
    if n > width:
        return tuple(values[:width])
    return (*values, *([None] * (width - n)))


def _unreadable(path: Path, exc: Exception) -> Refusal:
    error = str(exc) or type(exc).__name__
    if path.suffix.lower() == XLSX and not isinstance(exc, OSError):
        # The library's words say what is wrong, in English; the user needs to know what to do.
        return Refusal(N_("{path} is damaged or is not an Excel workbook ({error}). Open it in Excel and save it "
                          "again as an Excel workbook (.xlsx)."), field="path", path=str(path), error=error)
    return Refusal(N_("{path} cannot be read as a table: {error}"), field="path", path=str(path), error=error)


def _xlsx_lines(path: Path) -> tuple[Generator[tuple[int, Sequence[Value]], None, None], int, Callable[[], int]]:
    """The rows of the first sheet, the bytes of its XML, and how many of them were read."""
    from coopdesk.services.table_xlsx import first_sheet  # openpyxl is slow to import; only needed here

    try:
        sheet = first_sheet(path, _cell)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise _unreadable(path, exc) from exc
    if sheet is None:
        raise Refusal(N_("{path} holds no table: the first sheet is empty."), field="path", path=str(path))
    return sheet.lines, sheet.size, sheet.done


def _cell(value: object) -> Value:
    if isinstance(value, dt.datetime):
        # A date typed into Excel is a datetime at midnight.
        if value.hour or value.minute or value.second or value.microsecond:
            return value.isoformat(sep=" ")
        return value.date()
    if value is None or isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return value  # type: ignore[return-value]
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return str(value)


def _decode(path: Path, encoding: str | None) -> tuple[str, str]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if encoding is not None:
        try:
            return data.decode(codec(encoding)), encoding
        except UnicodeDecodeError as exc:
            raise Refusal(N_("{path} is not written in the {encoding} encoding."), field="encoding",
                          path=str(path), encoding=encoding) from exc
    for candidate in (UTF8, CP949):
        try:
            return data.decode(candidate), candidate
        except UnicodeDecodeError:
            continue
    raise Refusal(N_("{path} is neither UTF-8 nor CP949 text. Save it again as CSV UTF-8 or as an Excel workbook."),
                  field="encoding", path=str(path))


def codec(encoding: str) -> str:
    try:
        name = codecs.lookup(encoding).name
    except LookupError as exc:
        raise Refusal(N_("\u201c{encoding}\u201d is not a known text encoding."), field="encoding",
                      encoding=encoding) from exc
    return UTF8 if name == "utf-8" else name  # a byte order mark is never part of the data


def _csv_lines(text: str) -> Generator[tuple[int, Sequence[Value]], None, None]:
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text))
    start = 1
    for values in reader:
        # A quoted cell may span lines: the row is numbered by the line it starts on.
        yield start, [v if v != "" else None for v in values]
        start = reader.line_num + 1


def _dialect(text: str) -> type[csv.Dialect]:
    """Comma-separated as Excel writes it, or semicolons or tabs if the header says so."""
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)

    class Dialect(csv.excel):
        pass

    Dialect.delimiter = delimiter if first.count(delimiter) else ","
    return Dialect
