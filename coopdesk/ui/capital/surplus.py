"""The Surplus tab (잉여금 처분 / 손실금 처리): a year's figures, the plan against the program's proposal,
each check of the Act with its article, the assembly that decides it, and each member's dividend
(as booked, or as it would be)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QTableView, QVBoxLayout, QWidget,
)

from coopdesk.domain.errors import ImportRejected, Refusal
from coopdesk.i18n import N_, _, current, refusal_text
from coopdesk.services.capital.surplus import DividendView, SurplusView, last_ended_year
from coopdesk.ui.capital.texts import checks_html
from coopdesk.ui.context import CoopContext
from coopdesk.ui.widgets.open_dialogs import OpenDialogs
from coopdesk.ui.workers import Job, run_job, start_detached

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_DIVIDEND_HEADERS = (N_("No."), N_("Name"), N_("Paid in"), N_("Patronage"), N_("On capital"), N_("On patronage"),
                     N_("Total"), N_("Credited shares"))


def dividend_cells(rows: list[DividendView]) -> list[tuple[str, ...]]:
    """The dividends as the table shows them (made in the worker: a co-op may have thousands)."""
    t = current()
    return [(str(d.number), d.name, t.money(d.paid_in), t.money(d.patronage), t.money(d.capital_part),
             t.money(d.patronage_part), t.money(d.total), t.number(d.credited_shares) if d.credited_shares else "")
            for d in rows]


class DividendModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cells: list[tuple[str, ...]] = []

    def set_cells(self, cells: list[tuple[str, ...]]) -> None:
        self.beginResetModel()
        self.cells = cells
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.cells)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_DIVIDEND_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(_DIVIDEND_HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() != 1:
            return _RIGHT
        return None


class SurplusPanel(QWidget):
    def __init__(self, context: CoopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("surplus_panel")
        self.context = context
        self.view: SurplusView | None = None
        self._dialogs = OpenDialogs()
        self._reading: Job | None = None
        self._build()
        self.refresh()

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.year_combo = QComboBox(self)
        self.year_combo.setObjectName("surplus_year")
        self.year_combo.currentIndexChanged.connect(lambda _i: self._show_year())
        row.addWidget(QLabel(_("Fiscal year:"), self))
        row.addWidget(self.year_combo)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (("enter", _("Enter a year…"), self.enter_year),
                                ("figures", _("Change the figures…"), self.change_figures),
                                ("plan", _("Change the plan…"), self.change_plan),
                                ("patronage", _("Patronage…"), self.enter_patronage),
                                ("import", _("Import patronage…"), self.import_patronage),
                                ("agenda", _("Assembly…"), self.choose_assembly),
                                ("unlink", _("Take off the agenda"), self.unlink)):
            button = QPushButton(text, self)
            button.setObjectName(f"surplus_{key}")
            button.clicked.connect(lambda _checked=False, act=slot: act())
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = QLabel(self)
        self.message.setObjectName("surplus_message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        body = QHBoxLayout()
        self.figures = QFormLayout()
        self.figure_labels: dict[str, QLabel] = {}
        body.addLayout(self.figures, 1)
        self.checks = QLabel(self)
        self.checks.setObjectName("surplus_checks")
        self.checks.setWordWrap(True)
        self.checks.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        body.addWidget(self.checks, 1)
        layout.addLayout(body)
        self.state = QLabel(self)
        self.state.setObjectName("surplus_state")
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        self.dividends = DividendModel(self)
        table = QTableView(self)
        table.setObjectName("dividends")
        table.setModel(self.dividends)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.dividend_table = table
        self.dividend_total = QLabel(self)
        self.dividend_total.setObjectName("dividend_total")
        layout.addWidget(QLabel(_("Each member's dividend"), self))
        layout.addWidget(table, 1)
        layout.addWidget(self.dividend_total)

    # -- reading ---------------------------------------------------------------------------
    def refresh(self, year: int | None = None) -> None:
        """The years entered, the chosen one (or ``year``) shown."""
        from coopdesk.services.capital.surplus import list_years

        keep = year if year is not None else self.year_combo.currentData()
        years = list_years(self.context.db, self.context.coop_id)
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for v in reversed(years):
            self.year_combo.addItem(str(v.figures.fiscal_year), v.figures.fiscal_year)
        index = self.year_combo.findData(keep)
        self.year_combo.setCurrentIndex(max(index, 0))
        self.year_combo.blockSignals(False)
        self._show_year()

    def _show_year(self) -> None:
        from coopdesk.services.capital.surplus import get_year

        year = self.year_combo.currentData()
        self.view = None if year is None else get_year(self.context.db, self.context.coop_id, year)
        self._fill()
        self._read_dividends()

    def _fill(self) -> None:
        v = self.view
        while self.figures.rowCount():
            self.figures.removeRow(0)
        editable = v is not None and v.booked_on is None and v.item_id is None
        for key in ("figures", "plan", "patronage", "import", "agenda"):
            self.buttons[key].setEnabled(editable)
        self.buttons["unlink"].setEnabled(v is not None and v.item_id is not None and v.booked_on is None)
        if v is None:
            self.checks.clear()
            self.state.setText(_("No year is entered yet. Enter a year's surplus or loss from its accounts."))
            return
        t, f, p, q = current(), v.figures, v.plan, v.proposal
        rows = [
            (_("Net result"), f.net_result, None), (_("Retained from earlier years"), f.retained_before, None),
            (_("Legal reserve before"), f.legal_reserve_before, None),
            (_("Voluntary reserve before"), f.voluntary_reserve_before, None),
            (_("Paid-in capital at the year's end"), f.paid_in, None), (_("To appropriate"), v.disposable, None),
            (_("Loss covered from the voluntary reserve"), p.from_voluntary, q.from_voluntary),
            (_("Loss covered from the legal reserve"), p.from_legal, q.from_legal),
            (_("To the legal reserve"), p.legal_reserve, q.legal_reserve),
            (_("To the voluntary reserve"), p.voluntary_reserve, q.voluntary_reserve),
            (_("Dividend on paid-in capital, in all"), p.capital_dividend, q.capital_dividend),
            (_("Patronage dividend, in all"), p.patronage_dividend, q.patronage_dividend),
            (_("Carried forward"), v.carried_forward, None),
        ]
        for label, value, proposed in rows:
            text = t.money(value)
            if proposed is not None and proposed != value:
                text += "  " + _("(proposed: {won})", won=t.money(proposed))
            self.figures.addRow(label + ":", QLabel(text, self))
        self.checks.setText(checks_html(v.checks))
        self.state.setText(self._state_text(v))

    def _state_text(self, v: SurplusView) -> str:
        t = current()
        parts = [_("Fiscal year {year}: {start} to {end}", year=v.figures.fiscal_year, start=t.date(v.starts_on),
                   end=t.date(v.ends_on)),
                 _("Patronage entered for {count} members, {won} in all.", count=t.number(v.patronage_members),
                   won=t.money(v.patronage_total))]
        if v.booked_on is not None:
            parts.append(_("Decided by the assembly and booked on {date}.", date=t.date(v.booked_on)))
        elif v.item_id is not None:
            parts.append(_("On the agenda of a general assembly: booked when that item passes."))
        else:
            parts.append(_("Not yet on a general assembly's agenda."))
        return " · ".join(parts)

    def _read_dividends(self) -> None:
        """Each member's dividend, read and worded in a worker (a co-op may have thousands)."""
        from coopdesk.services.capital.surplus import dividends_of

        self.dividends.set_cells([])
        self.dividend_total.clear()
        if self.view is None:
            return
        db, coop_id, year = self.context.db, self.context.coop_id, self.view.figures.fiscal_year

        def work(_progress: object) -> tuple[list[tuple[str, ...]], int]:
            rows = dividends_of(db, coop_id, year)
            return dividend_cells(rows), sum(d.total for d in rows)

        job = Job(work)
        job.succeeded.connect(self._dividends_read)  # bound: nothing arrives once the panel is gone
        job.failed.connect(self._dividends_failed)
        self._reading = job  # a read started before it is answered, and its answer dropped
        start_detached(job)

    @property
    def reading(self) -> bool:
        return self._reading is not None

    def _dividends_read(self, found: tuple[list[tuple[str, ...]], int]) -> None:
        if self.sender() is not self._reading:
            return
        self._reading = None
        cells, total = found
        self.dividends.set_cells(cells)
        self.dividend_total.setText(_("Total: {total}", total=current().money(total)))

    def _dividends_failed(self, error: BaseException) -> None:
        if self.sender() is not self._reading:
            return
        self._reading = None
        if isinstance(error, Refusal):  # patronage not entered yet, nobody paid in: said, not an error
            self.dividend_total.setText(refusal_text(error))
        else:
            from coopdesk.ui.errors import show_failure

            show_failure(self, error)

    # -- actions ---------------------------------------------------------------------------
    def _open(self, dialog):  # type: ignore[no-untyped-def]
        dialog.saved.connect(self._saved)
        return self._dialogs.open(dialog)

    def _saved(self, view: SurplusView) -> None:
        self.message.setText(_("Saved."))
        self.refresh(view.figures.fiscal_year)

    def enter_year(self):  # type: ignore[no-untyped-def]
        from coopdesk.ui.capital.surplus_dialogs import YearDialog

        year = last_ended_year(self.context.coop.fiscal_year_start_month)
        return self._open(YearDialog(self.context, year, parent=self))

    def change_figures(self):  # type: ignore[no-untyped-def]
        from coopdesk.ui.capital.surplus_dialogs import YearDialog

        if self.view is None:
            return None
        return self._open(YearDialog(self.context, self.view.figures.fiscal_year, self.view, parent=self))

    def change_plan(self):  # type: ignore[no-untyped-def]
        from coopdesk.ui.capital.surplus_dialogs import PlanDialog

        return None if self.view is None else self._open(PlanDialog(self.context, self.view, parent=self))

    def enter_patronage(self):  # type: ignore[no-untyped-def]
        from coopdesk.ui.capital.surplus_dialogs import PatronageDialog

        return None if self.view is None else self._open(PatronageDialog(self.context, self.view, parent=self))

    def choose_assembly(self):  # type: ignore[no-untyped-def]
        from coopdesk.ui.capital.surplus_dialogs import AgendaDialog

        return None if self.view is None else self._open(AgendaDialog(self.context, self.view, parent=self))

    def unlink(self) -> None:
        from coopdesk.services.capital.surplus import unlink_item
        from coopdesk.ui.errors import show_refusal

        if self.view is None:
            return
        try:
            self._saved(unlink_item(self.context.db, self.context.coop_id, self.view.figures.fiscal_year))
        except Refusal as refusal:
            show_refusal(self, refusal)

    def import_patronage(self, path: Path | str | None = None) -> None:
        """Each member's patronage from an .xlsx or .csv file (member number, amount): all rows or none."""
        from coopdesk.services.capital.importing import import_patronage

        if self.view is None:
            return
        if path is None:
            name, _filter = QFileDialog.getOpenFileName(self, _("Import patronage"), str(Path.home()),
                                                        _("Excel or CSV files (*.xlsx *.csv)"))
            if not name:
                return
            path = name
        db, coop_id, year, file = self.context.db, self.context.coop_id, self.view.figures.fiscal_year, Path(path)
        run_job(self, _("Importing patronage…"), lambda _progress: import_patronage(db, coop_id, year, file),
                self._saved, self._import_failed)

    def _import_failed(self, error: BaseException) -> None:
        from coopdesk.ui.errors import show_failure

        if isinstance(error, ImportRejected):
            lines = [refusal_text(error)] + [_("Line {line}: {problem}", line=p.line, problem=refusal_text(p.refusal))
                                             for p in error.problems]
            self.message.setText("\n".join(lines))
        else:
            show_failure(self, error)

