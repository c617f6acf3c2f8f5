"""Adding an item to a meeting's agenda (안건).

The subject decides what the law asks: where the Act fixes the kind of resolution the
kind box is set to it and the lower kinds are greyed out, with the article named.  An
expulsion names the member and the day they were told the grounds, checked live against
the Act's ten days; a bylaws amendment carries the amended settings and, if changed, wording.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLineEdit, QPushButton, QWidget

from coopdesk.domain.bylaws.texts import AMENDABLE_PARTS, PART_LABELS, BylawsTexts
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.kinds import ResolutionKind, Subject
from coopdesk.i18n import _, current, refusal_text
from coopdesk.services.meetings.agenda import ItemInput, ItemView, add_item, choices_for, expulsion_notice
from coopdesk.services.meetings.meeting import MeetingView
from coopdesk.ui.context import CoopContext
from coopdesk.ui.bylaws.texts_dialog import BylawsTextsDialog
from coopdesk.ui.meetings.bylaws_form import BylawsForm
from coopdesk.ui.meetings.texts import check_text
from coopdesk.ui.meetings.widgets import CheckLine, FormDialog, WrappedLabel, multiline
from coopdesk.ui.widgets.fields import date_edit, from_qdate, to_qdate
from coopdesk.ui.widgets.member_picker import MemberPicker

class ItemDialog(FormDialog):
    def __init__(self, context: CoopContext, meeting: MeetingView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("item_dialog")
        self.setWindowTitle(_("Add agenda item"))
        self.context = context
        self.meeting = meeting
        self.choices = {c.subject: c for c in choices_for(meeting.kind)}  # what the law lets this meeting take up
        self._suggested = ""
        self._build()
        self._subject_changed()

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        wrap = self.errors.wrap
        self.subject_combo = QComboBox(self)
        for subject in self.choices:
            self.subject_combo.addItem(_(subject.label), subject.value)
        self.kind_combo = QComboBox(self)
        for kind in ResolutionKind:
            self.kind_combo.addItem(_(kind.label), kind.value)
        self.law_note = WrappedLabel("", self)
        self.law_note.setObjectName("law_note")
        self.title_edit = QLineEdit(self)
        self.proposal_edit = multiline(self, 4)
        self.proposal_edit.setPlaceholderText(_("What the assembly is asked to decide"))
        form = QFormLayout()
        form.addRow(_("Subject:"), wrap("subject", self.subject_combo))
        form.addRow(_("Resolution:"), wrap("kind", self.kind_combo))
        form.addRow("", self.law_note)
        form.addRow(_("Title:"), wrap("title", self.title_edit))
        form.addRow(_("Proposal:"), wrap("proposal", self.proposal_edit))
        self.expulsion_box = self._build_expulsion()
        bylaws = self.context.coop.bylaws
        self.bylaws_box = QGroupBox(_("The bylaws settings as amended"), self)
        self.bylaws_form = BylawsForm(bylaws, self.bylaws_box)
        box_form = QFormLayout(self.bylaws_box)
        box_form.addRow(self.bylaws_form)
        self.proposed_texts: BylawsTexts | None = None  # None: the words stay as they are
        self.wording_button = QPushButton(_("The amended wording…"), self.bylaws_box)
        self.wording_button.setObjectName("amended_wording")
        self.wording_button.clicked.connect(self.edit_wording)
        self.wording_note = WrappedLabel(_("The wording (purpose, businesses …) stays as it is."), self.bylaws_box)
        box_form.addRow(self.wording_button, self.wording_note)
        self.lay_out_below([form, self.expulsion_box, self.bylaws_box], min_width=620)
        self.subject_combo.currentIndexChanged.connect(self._subject_changed)

    def _build_expulsion(self) -> QGroupBox:
        box = QGroupBox(_("Expulsion"), self)
        # a member on the register on the meeting day, found by number or name as typed
        self.member_picker = MemberPicker(self.context, lambda: self.meeting.held_on, box)
        told = min(dt.date.today(), self.meeting.held_on)
        self.told_edit = date_edit(told, box)
        self.told_check = CheckLine(box)
        self.told_check.setObjectName("told_check")
        self.told_edit.dateChanged.connect(self._check_told)
        form = QFormLayout(box)
        member = self.errors.wrap("expel_member", self.member_picker)
        self.errors.labels["member"] = self.errors.labels["expel_member"]  # "no member number 99"
        form.addRow(_("Member:"), member)
        self.grounds_edit = multiline(box, 3)
        self.grounds_edit.setObjectName("expulsion_grounds")
        self.grounds_edit.setPlaceholderText(_("The grounds in the bylaws, as the member was told them"))
        form.addRow(_("Grounds:"), self.errors.wrap("grounds", self.grounds_edit))
        form.addRow(_("Told the grounds on:"), self.told_edit)
        form.addRow("", self.told_check)
        return box

    # -- following the subject -------------------------------------------------------------
    def _subject_changed(self) -> None:
        subject = self.subject()
        choice = self.choices[subject]
        model = self.kind_combo.model()
        assert isinstance(model, QStandardItemModel)
        for row in range(self.kind_combo.count()):
            model.item(row).setEnabled(ResolutionKind(self.kind_combo.itemData(row)) in choice.allowed)
        wanted = choice.default  # most matters are put to a vote
        if wanted not in choice.allowed and choice.allowed:
            wanted = choice.allowed[0]
        self.set_kind(wanted)
        self._show_law_note(subject)
        self._follow_title(subject)
        expulsion = subject is Subject.EXPULSION
        if expulsion:
            self._check_told()
        self.expulsion_box.setVisible(expulsion)
        self.bylaws_box.setVisible(subject is Subject.BYLAWS_AMENDMENT)
        self.errors.clear()
        self.adjustSize()

    def _show_law_note(self, subject: Subject) -> None:
        choice = self.choices[subject]
        if choice.required_by is None:
            self.law_note.hide()
            return
        self.law_note.setText(_("The Act decides the kind: {kind} ({article}). A lower kind cannot be chosen.",
                                kind=_(choice.required.label), article=choice.required_by.label(current().language)))
        self.law_note.show()

    def _follow_title(self, subject: Subject) -> None:
        """The subject's name as the title, until the secretary writes their own."""
        suggestion = "" if subject is Subject.OTHER else _(subject.label)
        if self.title_edit.text().strip() in ("", self._suggested):
            self.title_edit.setText(suggestion)
        self._suggested = suggestion

    def _check_told(self) -> None:
        """Whether the day the member was told the grounds meets the Act's ten days, as it changes."""
        try:
            check = expulsion_notice(self.meeting.held_on, self.told_on())
        except Refusal as refusal:  # told after the meeting
            self.told_check.show_warning(refusal_text(refusal))
            return
        if not check.on_time:
            self.told_check.show_warning(check_text(check))
            return
        self.told_check.show_ok(_("In time: the member had to be told the grounds by {date}.",
                                  date=current().date(check.latest)))

    # -- values ----------------------------------------------------------------------------
    def subject(self) -> Subject:
        return Subject(self.subject_combo.currentData())

    def set_subject(self, subject: Subject) -> None:
        self.subject_combo.setCurrentIndex(self.subject_combo.findData(subject.value))

    def kind(self) -> ResolutionKind:
        return ResolutionKind(self.kind_combo.currentData())

    def set_kind(self, kind: ResolutionKind) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))

    def kind_enabled(self, kind: ResolutionKind) -> bool:
        model = self.kind_combo.model()
        assert isinstance(model, QStandardItemModel)
        return model.item(self.kind_combo.findData(kind.value)).isEnabled()

    def told_on(self) -> dt.date:
        return from_qdate(self.told_edit.date())

    def set_told_on(self, day: dt.date) -> None:
        self.told_edit.setDate(to_qdate(day))

    def choose_member(self, number: int) -> None:
        self.member_picker.choose(number)

    def member_number(self) -> int | None:
        """The member picked, or the number typed; None when the text names nobody."""
        return self.member_picker.number()

    def item_input(self) -> ItemInput:
        subject = self.subject()
        expulsion = subject is Subject.EXPULSION
        return ItemInput(
            subject, self.title_edit.text(), self.kind(), self.proposal_edit.toPlainText(),
            expel_member=self.member_number() if expulsion else None,
            grounds_told_on=self.told_on() if expulsion else None,
            grounds=self.grounds_edit.toPlainText() if expulsion else "",
            new_bylaws=self.bylaws_form.settings() if subject is Subject.BYLAWS_AMENDMENT else None,
            new_texts=self.proposed_texts if subject is Subject.BYLAWS_AMENDMENT else None)

    def edit_wording(self) -> BylawsTextsDialog:
        """The words the amendment proposes, starting from those in force (or those proposed)."""
        from coopdesk.services.bylaws.texts import get_texts

        start = self.proposed_texts or get_texts(self.context.db, self.context.coop_id)
        dialog = BylawsTextsDialog(self.context, start, None, self)
        dialog.saved.connect(self._wording_proposed)
        dialog.open()
        self._wording_dialog = dialog
        return dialog

    def _wording_proposed(self, texts: BylawsTexts) -> None:
        from coopdesk.services.bylaws.texts import get_texts

        self.proposed_texts = texts
        now = get_texts(self.context.db, self.context.coop_id)
        changed = [_(PART_LABELS[p]) for p in AMENDABLE_PARTS if getattr(texts, p) != getattr(now, p)]
        self.wording_note.setText(_("Amended: {parts}.", parts=", ".join(changed)) if changed else
                                  _("The wording (purpose, businesses …) stays as it is."))

    # -- saving ----------------------------------------------------------------------------
    def save(self) -> ItemView:
        try:
            return add_item(self.context.db, self.context.coop_id, self.meeting.id, self.item_input())
        except Refusal as refusal:
            if self.subject() is Subject.BYLAWS_AMENDMENT:
                self.bylaws_form.focus(refusal.field or "")  # the setting at fault, to put right
            raise
