"""The open co-op: a navigation of the areas that exist, and the chosen area's page.

A page is built, and its module imported, when its area is first shown: starting on the
year's page (오늘 할 일) does not pay for the meetings, officers and co-op pages (bench_startup.py).
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
    shown_if: str = ""  # "module:function(context) -> bool", asked once the database is open; "": always shown


# Only areas that are built appear here: no placeholders for what is still to come.
AREAS: tuple[Area, ...] = (
    Area("year", N_("The year"), "coopdesk.ui.year.page", "YearPage"),  # 오늘 할 일: what the law expects next
    Area("members", N_("Members"), "coopdesk.ui.members.page", "MembersPage"),
    Area("capital", N_("Capital"), "coopdesk.ui.capital.page", "CapitalPage"),
    Area("meetings", N_("Meetings"), "coopdesk.ui.meetings.page", "MeetingsPage"),
    Area("officers", N_("Officers"), "coopdesk.ui.officers.page", "OfficersPage"),
    Area("education", N_("Education"), "coopdesk.ui.education.page", "EducationPage"),
    Area("coop", N_("Co-op profile"), "coopdesk.ui.coop_view", "CoopView"),
    # 설립: a co-op in founding, or registered with its founding as its first chapter
    Area("founding", N_("Founding"), "coopdesk.ui.founding.page", "FoundingPage", "coopdesk.ui.founding.shown:shown"),
)
_KEYS = [a.key for a in AREAS]
HEARD_AS_COOP = frozenset({"coop", "members", "capital"})  # see Workspace.reload
FIRST_AREA = "year"  # what a co-op opens on
# How an area's page selects what a task of the year is about (the year page's "Go to …").
# Meetings and terms by their id, members by their number.
_SELECT = {"meetings": "select_meeting", "officers": "select_term", "members": "select_number",
           "capital": "select_number"}


class Workspace(QWidget):
    def __init__(self, context: CoopContext, area: str | None = None, parent: QWidget | None = None,
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
        self._hide_areas_not_shown()
        self.show_area(area or FIRST_AREA)

    def _hide_areas_not_shown(self) -> None:
        """An area with a condition is hidden until the open database says it applies; asked again
        when its data changes (a founding started elsewhere)."""
        if not any(a.shown_if for a in AREAS):
            return
        for row, a in enumerate(AREAS):
            if a.shown_if:
                self.navigation.setRowHidden(row, True)
        if self.context.is_open:
            self._ask_shown()
        else:  # never open the database for this: the first screen waits for nothing
            self.context.opened.connect(self._ask_shown)
        self.context.changed.connect(lambda area: self._ask_shown() if area in ("founding", "members") else None)

    def _ask_shown(self) -> None:
        for row, a in enumerate(AREAS):
            if a.shown_if:
                module, function = a.shown_if.split(":")
                shown = getattr(importlib.import_module(module), function)(self.context)
                self.navigation.setRowHidden(row, not shown)

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
        follow = getattr(page, "follow", None)
        if follow is not None:  # the year page's tasks lead to the area that deals with them
            follow.connect(self.follow)
        full_screen = getattr(page, "full_screen", None)
        if full_screen is not None:  # the meeting room takes the whole window while it is open
            full_screen.connect(lambda on: self.navigation.setVisible(not on))
        return page

    def reload(self) -> None:
        """Every page reads the database again (View ▸ Reload: a change made elsewhere).

        Pages already read again when ``changed`` names an area they show, keeping what is
        selected; so the co-op is read first (its name and bylaws, which pages use), then
        the other areas are named.  Not "members" nor "capital": whatever shows them hears
        "coop" too (the member list, the Capital page, officers, education, the year,
        founding) or another area named here (the meeting room: "meetings"; which areas are
        shown: "founding"), and naming them again would read a large register twice.  A
        page that is not built yet reads when first shown; a large register is read in a
        thread, as on any change.  Raises a Refusal if the co-op is no longer in the database."""
        self.context.reload_coop()  # names "coop"
        for a in AREAS:
            if a.key not in HEARD_AS_COOP:
                self.context.notify(a.key)

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

    def follow(self, key: str, target: int | None = None) -> None:
        """Show an area and, where its page can, select the meeting, term or member ``target``."""
        if key not in _KEYS:
            return
        self.show_area(key)
        select = getattr(self.page(key), _SELECT.get(key, ""), None)
        if target is not None and select is not None:
            select(target)
