"""Printing the year's plan (연간 일정표): one page, in the language chosen for the document.

As the other print dialogs: the file name follows the language until the user picks another,
and the PDF is written off the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QWidget

from coopdesk.i18n import _, current, ngettext
from coopdesk.services.printing import PrintResult
from coopdesk.services.year.printing import print_year_plan, year_plan_name
from coopdesk.ui.context import CoopContext
from coopdesk.ui.meetings.widgets import heading
from coopdesk.ui.members.outputs import documents_dir
from coopdesk.ui.pdf_dialog import PdfDialog


class YearPlanDialog(PdfDialog):
    def __init__(self, context: CoopContext, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("year_plan_dialog")
        self.setWindowTitle(_("Print the year's plan"))
        self.context, self.today = context, today
        self._suggested = ""
        self.lay_out([heading(_("One page with what the law expects of the co-op this fiscal year, month by "
                                "month, with the articles and what is done."), self)],
                     _("Save the year's plan"), _("Printing the year's plan\u2026"), 520)
        self.language_combo.currentIndexChanged.connect(self.suggest)
        self.suggest()

    def suggest(self) -> None:
        self.errors.clear()
        if not self.path_edit.text() or Path(self.path_edit.text()).name == self._suggested:
            self._suggested = year_plan_name(self.context.db, self.context.coop_id, self.today, self.language())
            self.path_edit.setText(str(documents_dir() / self._suggested))

    def print_job(self, path: Path):  # type: ignore[no-untyped-def]
        db, coop_id, language, today = self.context.db, self.context.coop_id, self.language(), self.today
        return lambda _progress: print_year_plan(db, coop_id, path, language, today)

    def printed_text(self, result: PrintResult) -> str:
        return ngettext("The year's plan was saved to {file} ({count} page).",
                        "The year's plan was saved to {file} ({count} pages).", result.pages,
                        file=str(result.path), count=current().number(result.pages))
