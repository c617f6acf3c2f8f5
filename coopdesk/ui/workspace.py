"""The open co-op: a navigation of the areas that exist, and the chosen area's page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget, QWidget

from coopdesk.i18n import N_, _
from coopdesk.ui.context import CoopContext
from coopdesk.ui.coop_view import CoopView
from coopdesk.ui.meetings.page import MeetingsPage
from coopdesk.ui.members.page import MembersPage
from coopdesk.ui.officers.page import OfficersPage




@dataclass(frozen=True, slots=True)
class Area:
    key: str
    label: str  # message id
    make: Callable[[CoopContext], QWidget]


# Only areas that are built appear here: no placeholders for what is still to come.
AREAS: tuple[Area, ...] = (
    Area("members", N_("Members"), MembersPage),
    Area("meetings", N_("Meetings"), MeetingsPage),
    Area("officers", N_("Officers"), OfficersPage),
    Area("coop", N_("Co-op profile"), CoopView),
)


class Workspace(QWidget):
    def __init__(self, context: CoopContext, area: str = "members", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self.context = context
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        for a in AREAS:
            self.navigation.addItem(_(a.label))
            page = a.make(context)
            self.pages[a.key] = page
            self.stack.addWidget(page)
        self.navigation.setStyleSheet("QListWidget::item { padding: 6px 10px; }")
        width = max(self.navigation.sizeHintForColumn(0), 80) + 40
        self.navigation.setFixedWidth(width)
        row.addWidget(self.navigation)
        row.addWidget(self.stack, 1)
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        full_screen = getattr(self.pages.get("meetings"), "full_screen", None)
        if full_screen is not None:  # the meeting room takes the whole window while it is open
            full_screen.connect(lambda on: self.navigation.setVisible(not on))
        self.show_area(area)

    @property
    def members_page(self) -> MembersPage:
        page = self.pages["members"]
        assert isinstance(page, MembersPage)
        return page

    @property
    def current_area(self) -> str:
        return AREAS[max(self.navigation.currentRow(), 0)].key

    def show_area(self, key: str) -> None:
        keys = [a.key for a in AREAS]
        self.navigation.setCurrentRow(keys.index(key) if key in keys else 0)
