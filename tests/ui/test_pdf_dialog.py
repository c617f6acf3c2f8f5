"""A document that cannot be printed says why under the form, whole: the dialog grows for the
lines of a long message (a path on a USB stick that is gone), in Korean as in English."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel

from coopdesk import i18n
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.services.coops import create_coop
from coopdesk.services.meetings.agenda import add_standard_agenda
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting
from coopdesk.ui.context import CoopContext
from coopdesk.ui.meetings.paper_dialog import PaperDialog
from tests.conftest import sample_profile
from tests.support.jobs import wait_for_job

GONE = "/media/usb-gone/폴더/2026년 정기총회 소집통지서.pdf"


def shown_whole(label: QLabel) -> bool:
    """Every line of the label is inside the dialog and as tall as its text needs."""
    bottom = label.mapTo(label.window(), QPoint(0, label.height())).y()
    return label.height() >= label.heightForWidth(label.width()) and bottom <= label.window().height()


def test_a_failed_print_shows_its_whole_message(qtbot, sqlite_db):
    i18n.set_language("ko")
    try:
        coop = create_coop(sqlite_db, sample_profile(), adopted_on=dt.date(2020, 1, 1))
        meeting = create_meeting(sqlite_db, coop.id, MeetingInput(
            MeetingKind.ORDINARY_ASSEMBLY, "2026년 정기총회", dt.date.today() + dt.timedelta(days=20),
            dt.time(14), "조합 사무실", "이사장", "김민준"))
        add_standard_agenda(sqlite_db, coop.id, meeting.id)
        dialog = PaperDialog(CoopContext(sqlite_db, coop), meeting)
        qtbot.addWidget(dialog)
        dialog.show()
        height = dialog.height()
        dialog.path_edit.setText(GONE)
        dialog.print_button.click()
        wait_for_job(qtbot, dialog)
        message = dialog.errors.labels["path"]
        qtbot.waitUntil(message.isVisible)
        assert GONE in message.text() and "그런 파일이나 폴더가 없습니다" in message.text()
        assert message.heightForWidth(message.width()) > message.fontMetrics().height() * 1.5  # lines, not one
        assert dialog.height() > height and shown_whole(message)
        dialog.grab().save("/tmp/window_shots/paper_failed.png")
    finally:
        i18n.set_language("en")
