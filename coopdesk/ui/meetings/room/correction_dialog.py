"""Correcting the vote of a closed item: new counts and the reason, recorded as a new vote.

The closed result is never edited; the correction is decided again against the room as
it was frozen, and the history keeps both.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from coopdesk.i18n import _, current
from coopdesk.services.meetings.results import ItemResult
from coopdesk.services.meetings.state import RoomState
from coopdesk.services.meetings.votes import correct_vote
from coopdesk.ui.context import CoopContext
from coopdesk.ui.save_dialog import SaveDialog


class CorrectionDialog(SaveDialog):
    def __init__(self, context: CoopContext, result: ItemResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("correction_dialog")
        self.setWindowTitle(_("Correct the vote"))
        self.context, self.item_result = context, result
        self.yes, self.no, self.abstain = (self._spin(v) for v in (result.yes, result.no, result.abstain))
        self.reason = QLineEdit(self)
        self.reason.setObjectName("correction_reason")
        self.reason.setPlaceholderText(_("e.g. one yes vote was counted twice"))
        t = current()
        form = QFormLayout()
        wrap = self.errors.wrap
        form.addRow(QLabel(_("Item {position}: {title}", position=result.item, title=result.title), self))
        form.addRow(QLabel(_("Frozen at closing: {present} present, {excluded} excluded.",
                             present=t.number(result.present), excluded=t.number(result.excluded)), self))
        form.addRow(_("For:"), wrap("yes", self.yes))
        form.addRow(_("Against:"), self.no)
        form.addRow(_("Abstain:"), self.abstain)
        form.addRow(_("Reason for the correction:"), wrap("reason", self.reason))
        self.lay_out(form, min_width=480)

    def _spin(self, value: int) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(0, max(self.item_result.members, value))  # too many is refused by the service, with why
        box.setValue(value)
        return box

    def save(self) -> RoomState:
        return correct_vote(self.context.db, self.context.coop_id, self.item_result.item_id, self.yes.value(),
                            self.no.value(), self.abstain.value(), self.reason.text())
