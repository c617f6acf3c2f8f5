"""Writing the member list out: export to Excel or CSV, and the register as a PDF.

An export writes what the list shows (its filters, search and order).  The printed
register (조합원 명부) is the whole register, or on request only the members the list
shows, in the language chosen for the document.
Both run off the GUI thread with progress and Cancel.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QWidget,
)

from coopdesk.domain.errors import Refusal
from coopdesk.i18n import LANGUAGES, N_, Translator, _, current, ngettext, refusal_text
from coopdesk.services.members.exporting import export_members
from coopdesk.services.members.listing import MemberRow
from coopdesk.services.members.printing import print_register
from coopdesk.services.printing import PrintResult
from coopdesk.ui.errors import open_in_viewer
from coopdesk.ui.context import CoopContext
from coopdesk.ui.errors import show_failure
from coopdesk.ui.pdf_dialog import PdfDialog
from coopdesk.ui.workers import run_job

# (file filter, suffix, encoding): the CP949 choice is for Korean Excel, which reads
# CSV files in the system code page unless they start with a byte order mark.
EXPORT_FORMATS = (
    (N_("Excel workbook (*.xlsx)"), ".xlsx", "utf-8-sig"),
    (N_("CSV, UTF-8 (*.csv)"), ".csv", "utf-8-sig"),
    (N_("CSV for Korean Excel, CP949 (*.csv)"), ".csv", "cp949"),
)


def documents_dir() -> Path:
    """Where a paper is saved unless the user chooses: the Documents folder, or the home folder
    on a computer that has none (Qt names ~/Documents all the same, and saving there would fail)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def notice(parent: QWidget, text: str, open_path: Path | None = None) -> QMessageBox:
    """A message that does not block; with ``open_path``, an Open button shows that file."""
    box = QMessageBox(QMessageBox.Icon.Information, _("CoopDesk"), text, QMessageBox.StandardButton.Close, parent)
    box.setObjectName("notice")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if open_path is not None:
        button = box.addButton(_("Open"), QMessageBox.ButtonRole.ActionRole)
        # the box closes (and is deleted) on the click: the no-viewer message belongs to its parent
        button.clicked.connect(lambda: open_in_viewer(parent, open_path))
    box.open()
    return box


def open_file(path: Path, parent: QWidget | None = None) -> bool:
    """The file in the system's viewer; without one, the user is told where the file is."""
    return open_in_viewer(parent, path)


def refused(parent: QWidget, exc: BaseException) -> None:
    """Why a file was not written: a refusal, or the system's reason (no room, no right)."""
    if isinstance(exc, (Refusal, OSError)):
        box = QMessageBox(QMessageBox.Icon.Warning, _("Not done"), failure_text(exc),
                          QMessageBox.StandardButton.Close, parent)
        box.setObjectName("refusal")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
    else:
        show_failure(parent, exc)


def failure_text(exc: Refusal | OSError) -> str:
    if isinstance(exc, OSError):
        from coopdesk.services.failures import file_reason

        reason = file_reason(exc)
        return _("The file {file} could not be written: {reason}", file=str(exc.filename or ""),
                 reason=_(reason) if reason else (exc.strerror or str(exc)))
    return refusal_text(exc)


# -- export --------------------------------------------------------------------------------
def export_rows(parent: QWidget, coop_name: str, rows: Sequence[MemberRow], path: Path | None = None,
                encoding: str = "utf-8-sig", consents: Callable[[], Mapping[int, dt.date]] = dict) -> None:
    """Write ``rows`` to a file the user picks (or ``path``), in the screen language; ``consents`` reads
    the day each member consented to the use of their personal data (in the worker)."""
    if path is None:
        picked = _ask_export_path(parent, coop_name)
        if picked is None:
            return
        path, encoding = picked
    rows, language = list(rows), current().language
    run_job(parent, _("Exporting members…"),
            lambda progress: export_members(rows, path, language, encoding=encoding, progress=progress,
                                            consents=consents()),
            lambda count: notice(parent, ngettext("{count} member was written to {file}.",
                                                  "{count} members were written to {file}.", count,
                                                  count=current().number(count), file=str(path))),
            lambda exc: refused(parent, exc))


def _ask_export_path(parent: QWidget, coop_name: str) -> tuple[Path, str] | None:
    filters = [_(label) for label, _suffix, _encoding in EXPORT_FORMATS]
    suggested = documents_dir() / (_("{coop} members {date}", coop=coop_name, date=dt.date.today().isoformat())
                                   + ".xlsx")
    name, chosen = QFileDialog.getSaveFileName(parent, _("Export members"), str(suggested), ";;".join(filters))
    if not name:
        return None
    _label, suffix, encoding = EXPORT_FORMATS[filters.index(chosen) if chosen in filters else 0]
    path = Path(name)
    if path.suffix.lower() in (".xlsx", ".csv"):
        path = path.with_suffix(suffix)  # the format chosen in the dialog decides
    else:
        path = path.with_name(path.name + suffix)
    return path, encoding


