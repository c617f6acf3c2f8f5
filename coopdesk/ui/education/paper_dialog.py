"""Printing the education papers: a session's certificates of completion or attendance sheet,
and the yearly education report.  The language is chosen per document; the file name follows
the paper and the language until the user picks another; the PDF is written off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QComboBox, QSpinBox, QWidget

from coopdesk.i18n import _, current, ngettext
from coopdesk.services.education.attendance import AttendeeView
from coopdesk.services.education.printing import (
    EducationPaperKind,
    print_session_paper,
    print_year_report,
    session_paper_name,
    year_report_name,
)
from coopdesk.services.education.sessions import SessionView
from coopdesk.services.printing import PrintResult
from coopdesk.ui.context import CoopContext
from coopdesk.ui.meetings.widgets import heading
from coopdesk.ui.members.outputs import documents_dir
from coopdesk.ui.pdf_dialog import PdfDialog

PAPERS = (EducationPaperKind.CERTIFICATE, EducationPaperKind.ATTENDANCE)


class _Following(PdfDialog):
    """A suggested file name follows the choices; a name the user chose stays."""

    _suggested = ""

    def name(self) -> str:
        raise NotImplementedError

    def suggest(self) -> None:
        self.errors.clear()
        if not self.path_edit.text() or Path(self.path_edit.text()).name == self._suggested:
            self._suggested = self.name()
            self.path_edit.setText(str(documents_dir() / self._suggested))

    def printed_text(self, result: PrintResult) -> str:
        return ngettext("The paper was saved to {file} ({count} page).",
                        "The paper was saved to {file} ({count} pages).", result.pages,
                        file=str(result.path), count=current().number(result.pages))


class SessionPaperDialog(_Following):
    def __init__(self, context: CoopContext, session: SessionView, kind: EducationPaperKind,
                 chosen: AttendeeView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("education_paper_dialog")
        self.setWindowTitle(_("Print an education paper"))
        self.context, self.session, self.chosen = context, session, chosen
        self.paper_combo = QComboBox(self)
        for paper in PAPERS:
            self.paper_combo.addItem(_(paper.label), paper.value)
        self.paper_combo.setCurrentIndex(PAPERS.index(kind))
        self.only_chosen = QCheckBox(_("Only for {name}", name=chosen.name) if chosen else "", self)
        self.only_chosen.setObjectName("only_chosen")
        self.form.addRow(_("Paper:"), self.paper_combo)
        self.form.addRow("", self.only_chosen)
        self.lay_out([heading(session.details.topic, self)], _("Save the education paper"),
                     _("Printing the education paper…"), 560)
        self.paper_combo.currentIndexChanged.connect(self._paper_changed)
        self.language_combo.currentIndexChanged.connect(self.suggest)
        self._paper_changed()

    def paper(self) -> EducationPaperKind:
        return EducationPaperKind(self.paper_combo.currentData())

    def _paper_changed(self) -> None:
        self.form.setRowVisible(self.only_chosen, self.chosen is not None and
                                self.paper() is EducationPaperKind.CERTIFICATE)
        self.suggest()

    def _name(self, kind: EducationPaperKind, language: str) -> str:
        return session_paper_name(self.context.db, self.context.coop_id, self.session.id, kind, language)

    def name(self) -> str:
        return self._name(self.paper(), self.language())

    def print_job(self, path: Path):  # type: ignore[no-untyped-def]
        db, coop_id, session_id, kind, language = (self.context.db, self.context.coop_id, self.session.id,
                                                   self.paper(), self.language())
        only = ({self.chosen.id} if self.chosen is not None and self.only_chosen.isChecked()
                and kind is EducationPaperKind.CERTIFICATE else None)
        return lambda progress: print_session_paper(db, coop_id, session_id, kind, path, language,
                                                    attendance_ids=only, progress=progress)


class YearReportDialog(_Following):
    def __init__(self, context: CoopContext, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("education_report_dialog")
        self.setWindowTitle(_("Print the yearly education report"))
        self.context = context
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(1900, 2100)
        self.year_spin.setGroupSeparatorShown(False)
        self.year_spin.setValue(year)
        self.form.addRow(_("Fiscal year:"), self.year_spin)
        self.lay_out([heading(_("The year's sessions, hours, attendance by member type and the share of members "
                                "reached, for the ordinary assembly's business report."), self)],
                     _("Save the education report"), _("Printing the education report…"), 560)
        self.year_spin.valueChanged.connect(self.suggest)
        self.language_combo.currentIndexChanged.connect(self.suggest)
        self.suggest()

    def name(self) -> str:
        return year_report_name(self.year_spin.value(), self.language())

    def print_job(self, path: Path):  # type: ignore[no-untyped-def]
        db, coop_id, year, language = self.context.db, self.context.coop_id, self.year_spin.value(), self.language()
        return lambda progress: print_year_report(db, coop_id, year, path, language, progress=progress)
