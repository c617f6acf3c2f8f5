"""Check-in, keyboard first: type a name or a member number and press Enter.

The list under the field shows who fits and is not here yet; ↑ and ↓ pick one when two
fit (two 김민준), Enter checks the pick in.  Every check-in and check-out is committed by
the service at once.  A refusal (already here, not on the register that day) is said in
red under the field, not in a box, so the meeting goes on.
"""

from __future__ import annotations

from collections.abc import Callable

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
from coopdesk.domain.meetings.rules import Register
from coopdesk.i18n import N_, _, current, refusal_text
from coopdesk.services.meetings.attendance import check_in, check_out
from coopdesk.services.meetings.state import RoomState
from coopdesk.services.meetings.meeting import MeetingView
from coopdesk.ui.context import CoopContext
from coopdesk.services.meetings.matching import Match, RegisterIndex
from coopdesk.ui.meetings.room.picture import RoomPicture
from coopdesk.ui.meetings.room.present_list import PresentTable
from coopdesk.ui.meetings.room.proxy_dialog import ProxyDialog
from coopdesk.ui.meetings.room.wording import AMBER, GREEN, GREY, RED, person

_SHOWN = 300  # candidates listed at most; typing narrows a large register down


class CheckInPanel(QWidget):
    changed = Signal(object)  # the RoomState after a change

    def __init__(self, context: CoopContext, meeting: MeetingView, picture: RoomPicture,
                 item_on_screen: Callable[[], int | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("check_in_panel")
        self.context, self.meeting, self.picture = context, meeting, picture
        self.item_on_screen = item_on_screen  # its result comes back with each check-in
        self.register = meeting.rules.register
        self.proxies_allowed = meeting.rules.proxies
        self.index: RegisterIndex | None = None  # the register of the day, once read
        self.current_match = Match((), None)
        self._proxy_dialog: ProxyDialog | None = None
        self._build()

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        self.field = QLineEdit(self)
        self.field.setObjectName("check_in_field")
        self.field.setPlaceholderText(_("Director's name + Enter (F2)") if self.register is Register.DIRECTORS
                                      else _("Name or number + Enter (F2)"))
        self.field.setClearButtonEnabled(True)
        self.field.setStyleSheet("font-size: 14pt; padding: 4px;")
        self.field.textEdited.connect(self._typed)
        self.field.returnPressed.connect(self.commit)
        self.field.installEventFilter(self)
        self.status = QLabel(self)
        self.status.setObjectName("check_in_status")
        self.status.setWordWrap(True)
        self.candidates_caption = QLabel(self)
        self.candidates = QListWidget(self)
        self.candidates.setObjectName("check_in_candidates")
        self.candidates.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the arrows work from the field
        self.candidates.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.candidates.setStyleSheet("font-size: 12pt;")
        self.candidates.itemDoubleClicked.connect(lambda item: self.check_in_key(item.data(Qt.ItemDataRole.UserRole)))
        self.present_caption = QLabel(self)
        self.present = PresentTable(self.register, self)
        self.present.selectionModel().selectionChanged.connect(self._update_buttons)
        self.check_out_button = QPushButton(_("Check out"), self)
        self.check_out_button.setObjectName("check_out")
        self.check_out_button.clicked.connect(self.check_out_selected)
        self.proxy_button = QPushButton(_("Add proxy…"), self)
        self.proxy_button.setObjectName("add_proxy")
        self.proxy_button.clicked.connect(self.add_proxy)
        self.proxy_button.setVisible(self.proxies_allowed)  # directors attend in person
        self._lay_out()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_out_button)
        buttons.addStretch(1)
        buttons.addWidget(self.proxy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(_("Check-in"), self)
        heading.setStyleSheet("font-weight: bold; font-size: 12pt;")
        layout.addWidget(heading)
        layout.addWidget(self.field)
        layout.addWidget(self.status)
        layout.addWidget(self.candidates_caption)
        layout.addWidget(self.candidates, 2)
        layout.addWidget(self.present_caption)
        layout.addWidget(self.present, 3)
        layout.addLayout(buttons)

    # -- showing ---------------------------------------------------------------------------
    def set_register(self, index: RegisterIndex) -> None:
        """The register of the day has been read: names can be typed now."""
        self.index = index
        self._refresh_candidates()
        if self.field.text().strip():
            self._typed(self.field.text())

    def show_whole(self) -> None:
        """The present list as the picture holds it (the screen opened, or the room was read again)."""
        self.present.fill(self.picture.lines.values())
        self._show_count()

    def show_changes(self, state: RoomState) -> None:
        """An action's news: only the lines it changed are put in place."""
        if state.whole:
            self.present.fill(self.picture.lines.values())
        else:
            self.present.put(state.lines)
        self._show_count()

    def _show_count(self) -> None:
        count, t = self.picture.count, current()
        if count is None:
            return
        if not count.proxies_allowed:
            self.present_caption.setText(_("Present: {present}", present=t.number(count.present)))
        else:
            self.present_caption.setText(_("Present: {present} ({in_person} in person, {by_proxy} by proxy)",
                                           present=t.number(count.present), in_person=t.number(count.in_person),
                                           by_proxy=t.number(count.by_proxy)))
        self._refresh_candidates()
        self._update_buttons()

    def _refresh_candidates(self) -> None:
        self.candidates.clear()
        if self.index is None:
            self.current_match = Match((), None)
            self.candidates_caption.setText(_("Reading the register of the day\u2026"))
            return
        by_number = self.register is not Register.DIRECTORS  # a director's key is a term, not a number to type
        typing = bool(self.field.text().strip())
        # whose vote is here by proxy is not "not yet here"; typed, they can still come in person
        represented = self.picture.represented
        self.current_match = self.index.match(self.field.text(), self.picture.here, by_number,
                                              hidden=() if typing else represented, limit=_SHOWN)
        names = self.index.names
        for key in self.current_match.absent:
            label = person(key, names.get(key, ""), self.register)
            item = QListWidgetItem(label + ("  · " + _("present by proxy") if key in represented else ""))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.candidates.addItem(item)
        caption = N_("Matching, not yet here: {count}") if typing else N_("Not yet here: {count}")
        self.candidates_caption.setText(_(caption, count=current().number(self.current_match.count)))

    def _update_buttons(self) -> None:
        row = self.present.selected()
        self.check_out_button.setEnabled(row is not None and row.in_person)

    def say(self, text: str, colour: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {colour};")

    # -- typing ----------------------------------------------------------------------------
    def _typed(self, _text: str) -> None:
        self._refresh_candidates()
        m, names = self.current_match, self.picture.names
        if not self.field.text().strip():
            self.say("", GREY)
        elif m.chosen is not None and m.chosen in names and m.chosen in m.absent:
            self.say(_("Enter checks in {person}.", person=person(m.chosen, names[m.chosen], self.register)), GREY)
        elif m.count > 1:
            self.say(_("{count} fit: pick one with ↑ ↓ and press Enter.", count=m.count), AMBER)
        else:
            self.say("", GREY)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self.move_pick(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key == Qt.Key.Key_Escape and self.field.text():
                self.field.clear()
                self._typed("")
                return True
        return super().eventFilter(watched, event)

    def move_pick(self, step: int) -> None:
        count = self.candidates.count()
        if not count:
            return
        row = self.candidates.currentRow()
        row = 0 if row < 0 else max(0, min(count - 1, row + step))
        self.candidates.setCurrentRow(row)

    def picked(self) -> int | None:
        item = self.candidates.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None and item.isSelected() else None

    def commit(self) -> None:
        """Enter: the picked candidate, else the one best match; several fitting is never a guess."""
        key = self.picked()
        if key is None:
            key = self.current_match.chosen
        if key is not None:
            self.check_in_key(key)
        elif self.current_match.count > 1:
            self.say(_("{count} fit: pick one with ↑ ↓ and press Enter.", count=self.current_match.count), AMBER)
        elif self.field.text().strip().isdigit() and self.register is not Register.DIRECTORS:
            self.check_in_key(int(self.field.text().strip()))  # the service says why they may not attend
        elif self.field.text().strip():
            self.say(_("No one who may attend this meeting fits “{text}”.", text=self.field.text().strip()), RED)
            self.field.selectAll()  # the next name typed replaces it

    # -- actions ---------------------------------------------------------------------------
    def check_in_key(self, key: int) -> bool:
        line = self.picture.lines.get(key)
        had_proxy = line is not None and line.proxy is not None
        try:
            state = check_in(self.context.db, self.context.coop_id, self.meeting.id, key,
                             item_id=self.item_on_screen())
        except Refusal as refusal:
            self.say(refusal_text(refusal), RED)
            self.field.selectAll()
            return False
        self.field.clear()
        self.changed.emit(state)
        name = next((line.name for line in state.lines if line.key == key), "")
        said = _("Checked in: {person}", person=person(key, name, self.register))
        if had_proxy:  # Act 23③: here in person, the member votes in person
            said += " " + _("Their proxy is revoked: they vote in person.")
        self.say(said, GREEN)
        self.present.select_key(key)
        return True

    def check_out_selected(self) -> bool:
        row = self.present.selected()
        if row is None or not row.in_person:
            return False
        try:
            state = check_out(self.context.db, self.context.coop_id, self.meeting.id, row.key,
                              item_id=self.item_on_screen())
        except Refusal as refusal:
            self.say(refusal_text(refusal), RED)
            return False
        self.changed.emit(state)
        self.say(_("Checked out: {person}", person=person(row.key, row.name, self.register)), GREY)
        return True

    def add_proxy(self) -> ProxyDialog | None:
        if not self.proxies_allowed or not self.picture.known:
            return None
        if self._proxy_dialog is not None and not self._proxy_dialog.isVisible():
            self._proxy_dialog.deleteLater()
        dialog = ProxyDialog(self.context, self.meeting.id, self.picture, self.item_on_screen, self)
        dialog.saved.connect(self._proxy_saved)
        self._proxy_dialog = dialog
        dialog.open()
        return dialog

    def _proxy_saved(self, state: RoomState) -> None:
        self.changed.emit(state)
        self.say(_("Proxy recorded."), GREEN)

    def focus_field(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
