"""Two tellers key in the paper count; only equal entries that hold together are accepted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from coopdesk import i18n
from coopdesk.domain.elections.counting import Tally, check_tally, compare_entries
from coopdesk.ui.elections import TallyDialog
from tests.ui.elections.driving import AUDITOR, DIRECTORS, activate, focused, press

Key = Qt.Key
VOTED = 15  # members who took a paper
# ballots, blank, invalid, then 김하나 이두리 박세나 최네모
COUNT = [15, 1, 1, 9, 8, 7, 6]


@pytest.fixture
def dialog(qtbot) -> TallyDialog:
    dialog = TallyDialog(DIRECTORS, compare_entries, lambda tally: check_tally(DIRECTORS, tally, voted=VOTED))
    qtbot.addWidget(dialog)
    dialog.resize(560, 560)
    dialog.show()
    activate(qtbot, dialog)
    return dialog


def key_in(qtbot, numbers: list[int]) -> None:
    """A teller types each number and Enter, field after field, from the one with the focus."""
    for n in numbers:
        field = focused()
        assert isinstance(field, QLineEdit)
        field.selectAll()
        qtbot.keyClicks(field, str(n))
        press(qtbot, Key.Key_Return)


def differences(dialog: TallyDialog) -> list[tuple[str, str, str]]:
    table = dialog.table
    return [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]


def test_teller_two_types_on_an_empty_form_and_every_difference_is_listed(qtbot, dialog):
    entered = []
    dialog.entered.connect(lambda teller, tally: entered.append((teller, tally)))
    assert dialog.entry is not None and dialog.entry.teller == 1
    key_in(qtbot, COUNT)
    assert dialog.entry is not None and dialog.entry.teller == 2
    assert [f.text() for f in dialog.entry.fields.values()] == [""] * 7  # teller 1's numbers are not there
    assert all(f.text() == "" for f in dialog.findChildren(QLineEdit) if f.isVisible())
    key_in(qtbot, [15, 1, 2, 9, 8, 7, 5])
    assert differences(dialog) == [("Invalid ballots", "1", "2"), ("Votes for 최네모", "6", "5")]
    assert not dialog.accept_button.isEnabled()
    assert dialog.step.text().startswith("The two counts differ in 2 places.")
    assert [teller for teller, _ in entered] == [1, 2]


def test_the_teller_who_miscounted_enters_again_and_then_the_count_is_accepted(qtbot, dialog):
    key_in(qtbot, COUNT)
    key_in(qtbot, [15, 1, 1, 9, 8, 7, 5])
    assert differences(dialog) == [("Votes for 최네모", "6", "5")]
    qtbot.mouseClick(dialog.again[1], Qt.MouseButton.LeftButton)  # teller 2 recounts
    assert dialog.entry is not None and dialog.entry.teller == 2
    assert [f.text() for f in dialog.entry.fields.values()] == ["15", "1", "1", "9", "8", "7", "5"]  # their own
    list(dialog.entry.fields.values())[-1].setFocus()  # 최네모's votes, the last number
    key_in(qtbot, [6])
    assert differences(dialog) == []
    assert dialog.step.text() == "The two counts agree."
    assert dialog.status.text() == "The count holds together: 15 ballots."
    assert dialog.accept_button.isEnabled()
    with qtbot.waitSignal(dialog.agreed) as agreed:
        press(qtbot, Key.Key_Return)  # the focus is on "Accept the count"
    assert agreed.args == [Tally.of(DIRECTORS, {1: 9, 2: 8, 3: 7, 4: 6}, ballots=15, blank=1, invalid=1)]
    assert dialog.result() == TallyDialog.DialogCode.Accepted


def test_agreeing_counts_with_fewer_papers_than_voters_are_refused(qtbot, dialog):
    short = [14, 1, 1, 9, 8, 7, 5]
    key_in(qtbot, short)
    key_in(qtbot, short)
    assert differences(dialog) == []
    assert dialog.status.text() == "The count has 14 ballots, but 15 voters took part: count the ballots again."
    assert not dialog.accept_button.isEnabled()
    with qtbot.assertNotEmitted(dialog.agreed):
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)


def test_an_empty_number_is_not_taken_for_zero(qtbot, dialog):
    key_in(qtbot, COUNT[:3])
    with qtbot.assertNotEmitted(dialog.entered):
        qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Type every number, 0 where there is none: “Votes for 김하나” is empty."
    assert dialog.entry is not None and dialog.entry.teller == 1
    assert focused() is list(dialog.entry.fields.values())[3]


def test_a_yes_or_no_vote_asks_for_the_votes_against_too(qtbot):
    dialog = TallyDialog(AUDITOR, compare_entries, lambda tally: check_tally(AUDITOR, tally, voted=VOTED))
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    assert dialog.entry is not None
    labels = [dialog.entry.layout().labelForField(f).text() for f in dialog.entry.fields.values()]
    assert labels == ["Ballots cast", "Blank ballots", "Invalid ballots", "Votes for 정다섯", "Votes against 정다섯"]
    key_in(qtbot, [15, 2, 1, 9, 3])
    key_in(qtbot, [15, 2, 1, 8, 3])
    assert differences(dialog) == [("Votes for 정다섯", "9", "8")]


def test_the_dialog_speaks_korean(qtbot):
    i18n.set_language("ko")
    dialog = TallyDialog(DIRECTORS, compare_entries, lambda tally: check_tally(DIRECTORS, tally, voted=VOTED))
    qtbot.addWidget(dialog)
    assert dialog.entry is not None
    labels = [dialog.entry.layout().labelForField(f).text() for f in dialog.entry.fields.values()]
    assert labels[:3] == ["투표수", "백지투표", "무효투표"] and labels[3] == "김하나 득표"
    assert dialog.step.text().startswith("개표위원 1:")
