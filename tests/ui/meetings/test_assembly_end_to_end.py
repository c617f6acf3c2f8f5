"""A whole ordinary general assembly of a 15-member co-op, from notice to signed minutes.

The secretary's screen is in Korean.  Only the co-op and its members are made through
the services; from there on the test drives the widgets of the workspace as a secretary
does: the toolbar's actions, the dialogs' fields and buttons, the check-in field typed
into (Hangul arrives as an input method commits it), the confirmation boxes answered.
The PDFs are read back, and at the end the database is read (only read) to see that it
holds what the screen showed.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QWidget

from coopdesk import i18n
from coopdesk.domain.meetings.kinds import Subject
from coopdesk.domain.members.details import MemberDetails
from coopdesk.services import audit
from coopdesk.services.coops import create_coop
from coopdesk.services.meetings.attendance import attendance_of
from coopdesk.services.meetings.notice import list_notices
from coopdesk.services.meetings.signers import signer_candidates
from coopdesk.services.meetings.readings import item_result
from coopdesk.services.meetings.meeting import get_meeting, list_meetings
from coopdesk.services.meetings.agenda import list_items
from coopdesk.services.members.member import add_member
from coopdesk.ui.context import CoopContext
from coopdesk.ui.meetings.meeting_dialog import MeetingDialog
from coopdesk.ui.meetings.meeting_list import AGENDA, KIND, NOTICE
from coopdesk.ui.meetings.notice_dialog import NoticeDialog
from coopdesk.ui.meetings.page import MeetingsPage
from coopdesk.ui.meetings.paper_dialog import PaperDialog
from coopdesk.ui.meetings.room import MeetingRoom
from coopdesk.ui.meetings.room.item_panel import DISCUSSION_TAB, ELECTION_TAB, VOTE_TAB
from coopdesk.ui.meetings.room.proxy_dialog import ProxyDialog
from coopdesk.ui.meetings.room.room import MINUTES_TAB
from coopdesk.ui.workspace import Workspace
from tests.conftest import TODAY, sample_profile
from tests.support.jobs import wait_for_job

D = dt.date
HELD = D(2026, 3, 28)  # a Saturday: the notice must go out by the 20th (Act 28④, counted as LAW.md says)
NOTICE_SENT = HELD - dt.timedelta(days=10)
PLACE = "마을회관 2층"
CHAIR = "김민준"  # member 1, who chairs the assembly
NAMES = ("김민준", "이서연", "박도윤", "최하은", "정지우", "강서준", "조하윤", "윤시우", "장지아", "임도현",
         "한수아", "오예준", "서지안", "신주원", "권서윤")  # members 1 to 15
AGENDA_KO = ("전년도 사업보고 및 결산 승인", "감사보고 승인", "올해 사업계획 및 예산 승인", "임원 선출")
DISCUSSION = "결산서 설명 후 질의응답, 이의 없음"
PRINT_TIMEOUT = 20_000  # ms: the PDF is written off the GUI thread


# -- setup: the co-op and its members (services), the workspace in Korean ----------------------

@pytest.fixture
def korean():
    """The secretary's screen in Korean; English again for the tests that follow."""
    i18n.set_language("ko")
    yield
    i18n.set_language("en")


@pytest.fixture
def context(sqlite_db):
    coop = create_coop(sqlite_db, sample_profile(), adopted_on=D(2025, 1, 1))
    for name in NAMES:
        add_member(sqlite_db, coop.id, MemberDetails(name, "소비자"), joined_on=D(2025, 1, 10), today=TODAY)
    return CoopContext(sqlite_db, coop)


@pytest.fixture
def workspace(qtbot, korean, context) -> Workspace:
    workspace = Workspace(context, area="meetings")
    qtbot.addWidget(workspace)
    workspace.resize(1366, 768)
    workspace.show()
    qtbot.waitExposed(workspace)
    return workspace


