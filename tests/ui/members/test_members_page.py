"""The member register page, driven as a secretary would, over a real co-op file."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.members.standing import EventKind, MemberStatus
from coopdesk.services.coops import create_coop
from coopdesk.services.members.listing import list_members
from coopdesk.services.members.member import add_member, get_member, record_event
from coopdesk.ui.context import CoopContext
from coopdesk.ui.members.member_view import MemberViewDialog
from coopdesk.ui.members.model import NAME, NUMBER, STATUS
from coopdesk.ui.members.page import MembersPage
from tests.conftest import sample_profile
from tests.support.jobs import wait_for_job


PEOPLE = [  # name, type, phone, e-mail
    ("김민준", "소비자", "010-1234-5678", "minjun@example.kr"),
    ("이서연", "생산자", "010-2222-3333", ""),
    ("김서윤", "소비자", "", "seoyun@naver.com"),
    ("박도윤", "소비자", "02-333-4444", ""),
]


@pytest.fixture
def context(sqlite_db):
    return CoopContext(sqlite_db, create_coop(sqlite_db, sample_profile(), adopted_on=dt.date(2020, 1, 1)))


@pytest.fixture
def page(qtbot, context):
    p = MembersPage(context)
    qtbot.addWidget(p)
    p.resize(900, 600)
    p.show()
    return p


@pytest.fixture
def people(context, page):
    """Four members added through the services, as another window would; the page reloads."""
    for name, type_, phone, email in PEOPLE:
        add_member(context.db, context.coop_id, MemberDetails(name, type_, phone=phone, email=email),
                   joined_on=dt.date(2024, 3, 1))
    context.notify("members")
    return page


def type_into(qtbot, field, text: str) -> None:
    """Keys as a user types them; Hangul arrives as a Korean input method commits it,
    syllable by syllable (QTest's key clicks know only ASCII keys)."""
    field.setFocus()
    for char in text:
        if char.isascii():
            qtbot.keyClicks(field, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(field, event)


def shown(page: MembersPage, column: int = NAME) -> list[str]:
    m = page.model
    return [m.data(m.index(r, column)) for r in range(m.rowCount())]


def visible_notices(page: MembersPage) -> list[QMessageBox]:
    return [box for box in page.findChildren(QMessageBox) if box.isVisible()]


def test_adding_a_member_through_the_form(page, context, qtbot):
    dialog = page.add_member()
    assert dialog.isVisible()
    type_into(qtbot, dialog.name_edit, "김민준")
    dialog.type_combo.setCurrentText("생산자")
    dialog.birth_date.not_given.setChecked(False)
    dialog.birth_date.edit.setDate(dt.date(1985, 4, 12))
    type_into(qtbot, dialog.phone_edit, "010-1234-5678")
    type_into(qtbot, dialog.email_edit, "Minjun@Example.kr")
    type_into(qtbot, dialog.address_edit, "서울특별시 마포구 성미산로 10")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    assert shown(page, NUMBER) == ["1"] and shown(page) == ["김민준"]
    assert shown(page, STATUS) == ["Member"]
    assert page.count_label.text() == "1 of 1 member"
    saved = get_member(context.db, context.coop_id, 1)
    assert (saved.details.member_type, saved.details.birth_date, saved.details.email) == (
        "생산자", dt.date(1985, 4, 12), "minjun@example.kr")
    assert page.selected_number() == 1


def test_an_application_only_member_is_an_applicant(page, context, qtbot):
    dialog = page.add_member()
    type_into(qtbot, dialog.name_edit, "최하은")
    dialog.application_only.setChecked(True)
    assert not dialog.joined_edit.isEnabled() and dialog.applied_edit.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert shown(page, STATUS) == ["Applicant"]
    assert get_member(context.db, context.coop_id, 1).standing.joined_on is None


def test_a_bad_e_mail_keeps_the_form_open_and_adds_nobody(page, context, qtbot):
    dialog = page.add_member()
    type_into(qtbot, dialog.name_edit, "김민준")
    type_into(qtbot, dialog.email_edit, "minjun at example")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert dialog.errors.message("email") == "\u201cminjun at example\u201d is not an e-mail address."
    assert dialog.errors.message("name") == ""
    assert page.model.total == 0 and list_members(context.db, context.coop_id) == []
    dialog.email_edit.clear()  # corrected, it goes through
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and shown(page) == ["김민준"]


def test_a_form_without_a_name_points_at_the_name(page, qtbot):
    dialog = page.add_member()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.errors.message("name") == "The member needs a name."


def test_editing_a_member_changes_the_row(people, context, qtbot):
    page = people
    page.select_number(2)
    dialog = page.edit_selected()
    assert dialog.name_edit.text() == "이서연"
    dialog.name_edit.clear()
    type_into(qtbot, dialog.name_edit, "이서연희")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert shown(page)[1] == "이서연희"
    assert get_member(context.db, context.coop_id, 2).name == "이서연희"


def test_search_as_you_type_narrows_the_list(people, qtbot):
    page = people
    assert page.count_label.text() == "4 of 4 members"
    type_into(qtbot, page.search_box, "김")
    assert shown(page) == ["김민준", "김서윤"] and page.count_label.text() == "2 of 4 members"
    type_into(qtbot, page.search_box, "서")
    assert shown(page) == ["김서윤"]
    page.search_box.clear()
    type_into(qtbot, page.search_box, "01022223333")  # phone digits, dashes left out
    assert shown(page) == ["이서연"]
    page.search_box.setText("NAVER.com")
    assert shown(page) == ["김서윤"]
    page.search_box.setText("4")
    assert shown(page, NUMBER) == ["1", "4"]  # number 4, and 010-1234-5678
    page.search_box.clear()
    assert page.model.shown == 4


def test_filters_by_status_and_type(people, context):
    page = people
    record_event(context.db, context.coop_id, 3, EventKind.WITHDRAWN, dt.date(2025, 1, 10))
    context.notify("members")
    page.status_filter.setCurrentIndex(page.status_filter.findData("current"))
    assert shown(page) == ["김민준", "이서연", "박도윤"]
    page.status_filter.setCurrentIndex(page.status_filter.findData(MemberStatus.WITHDRAWN.value))
    assert shown(page) == ["김서윤"] and page.count_label.text() == "1 of 4 members"
    page.status_filter.setCurrentIndex(0)
    page.type_filter.setCurrentIndex(page.type_filter.findData("생산자"))
    assert shown(page) == ["이서연"]


def test_sorting_by_a_column_header(people, qtbot):
    page = people
    header = page.table.horizontalHeader()
    name_header = QPoint(header.sectionViewportPosition(NAME) + header.sectionSize(NAME) // 2, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=name_header)
    assert shown(page) == ["김민준", "김서윤", "박도윤", "이서연"]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=name_header)
    assert shown(page) == ["이서연", "박도윤", "김서윤", "김민준"]


def test_recording_a_withdrawal_notice_changes_the_status(people, context, qtbot):
    page = people
    page.select_number(1)
    dialog = page.record_event()
    dialog.set_kind(EventKind.WITHDRAWAL_NOTICE)
    assert "takes effect 30 days later" in dialog.hint.text()
    type_into(qtbot, dialog.note_edit, "이사")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert shown(page, STATUS)[0] == "Withdrawing"
    view = get_member(context.db, context.coop_id, 1)
    assert view.status is MemberStatus.WITHDRAWING and view.events[-1].note == "이사"


def test_an_event_that_cannot_follow_is_refused_in_the_dialog(people, context, qtbot):
    page = people
    page.select_number(2)
    dialog = page.record_event()
    dialog.set_kind(EventKind.ADMITTED)  # already admitted
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.errors.message("kind") == "This member was already admitted."
    assert len(get_member(context.db, context.coop_id, 2).events) == 1


def test_double_click_opens_the_member_with_its_history(people, context, qtbot):
    page = people
    record_event(context.db, context.coop_id, 4, EventKind.WITHDRAWAL_NOTICE, dt.date(2025, 6, 1), "건강 문제")
    context.notify("members")
    table = page.table
    rect = table.visualRect(page.model.index(3, NAME))
    # A real double click: press and release, then the double click.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view = page.findChild(MemberViewDialog)
    assert view is not None and view.isVisible()
    assert view.title.text() == "Member 4: 박도윤"
    assert view.history_texts() == [("Mar 1, 2024", "Admission", ""),
                                    ("Jun 1, 2025", "Withdrawal notice", "건강 문제")]
    assert view.view.status is MemberStatus.WITHDRAWN  # 30 days' notice has long run


def test_enter_opens_the_selected_member(people, qtbot):
    page = people
    page.select_number(2)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    view = page.findChild(MemberViewDialog)
    assert view is not None and view.isVisible() and view.number == 2


def _workbook(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["이름", "조합원유형", "생년월일", "연락처", "이메일", "가입일"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_an_import_with_bad_rows_lists_them_all_and_imports_nothing(people, context, qtbot, tmp_path):
    page = people
    path = _workbook(tmp_path / "명단.xlsx", [
        ["정우성", "소비자", dt.date(1973, 3, 20), "010-1111-2222", "", dt.date(2024, 1, 5)],
        ["한지민", "소비자", None, "", "jimin at mail", dt.date(2024, 1, 5)],  # line 3: e-mail
        ["오세훈", "생산자", None, "", "", dt.date(2024, 2, 1)],
        ["", "소비자", None, "", "", dt.date(2024, 2, 1)],  # line 5: no name
    ])
    dialog = page.import_members(path)
    qtbot.waitUntil(lambda: dialog.preview is not None)
    assert dialog.summary.text() == "4 rows in the file; the first 4 are shown below."
    assert dialog.mapping()["email"] == 4 and dialog.mapping()["joined_on"] == 5
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.problems.isVisible())
    wait_for_job(qtbot, dialog)

    assert dialog.problem_summary.text() == "Nothing was imported. Rows with problems: 2."
    assert dialog.problem_rows() == [("3", "\u201cjimin at mail\u201d is not an e-mail address."),
                                     ("5", "The member needs a name.")]
    assert dialog.isVisible()
    assert page.model.total == 4 and len(list_members(context.db, context.coop_id)) == 4


def test_a_mapping_without_names_is_refused_next_to_the_name_choice(people, context, qtbot, tmp_path):
    page = people
    path = _workbook(tmp_path / "명단.xlsx", [["정우성", "소비자", None, "", "", dt.date(2024, 1, 5)]])
    dialog = page.import_members(path)
    qtbot.waitUntil(lambda: dialog.preview is not None)
    dialog.set_mapping("name", None)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors.message("name") != "")
    wait_for_job(qtbot, dialog)
    assert dialog.errors.message("name") == "Choose the column that holds the members' names."
    assert page.model.total == 4


def test_a_good_csv_from_korean_excel_is_imported(people, context, qtbot, tmp_path):
    page = people
    path = tmp_path / "members.csv"
    path.write_bytes("성명,구분,전화번호,가입일자\n정우성,소비자,010-1111-2222,2024-01-05\n"
                     "한지민,생산자,,2024.02.01\n".encode("cp949"))
    dialog = page.import_members(path)
    qtbot.waitUntil(lambda: dialog.preview is not None)
    assert dialog.encoding_combo.isEnabled()
    assert dialog.summary.text().endswith("Text encoding: CP949 (Korean Excel).")  # found by itself
    dialog.encoding_combo.setCurrentIndex(dialog.encoding_combo.findData("cp949"))
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.import_button.isEnabled())
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_for_job(qtbot, dialog)

    assert dialog.outcome is not None and (dialog.outcome.first_number, dialog.outcome.last_number) == (5, 6)
    assert shown(page)[-2:] == ["정우성", "한지민"] and page.count_label.text() == "6 of 6 members"


def test_printing_the_register_makes_a_pdf_with_the_names(people, qtbot, tmp_path):
    page = people
    target = tmp_path / "명부.pdf"
    dialog = page.print_register()
    assert dialog.language() == "en"  # the screen language
    assert dialog.only_shown.isHidden()  # nothing is filtered out
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("ko"))
    dialog.path_edit.setText(str(target))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)
    wait_for_job(qtbot, dialog)

    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    for name, *_rest in PEOPLE:
        assert name in text
    assert f"{dt.date.today().year}년" in text  # a Korean document: dates in Korean
    notices = visible_notices(page)
    assert len(notices) == 1 and str(target) in notices[0].text()
    assert [b.text() for b in notices[0].buttons() if b.text() == "Open"] == ["Open"]


