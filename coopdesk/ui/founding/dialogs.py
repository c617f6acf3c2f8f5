"""The founding area's dialogs: each OK is one service call; a refusal stays in the dialog, with
nothing changed (``SaveDialog``).

``PersonDialog``   a founder or consenter: name, member type, consent date, shares, details;
``StartDialog``    put a co-op with nobody on its register into founding;
``MeetingDialog``  the founding meeting with its four matters (the meetings page runs it);
``NoticeDialog``   the public notice: posted when and where, the membership qualifications;
``RecordDialog``   a step after filing: its day (and the certificate's number).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from coopdesk.i18n import _
from coopdesk.services.founding.views import (
    FoundingMeetingInput,
    NoticeInput,
    PersonInput,
    PersonView,
)
from coopdesk.ui.context import CoopContext
from coopdesk.ui.save_dialog import SaveDialog
from coopdesk.ui.widgets.fields import OptionalDate, date_edit, from_qdate


class PersonDialog(SaveDialog):
    """Add (``person`` None) or edit a founder or consenter."""

    def __init__(self, context: CoopContext, person: PersonView | None = None, *, founder: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("founding_person_dialog")
        self.context, self.person = context, person
        self.setWindowTitle(_("Edit a founder or consenter") if person else _("Add a founder or consenter"))
        today = dt.date.today()
        self.name_edit = QLineEdit(person.name if person else "", self)
        self.type_combo = QComboBox(self)
        for kind in context.coop.member_types:
            self.type_combo.addItem(kind, kind)
        if person and person.member_type in context.coop.member_types:
            self.type_combo.setCurrentIndex(context.coop.member_types.index(person.member_type))
        self.consented = date_edit(person.consented_on if person and person.consented_on else today, self)
        self.shares = QSpinBox(self)
        self.shares.setRange(0, 1_000_000)
        self.shares.setValue(person.shares if person else max(context.coop.bylaws.min_shares, 1))
        self.founder_box = QCheckBox(_("A founder (발기인)"), self)
        self.founder_box.setChecked(person.founder if person else founder)
        self.birth = OptionalDate(dt.date(1980, 1, 1), self)
        self.birth.set_value(person.birth_date if person else None)
        self.phone = QLineEdit(person.phone if person else "", self)
        self.email = QLineEdit(person.email if person else "", self)
        self.address = QLineEdit(person.address if person else "", self)
        form = QFormLayout()
        e = self.errors
        form.addRow(_("Name:"), e.wrap("name", self.name_edit))
        form.addRow(_("Member type:"), e.wrap("member_type", self.type_combo))
        form.addRow(_("Consent handed in on:"), e.wrap("consented_on", self.consented))
        form.addRow(_("Shares subscribed:"), e.wrap("shares", self.shares))
        form.addRow("", e.wrap("founder", self.founder_box))
        form.addRow(_("Date of birth:"), e.wrap("birth_date", self.birth))
        form.addRow(_("Phone:"), e.wrap("phone", self.phone))
        form.addRow(_("E-mail:"), e.wrap("email", self.email))
        form.addRow(_("Address:"), e.wrap("address", self.address))
        self.lay_out(form, 460)

    def given(self) -> PersonInput:
        return PersonInput(self.name_edit.text(), str(self.type_combo.currentData() or ""),
                           from_qdate(self.consented.date()), self.shares.value(), birth_date=self.birth.value(),
                           phone=self.phone.text(), email=self.email.text(), address=self.address.text(),
                           founder=self.founder_box.isChecked())

    def save(self) -> PersonView:
        from coopdesk.services.founding.people import add_consenter, edit_consenter

        db, coop_id = self.context.db, self.context.coop_id
        if self.person is None:
            return add_consenter(db, coop_id, self.given())
        return edit_consenter(db, coop_id, self.person.number, self.given())


class StartDialog(SaveDialog):
    """Start the founding of the open co-op: the day, the ministry's name and the authority."""

    def __init__(self, context: CoopContext, parent: QWidget | None = None) -> None:
        from coopdesk.services.founding.start import DEFAULT_MINISTRY

        super().__init__(parent)
        self.setObjectName("founding_start_dialog")
        self.setWindowTitle(_("Start the founding"))
        self.context = context
        self.started = date_edit(dt.date.today(), self)
        self.ministry = QLineEdit(DEFAULT_MINISTRY, self)
        self.authority = QLineEdit("", self)
        self.authority.setPlaceholderText(_("e.g. 서울특별시장"))
        form = QFormLayout()
        form.addRow(_("Founding started on:"), self.errors.wrap("started_on", self.started))
        form.addRow(_("Ministry in charge:"), self.errors.wrap("ministry", self.ministry))
        form.addRow(_("City or province filed with:"), self.errors.wrap("authority", self.authority))
        self.lay_out(form, 440)

    def save(self) -> Any:
        from coopdesk.services.founding.start import begin_founding

        return begin_founding(self.context.db, self.context.coop_id, started_on=from_qdate(self.started.date()),
                              ministry=self.ministry.text(), authority=self.authority.text())


