"""The candidates of one contest (후보자): add a member by name or number, accept, withdraw.

Every check is the service's (as if the candidate were elected: Act 34②, the auditor who is
not a director, the chair's re-election limit…); a refusal is said with its article.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain.elections.stages import ContestState
from coopdesk.domain.errors import Refusal
from coopdesk.i18n import N_, _, current
from coopdesk.services.elections.candidates import (
    accept_candidacy,
    add_candidate,
    withdraw_candidate,
)
from coopdesk.services.elections.views import (
    CandidateInput,
    CandidateView,
    ContestView,
    ElectionView,
)
from coopdesk.ui.context import CoopContext
from coopdesk.ui.elections.wording import contest_line
from coopdesk.ui.widgets.fields import date_edit, from_qdate, to_qdate
from coopdesk.ui.widgets.member_picker import MemberPicker

_ID_ROLE = 0x0100  # Qt.UserRole


class CandidatesBox(QGroupBox):
    """Signals: ``changed()`` after a change; ``refused(Refusal)``."""

    changed = Signal()
    refused = Signal(object)

    def __init__(self, context: CoopContext, held_on: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(_("Candidates"), parent)
        self.setObjectName("candidates_box")
        self.context, self.held_on = context, held_on
        self.election: ElectionView | None = None
        self._build()

    def _build(self) -> None:
        self.contest_combo = QComboBox(self)
        self.contest_combo.setObjectName("contest_combo")
        self.contest_combo.currentIndexChanged.connect(lambda _i: self._fill())
        self.day_edit = date_edit(dt.date.today(), self)
        self.day_edit.setToolTip(_("Registered (and accepted) on"))
        self.picker = MemberPicker(self.context, lambda: self.held_on, self)
        self.picker.setObjectName("candidate_picker")
        self.picker.setPlaceholderText(_("Member's name or number"))
        self.picker.returnPressed.connect(self.add)
        self.accepted = QCheckBox(_("accepted"), self)
        self.accepted.setObjectName("candidate_accepted")
        self.accepted.setChecked(True)
        self.add_button = QPushButton(_("Add candidate"), self)
        self.add_button.setObjectName("add_candidate")
        self.add_button.clicked.connect(self.add)
        self.list = QListWidget(self)
        self.list.setObjectName("candidate_list")
        self.list.setMaximumHeight(110)
        self.accept_button = QPushButton(_("Accepted"), self)
        self.accept_button.setObjectName("accept_candidate")
        self.accept_button.clicked.connect(self.accept)
        self.withdraw_button = QPushButton(_("Withdraw"), self)
        self.withdraw_button.setObjectName("withdraw_candidate")
        self.withdraw_button.clicked.connect(self.withdraw)
        adding = QHBoxLayout()
        adding.addWidget(self.picker, 1)
        adding.addWidget(self.day_edit)
        adding.addWidget(self.accepted)
        adding.addWidget(self.add_button)
        side = QVBoxLayout()
        side.addWidget(self.accept_button)
        side.addWidget(self.withdraw_button)
        side.addStretch(1)
        listed = QHBoxLayout()
        listed.addWidget(self.list, 1)
        listed.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(self.contest_combo)
        layout.addLayout(adding)
        layout.addLayout(listed)

    # -- showing ---------------------------------------------------------------------------
    def show_election(self, election: ElectionView | None, held_on: dt.date) -> None:
        self.election, self.held_on = election, held_on
        keep = self.contest_combo.currentData()
        self.contest_combo.blockSignals(True)
        self.contest_combo.clear()
        for contest in election.contests if election else ():
            self.contest_combo.addItem(contest_line(contest), contest.id)
        ids = [c.id for c in election.contests] if election else []
        open_ids = [c.id for c in election.contests if c.state is ContestState.OPEN] if election else []
        chosen = keep if keep in open_ids else (open_ids[-1] if open_ids else (ids[-1] if ids else None))
        if chosen is not None:
            self.contest_combo.setCurrentIndex(self.contest_combo.findData(chosen))
        self.contest_combo.blockSignals(False)
        if election is not None:  # today, within the candidacy period, and never after election day
            last = min(election.candidacy_to or held_on, held_on)
            self.day_edit.setDate(to_qdate(min(max(dt.date.today(), election.candidacy_from or last), last)))
        self._fill()

    def contest(self) -> ContestView | None:
        contest_id = self.contest_combo.currentData()
        if self.election is None or contest_id is None:
            return None
        return self.election.contest(contest_id)

    def _fill(self) -> None:
        contest = self.contest()
        self.list.clear()
        for c in contest.candidates if contest else ():
            item = QListWidgetItem(candidate_line(c))
            item.setData(_ID_ROLE, c.id)
            self.list.addItem(item)
        editable = contest is not None and contest.state is ContestState.OPEN
        for widget in (self.picker, self.add_button, self.accept_button, self.withdraw_button, self.accepted,
                       self.day_edit):
            widget.setEnabled(editable)

    # -- actions ---------------------------------------------------------------------------
    def add(self) -> ContestView | None:
        contest, number = self.contest(), self.picker.number()
        if contest is None:
            return None
        if number is None:
            self.refused.emit(Refusal(N_("Type a member's name or number."), field="candidate"))
            return None
        day = from_qdate(self.day_edit.date())
        given = CandidateInput(day, member_number=number, accepted_on=day if self.accepted.isChecked() else None)
        if self._call(lambda: add_candidate(self.context.db, self.context.coop_id, contest.id, given)):
            self.picker.clear()
            self.picker.setFocus()
        return self.contest()

    def accept(self) -> None:
        if (chosen := self._chosen()) is not None:
            day = from_qdate(self.day_edit.date())
            self._call(lambda: accept_candidacy(self.context.db, self.context.coop_id, chosen, day))

    def withdraw(self) -> None:
        if (chosen := self._chosen()) is not None:
            day = from_qdate(self.day_edit.date())
            self._call(lambda: withdraw_candidate(self.context.db, self.context.coop_id, chosen, day))

    def _chosen(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(_ID_ROLE))

    def _call(self, action) -> bool:
        try:
            action()
        except Refusal as refusal:
            self.refused.emit(refusal)
            return False
        self.changed.emit()
        return True


def candidate_line(c: CandidateView) -> str:
    who = _("{number}. {name}", number=c.member_number, name=c.name) if c.member_number else c.name
    if c.withdrawn_on is not None:
        return _("{who} — withdrew on {date}", who=who, date=current().date(c.withdrawn_on))
    if c.accepted_on is None:
        return _("{who} — not yet accepted", who=who)
    return who
