"""The education area, driven as a secretary would over a real co-op file: an orientation for
three new members recorded through the dialog and the attendee field, the warning on a member's
page gone, someone not yet a member followed onto the register, and the papers printed."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from coopdesk import i18n
from coopdesk.domain.coop import BylawsSettings
from coopdesk.domain.education.sessions import Organiser, SessionKind
from coopdesk.domain.members.details import MemberDetails
from coopdesk.services.coops import create_coop
from coopdesk.services.education.attendance import list_attendees
from coopdesk.services.members.member import add_member
from coopdesk.ui.context import CoopContext
from coopdesk.ui.education.page import OWED_TAB, EducationPage
from coopdesk.ui.education.session_list import ATTENDEES, HOURS, TOPIC
from coopdesk.ui.education.texts import shown
from coopdesk.ui.members.member_view import MemberViewDialog
from coopdesk.ui.workspace import Workspace
from tests.conftest import sample_profile
from tests.support.jobs import wait_for_job

# The offscreen platform says these whenever a completer's list pops up: not our warnings.
pytestmark = pytest.mark.qt_log_ignore(r"does not support raise\(\)", "does not support grabbing the keyboard")
TODAY = dt.date.today()  # the dialogs start from today's date, as a secretary's do
FOUNDERS = ("김민준", "이서연", "박도윤")
NEWCOMERS = ("최하은", "정지우", "강서준")


@pytest.fixture
def context(sqlite_db):
    coop = create_coop(sqlite_db, sample_profile(bylaws=BylawsSettings(orientation_required=True)),
                       adopted_on=dt.date(2020, 1, 1))
    context = CoopContext(sqlite_db, coop)
    for name in FOUNDERS:
        add_member(sqlite_db, coop.id, MemberDetails(name, "소비자"), joined_on=dt.date(2020, 1, 10))
    for n, name in enumerate(NEWCOMERS):
        add_member(sqlite_db, coop.id, MemberDetails(name, "생산자"), joined_on=TODAY - dt.timedelta(days=10 + n))
    return context


@pytest.fixture
def page(qtbot, context):
    p = EducationPage(context)
    qtbot.addWidget(p)
    p.resize(1100, 720)
    p.show()
    return p


def type_into(qtbot, field, text: str) -> None:
    """Keys as typed; Hangul arrives as an input method commits it, syllable by syllable."""
    field.setFocus()
    for char in text:
        if char.isascii():
            qtbot.keyClicks(field, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(field, event)


def record_session(page, qtbot, kind=SessionKind.ORIENTATION, topic="신규 조합원 교육"):
    dialog = page.new_session()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(kind.value))
    type_into(qtbot, dialog.topic_edit, topic)
    dialog.start_edit.setTime(QTime(19, 0))
    dialog.end_edit.setTime(QTime(18, 30))
    assert dialog.hours_label.text() == "ends before it starts"
    dialog.end_edit.setTime(QTime(20, 30))
    assert dialog.hours_label.text() == "1 h 30 min"
    type_into(qtbot, dialog.instructor_edit, "이강사")
    dialog.organiser_combo.setCurrentIndex(dialog.organiser_combo.findData(Organiser.CONSULTATION_CENTRE.value))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    return page.selected_session()


def type_in(page, qtbot, text):
    field = page.attendees.field
    type_into(qtbot, field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_the_area_is_built_only_when_first_shown(qtbot, context):
    workspace = Workspace(context)
    qtbot.addWidget(workspace)
    assert "education" not in workspace.pages
    workspace.show_area("education")
    assert isinstance(workspace.pages["education"], EducationPage) and workspace.current_area == "education"


def test_an_orientation_for_three_new_members_takes_the_warning_off_their_page(page, context, qtbot):
    member = MemberViewDialog(context, 4, parent=page)  # 최하은, joined ten days ago
    qtbot.addWidget(member)
    member.show()
    box = member.education
    assert box.warning.isVisible() and "10 days since joining" in box.warning.text() and "(Act 7)" in box.warning.text()
    assert page.owed.numbers() == [1, 2, 3, 6, 5, 4]  # the longest owed first
    assert page.tabs.tabText(OWED_TAB) == "Orientation owed (6)"

    session = record_session(page, qtbot)
    assert session.details.kind is SessionKind.ORIENTATION and session.minutes == 90
    assert shown(page.table, TOPIC) == ["신규 조합원 교육"] and shown(page.table, HOURS) == ["1 h 30 min"]
    assert page.attendees.field.hasFocus()  # next: who attended

    type_in(page, qtbot, "최하은")  # a name that fits one member
    assert page.attendees.status.text() == "On the list: 최하은 (member 4)"
    assert page.attendees.field.text() == ""
    type_in(page, qtbot, "5")  # a member number
    type_into(qtbot, page.attendees.field, "서준")  # the completer offers who fits
    assert [page.attendees.found.item(r).text() for r in range(page.attendees.found.rowCount())] == ["6. 강서준"]
    popup = page.attendees.field.completer().popup()
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Down)  # picked from the list: on the list at once, once
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert page.attendees.status.text() == "On the list: 강서준 (member 6)"

    assert page.attendees.names() == ["최하은", "정지우", "강서준"]
    assert shown(page.table, ATTENDEES) == ["3"]
    assert page.owed.numbers() == [1, 2, 3] and page.tabs.tabText(OWED_TAB) == "Orientation owed (3)"
    assert not box.warning.isVisible()  # gone from the open page at once
    assert box.table.rowCount() == 1 and "1 h 30 min" in box.heading.text()


def test_two_who_fit_are_never_guessed_between_and_a_second_time_is_refused(page, context, qtbot):
    add_member(context.db, context.coop_id, MemberDetails("김민준", "생산자"), joined_on=TODAY)  # no. 7
    record_session(page, qtbot)
    type_in(page, qtbot, "김민준")
    assert "2 members fit" in page.attendees.status.text() and page.attendees.names() == []
    assert page.attendees.field.selectedText() == "김민준"  # the next name typed replaces it
    type_in(page, qtbot, "7")
    type_in(page, qtbot, "7")
    assert "already on this session's list" in page.attendees.status.text()
    assert page.attendees.names() == ["김민준"]


def test_someone_not_yet_a_member_is_followed_onto_the_register(page, context, qtbot):
    record_session(page, qtbot)
    dialog = page.attendees.add_guest()
    type_into(qtbot, dialog.name_edit, "윤하린")
    dialog.birth_date.set_value(dt.date(1992, 2, 2))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    table = page.attendees.table
    assert (table.item(0, 0).text(), table.item(0, 1).text()) == ("윤하린", "Not a member")
    add_member(context.db, context.coop_id, MemberDetails("윤하린", "소비자", birth_date=dt.date(1992, 2, 2)),
               joined_on=TODAY)
    context.notify("members")  # as the member page says when it adds someone
    assert (table.item(0, 1).text(), table.item(0, 4).text()) == ("7", "Attended before joining")
    assert 7 not in page.owed.numbers()  # their orientation came before they joined


def test_taking_someone_off_the_list_puts_them_back_among_those_who_owe(page, context, qtbot):
    record_session(page, qtbot)
    type_in(page, qtbot, "4")
    page.attendees.table.selectRow(0)
    assert page.attendees.remove_selected()
    assert page.attendees.names() == [] and 4 in page.owed.numbers()


def test_certificates_and_the_yearly_report_print_through_the_pdf_dialog(page, context, qtbot, tmp_path):
    record_session(page, qtbot)
    for typed in ("4", "5"):
        type_in(page, qtbot, typed)
    page.attendees.table.selectRow(1)
    dialog = page.print_paper()
    assert dialog.path_edit.text().endswith("신규 조합원 교육 Certificates of completion.pdf")
    dialog.set_language("ko")  # the suggested name follows the document's language
    assert dialog.path_edit.text().endswith("신규 조합원 교육 수료증.pdf")
    assert dialog.only_chosen.isVisibleTo(dialog) and dialog.only_chosen.text() == "Only for 정지우"
    dialog.only_chosen.setChecked(True)
    dialog.path_edit.setText(str(tmp_path / "one.pdf"))
    dialog.print_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    wait_for_job(qtbot, dialog)
    (only,) = PdfReader(tmp_path / "one.pdf").pages
    assert "정지우" in only.extract_text() and "최하은" not in only.extract_text()

    report = page.print_report()
    assert report.year_spin.value() == TODAY.year  # a fiscal year starting in January
    report.path_edit.setText(str(tmp_path / "report.pdf"))
    report.print_button.click()
    qtbot.waitUntil(lambda: not report.isVisible(), timeout=20_000)
    wait_for_job(qtbot, report)
    text = "".join(PdfReader(tmp_path / "report.pdf").pages[0].extract_text().split())
    assert "Sessionsheld1" in text and "Attendances2" in text and "2of6(33.3%)" in text


def test_the_page_speaks_korean(qtbot, context):
    i18n.set_language("ko")
    page = EducationPage(context)
    qtbot.addWidget(page)
    assert page.tabs.tabText(OWED_TAB) == "가입 교육 미이수 (6)"
    assert "법 제7조" in page.owed.caption.text() and page.new_action.text() == "새 교육\u2026"


def test_deleting_a_session_asks_first_and_takes_its_list(page, context, qtbot):
    session = record_session(page, qtbot)
    type_in(page, qtbot, "4")
    box = page.delete_selected()
    assert "Its list of 1 person goes with it." in box.text()
    box.accept()
    assert page.sessions == [] and 4 in page.owed.numbers()
    with pytest.raises(Exception, match="no education session"):
        list_attendees(context.db, context.coop_id, session.id)


def test_a_large_register_is_read_in_a_thread_and_the_count_follows(page, context, qtbot, monkeypatch):
    from coopdesk.ui.education import owed as owed_module

    monkeypatch.setattr(owed_module, "BACKGROUND_ABOVE", 2)  # this register counts as large
    record_session(page, qtbot)
    type_in(page, qtbot, "4")
    assert page.owed.reading or page.owed.numbers() == [1, 2, 3, 6, 5]
    qtbot.waitUntil(lambda: not page.owed.reading, timeout=20_000)
    assert page.owed.numbers() == [1, 2, 3, 6, 5] and page.tabs.tabText(OWED_TAB) == "Orientation owed (5)"
