"""The election on an officer-election item (임원 선거), in the meeting room's item panel.

From top to bottom, as the day goes: the election's facts and offices, the candidates, the
campaign limits of Act 37 from the announcement day; then "Open voting", the unlock panel and
the full-screen ballot (or, on paper, the roll of papers handed out), "Close voting" (counted
in a worker: thousands of ballots), the tellers' count on paper, "Decide" and the result —
a run-off round opens here too, lots are drawn by a printed seed or entered as drawn.
Closing the item (the item panel's own button) fills the officer register.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain.elections.lots import HandDrawnLots
from coopdesk.domain.elections.stages import ContestState, VotingMethod
from coopdesk.domain.errors import Refusal
from coopdesk.domain.officers.terms import OFFICE_LABELS, Office
from coopdesk.i18n import _, current, ngettext, refusal_text
from coopdesk.services.elections.calling import add_contest, campaign_limits, election_for_item
from coopdesk.services.elections.casting import cast
from coopdesk.services.elections.closing import close_contests
from coopdesk.services.elections.deciding import decide_contest, draw_lots
from coopdesk.services.elections.paper import mark_paper_taken
from coopdesk.services.elections.printing import ElectionPaperKind
from coopdesk.services.elections.results import ContestResult, ElectionResult, election_result
from coopdesk.services.elections.views import ContestInput, ElectionView
from coopdesk.services.elections.voters import voter_for
from coopdesk.ui.context import CoopContext
from coopdesk.ui.elections.ballot_screen import BallotScreen
from coopdesk.ui.elections.campaign_box import CampaignBox
from coopdesk.ui.elections.candidates_box import CandidatesBox
from coopdesk.ui.elections.paper_dialog import ElectionPaperDialog
from coopdesk.ui.elections.result_table import ResultTable
from coopdesk.ui.elections.setup_box import ElectionSetup
from coopdesk.ui.elections.tellers import open_tally
from coopdesk.ui.elections.unlock_panel import UnlockPanel
from coopdesk.ui.elections.voters import BallotVoter, ballot_heading, voter_line
from coopdesk.ui.elections.wording import contest_line, contest_title
from coopdesk.ui.widgets.colours import GREEN, GREY, RED
from coopdesk.ui.workers import run_job


class ElectionPanel(QWidget):
    """Signals: ``changed()`` after anything that changes the item's result (the room refreshes)."""

    changed = Signal()

    def __init__(self, context: CoopContext, held_on: dt.date, present: Callable[[], int], parent: QWidget | None = None,
                 *, full_screen: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("election_panel")
        self.context, self.held_on, self.present = context, held_on, present
        self.item_id: int | None = None
        self.closed, self.title = False, ""
        self.election: ElectionView | None = None
        self._result: ElectionResult | None = None
        self.full_screen = full_screen
        self._ballot: BallotScreen | None = None  # a window of its own, made when first needed
        self._voter: dict[int, BallotVoter] = {}
        self._rights: dict[int, tuple[int, ...]] = {}
        self._build()

    def _build(self) -> None:
        self.setup = ElectionSetup(self.context, self)
        self.setup.saved.connect(lambda _view: self._changed())
        self.setup.refused.connect(self.refuse)
        self.candidates = CandidatesBox(self.context, self.held_on, self)
        self.candidates.changed.connect(self._changed)
        self.candidates.refused.connect(self.refuse)
        self.campaign: CampaignBox | None = None
        self.contests = QLabel(self)
        self.contests.setObjectName("contest_states")
        self.open_button = self._button(_("Open voting"), "open_voting", self.open_voting)
        self.close_button = self._button(_("Close voting"), "close_voting", self.close_voting)
        self.tally_button = self._button(_("Tellers' count…"), "tellers_count", self.tellers)
        self.decide_button = self._button(_("Decide"), "decide", self.decide)
        self.round_button = self._button(_("New round for the seats left"), "new_round", self.new_round)
        self.print_button = self._button(_("Print…"), "print_election", self.print_paper)
        self.lots_button = self._button(_("Draw lots"), "draw_lots", self.draw_lots)
        self.hand_edit = QLineEdit(self)
        self.hand_edit.setObjectName("lots_by_hand")
        self.hand_edit.setPlaceholderText(_("Drawn by hand: numbers in the order drawn"))
        self.hand_button = self._button(_("Enter lots"), "enter_lots", self.enter_lots)
        self.unlock = UnlockPanel(self._find, self)
        self.unlock.unlock.connect(self.open_ballot)
        self.result = ResultTable(self)
        self.message = QLabel(self)
        self.message.setObjectName("election_message")
        self.message.setWordWrap(True)
        self._lay_out()

    @property
    def ballot(self) -> BallotScreen:
        """The full-screen ballot: a top-level window, so it goes when this panel goes."""
        if self._ballot is None:
            ballot = self._ballot = BallotScreen(self._submit, full_screen=self.full_screen)
            ballot.ended.connect(self._ballot_ended)
            self.destroyed.connect(lambda *_args: ballot.deleteLater())
        return self._ballot

    def _button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _lay_out(self) -> None:
        """What the day needs now comes first: the voting controls, the unlock panel while
        voting, the result once decided; the candidates and the set-up below."""
        actions = QHBoxLayout()
        for button in (self.open_button, self.close_button, self.tally_button, self.decide_button,
                       self.round_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.print_button)
        lots = QHBoxLayout()
        lots.addWidget(self.lots_button)
        lots.addWidget(self.hand_edit, 1)
        lots.addWidget(self.hand_button)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 4, 0)
        self.layout_.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # scrolls, never squeezed
        self.layout_.addWidget(self.contests)
        self.layout_.addLayout(actions)
        self.layout_.addLayout(lots)
        self.layout_.addWidget(self.message)
        self.layout_.addWidget(self.unlock)
        self.layout_.addWidget(self.result)
        for widget in (self.candidates, self.setup):
            self.layout_.addWidget(widget)
        self.layout_.addStretch(1)
        self.unlock.setMinimumHeight(200)

    # -- showing ---------------------------------------------------------------------------
    def show_item(self, item_id: int, held_on: dt.date, closed: bool, title: str = "") -> None:
        """``title``: the meeting's, heading the papers printed."""
        self.item_id, self.held_on, self.closed, self.title = item_id, held_on, closed, title
        self.refresh()

    def refresh(self) -> None:
        if self.item_id is None:
            return
        db, coop_id = self.context.db, self.context.coop_id
        self.election = e = election_for_item(db, coop_id, self.item_id)
        editable = not self.closed and (e is None or not any(c.voted for c in e.contests))
        self.setup.show_election(self.item_id, e, editable and not self.closed)
        self.setup.add_button.setEnabled(e is not None and not self.closed)
        states = {c.state for c in e.contests} if e else set()
        self.setup.setVisible(not self.closed and (e is None or editable or not (states - {ContestState.DECIDED})))
        self.candidates.setVisible(e is not None and ContestState.OPEN in states)
        for widget in (self.contests, self.open_button, self.close_button, self.decide_button, self.print_button):
            widget.setVisible(e is not None)
        self.candidates.show_election(e, self.held_on)
        self._show_campaign(e)
        self._result = election_result(db, coop_id, e.id) if e else None
        self._show_actions(e, states)
        self.result.show_result(self._result)

    def _show_actions(self, e: ElectionView | None, states: set[ContestState]) -> None:
        self.contests.setText("\n".join(contest_line(c) for c in e.contests) if e else "")
        self.open_button.setEnabled(not self.closed and ContestState.OPEN in states)
        self.close_button.setEnabled(ContestState.VOTING in states)
        paper = e is not None and e.voting is VotingMethod.PAPER
        self.tally_button.setVisible(paper)
        self.tally_button.setEnabled(paper and ContestState.COUNTING in states)
        self.decide_button.setEnabled(ContestState.COUNTED in states)
        left = self._seats_left()
        self.round_button.setVisible(left is not None and not self.closed)
        if left is not None:
            self.round_button.setText(ngettext("New round for the {count} seat left ({office})",
                                               "New round for the {count} seats left ({office})", left[1],
                                               count=current().number(left[1]), office=_(OFFICE_LABELS[left[0]])))
        lots = self._pending_lots() is not None
        for widget in (self.lots_button, self.hand_edit, self.hand_button):
            widget.setVisible(lots)
        self.unlock.setVisible(ContestState.VOTING in states)
        self.unlock.open_button.setText(_("Hand out the papers") if paper else _("Open the ballot"))
        if e is not None and e.voting_contests:
            self.unlock.set_counts(max(c.voted for c in e.voting_contests), self.present())
        self.unlock.refresh()

    def _show_campaign(self, e: ElectionView | None) -> None:
        rules = campaign_limits(e, dt.date.today()) if e else None
        if e is None or rules is None:
            if self.campaign is not None:
                self.campaign.hide()
            return
        if self.campaign is None:
            self.campaign = CampaignBox(rules, e.announced_on, dt.date.today(), e.held_on, self)
            self.layout_.insertWidget(self.layout_.count() - 1, self.campaign)
        self.campaign.set_dates(e.announced_on, dt.date.today(), e.held_on)
        self.campaign.show()

    def _seats_left(self) -> tuple[Office, int] | None:
        """The office whose latest round is decided with seats unfilled (nobody reached the
        majority the bylaws ask), and how many: a new round on the day may fill them."""
        if self._result is None:
            return None
        latest: dict[Office, ContestResult] = {}
        for r in self._result.contests:
            latest[r.contest.office] = r
        for office, r in latest.items():
            if r.decided and r.outcome is not None and r.outcome.unfilled > 0:
                return office, r.outcome.unfilled
        return None

    def new_round(self) -> None:
        """A contest for the seats the last round left, its candidates taken on the day."""
        left, e = self._seats_left(), self.election
        if left is None or e is None:
            return
        office, seats = left
        if self._call(lambda: add_contest(self.context.db, self.context.coop_id, e.id,
                                          ContestInput(office, seats))) is not None:
            self.say(_("A new round is added: register its candidates, then open voting."), GREY)

    def _pending_lots(self) -> int | None:
        """The contest whose tie waits for lots, if one does."""
        e = self.election
        return next((c.id for c in e.contests if c.state is ContestState.PENDING), None) if e else None

    def say(self, text: str, colour: str = RED) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {colour};")

    def refuse(self, refusal: Refusal) -> None:
        self.say(refusal_text(refusal))

    def _changed(self) -> None:
        self.say("")
        self.refresh()
        self.changed.emit()

    def _call(self, action: Callable[[], Any]) -> Any:
        try:
            done = action()
        except Refusal as refusal:
            self.refresh()
            self.refuse(refusal)
            return None
        self._changed()
        return done

    # -- voting ----------------------------------------------------------------------------
    def open_voting(self) -> None:
        from coopdesk.services.elections.voting import open_voting

        e = self.election
        if e is None:
            return
        ids = [c.id for c in e.contests if c.state is ContestState.OPEN]
        if self._call(lambda: open_voting(self.context.db, self.context.coop_id, e.id, ids)) is not None:
            self.unlock.focus_field()

    def _find(self, typed: str) -> list[BallotVoter]:
        if not typed or self.election is None:
            return []
        voter = voter_for(self.context.db, self.context.coop_id, self.election.id, typed)
        self._rights = {r.key: r.contests for r in voter.rights}
        self._voter = {r.key: BallotVoter(r.key, r.name, voter.key if r.by_proxy else None,
                                          voter.name if r.by_proxy else "") for r in voter.rights}
        return list(self._voter.values())

    def open_ballot(self, key: int) -> None:
        """The secretary unlocked one vote: the ballot on screen, or on paper a paper handed out."""
        e = self.election
        if e is None:
            return
        if e.voting is VotingMethod.PAPER:  # the roll: this vote took its papers
            voter = self.unlock.opened_for or self._voter[key]
            if self._call(lambda: mark_paper_taken(self.context.db, self.context.coop_id, e.id, key)) is not None:
                self.unlock.say(_("Papers handed out: {voter}.", voter=voter_line(voter)), GREEN)
            return
        self._key = key
        contests = [e.contest(i) for i in self._rights.get(key, ())]
        titles = {c.id: contest_title(c) for c in contests if contest_title(c)}
        voter = self.unlock.opened_for or self._voter[key]
        self.ballot.open_ballot({c.id: c.contest for c in contests}, ballot_heading(voter), titles)

    def _ballot_ended(self) -> None:
        """The laptop is back with the secretary: ready for the next voter, nothing left to wait for."""
        self.unlock.say("", GREY)
        self.refresh()
        self.unlock.focus_field()

    def _submit(self, marks) -> None:
        assert self.election is not None
        cast(self.context.db, self.context.coop_id, self.election.id, self._key, marks)

    def close_voting(self) -> None:
        e = self.election
        if e is None:
            return
        db, coop_id = self.context.db, self.context.coop_id
        ids = [c.id for c in e.contests if c.state is ContestState.VOTING]

        def work(progress):
            progress(0, 1)
            return len(close_contests(db, coop_id, ids))  # one transaction: all closed or none

        self.close_button.setEnabled(False)
        self.job = run_job(self, _("Counting the ballots…"), work, lambda _n: self._changed(), self._failed)

    def _failed(self, error: BaseException) -> None:
        self.refresh()
        if isinstance(error, Refusal):
            self.refuse(error)
        else:
            raise error

    def tellers(self) -> None:
        e = self.election
        contest = next((c for c in e.contests if c.state is ContestState.COUNTING), None) if e else None
        if contest is not None:
            self.dialog = open_tally(self.context, contest, self, self._changed, self.refuse)

    def print_paper(self) -> ElectionPaperDialog | None:
        """The paper the moment needs first: the result once decided, the ballot papers while
        voting on paper, else the announcement; any other is picked in the dialog."""
        e = self.election
        if e is None:
            return None
        if e.decided:
            kind = ElectionPaperKind.RESULT
        elif e.voting is VotingMethod.PAPER and e.voting_contests:
            kind = ElectionPaperKind.BALLOTS
        else:
            kind = ElectionPaperKind.NOTICE
        dialog = ElectionPaperDialog(self.context, e, self.title, kind, self)
        dialog.open()
        return dialog

    # -- deciding --------------------------------------------------------------------------
    def decide(self) -> None:
        e = self.election
        if e is None:
            return
        db, coop_id = self.context.db, self.context.coop_id
        for contest in [c for c in e.contests if c.state is ContestState.COUNTED]:
            result = self._call(partial(decide_contest, db, coop_id, contest.id))
            if result is None:
                return
            if result.runoff_id is not None:
                self.say(_("A tie: a run-off round between the tied candidates is added. Open voting again."), GREY)
            elif result.pending is not None:
                self.say(_("A tie: draw lots, by the seed or by hand."), GREY)

    def draw_lots(self) -> None:
        contest = self._pending_lots()
        if contest is not None:
            self._call(lambda: draw_lots(self.context.db, self.context.coop_id, contest))

    def enter_lots(self) -> None:
        contest = self._pending_lots()
        keys = [int(p) for p in self.hand_edit.text().replace(",", " ").split() if p.isdigit()]
        if contest is not None and keys:
            self._call(lambda: decide_contest(self.context.db, self.context.coop_id, contest, HandDrawnLots.of(keys)))
