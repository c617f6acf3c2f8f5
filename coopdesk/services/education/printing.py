"""Printing the education papers to PDF files, in the language the user picks: certificates of
completion, a session's attendance sheet, and the yearly report.

As every paper, rendered in memory and written over the target only once complete; a refusal
(nobody to certify) comes before anything is written.  ``progress(done, total)`` returning
False cancels (a certificate, or a session of the report, at a time).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from coopdesk.domain.text import N_
from coopdesk.i18n import Translator
from coopdesk.services.education.papers import certificate_paper, sheet_paper
from coopdesk.services.education.report import education_year
from coopdesk.services.education.sessions import get_session
from coopdesk.services.printing import PrintResult, count_pages, write_pdf
from coopdesk.store.database import Database

if TYPE_CHECKING:  # reportlab loads only when a paper is printed
    from coopdesk.documents.base import Progress


class EducationPaperKind(StrEnum):
    CERTIFICATE = "certificate"
    ATTENDANCE = "attendance"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    EducationPaperKind.CERTIFICATE: N_("Certificates of completion"),
    EducationPaperKind.ATTENDANCE: N_("Attendance sheet"),
}
_REPORT_NAME = N_("Education report {year}")


def render_session_paper(db: Database, coop_id: int, session_id: int, kind: EducationPaperKind, language: str, *,
                         attendance_ids: Collection[int] | None = None, issued_on: dt.date | None = None,
                         progress: Progress | None = None) -> bytes:
    if kind is EducationPaperKind.CERTIFICATE:
        from coopdesk.documents.education.certificate import render_certificates

        paper = certificate_paper(db, coop_id, session_id, attendance_ids, issued_on)
        return render_certificates(paper, language, progress=progress)
    from coopdesk.documents.education.attendance_sheet import render_attendance_sheet

    return render_attendance_sheet(sheet_paper(db, coop_id, session_id), language, progress=progress)


def print_session_paper(db: Database, coop_id: int, session_id: int, kind: EducationPaperKind, path: str | Path,
                        language: str, *, attendance_ids: Collection[int] | None = None,
                        issued_on: dt.date | None = None, progress: Progress | None = None) -> PrintResult:
    pdf = render_session_paper(db, coop_id, session_id, kind, language, attendance_ids=attendance_ids,
                               issued_on=issued_on, progress=progress)
    return PrintResult(write_pdf(path, pdf), count_pages(pdf))


def render_year_report(db: Database, coop_id: int, year: int, language: str, *,
                       progress: Progress | None = None) -> bytes:
    from coopdesk.documents.education.year_report import render_year_report as render

    return render(education_year(db, coop_id, year, mark=True), language, progress=progress)


def print_year_report(db: Database, coop_id: int, year: int, path: str | Path, language: str, *,
                      progress: Progress | None = None) -> PrintResult:
    pdf = render_year_report(db, coop_id, year, language, progress=progress)
    return PrintResult(write_pdf(path, pdf), count_pages(pdf))


def session_paper_name(db: Database, coop_id: int, session_id: int, kind: EducationPaperKind, language: str) -> str:
    """A file name like "2026-03-14 신규 조합원 교육 수료증.pdf", safe on Windows."""
    d = get_session(db, coop_id, session_id).details
    return _safe(f"{d.held_on.isoformat()} {d.topic} {Translator(language).gettext(kind.label)}")


def year_report_name(year: int, language: str) -> str:
    return _safe(Translator(language).gettext(_REPORT_NAME, year=str(year)))


def _safe(name: str) -> str:
    return " ".join(re.sub(r'[\\/:*?"<>|]+', " ", name).split()) + ".pdf"
