"""The dialog that prints the year's capital papers: the report of members and paid-in capital and the
appropriation statement, over a real co-op file; the last year ended offered first, the file name
following the choices, a refusal shown under the form with nothing written."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader

from coopdesk.domain.members.details import MemberDetails
from coopdesk.services.capital.ledger import NewSubscription, pay, subscribe_many
from coopdesk.services.capital.reports import CapitalReportKind
from coopdesk.services.capital.surplus import YearInput, enter_year, last_ended_year
from coopdesk.services.coops import create_coop
from coopdesk.services.members.member import add_member
from coopdesk.ui.capital.reports_dialog import (
    CapitalReportsDialog,
    open_capital_reports_dialog,
)
from coopdesk.ui.context import CoopContext
from tests.conftest import sample_profile

D = dt.date


@pytest.fixture
def context(sqlite_db):
    coop = create_coop(sqlite_db, sample_profile(), adopted_on=D(2025, 1, 1))
    for name in ("김민준", "이서연", "박도윤", "최하은"):
        add_member(sqlite_db, coop.id, MemberDetails(name, "소비자"), joined_on=D(2025, 1, 2))
    subscribe_many(sqlite_db, coop.id, [NewSubscription(n, 10, D(2025, 1, 2)) for n in range(1, 5)])
    for n in range(1, 5):
        pay(sqlite_db, coop.id, n, 100_000, on=D(2025, 1, 3))
    return CoopContext(sqlite_db, coop)


def test_last_ended_year():
    assert last_ended_year(1, D(2026, 3, 1)) == 2025
    assert last_ended_year(7, D(2026, 6, 30)) == 2024 and last_ended_year(7, D(2026, 7, 1)) == 2025


def test_the_paper_and_the_year_name_the_file(context, qtbot):
    dialog = CapitalReportsDialog(context, None)
    qtbot.addWidget(dialog)
    dialog.set_language("ko")
    dialog.year_spin.setValue(2025)
    assert dialog.path_edit.text().endswith("2025 회계연도 조합원 수 및 납입출자금 신고서.pdf")
    dialog.set_paper(CapitalReportKind.APPROPRIATION)
    assert dialog.path_edit.text().endswith("2025 회계연도 잉여금처분안.pdf")
    dialog.path_edit.setText("/tmp/mine.pdf")  # a name the user chose stays
    dialog.year_spin.setValue(2024)
    assert dialog.path_edit.text() == "/tmp/mine.pdf"


def print_and_wait(dialog, qtbot, path, *, refused: bool = False) -> None:
    """Print, and wait until the job's thread is gone (deleted once finished), so the dialog
    can be deleted after the test without a thread still running under it."""
    from PySide6.QtCore import QObject

    dialog.path_edit.setText(str(path))
    dialog.print_button.click()
    if refused:
        qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=30_000)
    else:
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
    qtbot.waitUntil(lambda: dialog.findChild(QObject, "job") is None, timeout=30_000)


def test_the_year_report_in_korean(context, qtbot, tmp_path):
    dialog = open_capital_reports_dialog(context, None)
    qtbot.addWidget(dialog)
    dialog.set_language("ko")
    dialog.year_spin.setValue(2025)
    print_and_wait(dialog, qtbot, tmp_path / "report.pdf")
    text = PdfReader(tmp_path / "report.pdf").pages[0].extract_text()
    assert "조합원 수 및 납입출자금 신고서" in text and "400,000원" in text and dialog.result_.pages == 1


def test_an_appropriation_without_figures_is_refused_then_printed(context, qtbot, tmp_path):
    dialog = open_capital_reports_dialog(context, None)
    qtbot.addWidget(dialog)
    dialog.set_paper(CapitalReportKind.APPROPRIATION)
    dialog.year_spin.setValue(2025)
    path = tmp_path / "a.pdf"
    print_and_wait(dialog, qtbot, path, refused=True)
    assert dialog.isVisible() and not path.exists()
    assert "No figures are entered for fiscal year 2025" in dialog.errors.labels["fiscal_year"].text()
    enter_year(context.db, context.coop_id, YearInput(2025, 1_000_000))
    print_and_wait(dialog, qtbot, path)
    assert "Appropriation of the surplus" in PdfReader(path).pages[0].extract_text()
