"""Reading the first sheet of a workbook (.xlsx) row by row, quickly, with openpyxl's parts.

openpyxl reads everything the values depend on: which part is the first sheet, which
cell styles are dates, the 1900 or 1904 calendar; its conversions make the values.  What
``load_workbook(read_only=True)`` and ``iter_rows(values_only=True)`` would add besides
is left out, because at 100,000 rows it costs more than the whole rest of an import
(bench/bench_import.py):

- when a sheet does not say its size (openpyxl's write-only mode, hence CoopDesk's own
  export, does not), ``load_workbook`` parses the whole sheet once only to learn it; the
  progress bar counts the bytes of the sheet read instead;
- every element of the sheet passes through Python as an event (two million for 100,000
  rows); here the XML is built into elements by the C parser alone, and Python takes only
  the finished rows (and the finished shared strings), dropping each once read;
- each cell becomes a dictionary, and each text a rich-text object of several checked
  attributes, only to be joined back into plain text;
- a date cell is converted again for every row that holds the same date.

Cells of the kinds a register rarely holds (true/false, errors, a formula's text, ISO
dates, a duration, a date out of range) go through openpyxl's own cell parser, so every
value is the one ``iter_rows(values_only=True)`` gives after ``reset_dimensions()``
(tests/services/members/test_import_sheets.py compares the two on every kind of cell).
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Protocol
from xml.etree.ElementTree import Element, TreeBuilder

from openpyxl import DEFUSEDXML
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.utils.datetime import from_excel
from openpyxl.worksheet._reader import WorkSheetParser, _cast_number
from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS

if DEFUSEDXML:  # as openpyxl: refuse entity tricks when defusedxml is there (expat limits them anyway)
    from defusedxml.ElementTree import DefusedXMLParser as XMLParser
else:
    from xml.etree.ElementTree import XMLParser

_NS = f"{{{SHEET_MAIN_NS}}}"
_V, _T, _R, _IS = f"{_NS}v", f"{_NS}t", f"{_NS}r", f"{_NS}is"
_SHEET_DATA = f"{_NS}worksheet/{_NS}sheetData"
_STRING_TABLE = f"{_NS}sst"
_DIGITS = "0123456789"
_READ = 1 << 16  # bytes fed to the parser at a time
_DATES_KEPT = 50_000  # distinct date cells remembered; a register has a few thousand

Cell = Any  # what a cell holds: str, int, float, None, a date, or what ``convert`` makes of a rare kind


@dataclass
class FirstSheet:
    """The first sheet's rows as ``(row number, values)``, and how far the reading is."""

    lines: Generator[tuple[int, list[Cell]], None, None]
    size: int  # bytes of the sheet's XML
    done: Callable[[], int]  # bytes of it read so far


def first_sheet(path: Path, convert: Callable[[object], Cell]) -> FirstSheet | None:
    """The first worksheet of the workbook at ``path``, None if it has none.

    ``convert`` turns what openpyxl makes of a date or a rare kind of cell (a datetime, a
    bool) into the value a table holds.  The file stays open until ``lines`` is closed or
    read to the end.  openpyxl's and the XML parser's exceptions for a damaged file pass
    through.
    """
    reader = ExcelReader(path, read_only=True, data_only=True)
    archive = reader.archive
    try:
        reader.read_manifest()
        strings = _shared_strings(reader)
        reader.read_workbook()
        apply_stylesheet(archive, reader.wb)
        target = _first_worksheet(reader)
        if target is None:
            archive.close()
            return None
        source = _Counted(archive.open(target))
    except BaseException:
        archive.close()
        raise
    wb = reader.wb
    cells = _RowParser(source, strings, data_only=True, epoch=wb.epoch, date_formats=wb._date_formats,
                       timedelta_formats=wb._timedelta_formats)
    cells.convert = convert

    def lines() -> Generator[tuple[int, list[Cell]], None, None]:
        following = 1  # as openpyxl: a row numbered below the one before (or below 1) is passed over
        try:
            for row in _finished(source, _SHEET_DATA):
                number, values = cells.parse_row(row)
                if number >= following:
                    following = number + 1
                    yield number, values
        finally:
            source.close()
            archive.close()

    return FirstSheet(lines(), archive.getinfo(target).file_size, source.count)


def _first_worksheet(reader: ExcelReader) -> str | None:
    """The part of the first sheet that is a worksheet, as ``load_workbook`` finds it."""
    for _sheet, rel in reader.parser.find_sheets():
        if rel.target in reader.valid_files and "chartsheet" not in rel.Type:
            return rel.target
    return None


def _finished(source: _Readable, container: str) -> Iterator[Element]:
    """The children of the element at ``container`` (a path from the document's root), each
    once the parser has read all of it; each is dropped once the next is asked for.

    The parser builds the elements in C, below a top element made first, so that the
    container can be reached while the document is still being read (the top is never
    ended: the C tree builder's ``close`` does not ask); a child is finished when the next
    one has begun.
    """
    builder = TreeBuilder()
    top = builder.start("top", {})
    parser = XMLParser(target=builder)
    parent = None
    while chunk := source.read(_READ):
        parser.feed(chunk)
        if parent is None:
            parent = top.find(container)
            if parent is None:
                continue
        finished = len(parent) - 1
        if finished > 0:
            yield from parent[:finished]
            del parent[:finished]
    parser.close()
    if parent is not None:
        yield from list(parent)


