"""Clearing a yes-or-no vote recorded on an officer-election item, with the reason.

Officers are elected in an election (Act 34), not by yes and no; a file where such a vote
was recorded anyway is recovered here: the vote goes, the item opens again for its election,
and the history log keeps what was cleared and why.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from coopdesk.domain import law
from coopdesk.i18n import _, current
from coopdesk.services.meetings.election_items import clear_motion_vote
from coopdesk.services.meetings.results import ItemResult
from coopdesk.services.meetings.state import RoomState
from coopdesk.ui.context import CoopContext
from coopdesk.ui.meetings.room.wording import with_article
from coopdesk.ui.save_dialog import SaveDialog


class ClearVoteDialog(SaveDialog):
    def __init__(self, context: CoopContext, result: ItemResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clear_vote_dialog")
        self.setWindowTitle(_("Clear the yes-or-no vote"))
        self.context, self.item_result = context, result
        self.reason = QLineEdit(self)
        self.reason.setObjectName("clear_reason")
        self.reason.setPlaceholderText(_("e.g. recorded by mistake; the officers are elected by ballot"))
        t = current()
        intro = QLabel(with_article(
            _("Item {position}: {title}. The vote recorded on it (for {yes}, against {no}, abstain {abstain}) elects "
              "no one: officers are elected in an election. Clearing it opens the item again for its election; "
              "the history log keeps the vote and the reason.", position=result.item, title=result.title,
              yes=t.number(result.yes), no=t.number(result.no), abstain=t.number(result.abstain)),
            law.OFFICERS_ELECTED_BY_ASSEMBLY.ref), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(intro)
        form.addRow(_("Reason for clearing:"), self.errors.wrap("reason", self.reason))
        self.lay_out(form, min_width=480)

    def save(self) -> RoomState:
        return clear_motion_vote(self.context.db, self.context.coop_id, self.item_result.item_id,
                                 self.reason.text())
