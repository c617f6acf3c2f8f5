"""The full-screen secret ballot, marked by voters with the keyboard alone or the mouse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QCheckBox, QLabel

from coopdesk import i18n
from coopdesk.domain.elections.ballots import Ballot
from coopdesk.domain.elections.contest import Candidate, Contest, Office
from coopdesk.domain.errors import Refusal
from coopdesk.ui.elections import BallotScreen
from coopdesk.ui.elections.ballot_form import BLANK, MARKING, REVIEW
from coopdesk.ui.fonts import APP_FAMILY
from tests.ui.elections.driving import ROUND, activate, focused, press

Key = Qt.Key


class BallotBox:
    """Stands in for the service's cast: records what it is given, or refuses it."""

    def __init__(self) -> None:
        self.received: list[dict[int, Ballot]] = []
        self.refusal: Refusal | None = None

    def __call__(self, marks: dict[int, Ballot]) -> None:
        if self.refusal is not None:
            raise self.refusal
        self.received.append(marks)


@pytest.fixture
def box() -> BallotBox:
    return BallotBox()


@pytest.fixture
def screen(qtbot, box) -> BallotScreen:
    screen = BallotScreen(box, full_screen=False)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    return screen


def open_for_voter(qtbot, screen: BallotScreen):
    form = screen.open_ballot(ROUND, voter="12 김하나")
    activate(qtbot, screen)
    form.start()
    return form


def box_named(form, name: str) -> QCheckBox:
    found = form.findChild(QCheckBox, name)
    assert found is not None, name
    return found


def checked(form) -> set[str]:
    return {b.objectName() for b in form.boxes() if b.isChecked()}


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def flush_deleted() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_fourth_mark_among_three_seats_is_refused_with_a_line_saying_why(qtbot, screen):
    form = open_for_voter(qtbot, screen)
    assert focused() is box_named(form, "mark_10_1")  # the first candidate, ready for Space
    press(qtbot, Key.Key_Space)  # 김하나, by keyboard
    click(qtbot, box_named(form, "mark_10_2"))  # 이두리, by mouse: the focus follows the click
    press(qtbot, Key.Key_Down)
    press(qtbot, Key.Key_Space)  # 박세나
    press(qtbot, Key.Key_Down)
    assert focused() is box_named(form, "mark_10_4")
    press(qtbot, Key.Key_Space)  # 최네모: a fourth of three
    click(qtbot, box_named(form, "mark_10_4"))  # and by mouse: refused the same
    assert checked(form) == {"mark_10_1", "mark_10_2", "mark_10_3"}
    status = form.contests[0].status.text()
    assert "already marked 3" in status and "최네모" in status
    click(qtbot, box_named(form, "mark_10_2"))  # unmark one, then the fourth may be marked
    click(qtbot, box_named(form, "mark_10_4"))
    assert checked(form) == {"mark_10_1", "mark_10_3", "mark_10_4"}
    assert form.ballots()[10] == Ballot.choice({1, 3, 4})
    assert "Marked: 3 of at most 3" in form.contests[0].status.text()


def test_a_yes_or_no_vote_takes_for_or_against_or_no_mark_never_both(qtbot, screen):
    form = open_for_voter(qtbot, screen)
    press(qtbot, Key.Key_Down, 4)  # past the four director candidates, to the auditor's row
    assert focused() is box_named(form, "for_11_5")
    press(qtbot, Key.Key_Space)
    assert form.ballots()[11] == Ballot.yes_no(yes={5})
    press(qtbot, Key.Key_Right)
    assert focused() is box_named(form, "against_11_5")
    press(qtbot, Key.Key_Space)  # Against clears For
    assert form.ballots()[11] == Ballot.yes_no(no={5})
    click(qtbot, box_named(form, "against_11_5"))  # and a second click clears the mark
    assert form.ballots()[11] == Ballot()
    assert form.ballots()[11].is_blank


def test_a_contest_left_blank_asks_once_and_the_answer_can_be_go_back(qtbot, screen):
    form = open_for_voter(qtbot, screen)
    press(qtbot, Key.Key_Space)  # 김하나 as director; the auditor left blank
    press(qtbot, Key.Key_Return)
    assert form.currentIndex() == BLANK
    assert "You marked no one in Auditor (1 to elect)." in form.blank_text.text()
    press(qtbot, Key.Key_Return)  # the default answer: go back and mark
    assert form.currentIndex() == MARKING
    assert focused() is box_named(form, "for_11_5")  # at the contest left blank
    assert checked(form) == {"mark_10_1"}
    press(qtbot, Key.Key_Return)
    assert form.currentIndex() == BLANK
    press(qtbot, Key.Key_Tab)
    assert focused() is form.leave_blank_button
    press(qtbot, Key.Key_Return)
    assert form.currentIndex() == REVIEW
    words = [label.text() for label in form.review_box.findChildren(QLabel)]
    assert "Chosen: 김하나" in words and "No one marked (a blank ballot)" in words