# -- print ---------------------------------------------------------------------------------
class PrintRegisterDialog(PdfDialog):
    """The register as a PDF: the document's language and where to save it."""

    def __init__(self, context: CoopContext, shown: Sequence[MemberRow] | None = None,
                 parent: QWidget | None = None) -> None:
        """``shown``: the rows the list shows, when its filters or search hide some members."""
        super().__init__(parent)
        self.setObjectName("print_register")
        self.shown = list(shown) if shown is not None else None
        self.setWindowTitle(_("Print member register"))
        self.context = context
        self.path_edit.setText(str(self.suggested_path()))
        self.language_combo.currentIndexChanged.connect(self._language_changed)
        above: list[QWidget] = [QLabel(_("The register of every member, with their status as of today."), self)]
        self.only_shown = QCheckBox(self)
        if self.shown is not None:
            self.only_shown.setText(ngettext("Only the {count} member the list shows",
                                             "Only the {count} members the list shows", len(self.shown),
                                             count=current().number(len(self.shown))))
            above.append(self.only_shown)
        else:
            self.only_shown.hide()
        self.lay_out(above, _("Save the member register"), _("Printing the member register…"), 560)

    def suggested_path(self) -> Path:
        return documents_dir() / f"{self._stem(self.language())}.pdf"

    def _stem(self, language: str) -> str:
        return Translator(language).gettext("{coop} member register {date}", coop=self.context.coop.name,
                                            date=dt.date.today().isoformat())

    def _language_changed(self) -> None:
        """A suggested name follows the language; a name the user chose stays."""
        if Path(self.path_edit.text()).stem in {self._stem(lang) for lang in LANGUAGES}:
            self.path_edit.setText(str(self.suggested_path()))

    def print_job(self, path: Path):  # type: ignore[no-untyped-def]
        db, coop_id, language = self.context.db, self.context.coop_id, self.language()
        rows = self.shown if self.only_shown.isChecked() else None
        return lambda progress: print_register(db, coop_id, path, language, rows=rows, progress=progress)

    def printed_text(self, result: PrintResult) -> str:
        return ngettext("The member register was saved to {file} ({count} page).",
                        "The member register was saved to {file} ({count} pages).", result.pages,
                        file=str(result.path), count=current().number(result.pages))


# -- the membership forms ------------------------------------------------------------------
class PrintFormDialog(PdfDialog):
    """A membership form as a PDF: the application, the consent to the use of personal data or the
    withdrawal notice, blank to fill in by hand or filled from the selected member's record."""

    _suggested = ""

    def __init__(self, context: CoopContext, member: int | None = None, name: str = "",
                 parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QComboBox

        from coopdesk.domain.members.forms import FormKind

        super().__init__(parent)
        self.setObjectName("print_form")
        self.setWindowTitle(_("Print a membership form"))
        self.context, self.member, self.name = context, member, name
        self.form_combo = QComboBox(self)
        self.form_combo.setObjectName("form_kind")
        for kind in FormKind:
            self.form_combo.addItem(_(kind.label), kind.value)
        self.blank = QCheckBox(_("Blank, to fill in by hand"), self)
        self.blank.setObjectName("blank_form")
        if member is not None:
            self.blank.setText(_("Blank, to fill in by hand (else filled for member {number}, {name})",
                                 number=member, name=name))
        self.blank.setChecked(member is None)
        self.blank.setEnabled(member is not None)
        self.form.addRow(_("Form:"), self.form_combo)
        self.form.addRow("", self.blank)
        self.lay_out([QLabel(_("The membership application, the consent to collecting and using personal data, "
                               "and the withdrawal notice."), self)],
                     _("Save the form"), _("Printing the form…"), 560)
        for signal in (self.form_combo.currentIndexChanged, self.blank.toggled,
                       self.language_combo.currentIndexChanged):
            signal.connect(self.suggest)
        self.suggest()

    def kind(self):  # type: ignore[no-untyped-def]
        from coopdesk.domain.members.forms import FormKind

        return FormKind(self.form_combo.currentData())

    def set_kind(self, kind) -> None:  # type: ignore[no-untyped-def]
        self.form_combo.setCurrentIndex(self.form_combo.findData(kind.value))

    def filled_for(self) -> int | None:
        return None if self.blank.isChecked() else self.member

    def suggest(self) -> None:
        """A file name from the form and the member; a name the user chose stays."""
        from coopdesk.services.members.forms import member_form_name

        if not self.path_edit.text() or Path(self.path_edit.text()).name == self._suggested:
            number = self.filled_for()
            self._suggested = member_form_name(self.kind(), self.language(), member=number,
                                               name=self.name if number is not None else "")
            self.path_edit.setText(str(documents_dir() / self._suggested))

    def print_job(self, path: Path):  # type: ignore[no-untyped-def]
        from coopdesk.services.members.forms import print_member_form

        db, coop_id, kind, language, member = (self.context.db, self.context.coop_id, self.kind(), self.language(),
                                               self.filled_for())
        return lambda progress: print_member_form(db, coop_id, kind, path, language, member=member,
                                                  progress=progress)

    def printed_text(self, result: PrintResult) -> str:
        return ngettext("The form was saved to {file} ({count} page).",
                        "The form was saved to {file} ({count} pages).", result.pages,
                        file=str(result.path), count=current().number(result.pages))
