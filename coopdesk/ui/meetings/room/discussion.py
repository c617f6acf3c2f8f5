"""The proposal and the secretary's summary of the discussion, for the minutes.

The summary is saved when the box loses focus, on Save, before the room moves to another
item or closes this one, and after a few seconds' pause in typing: a crash mid-meeting
loses at most those seconds.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from coopdesk.domain.errors import Refusal
from coopdesk.i18n import _
from coopdesk.services.meetings.agenda import ItemView, record_item_text
from coopdesk.ui.context import CoopContext
from coopdesk.ui.meetings.room.wording import GREEN, GREY

AUTOSAVE_MS = 5000  # a pause in typing this long saves (each save is one audited transaction)


class DiscussionPanel(QWidget):
    saved = Signal(object)  # the ItemView
    refused = Signal(object)

    def __init__(self, context: CoopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.item: ItemView | None = None
        self.proposal = QPlainTextEdit(self)
        self.proposal.setObjectName("proposal")
        self.proposal.setReadOnly(True)
        self.proposal.setMaximumHeight(90)
        self.proposal.setMinimumHeight(36)  # a small laptop's room shows a line or two, and scrolls
        self.discussion = QPlainTextEdit(self)
        self.discussion.setObjectName("discussion")
        self.discussion.setPlaceholderText(_("Questions asked, answers given, amendments proposed…"))
        self.discussion.installEventFilter(self)
        self.discussion.setMinimumHeight(48)
        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save)
        self.discussion.textChanged.connect(self._typed)
        self.save_button = QPushButton(_("Save summary"), self)
        self.save_button.setObjectName("save_discussion")
        self.save_button.clicked.connect(self.save)
        self.state = QLabel(self)
        row = QHBoxLayout()
        row.addWidget(self.state, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        layout.addWidget(QLabel(_("Proposal:"), self))
        layout.addWidget(self.proposal)
        layout.addWidget(QLabel(_("Summary of the discussion (for the minutes):"), self))
        layout.addWidget(self.discussion, 1)
        layout.addLayout(row)

    def show_item(self, item: ItemView) -> None:
        """Show ``item``; text being typed for the same item is kept (the room refreshes often)."""
        same = self.item is not None and self.item.id == item.id
        keep = same and self.pending
        self.item = item
        self.proposal.setPlainText(item.proposal or _("(no proposal text)"))
        if not keep and self.discussion.toPlainText() != item.discussion:
            self.discussion.setPlainText(item.discussion)
        self.discussion.setReadOnly(item.closed)
        self.save_button.setEnabled(not item.closed)
        self.state.setText(_("Closed items keep their summary as it was.") if item.closed else "")
        self.state.setStyleSheet(f"color: {GREY};")

    def _typed(self) -> None:
        if self.pending:
            self.autosave.start()

    @property
    def pending(self) -> bool:
        return (self.item is not None and not self.item.closed
                and self.discussion.toPlainText().strip() != self.item.discussion)

    def save(self) -> bool:
        """Record the summary if it changed; True when nothing is left unsaved."""
        self.autosave.stop()
        if not self.pending:
            return True
        assert self.item is not None
        try:
            self.item = record_item_text(self.context.db, self.context.coop_id, self.item.id,
                                         discussion=self.discussion.toPlainText())
        except Refusal as refusal:
            self.refused.emit(refusal)
            return False
        self.state.setText(_("Saved."))
        self.state.setStyleSheet(f"color: {GREEN};")
        self.saved.emit(self.item)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.discussion and event.type() == QEvent.Type.FocusOut:
            self.save()
        return super().eventFilter(watched, event)
