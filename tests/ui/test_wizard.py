"""Creating a co-op through the wizard, as a secretary does: typing, ticking, pressing Next."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from coopdesk import paths
from coopdesk.domain.coop import (
    SOCIAL_STAKEHOLDER_TYPES, BylawsSettings, CoopKind, GoverningLaw, check_bylaws, check_governing_law,
    check_member_types, check_name,
)
from coopdesk.domain.errors import Refusal
from coopdesk.i18n import _, refusal_text
from coopdesk.services.coops import list_coops
from coopdesk.services.files import open_database
from coopdesk.ui.app import create_main_window
from coopdesk.ui.wizard import CoopWizard

# The offscreen platform cannot pass size limits to a window manager and says so; not our warning.

NEXT = QWizard.WizardButton.NextButton
FINISH = QWizard.WizardButton.FinishButton


@pytest.fixture
def window(qtbot):
    w = create_main_window(language="en")
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def wizard(window, qtbot) -> CoopWizard:
    qtbot.mouseClick(window.welcome.create_button, Qt.MouseButton.LeftButton)
    found = window.findChild(CoopWizard)
    assert found is not None and found.isVisible()
    return found


def refusal_of(check, *args) -> str:
    with pytest.raises(Refusal) as caught:
        check(*args)
    return refusal_text(caught.value)


def press(qtbot, wizard: CoopWizard, button: QWizard.WizardButton) -> None:
    assert wizard.button(button).isEnabled(), wizard.currentPage().refusal
    qtbot.mouseClick(wizard.button(button), Qt.MouseButton.LeftButton)


def type_into(field, text: str) -> None:
    """Typed text, as an input method delivers Hangul: QTest's key clicks only know ASCII keys."""
    field.setFocus()
    field.insert(text)


def tick(wizard: CoopWizard, *names: str) -> None:
    types = wizard.member_types.types
    for row in range(types.count()):
        if types.item(row).text() in names:
            types.item(row).setCheckState(Qt.CheckState.Checked)


def test_a_co_op_created_through_the_wizard_is_saved_in_its_own_file(window, wizard, qtbot):
    type_into(wizard.basics.name, "햇살마을협동조합")
    press(qtbot, wizard, NEXT)
    type_into(wizard.office.office, "서울특별시 마포구 성미산로 10")
    wizard.office.month.setCurrentIndex(2)  # March
    press(qtbot, wizard, NEXT)
    tick(wizard, _("Consumer"))
    wizard.member_types.add_type("후원자")
    press(qtbot, wizard, NEXT)
    wizard.shares.price.setValue(50_000)
    press(qtbot, wizard, NEXT)
    wizard.bylaws.spins["withdrawal_notice_days"].setValue(60)
    press(qtbot, wizard, FINISH)

    qtbot.waitUntil(lambda: window.findChild(CoopWizard) is None)  # closed and gone
    file = paths.coops_dir() / "햇살마을협동조합.coopdesk"
    assert file.is_file()
    db = open_database(file)
    try:
        assert [c.name for c in list_coops(db)] == ["햇살마을협동조합"]
    finally:
        db.close()
    coop = window.context.coop
    assert (coop.main_office, coop.fiscal_year_start_month) == ("서울특별시 마포구 성미산로 10", 3)
    assert coop.member_types == (_("Consumer"), "후원자")
    assert (coop.bylaws.share_price, coop.bylaws.withdrawal_notice_days) == (50_000, 60)
    assert "햇살마을협동조합" in window.windowTitle()
    assert window.settings.recent_files == [str(file)]


