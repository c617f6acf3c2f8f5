"""Setting up an election before the day, from the meetings page (선거 준비): how members vote,
the announcement and the candidacy period, the election committee, the offices to fill and
the candidates who register, and the announcement printed for the notice board.

The same boxes as in the meeting room, so that what is set up here is what the room shows
on the day; voting itself opens only in the room.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from coopdesk.domain.errors import Refusal
from coopdesk.i18n import _, refusal_text
from coopdesk.services.elections.calling import election_for_item
from coopdesk.services.elections.printing import ElectionPaperKind
from coopdesk.services.elections.views import ElectionView
from coopdesk.ui.context import CoopContext
from coopdesk.ui.elections.candidates_box import CandidatesBox
from coopdesk.ui.elections.paper_dialog import ElectionPaperDialog
from coopdesk.ui.elections.setup_box import ElectionSetup
from coopdesk.ui.widgets.colours import RED


class ElectionBeforeTheDay(QDialog):
    def __init__(self, context: CoopContext, item_id: int, held_on: dt.date, meeting_title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("election_before_the_day")
        self.setWindowTitle(_("The election — {meeting}", meeting=meeting_title))
        self.context, self.item_id, self.held_on, self.meeting_title = context, item_id, held_on, meeting_title
        self.election: ElectionView | None = None
        self.setup = ElectionSetup(context, self)
        self.setup.saved.connect(lambda _view: self._changed())
        self.setup.refused.connect(self.refuse)
        self.candidates = CandidatesBox(context, held_on, self)
        self.candidates.changed.connect(self._changed)
        self.candidates.refused.connect(self.refuse)
        self.message = QLabel(self)
        self.message.setObjectName("election_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {RED};")
        self.print_button = QPushButton(_("Print the announcement…"), self)
        self.print_button.setObjectName("print_announcement")
        self.print_button.clicked.connect(self.print_announcement)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.setup)
        column.addWidget(self.candidates)
        column.addWidget(self.message)
        column.addWidget(buttons)
        self._paper: ElectionPaperDialog | None = None
        self.refresh()

    def refresh(self) -> None:
        self.election = e = election_for_item(self.context.db, self.context.coop_id, self.item_id)
        editable = e is None or not any(c.voted for c in e.contests)
        self.setup.show_election(self.item_id, e, editable)
        self.candidates.show_election(e, self.held_on)
        self.candidates.setEnabled(e is not None and bool(e.contests))
        self.print_button.setEnabled(e is not None)

    def refuse(self, refusal: Refusal) -> None:
        self.message.setText(refusal_text(refusal))

    def _changed(self) -> None:
        self.message.clear()
        self.refresh()
        self.context.notify("meetings")

    def print_announcement(self) -> ElectionPaperDialog | None:
        if self.election is None:
            return None
        self._paper = ElectionPaperDialog(self.context, self.election, self.meeting_title, ElectionPaperKind.NOTICE,
                                          self)
        self._paper.open()
        return self._paper
