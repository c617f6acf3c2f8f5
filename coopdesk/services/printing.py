"""Printing documents to PDF files: for now the member register (조합원 명부).

A document is rendered in memory and then written to a temporary file next to the
target, which replaces the target only once it is complete: a print that is cancelled
or fails never leaves half a PDF behind, nor destroys the file that was there.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from coopdesk.documents.register import render_register
from coopdesk.domain.errors import Refusal
from coopdesk.domain.register import RegisterHeader, RegisterRow
from coopdesk.domain.text import N_
from coopdesk.services.coops import get_coop
from coopdesk.services.member_list import MemberRow, list_members
from coopdesk.services.table_files import Progress
from coopdesk.services.table_write import atomic_file
from coopdesk.store.database import Database

# Every page object of a PDF says "/Type /Page"; the page tree says "/Type /Pages".
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


@dataclass(frozen=True, slots=True)
class PrintResult:
    path: Path
    pages: int


def print_register(db: Database, coop_id: int, path: str | Path, language: str, *,
                   as_of: dt.date | None = None, rows: Sequence[MemberRow] | None = None,
                   progress: Progress | None = None) -> PrintResult:
    """The member register as a PDF at ``path``.

    ``rows`` are the members to print, in order (what the member list shows); without
    them, every member of the co-op by number.  ``as_of`` is the date printed on the
    register and the day the statuses are taken on.
    """
    as_of = as_of or dt.date.today()
    coop = get_coop(db, coop_id)
    members = list_members(db, coop_id, today=as_of) if rows is None else rows
    header = RegisterHeader(
        coop_name=coop.name, main_office=coop.main_office, as_of=as_of,
        member_count=sum(1 for m in members if m.status.is_current),
    )
    pdf = render_register(header, _RegisterRows(members), language, progress=progress)
    return PrintResult(write_pdf(path, pdf), count_pages(pdf))


class _RegisterRows(Sequence[RegisterRow]):
    """Member list rows as register rows, made one at a time as the pages are laid out."""

    def __init__(self, rows: Sequence[MemberRow]) -> None:
        self._rows = rows

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index):  # type: ignore[no-untyped-def, override]
        if isinstance(index, slice):
            return [register_row(r) for r in self._rows[index]]
        return register_row(self._rows[index])


def register_row(m: MemberRow) -> RegisterRow:
    return RegisterRow(number=m.number, name=m.name, member_type=m.member_type, birth_date=m.birth_date,
                       phone=m.phone, address=m.address, joined_on=m.joined_on, left_on=m.left_on,
                       status=m.status)


def write_pdf(path: str | Path, pdf: bytes) -> Path:
    path = Path(path).expanduser()
    if path.is_dir():
        raise Refusal(N_("{path} is a folder: give a file name for the PDF."), field="path", path=str(path))
    try:
        with atomic_file(path) as temp:
            temp.write_bytes(pdf)
    except OSError as exc:
        raise Refusal(N_("{path} cannot be written: {error}"), field="path", path=str(path),
                      error=exc.strerror or str(exc)) from exc
    return path


def count_pages(pdf: bytes) -> int:
    return len(_PAGE_OBJECT.findall(pdf))
