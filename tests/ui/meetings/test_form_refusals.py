"""A meeting's text that cannot be printed is shown under the field it is about, and the form
stays open with nothing saved."""

from __future__ import annotations

import datetime as dt

import pytest

from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.members.details import MemberDetails
from coopdesk.services.coops import create_coop
from coopdesk.services.meetings.agenda import list_items
from coopdesk.services.meetings.attendance import attendance_of
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting, list_meetings
from coopdesk.services.members.member import add_member
from coopdesk.ui.context import CoopContext
from coopdesk.ui.meetings.page import MeetingsPage
from coopdesk.ui.meetings.room import MeetingRoom
from tests.conftest import sample_profile

HELD = dt.date.today() + dt.timedelta(days=30)


@pytest.fixture
def context(sqlite_db):
    context = CoopContext(sqlite_db, create_coop(sqlite_db, sample_profile(), adopted_on=dt.date(2020, 1, 1)))
    for name in ("김민준", "이서연", "박도윤"):
        add_member(sqlite_db, context.coop_id, MemberDetails(name, "소비자"), joined_on=dt.date(2024, 3, 1))
    return context


@pytest.fixture
def page(qtbot, context):
    p = MeetingsPage(context)
    qtbot.addWidget(p)
    p.show()
    return p


@pytest.fixture
def assembly(context, page):
    m = create_meeting(context.db, context.coop_id, MeetingInput(MeetingKind.EXTRAORDINARY_ASSEMBLY, "임시총회", HELD))
    page.reload()
    assert page.select_meeting(m.id)
    return m


def test_a_title_too_long_to_print_is_shown_under_the_title(page, context):
    dialog = page.new_meeting()
    dialog.title_edit.setText("가" * 100_000)  # a line edit keeps 32,767 of them: still far too many
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert dialog.errors.message("title") == "The title is too long (at most 200 characters)."
    assert list_meetings(context.db, context.coop_id) == []


@pytest.mark.parametrize("widget, field", [("place_edit", "place"), ("convened_edit", "convened_by"),
                                           ("chair_edit", "chair_name")])
def test_a_hidden_character_is_shown_under_its_field(page, context, widget, field):
    dialog = page.new_meeting()
    getattr(dialog, widget).setText("조합\x1b사무실")
    dialog.ok_button.click()
    assert dialog.isVisible() and "U+001B" in dialog.errors.message(field)
    assert list_meetings(context.db, context.coop_id) == []


def test_an_item_s_title_with_a_hidden_character_is_shown_under_the_title(page, assembly, context):
    dialog = page.add_item()
    dialog.title_edit.setText("\u202e인승 획계업사")
    dialog.ok_button.click()
    assert dialog.isVisible() and "U+202E" in dialog.errors.message("title")
    assert list_items(context.db, context.coop_id, assembly.id) == []


def test_a_family_member_s_name_is_refused_next_to_who_holds_the_proxy(qtbot, context, assembly):
    room = MeetingRoom(context, assembly.id)
    qtbot.addWidget(room)
    room.show()
    dialog = room.check_in.add_proxy()
    dialog.choose(dialog.principal_combo, 1)
    dialog.by_family.setChecked(True)
    dialog.family_name.setText("김\x00가족")
    dialog.lives_with.setChecked(True)
    dialog.proof.setChecked(True)
    dialog.ok_button.click()
    assert dialog.isVisible() and "The family member's name contains" in dialog.errors.message("holder")
    assert attendance_of(context.db, context.coop_id, assembly.id).proxies == ()
