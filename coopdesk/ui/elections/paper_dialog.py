"""Printing a paper of an election: the ballot papers, the announcement (선거 공고), the result
(당선 공고) or the officer list for the change registration (임원 명부).

As the meeting papers: the language per document, the file name following the paper and the
language until the user picks another, the PDF written off the GUI thread, a refusal (a
result not decided yet) shown under the form with nothing written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QWidget

from coopdesk.i18n import LANGUAGES, _, current, ngettext
from coopdesk.services.elections.printing import (
    ElectionPaperKind,
    print_election_paper,
    suggested_election_name,
)
from coopdesk.services.elections.views import ElectionView
from coopdesk.services.printing import PrintResult
from coopdesk.ui.context import CoopContext
from coopdesk.ui.meetings.widgets import heading
from coopdesk.ui.members.outputs import documents_dir
from coopdesk.ui.pdf_dialog import PdfDialog


class ElectionPaperDialog(PdfDialog):
    def __init__(self, context: CoopContext, election: ElectionView, title: str,
                 kind: ElectionPaperKind = ElectionPaperKind.NOTICE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("election_paper_dialog")
        self.setWindowTitle(_("Print an election paper"))
        self.context, self.election = context, election
        self.paper_combo = QComboBox(self)
        for paper in ElectionPaperKind:
            self.paper_combo.addItem(_(paper.label), paper)
        self.form.addRow(_("Paper:"), self.paper_combo)
        self.lay_out([heading(title, self)], _("Save the election paper"), _("Printing the election paper…"), 620)
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(kind))
        self.paper_combo.currentIndexChanged.connect(self._suggest)
        self.language_combo.currentIndexChanged.connect(self._suggest)
        self._suggest()

    def paper(self) -> ElectionPaperKind:
        return ElectionPaperKind(self.paper_combo.currentData())

    def set_paper(self, kind: ElectionPaperKind) -> None:
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(kind))

    def _name(self, kind: ElectionPaperKind, language: str) -> str:
        return suggested_election_name(self.context.db, self.context.coop_id, kind, language, self.election.id)

    def _suggest(self) -> None:
        """A suggested name follows the paper and the language; a name the user chose stays."""
        self.errors.clear()
        suggested = {self._name(k, lang) for k in ElectionPaperKind for lang in LANGUAGES}
        if not self.path_edit.text() or Path(self.path_edit.text()).name in suggested:
            self.path_edit.setText(str(documents_dir() / self._name(self.paper(), self.language())))

    def print_job(self, path: Path):  # type: ignore[no-untyped-def]
        db, coop_id, election_id, language, kind = (self.context.db, self.context.coop_id, self.election.id,
                                                     self.language(), self.paper())
        return lambda progress: print_election_paper(db, coop_id, kind, path, language, election_id=election_id,
                                                     progress=progress)

    def printed_text(self, result: PrintResult) -> str:
        return ngettext("The paper was saved to {file} ({count} page).",
                        "The paper was saved to {file} ({count} pages).", result.pages,
                        file=str(result.path), count=current().number(result.pages))
