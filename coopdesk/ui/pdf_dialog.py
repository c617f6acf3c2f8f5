"""A dialog that prints one document to a PDF: its language, where to save it, Print.

The PDF is written off the GUI thread (``workers.run_job``).  A refusal is shown under
the form and nothing is written; on success the user is offered to open the file.
Subclasses add their own choices above the form and say what to print and how to
announce it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain.errors import Refusal
from coopdesk.i18n import LANGUAGES, N_, _, current
from coopdesk.services.printing import PrintResult
from coopdesk.ui.errors import show_failure
from coopdesk.ui.widgets.fields import FieldErrors

LANGUAGE_NAMES = {"ko": "한국어", "en": "English"}  # each in its own language, never translated


class PdfDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result_: PrintResult | None = None
        self.errors = FieldErrors(QLabel(self))
        self.language_combo = QComboBox(self)
        for language in LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES[language], language)
        self.language_combo.setCurrentIndex(LANGUAGES.index(current().language))
        self.path_edit = QLineEdit(self)
        self.form = QFormLayout()

    # -- what subclasses say --------------------------------------------------------------
    def print_job(self, path: Path) -> Callable[[object], PrintResult]:
        """The work to run in the thread: it receives the progress callback."""
        raise NotImplementedError

    def printed_text(self, result: PrintResult) -> str:
        raise NotImplementedError

    # -- layout ---------------------------------------------------------------------------
    def lay_out(self, above: list[QWidget], save_title: str, progress_text: str, min_width: int) -> None:
        """``above`` the form; the form gets the language and the path rows last."""
        self._save_title, self._progress_text = save_title, progress_text
        choose = QPushButton(_("Choose…"), self)
        choose.clicked.connect(self.choose_path)
        path_row = QWidget(self)
        row = QHBoxLayout(path_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path_edit, 1)
        row.addWidget(choose)
        self.form.addRow(_("Document language:"), self.language_combo)
        self.form.addRow(_("Save as:"), self.errors.wrap("path", path_row))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.print_button: QPushButton = buttons.addButton(_("Print to PDF"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in above:
            layout.addWidget(widget)
        layout.addLayout(self.form)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self.setMinimumWidth(min_width)

    def language(self) -> str:
        return str(self.language_combo.currentData())

    def set_language(self, language: str) -> None:
        self.language_combo.setCurrentIndex(LANGUAGES.index(language))

    def choose_path(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, self._save_title, self.path_edit.text(),
                                                    _("PDF documents (*.pdf)"))
        if name:
            self.path_edit.setText(name if name.lower().endswith(".pdf") else name + ".pdf")

    # -- printing -------------------------------------------------------------------------
    def pdf_path(self) -> Path | None:
        text = self.path_edit.text().strip()
        if not text:
            self.errors.show(Refusal(N_("Choose where to save the document."), field="path"))
            self.show_whole_message()
            return None
        path = Path(text).expanduser()
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def accept(self) -> None:
        from coopdesk.ui.workers import run_job

        path = self.pdf_path()
        if path is None:
            return
        self.errors.clear()
        self.print_button.setEnabled(False)
        run_job(self, self._progress_text, self.print_job(path), self._printed, self._failed,
                lambda: self.print_button.setEnabled(True))

    def _printed(self, result: PrintResult) -> None:
        from coopdesk.ui.members.outputs import notice

        self.result_ = result
        notice(self.parentWidget() or self, self.printed_text(result), open_path=Path(result.path))
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        from coopdesk.ui.members.outputs import failure_text

        self.print_button.setEnabled(True)
        if isinstance(exc, Refusal):
            self.errors.show(exc)
        elif isinstance(exc, OSError):
            self.errors.show_text("path", failure_text(exc))
        else:
            show_failure(self, exc)
            return
        self.show_whole_message()

    def show_whole_message(self) -> None:
        """Grow the dialog until the message under the form shows whole.

        A message wraps onto as many lines as the dialog's width needs (a path in it is
        long), but Qt does not make a window that is already shown taller for a label's
        height-for-width: the last lines were cut off."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        width = self.width()
        needed = layout.heightForWidth(width) if layout.hasHeightForWidth() else layout.sizeHint().height()
        if needed > self.height():
            self.resize(width, needed)