class MeetingDialog(SaveDialog):
    """The founding meeting: created with the four matters on its agenda, its register the consenters."""

    def __init__(self, context: CoopContext, chair: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("founding_meeting_dialog")
        self.setWindowTitle(_("Create the founding meeting"))
        self.context = context
        self.title_edit = QLineEdit(_("{coop} founding meeting", coop=context.coop.name), self)
        self.held = date_edit(dt.date.today() + dt.timedelta(days=14), self)
        self.starts = QTimeEdit(QTime(14, 0), self)
        self.place = QLineEdit("", self)
        self.chair = QLineEdit(chair, self)
        form = QFormLayout()
        form.addRow(_("Title:"), self.errors.wrap("title", self.title_edit))
        form.addRow(_("Date:"), self.errors.wrap("held_on", self.held))
        form.addRow(_("Starts at:"), self.errors.wrap("starts_at", self.starts))
        form.addRow(_("Place:"), self.errors.wrap("place", self.place))
        form.addRow(_("Chair of the meeting:"), self.errors.wrap("chair_name", self.chair))
        self.lay_out(form, 460)

    def save(self) -> Any:
        from coopdesk.services.founding.meeting import create_founding_meeting

        t = self.starts.time()
        return create_founding_meeting(self.context.db, self.context.coop_id, FoundingMeetingInput(
            self.title_edit.text(), from_qdate(self.held.date()), self.place.text(), dt.time(t.hour(), t.minute()),
            chair_name=self.chair.text()))


class NoticeDialog(SaveDialog):
    """The public notice of the founding meeting (Act 15②)."""

    def __init__(self, context: CoopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("founding_notice_dialog")
        self.setWindowTitle(_("Record the public notice"))
        self.context = context
        self.posted = date_edit(dt.date.today(), self)
        self.place = QLineEdit("", self)
        self.place.setPlaceholderText(_("e.g. the notice board at the village hall, the web site"))
        self.qualifications = QLineEdit("", self)
        form = QFormLayout()
        form.addRow(_("Posted on:"), self.errors.wrap("posted_on", self.posted))
        form.addRow(_("Posted at:"), self.errors.wrap("place", self.place))
        form.addRow(_("Membership qualifications:"), self.errors.wrap("qualifications", self.qualifications))
        self.lay_out(form, 520)

    def save(self) -> Any:
        from coopdesk.services.founding.meeting import record_notice

        return record_notice(self.context.db, self.context.coop_id, NoticeInput(
            from_qdate(self.posted.date()), self.place.text(), self.qualifications.text()))


class RecordDialog(SaveDialog):
    """One step after filing: its day, and for the certificate its number."""

    def __init__(self, title: str, record: Callable[[dt.date, str], Any], *, number: bool = False,
                 warning: str = "", parent: QWidget | None = None) -> None:
        from coopdesk.ui.meetings.widgets import heading

        super().__init__(parent)
        self.setObjectName("founding_record_dialog")
        self.setWindowTitle(title)
        self.record = record
        self.day = date_edit(dt.date.today(), self)
        self.number = QLineEdit("", self)
        form = QFormLayout()
        if warning:
            form.addRow(heading(warning, self))
        form.addRow(_("Date:"), self.errors.wrap("on", self.day))
        if number:
            form.addRow(_("Certificate number:"), self.errors.wrap("number", self.number))
        else:
            self.number.hide()
        self.lay_out(form, 420)

    def save(self) -> Any:
        return self.record(from_qdate(self.day.date()), self.number.text())


class CourseDialog(SaveDialog):
    """Link the founding course (설립 교육), an education session recorded on the education page."""

    def __init__(self, context: CoopContext, parent: QWidget | None = None) -> None:
        from coopdesk.domain.education.sessions import SessionKind
        from coopdesk.i18n import current
        from coopdesk.services.education.sessions import list_sessions

        super().__init__(parent)
        self.setObjectName("founding_course_dialog")
        self.setWindowTitle(_("Link the founding course"))
        self.context = context
        self.course_combo = QComboBox(self)
        self.course_combo.addItem(_("None"), None)
        for session in list_sessions(context.db, context.coop_id):
            if session.details.kind is SessionKind.FOUNDING_COURSE:
                self.course_combo.addItem(f"{current().date(session.details.held_on)} {session.details.topic}",
                                          session.id)
        if self.course_combo.count() > 1:
            self.course_combo.setCurrentIndex(1)
        form = QFormLayout()
        form.addRow(_("Founding course:"), self.errors.wrap("course", self.course_combo))
        self.lay_out(form, 420)

    def save(self) -> Any:
        from coopdesk.services.founding.meeting import link_course

        return link_course(self.context.db, self.context.coop_id, self.course_combo.currentData())


class SettingsDialog(SaveDialog):
    """The ministry's name and the city or province filed with, as the papers print them."""

    def __init__(self, context: CoopContext, ministry: str, authority: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("founding_settings_dialog")
        self.setWindowTitle(_("Founding settings"))
        self.context = context
        self.ministry = QLineEdit(ministry, self)
        self.authority = QLineEdit(authority, self)
        form = QFormLayout()
        form.addRow(_("Ministry in charge:"), self.errors.wrap("ministry", self.ministry))
        form.addRow(_("City or province filed with:"), self.errors.wrap("authority", self.authority))
        self.lay_out(form, 440)

    def save(self) -> Any:
        from coopdesk.services.founding.start import edit_settings
        from coopdesk.services.founding.views import FoundingSettings

        return edit_settings(self.context.db, self.context.coop_id,
                             FoundingSettings(self.ministry.text(), self.authority.text()))
