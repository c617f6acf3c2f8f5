"""The education area (교육): the sessions, the chosen session's list of attendees, the members
who still owe the orientation, and the papers.

Dialogs open window-modal without blocking (``open()``) and the methods that open them return
them, so a test drives the same widgets a secretary does.  The page reads again when members
change (a new member may take over a list entry made before they joined) or the bylaws do.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QMenu,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from coopdesk.i18n import _, current, ngettext
from coopdesk.services.education.orientation import OwedOrientation
from coopdesk.services.education.printing import EducationPaperKind
from coopdesk.services.education.report import current_year
from coopdesk.services.education.sessions import (
    SessionView,
    delete_session,
    list_sessions,
)
from coopdesk.ui.context import CoopContext
from coopdesk.ui.widgets.open_dialogs import OpenDialogs
from coopdesk.ui.education.attendees import AttendeePanel
from coopdesk.ui.education.owed import OwedList
from coopdesk.ui.education.session_list import SessionList
from coopdesk.ui.toolbar import add_action

if TYPE_CHECKING:  # the dialogs load when first opened
    from coopdesk.ui.education.paper_dialog import SessionPaperDialog, YearReportDialog
    from coopdesk.ui.education.session_dialog import SessionDialog
    from coopdesk.ui.members.member_view import MemberViewDialog

ATTENDEES_TAB, OWED_TAB = 0, 1


class EducationPage(QWidget):
    """The education (교육) area of the main window."""

    def __init__(self, context: CoopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("education_page")
        self.context = context
        self._dialogs = OpenDialogs()  # the last dialog of each kind opened here
        self._own_change = False
        self._build()
        context.changed.connect(self._on_context_changed)
        self.reload()

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_toolbar())
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        self.list = SessionList(splitter)
        self.table = self.list.table
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.tabs = QTabWidget(splitter)
        self.attendees = AttendeePanel(self.context, self.tabs)
        self.attendees.changed.connect(self._attendance_changed)
        self.owed = OwedList(self.context, self.tabs)
        self.owed.opened.connect(self.open_member)
        self.owed.shown.connect(self._owed_shown)
        self.tabs.addTab(self.attendees, _("Attendees"))
        self.tabs.addTab(self.owed, _("Orientation owed"))
        splitter.addWidget(self.table)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar(self)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_action = self._action(bar, _("New session…"), self.new_session, "new_session", "Ctrl+N")
        self.edit_action = self._action(bar, _("Edit session…"), self.edit_selected, "edit_session", "Ctrl+E")
        self.delete_action = add_action(self, bar, _("Delete session…"), self.delete_selected, "delete_session")
        bar.addSeparator()
        self.print_action = self._action(bar, _("Print…"), self.print_paper, "print_education", "Ctrl+P")
        menu = QMenu(self)
        for kind in (EducationPaperKind.CERTIFICATE, EducationPaperKind.ATTENDANCE):
            paper = menu.addAction(_(kind.label) + "…")
            paper.triggered.connect(lambda _checked=False, k=kind: self.print_paper(k))
        self.print_action.setMenu(menu)
        button = bar.widgetForAction(self.print_action)
        if isinstance(button, QToolButton):  # the button prints; its arrow lists the papers
            button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.report_action = add_action(self, bar, _("Yearly report…"), self.print_report, "education_report")
        return bar

    def _action(self, bar: QToolBar, text: str, slot: Callable[[], object], name: str, keys: str) -> QAction:
        action = add_action(self, bar, text, slot, name)
        action.setShortcut(QKeySequence(keys))
        # Only while this page has the focus: other areas use the same keys for their own work.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        return action

    # -- showing ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the sessions and who owes the orientation again; the chosen session stays chosen."""
        self.list.set_sessions(list_sessions(self.context.db, self.context.coop_id))
        self._show_owed()

    def _show_owed(self) -> None:
        self.owed.reload()  # a large register in a thread: the tab's count follows when it is read

    def _owed_shown(self, owed: OwedOrientation) -> None:
        label = _("Orientation owed ({count})", count=current().number(owed.total)) if owed.required and owed.total \
            else _("Orientation owed")
        self.tabs.setTabText(OWED_TAB, label)

    def _selection_changed(self) -> None:
        self.attendees.show_session(self.selected_session())
        chosen = self.selected_session() is not None
        for action in (self.edit_action, self.delete_action, self.print_action):
            action.setEnabled(chosen)

    def _attendance_changed(self) -> None:
        """Someone was added or taken off: the counts and who owes the orientation follow."""
        self._own_change = True
        try:
            self.list.set_sessions(list_sessions(self.context.db, self.context.coop_id))
            self._show_owed()
            self.context.notify("education")
        finally:
            self._own_change = False

    def _on_context_changed(self, area: str) -> None:
        if area in ("members", "coop", "education") and not self._own_change:
            self.reload()

    @property
    def sessions(self) -> list[SessionView]:
        return self.list.sessions

    def selected_session(self) -> SessionView | None:
        return self.list.selected()

    def select_session(self, session_id: int) -> bool:
        return self.list.select(session_id)

    # -- dialogs ---------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> QDialog:
        """Show a dialog without blocking; the one it replaces is freed once closed."""
        return self._dialogs.open(dialog)

    def new_session(self) -> SessionDialog:
        from coopdesk.ui.education.session_dialog import SessionDialog

        dialog = SessionDialog(self.context, parent=self)
        dialog.saved.connect(self._session_saved)
        self._open(dialog)
        return dialog

    def edit_selected(self) -> SessionDialog | None:
        chosen = self.selected_session()
        if chosen is None:
            return None
        from coopdesk.ui.education.session_dialog import SessionDialog

        dialog = SessionDialog(self.context, chosen, parent=self)
        dialog.saved.connect(self._session_saved)
        self._open(dialog)
        return dialog

    def _session_saved(self, view: SessionView) -> None:
        self._own_change = True
        try:
            self.reload()
            self.context.notify("education")
        finally:
            self._own_change = False
        self.select_session(view.id)
        self.attendees.field.setFocus()  # next: who attended

    def delete_selected(self) -> QMessageBox | None:
        """Ask first: the session's list goes with it."""
        chosen = self.selected_session()
        if chosen is None:
            return None
        text = _("Delete the session \u201c{topic}\u201d of {date}?", topic=chosen.details.topic,
                 date=current().date(chosen.details.held_on))
        if chosen.attendees:
            text += " " + ngettext("Its list of {count} person goes with it.", "Its list of {count} people goes "
                                   "with it.", chosen.attendees, count=current().number(chosen.attendees))
        box = QMessageBox(QMessageBox.Icon.Question, _("Delete session"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirm_delete_session")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self._delete(chosen.id))
        box.open()
        return box

    def _delete(self, session_id: int) -> None:
        delete_session(self.context.db, self.context.coop_id, session_id)
        self._own_change = True
        try:
            self.reload()
            self.context.notify("education")
        finally:
            self._own_change = False

    def print_paper(self, kind: EducationPaperKind = EducationPaperKind.CERTIFICATE) -> SessionPaperDialog | None:
        from coopdesk.ui.education.paper_dialog import (
            SessionPaperDialog,  # reportlab loads only when used
        )

        chosen = self.selected_session()
        if chosen is None:
            return None
        dialog = SessionPaperDialog(self.context, chosen, kind, self.attendees.selected(), parent=self)
        self._open(dialog)
        return dialog

    def print_report(self) -> YearReportDialog:
        from coopdesk.ui.education.paper_dialog import YearReportDialog

        dialog = YearReportDialog(self.context, current_year(self.context.db, self.context.coop_id), parent=self)
        self._open(dialog)
        return dialog

    def open_member(self, number: int) -> MemberViewDialog:
        """A member's page, from the list of those who owe the orientation."""
        from coopdesk.ui.members.member_view import MemberViewDialog

        dialog = MemberViewDialog(self.context, number, parent=self)
        dialog.changed.connect(lambda _view: self.context.notify("members"))
        self._open(dialog)
        return dialog

    def show_owed(self) -> None:
        self.tabs.setCurrentIndex(OWED_TAB)