@pytest.fixture
def page(workspace) -> MeetingsPage:
    assert workspace.current_area == "meetings"
    meetings = workspace.pages["meetings"]
    assert isinstance(meetings, MeetingsPage) and meetings.isVisible()
    return meetings


# -- what a secretary's hands do -----------------------------------------------------------------

def the_open(parent: QWidget, kind: type[QWidget]) -> QWidget:
    """The one window of this kind that is open over ``parent`` (a dialog, a message box)."""
    shown = [w for w in parent.findChildren(kind) if w.isVisible()]
    assert len(shown) == 1, f"expected one open {kind.__name__}, found {len(shown)}"
    return shown[0]


def type_into(qtbot, field: QLineEdit | QPlainTextEdit, text: str, replace: bool = True) -> None:
    """Keys as typed; Hangul arrives as an input method commits it, syllable by syllable."""
    field.setFocus()
    if replace:
        field.selectAll()  # what is typed replaces what the field held
    for char in text:
        if char.isascii():
            qtbot.keyClicks(field, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(field, event)


def set_date(edit, day: dt.date) -> None:
    edit.setDate(QDate(day.year, day.month, day.day))  # as picked in the calendar that drops down


def answer(parent: QWidget, button: QMessageBox.StandardButton, says: str = "") -> str:
    """Answer the message box open over ``parent``; returns what it said."""
    box = the_open(parent, QMessageBox)
    assert isinstance(box, QMessageBox)
    text = box.text()
    assert says in text
    box.button(button).click()
    return text


def flat(text: str) -> str:
    """Text without white space: a PDF breaks Korean lines anywhere."""
    return "".join(text.split())


def pdf_text(path: Path) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return flat("".join(p.extract_text() for p in reader.pages)), len(reader.pages)


# -- 1. the meeting ------------------------------------------------------------------------------

def create_the_assembly(qtbot, page: MeetingsPage) -> None:
    page.new_action.trigger()  # 새 회의…
    dialog = the_open(page, MeetingDialog)
    assert isinstance(dialog, MeetingDialog) and dialog.windowTitle() == "새 회의"
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findText("정기총회"))
    set_date(dialog.date_edit, HELD)
    assert dialog.title_edit.text() == "2026년 정기총회"  # the title follows the kind and the year
    dialog.time_edit.edit.setTime(QTime(10, 0))
    type_into(qtbot, dialog.place_edit, PLACE)
    type_into(qtbot, dialog.convened_edit, f"이사장 {CHAIR}")
    type_into(qtbot, dialog.chair_edit, CHAIR)
    assert dialog.standard_agenda.isVisible() and dialog.standard_agenda.isChecked()
    dialog.ok_button.click()
    assert not dialog.isVisible(), dialog.errors.message()


def step_1_the_list_shows_the_assembly_with_its_agenda(qtbot, page: MeetingsPage) -> None:
    create_the_assembly(qtbot, page)
    assert page.shown() == ["2026년 정기총회"] and page.shown(KIND) == ["정기총회"]
    assert page.shown(AGENDA) == ["4건 중 0건 종결"]
    assert page.shown(NOTICE) == ["미발송"]
    assert page.detail.agenda_shown() == list(AGENDA_KO)
    facts = page.detail.facts_shown()
    assert facts["장소:"] == PLACE and facts["시작 시각:"] == "10:00"


# -- 2. the notice -------------------------------------------------------------------------------

def step_2_the_notice_is_recorded_on_time(page: MeetingsPage) -> None:
    page.notice_action.trigger()  # 소집 통지 기록…
    dialog = the_open(page, NoticeDialog)
    assert isinstance(dialog, NoticeDialog)
    set_date(dialog.date_edit, NOTICE_SENT)
    assert dialog.date_check.ok is True
    assert dialog.date_check.plain_text().startswith("기한 내 통지")
    assert i18n.current().date(HELD - dt.timedelta(days=8)) in dialog.date_check.plain_text()
    assert dialog.method_combo.currentText() == "우편" and dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    assert not dialog.isVisible(), dialog.errors.message()
    assert page.shown(NOTICE) == [f"{i18n.current().date(NOTICE_SENT)} 발송"]


