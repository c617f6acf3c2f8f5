"""Setting up an election before the day (선거 설정): how it is voted, the announcement and the
candidacy period, the election committee (Act 38, optional), and the offices to fill.

The facts are saved with "Save the election"; each office is added on its own ("Add office"),
also later — the chair, once the directors are decided (Act 34②).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from coopdesk.domain.elections.stages import VotingMethod
from coopdesk.domain.errors import Refusal
from coopdesk.domain.officers.terms import OFFICE_LABELS, Office
from coopdesk.i18n import N_, _
from coopdesk.services.elections.calling import (
    add_contest,
    create_election,
    edit_election,
)
from coopdesk.services.elections.views import ContestInput, ElectionInput, ElectionView
from coopdesk.ui.context import CoopContext
from coopdesk.ui.widgets.fields import OptionalDate

VOTING_LABELS = {VotingMethod.SCREEN: N_("Secret ballot on this laptop"),
                 VotingMethod.PAPER: N_("Paper ballots, counted by two tellers")}


class ElectionSetup(QGroupBox):
    """Signals: ``saved(ElectionView)`` after each change; ``refused(Refusal)``."""

    saved = Signal(object)
    refused = Signal(object)

    def __init__(self, context: CoopContext, parent: QWidget | None = None) -> None:
        super().__init__(_("The election"), parent)
        self.setObjectName("election_setup")
        self.context = context
        self.item_id: int | None = None
        self.election: ElectionView | None = None
        self._build()

    def _build(self) -> None:
        self.voting_combo = QComboBox(self)
        self.voting_combo.setObjectName("voting_method")
        for method, label in VOTING_LABELS.items():
            self.voting_combo.addItem(_(label), method)
        today = dt.date.today()
        self.announced_edit = OptionalDate(today, self)
        self.from_edit = OptionalDate(today, self)
        self.to_edit = OptionalDate(today, self)
        self.committee_edit = QLineEdit(self)
        self.committee_edit.setObjectName("committee")
        self.committee_edit.setPlaceholderText(_("Names, separated by commas (none: no committee)"))
        self.save_button = QPushButton(_("Save the election"), self)
        self.save_button.setObjectName("save_election")
        self.save_button.clicked.connect(self.save)
        self.office_combo = QComboBox(self)
        self.office_combo.setObjectName("office")
        for office in (Office.DIRECTOR, Office.AUDITOR, Office.CHAIR):
            self.office_combo.addItem(_(OFFICE_LABELS[office]), office)
        self.seats_spin = QSpinBox(self)
        self.seats_spin.setObjectName("seats")
        self.seats_spin.setRange(1, 99)
        self.seats_spin.setPrefix(_("Seats: "))
        self.add_button = QPushButton(_("Add office"), self)
        self.add_button.setObjectName("add_office")
        self.add_button.clicked.connect(self.add_office)
        filling = QHBoxLayout()
        filling.addWidget(self.office_combo)
        filling.addWidget(self.seats_spin)
        filling.addWidget(self.add_button)
        filling.addStretch(1)
        form = QFormLayout(self)
        form.addRow(_("Voting:"), self.voting_combo)
        form.addRow(_("Announced on:"), self.announced_edit)
        form.addRow(_("Candidacy from:"), self.from_edit)
        form.addRow(_("Candidacy to:"), self.to_edit)
        form.addRow(_("Election committee:"), self.committee_edit)
        form.addRow("", self.save_button)
        form.addRow(_("Office to fill:"), filling)

    # -- showing ---------------------------------------------------------------------------
    def show_election(self, item_id: int, election: ElectionView | None, editable: bool) -> None:
        self.item_id, self.election = item_id, election
        if election is not None:
            self.voting_combo.setCurrentIndex(self.voting_combo.findData(election.voting))
            self.announced_edit.set_value(election.announced_on)
            self.from_edit.set_value(election.candidacy_from)
            self.to_edit.set_value(election.candidacy_to)
            self.committee_edit.setText(", ".join(election.committee))
        self.save_button.setText(_("Set up the election") if election is None else _("Save the election"))
        for widget in (self.voting_combo, self.announced_edit, self.from_edit, self.to_edit, self.committee_edit,
                       self.save_button):
            widget.setEnabled(editable)
        self.add_button.setEnabled(election is not None and editable)

    def facts(self) -> ElectionInput:
        committee = tuple(n.strip() for n in self.committee_edit.text().replace("·", ",").split(",") if n.strip())
        return ElectionInput(self.voting_combo.currentData(), self.announced_edit.value(), self.from_edit.value(),
                             self.to_edit.value(), committee)

    # -- actions ---------------------------------------------------------------------------
    def save(self) -> ElectionView | None:
        db, coop_id = self.context.db, self.context.coop_id
        try:
            if self.election is None:
                assert self.item_id is not None
                view = create_election(db, coop_id, self.item_id, self.facts())
            else:
                view = edit_election(db, coop_id, self.election.id, self.facts())
        except Refusal as refusal:
            self.refused.emit(refusal)
            return None
        self.election = view
        self.saved.emit(view)
        return view

    def add_office(self) -> ElectionView | None:
        if self.election is None:
            return None
        given = ContestInput(self.office_combo.currentData(), self.seats_spin.value())
        try:
            view = add_contest(self.context.db, self.context.coop_id, self.election.id, given)
        except Refusal as refusal:
            self.refused.emit(refusal)
            return None
        self.election = view
        self.saved.emit(view)
        return view
