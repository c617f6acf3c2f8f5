"""Writing tables of members as Excel (.xlsx) or CSV files, never half-written."""

from __future__ import annotations

import csv
import datetime as dt
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

from coopdesk.domain.errors import Refusal
from coopdesk.domain.text import N_
from coopdesk.services.table_files import UTF8, XLSX, Progress, Ticker, Value, check_suffix, codec

def write_table(path: str | Path, headers: Sequence[str], rows: Iterable[Sequence[Value]], *, total: int,
                encoding: str = UTF8, progress: Progress | None = None) -> int:
    """Write a table as .xlsx or .csv (by the suffix); returns the number of rows written.

    Dates go into a workbook as date cells and into a CSV file as 2024-03-01, so that
    both read back as dates.
    """
    path = Path(path)
    suffix = check_suffix(path)
    ticker = Ticker(progress, total)
    text_codec = codec(encoding)
    try:
        with atomic_file(path) as temp:
            if suffix == XLSX:
                count = _write_xlsx(temp, headers, rows, ticker)
            else:
                count = _write_csv(temp, headers, rows, text_codec, ticker)
            ticker.report(total)  # Cancel now still leaves the old file as it was
    except OSError as exc:
        raise Refusal(N_("{path} cannot be written: {error}"), field="path", path=str(path),
                      error=exc.strerror or str(exc)) from exc
    except UnicodeEncodeError as exc:
        raise Refusal(N_("Some text cannot be written in the {encoding} encoding: \u201c{text}\u201d. Use UTF-8."),
                      field="encoding", encoding=encoding, text=exc.object[exc.start:exc.end]) from exc
    return count


@contextmanager
def atomic_file(path: Path) -> Iterator[Path]:
    """A temporary file next to ``path`` that replaces it only if the block succeeds.

    A cancelled or failed export or print never leaves half a file behind, nor
    destroys the file that was there before.
    """
    fd, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix + ".part", dir=path.parent)
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        with temp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def _write_xlsx(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Value]], ticker: Ticker) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(list(headers))
    count = 0
    try:
        for count, values in enumerate(rows, start=1):
            cells = list(values)
            for i, v in enumerate(cells):
                if isinstance(v, str) and v.startswith("="):
                    # openpyxl would store it as a formula; it is text the member gave.
                    cell = WriteOnlyCell(sheet, v)
                    cell.data_type = "s"
                    cells[i] = cell
            sheet.append(cells)
            ticker.tick(count)
    except BaseException:
        _abandon(sheet)
        raise
    workbook.save(path)
    return count


def _abandon(sheet: object) -> None:
    """End openpyxl's half-written sheet and remove its temporary file."""
    with suppress(Exception):
        sheet.close()  # type: ignore[attr-defined]
        sheet._writer.cleanup()  # type: ignore[attr-defined]


def _write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Value]], encoding: str,
               ticker: Ticker) -> int:
    count = 0
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(headers)
        for count, values in enumerate(rows, start=1):
            writer.writerow(["" if v is None else v.isoformat() if isinstance(v, dt.date) else v
                             for v in values])
            ticker.tick(count)
    return count
