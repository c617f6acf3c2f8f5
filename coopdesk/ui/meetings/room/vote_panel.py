"""Voting on an item: by counts (a show of hands) or by roll call (each present member).

Each entry is one service call, committed at once: a Record of counts, or one click per
member in the roll call.  Counts that cannot be true (more votes than present) are
refused by the service, said in red, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain.meetings.attendance import Choice
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.kinds import ResolutionKind
from coopdesk.domain.meetings.rules import Register
from coopdesk.i18n import N_, _, current
from coopdesk.services.meetings.state import RoomState
from coopdesk.services.meetings.results import ItemResult
from coopdesk.services.meetings.votes import cast_ballot, record_counts
from coopdesk.services.meetings.agenda import ItemView
from coopdesk.services.meetings.meeting import MeetingView
from coopdesk.ui.context import CoopContext
from coopdesk.ui.meetings.room.memory import UNKNOWN, VoteMemory
from coopdesk.ui.meetings.room.picture import RoomPicture
from coopdesk.ui.meetings.room.present_list import present_rows
from coopdesk.ui.meetings.room.wording import GREEN, GREY, RED

# "For" and "Against", not "Yes" and "No": those are the words of a dialog button (예, 아니요), not of a vote
CHOICE_LABELS = {Choice.YES: N_("For"), Choice.NO: N_("Against"), Choice.ABSTAIN: N_("Abstain")}
_CHOICE_COLOURS = {Choice.YES: GREEN, Choice.NO: RED}
NUMBER, NAME, HOW, VOTE, BUTTONS = range(5)


def spin(parent: QWidget, name: str) -> QSpinBox:
    box = QSpinBox(parent)
    box.setObjectName(name)
    box.setRange(0, 0)
    box.setMinimumWidth(64)
    box.setStyleSheet("font-size: 14pt;")
    return box


class VotePanel(QWidget):
    done = Signal(object)  # the RoomState after a recorded vote
    refused = Signal(object)  # the Refusal

    def __init__(self, context: CoopContext, meeting: MeetingView, memory: VoteMemory,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.meeting, self.memory = context, meeting, memory
        self.register = meeting.rules.register
        self.item: ItemView | None = None
        self.voters: list[int] = []
        self._shown: tuple[int, int, int, int] | None = None  # the item and counts last put in the boxes
        self.attendance: RoomPicture | None = None
        self._build()

    def _build(self) -> None:
        self.by_counts = QRadioButton(_("Show of hands (counts)"), self)
        self.by_roll = QRadioButton(_("Roll call (each member)"), self)
        self.by_counts.setObjectName("by_counts")
        self.by_roll.setObjectName("by_roll_call")
        group = QButtonGroup(self)
        group.addButton(self.by_counts)
        group.addButton(self.by_roll)
        self.by_counts.setChecked(True)
        self.by_counts.toggled.connect(self._mode)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._counts_page())
        self.pages.addWidget(self._roll_page())
        modes = QHBoxLayout()
        modes.addWidget(self.by_counts)
        modes.addWidget(self.by_roll)
        modes.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(modes)
        layout.addWidget(self.pages, 1)

    def _counts_page(self) -> QWidget:
        page = QWidget(self)
        self.yes, self.no, self.abstain = spin(page, "yes"), spin(page, "no"), spin(page, "abstain")
        self.record_button = QPushButton(_("Record counts"), page)
        self.record_button.setObjectName("record_counts")
        self.record_button.clicked.connect(self.record)
        for box in (self.yes, self.no, self.abstain):
            box.lineEdit().returnPressed.connect(self.record)  # type the three counts, Enter records
        row = QHBoxLayout()
        for choice, box in ((Choice.YES, self.yes), (Choice.NO, self.no), (Choice.ABSTAIN, self.abstain)):
            caption = QLabel(_(CHOICE_LABELS[choice]), page)
            caption.setStyleSheet("font-size: 13pt;")
            caption.setBuddy(box)
            row.addWidget(caption)
            row.addWidget(box)
            row.addSpacing(12)
        row.addWidget(self.record_button)
        row.addStretch(1)
        self.counts_hint = QLabel(page)
        self.counts_hint.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.counts_hint)
        layout.addStretch(1)
        return page

    def _roll_page(self) -> QWidget:
        self.roll = QTableWidget(0, 5, self)
        self.roll.setObjectName("roll_call")
        self.roll.setHorizontalHeaderLabels([_("No."), _("Name"), _("How"), _("Vote"), ""])
        self.roll.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.roll.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.roll.verticalHeader().hide()
        header = self.roll.horizontalHeader()
        for column in (NUMBER, NAME, VOTE, BUTTONS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HOW, QHeaderView.ResizeMode.Stretch)
        if self.register is Register.DIRECTORS:  # a director's key is a term: no number to show
            self.roll.hideColumn(NUMBER)
        return self.roll

    # -- showing ---------------------------------------------------------------------------
    def show_item(self, item: ItemView, result: ItemResult, attendance: RoomPicture) -> None:
        self.item, self.attendance = item, attendance
        self.setEnabled(item.kind is not ResolutionKind.REPORT and not result.closed)
        voters = result.voters
        for box in (self.yes, self.no, self.abstain):
            # up to the register, not those present: a count too high is refused by the service, with why
            box.setRange(0, max(attendance.members, result.yes, result.no, result.abstain))
        counts = (item.id, result.yes, result.no, result.abstain)
        if counts != self._shown:  # a refresh (someone checked in) keeps counts being typed
            self._shown = counts
            self.yes.setValue(result.yes)
            self.no.setValue(result.no)
            self.abstain.setValue(result.abstain)
        # a closed item's counts are frozen above: the hint is for voting, not for the record
        self.counts_hint.setText("" if result.closed else _(
            "{voters} present may vote on this item. Whoever does not vote counts against, like an abstention.",
            voters=current().number(voters)))
        has_roll = result.roll_call and result.voted
        has_counts = not result.roll_call and result.voted
        # one method per item: the service refuses the other once votes are in
        self.by_counts.setEnabled(not has_roll)
        self.by_roll.setEnabled(not has_counts)
        if has_roll:
            self.by_roll.setChecked(True)
        elif has_counts:
            self.by_counts.setChecked(True)
        self._mode()

    def _mode(self) -> None:
        roll = not self.by_counts.isChecked()
        self.pages.setCurrentIndex(1 if roll else 0)
        if roll and self.item is not None and self.attendance is not None:
            self._fill_roll(self.attendance)  # only when shown: a row of buttons per person present

    def _fill_roll(self, attendance: RoomPicture) -> None:
        assert self.item is not None
        excluded = self.memory.exclusions_of(self.item.id)
        ballots = self.memory.ballots_of(self.item.id)
        rows = [r for r in present_rows(attendance.lines.values(), attendance.register)
                if r.counts and r.key not in excluded]
        self.voters = [r.key for r in rows]
        for row in range(self.roll.rowCount()):  # the old buttons go now, not at the next event loop turn
            old = self.roll.cellWidget(row, BUTTONS)
            if old is not None:
                old.hide()
                self.roll.removeCellWidget(row, BUTTONS)
        self.roll.setRowCount(len(rows))
        for row, r in enumerate(rows):
            for column, text in ((NUMBER, str(r.key)), (NAME, r.name), (HOW, r.how)):
                self.roll.setItem(row, column, QTableWidgetItem(text))
            self._show_choice(row, r.key, ballots)

    def _show_choice(self, row: int, key: int, ballots: dict[int, Choice | None]) -> None:
        voted = key in ballots
        choice = ballots.get(key)
        text = _(CHOICE_LABELS[choice]) if choice is not None else (_("Voted") if voted else "")
        cell_text = QTableWidgetItem(text)
        cell_text.setForeground(QColor(_CHOICE_COLOURS.get(choice, GREY)))
        self.roll.setItem(row, VOTE, cell_text)
        cell = QWidget(self.roll)
        buttons = QHBoxLayout(cell)
        buttons.setContentsMargins(2, 0, 2, 0)
        for option in Choice:
            button = QPushButton(_(CHOICE_LABELS[option]), cell)
            button.setObjectName(f"vote_{option.value}_{key}")
            button.setEnabled(not voted)
            button.setCheckable(voted)  # only a cast vote shows pressed; an unpressed click stays a click
            button.setChecked(option is choice)  # the choice stays visible on its pressed button
            button.clicked.connect(self._caster(key, option))
            buttons.addWidget(button)
        self.roll.setCellWidget(row, BUTTONS, cell)

    def _caster(self, key: int, choice: Choice) -> Callable[[], None]:
        return lambda: self.cast(key, choice)

    # -- recording -------------------------------------------------------------------------
    def record(self) -> RoomState | None:
        if self.item is None:
            return None
        return self._call(lambda: record_counts(self.context.db, self.context.coop_id, self.item.id,  # type: ignore[union-attr]
                                                self.yes.value(), self.no.value(), self.abstain.value()))

    def cast(self, key: int, choice: Choice) -> RoomState | None:
        if self.item is None:
            return None
        ballots = self.memory.ballots_of(self.item.id)
        try:
            result = cast_ballot(self.context.db, self.context.coop_id, self.item.id, key, choice)
        except Refusal as refusal:
            if refusal.message == "This member has already voted on this item.":
                ballots.setdefault(key, UNKNOWN)  # voted before this screen was opened
            self.refused.emit(refusal)
            return None
        ballots[key] = choice
        self.done.emit(result)
        return result

    def _call(self, action: Callable[[], RoomState]) -> RoomState | None:
        try:
            result = action()
        except Refusal as refusal:
            self.refused.emit(refusal)
            return None
        self.done.emit(result)
        return result

    def button(self, key: int, choice: Choice) -> QPushButton | None:
        """The roll call's button for this voter and choice (None if they are not in the table)."""
        if key not in self.voters:
            return None
        cell = self.roll.cellWidget(self.voters.index(key), BUTTONS)
        return cell.findChild(QPushButton, f"vote_{choice.value}_{key}")
