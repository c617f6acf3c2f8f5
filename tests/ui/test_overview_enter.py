"""The Co-ops overview: Enter in the folder field reads the folder typed there, and opens no
folder picker (its buttons are not the dialog's default)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from coopdesk.ui.app import create_main_window
from coopdesk.ui.overview.window import show_overview
from coopdesk.ui.translation import apply_language
from tests.support.coop_files import make_coop_file


@pytest.fixture
def window(qtbot):
    w = create_main_window(language="ko")
    qtbot.addWidget(w)
    w.show()
    yield w
    apply_language("en")


def test_enter_in_the_folder_field_reads_the_typed_folder_and_opens_no_picker(window, qtbot, tmp_path: Path,
                                                                             sqlite_template, monkeypatch):
    folder = tmp_path / "상담센터"
    folder.mkdir()
    make_coop_file(folder / "햇살.coopdesk", sqlite_template, "햇살협동조합", members=3)
    pickers = []  # the folder picker is modal: it would stop the test
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: pickers.append(args) or "")
    dialog = show_overview(window)
    assert not any(b.isDefault() or b.autoDefault() for b in (dialog.choose_button, dialog.read_button))
    dialog.target_edit.setFocus()
    dialog.target_edit.setText(str(folder))
    qtbot.keyClick(dialog.target_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.job is None and dialog.found is not None, timeout=30_000)
    assert pickers == []
    assert [r.name for r in dialog.found.rows] == ["햇살협동조합"]
    dialog.grab().save("/tmp/window_shots/overview.png")
    dialog.close()
