"""The bylaws in the co-op's profile, through the real widgets, in Korean: the secretary writes
down the purpose, prints the bylaws, proposes an amendment with new words from the agenda
dialog and prints its comparison table for the notice."""

import dataclasses
import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QLabel, QPushButton

from coopdesk import i18n
from coopdesk.domain.meetings.kinds import MeetingKind, Subject
from coopdesk.services.bylaws.texts import get_texts
from coopdesk.services.coops import create_coop
from coopdesk.services.meetings.agenda import list_items
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting
from coopdesk.ui.context import CoopContext
from coopdesk.ui.coop_view import CoopView
from coopdesk.ui.meetings.item_dialog import ItemDialog
from tests.conftest import sample_profile
from tests.support.jobs import wait_for_job

PRINT_TIMEOUT = 30_000  # ms: the PDF is written off the GUI thread
PURPOSE = "마을 주민이 함께 먹거리를 마련하여 조합원의 살림을 돕는 것을 목적으로 한다."


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "".join("".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture
def view(qtbot, sqlite_db):
    i18n.set_language("ko")
    coop = create_coop(sqlite_db, sample_profile(), adopted_on=dt.date(2025, 1, 1))
    context = CoopContext(sqlite_db, coop)
    shown = CoopView(context)
    qtbot.addWidget(shown)
    return shown


def button(view: CoopView, name: str) -> QPushButton:
    found = view.widget().findChild(QPushButton, name)
    assert found is not None, name
    return found


def print_to(qtbot, dialog, target: Path) -> Path:
    dialog.path_edit.setText(str(target))
    dialog.print_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible() or dialog.errors.message() != "", timeout=PRINT_TIMEOUT)
    wait_for_job(qtbot, dialog)
    assert not dialog.isVisible(), dialog.errors.message()
    return target


def test_the_secretary_writes_down_the_purpose_and_prints_the_bylaws(qtbot, view, tmp_path):
    button(view, "edit_texts").click()
    dialog = view._dialog
    assert dialog.isVisible() and dialog.windowTitle() == "정관 문안"
    assert "법 제45조①" in dialog.findChild(QLabel, "required_businesses").text()
    dialog.set_text("purpose", "   ")
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.errors.message("purpose") == "조합의 목적을 적으세요. (법 제16조①)"
    dialog.set_text("purpose", PURPOSE)
    dialog.set_text("founders", "김민준\n이서연\n\n박지호")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    texts = get_texts(view.context.db, view.context.coop_id)
    assert texts.purpose == PURPOSE and texts.founders == ("김민준", "이서연", "박지호")
    shown = [label.text() for label in view.widget().findChildren(QLabel)]
    assert PURPOSE in shown and "김민준, 이서연, 박지호" in shown  # the page was drawn again

    button(view, "print_bylaws").click()
    printing = view._dialog
    assert printing.language() == "ko" and printing.path_edit.text().endswith("햇살마을협동조합 정관 (1).pdf")
    printing.set_language("en")
    assert printing.path_edit.text().endswith("햇살마을협동조합 Bylaws (1).pdf")  # the name follows the language
    printing.set_language("ko")
    text = pdf_text(print_to(qtbot, printing, tmp_path / "정관.pdf"))
    for words in ("햇살마을협동조합정관", "제1조(목적)이조합은" + "".join(PURPOSE.split()), "출자1좌의금액은10,000원",
                  "총회개최7일전까지", "발기인", "김민준", "박지호"):
        assert words in text, words


def test_an_amendment_proposes_new_words_and_its_comparison_table_prints_for_the_notice(qtbot, view, tmp_path):
    context = view.context
    meeting = create_meeting(context.db, context.coop_id, MeetingInput(
        MeetingKind.EXTRAORDINARY_ASSEMBLY, "2026년 임시총회", dt.date(2026, 9, 19)))
    from coopdesk.services.meetings.meeting import get_meeting

    item = ItemDialog(context, get_meeting(context.db, context.coop_id, meeting.id))
    qtbot.addWidget(item)
    item.set_subject(Subject.BYLAWS_AMENDMENT)
    assert item.wording_note.text() == "문안(목적, 사업 등)은 그대로입니다."
    item.bylaws_form.set_value("share_price", 20_000)
    wording = item.edit_wording()
    assert wording.windowTitle() == "변경할 정관 문안" and not wording.edits["founders"].isVisibleTo(wording)
    wording.set_text("businesses", "조합원을 위한 공동구매 사업\n마을 카페 운영 사업")
    wording.ok_button.click()
    assert not wording.isVisible() and item.wording_note.text() == "변경: 사업."
    item.proposal_edit.setPlainText("마을 카페 사업을 시작하고 출자금을 현실화한다.")
    item.ok_button.click()
    assert not item.isVisible(), item.errors.message()
    (added,) = list_items(context.db, context.coop_id, meeting.id)
    assert added.subject is Subject.BYLAWS_AMENDMENT

    view.refresh()  # the profile lists the proposal, with its table
    button(view, f"comparison_item_{added.id}").click()
    dialog = view._dialog
    assert dialog.path_edit.text().endswith("햇살마을협동조합 정관 신구조문 대비표.pdf")
    text = pdf_text(print_to(qtbot, dialog, tmp_path / "대비표.pdf"))
    for words in ("정관신구조문대비표", "현행", "개정(안)", "10,000원", "20,000원", "마을카페운영사업",
                  "출자1좌의금액변경", "사업의종류변경", "개정이유", "마을카페사업을시작하고"):
        assert words in text, words
    assert get_texts(context.db, context.coop_id).businesses == ("조합원을 위한 공동구매 사업",)  # not yet adopted


def test_every_version_prints_from_its_own_row(qtbot, view):
    button(view, "print_version_1").click()
    dialog = view._dialog
    assert dialog.version() == 1 and dialog.version_combo.count() == 1
    assert "시행" in dialog.version_combo.currentText()
    dialog.reject()
    assert dataclasses.replace(get_texts(view.context.db, view.context.coop_id)).founders == ()
