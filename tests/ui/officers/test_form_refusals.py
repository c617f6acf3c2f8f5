"""An officer's typed name that cannot be printed is shown under the officer, with nothing saved."""

from __future__ import annotations

import datetime as dt

from coopdesk.domain.officers.terms import Office
from coopdesk.services.coops import create_coop
from coopdesk.services.officers.terms import list_terms
from coopdesk.ui.context import CoopContext
from coopdesk.ui.officers.page import OfficersPage
from tests.conftest import sample_profile


def test_a_hidden_character_in_an_outsider_s_name_is_shown_under_the_officer(qtbot, sqlite_db):
    context = CoopContext(sqlite_db, create_coop(sqlite_db, sample_profile(), adopted_on=dt.date(2020, 1, 1)))
    page = OfficersPage(context)
    qtbot.addWidget(page)
    page.show()
    dialog = page.add_term()
    dialog.set_office(Office.AUDITOR)
    dialog.is_outsider.setChecked(True)
    dialog.name_edit.setText("한\x1b외부")
    dialog.ok_button.click()
    assert dialog.isVisible() and "U+001B" in dialog.errors.message("person")
    assert list_terms(context.db, context.coop_id) == []
