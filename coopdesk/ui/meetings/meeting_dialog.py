"""Creating a meeting, or correcting its facts.

The title follows the kind and the year until the secretary types one of their own.  A
board meeting of a co-op under ten members gets the Act's note that such a co-op may have
no board; a new ordinary assembly or founding meeting is offered its standard agenda.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLineEdit, QWidget

from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.meetings.rules import Register
from coopdesk.i18n import _, current
from coopdesk.services.meetings.meeting import (
    BoardOption,
    MeetingInput,
    MeetingView,
    board_option,
    create_meeting,
    edit_meeting,
    kind_rules,
    offers_standard_agenda,
)
from coopdesk.ui.context import CoopContext
from coopdesk.ui.meetings.people import chair_in_office
from coopdesk.ui.meetings.texts import suggested_title
from coopdesk.ui.meetings.widgets import DEFAULT_START, CheckLine, FormDialog, OptionalTime, multiline
from coopdesk.ui.widgets.fields import date_edit, from_qdate, to_qdate

NEW_MEETING_IN_DAYS = 21  # a new meeting's first date: room for the notice and its 7 days


class MeetingDialog(FormDialog):
    """``meeting`` None creates a meeting; otherwise corrects that meeting."""

    def __init__(self, context: CoopContext, meeting: MeetingView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meeting_dialog")
        self.context = context
        self.meeting = meeting
        self._board: BoardOption | None = None  # counted when a board meeting is first chosen
        self._build()
        if meeting is None:
            self.setWindowTitle(_("New meeting"))
            self._fill_new()
        else:
            self.setWindowTitle(_("Change meeting"))
            self._fill(meeting)
        self._kind_changed()

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        self.kind_combo = QComboBox(self)
        for kind in MeetingKind:
            self.kind_combo.addItem(_(kind.label), kind.value)
        self.title_edit = QLineEdit(self)
        self.date_edit = date_edit(dt.date.today() + dt.timedelta(days=NEW_MEETING_IN_DAYS), self)
        self.time_edit = OptionalTime(None, self)
        self.place_edit = QLineEdit(self)
        self.convened_edit = QLineEdit(self)
        self.convened_edit.setPlaceholderText(_("Usually the chair of the co-op"))
        self.chair_edit = QLineEdit(self)
        self.chair_edit.setPlaceholderText(_("Who will chair the meeting"))
        self.purpose_edit = multiline(self, 3)
        self.purpose_edit.setPlaceholderText(_("Printed on the notice; left blank, the title says it"))
        self.board_note = CheckLine(self)
        self.board_note.setObjectName("board_note")
        self.standard_agenda = QCheckBox(_("Add the standard agenda"), self)
        self.standard_agenda.setObjectName("standard_agenda")
        self.standard_agenda.setChecked(True)
        self.form = form = QFormLayout()
        wrap = self.errors.wrap
        form.addRow(_("Kind of meeting:"), wrap("kind", self.kind_combo))
        form.addRow("", self.board_note)
        form.addRow(_("Title:"), wrap("title", self.title_edit))
        form.addRow(_("Date:"), wrap("held_on", self.date_edit))
        form.addRow(_("Starts at:"), wrap("starts_at", self.time_edit))
        form.addRow(_("Place:"), wrap("place", self.place_edit))
        form.addRow(_("Convened by:"), wrap("convened_by", self.convened_edit))
        form.addRow(_("Chaired by:"), wrap("chair_name", self.chair_edit))
        form.addRow(_("Purpose:"), wrap("purpose", self.purpose_edit))
        form.addRow("", self.standard_agenda)
        self.lay_out_below([form], min_width=560)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.date_edit.dateChanged.connect(self._follow_title)

    def _fill_new(self) -> None:
        db, coop_id, today = self.context.db, self.context.coop_id, dt.date.today()
        self.set_kind(MeetingKind.ORDINARY_ASSEMBLY)
        self.time_edit.set_value(DEFAULT_START)
        self.place_edit.setText(self.context.coop.main_office)
        chair = chair_in_office(db, coop_id, today)
        self.convened_edit.setText(chair)
        self.chair_edit.setText(chair)
        self._suggested = suggested_title(self.kind(), self.held_on())
        self.title_edit.setText(self._suggested)

    def _fill(self, m: MeetingView) -> None:
        self.set_kind(m.kind)
        self.title_edit.setText(m.title)
        self._suggested = suggested_title(m.kind, m.held_on)
        self.date_edit.setDate(to_qdate(m.held_on))
        self.time_edit.set_value(m.starts_at)
        self.place_edit.setText(m.place)
        self.convened_edit.setText(m.convened_by)
        self.chair_edit.setText(m.chair_name)
        self.purpose_edit.setPlainText(m.purpose)

    # -- following the choices -------------------------------------------------------------
    def _kind_changed(self) -> None:
        kind = self.kind()
        rules = kind_rules(kind)
        offered = self.meeting is None and offers_standard_agenda(kind)
        self.form.setRowVisible(self.standard_agenda, offered)
        self._show_board_note(rules.register is Register.DIRECTORS)
        self._follow_title()
        self.adjustSize()

    def _show_board_note(self, board: bool) -> None:
        if not board:
            self.form.setRowVisible(self.board_note, False)
            return
        if self._board is None:
            self._board = board_option(self.context.db, self.context.coop_id, dt.date.today())
        option = self._board
        if option.optional:
            self.board_note.show_plain(
                _("The co-op has {count} members. A co-op with fewer than {limit} members may have no board, "
                  "if the general assembly so resolves; the assembly then decides what the board would.",
                  count=current().number(option.members), limit=option.below)
                + " " + _("({article})", article=option.ref.label(current().language)))
        self.form.setRowVisible(self.board_note, option.optional)

    def _follow_title(self) -> None:
        """Keep the suggested title in step with the kind and year, unless the user wrote another."""
        suggestion = suggested_title(self.kind(), self.held_on())
        if self.title_edit.text().strip() in ("", getattr(self, "_suggested", "")):
            self.title_edit.setText(suggestion)
        self._suggested = suggestion

    # -- values ----------------------------------------------------------------------------
    def kind(self) -> MeetingKind:
        return MeetingKind(self.kind_combo.currentData())

    def set_kind(self, kind: MeetingKind) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))

    def held_on(self) -> dt.date:
        return from_qdate(self.date_edit.date())

    def meeting_input(self) -> MeetingInput:
        # a founding meeting's register is the consenters recorded in the founding (services.founding)
        return MeetingInput(
            self.kind(), self.title_edit.text(), self.held_on(), self.time_edit.value(), self.place_edit.text(),
            self.convened_edit.text(), self.chair_edit.text(), purpose=self.purpose_edit.toPlainText())

    def board_note_text(self) -> str:
        return self.board_note.plain_text() if self.board_note.isVisibleTo(self) else ""

    # -- saving ----------------------------------------------------------------------------
    def save(self) -> MeetingView:
        db, coop_id = self.context.db, self.context.coop_id
        if self.meeting is not None:
            return edit_meeting(db, coop_id, self.meeting.id, self.meeting_input())
        with_agenda = self.standard_agenda.isVisibleTo(self) and self.standard_agenda.isChecked()
        return create_meeting(db, coop_id, self.meeting_input(), with_standard_agenda=with_agenda)
