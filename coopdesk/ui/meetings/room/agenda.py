"""The agenda down the side of the room, each item with its state: open, passed, rejected, reported."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from coopdesk.domain.meetings.kinds import ResolutionKind
from coopdesk.i18n import N_, _
from coopdesk.services.meetings.results import ItemResult
from coopdesk.services.meetings.agenda import ItemView
from coopdesk.ui.meetings.room.wording import GREEN, GREY, RED

OPEN, PASSED, REJECTED, REPORTED = N_("open"), N_("passed"), N_("rejected"), N_("reported")
# An election names people: elected, or seats left unfilled — never passed or rejected.
ELECTED, UNFILLED, NOBODY = N_("elected"), N_("seats unfilled"), N_("nobody elected")
_COLOURS = {OPEN: "#202124", PASSED: GREEN, REJECTED: RED, REPORTED: GREY, ELECTED: GREEN, UNFILLED: RED,
            NOBODY: RED}


def state_of(item: ItemView, result: ItemResult | None) -> str:
    """The state word (a message id) of an item: a closed item says how it ended."""
    if not item.closed:
        return OPEN
    if item.kind is ResolutionKind.REPORT or result is None or result.passed is None:
        return REPORTED
    if result.election_seats is not None:
        elected, seats = result.election_seats
        return ELECTED if elected >= seats else (NOBODY if elected == 0 else UNFILLED)
    if item.kind is ResolutionKind.ELECTION:
        return ELECTED if result.passed else NOBODY
    return PASSED if result.passed else REJECTED


class AgendaList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agenda_list")
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setStyleSheet("QListWidget::item { padding: 4px 2px; }")
        self.items: list[ItemView] = []

    def fill(self, items: list[ItemView], results: dict[int, ItemResult]) -> None:
        chosen = self.current_id()
        self.blockSignals(True)
        self.clear()
        self.items = list(items)
        for item in items:
            entry = QListWidgetItem(self)
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.show_state(entry, item, results.get(item.id))
        self.blockSignals(False)
        if chosen is not None:
            self.select_id(chosen)

    def show_state(self, entry: QListWidgetItem, item: ItemView, result: ItemResult | None) -> None:
        state = state_of(item, result)
        entry.setText(_("{position}. {title}", position=item.position, title=item.title) + "\n    " + _(state))
        entry.setForeground(QColor(_COLOURS[state]))
        entry.setData(Qt.ItemDataRole.UserRole + 1, state)

    def update_item(self, item: ItemView, result: ItemResult | None) -> None:
        for row, known in enumerate(self.items):
            if known.id == item.id:
                self.items[row] = item
                self.show_state(self.item(row), item, result)

    def current_id(self) -> int | None:
        entry = self.currentItem()
        return None if entry is None else int(entry.data(Qt.ItemDataRole.UserRole))

    def current_view(self) -> ItemView | None:
        row = self.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def select_id(self, item_id: int) -> bool:
        for row, item in enumerate(self.items):
            if item.id == item_id:
                self.setCurrentRow(row)
                return True
        return False

    def states(self) -> list[str]:
        """The state of every item, as message ids (for tests)."""
        return [str(self.item(r).data(Qt.ItemDataRole.UserRole + 1)) for r in range(self.count())]

    def step(self, by: int) -> None:
        if self.count():
            self.setCurrentRow(max(0, min(self.count() - 1, self.currentRow() + by)))
