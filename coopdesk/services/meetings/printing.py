"""Printing a meeting's papers to PDF files, in the language the user picks.

Like the register (``printing``), a paper is rendered in memory and replaces the target
only once complete.  Refusals (a notice with no agenda, final minutes without their
signers) come before anything is written.
"""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path

from coopdesk.documents.meetings.attendance_sheet import render_attendance_sheet
from coopdesk.documents.meetings.notice import render_notice
from coopdesk.documents.meetings.minutes import render_minutes
from coopdesk.documents.meetings.proxy_form import render_proxy_form
from coopdesk.domain.text import N_
from coopdesk.i18n import Translator
from coopdesk.services.meetings.meeting import get_meeting
from coopdesk.services.meetings.papers import attendance_paper, minutes_paper, notice_paper, proxy_form_paper
from coopdesk.services.printing import PrintResult, count_pages, write_pdf
from coopdesk.store.database import Database


class MeetingPaperKind(StrEnum):
    NOTICE = "notice"
    ATTENDANCE = "attendance"
    PROXY_FORM = "proxy-form"
    MINUTES = "minutes"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    MeetingPaperKind.NOTICE: N_("Notice"),
    MeetingPaperKind.ATTENDANCE: N_("Attendance sheet"),
    MeetingPaperKind.PROXY_FORM: N_("Proxy form"),
    MeetingPaperKind.MINUTES: N_("Minutes"),
}
_DRAFT_LABEL = N_("Draft minutes")


def render_meeting_paper(db: Database, coop_id: int, meeting_id: int, kind: MeetingPaperKind, language: str,
                         *, draft: bool = False) -> bytes:
    """The paper as PDF bytes."""
    if kind is MeetingPaperKind.NOTICE:
        return render_notice(notice_paper(db, coop_id, meeting_id, language), language)
    if kind is MeetingPaperKind.ATTENDANCE:
        return render_attendance_sheet(attendance_paper(db, coop_id, meeting_id), language)
    if kind is MeetingPaperKind.PROXY_FORM:
        return render_proxy_form(proxy_form_paper(db, coop_id, meeting_id, language), language)
    return render_minutes(minutes_paper(db, coop_id, meeting_id, draft=draft, language=language), language)


def print_meeting_paper(db: Database, coop_id: int, meeting_id: int, kind: MeetingPaperKind, path: str | Path,
                        language: str, *, draft: bool = False) -> PrintResult:
    pdf = render_meeting_paper(db, coop_id, meeting_id, kind, language, draft=draft)
    return PrintResult(write_pdf(path, pdf), count_pages(pdf))


def suggested_name(db: Database, coop_id: int, meeting_id: int, kind: MeetingPaperKind, language: str,
                   *, draft: bool = False) -> str:
    """A file name like "2026년 정기총회 의사록.pdf", safe on Windows."""
    meeting = get_meeting(db, coop_id, meeting_id)
    label = Translator(language).gettext(_DRAFT_LABEL if draft and kind is MeetingPaperKind.MINUTES
                                         else kind.label)
    name = re.sub(r'[\\/:*?"<>|]+', " ", f"{meeting.title} {label}")
    return " ".join(name.split()) + ".pdf"
