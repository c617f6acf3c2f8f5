"""Writing printed documents to PDF files, for every area.

A document is rendered in memory and then written to a temporary file next to the
target, which replaces the target only once it is complete: a print that is cancelled
or fails never leaves half a PDF behind, nor destroys the file that was there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from coopdesk.domain.errors import Refusal
from coopdesk.domain.text import N_
from coopdesk.services.failures import cannot_write
from coopdesk.services.table_write import atomic_file

# Every page object of a PDF says "/Type /Page"; the page tree says "/Type /Pages".
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


@dataclass(frozen=True, slots=True)
class PrintResult:
    path: Path
    pages: int


def write_pdf(path: str | Path, pdf: bytes) -> Path:
    path = Path(path).expanduser()
    if path.is_dir():
        raise Refusal(N_("{path} is a folder: give a file name for the PDF."), field="path", path=str(path))
    try:
        with atomic_file(path) as temp:
            temp.write_bytes(pdf)
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    return path


def count_pages(pdf: bytes) -> int:
    return len(_PAGE_OBJECT.findall(pdf))
