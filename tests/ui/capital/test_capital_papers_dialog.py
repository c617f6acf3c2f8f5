"""The capital print dialog over a real co-op file: a member's certificate from the member chosen
on the page, the file name following the paper and the language, every member's certificates,
the register as of a day, and a paper about a member refused until one is chosen."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader

from coopdesk import i18n
from coopdesk.domain.members.details import MemberDetails
from coopdesk.services.capital.ledger import NewSubscription, pay, subscribe_many
from coopdesk.services.capital.printing import CapitalPaperKind
from coopdesk.services.coops import create_coop
from coopdesk.services.members.member import add_member
from coopdesk.ui.capital.papers import open_capital_print_dialog
from coopdesk.ui.context import CoopContext
from tests.conftest import sample_profile
from tests.support.jobs import wait_for_job

D = dt.date
NAMES = ("김민준", "이서연", "박도윤", "최하은")


@pytest.fixture
def context(sqlite_db):
    coop = create_coop(sqlite_db, sample_profile(), adopted_on=D(2025, 1, 1))
    for name in NAMES:
        add_member(sqlite_db, coop.id, MemberDetails(name, "소비자"), joined_on=D(2025, 1, 2))
    subscribe_many(sqlite_db, coop.id, [NewSubscription(n, 10, D(2025, 1, 2)) for n in range(1, 5)])
    for n in range(1, 4):  # member 4 has not paid yet
        pay(sqlite_db, coop.id, n, 100_000, on=D(2025, 1, 3))
    return CoopContext(sqlite_db, coop)


def print_now(dialog, qtbot, path):
    dialog.path_edit.setText(str(path))
    dialog.print_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    wait_for_job(qtbot, dialog)  # the printing thread has ended before the dialog is deleted
    return PdfReader(path)


def test_the_chosen_members_certificate_in_korean(context, qtbot, tmp_path):
    dialog = open_capital_print_dialog(context, None, member_number=2)
    qtbot.addWidget(dialog)
    assert dialog.paper() is CapitalPaperKind.CERTIFICATE and dialog.member.text() == "2. 이서연"
    assert dialog.path_edit.text().endswith(" Share certificate 2 이서연.pdf")
    dialog.set_language("ko")  # the suggested name follows the document's language
    assert dialog.path_edit.text().endswith(" 출자증서 2 이서연.pdf")
    (page,) = print_now(dialog, qtbot, tmp_path / "one.pdf").pages
    text = page.extract_text()
    assert "이서연" in text and "금 일십만원정" in text and "김민준" not in text


def test_every_members_certificates_and_the_register(context, qtbot, tmp_path):
    dialog = open_capital_print_dialog(context, None)
    qtbot.addWidget(dialog)
    assert dialog.everyone.isChecked() and not dialog.member_row.isVisibleTo(dialog)
    assert len(print_now(dialog, qtbot, tmp_path / "all.pdf").pages) == 3  # member 4 has paid nothing

    dialog = open_capital_print_dialog(context, None)
    qtbot.addWidget(dialog)
    dialog.set_paper(CapitalPaperKind.REGISTER)
    assert dialog.as_of.isVisibleTo(dialog) and not dialog.everyone.isVisibleTo(dialog)
    dialog.as_of.setDate(D(2025, 1, 2))  # subscribed, not yet paid
    text = "".join(print_now(dialog, qtbot, tmp_path / "register.pdf").pages[0].extract_text().split())
    assert "Capitalregister" in text and "AsofJanuary2,2025" in text and "400,000" in text


def test_a_statement_waits_for_a_member(context, qtbot, tmp_path):
    dialog = open_capital_print_dialog(context, None)
    qtbot.addWidget(dialog)
    dialog.set_paper(CapitalPaperKind.STATEMENT)
    assert dialog.member_row.isVisibleTo(dialog)
    dialog.path_edit.setText(str(tmp_path / "s.pdf"))
    dialog.print_button.click()
    assert dialog.isVisible() and dialog.errors.labels["member"].text() == "Choose the member the paper is about."
    dialog.member.setText("4")  # typed: member 4's statement shows what they owe
    dialog.print_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    wait_for_job(qtbot, dialog)  # the printing thread has ended before the dialog is deleted
    text = "".join(PdfReader(tmp_path / "s.pdf").pages[0].extract_text().split())
    assert "최하은" in text and "Wonzeroonly" in text and "₩100,000" in text


def test_a_refusal_is_shown_under_the_form(context, qtbot, tmp_path):
    dialog = open_capital_print_dialog(context, None, member_number=1)
    qtbot.addWidget(dialog)
    dialog.set_paper(CapitalPaperKind.REFUND)
    dialog.path_edit.setText(str(tmp_path / "r.pdf"))
    dialog.print_button.click()
    qtbot.waitUntil(lambda: dialog.errors.labels["member"].isVisibleTo(dialog), timeout=20_000)
    wait_for_job(qtbot, dialog)  # the printing thread has ended before the dialog is deleted
    assert "has not left" in dialog.errors.labels["member"].text() and not (tmp_path / "r.pdf").exists()


def test_the_dialog_speaks_korean(context, qtbot):
    i18n.set_language("ko")
    dialog = open_capital_print_dialog(context, None, member_number=1)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "출자금 서류 인쇄" and dialog.paper_combo.itemText(0) == "출자증서"
