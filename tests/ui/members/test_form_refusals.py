"""Text that cannot be printed and days out of order are shown under the field they are about,
and the form stays open with nothing saved."""

from __future__ import annotations

import datetime as dt

import pytest

from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.members.standing import EventKind
from coopdesk.services.coops import create_coop
from coopdesk.services.members.listing import list_members
from coopdesk.services.members.member import add_member, get_member
from coopdesk.ui.context import CoopContext
from coopdesk.ui.members.page import MembersPage
from tests.conftest import sample_profile


@pytest.fixture
def page(qtbot, sqlite_db):
    context = CoopContext(sqlite_db, create_coop(sqlite_db, sample_profile(), adopted_on=dt.date(2020, 1, 1)))
    p = MembersPage(context)
    qtbot.addWidget(p)
    p.show()
    return p


def test_an_escape_pasted_into_the_name_is_shown_under_the_name(page):
    dialog = page.add_member()
    dialog.name_edit.setText("김\x1b[0m민준")
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert dialog.errors.message("name").startswith("The name contains a hidden character")
    assert "U+001B" in dialog.errors.message("name") and dialog.errors.message() == ""
    assert list_members(page.context.db, page.context.coop_id) == []


def test_a_control_character_in_the_notes_is_shown_under_the_notes(page):
    dialog = page.add_member()
    dialog.name_edit.setText("김민준")
    dialog.notes_edit.setPlainText("주말\x07 배송")
    dialog.ok_button.click()
    assert dialog.isVisible() and "U+0007" in dialog.errors.message("notes")


def test_an_event_dated_before_joining_is_shown_under_its_date(page):
    context = page.context
    add_member(context.db, context.coop_id, MemberDetails("김민준", "소비자"), joined_on=dt.date(2024, 3, 1))
    context.notify("members")
    page.select_number(1)
    dialog = page.record_event()
    dialog.set_kind(EventKind.DECEASED)
    dialog.date_edit.setDate(dt.date(2024, 2, 1))
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert dialog.errors.message("on").startswith("This event cannot be dated before the member joined")
    dialog.date_edit.setDate(dt.date(2024, 3, 1))
    dialog.note_edit.setText("사망\x00")
    dialog.ok_button.click()
    assert dialog.isVisible() and "U+0000" in dialog.errors.message("note")
    assert len(get_member(context.db, context.coop_id, 1).events) == 1
