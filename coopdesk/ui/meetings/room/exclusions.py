"""Members with a personal interest in an item (e.g. the member to be expelled): marked,
with a reason, they do not vote on it and leave its base (LAW.md, General assembly [L])."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QVBoxLayout, QWidget

from coopdesk.domain.errors import Refusal
from coopdesk.i18n import N_, _, current
from coopdesk.services.meetings.state import RoomState
from coopdesk.services.meetings.results import ItemResult
from coopdesk.services.meetings.votes import exclude
from coopdesk.services.meetings.agenda import ItemView
from coopdesk.services.meetings.meeting import MeetingView
from coopdesk.ui.context import CoopContext
from coopdesk.ui.meetings.room.memory import VoteMemory
from coopdesk.ui.meetings.room.picture import RoomPicture
from coopdesk.ui.meetings.room.present_list import present_rows
from coopdesk.ui.meetings.room.wording import GREY, person


class ExclusionsPanel(QWidget):
    done = Signal(object)  # RoomState
    refused = Signal(object)  # Refusal

    def __init__(self, context: CoopContext, meeting: MeetingView, memory: VoteMemory,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.meeting, self.memory = context, meeting, memory
        self.item: ItemView | None = None
        self._pending: tuple[ItemView, ItemResult, RoomPicture] | None = None
        self.names: Mapping[int, str] = {}
        self.register = meeting.rules.register
        self.who = QComboBox(self)
        self.who.setObjectName("exclude_who")
        self.who.setMinimumWidth(200)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("exclude_reason")
        self.reason.setPlaceholderText(_("Reason, e.g. the member to be expelled"))
        self.reason.returnPressed.connect(self.exclude)
        self.button = QPushButton(_("Exclude from this item"), self)
        self.button.setObjectName("exclude")
        self.button.clicked.connect(self.exclude)
        self.listed = QListWidget(self)
        self.listed.setObjectName("excluded_list")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {GREY};")
        row = QHBoxLayout()
        row.addWidget(self.who)
        row.addWidget(self.reason, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Present members with a personal interest do not vote on the item and leave "
                                  "its base."), self))
        layout.addLayout(row)
        layout.addWidget(self.listed, 1)
        layout.addWidget(self.note)

    def show_item(self, item: ItemView, result: ItemResult, attendance: RoomPicture) -> None:
        """The item and who may be excluded from it.  The list of those present is made again only
        for another item or while the panel is in view: after each arrival it would be a line per
        person present, for a panel nobody is looking at."""
        another = self.item is None or self.item.id != item.id
        self.item, self.names, self.register = item, attendance.names, attendance.register
        self.setEnabled(not result.closed)
        self._pending = (item, result, attendance)
        if another or self.isVisible():
            self._fill()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._fill()

    def _fill(self) -> None:
        if self._pending is None:
            return
        item, result, attendance = self._pending
        self._pending = None
        known = self.memory.exclusions_of(item.id)
        self.who.clear()
        for r in present_rows(attendance.lines.values(), self.register):
            if r.counts and r.key not in known:
                self.who.addItem(person(r.key, r.name, self.register), r.key)
        # the member to be expelled is the usual one; otherwise nobody until the secretary picks
        self.who.setCurrentIndex(self.who.findData(item.expel_member) if item.expel_member is not None else -1)
        self.listed.clear()
        for key, reason in sorted(known.items()):
            text = person(key, self.names.get(key, ""), self.register)
            self.listed.addItem(f"{text} — {reason}" if reason else text)
        here = attendance.here | attendance.represented
        earlier = result.excluded - len(here & set(known))  # the result counts only those present
        self.note.setText(_("{count} more excluded before this screen was opened.", count=current().number(earlier))
                          if earlier > 0 else "")

    def exclude(self) -> RoomState | None:
        key = self.who.currentData()
        if self.item is None:
            return None
        if key is None:
            self.refused.emit(Refusal(N_("Choose who has a personal interest in this item."), field="member"))
            return None
        try:
            result = exclude(self.context.db, self.context.coop_id, self.item.id, int(key), self.reason.text())
        except Refusal as refusal:
            self.refused.emit(refusal)
            return None
        self.memory.exclusions_of(self.item.id)[int(key)] = self.reason.text().strip()
        self.reason.clear()
        self.done.emit(result)
        self._fill()  # the list the secretary is working in shows the exclusion at once
        return result
