"""A co-op of 10 members on a real file, and the Capital area over it."""

from __future__ import annotations

import datetime as dt

import pytest

from coopdesk.domain.coop import BylawsSettings
from coopdesk.domain.members.details import MemberDetails
from coopdesk.services.coops import create_coop
from coopdesk.services.members.member import add_member
from coopdesk.ui.capital.page import CapitalPage
from coopdesk.ui.context import CoopContext
from tests.conftest import sample_profile
from tests.services.capital.conftest import JOINED

TODAY = dt.date.today()  # the dialogs date their entries today, as a secretary's do


@pytest.fixture
def context(sqlite_db):
    bylaws = BylawsSettings(instalments_allowed=True, refund_less_losses=True)
    info = create_coop(sqlite_db, sample_profile(bylaws=bylaws), adopted_on=dt.date(2025, 1, 1))
    for n in range(1, 11):
        add_member(sqlite_db, info.id, MemberDetails(f"조합원{n:02d}", "소비자"), joined_on=JOINED, today=TODAY)
    return CoopContext(sqlite_db, info)


@pytest.fixture
def page(qtbot, context):
    p = CapitalPage(context)
    qtbot.addWidget(p)
    p.resize(1200, 760)
    p.show()
    return p


def row_of(page: CapitalPage, number: int):
    row = page.model.row_of_number(number)
    assert row is not None
    return page.model.row_at(row)
