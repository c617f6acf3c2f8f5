"""Printing the filing pack: one PDF with a cover and contents, or a folder of one PDF per paper;
Korean or English.  Rendered off the GUI thread with progress and Cancel (``PdfDialog``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QButtonGroup, QRadioButton, QWidget

from coopdesk.i18n import _, current, ngettext
from coopdesk.services.printing import PrintResult
from coopdesk.ui.context import CoopContext
from coopdesk.ui.meetings.widgets import heading
from coopdesk.ui.members.outputs import documents_dir
from coopdesk.ui.pdf_dialog import PdfDialog


class PackDialog(PdfDialog):
    def __init__(self, context: CoopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("founding_pack_dialog")
        self.setWindowTitle(_("Print the filing pack"))
        self.context = context
        self.one_file = QRadioButton(_("One PDF with a cover and contents"), self)
        self.folder = QRadioButton(_("A folder with one PDF per paper"), self)
        self.one_file.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.one_file)
        group.addButton(self.folder)
        self.form.addRow(_("Print as:"), self.one_file)
        self.form.addRow("", self.folder)
        self.lay_out([heading(_("The papers the city or province asks for with the report of founding, filled "
                                "from what is on record."), self)],
                     _("Save the filing pack"), _("Printing the filing pack…"), 560)
        self._suggested = ""
        for signal in (self.language_combo.currentIndexChanged, self.folder.toggled):
            signal.connect(self.suggest)
        self.suggest()

    def name(self) -> str:
        from coopdesk.services.founding.papers import pack_file_name

        name = pack_file_name(self.context.db, self.context.coop_id, self.language())
        return name[:-4] if self.folder.isChecked() else name

    def suggest(self) -> None:
        if not self.path_edit.text() or Path(self.path_edit.text()).name == self._suggested:
            self._suggested = self.name()
            self.path_edit.setText(str(documents_dir() / self._suggested))

    def pdf_path(self) -> Path | None:
        if not self.folder.isChecked():
            return super().pdf_path()
        text = self.path_edit.text().strip()
        return Path(text).expanduser() if text else super().pdf_path()

    def print_job(self, path: Path):  # type: ignore[no-untyped-def]
        from coopdesk.services.founding.papers import print_pack, print_pack_folder

        db, coop_id, language = self.context.db, self.context.coop_id, self.language()
        if self.folder.isChecked():
            def folder_job(progress):  # type: ignore[no-untyped-def]
                made = print_pack_folder(db, coop_id, path, language, progress=progress)
                return PrintResult(made.folder, made.pages)
            return folder_job
        return lambda progress: print_pack(db, coop_id, path, language, progress=progress)

    def printed_text(self, result: PrintResult) -> str:
        return ngettext("The filing pack was saved to {file} ({count} page).",
                        "The filing pack was saved to {file} ({count} pages).", result.pages,
                        file=str(result.path), count=current().number(result.pages))