def print_paper(qtbot, dialog: PaperDialog, folder: Path) -> Path:
    """Keep the suggested file name, in ``folder``; Print; wait for the file."""
    target = folder / Path(dialog.path_edit.text()).name
    dialog.path_edit.setText(str(target))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible() or dialog.errors.message() != "", timeout=PRINT_TIMEOUT)
    wait_for_job(qtbot, dialog)
    return target


def step_2_the_notice_prints_in_korean(qtbot, page: MeetingsPage, folder: Path) -> None:
    page.print_action.trigger()  # 인쇄… : the notice, unless another paper is picked
    dialog = the_open(page, PaperDialog)
    assert isinstance(dialog, PaperDialog)
    assert dialog.paper() == ("notice", False) and dialog.language() == "ko"
    assert dialog.path_edit.text().endswith("2026년 정기총회 소집통지서.pdf")
    target = print_paper(qtbot, dialog, folder)
    assert not dialog.isVisible(), dialog.errors.message()
    said = answer(page, QMessageBox.StandardButton.Close, says=str(target))
    assert "1쪽" in said
    text, _pages = pdf_text(target)
    assert "소집" in text and flat(PLACE) in text and "2026년정기총회" in text
    for title in AGENDA_KO:
        assert flat(title) in text


# -- 3. the meeting room: check-in and a proxy -------------------------------------------------

def step_3_open_the_meeting_room(page: MeetingsPage) -> MeetingRoom:
    page.room_action.trigger()  # 회의 진행 화면 열기
    room = page.room
    assert isinstance(room, MeetingRoom) and page.currentWidget() is room
    assert room.heading.text() == "2026년 정기총회" and PLACE in room.details.text()
    assert room.banner.base_number.text() == "15" and room.banner.present_number.text() == "0"
    return room


def check_in(qtbot, room: MeetingRoom, typed: str) -> str:
    """Type a number or a name in the check-in field and press Enter; what the room says."""
    type_into(qtbot, room.check_in.field, typed, replace=False)
    qtbot.keyClick(room.check_in.field, Qt.Key.Key_Return)
    return room.check_in.status.text()


def add_proxy(room: MeetingRoom, principal: int, holder: int) -> None:
    room.check_in.proxy_button.click()  # 대리인 등록…
    dialog = the_open(room, ProxyDialog)
    assert isinstance(dialog, ProxyDialog)
    dialog.choose(dialog.principal_combo, principal)  # picked from the drop-down list
    dialog.choose(dialog.holder_combo, holder)
    dialog.proof.click()  # the signed proxy form was handed in
    dialog.ok_button.click()
    assert not dialog.isVisible(), dialog.errors.message()


def step_3_ten_are_present_and_the_quorum_is_reached(qtbot, room: MeetingRoom) -> None:
    banner = room.banner
    for n in range(1, 8):
        assert check_in(qtbot, room, str(n)) == f"출석: {n} {NAMES[n - 1]}"
    assert banner.status.text() == "성원 미달"  # 2 × 7 ≤ 15
    assert check_in(qtbot, room, "8") == f"출석: 8 {NAMES[7]}"
    assert banner.status.text() == "성원"  # 2 × 8 > 15: the banner follows the room at once
    assert check_in(qtbot, room, NAMES[8]) == f"출석: 9 {NAMES[8]}"  # 장지아, typed by name
    add_proxy(room, principal=10, holder=1)
    assert room.check_in.status.text() == "대리인을 등록했습니다."
    assert banner.status.text() == "성원" and banner.present_number.text() == "10"
    assert banner.present_detail.text() == "본인 9명\n위임 1명"
    assert "(법 제29조②)" in banner.rule.text()


