"""Printing a paper of a meeting: the notice, attendance sheet, proxy form or minutes.

The paper's language is chosen per document (the screen's by default) and the file
name follows it until the user picks another.  The PDF is written off the GUI thread;
a refusal (a notice with no agenda, final minutes without their signers) is shown
under the form and nothing is written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QWidget

from coopdesk.i18n import LANGUAGES, _, current, ngettext
from coopdesk.services.meetings.printing import MeetingPaperKind, print_meeting_paper, suggested_name
from coopdesk.services.meetings.meeting import MeetingView
from coopdesk.services.printing import PrintResult
from coopdesk.ui.context import CoopContext
from coopdesk.ui.meetings.texts import PAPERS
from coopdesk.ui.meetings.widgets import heading
from coopdesk.ui.members.outputs import documents_dir
from coopdesk.ui.pdf_dialog import PdfDialog


class PaperDialog(PdfDialog):
    def __init__(self, context: CoopContext, meeting: MeetingView, kind: str = MeetingPaperKind.NOTICE,
                 draft: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paper_dialog")
        self.setWindowTitle(_("Print a meeting paper"))
        self.context = context
        self.meeting = meeting
        self.paper_combo = QComboBox(self)
        for n, (_kind, _draft, label) in enumerate(PAPERS):
            self.paper_combo.addItem(_(label), n)
        self.form.addRow(_("Paper:"), self.paper_combo)
        self.lay_out([heading(meeting.title, self)], _("Save the meeting paper"),
                     _("Printing the meeting paper…"), 620)
        self.paper_combo.currentIndexChanged.connect(self._suggest)
        self.language_combo.currentIndexChanged.connect(self._suggest)
        self.set_paper(kind, draft)
        self._suggest()

    # -- choices ---------------------------------------------------------------------------
    def paper(self) -> tuple[MeetingPaperKind, bool]:
        kind, draft, _label = PAPERS[int(self.paper_combo.currentData())]
        return MeetingPaperKind(kind), draft

    def set_paper(self, kind: str, draft: bool = False) -> None:
        for n, (k, d, _label) in enumerate(PAPERS):
            if (k, d) == (str(kind), draft):
                self.paper_combo.setCurrentIndex(n)

    def _name(self, kind: MeetingPaperKind, draft: bool, language: str) -> str:
        return suggested_name(self.context.db, self.context.coop_id, self.meeting.id, kind, language, draft=draft)

    def _suggest(self) -> None:
        """A suggested name follows the paper and the language; a name the user chose stays."""
        self.errors.clear()
        suggested = {self._name(MeetingPaperKind(k), d, lang) for k, d, _label in PAPERS for lang in LANGUAGES}
        current_name = Path(self.path_edit.text()).name
        if not self.path_edit.text() or current_name in suggested:
            kind, draft = self.paper()
            self.path_edit.setText(str(documents_dir() / self._name(kind, draft, self.language())))

    # -- printing --------------------------------------------------------------------------
    def print_job(self, path: Path):  # type: ignore[no-untyped-def]
        db, coop_id, meeting_id, language = self.context.db, self.context.coop_id, self.meeting.id, self.language()
        kind, draft = self.paper()
        return lambda _progress: print_meeting_paper(db, coop_id, meeting_id, kind, path, language, draft=draft)

    def printed_text(self, result: PrintResult) -> str:
        return ngettext("The paper was saved to {file} ({count} page).",
                        "The paper was saved to {file} ({count} pages).", result.pages,
                        file=str(result.path), count=current().number(result.pages))
