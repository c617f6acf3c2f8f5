"""Adding or correcting an officer's term, and ending one early.

The officer is a member on the register on the term's first day, found by number or
name as it is typed, or someone who is not a member, typed by name.  A refusal is shown
next to the field it names (``Refusal.field``) and the dialog stays open: nothing is
saved until the term fits the register.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain.officers.terms import CHOSEN_BY_LABELS, MAX_PERSON_NAME, OFFICE_LABELS, ChosenBy, Office
from coopdesk.i18n import _
from coopdesk.services.officers.terms import OfficerView, TermInput, add_term, edit_term, end_term, term_end
from coopdesk.ui.context import CoopContext
from coopdesk.ui.save_dialog import SaveDialog
from coopdesk.ui.widgets.fields import OptionalDate, date_edit, from_qdate, to_qdate
from coopdesk.ui.widgets.member_picker import MemberPicker


class TermDialog(SaveDialog):
    """``view`` None records a new term; otherwise corrects that term."""

    def __init__(self, context: CoopContext, view: OfficerView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("term_dialog")
        self.context = context
        self.view = view
        self._build()
        (self.is_member if self.member_picker.any_member() else self.is_outsider).setChecked(True)
        self._sync_person()
        self.setWindowTitle(_("Add officer") if view is None else _("Change officer's term"))
        if view is not None:
            self._fill(view)

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        self.office_combo = QComboBox(self)
        for office in Office:
            self.office_combo.addItem(_(OFFICE_LABELS[office]), office.value)
        form = QFormLayout()
        wrap = self.errors.wrap
        form.addRow(_("Office:"), wrap("office", self.office_combo))
        form.addRow(_("Officer:"), wrap("person", self._build_person()))
        self.start_edit = date_edit(dt.date.today(), self)
        self.end_edit = date_edit(term_end(dt.date.today(), self.context.coop.bylaws.officer_term_years), self)
        self.start_edit.dateChanged.connect(self._start_changed)
        form.addRow(_("First day of the term:"), wrap("start", self.start_edit))
        form.addRow(_("Last day of the term:"), wrap("end", self.end_edit))
        self.chosen_combo = QComboBox(self)
        for how in ChosenBy:
            self.chosen_combo.addItem(_(CHOSEN_BY_LABELS[how]), how.value)
        self.chosen_combo.currentIndexChanged.connect(self._sync_vacancy)
        form.addRow(_("Chosen by:"), wrap("chosen_by", self.chosen_combo))
        self.predecessor_end = OptionalDate(from_qdate(self.end_edit.date()), self)
        form.addRow(_("Predecessor's last day:"), wrap("predecessor_end", self.predecessor_end))
        self.note_edit = QLineEdit(self)
        form.addRow(_("Note:"), wrap("note", self.note_edit))
        self.lay_out(form, min_width=520)
        self._sync_vacancy()

    def _build_person(self) -> QWidget:
        box = QWidget(self)
        self.is_member = QRadioButton(_("A member"), box)
        self.is_outsider = QRadioButton(_("Not a member"), box)
        group = QButtonGroup(box)
        group.addButton(self.is_member)
        group.addButton(self.is_outsider)
        # an officer who is a member must be one on the term's first day
        self.member_picker = MemberPicker(self.context, self._start, box)
        self.name_edit = QLineEdit(box)
        self.name_edit.setMaxLength(MAX_PERSON_NAME)
        self.name_edit.setPlaceholderText(_("Full name"))
        rows = QVBoxLayout(box)
        rows.setContentsMargins(0, 0, 0, 0)
        for radio, field in ((self.is_member, self.member_picker), (self.is_outsider, self.name_edit)):
            line = QHBoxLayout()
            line.addWidget(radio)
            line.addWidget(field, 1)
            rows.addLayout(line)
        self.is_member.toggled.connect(self._sync_person)
        return box

    def _start(self) -> dt.date:
        return from_qdate(self.start_edit.date())

    def _sync_person(self) -> None:
        member = self.is_member.isChecked()
        self.member_picker.setEnabled(member)
        self.name_edit.setEnabled(not member)

    def _sync_vacancy(self) -> None:
        vacancy = self.chosen_by() is ChosenBy.VACANCY
        self.predecessor_end.setEnabled(vacancy)
        if vacancy and self.predecessor_end.value() is None:
            self.predecessor_end.not_given.setChecked(False)

    def _start_changed(self) -> None:
        """A new term's last day follows its first, by the bylaws' term, until the user sets it."""
        if self.view is None:
            start = from_qdate(self.start_edit.date())
            self.end_edit.setDate(to_qdate(term_end(start, self.context.coop.bylaws.officer_term_years)))

    def _fill(self, view: OfficerView) -> None:
        t = view.term
        self.set_office(t.office)
        if t.person.member_number is not None:
            self.choose_member(t.person.member_number, t.person.name)
        else:
            self.is_outsider.setChecked(True)
            self.name_edit.setText(t.person.name)
        self.start_edit.setDate(to_qdate(t.start))
        self.end_edit.setDate(to_qdate(t.end))
        self.chosen_combo.setCurrentIndex(self.chosen_combo.findData(t.chosen_by.value))
        self.predecessor_end.set_value(t.predecessor_end)
        self._sync_vacancy()
        self.note_edit.setText(view.note)

    # -- what tests and the page set -------------------------------------------------------
    def set_office(self, office: Office) -> None:
        self.office_combo.setCurrentIndex(self.office_combo.findData(office.value))

    def choose_member(self, number: int, name: str = "") -> None:
        self.is_member.setChecked(True)
        self.member_picker.choose(number, name)  # ``name``: a former member, on an old term corrected

    def chosen_by(self) -> ChosenBy:
        return ChosenBy(self.chosen_combo.currentData())

    def term_input(self) -> TermInput:
        # typed text that names no member gives None: the service asks for one
        member = self.member_picker.number() if self.is_member.isChecked() else None
        return TermInput(
            Office(self.office_combo.currentData()), from_qdate(self.start_edit.date()),
            from_qdate(self.end_edit.date()), member_number=member,
            name="" if self.is_member.isChecked() else self.name_edit.text(), chosen_by=self.chosen_by(),
            predecessor_end=self.predecessor_end.value() if self.chosen_by() is ChosenBy.VACANCY else None,
            note=self.note_edit.text())

    # -- saving ----------------------------------------------------------------------------
    def save(self) -> OfficerView:
        db, coop_id = self.context.db, self.context.coop_id
        if self.view is None:
            return add_term(db, coop_id, self.term_input())
        return edit_term(db, coop_id, self.view.id, self.term_input())


class EndTermDialog(SaveDialog):
    """An officer who left before the term's end: the last day in office, and why."""

    def __init__(self, context: CoopContext, view: OfficerView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("end_term_dialog")
        self.context = context
        self.view = view
        self.setWindowTitle(_("End term"))
        self.date_edit = date_edit(min(dt.date.today(), view.term.end), self)
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText(_("For example: resigned"))
        form = QFormLayout()
        form.addRow(_("Last day in office:"), self.errors.wrap("left_on", self.date_edit))
        form.addRow(_("Note:"), self.errors.wrap("note", self.note_edit))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("{office}: {name}", office=_(OFFICE_LABELS[view.term.office]), name=view.name), self))
        layout.addWidget(self.errors.general)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def save(self) -> OfficerView:
        return end_term(self.context.db, self.context.coop_id, self.view.id,
                        from_qdate(self.date_edit.date()), self.note_edit.text())
