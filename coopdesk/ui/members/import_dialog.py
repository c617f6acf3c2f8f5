"""Importing members from an Excel or CSV file: choose, preview, map the columns, import.

The import is all or nothing.  When rows are bad, every one of them is listed here with
its line number and the reason, and nothing was imported; the secretary fixes the file
and tries again.  When rows match members already on the register (the same file
imported twice, most often), they are listed with whom they match, and the secretary
chooses: import only the new rows, or all of them anyway.  Reading the file and
importing run off the GUI thread, with Cancel.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain.errors import ImportRejected, Refusal, RowProblem
from coopdesk.i18n import N_, _, current, refusal_text
from coopdesk.services.members.importing import (
    FIELDS,
    AlreadyOnRegister,
    Existing,
    ImportPreview,
    ImportResult,
    Mapping,
    column_text,
    import_members,
    preview,
)
from coopdesk.ui.context import CoopContext
from coopdesk.ui.errors import show_failure
from coopdesk.ui.widgets.fields import FieldErrors
from coopdesk.ui.workers import Progress, run_job

if TYPE_CHECKING:
    from coopdesk.services.files import Database

_MAPPING_COLUMNS = 3  # fields side by side, so the preview and the problems keep their room
ENCODINGS = ((None, N_("Automatic")), ("utf-8-sig", N_("UTF-8")), ("cp949", N_("CP949 (Korean Excel)")))


class ImportDialog(QDialog):
    imported = Signal(object)  # ImportResult

    # What a list of another kind changes (the capital import, ``ui.capital.import_dialog``):
    fields: tuple[Any, ...] = FIELDS  # each with key, label and required
    title = N_("Import members")
    file_kinds = N_("Member lists (*.xlsx *.csv);;Excel workbooks (*.xlsx);;CSV files (*.csv)")
    working = N_("Importing members…")

    def __init__(self, context: CoopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle(_(self.title))
        self.context = context
        self.path: Path | None = None
        self.preview: ImportPreview | None = None
        self.outcome: ImportResult | None = None  # not `result`: QDialog.result() is the dialog's code
        self.errors = FieldErrors(QLabel(self))
        self._build()

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_file_row())
        self.summary = QLabel(self)
        layout.addWidget(self.summary)
        self.preview_table = _table(self)
        self.preview_table.setObjectName("preview")
        layout.addWidget(self.preview_table, 2)
        layout.addWidget(self._build_mapping())
        layout.addWidget(self.errors.general)
        self.problem_summary = QLabel(self)
        self.problem_summary.setStyleSheet("color: #b00020; font-weight: bold;")
        self.problems = QTableView(self)
        self.problems.setObjectName("problems")
        self.problems.setModel(ProblemModel(self))
        self.problems.verticalHeader().hide()
        self.problems.verticalHeader().setDefaultSectionSize(self.problems.fontMetrics().height() + 8)
        self.problems.setWordWrap(False)
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.existing_choice = self._build_existing_choice()
        for widget in (self.problem_summary, self.problems, self.existing_choice):
            widget.hide()
            layout.addWidget(widget)
        layout.setStretchFactor(self.problems, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.import_button: QPushButton = buttons.addButton(_("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        buttons.accepted.connect(lambda: self.start_import())
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 720)

    def _build_existing_choice(self) -> QWidget:
        """The two ways on when rows match members already on the register."""
        box = QWidget(self)
        box.setObjectName("existing_choice")
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        question = QLabel(_("These rows match members already on the register. What should be imported?"), box)
        question.setWordWrap(True)
        self.skip_button = QPushButton(_("Only the new rows"), box)
        self.skip_button.setObjectName("skip_existing")
        self.skip_button.clicked.connect(lambda: self.start_import(Existing.SKIP))
        self.allow_button = QPushButton(_("All rows, these too"), box)
        self.allow_button.setObjectName("allow_duplicates")
        self.allow_button.clicked.connect(lambda: self.start_import(Existing.ALLOW))
        row.addWidget(question, 1)
        row.addWidget(self.skip_button)
        row.addWidget(self.allow_button)
        return box

    def _build_file_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.path_edit = QLineEdit(self)
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(_("An Excel (.xlsx) or CSV file"))
        choose = QPushButton(_("Choose file…"), self)
        choose.clicked.connect(self.choose_file)
        self.encoding_combo = QComboBox(self)
        for value, label in ENCODINGS:
            self.encoding_combo.addItem(_(label), value)
        self.encoding_combo.setEnabled(False)
        self.encoding_combo.currentIndexChanged.connect(self._encoding_changed)
        row.addWidget(QLabel(_("File:"), self))
        row.addWidget(self.path_edit, 1)
        row.addWidget(choose)
        row.addWidget(QLabel(_("Encoding:"), self))
        row.addWidget(self.encoding_combo)
        return row

    def _build_mapping(self) -> QGroupBox:
        box = QGroupBox(_("Which column holds what"), self)
        grid = QGridLayout(box)
        self.mapping_combos: dict[str, QComboBox] = {}
        for position, field in enumerate(self.fields):
            combo = QComboBox(box)
            combo.setObjectName(f"map_{field.key}")
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.mapping_combos[field.key] = combo
            caption = QLabel(_(field.label) + (" *" if field.required else "") + ":", box)
            caption.setBuddy(combo)
            row, column = divmod(position, _MAPPING_COLUMNS)
            grid.addWidget(caption, row, 2 * column)
            grid.addWidget(self.errors.wrap(field.key, combo), row, 2 * column + 1)
        for column in range(_MAPPING_COLUMNS):
            grid.setColumnStretch(2 * column + 1, 1)
        return box

    # -- the file --------------------------------------------------------------------------
    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _(self.title), str(self.path.parent if self.path else Path.home()), _(self.file_kinds))
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        """Read the first rows of ``path`` for the preview (off the GUI thread)."""
        self.path = path
        self.path_edit.setText(str(path))
        is_csv = path.suffix.lower() == ".csv"
        self.encoding_combo.setEnabled(is_csv)
        if not is_csv:
            self.encoding_combo.blockSignals(True)
            self.encoding_combo.setCurrentIndex(0)
            self.encoding_combo.blockSignals(False)
        self._read_preview()

    def encoding(self) -> str | None:
        return self.encoding_combo.currentData()

    def _encoding_changed(self) -> None:
        if self.path is not None:
            self._read_preview()

    def _read_preview(self) -> None:
        assert self.path is not None
        path, encoding = self.path, self.encoding()
        self.preview = None
        self.import_button.setEnabled(False)
        self._clear_results()
        run_job(self, _("Reading {file}…", file=path.name),
                lambda progress: self.read_preview(path, encoding, progress), self.show_preview, self._failed)

    def read_preview(self, path: Path, encoding: str | None, progress: Progress) -> Any:
        """The first rows of the file and the columns guessed (in the worker)."""
        return preview(path, encoding=encoding, progress=progress)

    def show_preview(self, found: Any) -> None:  # an ImportPreview, or the like for another list
        self.preview = found
        t = current()
        summary = _("{total} rows in the file; the first {shown} are shown below.",
                    total=t.number(found.total), shown=t.number(len(found.rows)))
        if found.encoding:  # a CSV file: say how its text was read, in case it looks garbled
            names = {value: _(label) for value, label in ENCODINGS}
            summary += " " + _("Text encoding: {encoding}.", encoding=names.get(found.encoding, found.encoding))
        self.summary.setText(summary)
        table = self.preview_table
        table.clear()
        table.setColumnCount(len(found.headers))
        table.setRowCount(len(found.rows))
        table.setHorizontalHeaderLabels(list(found.headers))
        table.setVerticalHeaderLabels([str(line) for line, _cells in found.rows])
        for r, (_line, cells) in enumerate(found.rows):
            for c, text in enumerate(cells):
                table.setItem(r, c, QTableWidgetItem(text))
        self._fill_mapping(found)
        self.import_button.setEnabled(True)

    def _fill_mapping(self, found: Any) -> None:
        for key, combo in self.mapping_combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_("(not imported)"), None)
            for column, heading in enumerate(found.headers):
                combo.addItem(heading or _("Column {n}", n=column + 1), column)
            guess = found.mapping.get(key)
            combo.setCurrentIndex(0 if guess is None else guess + 1)
            combo.blockSignals(False)

    def mapping(self) -> Mapping:
        return {key: combo.currentData() for key, combo in self.mapping_combos.items()}

    def set_mapping(self, key: str, column: int | None) -> None:
        combo = self.mapping_combos[key]
        combo.setCurrentIndex(combo.findData(column) if column is not None else 0)

    def _mapping_changed(self) -> None:
        self._clear_results()

    # -- importing -------------------------------------------------------------------------
    def start_import(self, existing: Existing = Existing.REFUSE) -> None:
        """Import the file; ``existing`` says what to do with rows already on the register
        (the default refuses them, so that the secretary sees them and chooses)."""
        if self.path is None or self.preview is None:
            return
        db, coop_id, path, mapping, encoding = (self.context.db, self.context.coop_id, self.path,
                                                self.mapping(), self.encoding())
        self._clear_results()
        self.import_button.setEnabled(False)
        run_job(self, _(self.working),
                lambda progress: self.run_import(db, coop_id, path, mapping, encoding, progress, existing),
                self._imported, self._failed, self._cancelled)

    def run_import(self, db: Database, coop_id: int, path: Path, mapping: Mapping, encoding: str | None,
                   progress: Progress, existing: Existing) -> Any:
        """The import itself, all or nothing (in the worker)."""
        return import_members(db, coop_id, path, mapping, encoding=encoding, progress=progress, existing=existing)

    def _imported(self, result: Any) -> None:
        self.outcome = result
        self.imported.emit(result)
        self.accept()

    def _cancelled(self) -> None:
        self.import_button.setEnabled(self.preview is not None)
        self.errors.general.setText(_("The import was cancelled; nothing was imported."))
        self.errors.general.show()

    def _failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(self.preview is not None)
        if isinstance(exc, ImportRejected):
            self.show_problems(exc)
        elif isinstance(exc, Refusal):
            self.errors.show(exc)
        else:
            show_failure(self, exc)

    def show_problems(self, rejected: ImportRejected) -> None:
        self.problem_summary.setText(refusal_text(rejected))
        self.problem_model.set_problems(rejected.problems)
        self.problems.resizeColumnToContents(0)
        self.problems.resizeColumnToContents(1)
        self.problem_summary.show()
        self.problems.show()
        if isinstance(rejected, AlreadyOnRegister):
            self.skip_button.setEnabled(rejected.new > 0)  # no new row: nothing to import but these
            self.existing_choice.show()

    @property
    def problem_model(self) -> ProblemModel:
        return self.problems.model()  # type: ignore[return-value]

    def problem_rows(self) -> list[tuple[str, str]]:
        """The listed problems as (line, reason) texts."""
        model = self.problem_model
        return [(model.data(model.index(r, model.LINE)), model.data(model.index(r, model.PROBLEM)))
                for r in range(model.rowCount())]

    def problem_columns(self) -> list[str]:
        """The column each listed problem is in, as the table shows it ("" for a whole row)."""
        model = self.problem_model
        return [model.data(model.index(r, model.COLUMN)) for r in range(model.rowCount())]

    def _clear_results(self) -> None:
        self.errors.clear()
        self.problem_summary.hide()
        self.problems.hide()
        self.existing_choice.hide()
        self.problem_model.set_problems([])


class ProblemModel(QAbstractTableModel):
    """The bad rows of a rejected import; a bad file may have thousands of them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._problems: list[RowProblem] = []

    def set_problems(self, problems: list[RowProblem]) -> None:
        self.beginResetModel()
        self._problems = list(problems)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._problems)

    LINE, COLUMN, PROBLEM = range(3)  # a row's problems one under another, each at its column

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_("Line"), _("Column"), _("Problem"))[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        problem = self._problems[index.row()]
        if index.column() == self.LINE:
            return str(problem.line)
        if index.column() == self.COLUMN:
            return column_text(problem)
        return refusal_text(problem.refusal)


def _table(parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, 0, parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    return table
