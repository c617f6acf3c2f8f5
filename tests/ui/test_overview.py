"""File ▸ Co-ops overview: an advisor's folder read in a thread, sorted, and a co-op opened from it."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from coopdesk.services.demo import create_demo
from coopdesk.services.files import create_in
from coopdesk.services.year.agenda import mark_done, year_agenda
from coopdesk.ui.app import create_main_window
from coopdesk.ui.overview.model import COOP, FILE, KIND, NEXT_DATE, WARNINGS
from coopdesk.ui.overview.window import OverviewWindow
from coopdesk.ui.settings import OVERVIEW_TARGET, Settings
from coopdesk.ui.translation import apply_language
from tests.conftest import TODAY
from tests.support.coop_files import make_coop_file


@pytest.fixture
def window(qtbot):
    w = create_main_window(language="en")
    qtbot.addWidget(w)
    w.show()
    yield w
    apply_language("en")


@pytest.fixture
def folder(tmp_path: Path, sqlite_template: Path) -> Path:
    """Three co-op files: one whose ordinary assembly is overdue, the demo co-op, one damaged."""
    folder = tmp_path / "상담센터"
    folder.mkdir()
    # Created in January 2025 and never held an assembly: last year's ordinary assembly is overdue.
    make_coop_file(folder / "a-늦은.coopdesk", sqlite_template, "늦은협동조합", members=6)
    create_in(folder / "b-demo.coopdesk", lambda db: fine(db, create_demo(db, today=TODAY).id))
    damaged = folder / "c-damaged.coopdesk"
    shutil.copyfile(folder / "a-늦은.coopdesk", damaged)
    data = bytearray(damaged.read_bytes())
    data[4096:] = b"\xa5" * (len(data) - 4096)
    damaged.write_bytes(bytes(data))
    return folder


def fine(db, coop_id: int) -> None:  # noqa: ANN001
    """The demo co-op with what its year asks by now marked done: nothing overdue, no warning."""
    for task in year_agenda(db, coop_id, TODAY).open:
        if task.deadline.warning or task.deadline.due_on < TODAY:
            mark_done(db, coop_id, task.key, on=TODAY, note="처리함", today=TODAY)


def read(qtbot, dialog: OverviewWindow, target: Path) -> None:  # noqa: ANN001
    dialog.read(str(target))
    qtbot.waitUntil(lambda: dialog.job is None and dialog.found is not None, timeout=30_000)


def shown(dialog: OverviewWindow, column: int) -> list[str]:
    proxy = dialog.proxy
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def open_overview(window) -> OverviewWindow:  # noqa: ANN001
    action = window.findChild(QAction, "action_overview")
    assert action.isEnabled()  # no co-op open: the advisor starts here
    action.trigger()
    dialog = window.findChild(OverviewWindow)
    assert dialog is not None and dialog.isVisible()
    dialog.today = TODAY
    return dialog


def test_the_overview_lists_the_folder_sorts_by_deadline_and_opens_a_co_op(window, folder, qtbot):
    dialog = open_overview(window)
    read(qtbot, dialog, folder)

    assert sorted(shown(dialog, FILE)) == ["a-늦은.coopdesk", "b-demo.coopdesk", "c-damaged.coopdesk"]
    rows = {row.source: row for row in dialog.found.rows}  # type: ignore[union-attr]
    late, demo = rows[str(folder / "a-늦은.coopdesk")], rows[str(folder / "b-demo.coopdesk")]
    assert late.warnings and any(w.kind.startswith("ordinary_assembly") for w in late.warnings)
    assert late.next_deadline is not None and demo.next_deadline is not None
    assert not demo.warnings and demo.next_deadline.due_on >= TODAY  # the fine one
    assert late.next_deadline.due_on < demo.next_deadline.due_on

    dialog.table.sortByColumn(NEXT_DATE, Qt.SortOrder.AscendingOrder)
    dates = [dialog.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) for r in range(3)]
    assert [r.next_deadline.due_on for r in dates[:2]] == sorted(  # type: ignore[union-attr]
        [late.next_deadline.due_on, demo.next_deadline.due_on])
    assert shown(dialog, FILE)[-1] == "c-damaged.coopdesk"  # no date: after those with one
    assert "damaged" in shown(dialog, WARNINGS)[-1]
    assert dialog.status.text() == ("2 co-ops on Nov 21, 2026. 1 line is not shown in full: its reason is in "
                                    "the last column.")

    # The damaged file cannot be opened; a double-click on the demo co-op opens it in the window.
    dialog.table.selectRow(2)
    assert not dialog.open_button.isEnabled()
    demo_row = shown(dialog, COOP).index(demo.name)
    index = dialog.proxy.index(demo_row, COOP)
    dialog.table.scrollTo(index)
    where = dialog.table.visualRect(index).center()
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.context is not None and window.context.coop.name == demo.name
    assert Settings().get(OVERVIEW_TARGET) == str(folder)  # the folder is offered next time
    assert dialog.isVisible()  # the advisor goes on to the next co-op


def test_a_file_of_several_co_ops_opens_the_one_chosen_without_asking(window, tmp_path, sqlite_template, qtbot):
    make_coop_file(tmp_path / "센터.coopdesk", sqlite_template, "첫째협동조합", "둘째협동조합", members=2)
    dialog = open_overview(window)
    read(qtbot, dialog, tmp_path)
    second = shown(dialog, COOP).index("둘째협동조합")
    dialog.table.selectRow(second)
    assert dialog.open_button.isEnabled()
    dialog.open_button.click()
    assert window.context.coop.name == "둘째협동조합"  # type: ignore[union-attr]
    assert window.coops_in_file == 2  # File ▸ Switch co-op offers the other


def test_cancel_stops_the_reading_and_keeps_the_window(window, folder, qtbot, monkeypatch):
    from coopdesk.services.overview import folder as folder_module

    reading, go_on = threading.Event(), threading.Event()
    read_file = folder_module.read_file

    def held(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - the first file waits for the test
        reading.set()
        go_on.wait(30)
        return read_file(*args, **kwargs)

    monkeypatch.setattr(folder_module, "read_file", held)
    dialog = open_overview(window)
    job = dialog.read(str(folder))
    assert job is not None and reading.wait(30)
    job.cancel()  # what the progress dialog's Cancel does
    go_on.set()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=30_000)
    assert dialog.found is None and dialog.model.rowCount() == 0
    assert dialog.status.text() == "Stopped: the co-ops were not all read."
    assert dialog.read_button.isEnabled()


def test_the_overview_in_korean(window, folder, qtbot):
    apply_language("ko")
    window.retranslate()
    dialog = open_overview(window)
    assert dialog.windowTitle() == "조합 한눈에 보기"
    read(qtbot, dialog, folder)
    assert "일반협동조합" in shown(dialog, KIND)
    assert dialog.model.headerData(NEXT_DATE, Qt.Orientation.Horizontal) == "다음 기한"


def test_the_open_overview_follows_a_change_of_language(window, folder, qtbot):
    window.set_language("ko")
    dialog = open_overview(window)
    read(qtbot, dialog, folder)
    assert dialog.windowTitle() == "조합 한눈에 보기" and dialog.read_button.text() == "읽기(&R)"
    assert "조합" in dialog.status.text() and "일반협동조합" in shown(dialog, KIND)

    window.set_language("en")  # Settings ▸ Language while the overview stays open
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Co-ops overview")
    assert [dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in (FILE, COOP, NEXT_DATE, WARNINGS)] == [
        "File", "Co-op", "Next deadline", "Warnings"]
    assert [b.text() for b in (dialog.choose_button, dialog.read_button, dialog.open_button, dialog.close_button)] == [
        "Choose &folder\u2026", "&Read", "&Open", "Close"]
    assert dialog.target_label.text() == "Folder or database:"
    assert dialog.status.text() == ("2 co-ops on Nov 21, 2026. 1 line is not shown in full: its reason is in "
                                    "the last column.")
    assert "General co-op" in shown(dialog, KIND) and "일반협동조합" not in shown(dialog, KIND)
    assert "damaged" in shown(dialog, WARNINGS)[-1]
    assert dialog.proxy.headerData(NEXT_DATE, Qt.Orientation.Horizontal) == "Next deadline"  # what the table shows


def test_a_server_that_cannot_be_reached_is_said_and_its_password_never_kept(window, qtbot):
    dialog = open_overview(window)
    dialog.read("postgresql+psycopg://advisor:s3cret@127.0.0.1:9/coops?connect_timeout=2")
    qtbot.waitUntil(lambda: dialog.job is None, timeout=30_000)
    boxes = [b for b in dialog.findChildren(QMessageBox) if b.objectName() == "refusal"]
    assert len(boxes) == 1
    assert "postgresql+psycopg://advisor@127.0.0.1:9/coops" in boxes[0].text()
    assert "Nothing answers at 127.0.0.1, port 9" in boxes[0].text() and "s3cret" not in boxes[0].text()
    assert Settings().get(OVERVIEW_TARGET) == ""
    assert dialog.found is None and dialog.read_button.isEnabled()


def test_a_folder_that_is_not_there_is_said_in_plain_words(window, tmp_path, qtbot):
    dialog = open_overview(window)
    dialog.read(str(tmp_path / "없는 폴더"))
    qtbot.waitUntil(lambda: dialog.job is None, timeout=30_000)
    (box,) = [b for b in dialog.findChildren(QMessageBox) if b.objectName() == "refusal"]
    assert box.text() == f"CoopDesk cannot read the folder {tmp_path / '없는 폴더'}: there is no such file or folder."
    assert dialog.model.rowCount() == 0
