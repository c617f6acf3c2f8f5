"""Printing the bylaws and an amendment's comparison table to PDF files.

As every print (``services.printing``): rendered in memory, the target replaced only once
the PDF is whole; a cancelled or refused print leaves nothing behind.  The printing
modules load reportlab, so the command line imports this only to print.
"""

from __future__ import annotations

import re
from pathlib import Path

from coopdesk.documents.base import Progress
from coopdesk.documents.bylaws.bylaws import render_bylaws_pdf
from coopdesk.documents.bylaws.comparison import render_comparison_pdf
from coopdesk.i18n import Translator
from coopdesk.services.bylaws.papers import bylaws_paper, comparison_paper
from coopdesk.services.coops import get_coop
from coopdesk.services.printing import PrintResult, count_pages, write_pdf
from coopdesk.store.database import Database


def render_bylaws(db: Database, coop_id: int, language: str, version: int | None = None, *,
                  progress: Progress | None = None) -> bytes:
    """The bylaws of that version (None: in force today) as PDF bytes."""
    return render_bylaws_pdf(bylaws_paper(db, coop_id, version), language, progress=progress)


def print_bylaws(db: Database, coop_id: int, path: str | Path, language: str, version: int | None = None, *,
                 progress: Progress | None = None) -> PrintResult:
    pdf = render_bylaws(db, coop_id, language, version, progress=progress)
    return PrintResult(write_pdf(path, pdf), count_pages(pdf))


def render_comparison(db: Database, coop_id: int, item_id: int, language: str, *,
                      progress: Progress | None = None) -> bytes:
    """The comparison table of an amendment item (신구조문 대비표) as PDF bytes."""
    return render_comparison_pdf(comparison_paper(db, coop_id, item_id), language, progress=progress)


def print_comparison(db: Database, coop_id: int, item_id: int, path: str | Path, language: str, *,
                     progress: Progress | None = None) -> PrintResult:
    pdf = render_comparison(db, coop_id, item_id, language, progress=progress)
    return PrintResult(write_pdf(path, pdf), count_pages(pdf))


def bylaws_file_name(db: Database, coop_id: int, language: str, version: int | None = None) -> str:
    """"햇살마을협동조합 정관.pdf", with the version when one is asked for ("… 정관 (2).pdf")."""
    t = Translator(language)
    name = f"{get_coop(db, coop_id).name} {t.gettext('Bylaws')}"
    return _safe(name + (f" ({version})" if version is not None else ""))


def comparison_file_name(db: Database, coop_id: int, language: str) -> str:
    """"햇살마을협동조합 정관 신구조문 대비표.pdf"."""
    title = Translator(language).gettext("Comparison of the current and amended bylaws")
    return _safe(f"{get_coop(db, coop_id).name} {title}")


def _safe(name: str) -> str:
    return " ".join(re.sub(r'[\\/:*?"<>|]+', " ", name).split()) + ".pdf"
