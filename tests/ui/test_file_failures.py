"""A file the user chose that cannot be used is said plainly in the window, never as a bug.

Each case is real: a copy saved under a name longer than the disk takes, and a copy
saved "in" a file as if it were a folder.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from coopdesk.services.coops import create_coop
from coopdesk.services.files import open_database
from coopdesk.ui.app import create_main_window
from coopdesk.ui.translation import apply_language
from tests.conftest import sample_profile
from tests.support.jobs import wait_for_job

WAIT_MS = 20_000


@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "햇살.coopdesk"
    db = open_database(path)
    create_coop(db, sample_profile())
    db.close()
    w = create_main_window(str(path), language="en")
    qtbot.addWidget(w)
    w.show()
    yield w
    apply_language("en")


def boxes(window, name: str) -> list[QMessageBox]:
    return [b for b in window.findChildren(QMessageBox) if b.objectName() == name and b.isVisible()]


def test_a_name_too_long_for_the_disk_is_said_in_korean(window, qtbot, tmp_path):
    window.set_language("ko")
    target = tmp_path / ("가" * 120 + ".coopdesk")  # 360 bytes: more than any common disk takes
    window._save_copy(target)  # what File ▸ Save a copy does once a file is chosen
    qtbot.waitUntil(lambda: bool(boxes(window, "file_failure") or boxes(window, "bug_report")), timeout=WAIT_MS)
    wait_for_job(qtbot, window)
    assert not boxes(window, "bug_report")
    (box,) = boxes(window, "file_failure")
    assert "파일 이름이 너무 깁니다" in box.text() and "조합의 기록은 그대로입니다" in box.text()
    assert not [p.name for p in tmp_path.iterdir() if not p.name.startswith("햇살.coopdesk")]  # no half copy left


def test_a_copy_in_a_file_as_if_it_were_a_folder(window, qtbot, tmp_path):
    letter = tmp_path / "letter.txt"
    letter.write_text("hello", encoding="utf-8")
    window._save_copy(letter / "copy.coopdesk")
    qtbot.waitUntil(lambda: bool(boxes(window, "refusal") or boxes(window, "bug_report")), timeout=WAIT_MS)
    wait_for_job(qtbot, window)
    (box,) = boxes(window, "refusal")
    assert box.text() == f"{letter} is a file, not a folder: the copy cannot be saved in it."
    assert letter.read_text(encoding="utf-8") == "hello"
