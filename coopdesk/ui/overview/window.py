"""File ▸ Co-ops overview: every co-op of a folder of co-op files (or of one PostgreSQL
database) on one page, with its kind, members, next legal deadline and warnings.

The co-ops are read in a thread, with progress and Cancel (``ui.workers``); each file
read-only, never upgraded (``services.overview``).  A file that cannot be shown in full
is a line of its own with the reason.  Double-click, or Open, opens a co-op in the main
window; the overview stays, for the next one.  The folder read last is remembered in
the settings (a server's URL without its password).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from coopdesk.domain.errors import Refusal
from coopdesk.i18n import N_, _, current, ngettext
from coopdesk.paths import shown_target
from coopdesk.services.overview import CoopRow, Overview, ServerUnreachable, overview
from coopdesk.ui.errors import show_failure, show_refusal
from coopdesk.ui.overview.model import NEXT_DATE, ROW_ROLE, OverviewModel, OverviewProxy
from coopdesk.ui.settings import OVERVIEW_TARGET
from coopdesk.ui.workers import Job, run_job

if TYPE_CHECKING:
    from coopdesk.ui.main_window import MainWindow


WIDEST_COLUMN = 260  # pixels: a deadline's sentence is cut there, whole in its tooltip


class OverviewWindow(QDialog):
    def __init__(self, window: MainWindow, today: dt.date | None = None) -> None:
        super().__init__(window)
        self.setObjectName("coops_overview")
        self.main_window = window
        self.today = today or dt.date.today()
        self.found: Overview | None = None
        self.job: Job | None = None
        self._status_text: Callable[[], str] | None = None  # what the status line says, in any language
        self.target_edit = QLineEdit(window.settings.get(OVERVIEW_TARGET), self)
        self.target_edit.setObjectName("overview_target")
        self.target_edit.returnPressed.connect(self.refresh)
        self.target_label = QLabel(self)
        self.choose_button = QPushButton(self)
        self.choose_button.setObjectName("overview_choose")
        self.choose_button.clicked.connect(self.choose_folder)
        self.read_button = QPushButton(self)
        self.read_button.setObjectName("overview_read")
        self.read_button.clicked.connect(self.refresh)
        self.model = OverviewModel(self)
        self.proxy = OverviewProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = self._table()
        self.status = QLabel(self)
        self.status.setObjectName("overview_status")
        self.status.setWordWrap(True)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("overview_open")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_selected)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("overview_close")
        self.close_button.clicked.connect(self.close)
        self._lay_out()
        # Enter reads what was typed (returnPressed above), and nothing else: a dialog's buttons
        # are "auto-default", so Enter in the field also pressed the first one, Choose folder.
        for button in (self.choose_button, self.read_button, self.open_button, self.close_button):
            button.setAutoDefault(False)
        self.retranslate()
        self.resize(1180, 560)

    def retranslate(self) -> None:
        """Every text of ours again, in the current language (as ``MainWindow.retranslate``)."""
        self.setWindowTitle(_("Co-ops overview"))
        self.target_edit.setPlaceholderText(_("A folder of co-op files, or postgresql+psycopg://user@host/database"))
        self.target_label.setText(_("Folder or database:"))
        self.choose_button.setText(_("Choose &folder\u2026"))
        self.read_button.setText(_("&Read"))
        self.open_button.setText(_("&Open"))
        self.close_button.setText(_("Close"))
        self.model.retranslate()
        if self.found is not None:
            self._fit_columns()
        self.status.setText(self._status_text() if self._status_text is not None else "")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        # The screen language changed (``ui.translation.apply_language`` installs or removes Qt's
        # translator, and Qt tells every window): the overview may stay open meanwhile.
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("overview_table")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(NEXT_DATE, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        table.doubleClicked.connect(self._double_clicked)
        table.selectionModel().currentRowChanged.connect(lambda *_args: self._update_open())
        return table

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.target_label)
        top.addWidget(self.target_edit, 1)
        top.addWidget(self.choose_button)
        top.addWidget(self.read_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.open_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    # -- reading ---------------------------------------------------------------------------
    def choose_folder(self) -> None:
        start = self.target_edit.text().strip()
        folder = QFileDialog.getExistingDirectory(self, _("Choose the folder of co-op files"),
                                                  start if start and "://" not in start else str(Path.home()))
        if folder:
            self.read(folder)

    def refresh(self) -> None:
        self.read(self.target_edit.text().strip())

    def read(self, target: str) -> Job | None:
        """Read every co-op of ``target`` in a thread; the table shows them when done."""
        if not target or self.job is not None:
            return None
        self.target_edit.setText(target)
        self.read_button.setEnabled(False)
        today = self.today
        self.job = run_job(self, _("Reading the co-ops\u2026"),
                           lambda progress: overview(target, today, progress=progress),
                           lambda found: self._read(target, found), self._failed, self._cancelled)
        return self.job

    def _read(self, target: str, found: Overview) -> None:
        self._done()
        self.found = found
        self.model.show(found)
        self._fit_columns()
        self._remember(target)
        self._say(found)
        self._update_open()

    def _fit_columns(self) -> None:
        """Each column as wide as its text, a long sentence cut short (its tooltip has it whole), so
        that every column is in view."""
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.resizeSection(column, min(header.sectionSize(column), WIDEST_COLUMN))

    def _failed(self, exc: BaseException) -> None:
        self._done()
        if isinstance(exc, OSError):
            from coopdesk.services.failures import file_reason

            reason = file_reason(exc)
            show_refusal(self, Refusal(N_("CoopDesk cannot read the folder {folder}: {reason}."),
                                       folder=str(exc.filename or self.target_edit.text()),
                                       reason=_(reason) if reason else (exc.strerror or str(exc))))
            return
        if isinstance(exc, ServerUnreachable):
            show_refusal(self, Refusal(N_("{file}: {problem}"), file=exc.target,
                                       problem=_(exc.message, **exc.params)))
            return
        show_failure(self, exc)

    def _cancelled(self) -> None:
        self._done()
        self._set_status(lambda: _("Stopped: the co-ops were not all read."))

    def _set_status(self, text: Callable[[], str]) -> None:
        self._status_text = text
        self.status.setText(text())

    def _done(self) -> None:
        self.job = None
        self.read_button.setEnabled(True)

    def _remember(self, target: str) -> None:
        shown = target if "://" not in target else shown_target(target)
        if shown != target:
            return  # never a database password in the settings
        settings = self.main_window.settings
        settings.set(OVERVIEW_TARGET, target)
        try:
            settings.save()
        except OSError:
            pass  # only the convenience is lost

    def _say(self, found: Overview) -> None:
        self._set_status(lambda: _summary(found))

    # -- opening ---------------------------------------------------------------------------
    def selected_row(self) -> CoopRow | None:
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _update_open(self) -> None:
        row = self.selected_row()
        self.open_button.setEnabled(row is not None and row.opens)

    def _double_clicked(self, index: QModelIndex) -> None:
        self.table.setCurrentIndex(index)
        self.open_selected()

    def open_selected(self) -> bool:
        row = self.selected_row()
        if row is None or not row.opens or row.coop_id is None:
            return False
        from coopdesk.ui.overview.opening import open_coop

        return open_coop(self.main_window, row.target, row.coop_id)


def _summary(found: Overview) -> str:
    """The status line after reading: how many co-ops, and how many lines are not shown in full."""
    coops = sum(1 for r in found.rows if r.coop_id is not None and r.problem is None)
    text = ngettext("{count} co-op on {date}.", "{count} co-ops on {date}.", coops,
                    count=current().number(coops), date=current().date(found.today))
    problems = len(found.problems)
    if problems:
        text += " " + ngettext("{count} line is not shown in full: its reason is in the last column.",
                               "{count} lines are not shown in full: their reasons are in the last column.",
                               problems, count=current().number(problems))
    return text


def show_overview(window: MainWindow) -> OverviewWindow:
    """The overview window (the one already open, brought forward), reading its last folder."""
    found = window.findChild(OverviewWindow)
    if found is not None:
        found.activateWindow()  # the one already open comes forward
        return found
    dialog = OverviewWindow(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    if dialog.target_edit.text().strip():
        dialog.refresh()
    return dialog

