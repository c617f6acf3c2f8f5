"""Importing a capital list in the window: the member import's dialog with the capital fields, every
bad row listed by its line and nothing imported, then the corrected file imported whole."""

from __future__ import annotations

from coopdesk.services.capital.ledger import ledger_entries
from tests.support.jobs import wait_for_job
from tests.ui.capital.conftest import row_of

HEADER = "조합원번호,출자좌수,출자일,납입액,납입일\n"


def test_a_bad_row_stops_the_whole_import_and_the_corrected_file_goes_in(qtbot, context, page, tmp_path):
    bad = tmp_path / "출자현황.csv"
    rows = "".join(f"{n},10,2025-01-02,100000,2025-01-03\n" for n in range(1, 11))
    bad.write_text(HEADER + rows.replace("4,10,", "4,열,") + "10,10,2025-13-40,0,\n", encoding="utf-8")
    dialog = page.import_capital(bad)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    assert dialog.windowTitle() == "Import a capital list"
    assert dialog.mapping() == {"member": 0, "shares": 1, "subscribed_on": 2, "paid": 3, "paid_on": 4, "note": None}
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.problems.isVisible(), timeout=10_000)
    wait_for_job(qtbot, dialog)
    assert [line for line, _reason in dialog.problem_rows()] == ["5", "12"]
    assert ledger_entries(context.db, context.coop_id) == []  # all or nothing

    good = tmp_path / "출자현황-고침.csv"
    good.write_text(HEADER + rows, encoding="utf-8")
    dialog.load(good)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    dialog.start_import()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    wait_for_job(qtbot, dialog)
    assert "Imported 10 subscriptions" in page.notice.text()
    assert (row_of(page, 7).shares, row_of(page, 7).paid) == (10, 100_000)
