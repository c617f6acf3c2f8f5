"""The meetings area, driven as a secretary would, over a real co-op file."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pypdf import PdfReader

from coopdesk import i18n
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind, Subject
from coopdesk.domain.members.details import MemberDetails
from coopdesk.services.coops import create_coop
from coopdesk.services.meetings.notice import list_notices
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting, list_meetings
from coopdesk.services.meetings.agenda import add_standard_agenda, list_items
from coopdesk.services.members.member import add_member
from coopdesk.ui.context import CoopContext
from coopdesk.ui.meetings.detail import RESULT
from coopdesk.ui.meetings.item_dialog import ItemDialog
from coopdesk.ui.meetings.notice_dialog import NoticeDialog
from coopdesk.ui.meetings.meeting_list import AGENDA, KIND, NOTICE
from coopdesk.ui.meetings.page import MeetingsPage
from coopdesk.ui.meetings.paper_dialog import PaperDialog
from coopdesk.ui.workspace import Workspace
from tests.conftest import sample_profile
from tests.support.jobs import wait_for_job

TODAY = dt.date.today()  # the dialogs start from today's date, as a secretary's do
HELD = TODAY + dt.timedelta(days=3)  # soon: its notices went out already (a notice is recorded once sent)
NAMES = ("김민준", "이서연", "박도윤", "최하은", "정지우", "강서준")
STANDARD = ["Approval of last year's business report and settlement of accounts", "Approval of the audit report",
            "Approval of this year's business plan and budget", "Election of officers"]


@pytest.fixture
def context(sqlite_db):
    context = CoopContext(sqlite_db, create_coop(sqlite_db, sample_profile(), adopted_on=dt.date(2020, 1, 1)))
    for name in NAMES:
        add_member(sqlite_db, context.coop_id, MemberDetails(name, "소비자"), joined_on=dt.date(2024, 3, 1))
    return context


@pytest.fixture
def page(qtbot, context):
    p = MeetingsPage(context)
    qtbot.addWidget(p)
    p.resize(1100, 720)
    p.show()
    return p


@pytest.fixture
def assembly(context, page):
    """An ordinary assembly in 30 days with the standard agenda, chosen on the page."""
    m = create_meeting(context.db, context.coop_id, MeetingInput(
        MeetingKind.ORDINARY_ASSEMBLY, "2026년 정기총회", HELD, dt.time(14), "조합 사무실 2층", "이사장 김민준",
        "김민준"))
    add_standard_agenda(context.db, context.coop_id, m.id)
    page.reload()
    assert page.select_meeting(m.id)
    return m


def visible_boxes(page: MeetingsPage) -> list[QMessageBox]:
    return [box for box in page.findChildren(QMessageBox) if box.isVisible()]


def test_an_ordinary_assembly_created_through_the_dialog_gets_the_standard_agenda(page, context):
    assert page.shown() == [] and "No meeting is chosen" in page.detail.title_label.text()
    dialog = page.new_meeting()
    assert dialog.isVisible() and dialog.kind() is MeetingKind.ORDINARY_ASSEMBLY
    year = dialog.held_on().year
    assert dialog.title_edit.text() == f"Ordinary general assembly {year}"  # follows the kind and year
    assert dialog.place_edit.text() == context.coop.main_office
    assert dialog.standard_agenda.isVisibleTo(dialog) and dialog.standard_agenda.isChecked()
    dialog.set_kind(MeetingKind.EXTRAORDINARY_ASSEMBLY)  # no standard agenda for this kind
    assert dialog.title_edit.text() == f"Extraordinary general assembly {year}"
    assert not dialog.standard_agenda.isVisibleTo(dialog)
    dialog.set_kind(MeetingKind.ORDINARY_ASSEMBLY)
    dialog.place_edit.setText("마을회관 2층")
    dialog.purpose_edit.setPlainText("결산 승인과 임원 선출")
    dialog.ok_button.click()
    assert not dialog.isVisible()

    assert page.shown() == [f"Ordinary general assembly {year}"]
    assert page.shown(KIND) == ["Ordinary general assembly"]
    assert page.shown(AGENDA) == ["0 of 4 closed"] and page.shown(NOTICE) == ["Not sent"]
    assert page.detail.agenda_shown() == STANDARD
    assert set(page.detail.agenda_shown(RESULT)) == {"Pending"}
    facts = page.detail.facts_shown()
    assert facts["Place:"] == "마을회관 2층" and facts["Purpose:"] == "결산 승인과 임원 선출"
    assert facts["Starts at:"] == "14:00"
    [meeting] = list_meetings(context.db, context.coop_id)
    assert (meeting.kind, meeting.purpose) == (MeetingKind.ORDINARY_ASSEMBLY, "결산 승인과 임원 선출")


def test_a_title_the_secretary_typed_is_kept_and_a_blank_one_refused(page, context):
    dialog = page.new_meeting()
    dialog.title_edit.setText("제5차 정기총회")
    dialog.set_kind(MeetingKind.FOUNDING)  # the typed title stays
    assert dialog.title_edit.text() == "제5차 정기총회"
    dialog.title_edit.setText("  ")
    dialog.ok_button.click()
    assert dialog.isVisible() and "Give the meeting a title" in dialog.errors.message("title")
    assert list_meetings(context.db, context.coop_id) == []


def test_a_board_meeting_of_a_co_op_under_ten_members_gets_the_act_s_note(page):
    dialog = page.new_meeting()
    assert dialog.board_note_text() == ""
    dialog.set_kind(MeetingKind.BOARD)
    note = dialog.board_note_text()
    assert "The co-op has 6 members" in note and "fewer than 10 members may have no board" in note
    assert "Act 32①" in note


def test_editing_a_meeting_changes_its_facts(page, assembly, context):
    dialog = page.edit_selected()
    assert dialog.title_edit.text() == "2026년 정기총회" and dialog.time_edit.value() == dt.time(14)
    assert not dialog.standard_agenda.isVisibleTo(dialog)  # only offered for a new meeting
    dialog.place_edit.setText("조합 강당")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert page.detail.facts_shown()["Place:"] == "조합 강당"
    assert len(list_items(context.db, context.coop_id, assembly.id)) == 4  # the agenda is untouched


def test_an_expulsion_told_too_late_is_refused_then_one_in_time_is_added(page, assembly, context):
    dialog = page.add_item()
    dialog.set_subject(Subject.EXPULSION)
    assert dialog.kind() is ResolutionKind.SPECIAL and dialog.expulsion_box.isVisibleTo(dialog)
    assert dialog.title_edit.text() == "Expulsion of a member"
    dialog.choose_member(3)
    dialog.set_told_on(HELD - dt.timedelta(days=5))
    assert dialog.told_check.ok is False
    assert "5 days too late" not in dialog.told_check.plain_text()  # counted as the Act counts: 6
    assert "6 day(s) too late" in dialog.told_check.plain_text() and "Act 25②" in dialog.told_check.plain_text()
    dialog.ok_button.click()
    assert dialog.isVisible()
    refusal = dialog.errors.message()
    assert "too late" in refusal and "Act 25②" in refusal
    assert len(list_items(context.db, context.coop_id, assembly.id)) == 4  # nothing added

    dialog.set_told_on(HELD - dt.timedelta(days=11))
    dialog.grounds_edit.setPlainText("정당한 사유 없이 1년 이상 조합 사업을 이용하지 않음")
    assert dialog.told_check.ok is True and "In time" in dialog.told_check.plain_text()
    dialog.ok_button.click()
    assert not dialog.isVisible()
    item = list_items(context.db, context.coop_id, assembly.id)[-1]
    assert (item.subject, item.kind, item.expel_member) == (Subject.EXPULSION, ResolutionKind.SPECIAL, 3)
    assert item.grounds_told_on == HELD - dt.timedelta(days=11)
    assert page.detail.agenda_shown()[-1] == "Expulsion of a member (member 3)"
    assert page.detail.selected_item().id == item.id


def test_the_member_to_expel_can_be_typed_by_number(page, assembly, context):
    dialog = page.add_item()
    dialog.set_subject(Subject.EXPULSION)
    dialog.member_picker.setText("5")
    assert dialog.member_number() == 5
    dialog.member_picker.setText("99")
    dialog.set_told_on(HELD - dt.timedelta(days=20))
    dialog.ok_button.click()
    assert dialog.isVisible() and "There is no member number 99" in dialog.errors.message("expel_member")
    assert len(list_items(context.db, context.coop_id, assembly.id)) == 4


def test_a_special_item_s_kind_cannot_be_lowered(page, assembly, context, qtbot):
    dialog = page.add_item()
    dialog.set_subject(Subject.MERGER)
    assert dialog.kind() is ResolutionKind.SPECIAL
    assert [k for k in ResolutionKind if dialog.kind_enabled(k)] == [ResolutionKind.SPECIAL]
    assert "Special resolution (Act 29②)" in dialog.law_note.text()
    dialog.kind_combo.setFocus()
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Home, Qt.Key.Key_PageUp):  # the keyboard skips greyed-out kinds
        qtbot.keyClick(dialog.kind_combo, key)
        assert dialog.kind() is ResolutionKind.SPECIAL
    dialog.set_kind(ResolutionKind.ORDINARY)  # forced past the combo: the service still refuses
    dialog.ok_button.click()
    assert dialog.isVisible() and "requires a special resolution" in dialog.errors.message("kind")
    assert len(list_items(context.db, context.coop_id, assembly.id)) == 4
    dialog.set_subject(Subject.OTHER)  # the secretary's own matter: every kind is open
    assert all(dialog.kind_enabled(k) for k in ResolutionKind) and dialog.law_note.isHidden()


def test_a_board_is_not_offered_the_assembly_s_special_subjects(page, context):
    board = create_meeting(context.db, context.coop_id, MeetingInput(MeetingKind.BOARD, "이사회", HELD))
    page.reload()
    page.select_meeting(board.id)
    dialog = page.add_item()
    offered = {dialog.subject_combo.itemData(i) for i in range(dialog.subject_combo.count())}
    assert Subject.OFFICER_REMOVAL.value in offered and Subject.MERGER.value not in offered
    assert Subject.BYLAWS_ADOPTION.value not in offered  # the founding meeting's
    assert not dialog.kind_enabled(ResolutionKind.SPECIAL)


def test_a_bylaws_amendment_carries_the_changed_settings(page, assembly, context):
    dialog = page.add_item()
    dialog.set_subject(Subject.BYLAWS_AMENDMENT)
    assert dialog.bylaws_box.isVisibleTo(dialog) and dialog.kind() is ResolutionKind.SPECIAL
    assert dialog.bylaws_form.spins["share_price"].value() == context.coop.bylaws.share_price
    dialog.bylaws_form.set_value("directors_min", 2)  # the Act asks for three
    dialog.ok_button.click()
    refusal = dialog.errors.message()  # under the form, and the setting at fault has the cursor
    assert dialog.isVisible() and "at least 3 directors" in refusal and "Act 34①" in refusal
    assert dialog.focusWidget() is dialog.bylaws_form.spins["directors_min"]
    assert len(list_items(context.db, context.coop_id, assembly.id)) == 4
    dialog.bylaws_form.set_value("directors_min", 3)
    dialog.bylaws_form.set_value("share_price", 20_000)
    assert dialog.bylaws_form.changed() == ["share_price"]
    assert dialog.bylaws_form.settings().withdrawal_notice_days == context.coop.bylaws.withdrawal_notice_days
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert list_items(context.db, context.coop_id, assembly.id)[-1].subject is Subject.BYLAWS_AMENDMENT


def test_agenda_items_move_and_are_removed_after_asking(page, assembly, context, qtbot):
    page.detail.select_item(list_items(context.db, context.coop_id, assembly.id)[1].id)
    assert page.detail.remove_item_button.isEnabled()
    page.detail.agenda_table.setFocus()
    qtbot.keyClick(page.detail.agenda_table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert page.detail.agenda_shown()[:2] == [STANDARD[1], STANDARD[0]]
    assert page.detail.selected_item().title == STANDARD[1]  # the moved item stays chosen
    assert not page.detail.up_button.isEnabled()  # it is first now
    page.detail.down_button.click()
    assert page.detail.agenda_shown() == STANDARD

    box = page.remove_selected_item()
    assert "Remove item 2" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert len(page.detail.agenda_shown()) == 4
    box = page.remove_selected_item()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert page.detail.agenda_shown() == [STANDARD[0], STANDARD[2], STANDARD[3]]
    assert [i.position for i in list_items(context.db, context.coop_id, assembly.id)] == [1, 2, 3]
    assert page.shown(AGENDA) == ["0 of 3 closed"]


def test_once_an_item_is_closed_the_agenda_s_order_is_not_offered_to_move(page, context):
    """The service fixes the order once an item is closed: the buttons say so before a click does."""
    from coopdesk.services.meetings.attendance import check_in
    from coopdesk.services.meetings.votes import close_item, record_counts
    held = TODAY - dt.timedelta(days=7)  # held already: its room takes check-ins and votes
    m = create_meeting(context.db, context.coop_id, MeetingInput(
        MeetingKind.ORDINARY_ASSEMBLY, "지난 정기총회", held, dt.time(14), "조합 사무실", "이사장 김민준", "김민준"))
    add_standard_agenda(context.db, context.coop_id, m.id)
    items = list_items(context.db, context.coop_id, m.id)
    for number in range(1, 5):
        check_in(context.db, context.coop_id, m.id, number)
    record_counts(context.db, context.coop_id, items[0].id, 4, 0, 0)
    close_item(context.db, context.coop_id, items[0].id)
    page.reload()
    assert page.select_meeting(m.id)
    page.detail.select_item(items[2].id)  # an open item in the middle
    assert not page.detail.up_button.isEnabled() and not page.detail.down_button.isEnabled()
    assert page.detail.remove_item_button.isEnabled()  # an open item can still be removed


def test_a_late_notice_needs_the_secretary_s_word_and_keeps_its_warning(page, assembly, context):
    dialog = page.record_notice()
    dialog.set_sent_on(HELD - dt.timedelta(days=10))
    check = dialog.date_check.plain_text()
    latest = i18n.current().date(HELD - dt.timedelta(days=8))
    assert dialog.date_check.ok is True and check == f"On time: the notice must go out by {latest}."
    assert dialog.ok_button.isEnabled() and dialog.anyway.isHidden()

    dialog.set_sent_on(HELD - dt.timedelta(days=5))
    check = dialog.date_check.plain_text()
    assert dialog.date_check.ok is False
    assert "3 day(s) late" in check and latest in check and "Act 28④" in check
    assert not dialog.ok_button.isEnabled() and dialog.anyway.isVisible()
    dialog.anyway.click()
    assert dialog.ok_button.isEnabled()
    dialog.method_combo.setEditText("Post, Text message")
    dialog.ok_button.click()
    assert not dialog.isVisible()

    [notice] = list_notices(context.db, context.coop_id, assembly.id)
    assert notice.accepted_late and "3 day(s) late" in notice.late_warning
    assert notice.method == "Post, Text message"
    assert page.shown(NOTICE)[0].startswith("Sent late")
    assert page.detail.notices_shown()[0].startswith("Late: The notice is 3 day(s) late")


def test_a_notice_dated_after_the_meeting_cannot_be_recorded(page, assembly):
    dialog = page.record_notice()
    dialog.set_sent_on(HELD + dt.timedelta(days=1))
    assert "cannot be after the meeting" in dialog.date_check.plain_text()
    assert not dialog.ok_button.isEnabled() and dialog.anyway.isHidden()


def test_printing_the_notice_makes_a_pdf_with_the_agenda_and_the_place(page, assembly, qtbot, tmp_path):
    target = tmp_path / "notice.pdf"
    dialog = page.print_paper()
    assert dialog.paper() == ("notice", False) and dialog.language() == "en"
    assert dialog.path_edit.text().endswith("2026년 정기총회 Notice.pdf")
    dialog.set_language("ko")  # the suggested name follows the document's language
    assert dialog.path_edit.text().endswith("2026년 정기총회 소집통지서.pdf")
    dialog.set_language("en")
    dialog.path_edit.setText(str(target))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    wait_for_job(qtbot, dialog)

    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert "조합 사무실 2층" in text
    for title in STANDARD:
        assert title in " ".join(text.split())
    [box] = visible_boxes(page)
    assert str(target) in box.text() and "Open" in [b.text() for b in box.buttons()]


@pytest.mark.parametrize(("kind", "draft", "expected"), [
    ("attendance", False, "조합원01"), ("proxy-form", False, "Proxy"), ("minutes", True, "DRAFT")])
def test_the_other_papers_print_before_the_meeting(page, assembly, context, qtbot, tmp_path, kind, draft, expected):
    for n in range(1, 3):
        add_member(context.db, context.coop_id, MemberDetails(f"조합원{n:02d}", "소비자"), joined_on=dt.date(2024, 3, 1))
    target = tmp_path / "paper.pdf"
    dialog = page.print_paper(kind, draft)
    assert dialog.paper() == (kind, draft)
    dialog.path_edit.setText(str(target))
    dialog.print_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    wait_for_job(qtbot, dialog)
    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert expected in text and "2026년 정기총회" in text


def test_a_paper_the_service_refuses_is_explained_and_nothing_written(page, assembly, qtbot, tmp_path):
    target = tmp_path / "minutes.pdf"
    dialog = page.print_paper("minutes")
    assert dialog.paper_combo.currentText() == "Minutes, final"
    dialog.path_edit.setText(str(target))
    dialog.print_button.click()
    qtbot.waitUntil(lambda: dialog.errors.message() != "", timeout=20_000)
    wait_for_job(qtbot, dialog)
    assert "Close every item before printing the final minutes" in dialog.errors.message()
    assert dialog.isVisible() and dialog.print_button.isEnabled() and not target.exists()


def test_a_notice_with_no_agenda_is_refused(page, context, qtbot, tmp_path):
    bare = create_meeting(context.db, context.coop_id, MeetingInput(MeetingKind.EXTRAORDINARY_ASSEMBLY, "임시총회",
                                                                  HELD, None, "사무실"))
    page.reload()
    page.select_meeting(bare.id)
    dialog = page.print_paper()
    dialog.path_edit.setText(str(tmp_path / "n.pdf"))
    dialog.print_button.click()
    qtbot.waitUntil(lambda: dialog.errors.message() != "", timeout=20_000)
    wait_for_job(qtbot, dialog)
    assert "agenda" in dialog.errors.message()
    assert not (tmp_path / "n.pdf").exists()


def test_the_item_dialog_speaks_korean(qtbot, context, assembly):
    i18n.set_language("ko")
    dialog = ItemDialog(context, assembly)
    qtbot.addWidget(dialog)
    dialog.set_subject(Subject.EXPULSION)
    assert dialog.subject_combo.currentText() == "조합원 제명"
    assert dialog.kind_combo.currentText() == "특별결의"
    assert "법 제29조②" in dialog.law_note.text()
    dialog.set_told_on(HELD - dt.timedelta(days=3))
    assert "법 제25조②" in dialog.told_check.plain_text()
    meeting = MeetingsPage(context)
    qtbot.addWidget(meeting)
    assert meeting.shown(KIND) == ["정기총회"]


def test_the_keyboard_reaches_the_meeting_and_its_room(page, assembly, qtbot):
    room_module = pytest.importorskip("coopdesk.ui.meetings.room",
                                      reason="the meeting room is built by another engineer and not there yet")
    page.activateWindow()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter opens the chosen meeting
    room = page.currentWidget()
    assert isinstance(room, room_module.MeetingRoom) and room is page.room
    room.back_requested.emit()
    assert page.currentWidget() is page.list_view and page.room is None
    assert page.selected_meeting().id == assembly.id  # the same meeting is still chosen


def test_shortcuts_open_the_dialogs_while_the_list_has_the_focus(page, assembly, qtbot):
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = page.findChild(NoticeDialog)
    assert dialog is not None and dialog.isVisible() and dialog.meeting.id == assembly.id
    dialog.reject()
    qtbot.keyClick(page.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    paper = page.findChild(PaperDialog)
    assert paper is not None and paper.isVisible() and paper.paper() == ("notice", False)
    paper.reject()
    [proxy_form] = [a for a in page.print_action.menu().actions() if a.text() == "Proxy form…"]
    proxy_form.trigger()  # the arrow of the Print button lists every paper
    assert page.findChildren(PaperDialog)[-1].paper() == ("proxy-form", False)


def test_the_workspace_lists_meetings_after_members(qtbot, context):
    workspace = Workspace(context, area="meetings")
    qtbot.addWidget(workspace)
    navigation = workspace.navigation
    names = [navigation.item(i).text() for i in range(navigation.count())]
    assert names[0] == "The year" and names.index("Members") < names.index("Meetings")
    assert workspace.current_area == "meetings"
    assert isinstance(workspace.pages["meetings"], MeetingsPage)


@pytest.mark.qt_log_ignore(r"does not support raise\(\)", "does not support grabbing the keyboard")
def test_the_election_item_is_set_up_before_the_day_from_the_page(page, assembly, context, qtbot):
    from coopdesk.domain.officers.terms import Office
    from coopdesk.services.elections.calling import election_for_item
    from coopdesk.services.elections.printing import ElectionPaperKind

    items = list_items(context.db, context.coop_id, assembly.id)
    page.detail.select_item(items[0].id)
    assert not page.detail.election_button.isVisible()  # only the officer-election item has one
    election_item = next(i for i in items if i.subject is Subject.OFFICER_ELECTION)
    page.detail.select_item(election_item.id)
    assert page.detail.election_button.isVisible() and page.detail.election_button.isEnabled()

    dialog = page.set_up_election()
    assert not dialog.candidates.isEnabled()  # nothing to stand for yet
    dialog.setup.from_edit.set_value(TODAY)
    dialog.setup.to_edit.set_value(HELD)
    dialog.setup.save_button.click()
    dialog.setup.office_combo.setCurrentIndex(dialog.setup.office_combo.findData(Office.DIRECTOR))
    dialog.setup.seats_spin.setValue(2)
    dialog.setup.add_button.click()
    assert dialog.candidates.isEnabled()
    dialog.candidates.picker.setFocus()
    qtbot.keyClicks(dialog.candidates.picker, "2")
    qtbot.keyClick(dialog.candidates.picker, Qt.Key.Key_Return)
    assert dialog.message.text() == ""

    e = election_for_item(context.db, context.coop_id, election_item.id)
    assert (e.candidacy_from, e.candidacy_to) == (TODAY, HELD)
    assert [(c.office, c.seats, [x.name for x in c.candidates]) for c in e.contests] == [
        (Office.DIRECTOR, 2, [NAMES[1]])]
    paper = dialog.print_announcement()
    assert paper.paper() is ElectionPaperKind.NOTICE
