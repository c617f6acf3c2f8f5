"""Date columns show the whole date, in Korean with its final dot ("2026. 2. 28."): the officer
register's start and end, the capital ledger's date and an instalment's due day are as wide as
the language's widest date, with air, whatever rows they hold (sized from a sample, never by
measuring every row)."""

from __future__ import annotations

import pytest

from coopdesk import i18n
from coopdesk.services.demo import create_demo
from coopdesk.ui.capital.page import CapitalPage
from coopdesk.ui.context import CoopContext
from coopdesk.ui.officers.page import END, START, OfficersPage


@pytest.fixture
def korean_demo(sqlite_db):
    i18n.set_language("ko")
    try:
        yield CoopContext(sqlite_db, create_demo(sqlite_db))
    finally:
        i18n.set_language("en")


def room_for(view, column: int) -> int:
    """How much wider the column is than the widest Korean date (a two-digit month and day)."""
    metrics = view.fontMetrics()
    return view.horizontalHeader().sectionSize(column) - metrics.horizontalAdvance("2088. 12. 28.")


def test_the_officer_register_shows_whole_dates(qtbot, korean_demo):
    page = OfficersPage(korean_demo)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    table = page.table
    assert table.rowCount() > 0 and table.item(0, START).text().endswith(".")
    digit = table.fontMetrics().horizontalAdvance("0")
    for column in (START, END):
        assert room_for(table, column) >= digit  # the cell's margins and some air besides
    page.grab().save("/tmp/window_shots/officers_test.png")


def test_the_capital_ledger_shows_whole_dates_before_and_after_a_member_is_chosen(qtbot, korean_demo):
    page = CapitalPage(korean_demo)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    ledger = page.ledger
    empty = ledger.entries.horizontalHeader().sectionSize(1)
    assert page.select_number(12)  # paying in instalments, one of them late
    qtbot.waitUntil(lambda: ledger.ledger is not None)
    assert ledger.entries.item(0, 1).text().endswith(".")
    assert ledger.entries.horizontalHeader().sectionSize(1) == empty  # the column does not jump
    digit = ledger.entries.fontMetrics().horizontalAdvance("0")
    assert room_for(ledger.entries, 1) >= digit and room_for(ledger.instalments, 0) >= digit
    ledger.grab().save("/tmp/window_shots/ledger_test.png")
