"""The officer register page: every term, and the register checked against the Act for today.

The page refreshes after every change of a member (names and the number of members feed
the check), so its refresh reads only the terms and asks the database whether 10 members
are on the register (the board rule), not how many: it costs the same at 100,000 members
as at 15.  It refreshes once the change's own work is done (several changes at once, one
refresh); hidden, it waits until it is shown again.

Dialogs open window-modal without blocking (``open()``), and the methods that open
them return them, so a test drives the same widgets a secretary does.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain.officers.terms import CHOSEN_BY_LABELS, OFFICE_LABELS
from coopdesk.i18n import _, current, refusal_text
from coopdesk.services.officers.terms import OfficerView, RegisterCheck, TermStatus, list_terms, register_check
from coopdesk.ui.context import CoopContext
from coopdesk.ui.widgets.open_dialogs import OpenDialogs
from coopdesk.ui.widgets.widths import fit_dates
from coopdesk.ui.toolbar import add_action
from coopdesk.ui.officers.term_dialog import EndTermDialog, TermDialog

OFFICE, PERSON, START, END, CHOSEN_BY, STATUS = range(6)
_BREACH, _WARNING, _ENDED = "#b00020", "#8a5a00", "#777777"


class OfficersPage(QWidget):
    """The officer register (임원 명부) area of the main window."""

    def __init__(self, context: CoopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officers_page")
        self.context = context
        self.terms: list[OfficerView] = []
        self.check: RegisterCheck | None = None
        self._dialogs = OpenDialogs()  # the last dialog of each kind opened here
        self._stale = False  # a change heard and not shown yet
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.timeout.connect(self._refresh_if_stale)
        self._build()
        context.changed.connect(self._on_context_changed)
        self.reload()

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        bar = QToolBar(self)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.add_action = add_action(self, bar, _("Add\u2026"), self.add_term, "add_officer")
        self.edit_action = add_action(self, bar, _("Edit\u2026"), self.edit_selected, "edit_officer")
        self.end_action = add_action(self, bar, _("End term\u2026"), self.end_selected, "end_term")
        layout.addWidget(bar)
        self.table = self._build_table()
        layout.addWidget(self.table, 1)
        heading = QLabel(_("Checked against the Act and the bylaws"), self)
        heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(heading)
        self.check_label = QLabel(self)
        self.check_label.setObjectName("officer_check")
        self.check_label.setWordWrap(True)
        self.check_label.setTextFormat(Qt.TextFormat.RichText)
        self.check_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.check_label.setMargin(8)
        self.check_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.check_label)


    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, 6, self)
        table.setObjectName("officer_table")
        table.setHorizontalHeaderLabels([_("Office"), _("Officer"), _("Start"), _("End"), _("Chosen by"),
                                         _("Status")])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PERSON, QHeaderView.ResizeMode.Stretch)
        fit_dates(table, START, END)  # to the pixel, Qt's own sizing cut the Korean date's last dot
        table.itemSelectionChanged.connect(self._update_actions)
        table.doubleClicked.connect(lambda _index: self.edit_selected())
        return table

    # -- showing ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the terms and check the register for today; the selected term stays selected."""
        self._stale = False
        chosen = self.selected_term()
        db, coop_id = self.context.db, self.context.coop_id
        self.terms = list_terms(db, coop_id)
        self.check = register_check(db, coop_id, count_all=False)  # the board rule's "10 or more?" only
        self._fill_table(dt.date.today())
        self.check_label.setText(check_html(self.check))
        if chosen is not None:
            self.select_term(chosen.id)
        self._update_actions()

    def _fill_table(self, today: dt.date) -> None:
        t = current()
        self.table.setRowCount(len(self.terms))
        for row, v in enumerate(self.terms):
            status = v.status_on(today)
            person = v.name if v.is_member else _("{name} (not a member)", name=v.name)
            cells = [_(OFFICE_LABELS[v.term.office]), person, t.date(v.term.start), t.date(v.term.last_day),
                     _(CHOSEN_BY_LABELS[v.term.chosen_by]), _(status.label)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, v.id)
                if status is not TermStatus.IN_OFFICE:
                    item.setForeground(QColor(_ENDED))
                self.table.setItem(row, column, item)

    def _on_context_changed(self, area: str) -> None:
        if area not in ("members", "coop", "officers"):  # names, statuses, the bylaws; an election closed
            return
        self._stale = True
        if self.isVisible():
            self._refresh.start(0)  # after the change's own work: the window repaints in between

    def _refresh_if_stale(self) -> None:
        if self._stale and self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        if self._stale:  # shown up to date, never stale first
            self.reload()
        super().showEvent(event)

    def _update_actions(self) -> None:
        chosen = self.selected_term()
        self.edit_action.setEnabled(chosen is not None)
        self.end_action.setEnabled(chosen is not None and chosen.term.left_on is None)

    def selected_term(self) -> OfficerView | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.terms[rows[0].row()] if rows and rows[0].row() < len(self.terms) else None

    def select_term(self, term_id: int) -> bool:
        for row, v in enumerate(self.terms):
            if v.id == term_id:
                self.table.selectRow(row)
                return True
        return False

    def shown(self, column: int = PERSON) -> list[str]:
        return [self.table.item(r, column).text() for r in range(self.table.rowCount())]

    # -- actions ---------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> None:
        dialog.saved.connect(self._saved)  # type: ignore[attr-defined]
        self._dialogs.open(dialog)

    def _saved(self, view: OfficerView) -> None:
        self.reload()
        self.select_term(view.id)
        self.context.notify("officers")  # for other areas; this page is up to date

    def add_term(self) -> TermDialog:
        dialog = TermDialog(self.context, parent=self)
        self._open(dialog)
        return dialog

    def edit_selected(self) -> TermDialog | None:
        chosen = self.selected_term()
        if chosen is None:
            return None
        dialog = TermDialog(self.context, chosen, parent=self)
        self._open(dialog)
        return dialog

    def end_selected(self) -> EndTermDialog | None:
        chosen = self.selected_term()
        if chosen is None or chosen.term.left_on is not None:
            return None
        dialog = EndTermDialog(self.context, chosen, parent=self)
        self._open(dialog)
        return dialog


def check_html(check: RegisterCheck) -> str:
    """The register check as short lines: breaches of the Act in red, with their articles."""
    t, lang = current(), current().language
    lines: list[str] = []

    def line(text: str, colour: str | None = None) -> None:
        body = html.escape(text)
        lines.append(f'<span style="color:{colour}">{body}</span>' if colour else body)

    if check.meets_act:
        line(_("On {date} the officer register meets the Act.", date=t.date(check.on)))
    for p in check.breaches:
        line(_("Breach of the Act: {problem}", problem=refusal_text(p.refusal)), _BREACH)
    for p in check.warnings:
        line(_("Bylaws: {problem}", problem=refusal_text(p.refusal)), _WARNING)
    for w in check.ending:
        line(_(w.message, **{**w.params, "end": t.date(w.term.end)}), _WARNING)
    board = check.board
    line(_(board.message, **board.params) + " " + _("({article})", article=board.article.label(lang)))
    return "<br>".join(lines)
