"""The secretary opens the ballot for the next voter, by name or number, keyboard first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from coopdesk import i18n
from coopdesk.domain.errors import Refusal
from coopdesk.ui.elections import BallotVoter, UnlockPanel, ballot_heading
from tests.ui.elections.driving import activate, focused, press, type_into

Key = Qt.Key

# 12 김하나 is here in person and holds the proxy of 7 이두리; 3 박세나 has voted
VOTES = [BallotVoter(12, "김하나"), BallotVoter(7, "이두리", proxy_key=12, proxy_name="김하나"),
         BallotVoter(3, "박세나", voted=True), BallotVoter(4, "최네모")]


def find(text: str) -> list[BallotVoter]:
    """What the election service's voter look-up gives: by number, or by either name on the line."""
    if text.isdigit():
        return [v for v in VOTES if int(text) in (v.key, v.proxy_key)]
    return [v for v in VOTES if text in v.name or text in v.proxy_name]


@pytest.fixture
def panel(qtbot) -> UnlockPanel:
    panel = UnlockPanel(find)
    qtbot.addWidget(panel)
    panel.resize(480, 600)
    panel.show()
    activate(qtbot, panel)
    return panel


def listed(panel: UnlockPanel) -> list[str]:
    return [panel.matches.item(r).text() for r in range(panel.matches.count())]


def test_a_proxy_holder_fits_twice_and_the_secretary_picks_which_ballot(qtbot, panel):
    type_into(qtbot, panel.field, "김하나")
    assert listed(panel) == ["12 김하나 — own vote", "12 김하나 — as proxy for 7 이두리"]
    with qtbot.assertNotEmitted(panel.unlock):
        press(qtbot, Key.Key_Return)  # two fit: never a guess
    assert panel.status.text() == "2 fit: pick one with ↑ ↓ and press Enter."
    press(qtbot, Key.Key_Down, 2)
    press(qtbot, Key.Key_Return)
    assert panel.who.text() == "12 김하나 — as proxy for 7 이두리"
    assert focused() is panel.open_button
    with qtbot.waitSignal(panel.unlock) as unlocked:
        press(qtbot, Key.Key_Return)
    assert unlocked.args == [7]  # the vote is 이두리's
    assert panel.opened_for == VOTES[1]
    assert ballot_heading(panel.opened_for) == "Ballot of 7 이두리, cast by their proxy 12 김하나"
    assert panel.field.text() == "" and panel.who.text() == ""  # ready for the next voter


def test_a_number_that_fits_one_vote_opens_it_with_two_enters(qtbot, panel):
    type_into(qtbot, panel.field, "4")
    press(qtbot, Key.Key_Return)
    assert panel.who.text() == "4 최네모 — own vote"
    with qtbot.waitSignal(panel.unlock) as unlocked:
        press(qtbot, Key.Key_Return)
    assert unlocked.args == [4]


def test_a_vote_already_cast_cannot_be_opened_again(qtbot, panel):
    type_into(qtbot, panel.field, "3")
    with qtbot.assertNotEmitted(panel.unlock):
        press(qtbot, Key.Key_Return)
        qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert panel.who.text() == "3 박세나 — own vote  · voted"
    assert panel.status.text() == "This vote is already cast."
    assert not panel.open_button.isEnabled()


def test_a_name_nobody_present_has_is_said_in_red(qtbot, panel):
    type_into(qtbot, panel.field, "홍길동")
    assert listed(panel) == []
    assert panel.status.text() == "No voter present fits “홍길동”."


def test_by_mouse_a_double_click_opens_the_ballot(qtbot, panel):
    type_into(qtbot, panel.field, "최네모")
    item = panel.matches.item(0)
    rect = panel.matches.visualItemRect(item)
    qtbot.mouseClick(panel.matches.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(panel.unlock) as unlocked:
        qtbot.mouseDClick(panel.matches.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert unlocked.args == [4]


def test_counts_and_a_refusal_from_the_service_are_shown(qtbot, panel):
    panel.set_counts(5, 15)
    assert panel.counts.text() == "Voted: 5 of 15 present"
    panel.refused(Refusal("{name} has already voted.", name="최네모"))
    assert panel.status.text() == "최네모 has already voted."
    assert focused() is panel.field


def test_the_panel_speaks_korean(qtbot):
    i18n.set_language("ko")
    panel = UnlockPanel(find)
    qtbot.addWidget(panel)
    panel.set_counts(5, 15)
    panel.field.setText("이두리")
    panel.refresh()
    assert listed(panel) == ["12 김하나 — 7 이두리의 대리 투표"]
    assert panel.counts.text() == "투표: 출석 15명 중 5명"
    assert panel.open_button.text() == "투표 화면 열기"


def test_a_look_up_that_refuses_is_said_under_the_field(qtbot):
    def strict(text: str) -> list[BallotVoter]:
        if text.startswith("김"):
            raise Refusal("Several members present fit “{typed}”: {listed}. Type the member number.",
                          typed=text, listed="12 김하나, 15 김하나")
        return find(text)

    panel = UnlockPanel(strict)
    qtbot.addWidget(panel)
    panel.show()
    activate(qtbot, panel)
    type_into(qtbot, panel.field, "김")
    assert listed(panel) == []
    assert panel.status.text() == "Several members present fit “김”: 12 김하나, 15 김하나. Type the member number."
    with qtbot.assertNotEmitted(panel.unlock):
        press(qtbot, Key.Key_Return)
    panel.field.clear()
    type_into(qtbot, panel.field, "12")
    assert listed(panel) == ["12 김하나 — own vote", "12 김하나 — as proxy for 7 이두리"]
