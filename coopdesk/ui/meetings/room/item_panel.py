"""The selected agenda item: its rule, its live result in large type, and the work on it.

The result stays at the top, above the tabs, so it is on screen whatever tab the
secretary works in.  Closing asks first, then freezes the result; a closed item offers
only a correction, with a reason, and shows the history of its votes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind, Subject
from coopdesk.i18n import _, current, refusal_text
from coopdesk.services.meetings.state import RoomState
from coopdesk.services.meetings.results import ItemResult
from coopdesk.services.meetings.votes import close_item
from coopdesk.services.meetings.readings import item_result, vote_history
from coopdesk.services.meetings.agenda import ItemView, get_item, record_hearing
from coopdesk.services.meetings.meeting import MeetingView
from coopdesk.ui.context import CoopContext
from coopdesk.ui.elections.panel import ElectionPanel
from coopdesk.ui.meetings.room.picture import RoomPicture
from coopdesk.ui.meetings.room.clear_vote_dialog import ClearVoteDialog
from coopdesk.ui.meetings.room.correction_dialog import CorrectionDialog
from coopdesk.ui.meetings.room.discussion import DiscussionPanel
from coopdesk.ui.meetings.room.exclusions import ExclusionsPanel
from coopdesk.ui.meetings.room.history import HistoryTable
from coopdesk.ui.meetings.room.memory import VoteMemory
from coopdesk.ui.meetings.room.result_view import ResultView
from coopdesk.ui.meetings.room.vote_panel import VotePanel
from coopdesk.ui.meetings.room.wording import GREY, RED, item_rule, person, with_article

VOTE_TAB, EXCLUSIONS_TAB, DISCUSSION_TAB, HISTORY_TAB, ELECTION_TAB = range(5)


class ItemPanel(QWidget):
    changed = Signal(object)  # the item's ItemResult after a vote, a closing, a correction
    room_changed = Signal(object)  # the RoomState after an action that changes the room (an expulsion)

    def __init__(self, context: CoopContext, meeting: MeetingView, memory: VoteMemory,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("item_panel")
        self.context, self.meeting, self.memory = context, meeting, memory
        self.item: ItemView | None = None
        self.result: ItemResult | None = None
        self.attendance: RoomPicture | None = None  # the room as the screen knows it
        self._dialog: QWidget | None = None
        self._build()

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel(self)
        self.title.setObjectName("item_title")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.rule = QLabel(self)
        self.rule.setObjectName("item_rule")
        self.rule.setWordWrap(True)
        self.hearing_note = QLabel(self)
        self.hearing_note.setWordWrap(True)
        self.heard = QCheckBox(_("The member was given the chance to speak"), self)
        self.heard.setObjectName("heard")
        self.heard.clicked.connect(self._hearing)
        self.result_view = ResultView(self)
        self.message = QLabel(self)
        self.message.setObjectName("item_message")
        self.message.setWordWrap(True)
        self.correct_button = QPushButton(_("Correct the vote…"), self)
        self.correct_button.setObjectName("correct_vote")
        self.correct_button.clicked.connect(self.correct)
        self.clear_button = QPushButton(_("Clear the yes-or-no vote…"), self)
        self.clear_button.setObjectName("clear_vote")
        self.clear_button.clicked.connect(self.clear_vote)
        self.close_button = QPushButton(_("Close item…"), self)
        self.close_button.setObjectName("close_item")
        self.close_button.clicked.connect(self.close_item)
        self.votes = VotePanel(self.context, self.meeting, self.memory, self)
        self.exclusions = ExclusionsPanel(self.context, self.meeting, self.memory, self)
        self.discussion = DiscussionPanel(self.context, self)
        self.history = HistoryTable(self)
        for panel in (self.votes, self.exclusions):
            panel.done.connect(self._done)
            panel.refused.connect(self.refuse)
        self.discussion.refused.connect(self.refuse)
        self.discussion.saved.connect(self._text_saved)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("item_tabs")
        self.tabs.addTab(self.votes, _("Vote"))
        self.tabs.addTab(self.exclusions, _("Personal interest"))
        self.tabs.addTab(self.discussion, _("Proposal and discussion"))
        self.tabs.addTab(self.history, _("History"))
        self.election: ElectionPanel | None = None  # made for the first election item shown
        self.election_scroll = QScrollArea(self)
        self.election_scroll.setWidgetResizable(True)
        self.tabs.addTab(self.election_scroll, _("Election"))
        self.tabs.setTabVisible(ELECTION_TAB, False)
        self._lay_out()

    def _lay_out(self) -> None:
        hearing = QHBoxLayout()
        hearing.addWidget(self.hearing_note, 1)
        hearing.addWidget(self.heard)
        actions = QHBoxLayout()
        actions.addWidget(self.message, 1)
        actions.addWidget(self.correct_button, 0, Qt.AlignmentFlag.AlignTop)
        actions.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignTop)
        actions.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.rule)
        layout.addLayout(hearing)
        layout.addWidget(self.result_view)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)

    # -- showing ---------------------------------------------------------------------------
    def show_item(self, item: ItemView | None, attendance: RoomPicture) -> None:
        """Show ``item``; the summary typed for the item shown before is saved first."""
        if self.item is not None and (item is None or item.id != self.item.id):
            self.discussion.save()
        self.attendance, self.item = attendance, item
        self.say("")
        if item is None:
            self.title.setText(_("No agenda item"))
            self.rule.clear()
            self._show_hearing(None)
            self.result_view.show_result(None)
            self.setEnabled(False)
            return
        self.setEnabled(True)
        self.title.setText(_("Item {position}. {title}", position=item.position, title=item.title))
        self.refresh(attendance)

    def refresh(self, attendance: RoomPicture | None = None) -> None:
        """Read the item's result again: live while open (the room changed), frozen once closed."""
        if attendance is not None:
            self.attendance = attendance
        if self.item is None or self.attendance is None:
            return
        db, coop_id = self.context.db, self.context.coop_id
        self.item = get_item(db, coop_id, self.item.id)
        self._show(item_result(db, coop_id, self.item.id))

    def show_state(self, state: RoomState) -> None:
        """The room's answer to an action: the item's result came with it, no second read."""
        if self.item is None or state.item is None or state.item.item_id != self.item.id:
            self.refresh()
            return
        self.item = get_item(self.context.db, self.context.coop_id, self.item.id)
        self._show(state.item)

    def _show(self, result: ItemResult) -> None:
        assert self.item is not None and self.attendance is not None
        self.result = result
        self.rule.setText(item_rule(result.kind, result.majority))
        self.result_view.show_result(result)
        report = self.item.kind is ResolutionKind.REPORT
        for tab in (VOTE_TAB, EXCLUSIONS_TAB, HISTORY_TAB):  # first: enabling a tab enables its page
            self.tabs.setTabEnabled(tab, not report)
        self.discussion.show_item(self.item)
        self.votes.show_item(self.item, result, self.attendance)
        self.exclusions.show_item(self.item, result, self.attendance)
        history = vote_history(self.context.db, self.context.coop_id, self.item.id)
        self.history.fill(history)
        if report and self.tabs.currentIndex() in (VOTE_TAB, EXCLUSIONS_TAB):
            self.tabs.setCurrentIndex(DISCUSSION_TAB)
        officers = self.item.subject is Subject.OFFICER_ELECTION
        voted_as_motion = officers and bool(history or result.voted)
        self._show_election(result, voted_as_motion)
        self.close_button.setVisible(not result.closed and not voted_as_motion)
        self.close_button.setText(_("Close as reported…") if report else _("Close item…"))
        self.correct_button.setVisible(result.closed and not report and not officers)
        self.clear_button.setVisible(voted_as_motion)
        if voted_as_motion:
            self.result_view.show_result(result, motion_on_election=True)
            self.say(with_article(_("A yes-or-no vote is recorded on this officer-election item; it elects no one. "
                                    "Clear it, with the reason, and hold the election on the Election tab."),
                                  law.OFFICERS_ELECTED_BY_ASSEMBLY.ref))
        self._show_hearing(self.item)

    def _show_election(self, result: ItemResult, voted_as_motion: bool) -> None:
        """An officer-election item is held as an election on its own tab, never voted yes or no
        (Act 34): the vote tabs are not offered.  A yes-or-no vote recorded on one anyway (a file
        from before) stays in view, with the button that clears it."""
        assert self.item is not None
        officers = self.item.subject is Subject.OFFICER_ELECTION
        election = officers and self.meeting.kind is not MeetingKind.BOARD
        was = self.tabs.isTabVisible(ELECTION_TAB)
        self.tabs.setTabVisible(ELECTION_TAB, election)
        for tab in (VOTE_TAB, EXCLUSIONS_TAB):
            self.tabs.setTabVisible(tab, not officers)
        self.result_view.setVisible(not officers or voted_as_motion)  # the panel has the election's result
        if officers and not election:  # a board does not elect officers
            self.rule.setText(with_article(_("Officers are elected by the general assembly, not by the board."),
                                           law.OFFICERS_ELECTED_BY_ASSEMBLY.ref))
        if not election:
            return
        self.rule.setText(with_article(_("Officers are elected by secret ballot, one member one vote."),
                                       law.ONE_MEMBER_ONE_VOTE.ref))
        if self.election is None:
            self.election = ElectionPanel(self.context, self.meeting.held_on, lambda: self.attendance.present
                                          if self.attendance else 0, self)
            self.election.changed.connect(self._election_changed)
            self.election_scroll.setWidget(self.election)
        self.election.show_item(self.item.id, self.meeting.held_on, result.closed, self.meeting.title)
        if not was:
            self.tabs.setCurrentIndex(ELECTION_TAB)

    def _election_changed(self) -> None:
        self.refresh()
        self.changed.emit(self.result)

    def _show_hearing(self, item: ItemView | None) -> None:
        expulsion = item is not None and item.subject is Subject.EXPULSION
        self.hearing_note.setVisible(expulsion)
        self.heard.setVisible(expulsion)
        if not expulsion or item is None or self.attendance is None:
            return
        told = current().date(item.grounds_told_on) if item.grounds_told_on else _("not recorded")
        who = person(item.expel_member or 0, self.attendance.names.get(item.expel_member or 0, ""),
                     self.attendance.register)
        self.hearing_note.setText(with_article(
            _("Expulsion of {member}: told the grounds on {date}; before the vote the member may speak.",
              member=who, date=told), law.EXPULSION_NOTICE_DAYS.ref))
        self.heard.setChecked(item.heard)
        self.heard.setEnabled(not item.closed)

    def say(self, text: str, colour: str = RED) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {colour};")

    def refuse(self, refusal: Refusal) -> None:
        self.say(refusal_text(refusal))

    # -- actions ---------------------------------------------------------------------------
    def _done(self, state: RoomState) -> None:
        self.say("")
        self.show_state(state)
        self.changed.emit(state.item)

    def _text_saved(self, item: ItemView) -> None:
        self.changed.emit(self.result)

    def _hearing(self, heard: bool) -> None:
        if self.item is None:
            return
        try:
            record_hearing(self.context.db, self.context.coop_id, self.item.id, heard)
        except Refusal as refusal:
            self.refuse(refusal)
        self.refresh()
        self.changed.emit(self.result)

    def close_item(self) -> QMessageBox | None:
        """Ask first: a closed item's result is frozen."""
        if self.item is None or self.item.closed:
            return None
        if self.item.kind is ResolutionKind.REPORT:
            text = _("Close item {position} as reported? It is not put to a vote.", position=self.item.position)
        else:
            text = _("Close item {position} and freeze its result? A closed result cannot be changed, only "
                     "corrected with a reason.", position=self.item.position)
        box = QMessageBox(QMessageBox.Icon.Question, _("Close item"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("confirm_close")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.button(QMessageBox.StandardButton.Yes).setText(_("Close item"))
        box.button(QMessageBox.StandardButton.Yes).clicked.connect(self.close_now)
        box.open()
        return box

    def close_now(self) -> ItemResult | None:
        if self.item is None or not self.discussion.save():
            return None
        try:
            state = close_item(self.context.db, self.context.coop_id, self.item.id)
        except Refusal as refusal:
            self.refuse(refusal)
            return None
        self.show_state(state)
        self.say(_("Closed: the result is frozen."), GREY)
        self.room_changed.emit(state)
        self.changed.emit(state.item)
        return state.item

    def correct(self) -> CorrectionDialog | None:
        if self.result is None or not self.result.closed or self.item is None:
            return None
        if self._dialog is not None and not self._dialog.isVisible():
            self._dialog.deleteLater()
        dialog = CorrectionDialog(self.context, self.result, self)
        dialog.saved.connect(self._corrected)
        self._dialog = dialog
        dialog.open()
        return dialog

    def clear_vote(self) -> ClearVoteDialog | None:
        if self.result is None or self.item is None:
            return None
        if self._dialog is not None and not self._dialog.isVisible():
            self._dialog.deleteLater()
        dialog = ClearVoteDialog(self.context, self.result, self)
        dialog.saved.connect(self._cleared)
        self._dialog = dialog
        dialog.open()
        return dialog

    def _cleared(self, state: RoomState) -> None:
        self.show_state(state)
        self.tabs.setCurrentIndex(ELECTION_TAB if self.tabs.isTabVisible(ELECTION_TAB) else DISCUSSION_TAB)
        self.say(_("The vote is cleared; the history log keeps it and the reason. Hold the election on the "
                   "Election tab."), GREY)
        self.changed.emit(state.item)

    def _corrected(self, state: RoomState) -> None:
        self.show_state(state)
        self.tabs.setCurrentIndex(HISTORY_TAB)
        self.say(_("The correction is recorded; the history keeps the vote it replaced."), GREY)
        self.changed.emit(state.item)
