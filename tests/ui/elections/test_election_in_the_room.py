"""A 15-member assembly elects 3 directors (of 5 candidates), 1 auditor and then the chair by
secret ballot on one laptop, through the meeting room's widgets; the officer register follows
when the item closes.  Members 1–12 check in, member 13 is represented by member 1 (who votes
twice).  Halfway through, the room is opened again on the same file: the roll is intact.

Only the co-op, its members and the officers before are made through the services (the
``assembly`` helpers of the service tests); from the meeting on, the test drives the widgets.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QMessageBox, QWidget

from coopdesk.domain.meetings.kinds import MeetingKind, Subject
from coopdesk.domain.officers.terms import Office
from coopdesk.services.coops import create_coop
from coopdesk.services.elections.printing import ElectionPaperKind
from coopdesk.services.files import open_database
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting
from coopdesk.ui.context import CoopContext
from coopdesk.ui.elections.ballot_form import BLANK
from coopdesk.ui.elections.paper_dialog import ElectionPaperDialog
from coopdesk.ui.meetings.room import MeetingRoom
from coopdesk.ui.meetings.room.item_panel import ELECTION_TAB
from coopdesk.ui.meetings.room.proxy_dialog import ProxyDialog
from coopdesk.ui.meetings.room.room import MINUTES_TAB
from coopdesk.ui.officers.page import OFFICE, OfficersPage
from tests.conftest import sample_profile
from tests.services.elections.helpers import HELD, add_members, name, officers_before
from tests.support.jobs import wait_for_job
from tests.ui.elections.driving import activate, focused

D = dt.date
# voter -> (directors marked, auditor: True for, False against, None blank)
DIRECTOR_VOTES = {**{v: (2, 6, 7) for v in range(1, 8)}, **{v: (2, 6, 8) for v in (8, 9, 10)}, 11: (8, 9), 12: (8, 9),
                  13: ()}
AUDITOR_VOTES = {**{v: True for v in range(1, 12)}, 12: False, 13: None}
CHAIR_VOTES = {**{v: (2,) for v in range(1, 9)}, **{v: (5,) for v in (9, 10, 11, 12)}, 13: ()}


@pytest.fixture
def context(sqlite_db):
    coop = create_coop(sqlite_db, sample_profile(), adopted_on=D(2025, 1, 1))
    add_members(sqlite_db, coop)
    officers_before(sqlite_db, coop)
    create_meeting(sqlite_db, coop.id, MeetingInput(MeetingKind.ORDINARY_ASSEMBLY, "2026년 정기총회", HELD,
                                                    dt.time(14, 0), "조합 사무실", "이사장"), with_standard_agenda=True)
    return CoopContext(sqlite_db, coop)


def open_room(qtbot, context) -> MeetingRoom:
    from coopdesk.services.meetings.meeting import list_meetings

    room = MeetingRoom(context, list_meetings(context.db, context.coop_id)[0].id)
    qtbot.addWidget(room)
    room.resize(1366, 768)
    room.show()
    for row in range(room.agenda.count()):  # the standard agenda's officer election
        room.agenda.setCurrentRow(row)
        if room.agenda.current_view().subject is Subject.OFFICER_ELECTION:
            break
    panel = room.item_panel.election
    assert panel is not None and room.item_panel.tabs.currentIndex() == ELECTION_TAB
    panel.full_screen = False  # the ballot in a window, offscreen
    return room


def enter(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def check_in_everyone(qtbot, room: MeetingRoom) -> None:
    for n in range(1, 13):
        enter(qtbot, room.check_in.field, str(n))
    room.check_in.proxy_button.click()
    dialog = next(w for w in room.findChildren(ProxyDialog) if w.isVisible())
    dialog.choose(dialog.principal_combo, 13)
    dialog.choose(dialog.holder_combo, 1)
    dialog.proof.click()
    dialog.ok_button.click()
    assert room.banner.present_number.text() == "13"


def set_up(qtbot, room: MeetingRoom) -> None:
    setup = room.item_panel.election.setup
    setup.announced_edit.set_value(D(2026, 3, 10))
    setup.from_edit.set_value(D(2026, 3, 10))
    setup.to_edit.set_value(D(2026, 3, 20))
    setup.committee_edit.setText("조합원14, 조합원15")
    click(qtbot, setup.save_button)
    for office, seats in ((Office.DIRECTOR, 3), (Office.AUDITOR, 1)):
        add_office(qtbot, room, office, seats)


def add_office(qtbot, room: MeetingRoom, office: Office, seats: int) -> None:
    setup = room.item_panel.election.setup
    setup.office_combo.setCurrentIndex(setup.office_combo.findData(office))
    setup.seats_spin.setValue(seats)
    click(qtbot, setup.add_button)


def add_candidates(qtbot, room: MeetingRoom, office: Office, *numbers: int) -> str:
    box = room.item_panel.election.candidates
    for row in range(box.contest_combo.count()):
        if box.election.contest(box.contest_combo.itemData(row)).office is office:
            box.contest_combo.setCurrentIndex(row)
    for n in numbers:
        enter(qtbot, box.picker, str(n))
    return room.item_panel.election.message.text()


def unlock(qtbot, room: MeetingRoom, typed: str, pick_down: bool = False):
    panel = room.item_panel.election
    field = panel.unlock.field
    field.setFocus()
    qtbot.keyClicks(field, typed)
    if pick_down:
        qtbot.keyClick(field, Qt.Key.Key_Down)
    qtbot.keyClick(field, Qt.Key.Key_Return)  # shows who votes
    qtbot.keyClick(panel.unlock.open_button, Qt.Key.Key_Return)  # opens the ballot
    assert panel.ballot.form is not None, panel.unlock.status.text()
    return panel.ballot.form


def vote(qtbot, room: MeetingRoom, typed: str, marks: dict[int, object], pick_down: bool = False) -> None:
    """One voter marks by mouse and casts; ``marks`` by contest id: keys chosen, or True/False/None."""
    form = unlock(qtbot, room, typed, pick_down)
    for contest_id, marked in marks.items():
        if isinstance(marked, tuple):
            for key in marked:
                click(qtbot, form.findChild(QCheckBox, f"mark_{contest_id}_{key}"))
        elif marked is not None:
            click(qtbot, form.findChild(QCheckBox, f"{'for' if marked else 'against'}_{contest_id}_10"))
    click(qtbot, form.confirm_button)
    if form.currentIndex() == BLANK:
        click(qtbot, form.leave_blank_button)
    click(qtbot, form.cast_button)
    assert room.item_panel.election.ballot.form is None  # locked again: cast
    room.item_panel.election.ballot.secretary()  # the laptop handed back


def contests(room: MeetingRoom) -> dict[Office, int]:
    e = room.item_panel.election.election
    return {c.office: c.id for c in e.contests if c.round == 1}


# the member picker's completer pops up as a number is typed: offscreen, Qt cannot raise it
@pytest.mark.qt_log_ignore(r"does not support raise\(\)", "does not support grabbing the keyboard")
def test_an_assembly_elects_its_officers_by_secret_ballot_in_the_room(qtbot, context, tmp_path):
    room = open_room(qtbot, context)
    check_in_everyone(qtbot, room)
    set_up(qtbot, room)
    assert add_candidates(qtbot, room, Office.DIRECTOR, 2, 6, 7, 8, 9) == ""
    add_candidates(qtbot, room, Office.AUDITOR, 6)  # a director candidate cannot stand for auditor
    assert "(Act" in room.item_panel.election.message.text()
    assert add_candidates(qtbot, room, Office.AUDITOR, 10) == ""
    click(qtbot, room.item_panel.election.open_button)
    ids = contests(room)
    first_half = [1, 2, 3, 4, 5, 6]

    def marks(voter: int) -> dict[int, object]:
        return {ids[Office.DIRECTOR]: DIRECTOR_VOTES[voter], ids[Office.AUDITOR]: AUDITOR_VOTES[voter]}

    vote(qtbot, room, "1", marks(1), pick_down=True)  # the holder's own vote first
    for voter in first_half[1:]:
        vote(qtbot, room, str(voter), marks(voter))
    assert room.item_panel.election.unlock.counts.text() == "Voted: 6 of 13 present"

    # the program is opened again on the same file, mid-vote: the roll is intact
    again = CoopContext(open_database(context.db.url), context.coop)
    room = open_room(qtbot, again)
    panel = room.item_panel.election
    assert panel.unlock.counts.text() == "Voted: 6 of 13 present"
    qtbot.keyClicks(panel.unlock.field, "3")
    assert "already voted" in panel.unlock.status.text()
    panel.unlock.field.clear()
    vote(qtbot, room, "1", marks(13))  # the holder again, now for member 13
    for voter in range(7, 13):
        vote(qtbot, room, str(voter), marks(voter))
    assert panel.unlock.counts.text() == "Voted: 13 of 13 present"

    click(qtbot, panel.close_button)
    qtbot.waitUntil(lambda: panel.decide_button.isEnabled(), timeout=20_000)
    wait_for_job(qtbot, panel)  # the counting thread has ended
    click(qtbot, panel.decide_button)
    table = panel.result
    assert table.shown() == [name(2), name(6), name(7), name(8), name(9), name(10)]
    assert table.shown(2) == ["10", "10", "7", "5", "2", "11"]
    assert table.shown(4) == ["elected"] * 3 + ["", ""] + ["elected"]
    assert "(Act 23①)" in table.rules.text()

    add_office(qtbot, room, Office.CHAIR, 1)
    add_candidates(qtbot, room, Office.CHAIR, 11)
    assert "not a director" in panel.message.text()
    add_candidates(qtbot, room, Office.CHAIR, 2, 5)
    click(qtbot, panel.open_button)
    chair = next(c.id for c in panel.election.contests if c.office is Office.CHAIR)
    vote(qtbot, room, "1", {chair: CHAIR_VOTES[1]}, pick_down=True)
    vote(qtbot, room, "1", {chair: CHAIR_VOTES[13]})
    for voter in range(2, 13):
        vote(qtbot, room, str(voter), {chair: CHAIR_VOTES[voter]})
    click(qtbot, panel.close_button)
    qtbot.waitUntil(lambda: panel.decide_button.isEnabled(), timeout=20_000)
    wait_for_job(qtbot, panel)  # the counting thread has ended
    click(qtbot, panel.decide_button)
    assert panel.election.decided
    _the_result_prints(qtbot, panel, tmp_path)

    officers = OfficersPage(again)
    qtbot.addWidget(officers)
    officers.show()
    before = officers.shown()
    room.item_panel.close_button.click()
    box = next(w for w in room.findChildren(QMessageBox) if w.isVisible())
    box.button(QMessageBox.StandardButton.Yes).click()
    assert room.item_panel.result.closed
    qtbot.waitUntil(lambda: officers.shown() != before)
    in_office = set(zip(officers.shown(OFFICE), officers.shown()))
    for office, number in (("Chair", 2), ("Director", 2), ("Director", 6), ("Director", 7), ("Auditor", 10)):
        assert any(o == office and name(number) in p for o, p in in_office), (office, number, in_office)
    _the_minutes_name_the_elected(qtbot, room, tmp_path)


def print_to(qtbot, dialog, target) -> str:
    dialog.path_edit.setText(str(target))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible() or dialog.errors.message() != "", timeout=20_000)
    wait_for_job(qtbot, dialog)
    assert dialog.errors.message() == ""
    parent = dialog.parentWidget()
    said = next(w for w in parent.findChildren(QMessageBox, "notice") if w.isVisible())
    assert "saved to" in said.text()
    said.button(QMessageBox.StandardButton.Close).click()
    return "".join("".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(target.read_bytes())).pages)


def _the_result_prints(qtbot, panel, folder) -> None:
    dialog = panel.print_button.click() or next(w for w in panel.findChildren(ElectionPaperDialog) if w.isVisible())
    assert dialog.paper() is ElectionPaperKind.RESULT  # decided: the result first
    assert dialog.path_edit.text().endswith("2026년 정기총회 Election result.pdf")
    text = print_to(qtbot, dialog, folder / "result.pdf")
    for number in (2, 6, 7, 10):
        assert name(number) in text, number


def _the_minutes_name_the_elected(qtbot, room: MeetingRoom, folder) -> None:
    room.tabs.setCurrentIndex(MINUTES_TAB)
    text = print_to(qtbot, room.minutes.print_minutes(draft=True), folder / "minutes.pdf")
    for number in (2, 6, 7, 8, 9, 10):
        assert name(number) in text, number


@pytest.mark.qt_log_ignore(r"does not support raise\(\)", "does not support grabbing the keyboard")
@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_election_fits_the_room_on_a_small_laptop(qtbot, context, language):
    from coopdesk import i18n
    from coopdesk.ui.workspace import Workspace

    i18n.set_language(language)
    try:
        workspace = Workspace(context, area="meetings")
        qtbot.addWidget(workspace)
        workspace.resize(1093, 540)
        workspace.show()
        workspace.pages["meetings"].room_action.trigger()
        room = workspace.pages["meetings"].room
        room.select_item(4)
        panel = room.item_panel.election
        assert panel is not None and panel.isVisible()
        set_up(qtbot, room)
        add_candidates(qtbot, room, Office.DIRECTOR, 2, 6, 7, 8, 9)
        hint = workspace.minimumSizeHint()
        assert hint.width() <= 1093 and hint.height() <= 540, hint
    finally:
        i18n.set_language("en")


@pytest.mark.qt_log_ignore(r"does not support raise\(\)", "does not support grabbing the keyboard")
def test_on_paper_the_roll_is_ticked_and_two_tellers_agree_on_the_count(qtbot, context):
    from coopdesk.ui.elections.tally_dialog import TallyDialog

    room = open_room(qtbot, context)
    check_in_everyone(qtbot, room)
    panel = room.item_panel.election
    panel.setup.voting_combo.setCurrentIndex(1)  # paper ballots, two tellers
    set_up(qtbot, room)
    add_candidates(qtbot, room, Office.DIRECTOR, 2, 6, 7, 8, 9)
    add_candidates(qtbot, room, Office.AUDITOR, 10)
    click(qtbot, panel.open_button)
    assert panel.unlock.open_button.text() == "Hand out the papers"
    for typed, down in (("1", True), ("1", False), *((str(n), False) for n in range(2, 13))):
        qtbot.keyClicks(panel.unlock.field, typed)
        if down:
            qtbot.keyClick(panel.unlock.field, Qt.Key.Key_Down)
        qtbot.keyClick(panel.unlock.field, Qt.Key.Key_Return)
        qtbot.keyClick(panel.unlock.open_button, Qt.Key.Key_Return)
        assert panel.unlock.status.text().startswith("Papers handed out"), panel.unlock.status.text()
    assert panel.unlock.counts.text() == "Voted: 13 of 13 present"
    click(qtbot, panel.close_button)
    qtbot.waitUntil(lambda: panel.tally_button.isEnabled(), timeout=20_000)
    wait_for_job(qtbot, panel)  # the counting thread has ended
    # directors: 13 papers, 1 blank, 0 invalid, then 2 6 7 8 9; the auditor: 13, 1, 0, for 11, against 1
    for count in ([13, 1, 0, 10, 10, 7, 5, 2], [13, 1, 0, 11, 1]):
        click(qtbot, panel.tally_button)
        dialog = next(w for w in panel.findChildren(TallyDialog) if w.isVisible())
        activate(qtbot, dialog)
        for _teller in (1, 2):  # each types every number and Enter, field after field
            for n in count:
                field = focused()
                field.selectAll()
                qtbot.keyClicks(field, str(n))
                qtbot.keyClick(field, Qt.Key.Key_Return)
        assert dialog.accept_button.isEnabled(), dialog.status.text()
        click(qtbot, dialog.accept_button)
    assert panel.decide_button.isEnabled()
    click(qtbot, panel.decide_button)
    assert panel.result.shown() == [name(2), name(6), name(7), name(8), name(9), name(10)]
    assert panel.result.shown(4) == ["elected"] * 3 + ["", ""] + ["elected"]


@pytest.mark.qt_log_ignore(r"does not support raise\(\)", "does not support grabbing the keyboard")
def test_a_tie_for_the_last_seat_goes_to_a_run_off_round_on_the_same_panel(qtbot, context):
    room = open_room(qtbot, context)
    check_in_everyone(qtbot, room)
    panel = room.item_panel.election
    click(qtbot, panel.setup.save_button)
    add_office(qtbot, room, Office.DIRECTOR, 2)
    add_candidates(qtbot, room, Office.DIRECTOR, 2, 6, 7)
    click(qtbot, panel.open_button)
    assert panel.message.text() == ""
    first = contests(room)[Office.DIRECTOR]
    # 5 mark (2, 6), 5 mark (2, 7), 3 mark (6, 7): 2 has 10, 6 and 7 have 8 each for the second seat
    marks = {**{v: (2, 6) for v in range(1, 6)}, **{v: (2, 7) for v in range(6, 11)}, 11: (6, 7), 12: (6, 7),
             13: (6, 7)}
    vote(qtbot, room, "1", {first: marks[1]}, pick_down=True)
    vote(qtbot, room, "1", {first: marks[13]})
    for voter in range(2, 13):
        vote(qtbot, room, str(voter), {first: marks[voter]})
    click(qtbot, panel.close_button)
    qtbot.waitUntil(lambda: panel.decide_button.isEnabled(), timeout=20_000)
    wait_for_job(qtbot, panel)  # the counting thread has ended
    click(qtbot, panel.decide_button)
    assert "run-off" in panel.message.text()
    runoff = next(c for c in panel.election.contests if c.round == 2)
    assert [c.key for c in runoff.standing] == [6, 7] and runoff.seats == 1
    click(qtbot, panel.open_button)
    form = unlock(qtbot, room, "1", pick_down=True)
    assert "run-off" in form.findChild(QWidget, f"contest_{runoff.id}").findChildren(QLabel)[0].text()
    panel.ballot.secretary()
    panel.ballot.end_button.click()  # the secretary ends it: nothing cast, the holder may vote again
    vote(qtbot, room, "1", {runoff.id: (6,)}, pick_down=True)
    vote(qtbot, room, "1", {runoff.id: (7,)})
    for voter in range(2, 13):
        vote(qtbot, room, str(voter), {runoff.id: (6,) if voter <= 7 else (7,)})  # 6 gets 7 votes, 7 gets 6
    click(qtbot, panel.close_button)
    qtbot.waitUntil(lambda: panel.decide_button.isEnabled(), timeout=20_000)
    wait_for_job(qtbot, panel)  # the counting thread has ended
    click(qtbot, panel.decide_button)
    assert panel.election.decided
    assert panel.result.shown(4) == ["elected", "", "", "elected", ""]  # 2 in round 1, then 6 in the run-off
    assert panel.result.shown() == [name(2), name(6), name(7), name(6), name(7)]


@pytest.mark.qt_log_ignore(r"does not support raise\(\)", "does not support grabbing the keyboard")
def test_once_the_laptop_is_handed_back_the_secretary_is_not_told_to_wait_for_it(qtbot, context):
    """After a cast the panel is ready for the next voter: no "wait for the voter" left over from the last."""
    room = open_room(qtbot, context)
    check_in_everyone(qtbot, room)
    panel = room.item_panel.election
    click(qtbot, panel.setup.save_button)
    add_office(qtbot, room, Office.DIRECTOR, 2)
    add_candidates(qtbot, room, Office.DIRECTOR, 2, 6, 7)
    click(qtbot, panel.open_button)
    form = unlock(qtbot, room, "2")
    assert "Wait for the voter" in panel.unlock.status.text()  # while the voter has the laptop
    panel.ballot.secretary()
    panel.ballot.end_button.click()  # ended by the secretary: nothing cast
    assert "Wait for the voter" not in panel.unlock.status.text()
    vote(qtbot, room, "2", {contests(room)[Office.DIRECTOR]: (2, 6)})
    assert "Wait for the voter" not in panel.unlock.status.text()
    assert panel.unlock.counts.text() == "Voted: 1 of 13 present" and form is not None
