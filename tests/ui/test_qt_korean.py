"""Qt's own file dialog speaks Korean whole: Qt 6 gave "Look in:" and "Files of type:" a shortcut
key ("&Look in:"), and the qtbase_ko.qm that PySide6 ships translates them only without it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLabel

from coopdesk.ui.translation import apply_language


@pytest.fixture
def korean(qapp):
    apply_language("ko")
    yield
    apply_language("en")


def labels(dialog: QFileDialog) -> dict[str, str]:
    return {label.objectName(): label.text() for label in dialog.findChildren(QLabel) if label.objectName()}


def test_the_file_dialog_in_korean_has_no_english_left(qtbot, korean):
    dialog = QFileDialog(None, "조합원 목록 가져오기", "", "조합원 목록 (*.xlsx *.csv)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # what Qt shows where no native one is
    qtbot.addWidget(dialog)
    dialog.show()
    shown = labels(dialog)
    assert shown["lookInLabel"] == "다음에서 찾기(&L):"
    assert shown["fileTypeLabel"] == "파일 형식(&T):"
    assert shown["fileNameLabel"] == "파일 이름(&N):"  # the catalog's own, where it has the text
    dialog.grab().save("/tmp/window_shots/file_dialog_test.png")


def test_the_bridge_adds_only_what_the_catalog_lacks_and_goes_with_the_language(korean):
    translate = QCoreApplication.translate
    assert translate("QFileDialog", "&Open") == "열기(&O)"  # qtbase_ko has it: asked first
    assert translate("QFileDialog", "Files of &type:") == "파일 형식(&T):"
    assert translate("QFileDialog", "Not a text of &Qt") == "Not a text of &Qt"
    apply_language("en")
    assert translate("QFileDialog", "&Look in:") == "&Look in:"


def test_a_text_qt_has_no_korean_for_stays_english_not_blank(korean):
    translate = QCoreApplication.translate
    assert translate("QFileDialog", "A text no catalog has") == "A text no catalog has"
    assert translate("QFileDialog", "Another &one") == "Another &one"