def test_the_register_can_be_printed_for_the_members_the_list_shows(people, qtbot, tmp_path):
    page = people
    page.search_box.setText("김")
    dialog = page.print_register()
    assert dialog.only_shown.text() == "Only the 2 members the list shows"
    dialog.only_shown.setChecked(True)
    dialog.path_edit.setText(str(tmp_path / "some"))  # the .pdf is added
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)
    wait_for_job(qtbot, dialog)
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "some.pdf").pages)
    assert "김민준" in text and "김서윤" in text and "이서연" not in text


def test_export_writes_only_the_rows_the_list_shows(people, qtbot, tmp_path, monkeypatch):
    page = people
    target = tmp_path / "export.csv"
    # The user's pick in the save dialog: this file, as UTF-8 CSV.
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), "CSV, UTF-8 (*.csv)"))
    page.search_box.setText("김")
    page.export_action.trigger()
    qtbot.waitUntil(lambda: bool(visible_notices(page)))
    wait_for_job(qtbot, page)

    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    names = [row[1] for row in rows[1:]]
    assert names == ["김민준", "김서윤"]
    assert "2 members were written to" in visible_notices(page)[0].text()


def test_export_for_korean_excel_writes_cp949(people, qtbot, tmp_path, monkeypatch):
    page = people
    chosen = tmp_path / "명단"  # typed without a suffix: the chosen format adds it
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(chosen), "CSV for Korean Excel, CP949 (*.csv)"))
    page.status_filter.setCurrentIndex(page.status_filter.findData("current"))
    page.export_members()
    target = tmp_path / "명단.csv"
    qtbot.waitUntil(target.exists)
    wait_for_job(qtbot, page)
    rows = list(csv.reader(target.read_text(encoding="cp949").splitlines()))
    assert [row[1] for row in rows[1:]] == [name for name, *_rest in PEOPLE]


