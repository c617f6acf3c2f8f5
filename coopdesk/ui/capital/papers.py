"""Printing the member's capital papers: a share certificate (one member's or every member's),
a capital statement as of a day, the capital register, a leaver's refund statement.

One dialog for the four: the paper, the member where it is about one, the day where it has one,
the language and the file.  The file name follows the choices until the user picks another; the
PDF is written off the GUI thread (``PdfDialog``), and a refusal (nothing to certify, a member who
has not left) is shown under the form with nothing written.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QWidget

from coopdesk.domain.errors import Refusal
from coopdesk.i18n import N_, _, current, ngettext
from coopdesk.services.capital.printing import CapitalPaperKind, capital_paper_name, print_capital_paper
from coopdesk.services.members.member import get_member
from coopdesk.services.printing import PrintResult
from coopdesk.ui.context import CoopContext
from coopdesk.ui.meetings.widgets import heading
from coopdesk.ui.members.outputs import documents_dir
from coopdesk.ui.pdf_dialog import PdfDialog
from coopdesk.ui.widgets.fields import date_edit, from_qdate
from coopdesk.ui.widgets.member_picker import MemberPicker

PAPERS = (CapitalPaperKind.CERTIFICATE, CapitalPaperKind.STATEMENT, CapitalPaperKind.REGISTER,
          CapitalPaperKind.REFUND)
_DATED = (CapitalPaperKind.STATEMENT, CapitalPaperKind.REGISTER)  # papers "as of" a day


def open_capital_print_dialog(context: CoopContext, parent: QWidget | None,
                              member_number: int | None = None) -> QDialog:
    """The print dialog, shown without blocking; ``member_number``: the member chosen on the page."""
    dialog = CapitalPaperDialog(context, member_number, parent)
    dialog.open()
    return dialog


class CapitalPaperDialog(PdfDialog):
    _suggested = ""

    def __init__(self, context: CoopContext, member_number: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capital_paper_dialog")
        self.setWindowTitle(_("Print a capital paper"))
        self.context = context
        self.paper_combo = QComboBox(self)
        self.paper_combo.setObjectName("capital_paper")
        for paper in PAPERS:
            self.paper_combo.addItem(_(paper.label), paper.value)
        self.as_of = date_edit(dt.date.today(), self)
        self.as_of.setObjectName("as_of")
        self.member = MemberPicker(context, self._day, self)
        self.everyone = QCheckBox(_("Every member holding paid-in capital, one page each"), self)
        self.everyone.setObjectName("every_member")
        if member_number is not None:
            self.member.choose(member_number, self._name_of(member_number))
        else:
            self.everyone.setChecked(True)
        self.form.addRow(_("Paper:"), self.paper_combo)
        self.member_row = self.errors.wrap("member", self.member)
        self.form.addRow(_("Member:"), self.member_row)
        self.form.addRow("", self.everyone)
        self.form.addRow(_("As of:"), self.as_of)
        self.lay_out([heading(_("Share certificates, a member's capital statement, the capital register and "
                                "refund statements, from the ledger."), self)],
                     _("Save the capital paper"), _("Printing the capital paper…"), 560)
        self.paper_combo.currentIndexChanged.connect(self._paper_changed)
        self.everyone.toggled.connect(self._paper_changed)
        self.member.editingFinished.connect(self.suggest)
        self.as_of.dateChanged.connect(self.suggest)
        self.language_combo.currentIndexChanged.connect(self.suggest)
        self._paper_changed()

    # -- what is chosen --------------------------------------------------------------------
    def paper(self) -> CapitalPaperKind:
        return CapitalPaperKind(self.paper_combo.currentData())

    def set_paper(self, paper: CapitalPaperKind) -> None:
        self.paper_combo.setCurrentIndex(PAPERS.index(paper))

    def for_everyone(self) -> bool:
        return self.paper() is CapitalPaperKind.CERTIFICATE and self.everyone.isChecked()

    def member_number(self) -> int | None:
        """The member the paper is about; None for the register or every member's certificates."""
        if not self.paper().for_a_member or self.for_everyone():
            return None
        return self.member.number()

    def day(self) -> dt.date | None:
        return from_qdate(self.as_of.date()) if self.paper() in _DATED else None

    def _day(self) -> dt.date:
        return from_qdate(self.as_of.date())

    def _name_of(self, number: int | None) -> str:
        if number is None:
            return ""
        try:
            return get_member(self.context.db, self.context.coop_id, number).name
        except Refusal:
            return ""

    def _paper_changed(self) -> None:
        paper = self.paper()
        self.form.setRowVisible(self.everyone, paper is CapitalPaperKind.CERTIFICATE)
        self.form.setRowVisible(self.as_of, paper in _DATED)
        self.form.setRowVisible(self.member_row, paper.for_a_member and not self.for_everyone())
        self.suggest()

    # -- the file --------------------------------------------------------------------------
    def suggest(self) -> None:
        """A file name from the paper, the member and the day; a name the user chose stays."""
        self.errors.clear()
        if not self.path_edit.text() or Path(self.path_edit.text()).name == self._suggested:
            number = self.member_number()
            self._suggested = capital_paper_name(self.paper(), self.language(), member=number,
                                                 name=self._name_of(number), day=self.day())
            self.path_edit.setText(str(documents_dir() / self._suggested))

    def accept(self) -> None:
        if self.paper().for_a_member and not self.for_everyone() and self.member.number() is None:
            self.errors.show(Refusal(N_("Choose the member the paper is about."), field="member"))
            return
        super().accept()

    def print_job(self, path: Path):  # type: ignore[no-untyped-def]
        db, coop_id, kind, language = self.context.db, self.context.coop_id, self.paper(), self.language()
        member, day = self.member_number(), self.day()
        return lambda progress: print_capital_paper(db, coop_id, kind, path, language, member=member, as_of=day,
                                                    progress=progress)

    def printed_text(self, result: PrintResult) -> str:
        return ngettext("The paper was saved to {file} ({count} page).",
                        "The paper was saved to {file} ({count} pages).", result.pages,
                        file=str(result.path), count=current().number(result.pages))
