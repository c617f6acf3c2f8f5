"""Every vote recorded for an item, oldest first: a correction keeps what it replaced."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from coopdesk.i18n import _, current
from coopdesk.services.meetings.readings import VoteView

RECORDED, YES, NO, ABSTAIN, HOW, REASON = range(6)


class HistoryTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.setObjectName("vote_history")
        self.setHorizontalHeaderLabels([_("Recorded"), _("For"), _("Against"), _("Abstain"), _("Method"), _("Reason")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)

    def fill(self, votes: list[VoteView]) -> None:
        t = current()
        self.setRowCount(len(votes))
        for row, v in enumerate(votes):
            how = _("Correction") if v.supersedes is not None and v.reason else (
                _("Roll call") if v.roll_call else _("Show of hands"))
            when = f"{t.date(v.recorded_at.date())} {v.recorded_at.strftime('%H:%M')}"
            cells = (when, t.number(v.yes), t.number(v.no), t.number(v.abstain),
                     how, v.reason)
            for column, text in enumerate(cells):
                self.setItem(row, column, QTableWidgetItem(text))

    def rows(self) -> list[tuple[str, ...]]:
        return [tuple(self.item(r, c).text() for c in range(self.columnCount())) for r in range(self.rowCount())]