def test_a_name_without_the_word_keeps_the_wizard_from_going_on_and_says_why(wizard, qtbot):
    type_into(wizard.basics.name, "햇살마을")
    error = wizard.basics.error_labels["name"]
    assert error.isVisible()
    assert error.text() == refusal_of(check_name, "햇살마을", CoopKind.GENERAL)
    assert "협동조합" in error.text()
    assert not wizard.button(NEXT).isEnabled()
    assert not wizard.validateCurrentPage()  # not even a forced Next gets past it

    type_into(wizard.basics.name, "협동조합")
    assert not error.isVisible() and wizard.button(NEXT).isEnabled()

    wizard.basics.kind_buttons[CoopKind.SOCIAL].setChecked(True)  # a social co-op needs 사회적협동조합
    assert error.text() == refusal_of(check_name, "햇살마을협동조합", CoopKind.SOCIAL)
    assert not wizard.button(NEXT).isEnabled()


def test_finish_stays_disabled_when_the_name_is_made_wrong_on_the_way_back(wizard, qtbot):
    type_into(wizard.basics.name, "햇살마을협동조합")
    press(qtbot, wizard, NEXT)
    type_into(wizard.office.office, "마포구")
    press(qtbot, wizard, NEXT)
    tick(wizard, _("Producer"))
    press(qtbot, wizard, NEXT)
    press(qtbot, wizard, NEXT)
    assert wizard.button(FINISH).isEnabled()
    for _page in range(4):
        wizard.back()
    wizard.basics.name.setText("햇살마을")
    assert not wizard.button(NEXT).isEnabled()
    assert list_of_files() == []


def list_of_files() -> list[str]:
    return sorted(p.name for p in paths.coops_dir().iterdir())


def test_another_law_is_refused_plainly(wizard, qtbot):
    type_into(wizard.basics.name, "햇살소비자생활협동조합")
    law = wizard.basics.law
    law.setCurrentIndex(law.findData(GoverningLaw.CONSUMER_COOP_ACT))
    error = wizard.basics.error_labels["governing_law"]
    assert error.isVisible()
    assert error.text() == refusal_of(check_governing_law, GoverningLaw.CONSUMER_COOP_ACT)
    assert "Framework Act" in error.text()
    assert not wizard.button(NEXT).isEnabled()

    law.setCurrentIndex(law.findData(GoverningLaw.FRAMEWORK_ACT))
    assert not error.isVisible() and wizard.button(NEXT).isEnabled()


def test_a_social_co_op_is_offered_the_stakeholder_types_and_needs_two(wizard, qtbot):
    wizard.basics.kind_buttons[CoopKind.SOCIAL].setChecked(True)
    type_into(wizard.basics.name, "햇살마을사회적협동조합")
    press(qtbot, wizard, NEXT)
    type_into(wizard.office.office, "마포구")
    press(qtbot, wizard, NEXT)

    types = wizard.member_types.types
    offered = [types.item(row).text() for row in range(types.count())]
    assert offered == [_(name) for name in SOCIAL_STAKEHOLDER_TYPES]
    tick(wizard, _("Producer"))
    error = wizard.member_types.error_labels["member_types"]
    assert error.text() == refusal_of(check_member_types, (_("Producer"),), CoopKind.SOCIAL)
    assert not wizard.button(NEXT).isEnabled()
    tick(wizard, _("Volunteer"))
    assert not error.isVisible() and wizard.button(NEXT).isEnabled()


def test_a_bylaws_setting_against_the_act_is_shown_at_its_field(wizard, qtbot):
    type_into(wizard.basics.name, "햇살마을협동조합")
    press(qtbot, wizard, NEXT)
    type_into(wizard.office.office, "마포구")
    press(qtbot, wizard, NEXT)
    tick(wizard, _("Consumer"))
    press(qtbot, wizard, NEXT)
    press(qtbot, wizard, NEXT)

    wizard.bylaws.spins["directors_min"].setValue(2)
    error = wizard.bylaws.error_labels["directors_min"]
    assert error.isVisible()
    assert error.text() == refusal_of(check_bylaws, BylawsSettings(directors_min=2))
    assert not wizard.button(FINISH).isEnabled()
    assert list_of_files() == []
