"""The program shell: welcome screen, opening files, menus, language, settings, fonts."""

from __future__ import annotations

import json
import logging
import sys

import pytest
from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from coopdesk import paths
from coopdesk.domain.errors import Refusal
from coopdesk.i18n import Translator, refusal_text
from coopdesk.services.coops import create_coop, list_coops
from coopdesk.services.demo import DEMO_NAME
from coopdesk.services.files import Reason, list_backups, open_database
from coopdesk.ui import errors
from coopdesk.ui.app import create_main_window
from coopdesk.ui.fonts import APP_FAMILY, apply_app_font, load_fonts
from coopdesk.ui.settings import LANGUAGE, MAX_RECENT, Settings
from coopdesk.ui.translation import apply_language, qt_translations_dir
from tests.conftest import sample_profile



@pytest.fixture
def window(qtbot):
    w = create_main_window(language="en")
    qtbot.addWidget(w)
    w.show()
    yield w
    apply_language("en")  # Qt's translator is process-wide: leave it as the next test expects


@pytest.fixture
def coop_file(tmp_path):
    """A co-op file made by the services, as another CoopDesk would have left it."""
    path = tmp_path / "햇살.coopdesk"
    db = open_database(path)
    create_coop(db, sample_profile())
    db.close()
    return path


def refusal_boxes(window) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox, "refusal") if box.isVisible()]


def test_with_no_co_op_open_the_welcome_screen_offers_the_three_ways_in(window):
    assert window.context is None and window.welcome is not None
    buttons = [window.welcome.create_button, window.welcome.open_button, window.welcome.demo_button]
    assert [b.text() for b in buttons] == ["Create a co-op", "Open a co-op file\u2026", "Try the demo co-op"]
    assert window.welcome.recent.isHidden()  # nothing opened yet
    assert not window.menu_actions.backup.isEnabled() and not window.menu_actions.save_as.isEnabled()
    assert window.windowTitle() == "CoopDesk"


def test_opening_a_co_op_file_shows_its_name_and_backs_it_up(window, coop_file):
    assert window.open_target(str(coop_file))
    assert window.windowTitle() == "햇살마을협동조합 \u2014 햇살.coopdesk \u2014 CoopDesk"
    assert window.file_label.text() == str(coop_file)
    assert window.count_label.text() == "0 members on the register"
    navigation = window.workspace.navigation
    assert [navigation.item(i).text() for i in range(navigation.count())] == [
        "The year", "Members", "Capital", "Meetings", "Officers", "Education", "Co-op profile", "Founding"]
    assert not navigation.isRowHidden(navigation.count() - 1)  # nobody on the register: it may be founded
    assert [b.reason for b in list_backups(window.context.db)] == [Reason.OPEN]
    assert window.menu_actions.backup.isEnabled() and window.menu_actions.restore.isEnabled()
    assert not window.menu_actions.switch.isEnabled()  # one co-op in the file: nothing to switch to


def test_an_opened_file_is_offered_again_as_a_recent_file(window, coop_file, qtbot):
    window.open_target(str(coop_file))
    window.close_coop()
    assert window.welcome is not None and window.context is None
    recent = window.welcome.recent
    assert not recent.isHidden() and recent.item(0).text() == "햇살.coopdesk"
    assert [a.text() for a in window.menu_actions.recent.actions()][0] == "햇살.coopdesk"
    assert Settings().recent_files == [str(coop_file)]  # saved for the next start

    window.welcome.recent_chosen.emit(str(coop_file))
    assert window.context is not None and window.context.coop.name == "햇살마을협동조합"


def test_the_file_open_last_time_opens_at_start(qtbot, coop_file):
    first = create_main_window(language="en")
    qtbot.addWidget(first)
    first.open_target(str(coop_file))
    first.close()
    again = create_main_window(language="en")
    qtbot.addWidget(again)
    assert again.context is not None and again.context.coop.name == "햇살마을협동조합"


def test_a_file_that_is_not_a_co_op_file_is_refused_and_nothing_changes(window, coop_file, tmp_path):
    window.open_target(str(coop_file))
    title = window.windowTitle()
    other = tmp_path / "letter.coopdesk"
    other.write_text("Dear members, ...", encoding="utf-8")

    assert not window.open_target(str(other))
    assert window.windowTitle() == title and window.context.coop.name == "햇살마을협동조합"
    [box] = refusal_boxes(window)
    assert "not a CoopDesk co-op file" in box.text()


