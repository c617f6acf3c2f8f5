"""How ``coopdesk`` opens its co-op file: the member list first, the database layer while idle.

The first screen is read without SQLAlchemy, only the member register's page is built,
and the other pages (and their modules) wait until they are first shown.  What a process
has imported is seen only in a fresh process, so those checks run one.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from coopdesk.domain.errors import Refusal
from coopdesk.domain.members.details import MemberDetails
from coopdesk.services.coops import create_coop
from coopdesk.services.demo import create_demo
from coopdesk.services.files import Reason, list_backups, open_database
from coopdesk.services.members.member import NewMember, add_members_in
from coopdesk.ui.app import create_main_window
from coopdesk.ui.context import CoopContext
from coopdesk.ui.meetings.page import MeetingsPage
from coopdesk.ui.members.page import MembersPage
from coopdesk.ui.workspace import AREAS
from coopdesk.ui.workspace import Workspace
from tests.conftest import sample_profile

ROOT = Path(__file__).resolve().parents[2]
WATCHED = ("sqlalchemy", "sqlalchemy.dialects.postgresql", "coopdesk.ui.meetings.page", "coopdesk.ui.officers.page",
           "coopdesk.ui.coop_view")

# A fresh process opens the file as `coopdesk --db FILE` does, and says what it has imported
# at three moments: the first screen shown, the database opened, the meetings page shown.
START = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QEventLoop, QTimer
    from coopdesk.ui.app import application, create_main_window

    def say(moment, window):
        members = window.workspace.members_page.model.total
        print(json.dumps({"moment": moment, "members": members, "open": window.context.is_open,
                          "imported": [m for m in %(watched)r if m in sys.modules]}), flush=True)

    app = application()
    window = create_main_window(language="en")
    window.show()
    app.processEvents()
    assert window.open_first_screen(sys.argv[1])
    say("first screen", window)
    loop = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: window.context.is_open and loop.quit())
    poll.start(5)
    loop.exec()
    say("opened", window)
    window.workspace.show_area("meetings")
    say("meetings", window)
    window.close()
""") % {"watched": WATCHED}


@pytest.fixture
def demo_file(tmp_path) -> Path:
    path = tmp_path / "햇살.coopdesk"
    db = open_database(path)
    create_demo(db, members=15)
    db.close()
    return path


def test_the_first_screen_needs_neither_sqlalchemy_nor_the_other_pages(demo_file):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", START, str(demo_file)], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    said = {line["moment"]: line for line in map(json.loads, done.stdout.splitlines())}
    assert said["first screen"] == {"moment": "first screen", "members": 15, "open": False, "imported": []}
    assert said["opened"]["open"] and said["opened"]["imported"] == ["sqlalchemy"]
    assert said["meetings"]["imported"] == ["sqlalchemy", "coopdesk.ui.meetings.page"]  # never PostgreSQL's


def test_coopdesk_shows_the_list_then_opens_the_file_with_its_backup_while_idle(qtbot, demo_file):
    window = create_main_window(db_target=str(demo_file), language="en", open_later=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.context is not None, timeout=5000)
    assert window.workspace is not None and window.workspace.members_page.model.total == 15
    assert "햇살.coopdesk" in window.windowTitle() and window.count_label.text() == "12 members on the register"
    assert window.menu_actions.backup.isEnabled()  # a co-op file, even before its database opens
    qtbot.waitUntil(lambda: window.context.is_open, timeout=30_000)
    (backup,) = list_backups(window.context.db)
    assert backup.reason is Reason.OPEN  # the file as it was found, as the ordinary open makes it


def test_an_action_before_the_database_has_opened_opens_it_at_once(qtbot, demo_file):
    window = create_main_window(language="en")
    qtbot.addWidget(window)
    assert window.open_first_screen(str(demo_file))
    assert not window.context.is_open  # the window is not shown: nothing has been painted
    members = window.workspace.members_page
    members.select_number(3)
    dialog = members.edit_selected()
    assert dialog is not None and window.context.is_open
    qtbot.addWidget(dialog)
    assert dialog.name_edit.text() == members.model.row_at(2).name