# -- 4. the votes --------------------------------------------------------------------------------

def show_of_hands(qtbot, room: MeetingRoom, yes: int, no: int, abstain: int) -> None:
    """Type the three counts; Enter in the last box records them."""
    votes = room.item_panel.votes
    assert votes.by_counts.isChecked()
    for box, count in ((votes.yes, yes), (votes.no, no), (votes.abstain, abstain)):
        box.setFocus()
        box.selectAll()
        qtbot.keyClicks(box, str(count))
        assert box.value() == count
    qtbot.keyClick(votes.abstain, Qt.Key.Key_Return)


def close_the_item(room: MeetingRoom) -> None:
    panel = room.item_panel
    panel.close_button.click()  # 안건 종결…
    answer(panel, QMessageBox.StandardButton.Yes, says="결과를 확정할까요?")


def write_the_discussion(qtbot, room: MeetingRoom, text: str) -> None:
    panel = room.item_panel
    panel.tabs.setCurrentIndex(DISCUSSION_TAB)
    type_into(qtbot, panel.discussion.discussion, text)
    panel.tabs.setCurrentIndex(VOTE_TAB)


def elect_an_auditor(room: MeetingRoom, item_id: int) -> None:
    """The officer election held on item 4 (its own tests drive the ballot screen): an auditor,
    the one candidate elected by all ten votes."""
    from coopdesk.domain.elections.ballots import Ballot
    from coopdesk.domain.officers.terms import Office
    from coopdesk.services.elections.calling import create_election
    from coopdesk.services.elections.candidates import add_candidate
    from coopdesk.services.elections.closing import close_voting
    from coopdesk.services.elections.casting import cast
    from coopdesk.services.elections.deciding import decide_contest
    from coopdesk.services.elections.views import CandidateInput, ContestInput, ElectionInput
    from coopdesk.services.elections.voting import open_voting

    db, coop_id = room.context.db, room.context.coop_id
    called = create_election(db, coop_id, item_id, ElectionInput(contests=(ContestInput(Office.AUDITOR, 1),)))
    contest = called.contests[0].id
    add_candidate(db, coop_id, contest, CandidateInput(NOTICE_SENT, member_number=5, accepted_on=NOTICE_SENT))
    open_voting(db, coop_id, called.id, [contest])
    for voter in range(1, 11):
        cast(db, coop_id, called.id, voter, {contest: Ballot.yes_no(yes=[5])})
    close_voting(db, coop_id, contest)
    decide_contest(db, coop_id, contest)


def step_4_every_item_is_voted_and_closed(qtbot, room: MeetingRoom) -> None:
    panel = room.item_panel
    for position, title in enumerate(AGENDA_KO, start=1):
        assert room.agenda.currentRow() == position - 1
        assert panel.title.text() == f"제{position}호 안건. {title}"
        if position == 1:
            write_the_discussion(qtbot, room, DISCUSSION)
        if position == 4:  # officers: an election, never a show of hands (Act 34)
            assert not panel.tabs.isTabVisible(VOTE_TAB) and panel.tabs.isTabVisible(ELECTION_TAB)
            elect_an_auditor(room, panel.item.id)
            panel.refresh()
            close_the_item(room)
            assert panel.message.text() == "종결: 결과가 확정되었습니다."
            assert room.agenda.item(position - 1).text().endswith("당선")
            assert "가결" not in room.agenda.item(position - 1).text()
            continue
        show_of_hands(qtbot, room, 8, 1, 1)
        view = panel.result_view
        assert panel.message.text() == "", panel.message.text()
        assert view.verdict.text() == "가결"
        assert view.counts.text() == "찬성 8 · 반대 1 · 기권 1 — 출석 10명"
        assert "(법 제29조②)" in view.explanation.text()
        close_the_item(room)
        assert panel.message.text() == "종결: 결과가 확정되었습니다."
        assert not panel.votes.isEnabled() and not panel.close_button.isVisible()
        assert room.agenda.item(position - 1).text().endswith("가결")
        room.next_button.click()  # 다음 ▶
    assert [room.agenda.item(r).text().split()[-1] for r in range(4)] == ["가결"] * 3 + ["당선"]


