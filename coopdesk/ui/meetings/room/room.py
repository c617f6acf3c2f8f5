"""The live meeting room: what the secretary's laptop shows during an assembly or a board meeting.

Top: the quorum banner, always in view.  Left: check-in.  Right: the agenda with the
selected item's live result, and the minutes (times, chair, signers, printing).  Every
action is one service call, committed at once, so nothing is lost if the program closes
mid-meeting; the room re-reads what it shows from the services after each one.

Keys: F2 or Ctrl+F goes to the check-in field; Ctrl+PgDown / Ctrl+PgUp the next and
previous agenda item.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain.meetings.kinds import MEETING_LABELS, Subject
from coopdesk.i18n import _, current
from coopdesk.services.meetings.state import RoomState
from coopdesk.services.meetings.attendance import attendance_of
from coopdesk.services.meetings.register import register_of_day
from coopdesk.services.meetings.results import ItemResult
from coopdesk.services.meetings.readings import closed_results, item_votes
from coopdesk.services.meetings.meeting import MeetingView, get_meeting
from coopdesk.services.meetings.agenda import get_item, list_items
from coopdesk.ui.context import CoopContext
from coopdesk.ui.meetings.room.agenda import AgendaList
from coopdesk.ui.meetings.room.check_in import CheckInPanel
from coopdesk.ui.meetings.room.item_panel import ItemPanel
from coopdesk.ui.meetings.room.memory import VoteMemory
from coopdesk.services.meetings.matching import RegisterIndex
from coopdesk.ui.meetings.room.minutes_panel import MinutesPanel
from coopdesk.ui.meetings.room.picture import RoomPicture
from coopdesk.ui.meetings.room.quorum_banner import QuorumBanner
from coopdesk.ui.workers import Job

AGENDA_TAB, MINUTES_TAB = range(2)
REGISTER_IN_THREAD_ABOVE = 5_000  # members: a larger register of the day is read in a worker


class MeetingRoom(QWidget):
    back_requested = Signal()

    def __init__(self, context: CoopContext, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meeting_room")
        self.context = context
        self.meeting: MeetingView = get_meeting(context.db, context.coop_id, meeting_id)
        self.memory = VoteMemory(lambda item_id: item_votes(context.db, context.coop_id, item_id))
        self.picture = RoomPicture(self.meeting.rules.register)
        self._register_job: Job | None = None
        self._notifying = False
        self._build()
        self._shortcuts()
        context.changed.connect(self._on_context_changed)
        self.reload()

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        self.back_button = QPushButton(_("← Meetings"), self)
        self.back_button.setObjectName("back_to_meetings")
        self.back_button.clicked.connect(self._back)
        self.heading = QLabel(self)
        self.heading.setObjectName("room_heading")
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.details = QLabel(self)
        self.details.setObjectName("room_details")
        self.banner = QuorumBanner(self.meeting, self)
        self.check_in = CheckInPanel(self.context, self.meeting, self.picture, self._item_on_screen, self)
        self.check_in.changed.connect(self._room_changed)
        self.agenda = AgendaList(self)
        self.agenda.currentRowChanged.connect(lambda _row: self._show_current_item())
        self.item_panel = ItemPanel(self.context, self.meeting, self.memory, self)
        self.item_panel.changed.connect(self._item_changed)
        self.item_panel.room_changed.connect(self._closed)
        self.minutes = MinutesPanel(self.context, self.meeting, self)
        self.minutes.meeting_changed.connect(self._meeting_changed)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("room_tabs")
        self.tabs.addTab(self._agenda_page(), _("Agenda and votes"))
        self.tabs.addTab(self.minutes, _("Times, signers and minutes"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self._lay_out()

    def _agenda_page(self) -> QWidget:
        page = QWidget(self)
        self.previous_button = QPushButton(_("◀ Previous"), page)
        self.previous_button.setToolTip(_("Previous item (Ctrl+PgUp)"))
        self.previous_button.clicked.connect(self.previous_item)
        self.next_button = QPushButton(_("Next ▶"), page)
        self.next_button.setToolTip(_("Next item (Ctrl+PgDown)"))
        self.next_button.clicked.connect(self.next_item)
        steps = QHBoxLayout()
        steps.addWidget(self.previous_button)
        steps.addWidget(self.next_button)
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.agenda, 1)
        side.addLayout(steps)
        holder = QWidget(page)
        holder.setLayout(side)
        holder.setMinimumWidth(150)
        holder.setMaximumWidth(280)
        row = QHBoxLayout(page)
        row.setContentsMargins(4, 4, 4, 4)
        row.addWidget(holder)
        row.addWidget(self.item_panel, 1)
        return page

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(12)
        top.addWidget(self.heading)
        top.addSpacing(12)
        top.addWidget(self.details, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.check_in)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([360, 1000])
        splitter.setChildrenCollapsible(False)
        self.check_in.setMinimumWidth(230)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)

    def _shortcuts(self) -> None:
        for keys, slot in (("F2", self.check_in.focus_field), ("Ctrl+F", self.check_in.focus_field),
                           ("Ctrl+PgDown", self.next_item), ("Ctrl+PgUp", self.previous_item)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # -- reading ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Read everything the room shows again from the services."""
        db, coop_id = self.context.db, self.context.coop_id
        self.meeting = get_meeting(db, coop_id, self.meeting.id)
        self._show_heading()
        items = list_items(db, coop_id, self.meeting.id)
        # closed items only: their frozen result is cheap; an open item's is read when shown
        results = {r.item_id: r for r in closed_results(db, coop_id, self.meeting.id)}
        self.agenda.fill(items, results)
        self.picture.set_whole(attendance_of(db, coop_id, self.meeting.id))
        self.banner.show_count(self.picture.count)
        self.check_in.show_whole()
        self._read_register()
        if self.agenda.currentRow() < 0 and items:
            first_open = next((row for row, i in enumerate(items) if not i.closed), 0)
            self.agenda.setCurrentRow(first_open)  # shows the item
        else:
            self._show_current_item()
        self.minutes.refresh_meeting()
        if self.tabs.currentIndex() == MINUTES_TAB:
            self._offer_chairs()
            self.minutes.reload()

    def _read_register(self) -> None:
        """The register of the day, for typing names at check-in: read in a worker when large,
        so that the screen opens at once and numbers can be checked in meanwhile."""
        db, coop_id, meeting_id = self.context.db, self.context.coop_id, self.meeting.id
        if self.picture.members <= REGISTER_IN_THREAD_ABOVE:
            self._register_read(RegisterIndex(register_of_day(db, coop_id, meeting_id).names))
            return
        if self._register_job is not None:
            self._register_job.succeeded.disconnect()
        job = Job(lambda _progress: RegisterIndex(register_of_day(db, coop_id, meeting_id).names))
        job.succeeded.connect(self._register_read)
        job.finished.connect(job.deleteLater)
        self._register_job = job
        job.start()

    def _register_read(self, index: RegisterIndex) -> None:
        self._register_job = None
        self.picture.roll = index.names
        self.check_in.set_register(index)

    def _show_heading(self) -> None:
        m, t = self.meeting, current()
        self.heading.setText(m.title)
        parts = [_(MEETING_LABELS[m.kind]), t.date(m.held_on)]
        if m.starts_at:
            parts[-1] += " " + m.starts_at.strftime("%H:%M")
        if m.place:
            parts.append(m.place)
        if m.opened_at:
            parts.append(_("opened {time}", time=m.opened_at.strftime("%H:%M")))
        if m.closed_at:
            parts.append(_("closed {time}", time=m.closed_at.strftime("%H:%M")))
        if m.chair_name:
            parts.append(_("chair: {name}", name=m.chair_name))
        self.details.setText("  ·  ".join(parts))

    def _item_on_screen(self) -> int | None:
        item = self.agenda.current_view()
        return item.id if item is not None else None

    def _show_current_item(self) -> None:
        if self.picture.known:
            self.item_panel.show_item(self.agenda.current_view(), self.picture)

    def _offer_chairs(self) -> None:
        self.minutes.set_chair_names([self.picture.name(k) for k in self.picture.here])

    # -- changes ---------------------------------------------------------------------------
    def _room_changed(self, state: RoomState) -> None:
        """A check-in, check-out or proxy: the count, the changed lines and the item on screen
        came back together; only they are put in place."""
        if self.picture.missed(state):  # another laptop changed the room meanwhile
            self.picture.set_whole(attendance_of(self.context.db, self.context.coop_id, self.meeting.id))
            self.check_in.show_whole()
        self.picture.apply(state)
        self.banner.show_count(state.attendance)
        self.check_in.show_changes(state)
        if state.item is not None:
            self.item_panel.show_state(state)
        else:
            self._show_current_item()
        if self.tabs.currentIndex() == MINUTES_TAB:
            self._offer_chairs()
            self.minutes.reload()
        self._notify("meetings")

    def _item_changed(self, result: ItemResult | None) -> None:
        item = self.item_panel.item
        if item is None:
            return
        item = get_item(self.context.db, self.context.coop_id, item.id)
        self.agenda.update_item(item, result)
        self._notify("meetings")

    def _closed(self, state: RoomState) -> None:
        """An item closed: a passed expulsion takes the member off this meeting's register too."""
        self.picture.apply(state)
        self.banner.show_count(state.attendance)
        self.check_in.show_changes(state)
        item = self.item_panel.item
        if item is not None and item.subject is Subject.EXPULSION and state.item is not None and state.item.passed:
            self._read_register()
            self._notify("members")
        elected = item is not None and item.subject is Subject.OFFICER_ELECTION
        if elected and state.item is not None and state.item.closed:
            self._notify("officers")  # the election's result went on the officer register

    def _meeting_changed(self, view: MeetingView) -> None:
        self.meeting = view
        self._show_heading()
        self._notify("meetings")

    def _notify(self, area: str) -> None:
        self._notifying = True
        try:
            self.context.notify(area)
        finally:
            self._notifying = False

    def _on_context_changed(self, area: str) -> None:
        if not self._notifying and area in ("meetings", "members", "officers"):
            self.reload()  # changed elsewhere (the meetings page, the member list): show it

    def _tab_changed(self, index: int) -> None:
        if index == MINUTES_TAB:
            self._offer_chairs()
            self.minutes.reload()

    def _back(self) -> None:
        self.item_panel.discussion.save()
        self.back_requested.emit()

    # -- moving ----------------------------------------------------------------------------
    def next_item(self) -> None:
        self.tabs.setCurrentIndex(AGENDA_TAB)
        self.agenda.step(1)

    def previous_item(self) -> None:
        self.tabs.setCurrentIndex(AGENDA_TAB)
        self.agenda.step(-1)

    def select_item(self, position: int) -> None:
        """Show the item at this place on the agenda (1 = the first)."""
        self.tabs.setCurrentIndex(AGENDA_TAB)
        self.agenda.setCurrentRow(position - 1)
