"""The member register page: the list of members, its filters and search, and the actions.

Dialogs open window-modal without blocking (``open()``), and the page methods that
open them return them, so a test drives the same widgets a secretary does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from coopdesk.i18n import _
from coopdesk.services.members.rows import MemberRow, collector_paused, row_of
from coopdesk.ui.context import CoopContext
from coopdesk.ui.widgets.open_dialogs import OpenDialogs
from coopdesk.ui.widgets.tables import register_view
from coopdesk.ui.members.filter_bar import FilterBar
from coopdesk.ui.members.model import JOINED, NAME, NUMBER, STATUS, TYPE, MemberTableModel
from coopdesk.ui.toolbar import add_action
from coopdesk.ui.workers import Job, Progress, start_detached

if TYPE_CHECKING:  # the dialogs, and the services that write, load when first used
    from coopdesk.services.members.first_screen import FirstScreen
    from coopdesk.services.members.member import MemberView
    from coopdesk.ui.members.event_dialog import EventDialog
    from coopdesk.ui.members.import_dialog import ImportDialog
    from coopdesk.ui.members.member_dialog import MemberDialog
    from coopdesk.ui.members.member_view import MemberViewDialog
    from coopdesk.ui.members.outputs import PrintFormDialog, PrintRegisterDialog

_WIDTHS = {NUMBER: 80, NAME: 200, TYPE: 140, STATUS: 120, JOINED: 140}
# Reading this many members takes over ~50 ms: above it the list is read in a thread so
# the window never freezes; below it a thread would only add a visible flicker.
BACKGROUND_LOAD_ABOVE = 5_000


class MembersPage(QWidget):
    """The member register (조합원 명부) area of the main window."""

    painted = Signal()  # the list has been painted holding the register, the first time

    def __init__(self, context: CoopContext, parent: QWidget | None = None,
                 first: FirstScreen | None = None) -> None:
        """``first``: the register as read before the database opened (``services.members.first_screen``)."""
        super().__init__(parent)
        self.setObjectName("members_page")
        self.context = context
        self.model = MemberTableModel(self)
        self._applying_own_change = False
        self._chosen: int | None = None  # the member selected last, kept across filtering
        self._dialogs = OpenDialogs()  # the last dialog of each kind opened here
        self._loading: Job | None = None
        self._reload_again = False
        self._painted = False
        self._build()
        self.model.filtered.connect(self._after_filtering)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        context.changed.connect(self._on_context_changed)
        if first is None:
            self.reload()
        else:
            self._show_first(first)

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_toolbar())
        self.filters = FilterBar(self.model, self.context.coop.member_types, self)
        # What tests, the bench and the main window reach for:
        self.search_box, self.count_label = self.filters.search_box, self.filters.count_label
        self.status_filter, self.type_filter = self.filters.status_filter, self.filters.type_filter
        layout.addWidget(self.filters)
        layout.addWidget(self._build_table(), 1)
        self._update_actions()


    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar(self)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.add_action = add_action(self, bar, _("Add member…"), self.add_member, "add_member")
        self.add_action.setShortcut(QKeySequence.StandardKey.New)
        self.open_action = add_action(self, bar, _("Open"), self.open_selected, "open_member")
        self.edit_action = add_action(self, bar, _("Edit…"), self.edit_selected, "edit_member")
        self.event_action = add_action(self, bar, _("Record event…"), self.record_event, "record_event")
        bar.addSeparator()
        self.import_action = add_action(self, bar, _("Import…"), self.import_members, "import_members")
        self.export_action = add_action(self, bar, _("Export…"), self.export_members, "export_members")
        self.print_action = add_action(self, bar, _("Print register…"), self.print_register, "print_register")
        self.form_action = add_action(self, bar, _("Print form…"), self.print_form, "print_form")
        return bar

    def _build_table(self) -> QTableView:
        table = register_view(self, self.model, "member_table", widths=_WIDTHS, stretch=NAME, sort_by=NUMBER)
        table.doubleClicked.connect(self._open_index)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # the keyboard's double click
            QShortcut(QKeySequence(key), table, self.open_selected, context=Qt.ShortcutContext.WidgetShortcut)
        self.table = table
        return table

    # -- the list --------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the members again; the selected member stays selected.

        A large register is read in a thread while the window stays responsive.
        """
        from coopdesk.services.members.listing import list_members, more_members_than

        if self._loading is not None:  # a read is under way: read once more after it
            self._reload_again = True
            return
        db, coop_id = self.context.db, self.context.coop_id
        if not more_members_than(db, coop_id, BACKGROUND_LOAD_ABOVE):
            self._set_rows(list_members(db, coop_id))
            return
        self._read_in_thread(lambda _progress: list_members(db, coop_id))

    def _show_first(self, first: FirstScreen) -> None:
        """The register read before the database opened; a large one is read from the file in a thread."""
        from coopdesk.services.members.first_screen import read_register

        if first.members is not None:
            self._set_rows(first.members)
        else:
            self._read_in_thread(lambda _progress: read_register(first))

    def _read_in_thread(self, read: Callable[[Progress], list[MemberRow] | None]) -> None:
        self.count_label.setText(_("Reading the member register\u2026"))
        self.table.setEnabled(False)
        # No parent: if the page goes (a language switch rebuilds it) the thread must
        # still finish before its object is deleted.
        job = Job(read)
        job.succeeded.connect(self._loaded)
        job.failed.connect(self._load_failed)
        self._loading = job
        start_detached(job)

    def _set_rows(self, rows: list[MemberRow]) -> None:
        with collector_paused():
            self.model.set_rows(rows)
        self.count_consent_missing()
        if not self._painted:
            self.table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Watches the list's first paint with the register in it (``painted``), then stops."""
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            watched.removeEventFilter(self)
            self.painted.emit()
        return False

    def _loaded(self, rows: list[MemberRow] | None) -> None:
        self._loading = None
        self.table.setEnabled(True)
        if rows is None:  # the file could not be read without the database: read it through it
            self.reload()
            return
        self._set_rows(rows)
        if self._reload_again:
            self._reload_again = False
            self.reload()

    def _load_failed(self, error: BaseException) -> None:
        from coopdesk.ui.errors import show_refusal

        self._loading = None
        self.table.setEnabled(True)
        show_refusal(self, error)

    @property
    def loading(self) -> bool:
        return self._loading is not None

    def _on_context_changed(self, area: str) -> None:
        if area == "coop":
            self.filters.set_member_types(self.context.coop.member_types)
            self.filters.apply()
        if area in ("members", "coop") and not self._applying_own_change:
            self.reload()

    def _selection_changed(self) -> None:
        number = self.selected_number()
        if number is not None:
            self._chosen = number
        self._update_actions()

    def _after_filtering(self) -> None:
        """The list was reset: select the chosen member again if it is still shown."""
        if self._chosen is not None:
            row = self.model.row_of_number(self._chosen)
            if row is not None:
                self.table.selectionModel().select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._update_actions()

    def _update_actions(self) -> None:
        chosen = self.selected_number() is not None
        for action in (self.open_action, self.edit_action, self.event_action):
            action.setEnabled(chosen)
        self.export_action.setEnabled(self.model.shown > 0)

    def selected_number(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).number if rows else None

    def select_number(self, number: int) -> bool:
        """Select a member and scroll to it; False when the filters hide it."""
        row = self.model.row_of_number(number)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, NAME))
        return True

    def count_consent_missing(self) -> None:
        """The members without a recorded consent to the use of their personal data: counted in the database."""
        if not self.context.is_open:  # the first screen, before the database: count once it is open
            if not getattr(self, "_count_when_open", False):
                self._count_when_open = True
                self.context.opened.connect(self.count_consent_missing)
            return
        from coopdesk.services.members.consent import count_consent_missing, missing_numbers  # loads SQLAlchemy

        db, coop_id = self.context.db, self.context.coop_id
        self.filters.set_consent_missing(count_consent_missing(db, coop_id), lambda: missing_numbers(db, coop_id))

    def member_changed(self, view: MemberView) -> None:
        """One member added or changed here: update that row, tell the other areas."""
        self.model.put_row(row_of(view, dt.date.today()))
        self.count_consent_missing()
        self.select_number(view.number)
        self._tell_other_areas()

    def _tell_other_areas(self) -> None:
        """The members changed here; this page is up to date already."""
        self._applying_own_change = True
        try:
            self.context.notify("members")
        finally:
            self._applying_own_change = False

    # -- actions ---------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> None:
        """Show a dialog without blocking; the one it replaces is freed once closed."""
        self._dialogs.open(dialog)

    def add_member(self) -> MemberDialog:
        from coopdesk.ui.members.member_dialog import MemberDialog

        dialog = MemberDialog(self.context, parent=self)
        dialog.saved.connect(self.member_changed)
        self._open(dialog)
        return dialog

    def edit_selected(self) -> MemberDialog | None:
        from coopdesk.ui.members.member_dialog import MemberDialog

        number = self.selected_number()
        if number is None:
            return None
        dialog = MemberDialog(self.context, number=number, parent=self)
        dialog.saved.connect(self.member_changed)
        self._open(dialog)
        return dialog

    def open_selected(self) -> MemberViewDialog | None:
        number = self.selected_number()
        return None if number is None else self.open_member(number)

    def open_member(self, number: int) -> MemberViewDialog:
        from coopdesk.ui.members.member_view import MemberViewDialog

        dialog = MemberViewDialog(self.context, number, parent=self)
        dialog.changed.connect(self.member_changed)
        self._open(dialog)
        return dialog

    def _open_index(self, index: QModelIndex) -> None:
        self.open_member(self.model.row_at(index.row()).number)

    def record_event(self) -> EventDialog | None:
        from coopdesk.ui.members.event_dialog import EventDialog

        number = self.selected_number()
        if number is None:
            return None
        dialog = EventDialog(self.context, number, parent=self)
        dialog.saved.connect(self.member_changed)
        self._open(dialog)
        return dialog

    def import_members(self, path: Path | str | None = None) -> ImportDialog:
        from coopdesk.ui.members.import_dialog import ImportDialog

        dialog = ImportDialog(self.context, parent=self)
        dialog.imported.connect(lambda _result: self._after_import())
        self._open(dialog)
        if path is not None:
            dialog.load(Path(path))
        return dialog

    def _after_import(self) -> None:
        self.reload()
        self._tell_other_areas()

    def export_members(self, path: Path | str | None = None) -> None:
        from coopdesk.ui.members import outputs  # reportlab and openpyxl load only when used

        from coopdesk.services.members.consent import consent_dates

        db, coop_id = self.context.db, self.context.coop_id
        outputs.export_rows(self, self.context.coop.name, self.model.visible_rows(),
                            None if path is None else Path(path), consents=lambda: consent_dates(db, coop_id))

    def print_register(self) -> PrintRegisterDialog:
        from coopdesk.ui.members.outputs import PrintRegisterDialog

        m = self.model
        dialog = PrintRegisterDialog(self.context, m.visible_rows() if m.shown < m.total else None, parent=self)
        self._open(dialog)
        return dialog

    def print_form(self) -> PrintFormDialog:
        """A membership form, blank or filled for the selected member."""
        from coopdesk.ui.members.outputs import PrintFormDialog

        number = self.selected_number()
        name = self.model.row_at(self.table.selectionModel().selectedRows()[0].row()).name if number else ""
        dialog = PrintFormDialog(self.context, number, name, parent=self)
        self._open(dialog)
        return dialog
