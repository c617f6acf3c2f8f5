"""The open co-op: a navigation of the areas that exist, and the chosen area's page.

A page is built, and its module imported, when its area is first shown: starting on the
member list does not pay for the meetings, officers and co-op pages (bench_startup.py).
The member register is always built, since the status bar counts its members.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget, QWidget

from coopdesk.i18n import N_, _
from coopdesk.ui.context import CoopContext

if TYPE_CHECKING:
    from coopdesk.services.members.first_screen import FirstScreen
    from coopdesk.ui.members.page import MembersPage


@dataclass(frozen=True, slots=True)
class Area:
    key: str
    label: str  # message id
    module: str  # where its page is, imported when the area is first shown
    page: str  # the page's class in it, made with the CoopContext


# Only areas that are built appear here: no placeholders for what is still to come.
AREAS: tuple[Area, ...] = (
    Area("members", N_("Members"), "coopdesk.ui.members.page", "MembersPage"),
    Area("meetings", N_("Meetings"), "coopdesk.ui.meetings.page", "MeetingsPage"),
    Area("officers", N_("Officers"), "coopdesk.ui.officers.page", "OfficersPage"),
    Area("education", N_("Education"), "coopdesk.ui.education.page", "EducationPage"),
    Area("coop", N_("Co-op profile"), "coopdesk.ui.coop_view", "CoopView"),
)
_KEYS = [a.key for a in AREAS]


class Workspace(QWidget):
    def __init__(self, context: CoopContext, area: str = "members", parent: QWidget | None = None,
                 first: FirstScreen | None = None) -> None:
        """``first``: the member list read before the database was opened, shown as it is."""
        super().__init__(parent)
        self.setObjectName("workspace")
        self.context = context
        self._first = first
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}  # the pages built so far
        for a in AREAS:
            self.navigation.addItem(_(a.label))
            self.stack.addWidget(QWidget())  # stands in for the page until it is first shown
        self.navigation.setStyleSheet("QListWidget::item { padding: 6px 10px; }")
        width = max(self.navigation.sizeHintForColumn(0), 80) + 40
        self.navigation.setFixedWidth(width)
        row.addWidget(self.navigation)
        row.addWidget(self.stack, 1)
        self.page("members")
        self.navigation.currentRowChanged.connect(self._area_chosen)
        self.show_area(area)

    def page(self, key: str) -> QWidget:
        """The area's page, built now if it has not been yet."""
        page = self.pages.get(key)
        if page is None:
            page = self._build(AREAS[_KEYS.index(key)])
        return page

    def _build(self, area: Area) -> QWidget:
        make = getattr(importlib.import_module(area.module), area.page)
        if area.key == "members":
            page = make(self.context, first=self._first)
            self._first = None  # read once: a later page of members reads the database
        else:
            page = make(self.context)
        index = _KEYS.index(area.key)
        stand_in = self.stack.widget(index)
        assert stand_in is not None
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        self.pages[area.key] = page
        full_screen = getattr(page, "full_screen", None)
        if full_screen is not None:  # the meeting room takes the whole window while it is open
            full_screen.connect(lambda on: self.navigation.setVisible(not on))
        return page

    def _area_chosen(self, row: int) -> None:
        if row >= 0:
            self.page(AREAS[row].key)
            self.stack.setCurrentIndex(row)

    @property
    def members_page(self) -> MembersPage:
        return self.page("members")  # type: ignore[return-value]

    @property
    def current_area(self) -> str:
        return AREAS[max(self.navigation.currentRow(), 0)].key

    def show_area(self, key: str) -> None:
        row = _KEYS.index(key) if key in _KEYS else 0
        if row == self.navigation.currentRow():
            self._area_chosen(row)
        else:
            self.navigation.setCurrentRow(row)