def test_a_large_register_is_read_in_the_background(qtbot, sqlite_db, monkeypatch):
    """Above the threshold the list is read in a thread; the window shows it is reading."""
    import datetime as dt

    from coopdesk.domain.members.details import MemberDetails
    from coopdesk.services.coops import create_coop
    from coopdesk.services.members.member import NewMember, add_members_in
    from coopdesk.ui.context import CoopContext
    from coopdesk.ui.members import page as page_module
    from tests.conftest import sample_profile

    coop = create_coop(sqlite_db, sample_profile())
    with sqlite_db.write() as s:
        add_members_in(s, coop.id, [NewMember(MemberDetails(f"조합원{i}", "소비자"), dt.date(2025, 1, 1))
                                    for i in range(40)], 30, "member.import")
    monkeypatch.setattr(page_module, "BACKGROUND_LOAD_ABOVE", 10)
    page = page_module.MembersPage(CoopContext(sqlite_db, coop))
    qtbot.addWidget(page)
    assert page.loading and not page.table.isEnabled()
    page.reload()  # asked again while reading: read once more afterwards, never twice at once
    qtbot.waitUntil(lambda: not page.loading and page.model.total == 40, timeout=10_000)
    assert page.table.isEnabled()
    assert page.model.row_at(0).name == "조합원0"
