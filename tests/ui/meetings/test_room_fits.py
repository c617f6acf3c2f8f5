"""The meeting room fits a 1366×768 laptop at 125% scale (1,093 × 614 points), in both languages."""

import datetime as dt

import pytest

from coopdesk import i18n
from coopdesk.services.coops import get_coop
from coopdesk.services.demo import create_demo
from coopdesk.ui.context import CoopContext
from coopdesk.ui.workspace import Workspace

WIDTH, HEIGHT = 1093, 540  # 768 / 1.25, less the title bar, the menus and a taskbar


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_room_takes_the_whole_window_and_fits_a_small_laptop(qtbot, sqlite_db, language):
    i18n.set_language(language)
    coop = create_demo(sqlite_db, 15, today=dt.date(2026, 11, 21))  # its assembly has four closed items
    workspace = Workspace(CoopContext(sqlite_db, get_coop(sqlite_db, coop.id)), area="meetings")
    qtbot.addWidget(workspace)
    workspace.resize(WIDTH, HEIGHT)
    workspace.show()
    page = workspace.pages["meetings"]
    page.room_action.trigger()
    room = page.room
    room.item_panel.votes.by_roll.setChecked(True)  # the widest tab: a row of buttons per member
    assert not workspace.navigation.isVisible()
    hint = workspace.minimumSizeHint()
    assert hint.width() <= WIDTH and hint.height() <= HEIGHT, hint
    room.tabs.setCurrentIndex(1)  # times, signers and minutes
    assert workspace.minimumSizeHint().width() <= WIDTH
    room.back_button.click()
    assert workspace.navigation.isVisible()