# -- 5. times, signers, minutes -------------------------------------------------------------------

def record_times_and_chair(room: MeetingRoom, opened: dt.time, closed: dt.time) -> None:
    minutes = room.minutes
    for field, value in ((minutes.opened, opened), (minutes.closed, closed)):
        field.not_yet.click()  # untick 아직 안 함
        field.edit.setTime(QTime(value.hour, value.minute))
    assert minutes.chair.text() == CHAIR  # the chair named when the meeting was made
    minutes.findChild(QPushButton, "record_times").click()  # 시각과 의장 기록
    assert minutes.times_message.text() == "기록했습니다."


def tick_signers(room: MeetingRoom, numbers: list[int]) -> None:
    signers = room.minutes.signers
    for row in range(signers.count()):
        entry = signers.item(row)
        if int(entry.data(Qt.ItemDataRole.UserRole)) in numbers:
            entry.setCheckState(Qt.CheckState.Checked)  # a click in the entry's box


def step_5_times_chair_and_three_signers(room: MeetingRoom) -> None:
    room.tabs.setCurrentIndex(MINUTES_TAB)  # 시각·서명인·의사록
    record_times_and_chair(room, dt.time(10, 2), dt.time(11, 40))
    assert "10:02 개회" in room.details.text() and "11:40 폐회" in room.details.text()
    signers = room.minutes.signers
    shown = [signers.item(r).text() for r in range(signers.count())]
    assert shown == [f"{n} {NAMES[n - 1]}" for n in range(1, 10)]  # those who came in person
    tick_signers(room, [2, 3, 4])
    assert room.minutes.count.text() == "의장 외에 3명 선택됨 (3명 이상 필요)."
    assert "#1b7f3b" in room.minutes.count.styleSheet()  # green: enough


def print_final_minutes(qtbot, room: MeetingRoom, folder: Path) -> tuple[PaperDialog, Path]:
    room.minutes.final_button.click()  # 의사록 인쇄…
    dialog = the_open(room.minutes, PaperDialog)
    assert isinstance(dialog, PaperDialog)
    assert dialog.paper() == ("minutes", False) and dialog.language() == "ko"
    assert dialog.path_edit.text().endswith("2026년 정기총회 의사록.pdf")
    return dialog, print_paper(qtbot, dialog, folder)


def step_5_the_minutes_print_in_korean(qtbot, room: MeetingRoom, folder: Path) -> None:
    dialog, target = print_final_minutes(qtbot, room, folder)
    assert not dialog.isVisible(), dialog.errors.message()
    answer(room.minutes, QMessageBox.StandardButton.Close, says=str(target))
    text, pages = pdf_text(target)
    assert pages >= 1
    assert "2026년정기총회의사록" in text
    assert flat("조합원 15명 중 10명 출석(본인 9명, 위임 1명)") in text
    carried = flat("출석 조합원 10명 중 찬성 8명, 반대 1명, 기권 1명으로 원안 가결")
    assert text.count(carried) == 3  # the three ordinary items
    assert flat("감사 1인 선출") in text and flat(f"{NAMES[4]} 당선") in text  # the election
    assert flat(DISCUSSION) in text and flat(PLACE) in text
    assert "10:02" in text and "11:40" in text
    for n in (1, 2, 3, 4):  # the chair and the three members elected to sign
        assert NAMES[n - 1] in text


# -- 6. the database holds what the screen showed --------------------------------------------------