def test_marks_reviewed_and_cast_are_exactly_what_the_voter_marked(qtbot, screen, box):
    form = open_for_voter(qtbot, screen)
    press(qtbot, Key.Key_Space)  # 김하나
    press(qtbot, Key.Key_Down, 2)
    press(qtbot, Key.Key_Space)  # 박세나
    press(qtbot, Key.Key_Down, 2)
    press(qtbot, Key.Key_Space)  # For 정다섯
    press(qtbot, Key.Key_Return)
    assert form.currentIndex() == REVIEW  # nothing blank: no question
    words = [label.text() for label in form.review_box.findChildren(QLabel)]
    assert "Chosen: 김하나, 박세나" in words and "정다섯: For" in words
    press(qtbot, Key.Key_Return)  # Back has not the focus: "Cast my ballot" has
    expected = {10: Ballot.choice({1, 3}), 11: Ballot.yes_no(yes={5})}
    assert box.received == [expected]
    assert screen.locked_title.text() == "Ballot cast."
    assert screen.locked_text.text() == "Please hand the laptop back to the secretary."
    assert not screen.ballot_open


def test_the_cast_signal_carries_the_marks_keyed_by_contest(qtbot, screen):
    form = open_for_voter(qtbot, screen)
    click(qtbot, box_named(form, "mark_10_2"))
    click(qtbot, box_named(form, "against_11_5"))
    click(qtbot, form.confirm_button)
    with qtbot.waitSignal(screen.cast) as cast:
        click(qtbot, form.cast_button)
    assert cast.args == [{10: Ballot.choice({2}), 11: Ballot.yes_no(no={5})}]


def test_the_next_voter_finds_no_trace_of_the_last_one(qtbot, screen, box):
    form = open_for_voter(qtbot, screen)
    for name in ("mark_10_1", "mark_10_2", "for_11_5"):
        click(qtbot, box_named(form, name))
    click(qtbot, form.confirm_button)
    click(qtbot, form.cast_button)
    flush_deleted()
    assert screen.findChildren(QCheckBox) == []  # the last voter's boxes are gone, not hidden
    assert screen.voter.text() == ""
    second = open_for_voter(qtbot, screen)
    assert second is not form
    assert all(not b.isChecked() for b in screen.findChildren(QCheckBox))
    assert len(screen.findChildren(QCheckBox)) == 4 + 2
    texts = " ".join(label.text() for label in screen.findChildren(QLabel))
    assert "Chosen" not in texts and "Marked: 0 of at most 3" in texts
    assert second.ballots() == {10: Ballot(), 11: Ballot()}


def test_a_cast_the_service_refuses_is_said_on_the_screen_and_the_marks_stay(qtbot, screen, box):
    box.refusal = Refusal("This member has already voted in this contest.")
    form = open_for_voter(qtbot, screen)
    click(qtbot, box_named(form, "mark_10_3"))
    click(qtbot, box_named(form, "for_11_5"))
    click(qtbot, form.confirm_button)
    with qtbot.assertNotEmitted(screen.cast):
        click(qtbot, form.cast_button)
    assert form.refusal.text() == "This member has already voted in this contest."
    assert screen.ballot_open and form.currentIndex() == REVIEW
    press(qtbot, Key.Key_Return)  # the focus went to Back
    assert form.currentIndex() == MARKING
    assert checked(form) == {"mark_10_3", "for_11_5"}


def test_escape_and_the_window_manager_cannot_close_an_open_ballot(qtbot, screen):
    form = open_for_voter(qtbot, screen)
    click(qtbot, box_named(form, "mark_10_1"))
    press(qtbot, Key.Key_Escape)
    assert screen.isVisible() and screen.ballot_open
    assert screen.close() is False  # what Alt+F4 asks for
    assert screen.isVisible()
    assert screen.notice.text() == "A ballot is open: only the secretary can end it."
    assert checked(form) == {"mark_10_1"}