def test_a_file_with_several_co_ops_is_left_to_the_ordinary_open(qtbot, tmp_path):
    path = tmp_path / "advisor.coopdesk"
    db = open_database(path)
    create_coop(db, sample_profile())
    create_coop(db, sample_profile(name="달빛협동조합"))
    db.close()
    window = create_main_window(language="en")
    qtbot.addWidget(window)
    assert not window.open_first_screen(str(path))
    assert window.context is None and window.welcome is not None


def test_a_large_register_is_read_from_the_file_in_a_thread_then_the_database_opens(qtbot, sqlite_db,
                                                                                    monkeypatch):
    from coopdesk.ui.members import page as page_module

    coop = create_coop(sqlite_db, sample_profile())
    with sqlite_db.write() as s:
        add_members_in(s, coop.id, [NewMember(MemberDetails(f"조합원{i}", "소비자"), dt.date(2025, 1, 1))
                                    for i in range(40)], 30, "member.import")
    monkeypatch.setattr(page_module, "BACKGROUND_LOAD_ABOVE", 10)
    assert sqlite_db.path is not None
    window = create_main_window(language="en")
    qtbot.addWidget(window)
    window.show()
    assert window.open_first_screen(str(sqlite_db.path))
    members = window.workspace.members_page
    assert members.loading and not members.table.isEnabled()
    qtbot.waitUntil(lambda: not members.loading and members.model.total == 40, timeout=10_000)
    assert members.table.isEnabled() and members.model.row_at(0).name == "조합원0"
    qtbot.waitUntil(lambda: window.context.is_open, timeout=30_000)


def test_pages_are_built_when_first_shown_and_kept(qtbot, sqlite_db):
    context = CoopContext(sqlite_db, create_coop(sqlite_db, sample_profile()))
    workspace = Workspace(context)
    qtbot.addWidget(workspace)
    # the year's page a co-op opens on, and the member register the status bar counts
    assert set(workspace.pages) == {"year", "members"} and isinstance(workspace.members_page, MembersPage)
    workspace.show_area("meetings")
    meetings = workspace.pages["meetings"]
    assert isinstance(meetings, MeetingsPage) and workspace.stack.currentWidget() is meetings
    workspace.show_area("members")
    workspace.show_area("meetings")
    assert workspace.pages["meetings"] is meetings and set(workspace.pages) == {"year", "members", "meetings"}
    areas = len(AREAS)  # one place in the stack for each area, built or not
    assert workspace.stack.count() == areas and all(isinstance(workspace.stack.widget(i), QWidget)
                                                    for i in range(areas))


def _made_newer(path: Path) -> None:
    """Another, newer CoopDesk upgraded the file meanwhile (its schema is one this one does not know)."""
    import sqlite3

    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")


def test_a_file_that_no_longer_opens_is_refused_and_the_co_op_closes(qtbot, demo_file):
    window = create_main_window(language="en")
    qtbot.addWidget(window)
    window.show()
    assert window.open_first_screen(str(demo_file))
    _made_newer(demo_file)
    qtbot.waitUntil(lambda: window.context is None, timeout=30_000)
    assert window.welcome is not None
    (box,) = [b for b in window.findChildren(QMessageBox, "refusal") if b.isVisible()]
    assert "newer version of CoopDesk" in box.text()


def test_an_action_on_a_file_that_no_longer_opens_is_refused_and_the_co_op_closes(qtbot, demo_file):
    window = create_main_window(language="en")
    qtbot.addWidget(window)
    assert window.open_first_screen(str(demo_file))
    _made_newer(demo_file)
    members = window.workspace.members_page
    members.select_number(1)
    with pytest.raises(Refusal):
        members.edit_selected()  # the form reads the member: it asks for the database
    qtbot.waitUntil(lambda: window.context is None and window.welcome is not None, timeout=5000)
