"""The founding area (설립): from the first founders to the registration.

Four tabs: the founders and consenters (the founding meeting's register, sortable by any column;
a consent withdrawn there); the checks before the founding meeting with their articles, and the
meeting itself (created here or linked from the meetings page, run there); the plan and budget
tables; the records after filing, with the registration deadline.  The toolbar prints the filing
pack.  Each action is one service call in a dialog that keeps a refusal and changes nothing.  A
registered co-op keeps this page as its first chapter, read-only.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain.founding.checks import FoundingCheck, Level
from coopdesk.i18n import _, current, refusal_text
from coopdesk.services.founding.views import FoundingView, PersonView
from coopdesk.ui.context import CoopContext
from coopdesk.ui.founding.people_model import NUMBER, PeopleModel
from coopdesk.ui.founding.plan_editor import PlanEditor
from coopdesk.ui.toolbar import add_action
from coopdesk.ui.widgets.open_dialogs import OpenDialogs

PEOPLE_TAB, CHECKS_TAB, PLAN_TAB, FILING_TAB = range(4)
MARKS = {Level.MET: "✓", Level.WARNING: "!", Level.UNMET: "✗"}


def check_text(check: FoundingCheck) -> str:
    """"✗ 발기인 5인 이상: 발기인 3명 … (법 제15조①)", a list of what is missing in words."""
    from coopdesk.services.founding.wording import check_text as words

    return f"{MARKS[check.level]} {words(check)}"


class FoundingPage(QWidget):
    follow = Signal(str, object)  # the meetings area, and the founding meeting to select there

    def __init__(self, context: CoopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("founding_page")
        self.context = context
        self._dialogs = OpenDialogs()
        self.founding: FoundingView | None = None
        self.people: list[PersonView] = []
        self._build()
        context.changed.connect(self._on_changed)
        self.reload()

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget(self)
        self.start_button = QPushButton(_("Start the founding of this co-op…"), self)
        self.start_button.setObjectName("start_founding")
        self.start_button.clicked.connect(self.start)
        start = QWidget(self)
        column = QVBoxLayout(start)
        column.addWidget(QLabel(_("Nobody is on this co-op's register yet. If the co-op is still to be founded, "
                                  "record its founders and consenters here, prepare the founding meeting and "
                                  "print the papers the city or province asks for."), start))
        column.addWidget(self.start_button)
        column.addStretch(1)
        self.stack.addWidget(start)
        self.stack.addWidget(self._build_founding())
        layout.addWidget(self.stack)

    def _build_founding(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        bar = QToolBar(page)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.print_action = add_action(self, bar, _("Print the filing pack…"), self.print_pack, "print_founding_pack")
        self.settings_action = add_action(self, bar, _("Founding settings…"), self.edit_settings, "founding_settings")
        layout.addWidget(bar)
        self.summary = QLabel(page)
        self.summary.setObjectName("founding_summary")
        self.summary.setWordWrap(True)
        self.deadline = QLabel(page)
        self.deadline.setObjectName("founding_deadline")
        self.deadline.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addWidget(self.deadline)
        self.tabs = QTabWidget(page)
        self.tabs.addTab(self._build_people(), _("Founders and consenters"))
        self.tabs.addTab(self._build_checks(), _("Founding meeting"))
        self.plan = PlanEditor(self.context, page)
        self.tabs.addTab(self.plan, _("Plan and budget"))
        self.tabs.addTab(self._build_filing(), _("After filing"))
        layout.addWidget(self.tabs, 1)
        return page

    def _buttons(self, parent: QWidget, *buttons: tuple[str, str, object]) -> tuple[QHBoxLayout, list[QPushButton]]:
        row, made = QHBoxLayout(), []
        for text, name, slot in buttons:
            button = QPushButton(text, parent)
            button.setObjectName(name)
            button.clicked.connect(lambda _checked=False, s=slot: s())  # type: ignore[operator]
            row.addWidget(button)
            made.append(button)
        row.addStretch(1)
        return row, made

    def _build_people(self) -> QWidget:
        tab = QWidget(self)
        self.people_model = PeopleModel()
        self.people_table = QTableView(tab)
        self.people_table.setObjectName("founding_people")
        self.people_table.setModel(self.people_model)
        self.people_table.verticalHeader().hide()
        self.people_table.horizontalHeader().setStretchLastSection(True)
        self.people_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.people_table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.people_table.horizontalHeader().setSortIndicator(NUMBER, Qt.SortOrder.AscendingOrder)
        self.people_table.setSortingEnabled(True)  # the model sorts its values (``people_model.SORT_KEYS``)
        self.people_table.doubleClicked.connect(lambda _index: self.edit_person())
        row, (self.add_founder_button, self.add_consenter_button, self.edit_button, self.representative_button,
              self.withdraw_button) = \
            self._buttons(tab, (_("Add founder…"), "add_founder", lambda: self.add_person(founder=True)),
                          (_("Add consenter…"), "add_consenter", self.add_person),
                          (_("Edit…"), "edit_person", self.edit_person),
                          (_("Make representative"), "make_representative", self.make_representative),
                          (_("Withdraw consent…"), "withdraw_consent", self.withdraw_consent))
        self.people_error = QLabel(tab)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.people_table, 1)
        layout.addWidget(self.people_error)
        layout.addLayout(row)
        return tab

    def _build_checks(self) -> QWidget:
        tab = QWidget(self)
        self.meeting_label = QLabel(tab)
        self.meeting_label.setWordWrap(True)
        self.checks = QListWidget(tab)
        self.checks.setObjectName("founding_checks")
        self.checks.setWordWrap(True)
        buttons = ((_("Link the founding course…"), "link_founding_course", self.link_course),
                   (_("Create the founding meeting…"), "create_founding_meeting", self.create_meeting),
                   (_("Link an existing meeting…"), "link_founding_meeting", self.link_meeting),
                   (_("Record the public notice…"), "record_founding_notice", self.record_notice),
                   (_("Run it on the meetings page"), "open_founding_meeting", self.open_meeting))
        row, (self.course_button, self.meeting_button, self.link_button, self.notice_button, self.go_button) = \
            self._buttons(tab, *buttons)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.meeting_label)
        layout.addWidget(QLabel(_("Before the founding meeting:"), tab))
        layout.addWidget(self.checks, 1)
        layout.addLayout(row)
        return tab

    def _build_filing(self) -> QWidget:
        """One row per step after the meeting: what it is, its day on record, the button that records it."""
        tab = QWidget(self)
        grid = QGridLayout()
        steps = ((_("Filed with the city or province"), "record_filing", self.record_filing),
                 (_("Certificate received"), "record_certificate", self.record_certificate),
                 (_("Business handed over to the chair"), "record_handover", self.record_handover),
                 (_("Capital paid in"), "record_capital_paid", self.record_capital_paid),
                 (_("Registered"), "record_registration", self.record_registration))
        self.step_labels: list[QLabel] = []
        self.step_dates: list[QLabel] = []
        self.filing_buttons: list[QPushButton] = []
        for row, (text, name, slot) in enumerate(steps):
            label, day, button = QLabel(text, tab), QLabel("—", tab), QPushButton(_("Record…"), tab)
            day.setObjectName(f"{name}_day")
            button.setObjectName(name)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            grid.addWidget(label, row, 0)
            grid.addWidget(day, row, 1)
            grid.addWidget(button, row, 2)
            self.step_labels.append(label)
            self.step_dates.append(day)
            self.filing_buttons.append(button)
        grid.setColumnStretch(3, 1)
        self.dates = QLabel(tab)
        self.dates.setObjectName("founding_certificate")
        layout = QVBoxLayout(tab)
        layout.addLayout(grid)
        layout.addWidget(self.dates)
        layout.addStretch(1)
        return tab

    # -- showing ---------------------------------------------------------------------------
    def reload(self) -> None:
        from coopdesk.services.founding.people import list_consenters
        from coopdesk.services.founding.start import founding_of

        db, coop_id = self.context.db, self.context.coop_id
        self.founding = founding_of(db, coop_id)
        self.stack.setCurrentIndex(0 if self.founding is None else 1)
        if self.founding is None:
            return
        self.people = list_consenters(db, coop_id)
        self._show_summary(self.founding)
        self._show_people()
        self._show_checks(self.founding)
        self._show_dates(self.founding)
        if not self.plan.dirty:  # a table being typed in is kept until it is saved
            self.plan.reload()
        self._enable(not self.founding.registered)

    def _show_summary(self, f: FoundingView) -> None:
        t = current()
        self.summary.setText(_("{stage}. {founders} founders, {consenters} consenters, {shares} shares subscribed "
                               "({amount}); {paid} paid in.", stage=_(f.stage.label), founders=t.number(f.founders),
                               consenters=t.number(f.consenters), shares=t.number(f.shares),
                               amount=t.money(f.subscribed_won), paid=t.money(f.paid_won)))
        if f.deadline is not None and f.deadline.level is not Level.MET:
            self.deadline.setText(f"<b style='color:#b00020'>{html.escape(check_text(f.deadline))}</b>")
            self.deadline.show()
        elif f.deadline is not None:
            self.deadline.setText(html.escape(check_text(f.deadline)))
            self.deadline.show()
        else:
            self.deadline.hide()

    def _show_people(self) -> None:
        chosen = self.selected_person()
        self.people_model.set_people(self.people)
        self.people_table.resizeColumnsToContents()
        if chosen is not None:
            self.select_person(chosen.number)

    def _show_checks(self, f: FoundingView) -> None:
        self.checks.clear()
        for check in f.checks:
            item = QListWidgetItem(check_text(check))
            item.setData(Qt.ItemDataRole.UserRole, check.rule.value)
            self.checks.addItem(item)
        if f.meeting is None:
            self.meeting_label.setText(_("The founding meeting is not created yet."))
        else:
            self.meeting_label.setText(_("{title}: {date}, {place}", title=f.meeting.title,
                                         date=current().date(f.meeting.held_on, "long"), place=f.meeting.place))

    def _show_dates(self, f: FoundingView) -> None:
        t, d = current(), f.dates
        self.step_labels[0].setText(_("Authorisation applied for") if f.social else _("Filed with the city or province"))
        days = (d.filed_on, d.certified_on, d.handed_over_on, d.capital_paid_on, d.registered_on)
        for label, day in zip(self.step_dates, days):
            label.setText(t.date(day, "long") if day else "—")
        self.dates.setText(_("Certificate number: {number}", number=f.certificate_number)
                           if f.certificate_number else "")

    def filing_text(self) -> str:
        """The steps after filing as shown, one per line (for tests and screen readers)."""
        lines = [f"{a.text()}: {b.text()}" for a, b in zip(self.step_labels, self.step_dates)]
        return "\n".join([*lines, self.dates.text()])

    def _enable(self, open_: bool) -> None:
        widgets: tuple[QWidget | QAction, ...] = (
            self.add_founder_button, self.add_consenter_button, self.edit_button, self.representative_button,
            self.withdraw_button, self.course_button, self.settings_action, self.meeting_button, self.notice_button,
            *self.filing_buttons, self.plan.add_button, self.plan.remove_button, self.plan.save_button)
        for w in widgets:
            w.setEnabled(open_)
        has_meeting = self.founding is not None and self.founding.meeting is not None
        self.meeting_button.setEnabled(open_ and not has_meeting)
        self.link_button.setEnabled(open_ and not has_meeting)
        self.notice_button.setEnabled(open_ and has_meeting)
        self.go_button.setEnabled(has_meeting)

    def _on_changed(self, area: str) -> None:
        if area in ("members", "meetings", "officers", "capital", "coop", "founding", "education"):
            self.reload()

    def _changed(self, *_args: object) -> None:
        self.context.notify("founding")  # the page reloads, and so does whatever shows the founding
        self.context.notify("members")  # a registration puts the consenters on the member register

    # -- actions ---------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> QDialog:
        dialog.saved.connect(self._changed)  # type: ignore[attr-defined]
        return self._dialogs.open(dialog)

    def start(self) -> QDialog:
        from coopdesk.ui.founding.dialogs import StartDialog

        return self._open(StartDialog(self.context, self))

    def selected_person(self) -> PersonView | None:
        rows = self.people_table.selectionModel().selectedRows() if self.people_table.selectionModel() else []
        people = self.people_model.people
        return people[rows[0].row()] if rows and rows[0].row() < len(people) else None

    def select_person(self, number: int) -> bool:
        row = self.people_model.row_of(number)
        if row >= 0:
            self.people_table.selectRow(row)
        return row >= 0

    def add_person(self, founder: bool = False) -> QDialog:
        from coopdesk.ui.founding.dialogs import PersonDialog

        return self._open(PersonDialog(self.context, founder=founder, parent=self))

    def edit_person(self) -> QDialog | None:
        from coopdesk.ui.founding.dialogs import PersonDialog

        person = self.selected_person()
        return self._open(PersonDialog(self.context, person, parent=self)) if person else None

    def make_representative(self) -> bool:
        from coopdesk.domain.errors import Refusal
        from coopdesk.services.founding.people import set_representative

        person = self.selected_person()
        self.people_error.clear()
        if person is None:
            return False
        try:
            set_representative(self.context.db, self.context.coop_id, person.number)
        except Refusal as refusal:
            self.people_error.setText(refusal_text(refusal))
            return False
        self._changed()
        return True

    def withdraw_consent(self) -> QDialog | None:
        """The selected person's consent withdrawn, after a dialog that says what that does."""
        from coopdesk.ui.founding.withdraw_dialog import WithdrawDialog

        person = self.selected_person()
        self.people_error.clear()
        if person is None:
            self.people_error.setText(_("Choose a founder or consenter in the list first."))
            return None
        return self._open(WithdrawDialog(self.context, person, self))

    def link_meeting(self) -> QDialog:
        from coopdesk.ui.founding.link_dialog import LinkMeetingDialog

        return self._open(LinkMeetingDialog(self.context, self))

    def create_meeting(self) -> QDialog:
        from coopdesk.ui.founding.dialogs import MeetingDialog

        representative = next((p.name for p in self.people if p.representative), "")
        return self._open(MeetingDialog(self.context, representative, self))

    def link_course(self) -> QDialog:
        from coopdesk.ui.founding.dialogs import CourseDialog

        return self._open(CourseDialog(self.context, self))

    def edit_settings(self) -> QDialog | None:
        from coopdesk.ui.founding.dialogs import SettingsDialog

        f = self.founding
        return self._open(SettingsDialog(self.context, f.ministry, f.authority, self)) if f else None

    def record_notice(self) -> QDialog:
        from coopdesk.ui.founding.dialogs import NoticeDialog

        return self._open(NoticeDialog(self.context, self))

    def open_meeting(self) -> None:
        if self.founding is not None and self.founding.meeting is not None:
            self.follow.emit("meetings", self.founding.meeting.id)

    def _record(self, title: str, call, *, number: bool = False, warning: str = "") -> QDialog:  # type: ignore[no-untyped-def]
        from coopdesk.ui.founding.dialogs import RecordDialog

        db, coop_id = self.context.db, self.context.coop_id
        return self._open(RecordDialog(title, lambda on, text: call(db, coop_id, on, text), number=number,
                                       warning=warning, parent=self))

    def record_filing(self) -> QDialog:
        from coopdesk.services.founding.filing import record_filing

        return self._record(_("Record the filing"), lambda db, c, on, _t: record_filing(db, c, on=on))

    def record_certificate(self) -> QDialog:
        from coopdesk.services.founding.filing import record_certificate

        return self._record(_("Record the certificate"),
                            lambda db, c, on, number: record_certificate(db, c, on=on, number=number), number=True)

    def record_handover(self) -> QDialog:
        from coopdesk.services.founding.filing import record_handover

        return self._record(_("Record the handover to the chair"), lambda db, c, on, _t: record_handover(db, c, on=on))

    def record_capital_paid(self) -> QDialog:
        from coopdesk.services.founding.filing import record_capital_paid

        return self._record(_("Record the capital paid in"), lambda db, c, on, _t: record_capital_paid(db, c, on=on),
                            warning=_("Every consenter's subscription is recorded as paid on this day, to the "
                                      "founders' representative. Registration must follow within 14 days."))

    def record_registration(self) -> QDialog:
        from coopdesk.services.founding.filing import record_registration

        warning = check_text(self.founding.deadline) if self.founding and self.founding.deadline else ""
        return self._record(_("Record the registration"),
                            lambda db, c, on, _t: record_registration(db, c, on=on), warning=warning)

    def print_pack(self) -> QDialog:
        from coopdesk.ui.founding.pack_dialog import PackDialog

        return self._dialogs.open(PackDialog(self.context, self))