def test_leaving_an_open_ballot_needs_the_secretary_to_confirm(qtbot, screen, box):
    form = open_for_voter(qtbot, screen)
    click(qtbot, box_named(form, "mark_10_4"))
    click(qtbot, screen.secretary_button)
    assert screen.pages.currentWidget() is screen.leave_page
    assert focused() is screen.keep_button  # a stray Enter keeps the ballot
    press(qtbot, Key.Key_Return)
    assert screen.pages.currentWidget() is form and checked(form) == {"mark_10_4"}
    click(qtbot, screen.secretary_button)
    with qtbot.waitSignals([screen.discarded, screen.ended]), qtbot.assertNotEmitted(screen.cast):
        click(qtbot, screen.end_button)
    assert not screen.isVisible() and not screen.ballot_open
    assert box.received == []


def test_the_locked_screen_goes_back_to_the_secretary_without_a_question(qtbot, screen):
    form = open_for_voter(qtbot, screen)
    click(qtbot, form.confirm_button)
    click(qtbot, form.leave_blank_button)
    click(qtbot, form.cast_button)
    with qtbot.waitSignal(screen.ended):
        click(qtbot, screen.secretary_button)
    assert not screen.isVisible()


def test_the_ballot_is_large_and_in_the_bundled_hangul_font(qtbot, screen):
    form = open_for_voter(qtbot, screen)
    for widget in (box_named(form, "mark_10_1"), form.contests[0].help, form.contests[0].status, form.cast_button):
        info = QFontInfo(widget.font())
        assert info.family() == APP_FAMILY
        assert info.pointSizeF() >= 20
    click(qtbot, box_named(form, "mark_10_1"))
    for name in ("mark_10_2", "mark_10_3", "mark_10_4"):
        click(qtbot, box_named(form, name))  # the last is refused: the red line is as large
    assert QFontInfo(form.contests[0].status.font()).pointSizeF() >= 20


def test_the_ballot_speaks_korean(qtbot, box):
    i18n.set_language("ko")
    screen = BallotScreen(box, full_screen=False)
    qtbot.addWidget(screen)
    form = screen.open_ballot(ROUND)
    assert form.contests[0].title.text() == "이사 (3명 선출)"
    assert box_named(form, "for_11_5").text() == "찬성"
    assert box_named(form, "against_11_5").text() == "반대"
    for name in ("mark_10_1", "mark_10_2", "mark_10_3", "mark_10_4"):
        click(qtbot, box_named(form, name))
    assert form.contests[0].status.text().startswith("이미 최대 인원인 3명을 표시했습니다.")
    click(qtbot, form.confirm_button)
    assert "감사 (1명 선출)에서 아무에게도 표시하지 않았습니다." in form.blank_text.text()


def test_a_ballot_ended_by_the_secretary_can_be_opened_again_afresh(qtbot, screen, box):
    form = open_for_voter(qtbot, screen)
    click(qtbot, box_named(form, "mark_10_1"))
    screen.secretary()
    click(qtbot, screen.end_button)
    assert not screen.isVisible()
    # (the offscreen platform never activates a window shown a second time: mouse only here)
    again = screen.open_ballot(ROUND, voter="12 김하나")
    assert screen.isVisible() and again is not form
    assert not box_named(again, "mark_10_1").isChecked()
    click(qtbot, box_named(again, "mark_10_2"))
    click(qtbot, again.confirm_button)
    click(qtbot, again.leave_blank_button)
    click(qtbot, again.cast_button)
    assert box.received == [{10: Ballot.choice({2}), 11: Ballot()}]


def test_a_one_seat_choice_refuses_a_second_mark_in_its_own_words(qtbot, screen):
    chair = Contest(Office.CHAIR, 1, (Candidate(1, "김하나"), Candidate(3, "박세나")))
    form = screen.open_ballot({20: chair})
    assert form.contests[0].help.text() == "Mark one of the candidates."
    click(qtbot, box_named(form, "mark_20_1"))
    click(qtbot, box_named(form, "mark_20_3"))
    assert checked(form) == {"mark_20_1"}
    assert form.contests[0].status.text() == ("You have already marked one candidate. "
                                              "To choose 박세나, first unmark the other.")


def test_tab_goes_through_every_mark_then_to_confirm(qtbot, screen):
    form = open_for_voter(qtbot, screen)
    seen = [focused().objectName()]
    for _ in range(6):
        press(qtbot, Key.Key_Tab)
        seen.append(focused().objectName())
    assert seen == ["mark_10_1", "mark_10_2", "mark_10_3", "mark_10_4", "for_11_5", "against_11_5", "confirm_marks"]
    press(qtbot, Key.Key_Space)  # Space on the button confirms as Enter does
    assert form.currentIndex() == BLANK
