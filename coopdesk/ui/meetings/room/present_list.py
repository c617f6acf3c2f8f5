"""Who is present, as the check-in column lists them: in person, or by proxy through whom."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from coopdesk.domain.meetings.rules import Register
from coopdesk.i18n import _
from coopdesk.services.meetings.state import AttendanceView
from coopdesk.ui.meetings.room.wording import GREY, person

NUMBER, NAME, HOW = range(3)


@dataclass(frozen=True, slots=True)
class PresentRow:
    key: int
    name: str
    how: str
    in_person: bool  # only those here in person can be checked out
    counts: bool = True  # a proxy whose holder is not here does not count


def present_rows(view: AttendanceView) -> list[PresentRow]:
    names, register = view.names, view.register
    held = {p.holder: p for p in view.proxies if p.holder is not None}
    rows = []
    for key in view.in_person:
        how = _("In person")
        if key in held:
            p = held[key]
            how = _("In person; holds the proxy of {principal}",
                    principal=person(p.principal, p.principal_name, register))
        rows.append(PresentRow(key, names.get(key, ""), how, True))
    for p in view.proxies:
        if p.holder is None:
            how = _("By proxy: {holder}, family member living with them", holder=p.holder_name)
        elif p.counts:
            how = _("By proxy: held by {holder}", holder=person(p.holder, p.holder_name, register))
        else:
            how = _("Proxy not counted: {holder} is not here", holder=person(p.holder, p.holder_name, register))
        rows.append(PresentRow(p.principal, p.principal_name, how, False, p.counts))
    return sorted(rows, key=lambda r: (not r.counts, r.key))


class PresentTable(QTableWidget):
    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("present_table")
        self.rows: list[PresentRow] = []
        self.setHorizontalHeaderLabels([_("No."), _("Name"), _("How")])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(NUMBER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HOW, QHeaderView.ResizeMode.Stretch)
        if register is Register.DIRECTORS:
            self.hideColumn(NUMBER)  # a director is named by their term, not a number anyone knows

    def fill(self, view: AttendanceView) -> None:
        self.rows = present_rows(view)
        self.setRowCount(len(self.rows))
        for row, r in enumerate(self.rows):
            for column, text in ((NUMBER, str(r.key)), (NAME, r.name), (HOW, r.how)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.key)
                item.setToolTip(r.how)
                if not r.counts:
                    item.setForeground(QColor(GREY))
                self.setItem(row, column, item)

    def selected(self) -> PresentRow | None:
        rows = self.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def select_key(self, key: int) -> bool:
        for row, r in enumerate(self.rows):
            if r.key == key:
                self.selectRow(row)
                return True
        return False

    def shown(self, column: int = NAME) -> list[str]:
        return [self.item(r, column).text() for r in range(self.rowCount())]
