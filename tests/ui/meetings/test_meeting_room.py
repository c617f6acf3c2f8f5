"""The live meeting room, driven as a secretary does during a 15-member general assembly."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from coopdesk import i18n
from coopdesk.domain.meetings.attendance import Choice
from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind, Subject
from coopdesk.domain.members.standing import MemberStatus
from coopdesk.services.coops import create_coop
from coopdesk.services.meetings.attendance import attendance_of, check_in
from coopdesk.services.meetings.votes import close_item, record_counts
from coopdesk.services.meetings.readings import item_result, vote_history
from coopdesk.services.meetings.agenda import ItemInput, add_item, add_standard_agenda, list_items
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting, get_meeting
from coopdesk.services.members.member import add_member, get_member
from coopdesk.ui.context import CoopContext
from coopdesk.ui.meetings.room import MeetingRoom
from tests.conftest import TODAY, sample_profile
from tests.support.jobs import wait_for_job

D = dt.date
HELD = D(2026, 3, 28)
NAMES = ["김민준", *(f"조합원{n:02d}" for n in range(2, 15)), "김민준"]  # two 김민준: numbers 1 and 15


@pytest.fixture
def context(sqlite_db):
    coop = create_coop(sqlite_db, sample_profile(), adopted_on=D(2025, 1, 1))
    for name in NAMES:
        add_member(sqlite_db, coop.id, MemberDetails(name, "소비자"), joined_on=D(2025, 1, 10), today=TODAY)
    # number 16 joins after the meeting: not a member on its day
    add_member(sqlite_db, coop.id, MemberDetails("늦은가입", "소비자"), joined_on=D(2026, 4, 1), today=TODAY)
    return CoopContext(sqlite_db, coop)


@pytest.fixture
def meeting(context):
    m = create_meeting(context.db, context.coop_id, MeetingInput(
        MeetingKind.ORDINARY_ASSEMBLY, "2026년 정기총회", HELD, dt.time(14, 0), "조합 사무실", "이사장", "김민준"))
    add_standard_agenda(context.db, context.coop_id, m.id)
    return m


def open_room(qtbot, context, meeting) -> MeetingRoom:
    room = MeetingRoom(context, meeting.id)
    qtbot.addWidget(room)
    room.resize(1366, 768)
    room.show()
    return room


@pytest.fixture
def room(qtbot, context, meeting):
    return open_room(qtbot, context, meeting)


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


def enter(qtbot, room: MeetingRoom, text: str) -> None:
    type_into(qtbot, room.check_in.field, text)
    qtbot.keyClick(room.check_in.field, Qt.Key.Key_Return)


def arrive(context, meeting, numbers) -> None:
    for n in numbers:
        check_in(context.db, context.coop_id, meeting.id, n)


def present(context, meeting):
    return attendance_of(context.db, context.coop_id, meeting.id)


def message_boxes(room: MeetingRoom) -> list[QMessageBox]:
    return [box for box in room.findChildren(QMessageBox) if box.isVisible()]


# -- check-in ---------------------------------------------------------------------------------

def test_a_number_and_enter_checks_the_member_in_and_the_banner_counts_them(qtbot, room, context, meeting):
    assert room.banner.present_number.text() == "0" and room.banner.base_number.text() == "15"
    enter(qtbot, room, "3")
    assert present(context, meeting).in_person == (3,)
    assert room.banner.present_number.text() == "1"
    assert room.check_in.field.text() == ""  # ready for the next person
    assert room.check_in.status.text() == "Checked in: 3 조합원03"
    assert room.check_in.present.shown() == ["조합원03"]
    enter(qtbot, room, "조합원04")  # a whole name works as well as a number
    assert present(context, meeting).in_person == (3, 4) and room.banner.present_number.text() == "2"


def test_two_members_of_one_name_are_never_guessed_between(qtbot, room, context, meeting):
    enter(qtbot, room, "김민")
    assert present(context, meeting).present == 0  # two fit: nobody checked in
    assert "2 fit" in room.check_in.status.text()
    assert [room.check_in.candidates.item(r).text() for r in range(room.check_in.candidates.count())] == \
        ["1 김민준", "15 김민준"]
    qtbot.keyClick(room.check_in.field, Qt.Key.Key_Down)  # the first
    qtbot.keyClick(room.check_in.field, Qt.Key.Key_Down)  # the second
    qtbot.keyClick(room.check_in.field, Qt.Key.Key_Return)
    assert present(context, meeting).in_person == (15,)
    enter(qtbot, room, "김민준")  # the other 김민준 is here already: the one left is meant
    assert present(context, meeting).in_person == (1, 15)


def test_a_refusal_is_said_in_red_under_the_field_and_changes_nothing(qtbot, room, context, meeting):
    enter(qtbot, room, "5")
    before = present(context, meeting)
    enter(qtbot, room, "5")
    status = room.check_in.status
    assert status.text() == "This member is already checked in." and "#b00020" in status.styleSheet()
    assert message_boxes(room) == [] and present(context, meeting) == before
    assert room.check_in.field.text() == "5"  # kept, to correct
    room.check_in.field.clear()
    enter(qtbot, room, "16")  # joined after the meeting day
    assert status.text() == "Member 16 늦은가입 is not yet admitted on the day of the meeting."
    enter(qtbot, room, "없는사람")
    assert "No one who may attend" in status.text()
    assert present(context, meeting) == before and room.banner.present_number.text() == "1"


def test_quorum_comes_at_8_of_15_with_a_proxy_held_by_a_member_who_is_here(qtbot, room, context, meeting):
    for n in range(1, 8):
        enter(qtbot, room, str(n))
    banner = room.banner
    assert banner.status.text() == "QUORUM NOT REACHED"
    assert "2 × present (7) ≤ members (15) (Act 29②)" in banner.rule.text() and "8 needed" in banner.rule.text()
    dialog = room.check_in.add_proxy()
    dialog.choose(dialog.principal_combo, 9)
    dialog.choose(dialog.holder_combo, 2)
    dialog.ok_button.click()  # no written proof: refused, nothing saved
    assert "written proof" in dialog.errors.message("written_proof") and dialog.isVisible()
    assert present(context, meeting).present == 7
    dialog.proof.setChecked(True)
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert banner.status.text() == "QUORUM REACHED" and banner.present_number.text() == "8"
    assert "2 × present (8) > members (15)" in banner.rule.text() and "#1b7f3b" in banner.styleSheet()
    assert "By proxy: held by 2 조합원02" in room.check_in.present.shown(2)
    room.check_in.present.select_key(2)
    room.check_in.check_out_button.click()  # the holder leaves: the proxy stops counting
    assert banner.status.text() == "QUORUM NOT REACHED" and present(context, meeting).present == 6
    enter(qtbot, room, "9")  # the principal comes in person: the proxy is revoked
    assert "proxy is revoked" in room.check_in.status.text()
    assert present(context, meeting).proxies == () and banner.present_number.text() == "7"


def test_a_family_member_holds_a_proxy_only_living_with_the_member(qtbot, room, context, meeting):
    dialog = room.check_in.add_proxy()
    dialog.choose(dialog.principal_combo, 12)
    dialog.by_family.setChecked(True)
    dialog.family_name.setText("김가족")
    dialog.proof.setChecked(True)
    dialog.ok_button.click()
    assert "live with the member" in dialog.errors.message("holder") and "(Act 23③)" in dialog.errors.message("holder")
    dialog.lives_with.setChecked(True)
    dialog.ok_button.click()
    assert not dialog.isVisible() and present(context, meeting).present == 1
    assert room.check_in.present.shown(2) == ["By proxy: 김가족, family member living with them"]


# -- votes ------------------------------------------------------------------------------------

def test_counts_that_cannot_be_true_are_refused_and_nothing_is_recorded(qtbot, room, context, meeting):
    arrive(context, meeting, range(1, 11))
    room.reload()
    room.select_item(1)
    votes = room.item_panel.votes
    votes.yes.setValue(9)
    votes.no.setValue(2)
    votes.record_button.click()
    assert room.item_panel.message.text() == "More votes (11) than members present who may vote (10)."
    item = list_items(context.db, context.coop_id, meeting.id)[0]
    assert vote_history(context.db, context.coop_id, item.id) == []
    assert room.item_panel.result_view.verdict.text() == "NO VOTE YET"
    votes.yes.setValue(6)
    votes.no.setValue(3)
    votes.abstain.setValue(1)
    votes.record_button.click()
    view = room.item_panel.result_view
    assert view.verdict.text() == "PASSED" and "For 6 · Against 3 · Abstain 1 — 10 present" in view.counts.text()
    assert view.explanation.text() == "2 × yes (6) > present (10) (Act 29②)"
    assert room.item_panel.message.text() == ""


def test_a_roll_call_leaves_out_the_member_with_a_personal_interest(qtbot, room, context, meeting):
    arrive(context, meeting, range(1, 10))
    dialog = room.check_in.add_proxy()
    dialog.choose(dialog.principal_combo, 10)
    dialog.choose(dialog.holder_combo, 1)
    dialog.proof.setChecked(True)
    dialog.ok_button.click()
    room.select_item(3)
    panel = room.item_panel
    exclusions = panel.exclusions
    exclusions.who.setCurrentIndex(exclusions.who.findData(2))
    exclusions.reason.setText("예산 집행 당사자")
    exclusions.button.click()
    assert [exclusions.listed.item(r).text() for r in range(exclusions.listed.count())] == \
        ["2 조합원02 — 예산 집행 당사자"]
    votes = panel.votes
    votes.by_roll.setChecked(True)
    assert votes.voters == [1, 3, 4, 5, 6, 7, 8, 9, 10]  # 2 is out; 10 votes through the proxy
    for n in (1, 10, 3, 4, 5):
        votes.button(n, Choice.YES).click()
    votes.button(6, Choice.NO).click()
    assert not votes.button(1, Choice.NO).isEnabled() and votes.button(1, Choice.YES).isChecked()
    view = panel.result_view
    assert view.verdict.text() == "PASSED"  # 2 × 5 > 9 who may vote
    assert view.detail.text() == "5 yes needed to carry it, of 9 voting · 1 excluded · 3 did not vote (counts against)"
    assert not votes.by_counts.isEnabled()  # the roll call has begun: no show of hands on this item
    result = item_result(context.db, context.coop_id, panel.item.id)
    assert (result.yes, result.no, result.excluded, result.present) == (5, 1, 1, 10)


def close_through_the_box(room: MeetingRoom, asks: str = "freeze its result") -> None:
    box = room.item_panel.close_item()
    assert box is not None and asks in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()


def test_closing_an_item_freezes_its_result_and_its_controls(qtbot, room, context, meeting):
    arrive(context, meeting, range(1, 11))
    room.select_item(1)
    panel = room.item_panel
    panel.votes.yes.setValue(7)
    panel.votes.record_button.click()
    close_through_the_box(room)
    assert panel.result_view.verdict.text() == "PASSED"
    assert "Closed: this result is frozen." in panel.result_view.state.text()
    assert not panel.votes.isEnabled() and not panel.exclusions.isEnabled()
    assert panel.discussion.discussion.isReadOnly() and not panel.close_button.isVisible()
    assert panel.correct_button.isVisible()
    assert room.agenda.states()[0] == "passed"
    enter(qtbot, room, "11")  # a late arrival does not change a closed item
    assert "— 10 present" in panel.result_view.counts.text()
    # a report has no vote: it closes as reported
    report = add_item(context.db, context.coop_id, meeting.id,
                      ItemInput(Subject.OTHER, "감사 결과 보고", ResolutionKind.REPORT))
    room.reload()
    room.select_item(report.position)
    assert panel.close_button.text() == "Close as reported…" and not panel.tabs.isTabEnabled(0)
    close_through_the_box(room, asks="as reported")
    assert panel.result_view.verdict.text() == "REPORTED" and room.agenda.states()[-1] == "reported"


def test_a_correction_needs_a_reason_and_the_history_keeps_both_votes(qtbot, room, context, meeting):
    arrive(context, meeting, range(1, 11))
    first = list_items(context.db, context.coop_id, meeting.id)[0]
    record_counts(context.db, context.coop_id, first.id, 6, 3, 1)
    close_item(context.db, context.coop_id, first.id)
    room.reload()
    room.select_item(1)
    dialog = room.item_panel.correct()
    assert dialog is not None and dialog.yes.value() == 6
    dialog.yes.setValue(5)
    dialog.no.setValue(4)
    dialog.ok_button.click()
    assert dialog.errors.message("reason") == "Give the reason for the correction." and dialog.isVisible()
    dialog.reason.setText("찬성 1표를 두 번 셈")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    panel = room.item_panel
    assert panel.result_view.verdict.text() == "REJECTED" and "Corrected once." in panel.result_view.state.text()
    assert [row[1:] for row in panel.history.rows()] == [("6", "3", "1", "Show of hands", ""),
                                                         ("5", "4", "1", "Correction", "찬성 1표를 두 번 셈")]
    assert room.agenda.states()[0] == "rejected"


def test_an_expulsion_waits_for_the_hearing_and_then_expels_the_member(qtbot, room, context, meeting):
    arrive(context, meeting, range(1, 13))
    expulsion = add_item(context.db, context.coop_id, meeting.id, ItemInput(
        Subject.EXPULSION, "조합원 제명의 건", ResolutionKind.SPECIAL, expel_member=14,
        grounds_told_on=D(2026, 3, 17), grounds="정당한 사유 없이 1년 이상 조합 사업을 이용하지 않음"))
    room.reload()
    room.select_item(expulsion.position)
    panel = room.item_panel
    assert panel.heard.isVisible() and "Special resolution: at least two thirds" in panel.rule.text()
    panel.votes.yes.setValue(10)
    panel.votes.no.setValue(2)
    panel.votes.record_button.click()
    close_through_the_box(room)
    assert "chance to speak" in panel.message.text()  # refused, in the panel
    assert not item_result(context.db, context.coop_id, expulsion.id).closed
    panel.heard.click()
    with qtbot.waitSignal(context.changed, check_params_cb=lambda area: area == "members"):
        close_through_the_box(room)
    assert get_member(context.db, context.coop_id, 14, today=TODAY).status is MemberStatus.EXPELLED
    assert room.banner.base_number.text() == "14"  # off the register of this meeting


def test_the_discussion_summary_is_saved_when_the_room_moves_on_or_typing_pauses(qtbot, room, context, meeting):
    def discussion(position):
        return list_items(context.db, context.coop_id, meeting.id)[position - 1].discussion

    room.select_item(2)
    room.item_panel.discussion.discussion.setPlainText("감사의 의견 청취, 질의 없음")
    room.next_item()
    assert room.agenda.currentRow() == 2 and discussion(2) == "감사의 의견 청취, 질의 없음"
    panel = room.item_panel.discussion
    panel.autosave.setInterval(50)  # seconds in the room; the test need not wait them
    panel.discussion.setPlainText("예산안 설명, 수정 동의 없음")
    assert discussion(3) == ""
    qtbot.waitUntil(lambda: discussion(3) == "예산안 설명, 수정 동의 없음")


# -- minutes ----------------------------------------------------------------------------------

def pdf_words(path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def run_the_agenda(context, meeting) -> None:
    """Every motion carried 8-1-1; the officer-election item (held by election, never voted yes or
    no) is off the agenda."""
    from coopdesk.domain.meetings.kinds import Subject
    from coopdesk.services.meetings.agenda import remove_item

    arrive(context, meeting, range(1, 11))
    for item in list_items(context.db, context.coop_id, meeting.id):
        if item.subject is Subject.OFFICER_ELECTION:
            remove_item(context.db, context.coop_id, item.id)
            continue
        record_counts(context.db, context.coop_id, item.id, 8, 1, 1)
        close_item(context.db, context.coop_id, item.id)


def print_final(qtbot, room: MeetingRoom, target):
    dialog = room.minutes.print_minutes(draft=False)
    dialog.path_edit.setText(str(target))
    dialog.print_button.click()
    return dialog


def test_final_minutes_need_three_signers_then_print_with_the_result_and_their_names(qtbot, room, context, meeting,
                                                                                      tmp_path):
    run_the_agenda(context, meeting)
    room.tabs.setCurrentIndex(1)
    minutes = room.minutes
    minutes.opened.set_now()  # recorded at once, as the chair opens the meeting
    assert get_meeting(context.db, context.coop_id, meeting.id).opened_at is not None
    minutes.opened.set_value(dt.time(14, 5))
    minutes.closed.set_value(dt.time(15, 40))
    minutes.save_times()
    assert "opened 14:05" in room.details.text() and "closed 15:40" in room.details.text()
    signers = minutes.signers
    assert signers.count() == 10  # those who came in person
    for row in (1, 2):
        signers.item(row).setCheckState(Qt.CheckState.Checked)
    assert [c.key for c in minutes.chosen()] == [2, 3]
    assert minutes.count.text() == "2 members chosen besides the chair; at least 3 are needed."
    target = tmp_path / "minutes.pdf"
    dialog = print_final(qtbot, room, target)
    qtbot.waitUntil(lambda: dialog.errors.message() != "", timeout=20000)
    wait_for_job(qtbot, dialog)
    assert "at least 3 members elected at the meeting" in dialog.errors.message()
    assert "(Act 30③)" in dialog.errors.message() and not target.exists()
    dialog.reject()
    signers.item(3).setCheckState(Qt.CheckState.Checked)
    assert "#1b7f3b" in minutes.count.styleSheet()
    dialog = print_final(qtbot, room, target)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)
    wait_for_job(qtbot, dialog)
    words = pdf_words(target)
    assert "Of the 10 members present, 8 voted yes, 1 no and 1 abstained: the motion was carried." in words
    for name in ("김민준", "조합원02", "조합원03", "조합원04"):
        assert name in words


# -- Korean, and a board ----------------------------------------------------------------------

def test_the_banner_speaks_korean(qtbot, context, meeting):
    i18n.set_language("ko")
    arrive(context, meeting, range(1, 9))
    room = open_room(qtbot, context, meeting)
    text = room.banner.text()
    assert "재적 조합원" in text and "출석" in text
    assert "2 × 출석자 수(8) > 조합원 수(15) (법 제29조②)" in text
    assert room.banner.status.text() == i18n._("QUORUM REACHED")
    assert "(법 제29조②)" in room.item_panel.rule.text()


def test_a_board_meeting_checks_in_directors_by_name_without_proxies(qtbot, context):
    from coopdesk.domain.officers.terms import Office
    from coopdesk.services.officers.terms import TermInput, add_term

    db, coop_id = context.db, context.coop_id
    start, end = D(2026, 1, 1), D(2027, 12, 31)
    for office, n in ((Office.CHAIR, 1), (Office.DIRECTOR, 2), (Office.DIRECTOR, 3), (Office.DIRECTOR, 4),
                      (Office.AUDITOR, 6)):
        add_term(db, coop_id, TermInput(office, start, end, member_number=n), today=TODAY)
    board = create_meeting(db, coop_id, MeetingInput(MeetingKind.BOARD, "제3차 이사회", D(2026, 3, 10)))
    add_item(db, coop_id, board.id, ItemInput(Subject.OTHER, "사업계획 수립의 건", ResolutionKind.ORDINARY))
    room = open_room(qtbot, context, board)
    assert not room.check_in.proxy_button.isVisible()
    assert room.banner.base_caption.text() == "Directors in office" and room.banner.base_number.text() == "4"
    enter(qtbot, room, "조합원06")  # the auditor is no director
    assert "No one who may attend" in room.check_in.status.text()
    for name in ("조합원02", "조합원03", "조합원04"):
        enter(qtbot, room, name)
    assert room.banner.status.text() == "QUORUM REACHED"
    assert "2 × directors present (3) > directors in office (4) (Act 32③)" in room.banner.rule.text()
    assert "Board decision: more than half of the directors present" in room.item_panel.rule.text()
    room.tabs.setCurrentIndex(1)
    signers = room.minutes.signers
    assert [signers.item(r).text() for r in range(signers.count())] == ["조합원02", "조합원03", "조합원04"]
    assert all(signers.item(r).checkState() is Qt.CheckState.Checked for r in range(signers.count()))


def test_f2_goes_to_check_in_and_ctrl_page_down_to_the_next_item(qtbot, room):
    room.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is room)
    room.agenda.setFocus()
    room.select_item(1)
    qtbot.keyClick(room.agenda, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert room.agenda.currentRow() == 1
    qtbot.keyClick(room.agenda, Qt.Key.Key_F2)
    assert room.check_in.field.hasFocus()


def test_a_time_typed_on_the_minutes_tab_is_recorded_without_a_button(qtbot, room, context, meeting):
    room.tabs.setCurrentIndex(1)
    field = room.minutes.closed
    qtbot.mouseClick(field.not_yet, Qt.MouseButton.LeftButton)  # "Not yet" off: a time to type
    field.edit.setFocus()
    field.edit.setTime(field.edit.time().fromString("15:40", "HH:mm"))
    field.edit.editingFinished.emit()  # what leaving the field does
    assert get_meeting(context.db, context.coop_id, meeting.id).closed_at == dt.time(15, 40)
    room.minutes.chair.setText("김민준")
    room.minutes.chair.editingFinished.emit()
    assert get_meeting(context.db, context.coop_id, meeting.id).chair_name == "김민준"


def test_the_proxy_dialog_finds_members_by_number_or_name_as_check_in_does(qtbot, room, context, meeting):
    enter(qtbot, room, "2")
    dialog = room.check_in.add_proxy()
    dialog.principal_combo.setEditText("9")
    dialog.holder_combo.setEditText("조합원02")
    dialog.proof.setChecked(True)
    dialog.ok_button.click()
    assert not dialog.isVisible()
    (proxy,) = attendance_of(context.db, context.coop_id, meeting.id).proxies
    assert (proxy.principal, proxy.holder) == (9, 2)


def test_a_room_opened_again_after_a_restart_shows_each_choice_and_exclusion(qtbot, context, meeting):
    from coopdesk.services.meetings.votes import cast_ballot, exclude

    arrive(context, meeting, range(1, 10))
    item_id = list_items(context.db, context.coop_id, meeting.id)[2].id
    exclude(context.db, context.coop_id, item_id, 2, "예산 집행 당사자")
    cast_ballot(context.db, context.coop_id, item_id, 1, Choice.YES)
    cast_ballot(context.db, context.coop_id, item_id, 3, Choice.NO)
    room = open_room(qtbot, context, meeting)  # as after closing the program mid-vote
    room.select_item(3)
    panel = room.item_panel
    listed = panel.exclusions.listed
    assert [listed.item(r).text() for r in range(listed.count())] == ["2 조합원02 — 예산 집행 당사자"]
    votes = panel.votes
    assert votes.by_roll.isChecked() and 2 not in votes.voters
    assert votes.button(1, Choice.YES).isChecked() and votes.button(3, Choice.NO).isChecked()
    assert not votes.button(1, Choice.NO).isEnabled()


def test_an_arrival_changes_one_line_of_the_present_list_not_the_whole_list(qtbot, room):
    model = room.check_in.present.present_model
    resets, inserted = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    enter(qtbot, room, "5")
    enter(qtbot, room, "3")
    assert resets == [] and inserted == [(0, 0), (0, 0)]  # 3 goes before 5: one row each time
    assert room.check_in.present.shown(0) == ["3", "5"]


def test_arrivals_recorded_elsewhere_show_at_the_next_action_here(qtbot, room, context, meeting):
    """Another laptop (or the command line) checks members in: this screen's next action finds
    the room moved on by more than its own change and reads the list again."""
    enter(qtbot, room, "1")
    check_in(context.db, context.coop_id, meeting.id, 7)  # elsewhere
    check_in(context.db, context.coop_id, meeting.id, 8)
    enter(qtbot, room, "2")
    assert room.check_in.present.shown(0) == ["1", "2", "7", "8"]
    assert room.banner.present_number.text() == "4"


def test_a_large_register_is_read_in_a_worker_and_names_are_found_once_read(qtbot, context, meeting, monkeypatch):
    from coopdesk.ui.meetings.room import room as room_module

    monkeypatch.setattr(room_module, "REGISTER_IN_THREAD_ABOVE", 0)
    room = open_room(qtbot, context, meeting)
    assert room.check_in.index is None and "Reading the register" in room.check_in.candidates_caption.text()
    qtbot.waitUntil(lambda: room.check_in.index is not None, timeout=5000)
    type_into(qtbot, room.check_in.field, "조합원0")
    assert room.check_in.candidates.count() == 8  # 조합원02 … 조합원09
    enter(qtbot, room, "")  # Enter with several fitting checks nobody in
    assert room.check_in.present.shown() == []
