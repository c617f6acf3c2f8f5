"""Recording that the meeting notice (소집통지) went out: when, how, and whether it was on time.

The date is checked as it changes.  A late notice is not refused — the secretary may
have to go on — but OK stays off until they tick that they record it anyway, and the
warning is kept with the notice (Act 28④).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLineEdit, QWidget

from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.notice import NoticeCheck
from coopdesk.i18n import N_, _, current, refusal_text
from coopdesk.services.meetings.notice import NoticeView, check_notice, record_notice
from coopdesk.services.meetings.meeting import MeetingView
from coopdesk.ui.context import CoopContext
from coopdesk.ui.meetings.texts import NOTICE_METHODS, check_text, date_text
from coopdesk.ui.meetings.widgets import CheckLine, FormDialog, heading
from coopdesk.ui.widgets.fields import date_edit, from_qdate, to_qdate


class NoticeDialog(FormDialog):
    def __init__(self, context: CoopContext, meeting: MeetingView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice_dialog")
        self.setWindowTitle(_("Record notice"))
        self.context = context
        self.meeting = meeting
        self.check: NoticeCheck | None = None
        self._build()
        self._date_changed()

    def _build(self) -> None:
        title = heading(_("{title}, {date}", title=self.meeting.title, date=date_text(self.meeting.held_on)), self)
        self.date_edit = date_edit(self._first_guess(), self)
        self.method_combo = QComboBox(self)
        self.method_combo.setEditable(True)  # several ways at once, or another way, can be typed
        self.method_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.method_combo.addItems([_(m) for m in NOTICE_METHODS])
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText(_("For example: to every member on the register"))
        self.date_check = CheckLine(self)
        self.date_check.setObjectName("notice_check")
        self.anyway = QCheckBox(_("Record it anyway; the warning is kept with the notice"), self)
        self.anyway.setObjectName("record_anyway")
        self.anyway.toggled.connect(self._sync_ok)
        form = QFormLayout()
        wrap = self.errors.wrap
        form.addRow(_("Sent on:"), wrap("sent_on", self.date_edit))
        form.addRow("", self.date_check)
        form.addRow("", self.anyway)
        form.addRow(_("How it went out:"), wrap("method", self.method_combo))
        form.addRow(_("Note:"), wrap("note", self.note_edit))
        self.lay_out_below([title, form], min_width=540)
        self.date_edit.dateChanged.connect(self._date_changed)

    # -- the live check --------------------------------------------------------------------
    def _date_changed(self) -> None:
        self.errors.clear()
        self.anyway.setChecked(False)
        try:
            self.check = check_notice(self.context.db, self.context.coop_id, self.meeting.id, self.sent_on())
            if self.sent_on() > dt.date.today():  # the service refuses it too: say so while the date is typed
                raise Refusal(N_("A notice is recorded once it has gone out: {date} is after today."),
                              field="sent_on", date=self.sent_on())
        except Refusal as refusal:  # a notice after the meeting, or not yet sent: not a notice at all
            self.check = None
            self.date_check.show_warning(refusal_text(refusal))
            self._impossible = True
        else:
            self._impossible = False
            self._show_check()
        self._sync_ok()

    def _show_check(self) -> None:
        check = self.check
        if check is None:
            self.date_check.show_plain(_("The Act sets no notice period for a board meeting; the bylaws do."))
        elif check.on_time:
            self.date_check.show_ok(_("On time: the notice must go out by {date}.", date=current().date(check.latest)))
        else:
            self.date_check.show_warning(check_text(check))

    def is_late(self) -> bool:
        return self.check is not None and not self.check.on_time

    def _sync_ok(self) -> None:
        self.anyway.setVisible(self.is_late())
        self.ok_button.setEnabled(not self._impossible and (not self.is_late() or self.anyway.isChecked()))
        self.adjustSize()

    # -- values ----------------------------------------------------------------------------
    def _first_guess(self) -> dt.date:
        """Today; for a meeting entered after the fact, the last day its notice was on time."""
        today = dt.date.today()
        check = check_notice(self.context.db, self.context.coop_id, self.meeting.id, self.meeting.held_on)
        if check is None:  # a board: the bylaws decide the period
            return min(today, self.meeting.held_on)
        return min(today, check.latest)

    def sent_on(self) -> dt.date:
        return from_qdate(self.date_edit.date())

    def set_sent_on(self, day: dt.date) -> None:
        self.date_edit.setDate(to_qdate(day))

    def save(self) -> NoticeView:
        view, _check = record_notice(self.context.db, self.context.coop_id, self.meeting.id, self.sent_on(),
                                     self.method_combo.currentText(), self.note_edit.text(),
                                     accept_late=self.is_late() and self.anyway.isChecked())
        return view
