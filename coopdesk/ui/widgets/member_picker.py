"""A box to pick a member on the register by typing their number or part of their name.

Each keystroke asks the database for at most a screenful of members on the register on
the form's day, so the box costs the same for 15 members as for 100,000; a list of every
member would take seconds to read and fill at that size, with the window frozen.  Down
shows the members found (the first ones while nothing is typed).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from coopdesk.i18n import _
from coopdesk.services.members.current import find_on_register, on_register_by_number
from coopdesk.ui.context import CoopContext

_NUMBER_ONLY = re.compile(r"(\d+)\.?")
_NUMBER_ROLE = Qt.ItemDataRole.UserRole


def member_label(number: int, name: str) -> str:
    return _("{number}. {name}", number=number, name=name)


class MemberPicker(QLineEdit):
    """``day()`` is the day the member must be on the register (a term's first day, a meeting's)."""

    def __init__(self, context: CoopContext, day: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("member_picker")
        self.context = context
        self.day = day
        self._chosen: tuple[int, str] | None = None  # (number, label) picked or set
        self.found = QStandardItemModel(self)
        completer = QCompleter(self.found, self)
        # the database filtered already: the list shows what it found, as it found it
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.activated[QModelIndex].connect(self._picked)  # type: ignore[index]
        self.setCompleter(completer)
        self.textEdited.connect(self.search)
        self.setPlaceholderText(_("Member number or name"))

    # -- finding ---------------------------------------------------------------------------
    def search(self, text: str) -> list[tuple[int, str]]:
        """Find the members ``text`` names and offer them (the completer shows them as typed)."""
        found = find_on_register(self.context.db, self.context.coop_id, text.strip(), self.day())
        self.found.clear()
        for number, name in found:
            item = QStandardItem(member_label(number, name))
            item.setData(number, _NUMBER_ROLE)
            item.setEditable(False)
            self.found.appendRow(item)
        return found

    def any_member(self) -> bool:
        """Whether anybody is on the register on the day (a form starts on "a member" then)."""
        return bool(find_on_register(self.context.db, self.context.coop_id, "", self.day(), limit=1))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        popup = self.completer().popup()
        if event.key() == Qt.Key.Key_Down and popup is not None and not popup.isVisible():
            self.search(self.text())
            self.completer().complete()
            return
        super().keyPressEvent(event)

    def _picked(self, index: QModelIndex) -> None:
        number = index.data(_NUMBER_ROLE)
        if number is not None:
            self._chosen = (int(number), str(index.data()))
            self.setText(self._chosen[1])

    # -- what forms and tests read and set -------------------------------------------------
    def choose(self, number: int, name: str = "") -> None:
        """Show member ``number``; ``name`` labels a former member, on an old record being corrected."""
        found = on_register_by_number(self.context.db, self.context.coop_id, number, self.day())
        self._chosen = (number, member_label(number, found[1] if found else name))
        self.setText(self._chosen[1])

    def number(self) -> int | None:
        """The member picked or found, or the number typed; None when the text names nobody."""
        text = self.text().strip()
        if not text:
            return None
        if self._chosen is not None and text == self._chosen[1]:
            return self._chosen[0]
        for row in range(self.found.rowCount()):
            item = self.found.item(row)
            if item.text() == text:
                return int(item.data(_NUMBER_ROLE))
        typed = _NUMBER_ONLY.fullmatch(text)
        return int(typed.group(1)) if typed else None