def test_a_recent_file_that_is_gone_is_refused_and_forgotten(window, coop_file):
    window.open_target(str(coop_file))
    window.close_coop()
    coop_file.unlink()
    assert not window.open_target(str(coop_file))
    [box] = refusal_boxes(window)
    assert box.text() == refusal_text(Refusal("There is no co-op file at {path}.", path=str(coop_file)))
    assert window.settings.recent_files == []


def test_a_file_with_several_co_ops_asks_which_one(window, tmp_path, monkeypatch):
    path = tmp_path / "centre.coopdesk"
    db = open_database(path)
    create_coop(db, sample_profile(name="햇살마을협동조합"))
    create_coop(db, sample_profile(name="달빛마을협동조합"))
    db.close()
    offered: list[list[str]] = []

    def choose_second(parent, title, label, items, current, editable):  # the user's choice
        offered.append(list(items))
        return items[1], True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(choose_second))
    assert window.open_target(str(path))
    assert offered == [["햇살마을협동조합", "달빛마을협동조합"]]
    assert window.context.coop.name == "달빛마을협동조합"

    assert window.menu_actions.switch.isEnabled()
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *args: ("햇살마을협동조합", True)))
    window.menu_actions.switch.trigger()
    assert window.context.coop.name == "햇살마을협동조합"
    assert "햇살마을협동조합" in window.windowTitle()


def test_save_as_goes_on_in_the_copy_and_leaves_the_original(window, coop_file, tmp_path):
    window.open_target(str(coop_file))
    copy = tmp_path / "copy" / "사본.coopdesk"
    assert window.save_as(copy)
    assert window.context.db.path == copy.resolve()
    assert "사본.coopdesk" in window.windowTitle()
    assert window.settings.recent_files[:2] == [str(copy.resolve()), str(coop_file)]


def test_a_database_url_opens_like_a_file(window, db, coop):
    assert window.open_target(db.url)
    assert window.context.coop.name == coop.name
    assert coop.name in window.windowTitle()
    assert window.menu_actions.backup.isEnabled() == (window.context.db.path is not None)


def test_the_demo_co_op_opens_in_a_file_of_its_own(window, qtbot):
    window.welcome.demo_button.click()
    qtbot.waitUntil(lambda: window.context is not None, timeout=20_000)
    assert window.context.coop.name == DEMO_NAME
    assert window.context.db.path.parent == paths.coops_dir()
    assert window.count_label.text() == "12 members on the register"  # of the 15 listed, 3 have left


def test_switching_to_korean_changes_menus_and_qt_buttons_at_once(window, qtbot):
    ko = Translator("ko")
    dialog = window.settings_dialog()
    dialog.language.setCurrentIndex(dialog.language.findData("ko"))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    bar = window.menu_actions
    menus = [m.title() for m in (bar.file_menu, bar.tools_menu, bar.help_menu)]
    assert menus == [ko.gettext("&File"), ko.gettext("&Tools"), ko.gettext("&Help")]
    assert window.welcome.create_button.text() == ko.gettext("Create a co-op")
    assert Settings().get(LANGUAGE) == "ko"

    qtbase = QTranslator()
    assert qtbase.load("qtbase_ko", qt_translations_dir())
    korean_yes = qtbase.translate("QPlatformTheme", "&Yes")
    assert korean_yes and korean_yes != "&Yes"
    box = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Yes, window)
    assert box.button(QMessageBox.StandardButton.Yes).text() == korean_yes

    window.set_language("en")
    assert window.menu_actions.file_menu.title() == "&File"
    assert QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Yes,
                       window).button(QMessageBox.StandardButton.Yes).text() == "&Yes"


def test_the_screen_uses_the_bundled_nanum_gothic(qapp):
    assert APP_FAMILY in load_fonts()  # registered from resources/fonts, the files the PDFs embed
    apply_app_font(qapp)
    assert QApplication.font().family() == APP_FAMILY
    assert QFontInfo(QApplication.font()).family() == APP_FAMILY  # the font Qt really uses


