"""The import window lists every problem of a bad row, each at its line and column, and imports nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from coopdesk import i18n
from coopdesk.services.coops import create_coop
from coopdesk.services.members.listing import list_members
from coopdesk.ui.context import CoopContext
from coopdesk.ui.members.page import MembersPage
from tests.conftest import sample_profile
from tests.support.jobs import wait_for_job
from tests.ui.members.test_import_dialog import workbook

ROWS = [
    ["김민준", "소비자", dt.date(1980, 5, 1), "010-1234-5678", dt.date(2024, 3, 1)],
    ["이서연", "학생", "1990-13-01", "전화 없음", dt.date(2024, 3, 1)],  # line 3: three problems
]


@pytest.fixture
def page(qtbot, sqlite_db):
    context = CoopContext(sqlite_db, create_coop(sqlite_db, sample_profile(), adopted_on=dt.date(2020, 1, 1)))
    p = MembersPage(context)
    qtbot.addWidget(p)
    p.resize(900, 600)
    p.show()
    return p


@pytest.mark.parametrize("language", ["en", "ko"])
def test_every_problem_of_a_row_is_listed_at_its_column(page, qtbot, tmp_path, language):
    i18n.set_language(language)
    dialog = page.import_members(workbook(tmp_path / "명단.xlsx", ROWS))
    qtbot.waitUntil(lambda: dialog.preview is not None)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.problems.isVisible())
    wait_for_job(qtbot, dialog)
    assert [line for line, _reason in dialog.problem_rows()] == ["3", "3", "3"]
    if language == "en":
        assert dialog.problem_columns() == ["B (조합원유형)", "C (생년월일)", "D (연락처)"]
        assert dialog.problem_summary.text() == "Nothing was imported. Rows with problems: 1."
    else:
        assert dialog.problem_columns() == ["B열(조합원유형)", "C열(생년월일)", "D열(연락처)"]
        dialog.grab().save("/tmp/me/import_problems_ko.png")
    assert list_members(page.context.db, page.context.coop_id) == []
