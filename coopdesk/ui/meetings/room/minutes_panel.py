"""The meeting's times and chair, the minute signers, and printing the minutes.

Act 30③: the minutes are signed by the meeting's chair and at least three members
elected at the meeting; a board's by the directors who attended [L].  Ticking a signer
is recorded at once; final minutes are refused without enough of them, a draft is not.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain.errors import Refusal
from coopdesk.i18n import _, current, refusal_text
from coopdesk.services.meetings.signers import SignerChoice, SignersView, choose_minute_signers, signer_candidates
from coopdesk.services.meetings.printing import MeetingPaperKind
from coopdesk.services.meetings.meeting import MeetingView, get_meeting, record_times
from coopdesk.ui.context import CoopContext
from coopdesk.ui.meetings.paper_dialog import PaperDialog
from coopdesk.ui.meetings.room.wording import GREEN, GREY, RED, person, with_article


class TimeField(QWidget):
    """A time that may not be recorded yet; Now takes the clock's time (and the panel records it)."""

    now_pressed = Signal()
    edited = Signal()  # the user changed the time or ticked "Not yet"

    def __init__(self, value: dt.time | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QTimeEdit(self)
        self.edit.setDisplayFormat("HH:mm")
        self.not_yet = QCheckBox(_("Not yet"), self)
        self.not_yet.toggled.connect(lambda off: self.edit.setEnabled(not off))
        now = QPushButton(_("Now"), self)
        now.clicked.connect(self.set_now)
        self.edit.editingFinished.connect(self.edited)
        self.not_yet.clicked.connect(self.edited)  # clicked, not toggled: only the user's changes
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(now)
        row.addWidget(self.not_yet)
        row.addStretch(1)
        self.set_value(value)

    def set_now(self) -> None:
        self.set_value(dt.datetime.now().time().replace(second=0, microsecond=0))
        self.now_pressed.emit()

    def set_value(self, value: dt.time | None) -> None:
        if value is not None:
            self.edit.setTime(QTime(value.hour, value.minute))
        self.not_yet.setChecked(value is None)
        self.edit.setEnabled(value is not None)

    def value(self) -> dt.time | None:
        if self.not_yet.isChecked():
            return None
        t = self.edit.time()
        return dt.time(t.hour(), t.minute())


class MinutesPanel(QWidget):
    meeting_changed = Signal(object)  # MeetingView after the times or the chair were recorded

    def __init__(self, context: CoopContext, meeting: MeetingView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("minutes_panel")
        self.context, self.meeting = context, meeting
        self.register = meeting.rules.register
        self.elected = meeting.rules.signers.elected  # False: every attending director signs
        self.view: SignersView | None = None
        self.choices: list[SignerChoice] = []
        self._dialog: PaperDialog | None = None
        row = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(self._times_box())
        left.addWidget(self._print_box())
        left.addStretch(1)
        row.addLayout(left, 1)
        row.addWidget(self._signers_box(), 1)

    # -- times and chair -------------------------------------------------------------------
    def _times_box(self) -> QGroupBox:
        box = QGroupBox(_("The meeting"), self)
        self.opened = TimeField(self.meeting.opened_at, box)
        self.closed = TimeField(self.meeting.closed_at, box)
        # recorded at once, like every other entry in the room: a typed time is never lost
        for field in (self.opened, self.closed):
            field.now_pressed.connect(self.save_times)
            field.edited.connect(self.save_times)
        self.chair = QLineEdit(self.meeting.chair_name, box)
        self.chair.setObjectName("chair_name")
        self.chair.setPlaceholderText(_("Who chairs the meeting"))
        self.chair.editingFinished.connect(self._chair_edited)
        self.times_message = QLabel(box)
        self.times_message.setWordWrap(True)
        save = QPushButton(_("Record times and chair"), box)
        save.setObjectName("record_times")
        save.clicked.connect(self.save_times)
        form = QFormLayout(box)
        form.addRow(_("Opened at:"), self.opened)
        form.addRow(_("Closed at:"), self.closed)
        form.addRow(_("Chair:"), self.chair)
        form.addRow(self.times_message)
        form.addRow("", save)
        return box

    def save_times(self) -> MeetingView | None:
        try:
            view = record_times(self.context.db, self.context.coop_id, self.meeting.id,
                                opened_at=self.opened.value(), closed_at=self.closed.value(),
                                chair_name=self.chair.text())
        except Refusal as refusal:
            self._say(self.times_message, refusal_text(refusal), RED)
            return None
        self.meeting = view
        self._say(self.times_message, _("Recorded."), GREEN)
        self.meeting_changed.emit(view)
        if self.view is not None:
            self.reload()  # the chair counts apart from the members elected to sign
        return view

    def _chair_edited(self) -> None:
        if " ".join(self.chair.text().split()) != self.meeting.chair_name:
            self.save_times()

    def set_chair_names(self, names: list[str]) -> None:
        """Those present, offered as the chair as one types."""
        completer = QCompleter(sorted(set(names)), self.chair)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.chair.setCompleter(completer)

    # -- signers ---------------------------------------------------------------------------
    def _signers_box(self) -> QGroupBox:
        box = QGroupBox(_("Minute signers"), self)
        signers = self.meeting.rules.signers
        rule = with_article(_(signers.rule_text, minimum=signers.minimum), signers.ref)
        explain = QLabel(rule, box)
        explain.setWordWrap(True)
        self.signers = QListWidget(box)
        self.signers.setObjectName("signers")
        self.signers.itemChanged.connect(self._ticked)
        self.count = QLabel(box)
        self.count.setObjectName("signer_count")
        self.count.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.addWidget(explain)
        layout.addWidget(self.signers, 1)
        layout.addWidget(self.count)
        return box

    def reload(self) -> None:
        self._take(signer_candidates(self.context.db, self.context.coop_id, self.meeting.id))
        self._fill()

    def _take(self, view: SignersView) -> None:
        self.view, self.choices = view, list(view.choices)

    def _fill(self) -> None:
        self.signers.blockSignals(True)
        self.signers.clear()
        for c in self.choices:
            entry = QListWidgetItem(person(c.key, c.name, self.register), self.signers)
            entry.setData(Qt.ItemDataRole.UserRole, c.key)
            # at a board every attending director signs: nothing to pick
            flags = Qt.ItemFlag.ItemIsEnabled | (Qt.ItemFlag.ItemIsUserCheckable if self.elected
                                                 else Qt.ItemFlag.NoItemFlags)
            entry.setFlags(flags)
            entry.setCheckState(Qt.CheckState.Checked if c.chosen else Qt.CheckState.Unchecked)
        self.signers.blockSignals(False)
        self._show_count()

    def _ticked(self, _entry: QListWidgetItem) -> None:
        keys = [int(self.signers.item(r).data(Qt.ItemDataRole.UserRole)) for r in range(self.signers.count())
                if self.signers.item(r).checkState() is Qt.CheckState.Checked]
        self.choose(keys)

    def choose(self, keys: list[int]) -> bool:
        """Record these signers at once; a refusal keeps the list as it was recorded."""
        try:
            self._take(choose_minute_signers(self.context.db, self.context.coop_id, self.meeting.id, keys))
        except Refusal as refusal:
            self._fill()
            self._say(self.count, refusal_text(refusal), RED)
            return False
        self._fill()
        return True

    def chosen(self) -> list[SignerChoice]:
        return [c for c in self.choices if c.chosen]

    def _show_count(self) -> None:
        if self.view is None:  # read when the tab is first shown
            return
        t, state = current(), self.view.state
        if not state.rule.elected:
            self._say(self.count, _("{count} of {total} attending directors chosen.", count=t.number(state.chosen),
                                    total=t.number(state.attending)), GREY)
            return
        text = _("{count} members chosen besides the chair; at least {minimum} are needed.",
                 count=t.number(state.chosen), minimum=t.number(state.rule.minimum))
        if not self.meeting.chair_name:
            text += " " + _("Record the chair of the meeting too.")
        self._say(self.count, text, GREEN if state.enough else RED)

    # -- printing --------------------------------------------------------------------------
    def _print_box(self) -> QGroupBox:
        box = QGroupBox(_("Minutes"), self)
        self.draft_button = QPushButton(_("Print draft minutes…"), box)
        self.draft_button.setObjectName("print_draft_minutes")
        self.draft_button.clicked.connect(lambda: self.print_minutes(draft=True))
        self.final_button = QPushButton(_("Print minutes…"), box)
        self.final_button.setObjectName("print_minutes")
        self.final_button.clicked.connect(lambda: self.print_minutes(draft=False))
        note = QLabel(_("Final minutes print once every item is closed and the signers are chosen."), box)
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {GREY};")
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        row.addWidget(self.draft_button)
        row.addWidget(self.final_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(note)
        return box

    def print_minutes(self, draft: bool = False) -> PaperDialog:
        if self._dialog is not None and not self._dialog.isVisible():
            self._dialog.deleteLater()
        self._dialog = PaperDialog(self.context, self.meeting, MeetingPaperKind.MINUTES, draft, self)
        self._dialog.open()
        return self._dialog

    @staticmethod
    def _say(label: QLabel, text: str, colour: str) -> None:
        label.setText(text)
        label.setStyleSheet(f"color: {colour};")

    def refresh_meeting(self) -> None:
        self.meeting = get_meeting(self.context.db, self.context.coop_id, self.meeting.id)
        if self.view is not None:
            self.reload()  # the chair may have changed: the count besides the chair with it
