"""The meetings area: the co-op's meetings, the chosen one's detail, and the meeting room.

The first view lists the meetings over the chosen meeting's facts, agenda and notices.
Opening a meeting shows its meeting room in the whole area; the room's "back" returns
here.  Dialogs open window-modal without blocking (``open()``) and the methods that
open them return them, so a test drives the same widgets a secretary does.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.kinds import Subject
from coopdesk.i18n import _, refusal_text
from coopdesk.services.meetings.agenda import move_item, remove_item
from coopdesk.services.meetings.meeting import MeetingView
from coopdesk.ui.context import CoopContext
from coopdesk.ui.widgets.open_dialogs import OpenDialogs
from coopdesk.ui.meetings.detail import MeetingDetail
from coopdesk.ui.meetings.meeting_list import TITLE, MeetingList
from coopdesk.ui.meetings.summary import MeetingSummary, agenda_lines, summaries
from coopdesk.ui.meetings.texts import PAPERS
from coopdesk.ui.toolbar import add_action

if TYPE_CHECKING:  # the dialogs load when first opened: the page shows sooner the first time
    from coopdesk.ui.meetings.item_dialog import ItemDialog
    from coopdesk.ui.meetings.meeting_dialog import MeetingDialog
    from coopdesk.ui.meetings.notice_dialog import NoticeDialog
    from coopdesk.ui.meetings.paper_dialog import PaperDialog

ROOM_MODULE = "coopdesk.ui.meetings.room"


def room_available() -> bool:
    """Whether this build has the meeting room (it is built alongside this page)."""
    try:
        return importlib.util.find_spec(ROOM_MODULE) is not None
    except ImportError:
        return False


class MeetingsPage(QStackedWidget):
    # True while the meeting room fills the area: the window gives it all its width (a
    # 1366×768 laptop at 125% has 1,093 points across)
    full_screen = Signal(bool)

    """The meetings (회의) area of the main window."""

    def __init__(self, context: CoopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetings_page")
        self.context = context
        self.room: QWidget | None = None
        self._dialogs = OpenDialogs()  # the last dialog of each kind opened here
        self._own_change = False
        self.list_view = self._build_list_view()
        self.addWidget(self.list_view)
        context.changed.connect(self._on_context_changed)
        self.reload()

    # -- building --------------------------------------------------------------------------
    def _build_list_view(self) -> QWidget:
        view = QWidget(self)
        layout = QVBoxLayout(view)
        layout.addWidget(self._build_toolbar(view))
        splitter = QSplitter(Qt.Orientation.Vertical, view)
        splitter.setChildrenCollapsible(False)
        self.table = MeetingList(splitter)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.opened.connect(self.open_room)
        self.detail = MeetingDetail(splitter)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        layout.addWidget(splitter, 1)
        d = self.detail
        d.add_item_button.clicked.connect(self.add_item)
        d.remove_item_button.clicked.connect(self.remove_selected_item)
        d.election_button.clicked.connect(self.set_up_election)
        d.up_button.clicked.connect(lambda: self.move_selected_item(-1))
        d.down_button.clicked.connect(lambda: self.move_selected_item(+1))
        d.agenda_table.itemSelectionChanged.connect(self._update_actions)
        for key, slot in ((QKeySequence.StandardKey.Delete, self.remove_selected_item),
                          (QKeySequence("Alt+Up"), lambda: self.move_selected_item(-1)),
                          (QKeySequence("Alt+Down"), lambda: self.move_selected_item(+1))):
            QShortcut(QKeySequence(key), d.agenda_table, slot, context=Qt.ShortcutContext.WidgetShortcut)
        return view

    def _build_toolbar(self, view: QWidget) -> QToolBar:
        bar = QToolBar(view)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_action = self._action(bar, _("New meeting…"), self.new_meeting, "new_meeting", "Ctrl+N")
        self.edit_action = self._action(bar, _("Edit meeting…"), self.edit_selected, "edit_meeting", "Ctrl+E")
        bar.addSeparator()
        self.notice_action = self._action(bar, _("Record notice…"), self.record_notice, "record_notice",
                                          "Ctrl+Shift+N")
        self.print_action = self._action(bar, _("Print…"), self.print_paper, "print_paper", "Ctrl+P")
        menu = QMenu(view)
        for kind, draft, label in PAPERS:
            paper = menu.addAction(_(label) + "…")
            paper.triggered.connect(lambda _checked=False, k=kind, d=draft: self.print_paper(k, d))
        self.print_action.setMenu(menu)
        button = bar.widgetForAction(self.print_action)
        if isinstance(button, QToolButton):  # the button prints; its arrow lists the papers
            button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        bar.addSeparator()
        self.room_action = self._action(bar, _("Open meeting room"), self.open_room, "open_room", "Ctrl+R")
        if not room_available():
            self.room_action.setToolTip(_("The meeting room is not part of this version."))
        for action in bar.actions():  # the toolbar is reachable with Tab, like every other control
            widget = bar.widgetForAction(action)
            if widget is not None and not action.isSeparator():
                widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return bar

    def _action(self, bar: QToolBar, text: str, slot: Callable[[], object], name: str, keys: str) -> QAction:
        action = add_action(self, bar, text, slot, name)
        action.setShortcut(QKeySequence(keys))
        # Only while the list has the focus: other areas, and the meeting room, use the same
        # keys for their own work.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        bar.parentWidget().addAction(action)
        action.setToolTip(f"{text} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        return action

    # -- showing ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the meetings again; the chosen meeting stays chosen."""
        self.table.set_meetings(summaries(self.context.db, self.context.coop_id))

    def _selection_changed(self) -> None:
        chosen = self.selected_summary()
        lines = agenda_lines(self.context.db, self.context.coop_id, chosen) if chosen else []
        self.detail.show_meeting(chosen, lines)
        self._update_actions()

    def _update_actions(self) -> None:
        chosen = self.selected_meeting() is not None
        for action in (self.edit_action, self.notice_action, self.print_action):
            action.setEnabled(chosen)
        self.room_action.setEnabled(chosen and room_available())
        item = self.detail.selected_item()
        d = self.detail
        d.add_item_button.setEnabled(chosen)
        d.remove_item_button.setEnabled(item is not None and not item.closed)
        # once any item is closed the agenda's order is fixed (the service refuses a move)
        movable = item is not None and not any(line.item.closed for line in d.lines)
        d.up_button.setEnabled(movable and item.position > 1)
        d.down_button.setEnabled(movable and item.position < len(d.lines))
        d.election_button.setVisible(item is not None and item.subject is Subject.OFFICER_ELECTION)
        d.election_button.setEnabled(item is not None and not item.closed)

    def _on_context_changed(self, area: str) -> None:
        if area == "meetings" and not self._own_change:
            self.reload()

    def _changed_here(self) -> None:
        """This page changed a meeting: show it, and tell the other areas."""
        self.reload()
        self._own_change = True
        try:
            self.context.notify("meetings")
        finally:
            self._own_change = False

    @property
    def meetings(self) -> list[MeetingSummary]:
        return self.table.meetings

    def selected_summary(self) -> MeetingSummary | None:
        return self.table.selected_summary()

    def selected_meeting(self) -> MeetingView | None:
        chosen = self.table.selected_summary()
        return chosen.meeting if chosen else None

    def select_meeting(self, meeting_id: int) -> bool:
        return self.table.select_meeting(meeting_id)

    def shown(self, column: int = TITLE) -> list[str]:
        return self.table.shown(column)

    # -- dialogs ---------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> QDialog:
        """Show a dialog without blocking; the one it replaces is freed once closed."""
        return self._dialogs.open(dialog)

    def new_meeting(self) -> MeetingDialog:
        from coopdesk.ui.meetings.meeting_dialog import MeetingDialog

        dialog = MeetingDialog(self.context, parent=self)
        dialog.saved.connect(self._meeting_saved)
        self._open(dialog)
        return dialog

    def edit_selected(self) -> MeetingDialog | None:
        meeting = self.selected_meeting()
        if meeting is None:
            return None
        from coopdesk.ui.meetings.meeting_dialog import MeetingDialog

        dialog = MeetingDialog(self.context, meeting, parent=self)
        dialog.saved.connect(self._meeting_saved)
        self._open(dialog)
        return dialog

    def _meeting_saved(self, view: MeetingView) -> None:
        self._changed_here()
        self.select_meeting(view.id)

    def add_item(self) -> ItemDialog | None:
        meeting = self.selected_meeting()
        if meeting is None:
            return None
        from coopdesk.ui.meetings.item_dialog import ItemDialog

        dialog = ItemDialog(self.context, meeting, parent=self)
        dialog.saved.connect(lambda item: (self._changed_here(), self.detail.select_item(item.id)))
        self._open(dialog)
        return dialog

    def set_up_election(self) -> QDialog | None:
        """The officer election of the chosen item, set up before the day."""
        meeting, item = self.selected_meeting(), self.detail.selected_item()
        if meeting is None or item is None or item.subject is not Subject.OFFICER_ELECTION:
            return None
        from coopdesk.ui.elections.before_day import ElectionBeforeTheDay

        return self._open(ElectionBeforeTheDay(self.context, item.id, meeting.held_on, meeting.title, parent=self))

    def record_notice(self) -> NoticeDialog | None:
        meeting = self.selected_meeting()
        if meeting is None:
            return None
        from coopdesk.ui.meetings.notice_dialog import NoticeDialog

        dialog = NoticeDialog(self.context, meeting, parent=self)
        dialog.saved.connect(lambda _view: self._changed_here())
        self._open(dialog)
        return dialog

    def print_paper(self, kind: str = "notice", draft: bool = False) -> PaperDialog | None:
        """``kind``: a MeetingPaperKind (or its value); the dialog lets the user pick another."""
        from coopdesk.ui.meetings.paper_dialog import PaperDialog  # reportlab loads only when used

        meeting = self.selected_meeting()
        if meeting is None:
            return None
        dialog = PaperDialog(self.context, meeting, kind, draft, parent=self)
        self._open(dialog)
        return dialog

    # -- the agenda ------------------------------------------------------------------------
    def remove_selected_item(self) -> QMessageBox | None:
        """Ask first: the item's title and proposal go with it."""
        item = self.detail.selected_item()
        if item is None or item.closed:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, _("Remove item"),
                          _("Remove item {number}, \u201c{title}\u201d, from the agenda?",
                            number=item.position, title=item.title),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirm_remove")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self._remove(item.id))
        box.open()
        return box

    def _remove(self, item_id: int) -> None:
        try:
            remove_item(self.context.db, self.context.coop_id, item_id)
        except Refusal as refusal:
            self.detail.show_agenda_refusal(refusal_text(refusal))
            return
        self._changed_here()

    def move_selected_item(self, step: int) -> bool:
        item = self.detail.selected_item()
        if item is None:
            return False
        try:
            move_item(self.context.db, self.context.coop_id, item.id, item.position + step)
        except Refusal as refusal:
            self.detail.show_agenda_refusal(refusal_text(refusal))
            return False
        self._changed_here()
        self.detail.select_item(item.id)
        self.detail.agenda_table.setFocus()
        return True

    # -- the meeting room ------------------------------------------------------------------
    def open_room(self) -> QWidget | None:
        """The chosen meeting's room, in the whole area, until it asks to go back."""
        meeting = self.selected_meeting()
        if meeting is None:
            return None
        try:
            from coopdesk.ui.meetings.room import MeetingRoom
        except ImportError:
            box = QMessageBox(QMessageBox.Icon.Information, _("CoopDesk"),
                              _("The meeting room is not part of this version."),
                              QMessageBox.StandardButton.Close, self)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            return None
        self.close_room(reload=False)
        room = MeetingRoom(self.context, meeting.id, parent=self)
        room.back_requested.connect(self.close_room)
        self.room = room
        self.addWidget(room)
        self.setCurrentWidget(room)
        self.full_screen.emit(True)
        room.setFocus()
        return room

    def close_room(self, reload: bool = True) -> None:
        """Back to the list, which reads again what the room changed."""
        room, self.room = self.room, None
        self.setCurrentWidget(self.list_view)
        self.full_screen.emit(False)
        if room is not None:
            self.removeWidget(room)
            room.deleteLater()
        if reload:
            self.reload()
            self.table.setFocus()
