"""The secretary's side of the screen ballot: say who votes next, then open the ballot.

As at check-in, keyboard first: type a name or a member number; the list under the field
shows the votes that fit (a proxy holder fits twice: their own vote and the one they hold);
↑ ↓ pick one, Enter shows who votes and for whom, and a second Enter (or the button) opens
the ballot.  Two votes that fit are never guessed between.  Finding the voters is the
caller's (``find``): this panel only lists what it returns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain.errors import Refusal
from coopdesk.i18n import _, current, refusal_text
from coopdesk.ui.elections.voters import BallotVoter, voter_line
from coopdesk.ui.widgets.colours import AMBER, GREEN, GREY, RED

FindVoters = Callable[[str], Sequence[BallotVoter]]
_SHOWN = 300  # listed at most; typing narrows a large assembly down


class UnlockPanel(QWidget):
    """``find(text)``: the votes that fit what was typed ("" for everyone present); it may
    raise ``Refusal`` to say why none is listed (several fit, not present, voted already).

    Signal ``unlock(int)``: the key of the member whose vote the ballot is opened for;
    ``opened_for`` then holds that vote (who sits at the laptop, for whom).
    """

    unlock = Signal(int)

    def __init__(self, find: FindVoters, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlock_panel")
        self.find_voters = find
        self.found: list[BallotVoter] = []
        self.problem: Refusal | None = None  # why ``find`` found no one, if it said
        self.chosen: BallotVoter | None = None
        self.opened_for: BallotVoter | None = None  # the vote of the last ``unlock``, for the ballot's heading
        self._build()
        self.set_counts(0, 0)
        self.refresh()

    def _build(self) -> None:
        heading = QLabel(_("Secret ballot"), self)
        heading.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.counts = QLabel(self)
        self.counts.setObjectName("ballot_counts")
        self.field = QLineEdit(self)
        self.field.setObjectName("voter_field")
        self.field.setPlaceholderText(_("Voter's name or number + Enter"))
        self.field.setClearButtonEnabled(True)
        self.field.setStyleSheet("font-size: 14pt; padding: 4px;")
        self.field.textEdited.connect(self._typed)
        self.field.returnPressed.connect(self.choose)
        self.field.installEventFilter(self)
        self.matches = QListWidget(self)
        self.matches.setObjectName("voter_list")
        self.matches.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the arrows work from the field
        self.matches.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matches.setStyleSheet("font-size: 12pt;")
        self.matches.itemClicked.connect(lambda item: self._choose_row(self.matches.row(item)))
        self.matches.itemDoubleClicked.connect(lambda _item: self.open_ballot())
        self.who = QLabel(self)  # who votes now, and for whom
        self.who.setObjectName("voter_chosen")
        self.who.setWordWrap(True)
        self.who.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.status = QLabel(self)
        self.status.setObjectName("unlock_status")
        self.status.setWordWrap(True)
        self.open_button = QPushButton(_("Open the ballot"), self)
        self.open_button.setObjectName("open_ballot")
        self.open_button.setAutoDefault(True)
        self.open_button.clicked.connect(self.open_ballot)
        # The main action sits beside the field, in view without scrolling on a small laptop
        # screen (1100×720); the list of votes that fit takes what height is left, below.
        self.open_button.setStyleSheet("font-size: 12pt; padding: 4px 12px;")
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addWidget(self.counts, 1)
        entry = QHBoxLayout()
        entry.addWidget(self.field, 1)
        entry.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(entry)
        layout.addWidget(self.status)
        layout.addWidget(self.who)
        layout.addWidget(self.matches, 1)
        self.matches.setMinimumHeight(90)

    # -- showing ---------------------------------------------------------------------------
    def set_counts(self, voted: int, present: int) -> None:
        t = current()
        self.counts.setText(_("Voted: {voted} of {present} present", voted=t.number(voted),
                              present=t.number(present)))

    def refresh(self) -> None:
        """List again what fits the text (after a cast, a vote is marked voted)."""
        self.problem = None
        try:
            self.found = list(self.find_voters(self.field.text().strip()))
        except Refusal as refusal:  # the look-up's own word: several fit, not present, voted
            self.found, self.problem = [], refusal
        self.matches.clear()
        for voter in self.found[:_SHOWN]:
            item = QListWidgetItem(voter_line(voter))
            if voter.voted:
                item.setForeground(Qt.GlobalColor.gray)
            self.matches.addItem(item)
        self._show_chosen(None)

    def say(self, text: str, colour: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {colour};")

    def refused(self, refusal: Refusal) -> None:
        """The service would not open the ballot (not present, voted already): say why."""
        self.say(refusal_text(refusal), RED)
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.field.selectAll()

    def focus_field(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def _show_chosen(self, voter: BallotVoter | None) -> None:
        self.chosen = voter
        self.who.setText("" if voter is None else voter_line(voter))
        self.open_button.setEnabled(voter is not None and not voter.voted)

    # -- typing and picking ----------------------------------------------------------------
    def _typed(self, _text: str) -> None:
        self.refresh()
        if not self.field.text().strip():
            self.say("", GREY)
        elif self.problem is not None:
            self.say(refusal_text(self.problem), AMBER)
        elif len(self.found) > 1:
            self.say(_("{count} fit: pick one with ↑ ↓ and press Enter.", count=len(self.found)), AMBER)
        elif len(self.found) == 1:
            self.say(_("Enter shows who votes."), GREY)
        else:
            self.say(_("No voter present fits “{text}”.", text=self.field.text().strip()), RED)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.field and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)):
            self._move(1 if event.key() == Qt.Key.Key_Down else -1)
            return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> None:
        count = self.matches.count()
        if count:
            row = self.matches.currentRow()
            self.matches.setCurrentRow(0 if row < 0 else max(0, min(count - 1, row + step)))

    def choose(self) -> None:
        """Enter in the field: the picked vote, else the only one that fits; never a guess."""
        row = self.matches.currentRow() if self.matches.currentItem() is not None else -1
        if row < 0 and len(self.found) == 1:
            row = 0
        if row >= 0:
            self._choose_row(row)
        elif len(self.found) > 1:
            self.say(_("{count} fit: pick one with ↑ ↓ and press Enter.", count=len(self.found)), AMBER)

    def _choose_row(self, row: int) -> None:
        voter = self.found[row]
        self._show_chosen(voter)
        if voter.voted:
            self.say(_("This vote is already cast."), RED)
            return
        self.say(_("Press Enter to open the ballot for this vote."), GREY)
        self.open_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_ballot(self) -> None:
        voter = self.chosen
        if voter is None or voter.voted:
            return
        self.opened_for = voter
        self.field.clear()
        self.refresh()
        self.say(_("Ballot opened. Wait for the voter to hand the laptop back."), GREEN)
        self.unlock.emit(voter.key)
