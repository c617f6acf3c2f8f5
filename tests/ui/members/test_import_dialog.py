"""The import window when rows match members already on the register: listed, then a choice."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import Qt

from coopdesk.domain.members.details import MemberDetails
from coopdesk.services.coops import create_coop
from coopdesk.services.members.listing import list_members
from coopdesk.services.members.member import add_member
from coopdesk.ui.context import CoopContext
from coopdesk.ui.members.page import MembersPage
from tests.conftest import sample_profile
from tests.support.jobs import wait_for_job

HEADINGS = ["이름", "조합원유형", "생년월일", "연락처", "가입일"]
ROWS = [
    ["김민준", "소비자", dt.date(1980, 5, 1), "", dt.date(2024, 3, 1)],   # line 2: on the register
    ["정우성", "소비자", None, "010-1111-2222", dt.date(2024, 3, 1)],      # line 3: new
    ["이 서연", "생산자", None, "01022223333", dt.date(2024, 3, 1)],       # line 4: same phone as no. 2
]


@pytest.fixture
def context(sqlite_db):
    context = CoopContext(sqlite_db, create_coop(sqlite_db, sample_profile(), adopted_on=dt.date(2020, 1, 1)))
    add_member(sqlite_db, context.coop_id, MemberDetails("김민준", "소비자", dt.date(1980, 5, 1)),
               joined_on=dt.date(2024, 3, 1))
    add_member(sqlite_db, context.coop_id, MemberDetails("이서연", "생산자", phone="010-2222-3333"),
               joined_on=dt.date(2024, 3, 1))
    return context


@pytest.fixture
def page(qtbot, context):
    p = MembersPage(context)
    qtbot.addWidget(p)
    p.resize(900, 600)
    p.show()
    return p


def workbook(path, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADINGS)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def refused(qtbot, page, path):
    dialog = page.import_members(path)
    qtbot.waitUntil(lambda: dialog.preview is not None)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.existing_choice.isVisible())
    wait_for_job(qtbot, dialog)
    return dialog


def names(context):
    return [m.name for m in list_members(context.db, context.coop_id)]


def test_rows_already_on_the_register_are_listed_and_nothing_is_imported(page, context, qtbot, tmp_path):
    dialog = refused(qtbot, page, workbook(tmp_path / "명단.xlsx", ROWS))
    assert dialog.problem_summary.text() == (
        "Nothing was imported. Rows that match members already on the register: 2; new rows: 1.")
    assert dialog.problem_rows() == [
        ("2", "Already on the register: member no. 1, 김민준 (same name and birth date)."),
        ("4", "Already on the register: member no. 2, 이서연 (same phone number).")]
    assert dialog.skip_button.isEnabled() and dialog.allow_button.isEnabled()
    assert names(context) == ["김민준", "이서연"] and page.model.total == 2


def test_the_secretary_imports_only_the_new_rows(page, context, qtbot, tmp_path):
    dialog = refused(qtbot, page, workbook(tmp_path / "명단.xlsx", ROWS))
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_for_job(qtbot, dialog)
    assert (dialog.outcome.count, dialog.outcome.skipped, dialog.outcome.first_number) == (1, 2, 3)
    assert names(context) == ["김민준", "이서연", "정우성"] and page.model.total == 3


def test_the_secretary_imports_every_row_anyway(page, context, qtbot, tmp_path):
    dialog = refused(qtbot, page, workbook(tmp_path / "명단.xlsx", ROWS))
    qtbot.mouseClick(dialog.allow_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_for_job(qtbot, dialog)
    assert names(context) == ["김민준", "이서연", "김민준", "정우성", "이 서연"] and page.model.total == 5


def test_with_no_new_row_only_importing_anyway_is_offered(page, context, qtbot, tmp_path):
    dialog = refused(qtbot, page, workbook(tmp_path / "명단.xlsx", [ROWS[0], ROWS[2]]))
    assert not dialog.skip_button.isEnabled() and dialog.allow_button.isEnabled()
    dialog.set_mapping("phone", None)  # another choice of columns: the old answer no longer holds
    assert not dialog.existing_choice.isVisible() and not dialog.problems.isVisible()
    assert names(context) == ["김민준", "이서연"]
