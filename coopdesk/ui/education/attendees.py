"""A session's list of attendees, keyboard first as at the meeting's check-in: type a name or a
member number and press Enter.

Each keystroke asks the database for a screenful of members who may attend that day (applicants
too), shown by the completer; Enter puts on the list the number typed, the member picked, or the
one member the name fits — two who both fit are never guessed between, the line says who they
are.  Each addition and removal is committed at once.  Someone not a member yet is added with
their birth date or phone (``GuestDialog``).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain.errors import Refusal
from coopdesk.i18n import _, current, refusal_text
from coopdesk.services.education.attendance import (
    AttendeeView,
    add_typed,
    find_attendable,
    list_attendees,
    remove_attendee,
)
from coopdesk.services.education.sessions import SessionView
from coopdesk.ui.context import CoopContext
from coopdesk.ui.education.guest_dialog import GuestDialog
from coopdesk.ui.education.texts import (
    MUTED_COLOUR,
    OK_COLOUR,
    WARNING_COLOUR,
    fill_row,
    plain_table,
)

NAME, NUMBER, TYPE, BIRTH, NOTE = range(5)
_NUMBER_ROLE = Qt.ItemDataRole.UserRole


class AttendeePanel(QWidget):
    changed = Signal()  # someone was added to or taken off the list

    def __init__(self, context: CoopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attendee_panel")
        self.context = context
        self.session: SessionView | None = None
        self.people: list[AttendeeView] = []
        self._guest_dialog: GuestDialog | None = None
        self._build()
        self.show_session(None)

    def _build(self) -> None:
        self.field = QLineEdit(self)
        self.field.setObjectName("attendee_field")
        self.field.setPlaceholderText(_("Name or member number + Enter"))
        self.field.setClearButtonEnabled(True)
        self.found = QStandardItemModel(self)
        completer = QCompleter(self.found, self)
        # the database filtered already: the list shows what it found, as it found it
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.activated[QModelIndex].connect(self._picked)  # type: ignore[index]
        self.field.setCompleter(completer)
        self.field.textEdited.connect(self.search)
        self.field.returnPressed.connect(self.commit)
        self.guest_button = QPushButton(_("Someone not a member yet…"), self)
        self.guest_button.setObjectName("add_guest")
        self.guest_button.clicked.connect(self.add_guest)
        self.status = QLabel(self)
        self.status.setObjectName("attendee_status")
        self.status.setWordWrap(True)
        self.caption = QLabel(self)
        self.table = plain_table([_("Name"), _("Member no."), _("Member type"), _("Birth date"), _("Note")], NOTE, self)
        self.table.setObjectName("attendee_table")
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.remove_button = QPushButton(_("Take off the list"), self)
        self.remove_button.setObjectName("remove_attendee")
        self.remove_button.clicked.connect(self.remove_selected)
        entry = QHBoxLayout()
        entry.addWidget(self.field, 1)
        entry.addWidget(self.guest_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.caption, 1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(entry)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    # -- showing ---------------------------------------------------------------------------
    def show_session(self, session: SessionView | None) -> None:
        """The chosen session's list (None: no session chosen)."""
        if session is None or self.session is None or session.id != self.session.id:
            self.say("", MUTED_COLOUR)
            self.field.clear()
        self.session = session
        self.people = list_attendees(self.context.db, self.context.coop_id, session.id) if session else []
        self.table.setRowCount(len(self.people))
        t = current()
        for row, p in enumerate(self.people):
            number = str(p.member_number) if p.is_member else _("Not a member")
            note = _("Attended before joining") if p.linked else ""
            fill_row(self.table, row, [p.name, number, p.member_type or "", t.date(p.birth_date), note], p.id)
        self.caption.setText(_("On the list: {count}", count=t.number(len(self.people))) if session else "")
        for widget in (self.field, self.guest_button):
            widget.setEnabled(session is not None)
        self._update_buttons()

    def say(self, text: str, colour: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {colour};")
        self.status.setVisible(bool(text))

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.selected() is not None)

    def selected(self) -> AttendeeView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.people[rows[0].row()] if rows and rows[0].row() < len(self.people) else None

    def names(self) -> list[str]:
        return [p.name for p in self.people]

    # -- typing ----------------------------------------------------------------------------
    def search(self, text: str) -> list[tuple[int, str]]:
        """Offer the members ``text`` names who may attend on the session's day."""
        self.found.clear()
        if self.session is None:
            return []
        found = find_attendable(self.context.db, self.context.coop_id, text.strip(), self.session.details.held_on)
        for number, name in found:
            item = QStandardItem(_("{number}. {name}", number=number, name=name))
            item.setData(number, _NUMBER_ROLE)
            item.setEditable(False)
            self.found.appendRow(item)
        return found

    def _picked(self, index: QModelIndex) -> None:
        """A member picked in the completer: on the list at once."""
        number = index.data(_NUMBER_ROLE)
        if number is not None:
            self.add(str(number))

    def commit(self) -> bool:
        """Enter: what is typed names one member, or the line says why not."""
        text = self.field.text().strip()
        if not text or self.session is None:
            return False
        return self.add(text)

    def add(self, typed: str) -> bool:
        assert self.session is not None
        try:
            person = add_typed(self.context.db, self.context.coop_id, self.session.id, typed)
        except Refusal as refusal:
            self.say(refusal_text(refusal), WARNING_COLOUR)
            self.field.selectAll()  # the next name typed replaces it
            return False
        self.field.clear()
        self.found.clear()
        self.say(_("On the list: {name} (member {number})", name=person.name, number=person.member_number), OK_COLOUR)
        self._changed()
        return True

    # -- the others ------------------------------------------------------------------------
    def add_guest(self) -> GuestDialog | None:
        if self.session is None:
            return None
        if self._guest_dialog is not None and not self._guest_dialog.isVisible():
            self._guest_dialog.deleteLater()
        dialog = GuestDialog(self.context, self.session.id, self)
        dialog.saved.connect(self._guest_added)
        self._guest_dialog = dialog
        dialog.open()
        return dialog

    def _guest_added(self, person: AttendeeView) -> None:
        self.say(_("On the list: {name} (not a member)", name=person.name), OK_COLOUR)
        self._changed()

    def remove_selected(self) -> bool:
        person = self.selected()
        if person is None or self.session is None:
            return False
        try:
            remove_attendee(self.context.db, self.context.coop_id, self.session.id, person.id)
        except Refusal as refusal:
            self.say(refusal_text(refusal), WARNING_COLOUR)
            return False
        self.say(_("Taken off the list: {name}", name=person.name), MUTED_COLOUR)
        self._changed()
        return True

    def _changed(self) -> None:
        if self.session is not None:
            self.show_session(self.session)  # the list as the database holds it now
        self.changed.emit()
