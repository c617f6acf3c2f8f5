"""The two tellers' double entry of a paper count (개표 이중 입력), one contest at a time.

Teller 1 types every number; their form is then destroyed, and teller 2 types the same
numbers on an empty form, so neither sees the other's.  The dialog then lists every number
on which they differ, item by item, with both figures; the teller who miscounted enters
again (their own numbers shown, to correct).  "Accept the count" is offered only when both
entries agree and the count holds together (the papers are as many as the voters who took
a paper) — otherwise the refusal says why.

The rules are the caller's: ``compare(first, second)`` lists the differences (the domain's
``compare_entries``) and ``check(tally)`` refuses a count that cannot be true (the domain's
``check_tally(contest, tally, voted=…)``), so the front end decides nothing itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain.elections.contest import Contest
from coopdesk.domain.elections.counting import Difference, Tally
from coopdesk.domain.errors import Refusal
from coopdesk.i18n import _, current, refusal_text
from coopdesk.ui.elections.tally_entry import TallyEntry, item_label
from coopdesk.ui.elections.texts import candidate_names, contest_title
from coopdesk.ui.widgets.colours import GREEN, RED

Compare = Callable[[Tally, Tally], Sequence[Difference]]
Check = Callable[[Tally], None]
WHAT, FIRST, SECOND = range(3)


class TallyDialog(QDialog):
    """Signals: ``entered(int, Tally)`` as each teller finishes an entry (teller 1 or 2);
    ``agreed(Tally)`` when the agreed count is accepted (the dialog then closes)."""

    entered = Signal(int, object)
    agreed = Signal(object)

    def __init__(self, contest: Contest, compare: Compare, check: Check, title: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tally_dialog")
        self.setWindowTitle(_("Paper ballots: the tellers' count"))
        self.contest, self.compare, self.check = contest, compare, check
        self.names = candidate_names(contest)
        self.entries: dict[int, Tally] = {}
        self.entry: TallyEntry | None = None  # the form of the teller typing now
        self._build(title or contest_title(contest))
        self.enter(1)

    def _build(self, title: str) -> None:
        heading = QLabel(title, self)
        heading.setStyleSheet("font-weight: bold; font-size: 14pt;")
        self.step = QLabel(self)
        self.step.setObjectName("tally_step")
        self.step.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("tally_status")
        self.status.setWordWrap(True)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._result_page())
        self.done_button = QPushButton(self)
        self.done_button.setObjectName("tally_done")
        self.done_button.clicked.connect(self.finish_entry)
        cancel = QPushButton(_("Cancel"), self)
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(cancel)
        row.addStretch(1)
        row.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        for widget in (heading, self.step):
            layout.addWidget(widget)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status)
        layout.addLayout(row)

    def _result_page(self) -> QWidget:
        page = QWidget(self)
        self.table = QTableWidget(0, 3, page)
        self.table.setObjectName("tally_differences")
        self.table.setHorizontalHeaderLabels([_("What was counted"), _("Teller 1"), _("Teller 2")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        self.again = [QPushButton(_("Teller {teller} enters again", teller=t), page) for t in (1, 2)]
        for teller, button in enumerate(self.again, start=1):
            button.setObjectName(f"again_{teller}")
            button.clicked.connect(lambda _checked=False, t=teller: self.enter(t))
        self.accept_button = QPushButton(_("Accept the count"), page)
        self.accept_button.setObjectName("accept_tally")
        self.accept_button.clicked.connect(self.accept_count)
        row = QHBoxLayout()
        for button in (*self.again, self.accept_button):
            row.addWidget(button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addStretch(0)  # takes the room when there is no difference to list
        return page

    # -- one teller's entry ----------------------------------------------------------------
    def enter(self, teller: int) -> TallyEntry:
        """An entry form for ``teller``: empty the first time, their own numbers after that."""
        self._drop_entry()
        self.entry = TallyEntry(self.contest, teller, self.entries.get(teller), self.pages)
        self.entry.finished.connect(self.finish_entry)
        self.pages.addWidget(self.entry)
        self.pages.setCurrentWidget(self.entry)
        other = 2 if teller == 1 else 1
        self.step.setText(_("Teller {teller}: type the count from the tally sheet, every number, 0 where there "
                            "is none.", teller=teller)
                          + ("" if other not in self.entries
                             else " " + _("Teller {other}'s numbers are not shown.", other=other)))
        self.status.clear()
        self.done_button.setText(_("Done: teller 2 enters next") if teller == 1 and 2 not in self.entries
                                 else _("Done: compare the two counts"))
        self.done_button.show()
        self.done_button.setDefault(False)
        self.entry.first_field().setFocus(Qt.FocusReason.OtherFocusReason)
        return self.entry

    def finish_entry(self) -> None:
        if self.entry is None:
            return
        try:
            tally = self.entry.tally()
        except Refusal as refusal:
            self._say(refusal_text(refusal), RED)
            return
        teller = self.entry.teller
        self.entries[teller] = tally
        self.entered.emit(teller, tally)
        if teller == 1 and 2 not in self.entries:
            self.enter(2)
            self._say(_("Teller 1's count is put away. Teller 2 now counts on an empty form."), GREEN)
        else:
            self.show_comparison()

    def _drop_entry(self) -> None:
        entry, self.entry = self.entry, None
        if entry is not None:
            self.pages.removeWidget(entry)
            entry.hide()
            entry.deleteLater()

    # -- the two entries side by side ------------------------------------------------------
    def show_comparison(self) -> None:
        self._drop_entry()
        self.done_button.hide()
        first, second = self.entries[1], self.entries[2]
        differences = list(self.compare(first, second))
        self._fill(differences)
        self.pages.setCurrentIndex(0)
        self.accept_button.setEnabled(False)
        if differences:
            self.step.setText(_("The two counts differ in {count} places. Count those ballots again; the "
                                "teller who miscounted enters again.", count=current().number(len(differences))))
            self.status.clear()
            return
        self.step.setText(_("The two counts agree."))
        try:
            self.check(first)
        except Refusal as refusal:
            self._say(refusal_text(refusal), RED)
            return
        self._say(_("The count holds together: {ballots} ballots.", ballots=current().number(first.ballots)),
                  GREEN)
        self.accept_button.setEnabled(True)
        self.accept_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill(self, differences: list[Difference]) -> None:
        t = current()
        self.table.setRowCount(len(differences))
        for row, d in enumerate(differences):
            cells = (item_label(d.item, d.key, self.names), t.number(d.first), t.number(d.second))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column != WHAT:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
        self.table.setVisible(bool(differences))

    def accept_count(self) -> None:
        if not self.accept_button.isEnabled():
            return
        self.agreed.emit(self.entries[1])
        self.accept()

    def _say(self, text: str, colour: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {colour};")