def step_6_the_database_agrees(context: CoopContext) -> None:
    db, coop_id = context.db, context.coop_id
    [meeting] = list_meetings(db, coop_id)
    meeting = get_meeting(db, coop_id, meeting.id)
    assert (meeting.held_on, meeting.starts_at, meeting.place, meeting.chair_name) == \
        (HELD, dt.time(10), PLACE, CHAIR)
    assert (meeting.opened_at, meeting.closed_at) == (dt.time(10, 2), dt.time(11, 40))
    [notice] = list_notices(db, coop_id, meeting.id)
    assert notice.sent_on == NOTICE_SENT and not notice.accepted_late
    items = list_items(db, coop_id, meeting.id)
    assert [i.title for i in items] == list(AGENDA_KO) and all(i.closed for i in items)
    assert items[0].discussion == DISCUSSION
    for item in items:
        r = item_result(db, coop_id, item.id)
        assert (r.closed, r.passed, r.members, r.present, r.proxies) == (True, True, 15, 10, 1)
        if item.subject is Subject.OFFICER_ELECTION:  # said as an election: one elected for one seat
            assert r.election_seats == (1, 1) and not r.voted
        else:
            assert (r.yes, r.no, r.abstain) == (8, 1, 1)
    attendance = attendance_of(db, coop_id, meeting.id)
    assert attendance.present == 10 and attendance.in_person == tuple(range(1, 10))
    [proxy] = attendance.proxies
    assert (proxy.principal, proxy.holder, proxy.counts) == (10, 1, True)
    assert [c.key for c in signer_candidates(db, coop_id, meeting.id) if c.chosen] == [2, 3, 4]
    assert audit.verify(db).intact


# -- the tests -------------------------------------------------------------------------------------

def test_a_secretary_runs_an_ordinary_assembly_from_notice_to_signed_minutes(qtbot, page, context, tmp_path):
    step_1_the_list_shows_the_assembly_with_its_agenda(qtbot, page)
    step_2_the_notice_is_recorded_on_time(page)
    step_2_the_notice_prints_in_korean(qtbot, page, tmp_path)
    room = step_3_open_the_meeting_room(page)
    step_3_ten_are_present_and_the_quorum_is_reached(qtbot, room)
    step_4_every_item_is_voted_and_closed(qtbot, room)
    step_5_times_chair_and_three_signers(room)
    step_5_the_minutes_print_in_korean(qtbot, room, tmp_path)
    room.back_button.click()  # ← 회의 목록: the list reads again what the room did
    assert page.currentWidget() is page.list_view and page.shown(AGENDA) == ["4건 중 4건 종결"]
    step_6_the_database_agrees(context)


def test_final_minutes_with_two_signers_are_refused_and_nothing_is_written(qtbot, page, context, tmp_path):
    create_the_assembly(qtbot, page)
    room = step_3_open_the_meeting_room(page)
    step_3_ten_are_present_and_the_quorum_is_reached(qtbot, room)
    step_4_every_item_is_voted_and_closed(qtbot, room)
    room.tabs.setCurrentIndex(MINUTES_TAB)
    tick_signers(room, [2, 3])
    assert room.minutes.count.text() == "의장 외에 2명 선택됨 (3명 이상 필요)."
    assert "#b00020" in room.minutes.count.styleSheet()  # red: not enough
    entries_before = audit.verify(context.db).entries
    dialog, target = print_final_minutes(qtbot, room, tmp_path)
    refusal = dialog.errors.message()
    assert dialog.isVisible() and dialog.print_button.isEnabled()
    assert "3명 이상이 서명" in refusal and "(법 제30조③)" in refusal
    assert not target.exists() and list(tmp_path.glob("*.pdf")) == []
    assert [w for w in room.findChildren(QMessageBox) if w.isVisible()] == []  # no "saved" notice
    assert audit.verify(context.db).entries == entries_before
    meeting_id = list_meetings(context.db, context.coop_id)[0].id
    assert [c.key for c in signer_candidates(context.db, context.coop_id, meeting_id) if c.chosen] == [2, 3]
