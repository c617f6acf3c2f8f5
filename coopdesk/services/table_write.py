"""Writing tables of members as Excel (.xlsx) or CSV files, never half-written."""

from __future__ import annotations

import csv
import datetime as dt
import errno
import os
import secrets
import stat
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

from coopdesk.domain.errors import Refusal
from coopdesk.domain.text import N_
from coopdesk.services.failures import cannot_write
from coopdesk.services.table_files import UTF8, XLSX, Progress, Ticker, Value, check_suffix, codec, neutralise

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
        raise cannot_write(path, exc) from exc
    except UnicodeEncodeError as exc:
        raise Refusal(N_("Some text cannot be written in the {encoding} encoding: \u201c{text}\u201d. Use UTF-8."),
                      field="encoding", encoding=encoding, text=exc.object[exc.start:exc.end]) from exc
    return count


@contextmanager
def atomic_file(path: Path) -> Iterator[Path]:
    """A temporary file next to ``path`` that replaces it only if the block succeeds.

    A cancelled or failed export or print never leaves half a file behind, nor
    destroys the file that was there before.  The finished file has the permissions
    any program's Save gives it: those of the file it replaces, or for a new file what
    the user's umask makes of 0666 (``tempfile.mkstemp`` would make it private, 0600,
    and a file shared in a folder would be unreadable for the others).
    """
    temp = _new_temp(path)
    try:
        yield temp
        with temp.open("rb+") as fh:
            os.fsync(fh.fileno())
        kept = _mode_of(path)
        if kept is not None:  # set only now: a read-only file's mode would stop the writing
            os.chmod(temp, kept)
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def _new_temp(path: Path) -> Path:
    """An empty new file beside ``path``, created 0666 so that the kernel applies the umask
    (and a folder's default ACL) exactly as it does for any new file."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _attempt in range(100):
        temp = path.parent / f".{path.stem}-{secrets.token_hex(4)}{path.suffix}.part"
        try:
            os.close(os.open(temp, flags, 0o666))
        except FileExistsError:
            continue
        return temp
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(path.parent))


def _mode_of(path: Path) -> int | None:
    """The permission bits of the file that ``path`` names now, None if there is none."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode) & 0o777
    except OSError:
        return None


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
                    # openpyxl would store it as a formula; it is text the member gave.  Other
                    # text (-2+3, @SUM(1,1)) openpyxl already writes as a text cell, which a
                    # spreadsheet never runs: no apostrophe is needed in a workbook.
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
            writer.writerow([_csv_cell(v) for v in values])
            ticker.tick(count)
    return count


def _csv_cell(value: Value) -> Value:
    """Dates as 2024-03-01; text that a spreadsheet would run as a formula made plain text.

    Only text: a number or a date is never taken for a formula, and an exported file
    is read back by the import, which removes the apostrophe again.
    """
    if type(value) is str:
        return neutralise(value)
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
