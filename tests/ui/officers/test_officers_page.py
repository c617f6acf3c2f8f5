"""The officer register page, driven as a secretary would, over a real co-op file."""

from __future__ import annotations

import datetime as dt

import pytest

from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.officers.terms import ChosenBy, Office
from coopdesk.services.coops import create_coop
from coopdesk.services.members.member import add_member
from coopdesk.services.officers.terms import list_terms
from coopdesk.ui.context import CoopContext
from coopdesk.ui.officers.page import OFFICE, STATUS, OfficersPage
from coopdesk.ui.workspace import Workspace
from tests.conftest import sample_profile

NAMES = ("김민준", "이서연", "박도윤", "최하은")


@pytest.fixture
def context(sqlite_db):
    context = CoopContext(sqlite_db, create_coop(sqlite_db, sample_profile(), adopted_on=dt.date(2020, 1, 1)))
    for name in NAMES:
        add_member(sqlite_db, context.coop_id, MemberDetails(name, "소비자"), joined_on=dt.date(2024, 3, 1))
    return context


@pytest.fixture
def page(qtbot, context):
    p = OfficersPage(context)
    qtbot.addWidget(p)
    p.resize(900, 600)
    p.show()
    return p


def add_through_dialog(page: OfficersPage, office: Office, member: int | None = None, name: str = "",
                       days_ago: int = 0):
    dialog = page.add_term()
    assert dialog.isVisible()
    if days_ago:
        dialog.start_edit.setDate(dialog.start_edit.date().addDays(-days_ago))
    dialog.set_office(office)
    if member is not None:
        dialog.choose_member(member)
    else:
        dialog.is_outsider.setChecked(True)
        dialog.name_edit.setText(name)
    dialog.ok_button.click()
    return dialog


def check_text(page: OfficersPage) -> str:
    return page.check_label.text()


def test_a_board_entered_through_the_dialog_makes_the_register_meet_the_act(page, context):
    assert "Auditors in office" in check_text(page) and "Directors in office" in check_text(page)
    dialog = add_through_dialog(page, Office.CHAIR, 1)
    assert not dialog.isVisible()
    text = check_text(page)
    assert "Breach of the Act: Directors in office on" in text and "1, the chair included" in text
    assert "Act 34①" in text and "#b00020" in text  # breaches in red, with the article
    assert "There is no chair" not in text

    add_through_dialog(page, Office.DIRECTOR, 2)
    add_through_dialog(page, Office.DIRECTOR, name="한 외부")
    add_through_dialog(page, Office.AUDITOR, 4)
    text = check_text(page)
    assert "meets the Act" in text and "Breach" not in text
    assert "may do without a board" in text  # four members: fewer than ten
    assert page.shown() == ["김민준", "이서연", "한 외부 (not a member)", "최하은"]
    assert page.shown(OFFICE) == ["Chair", "Director", "Director", "Auditor"]
    assert set(page.shown(STATUS)) == {"In office"}
    # the dialog's default term runs the bylaws' two years from today
    term = list_terms(context.db, context.coop_id)[0].term
    assert (term.start, term.chosen_by) == (dt.date.today(), ChosenBy.ELECTED)
    assert term.end.year == dt.date.today().year + 2


def test_an_auditor_who_is_a_director_is_refused_in_the_dialog_and_nothing_is_saved(page, context):
    add_through_dialog(page, Office.DIRECTOR, 2)
    dialog = add_through_dialog(page, Office.AUDITOR, 2)
    assert dialog.isVisible()  # still open, to be put right
    message = dialog.errors.message("office")
    assert "An auditor cannot be a director or the chair" in message and "Act 44②" in message
    assert len(list_terms(context.db, context.coop_id)) == 1
    assert page.shown() == ["이서연"]
    dialog.choose_member(4)  # the secretary picks someone else: now it saves
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert page.shown() == ["이서연", "최하은"]


def test_a_term_too_long_is_shown_by_its_date(page, context):
    dialog = page.add_term()
    dialog.choose_member(1)
    dialog.end_edit.setDate(dialog.end_edit.date().addYears(1))
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert "The bylaws set an officer's term at 2 years" in dialog.errors.message("end")
    dialog.chosen_combo.setCurrentIndex(dialog.chosen_combo.findData(ChosenBy.VACANCY.value))
    assert dialog.predecessor_end.isEnabled()
    assert list_terms(context.db, context.coop_id) == []


def test_ending_a_term_early_shows_it_ended(page, context):
    add_through_dialog(page, Office.DIRECTOR, 3, days_ago=30)
    page.select_term(list_terms(context.db, context.coop_id)[0].id)
    assert page.end_action.isEnabled()
    dialog = page.end_selected()
    dialog.date_edit.setDate(dialog.date_edit.date().addDays(-1))  # left yesterday
    dialog.note_edit.setText("사임")
    dialog.accept()
    assert not dialog.isVisible()
    assert page.shown(STATUS) == ["Ended"]
    assert not page.end_action.isEnabled()


def test_the_workspace_lists_officers_after_members(qtbot, context):
    workspace = Workspace(context, area="officers")
    qtbot.addWidget(workspace)
    navigation = workspace.navigation
    names = [navigation.item(i).text() for i in range(navigation.count())]
    assert names[0] == "The year" and names.index("Members") < names.index("Meetings") < names.index("Officers")
    assert workspace.current_area == "officers"
    assert isinstance(workspace.pages["officers"], OfficersPage)
