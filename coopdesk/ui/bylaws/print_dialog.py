"""Printing the bylaws of a version, or the comparison table (신구조문 대비표) of an amendment.

The PDF is written off the GUI thread (``PdfDialog``); the file name follows the language
until the user picks another.  Korean is the text that counts; English is a reference
translation and says so on its first page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from coopdesk.i18n import LANGUAGES, _, current, ngettext
from coopdesk.services.bylaws.amendments import AmendmentView
from coopdesk.services.bylaws.printing import (
    bylaws_file_name,
    comparison_file_name,
    print_bylaws,
    print_comparison,
)
from coopdesk.services.bylaws.versions import BylawsVersionView
from coopdesk.services.printing import PrintResult
from coopdesk.ui.context import CoopContext
from coopdesk.ui.members.outputs import documents_dir
from coopdesk.ui.pdf_dialog import PdfDialog


class _NamedPdfDialog(PdfDialog):
    """A suggested file name that follows the choices, until the user writes their own."""

    _suggestions: set[str]

    def suggested(self, language: str) -> str:
        raise NotImplementedError

    def all_suggested(self) -> set[str]:
        return {self.suggested(language) for language in LANGUAGES}

    def suggest(self) -> None:
        self.errors.clear()
        if not self.path_edit.text() or Path(self.path_edit.text()).name in self._suggestions:
            self.path_edit.setText(str(documents_dir() / self.suggested(self.language())))
        self._suggestions = self.all_suggested()

    def printed_text(self, result: PrintResult) -> str:
        return ngettext("The document was saved to {file} ({count} page).",
                        "The document was saved to {file} ({count} pages).", result.pages,
                        file=str(result.path), count=current().number(result.pages))


class BylawsPrintDialog(_NamedPdfDialog):
    def __init__(self, context: CoopContext, versions: list[BylawsVersionView], version: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bylaws_print_dialog")
        self.setWindowTitle(_("Print the bylaws"))
        self.context = context
        self.version_combo = QComboBox(self)
        for v in reversed(versions):
            self.version_combo.addItem(version_label(v), v.version)
        chosen = version if version is not None else next((v.version for v in versions if v.in_force), None)
        if chosen is not None:
            self.version_combo.setCurrentIndex(self.version_combo.findData(chosen))
        self.form.addRow(_("Version:"), self.version_combo)
        self._suggestions = set()
        self.lay_out([], _("Save the bylaws"), _("Printing the bylaws…"), 560)
        self.version_combo.currentIndexChanged.connect(self.suggest)
        self.language_combo.currentIndexChanged.connect(self.suggest)
        self.suggest()

    def version(self) -> int:
        return int(self.version_combo.currentData())

    def set_version(self, version: int) -> None:
        self.version_combo.setCurrentIndex(self.version_combo.findData(version))

    def suggested(self, language: str) -> str:
        return bylaws_file_name(self.context.db, self.context.coop_id, language, self.version())

    def all_suggested(self) -> set[str]:
        db, coop = self.context.db, self.context.coop_id
        return {bylaws_file_name(db, coop, language, int(self.version_combo.itemData(n)))
                for language in LANGUAGES for n in range(self.version_combo.count())}

    def print_job(self, path: Path) -> Callable[[object], PrintResult]:
        db, coop_id, language, version = self.context.db, self.context.coop_id, self.language(), self.version()
        return lambda progress: print_bylaws(db, coop_id, path, language, version, progress=progress)  # type: ignore[arg-type]


class ComparisonPrintDialog(_NamedPdfDialog):
    def __init__(self, context: CoopContext, amendment: AmendmentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparison_print_dialog")
        self.setWindowTitle(_("Print the comparison table"))
        self.context, self.amendment = context, amendment
        about = QLabel(_("The current and the amended text of every article the amendment changes (신구조문 대비표), "
                         "for the notice of the meeting and for the filing: {meeting}, item {item}.",
                         meeting=amendment.meeting_title, item=current().number(amendment.position)), self)
        about.setWordWrap(True)
        self._suggestions = set()
        self.lay_out([about], _("Save the comparison table"), _("Printing the comparison table…"), 560)
        self.language_combo.currentIndexChanged.connect(self.suggest)
        self.suggest()

    def suggested(self, language: str) -> str:
        return comparison_file_name(self.context.db, self.context.coop_id, language)

    def print_job(self, path: Path) -> Callable[[object], PrintResult]:
        db, coop_id, item, language = self.context.db, self.context.coop_id, self.amendment.item_id, self.language()
        return lambda progress: print_comparison(db, coop_id, item, path, language, progress=progress)  # type: ignore[arg-type]


def version_label(v: BylawsVersionView) -> str:
    """"Version 2 (in force since 2 Oct 2026)", "Version 3 (adopted on …, not yet in force)"."""
    t = current()
    if v.waiting:
        state = _("adopted on {date}, not yet in force", date=t.date(v.adopted_on))
    elif v.in_force:
        state = _("in force since {date}", date=t.date(v.effective_on))
    else:
        state = _("in force from {date}", date=t.date(v.effective_on))
    return _("Version {version} ({state})", version=t.number(v.version), state=state)
