"""The Capital area (출자금) of the window: two tabs, the shares and the year's surplus.

The shares tab shows the co-op's totals, every member's capital (sortable, searched by name or
number) and the chosen member's ledger.  A co-op of thousands of members is read in a worker
thread, with its search keys, so the window never waits for the register; the actions are
dialogs, each one service call, and the list is read again after each.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QLineEdit, QMenu, QSplitter, QTableView,
    QTabWidget, QToolBar, QToolButton, QVBoxLayout, QWidget,
)

from coopdesk.domain.members.standing import MemberStatus
from coopdesk.i18n import N_, _, current, ngettext
from coopdesk.services.capital.views import EntryResult, MemberCapital, RefundClaim
from coopdesk.ui.capital.head import CapitalHead, Glance
from coopdesk.ui.capital.ledger_pane import LedgerPane
from coopdesk.ui.capital.model import NAME, NUMBER, SHOW_LABELS, STATUS, CapitalRows, CapitalTableModel, capital_rows
from coopdesk.ui.capital.texts import claim_text, over_cap_text
from coopdesk.ui.context import CoopContext
from coopdesk.ui.toolbar import add_action
from coopdesk.ui.widgets.open_dialogs import OpenDialogs
from coopdesk.ui.widgets.tables import register_view
from coopdesk.ui.widgets.widths import fit_column
from coopdesk.ui.workers import Job, start_detached

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from coopdesk.services.files import Database
    from coopdesk.ui.capital.surplus import SurplusPanel

# Above this many members the capital is read in a thread (as the member list is).
BACKGROUND_LOAD_ABOVE = 5_000
_LEFT = (MemberStatus.WITHDRAWN, MemberStatus.EXPELLED, MemberStatus.DECEASED)
# The print dialogs (another part of the program): a menu entry for each that is installed.
# (label, module, opener, whether the opener takes the member chosen on the page)
_PRINTS = ((N_("Certificates, statements and the capital register…"), "coopdesk.ui.capital.papers",
            "open_capital_print_dialog", True),
           (N_("The year's capital report and appropriation statement…"), "coopdesk.ui.capital.reports_dialog",
            "open_capital_reports_dialog", False))


def read_capital(db: Database, coop_id: int, today: dt.date) -> tuple[Glance, CapitalRows]:
    """Everything the shares tab shows but the ledger: plain values, made in a worker when large."""
    from coopdesk.services.capital.balances import balances_and_totals, overdue_instalments
    from coopdesk.services.members.rows import collector_paused

    # No garbage collection while 100,000 rows are made: a full one stops the window's thread too.
    with collector_paused():
        members, totals = balances_and_totals(db, coop_id, today=today)
        rows = capital_rows(members)
        late = overdue_instalments(db, coop_id, today)
        return Glance(totals, len(late), sum(o.overdue for o in late)), rows


class CapitalPage(QWidget):
    """The Capital area of the main window."""

    def __init__(self, context: CoopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capital_page")
        self.context = context
        self.model = CapitalTableModel(self)
        self._dialogs = OpenDialogs()
        self._loading: Job | None = None
        self._again = False
        self._chosen: int | None = None
        self.surplus: SurplusPanel | None = None  # the Surplus tab, built when first shown
        self._build()
        context.changed.connect(self._context_changed)
        self.reload()

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        shares = QWidget(self.tabs)
        column = QVBoxLayout(shares)
        column.addWidget(self._build_toolbar())
        self.notice = QLabel(shares)
        self.notice.setObjectName("capital_notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        column.addWidget(self.notice)
        self.head = CapitalHead(shares)
        column.addWidget(self.head)
        column.addLayout(self._build_filters())
        split = QSplitter(Qt.Orientation.Horizontal, shares)
        split.addWidget(self._build_table())
        self.ledger = LedgerPane(self.context, split)
        split.addWidget(self.ledger)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        column.addWidget(split, 1)
        self.tabs.addTab(shares, _("Shares"))
        self.tabs.addTab(QWidget(self.tabs), _("Surplus and dividends"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs)
        self.model.filtered.connect(self._after_filtering)
        self._update_actions()

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar(self)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.subscribe_action = add_action(self, bar, _("Subscribe…"), self.subscribe, "capital_subscribe")
        self.pay_action = add_action(self, bar, _("Pay…"), self.pay, "capital_pay")
        self.transfer_action = add_action(self, bar, _("Transfer…"), self.transfer, "capital_transfer")
        self.reverse_action = add_action(self, bar, _("Reverse an entry…"), self.reverse, "capital_reverse")
        bar.addSeparator()
        self.refund_action = add_action(self, bar, _("Refund…"), self.refund, "capital_refund")
        self.withhold_action = add_action(self, bar, _("Withhold…"), self.withhold, "capital_withhold")
        self.release_action = add_action(self, bar, _("Release…"), self.release, "capital_release")
        bar.addSeparator()
        self.import_action = add_action(self, bar, _("Import…"), self.import_capital, "capital_import")
        self.print_button = self._print_button(bar)
        return bar

    def _print_button(self, bar: QToolBar) -> QToolButton | None:
        """"Print…": a menu of the capital papers, each from its print module where it is installed."""
        offered = [entry for entry in _PRINTS if importlib.util.find_spec(entry[1])]
        if not offered:
            return None
        button = QToolButton(bar)
        button.setObjectName("capital_print")
        button.setText(_("Print…"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        for index, entry in enumerate(_PRINTS):
            if entry in offered:
                action = menu.addAction(_(entry[0]))
                action.setObjectName(f"print_{entry[2]}")
                action.triggered.connect(lambda _checked=False, i=index: self.print_papers(i))
        button.setMenu(menu)
        bar.addWidget(button)
        return button

    def print_papers(self, which: int = 0):  # type: ignore[no-untyped-def]
        """A print dialog of the capital papers (``_PRINTS[which]``): a member's, about the member chosen
        here, or the year's; None where that part of the program is not installed."""
        _label, module, name, about_member = _PRINTS[which]
        opener = getattr(importlib.import_module(module), name, None)
        if opener is None:
            return None
        return opener(self.context, self, self.selected_number()) if about_member else opener(self.context, self)

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("capital_search")
        self.search_box.setPlaceholderText(_("Search by name or number"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self.model.set_search)
        self.show_filter = QComboBox(self)
        self.show_filter.setObjectName("capital_show")
        for code, label in SHOW_LABELS:
            self.show_filter.addItem(_(label), code)
        self.show_filter.currentIndexChanged.connect(lambda _i: self.model.set_show(self.show_filter.currentData()))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("capital_count")
        row.addWidget(self.search_box, 2)
        row.addWidget(QLabel(_("Show:"), self))
        row.addWidget(self.show_filter)
        row.addStretch(1)
        row.addWidget(self.count_label)
        return row

    def _build_table(self) -> QTableView:
        table = register_view(self, self.model, "capital_table", widths={NUMBER: 60}, stretch=NAME, sort_by=NUMBER)
        # The longest status a row can show, measured once (never the 100,000 rows themselves).
        awaiting = _("{status}, awaiting payment", status=_(MemberStatus.APPLICANT.label))
        fit_column(table, STATUS, [awaiting, *(_(status.label) for status in MemberStatus)])
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table = table
        return table

    # -- reading ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the totals and every member's capital again; a large co-op in a thread."""
        from coopdesk.services.members.listing import more_members_than

        if self._loading is not None:
            self._again = True
            return
        db, coop_id, today = self.context.db, self.context.coop_id, dt.date.today()
        if not more_members_than(db, coop_id, BACKGROUND_LOAD_ABOVE):
            self._show(read_capital(db, coop_id, today))
            return
        self.count_label.setText(_("Reading the capital of every member\u2026"))
        job = Job(lambda _progress: read_capital(db, coop_id, today))
        job.succeeded.connect(self._loaded)
        job.failed.connect(self._load_failed)
        self._loading = job
        start_detached(job)  # no parent: a page rebuilt meanwhile does not end the thread

    @property
    def loading(self) -> bool:
        return self._loading is not None

    def _loaded(self, read: tuple[Glance, CapitalRows]) -> None:
        self._loading = None
        self._show(read)
        if self._again:
            self._again = False
            self.reload()

    def _load_failed(self, error: BaseException) -> None:
        from coopdesk.ui.errors import show_failure

        self._loading = None
        show_failure(self, error)

    def _show(self, read: tuple[Glance, CapitalRows]) -> None:
        glance, rows = read
        self.head.show_glance(glance)
        self.model.set_rows(rows)
        self.ledger.show_member(self.selected_number())

    def _context_changed(self, area: str) -> None:
        if area in ("members", "capital", "coop"):
            self.reload()
            if self.surplus is not None:
                self.surplus.refresh()

    def _tab_changed(self, index: int) -> None:
        if index == 1 and self.surplus is None:
            from coopdesk.ui.capital.surplus import SurplusPanel

            self.surplus = SurplusPanel(self.context, self.tabs)
            self.tabs.blockSignals(True)
            stand_in = self.tabs.widget(1)
            assert stand_in is not None
            self.tabs.removeTab(1)
            self.tabs.insertTab(1, self.surplus, _("Surplus and dividends"))
            self.tabs.setCurrentIndex(1)
            self.tabs.blockSignals(False)
            stand_in.deleteLater()

    # -- the chosen member -----------------------------------------------------------------
    def selected_number(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).number if rows else None

    def selected(self) -> MemberCapital | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_number(self, number: int) -> bool:
        row = self.model.row_of_number(number)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, NAME))
        return True

    def _selection_changed(self) -> None:
        number = self.selected_number()
        if number is not None and number != self._chosen:
            self._chosen = number
            self.ledger.show_member(number)
        self._update_actions()

    def _after_filtering(self) -> None:
        t = current()
        self.count_label.setText(ngettext("{shown} of {total} member", "{shown} of {total} members", self.model.total,
                                          shown=t.number(self.model.shown), total=t.number(self.model.total)))
        if self._chosen is not None:
            self.select_number(self._chosen)
        self._update_actions()

    def _update_actions(self) -> None:
        m = self.selected()
        left = m is not None and m.status in _LEFT
        self.subscribe_action.setEnabled(m is not None and not left)
        self.pay_action.setEnabled(m is not None and not left and m.unpaid > 0)
        self.transfer_action.setEnabled(m is not None and m.shares > 0)
        self.refund_action.setEnabled(left and (m.shares > 0 or m.paid > 0))  # type: ignore[union-attr]
        self.withhold_action.setEnabled(left)
        self.release_action.setEnabled(left)

    # -- actions ---------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> QDialog:
        dialog.saved.connect(self.after_entry)  # type: ignore[attr-defined]
        return self._dialogs.open(dialog)

    def subscribe(self):  # type: ignore[no-untyped-def]
        from coopdesk.ui.capital.entry_dialogs import SubscribeDialog

        m = self.selected()
        return None if m is None else self._open(SubscribeDialog(self.context, m, self))

    def pay(self):  # type: ignore[no-untyped-def]
        from coopdesk.ui.capital.entry_dialogs import PayDialog

        m = self.selected()
        return None if m is None else self._open(PayDialog(self.context, m, self))

    def transfer(self):  # type: ignore[no-untyped-def]
        from coopdesk.ui.capital.leaving_dialogs import TransferDialog

        m = self.selected()
        return None if m is None else self._open(TransferDialog(self.context, m, self))

    def reverse(self):  # type: ignore[no-untyped-def]
        from coopdesk.ui.capital.entry_dialogs import ReverseDialog

        return self._open(ReverseDialog(self.context, self.ledger.selected_entry(), self))

    def refund(self):  # type: ignore[no-untyped-def]
        from coopdesk.ui.capital.leaving_dialogs import RefundDialog

        m = self.selected()
        return None if m is None else self._open(RefundDialog(self.context, m, self.ledger.claim, self))

    def withhold(self):  # type: ignore[no-untyped-def]
        return self._hold(True)

    def release(self):  # type: ignore[no-untyped-def]
        return self._hold(False)

    def _hold(self, withhold: bool):  # type: ignore[no-untyped-def]
        from coopdesk.ui.capital.leaving_dialogs import HoldDialog

        m = self.selected()
        return None if m is None else self._open(HoldDialog(self.context, m, withhold=withhold, parent=self))

    def import_capital(self, path: Path | str | None = None):  # type: ignore[no-untyped-def]
        from coopdesk.ui.capital.import_dialog import CapitalImportDialog

        dialog = CapitalImportDialog(self.context, parent=self)
        dialog.imported.connect(self.after_import)
        self._dialogs.open(dialog)
        if path is not None:
            dialog.load(Path(path))
        return dialog

    def after_entry(self, result: object) -> None:
        """An action was saved: say what it did, read the capital again, tell the other areas."""
        lines = []
        if isinstance(result, EntryResult):
            numbers = ", ".join(str(e.number) for e in result.entries)
            lines.append(_("Recorded as entry {numbers}.", numbers=numbers))
            t = current()
            lines += [_("Member {number} became a member on {date}, by this payment.", number=n, date=t.date(d))
                      for n, d in result.joined]
            lines += [_("Warning: {text}", text=over_cap_text(c)) for c in result.over_cap]
        elif isinstance(result, RefundClaim):  # withheld or released
            lines.append(_("Member {number} {name}: {claim}", number=result.number, name=result.name,
                           claim=claim_text(result)))
        self.show_notice("\n".join(lines))
        self.context.notify("members" if isinstance(result, EntryResult) and result.joined else "capital")

    def after_import(self, result: object) -> None:
        t = current()
        lines = [ngettext("Imported {count} subscription: entries {first} to {last}.",
                          "Imported {count} subscriptions: entries {first} to {last}.", result.rows,  # type: ignore[attr-defined]
                          count=t.number(result.rows), first=result.first_entry,  # type: ignore[attr-defined]
                          last=result.last_entry)]  # type: ignore[attr-defined]
        lines += [_("Member {number} became a member on {date}, by this payment.", number=n, date=t.date(d))
                  for n, d in result.joined]  # type: ignore[attr-defined]
        self.show_notice("\n".join(lines))
        self.context.notify("members")

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