def test_settings_fall_back_to_defaults_and_keep_ten_recent_files(tmp_path):
    file = tmp_path / "settings.json"
    file.write_text(json.dumps({"language": "fr", "recent_files": "not a list"}), encoding="utf-8")
    settings = Settings(file)
    assert settings.language in ("ko", "en")
    assert settings.recent_files == []
    with pytest.raises(ValueError):
        settings.language = "fr"
    for n in range(MAX_RECENT + 3):
        settings.remember_file(f"/coops/{n}.coopdesk")
    settings.save()
    again = Settings(file)
    assert len(again.recent_files) == MAX_RECENT
    assert again.recent_files[0] == again.last_file == f"/coops/{MAX_RECENT + 2}.coopdesk"


def test_a_damaged_settings_file_does_not_stop_the_program(tmp_path):
    file = tmp_path / "settings.json"
    file.write_text("{not json", encoding="utf-8")
    assert Settings(file).recent_files == []


def test_an_unexpected_error_is_logged_and_explained(window, qtbot):
    handler = errors.start_logging()
    window.activateWindow()
    try:
        errors.install_exception_hook()
        try:
            raise RuntimeError("the printer caught fire")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = sys.__excepthook__
        logging.getLogger("coopdesk").removeHandler(handler)
        handler.close()
    [box] = [w for w in QApplication.topLevelWidgets() if w.objectName() == "bug_report" and w.isVisible()]
    assert "did not expect" in box.text() and str(errors.log_file()) in box.informativeText()
    assert "the printer caught fire" in box.detailedText()
    assert "the printer caught fire" in errors.log_file().read_text(encoding="utf-8")
    box.close()


def test_switching_language_with_a_co_op_open_rebuilds_its_pages(window, coop_file):
    window.open_target(str(coop_file))
    window.workspace.show_area("coop")
    window.set_language("ko")
    ko = Translator("ko")
    navigation = window.workspace.navigation
    assert [navigation.item(i).text() for i in range(7)] == [
        ko.gettext("The year"), ko.gettext("Members"), ko.gettext("Capital"), ko.gettext("Meetings"), ko.gettext("Officers"),
        ko.gettext("Education"), ko.gettext("Co-op profile")]
    assert window.workspace.current_area == "coop"  # the user stays where they were
    assert window.context.coop.name in window.windowTitle()
    assert window.count_label.text() == ko.ngettext("{count} member on the register",
                                                    "{count} members on the register", 0, count="0")


def drive_wizard(name: str) -> None:
    """What the user does in the wizard that opens for an empty database."""
    from PySide6.QtCore import Qt

    from coopdesk.i18n import _
    from coopdesk.ui.wizard import CoopWizard

    wizard = QApplication.activeModalWidget()
    assert isinstance(wizard, CoopWizard)
    wizard.basics.name.insert(name)
    wizard.next()
    wizard.office.office.insert("마포구")
    wizard.next()
    types = wizard.member_types.types
    [consumer] = [types.item(i) for i in range(types.count()) if types.item(i).text() == _("Consumer")]
    consumer.setCheckState(Qt.CheckState.Checked)
    wizard.next()
    wizard.next()
    wizard.button(wizard.WizardButton.FinishButton).click()


def test_an_empty_database_is_offered_the_wizard_and_gets_the_co_op(window, database_url, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *args: QMessageBox.StandardButton.Yes))
    QTimer.singleShot(0, lambda: drive_wizard("달빛협동조합"))
    assert window.open_target(database_url, create=True)
    assert window.context.coop.name == "달빛협동조합"
    db = open_database(database_url)
    try:
        assert [c.name for c in list_coops(db)] == ["달빛협동조합"]
    finally:
        db.close()


def test_a_new_file_left_without_a_co_op_is_not_kept(window, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *args: QMessageBox.StandardButton.No))
    path = tmp_path / "new.coopdesk"
    assert not window.open_target(str(path), create=True)
    assert not path.exists() and window.context is None and window.welcome is not None


def test_the_window_shows_before_the_file_opens_and_then_opens_it(qtbot, tmp_path):
    """How `coopdesk` starts: the window paints first, the co-op file opens right after."""
    from coopdesk.services.coops import create_coop
    from coopdesk.services.files import open_database
    from coopdesk.ui.app import create_main_window
    from tests.conftest import sample_profile

    path = tmp_path / "later.coopdesk"
    db = open_database(path)
    create_coop(db, sample_profile())
    db.close()
    window = create_main_window(db_target=str(path), language="en", open_later=True)
    qtbot.addWidget(window)
    assert window.context is None
    assert "later.coopdesk" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.context is not None, timeout=5000)
    assert "햇살마을협동조합" in window.windowTitle()
    assert window.statusBar().currentMessage() == ""
