"""Printing the capital area's papers of a fiscal year: the report of members and paid-in capital to
the city or province (Act 22③, due within 3 months after the year ends) and the appropriation
statement (잉여금처분안 / 결손금처리안) the ordinary assembly receives.

``open_capital_reports_dialog(context, parent)`` shows it without blocking, for a button of the
Capital area.  The fiscal year offered first is the last one ended; the file name follows the
choices until the user picks another; a refusal (a year not ended, no figures entered for it) is
shown under the form with nothing written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QSpinBox, QWidget

from coopdesk.domain import law
from coopdesk.i18n import _, current, ngettext
from coopdesk.services.capital.reports import (
    CapitalReportKind,
    capital_report_name,
    print_capital_report,
)
from coopdesk.services.capital.surplus import last_ended_year
from coopdesk.services.printing import PrintResult
from coopdesk.ui.context import CoopContext
from coopdesk.ui.members.outputs import documents_dir
from coopdesk.ui.pdf_dialog import PdfDialog


def open_capital_reports_dialog(context: CoopContext, parent: QWidget | None) -> QDialog:
    """The dialog, shown without blocking."""
    dialog = CapitalReportsDialog(context, parent)
    dialog.open()
    return dialog


class CapitalReportsDialog(PdfDialog):
    _suggested = ""

    def __init__(self, context: CoopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capital_reports_dialog")
        self.setWindowTitle(_("Print the year's capital papers"))
        self.context = context
        self.paper_combo = QComboBox(self)
        self.paper_combo.setObjectName("capital_report")
        for kind in CapitalReportKind:
            self.paper_combo.addItem(_(kind.label), kind.value)
        self.year_spin = QSpinBox(self)
        self.year_spin.setObjectName("fiscal_year")
        self.year_spin.setRange(1900, 2099)
        self.year_spin.setValue(last_ended_year(context.coop.fiscal_year_start_month))
        self.form.addRow(_("Paper:"), self.paper_combo)
        self.form.addRow(_("Fiscal year:"), self.errors.wrap("fiscal_year", self.year_spin))
        explain = QLabel(_("The report of members and paid-in capital goes to the city or province within {months} "
                           "months after the fiscal year ends ({article}); the appropriation statement goes to the "
                           "ordinary general assembly.", months=law.YEARLY_REPORT_MONTHS.value,
                           article=law.YEARLY_REPORT_MONTHS.ref.label(current().language)), self)
        explain.setWordWrap(True)
        self.lay_out([explain], _("Save the capital paper"), _("Printing the capital paper…"), 560)
        for signal in (self.paper_combo.currentIndexChanged, self.year_spin.valueChanged,
                       self.language_combo.currentIndexChanged):
            signal.connect(self.suggest)
        self.suggest()

    def paper(self) -> CapitalReportKind:
        return CapitalReportKind(self.paper_combo.currentData())

    def set_paper(self, kind: CapitalReportKind) -> None:
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(kind.value))

    def suggest(self) -> None:
        """A file name from the paper and the year; a name the user chose stays."""
        self.errors.clear()
        if not self.path_edit.text() or Path(self.path_edit.text()).name == self._suggested:
            self._suggested = capital_report_name(self.paper(), self.year_spin.value(), self.language())
            self.path_edit.setText(str(documents_dir() / self._suggested))

    def print_job(self, path: Path):  # type: ignore[no-untyped-def]
        db, coop_id, kind, year, language = (self.context.db, self.context.coop_id, self.paper(),
                                             self.year_spin.value(), self.language())
        return lambda progress: print_capital_report(db, coop_id, kind, year, path, language, progress=progress)

    def printed_text(self, result: PrintResult) -> str:
        return ngettext("The paper was saved to {file} ({count} page).",
                        "The paper was saved to {file} ({count} pages).", result.pages,
                        file=str(result.path), count=current().number(result.pages))
