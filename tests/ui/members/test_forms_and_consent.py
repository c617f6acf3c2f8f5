"""The member page's membership forms and the consent to the use of personal data, over a real co-op
file: the consent date in the member dialog (and its refusal), the box that shows only the members
without a recorded consent with its count from the database, and *Print form…* blank or filled."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QObject, Qt

from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.members.forms import FormKind
from coopdesk.services.coops import create_coop
from coopdesk.services.members.member import add_member, get_member
from coopdesk.ui.context import CoopContext
from coopdesk.ui.members.page import MembersPage
from tests.conftest import sample_profile

NAMES = ("김민준", "이서연", "김서윤", "박도윤")


@pytest.fixture
def context(sqlite_db):
    coop = create_coop(sqlite_db, sample_profile(), adopted_on=dt.date(2020, 1, 1))
    for name in NAMES:
        add_member(sqlite_db, coop.id, MemberDetails(name, "소비자", dt.date(1980, 1, 1)), joined_on=dt.date(2024, 3, 1))
    return CoopContext(sqlite_db, coop)


@pytest.fixture
def page(qtbot, context):
    p = MembersPage(context)
    qtbot.addWidget(p)
    p.resize(1100, 600)
    p.show()
    return p


def shown(page: MembersPage) -> list[str]:
    return [page.model.row_at(r).name for r in range(page.model.shown)]


def test_a_consent_date_is_saved_and_the_members_without_one_are_shown(page, context, qtbot):
    box = page.filters.consent_filter
    assert box.isVisibleTo(page) and box.text() == "No consent to personal data (4)"
    page.select_number(2)
    dialog = page.edit_selected()
    dialog.consent_date.set_value(dt.date(2024, 3, 1))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert get_member(context.db, context.coop_id, 2).details.privacy_consent_on == dt.date(2024, 3, 1)
    assert box.text() == "No consent to personal data (3)"
    box.setChecked(True)
    assert shown(page) == ["김민준", "김서윤", "박도윤"]
    box.setChecked(False)
    assert page.model.shown == 4


def test_a_consent_before_the_birth_is_refused_next_to_its_field(page, context, qtbot):
    page.select_number(1)
    dialog = page.edit_selected()
    dialog.consent_date.set_value(dt.date(1979, 12, 31))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "before the member's birth" in dialog.errors.message("privacy_consent_on")
    assert get_member(context.db, context.coop_id, 1).details.privacy_consent_on is None


def print_and_wait(dialog, qtbot, path) -> None:
    dialog.path_edit.setText(str(path))
    dialog.print_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
    qtbot.waitUntil(lambda: dialog.findChild(QObject, "job") is None, timeout=30_000)


def test_forms_print_blank_or_for_the_selected_member(page, qtbot, tmp_path):
    dialog = page.print_form()  # nobody selected: blank only
    assert dialog.blank.isChecked() and not dialog.blank.isEnabled()
    assert dialog.path_edit.text().endswith("Membership application (blank).pdf")
    print_and_wait(dialog, qtbot, tmp_path / "blank.pdf")
    text = PdfReader(tmp_path / "blank.pdf").pages[0].extract_text()
    assert "Membership application" in text and "김민준" not in text

    page.select_number(3)
    dialog = page.print_form()
    assert not dialog.blank.isChecked() and dialog.blank.isEnabled()
    dialog.set_kind(FormKind.WITHDRAWAL)
    dialog.set_language("ko")
    assert dialog.path_edit.text().endswith("조합원 탈퇴신청서 3 김서윤.pdf")
    print_and_wait(dialog, qtbot, tmp_path / "w.pdf")
    text = PdfReader(tmp_path / "w.pdf").pages[0].extract_text()
    assert "조합원 탈퇴신청서" in text and "김서윤" in text and "1980년 1월 1일" in text
