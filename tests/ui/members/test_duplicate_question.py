"""The Add member form asks before saving someone who looks like a member already on the register
(the import's rule: same name and birth date, or same phone), and saves only when told to."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from coopdesk import i18n
from coopdesk.domain.members.details import MemberDetails
from coopdesk.services.coops import create_coop
from coopdesk.services.members.listing import list_members
from coopdesk.services.members.member import add_member
from coopdesk.ui.context import CoopContext
from coopdesk.ui.members.page import MembersPage
from tests.conftest import sample_profile


@pytest.fixture
def page(qtbot, sqlite_db):
    context = CoopContext(sqlite_db, create_coop(sqlite_db, sample_profile(), adopted_on=dt.date(2020, 1, 1)))
    add_member(sqlite_db, context.coop_id, MemberDetails("이서연", "소비자", phone="010-2222-3333"),
               joined_on=dt.date(2024, 3, 1))
    add_member(sqlite_db, context.coop_id, MemberDetails("김민준", "소비자", phone="010-1234-5678"),
               joined_on=dt.date(2024, 3, 1))
    p = MembersPage(context)
    qtbot.addWidget(p)
    p.show()
    return p


def names(page):
    return [m.name for m in list_members(page.context.db, page.context.coop_id)]


def fill_in_the_same_person(dialog):
    dialog.name_edit.setText("김민준")
    dialog.phone_edit.setText("010 1234 5678")


def answer(qtbot, dialog, text):
    qtbot.waitUntil(lambda: dialog.duplicate_question is not None and dialog.duplicate_question.isVisible())
    box = dialog.duplicate_question
    [button] = [b for b in box.buttons() if b.text() == text]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return box


def test_the_same_name_and_phone_is_asked_about_and_not_saved_when_declined(page, qtbot):
    dialog = page.add_member()
    fill_in_the_same_person(dialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    box = dialog.duplicate_question
    assert box is not None and box.isVisible()
    assert box.text() == ("This looks like a member already on the register: no. 2 김민준 (same phone number). "
                          "Add the new member all the same?")
    answer(qtbot, dialog, "Don't add")
    assert dialog.isVisible() and names(page) == ["이서연", "김민준"]  # nothing saved, the form still open


def test_added_when_the_secretary_says_it_is_someone_else(page, qtbot):
    dialog = page.add_member()
    fill_in_the_same_person(dialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    answer(qtbot, dialog, "Add all the same")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert names(page) == ["이서연", "김민준", "김민준"]


def test_someone_new_is_saved_without_a_question(page, qtbot):
    dialog = page.add_member()
    dialog.name_edit.setText("박지호")
    dialog.phone_edit.setText("010-7777-8888")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.duplicate_question is None and not dialog.isVisible()
    assert names(page)[-1] == "박지호"
    assert not [b for b in page.findChildren(QMessageBox) if b.isVisible()]


def test_the_question_in_korean(page, qtbot):
    i18n.set_language("ko")
    dialog = page.add_member()
    fill_in_the_same_person(dialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    box = dialog.duplicate_question
    assert box.text() == "이미 명부에 있는 조합원과 같아 보입니다: 2번 김민준(같은 전화번호). 그래도 추가할까요?"
    dialog.grab().save("/tmp/me/dup_dialog.png")
    box.grab().save("/tmp/me/dup_box.png")
    answer(qtbot, dialog, "추가하지 않음")