def _shared_strings(reader: ExcelReader) -> list[str]:
    """The workbook's shared strings as plain text, as ``read_string_table`` gives them."""
    part = reader.package.find(SHARED_STRINGS)
    if part is None:
        return []
    with reader.archive.open(part.PartName[1:]) as source:
        return [_plain_text(item).replace("x005F_", "") for item in _finished(source, _STRING_TABLE)]


def _plain_text(node: Element) -> str:
    """A string's text without its formatting, as openpyxl's ``Text.from_tree(node).content``
    makes it: the plain part first, then each run's, not the phonetic guide.  openpyxl keeps
    the last of several ``<t>`` where there should be one; so does this."""
    if len(node) == 1 and node[0].tag == _T:  # nearly every string: one plain text
        return node[0].text or ""
    plain = None
    runs = []
    for child in node:
        if child.tag == _T:
            plain = child.text
        elif child.tag == _R:
            text = None
            for part in child.iterfind(_T):
                text = part.text
            if text:
                runs.append(text)
    return "".join(runs) if plain is None else plain + "".join(runs)


class _Readable(Protocol):
    """What ``_finished`` reads: a part of the workbook's zip, or one counted."""

    def read(self, size: int = -1, /) -> bytes: ...


class _Counted:
    """A file read by the XML parser, counting the bytes it has read (for progress)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self.read_bytes = 0

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size)
        self.read_bytes += len(data)
        return data

    def count(self) -> int:
        return self.read_bytes

    def close(self) -> None:
        self._raw.close()


class _RowParser(WorkSheetParser):  # type: ignore[misc]
    """openpyxl's sheet parser, making each row the list ``iter_rows(values_only=True)``
    would: openpyxl's ``parse_cell`` for the rare kinds of cell, the common ones here."""

    convert: Callable[[object], Cell]
    row_counter: int

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._dates: dict[str, Cell] = {}
        self._columns: dict[str, int] = {}  # "AB" -> 28

    def parse_row(self, row: Element) -> tuple[int, list[Cell]]:
        """The row's number and values; a hundred thousand rows come through here, hence
        the common kinds of cell handled inline."""
        given = row.get("r")
        if given is None:
            self.row_counter += 1
        else:
            number = float(given)  # as openpyxl: "7" and "7.0" are row 7
            if not number.is_integer():
                raise ValueError(f"{given} is not a valid row number")
            self.row_counter = int(number)
        values: list[Cell] = []
        columns, strings, date_formats = self._columns, self.shared_strings, self.date_formats
        column = 0  # of the cell before: a cell without a reference is the next one
        for element in row:
            get = element.get
            coordinate = get("r")
            previous = column
            column = (columns.get(coordinate.rstrip(_DIGITS)) or self._column(coordinate)) if coordinate else column + 1
            kind = get("t")
            if kind == "s":
                text = element.findtext(_V)
                value = strings[int(text)] if text else None
            elif kind is None or kind == "n":
                text = element.findtext(_V)
                style = get("s")
                if not text:
                    value = None
                elif style and int(style) in date_formats:
                    value = self._date(element, text, int(style), previous)
                else:
                    value = _cast_number(text)
            elif kind == "inlineStr":
                child = element.find(_IS)
                value = None if child is None else _plain_text(child)
            else:
                column, value = self._openpyxl_cell(element, previous)
            if column == len(values) + 1:
                values.append(value)
            else:
                if column > len(values):
                    values.extend([None] * (column - len(values)))
                values[column - 1] = value
        # openpyxl makes a row as wide as its last cell says, and drops the cells beyond.
        del values[column:]
        self.col_counter = column
        return self.row_counter, values

    def _column(self, coordinate: str) -> int:
        """"AB12" -> 28; raises for a reference openpyxl refuses."""
        column = self._columns[coordinate.rstrip(_DIGITS)] = coordinate_to_tuple(coordinate)[1]
        return column

    def _date(self, element: Element, text: str, style: int, counter: int) -> Cell:
        if style in self.timedelta_formats:  # a duration: rare, never kept
            return self._openpyxl_cell(element, counter)[1]
        found = self._dates.get(text)
        if found is None:
            try:
                found = self.convert(from_excel(_cast_number(text), self.epoch))
            except (OverflowError, ValueError):  # openpyxl warns and makes it an error cell
                return self._openpyxl_cell(element, counter)[1]
            if len(self._dates) < _DATES_KEPT:
                self._dates[text] = found
        return found

    def _openpyxl_cell(self, element: Element, counter: int) -> tuple[int, Cell]:
        self.col_counter = counter
        cell = self.parse_cell(element)
        value = cell["value"]
        return cell["column"], value if value is None or type(value) is str else self.convert(value)
