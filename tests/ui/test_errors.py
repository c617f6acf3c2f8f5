"""The window when something fails: a useful dialog, no SQL values on screen or in the log."""

from __future__ import annotations

import datetime as dt
import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from coopdesk import logs
from coopdesk.domain.members.details import MemberDetails
from coopdesk.services.coops import create_coop
from coopdesk.services.files import open_database
from coopdesk.services.members.member import add_member
from coopdesk.ui import errors
from tests.conftest import sample_profile
from tests.support.read_only import read_only

NAME, PHONE, ADDRESS = "홍길동", "010-5555-6666", "서울특별시 종로구 비밀로 7"


@pytest.fixture
def hooked():
    """The window's exception hook and log, as ``run_gui`` installs them."""
    handler = errors.start_logging()
    errors.install_exception_hook()
    try:
        yield
    finally:
        sys.excepthook = sys.__excepthook__
        logging.getLogger("coopdesk").removeHandler(handler)
        handler.close()


@pytest.fixture
def coop_file(tmp_path) -> Path:
    path = tmp_path / "햇살.coopdesk"
    db = open_database(path)
    info = create_coop(db, sample_profile())
    add_member(db, info.id, MemberDetails(name="김하늘", member_type="소비자"), joined_on=dt.date(2025, 3, 1))
    db.close()
    return path


def _raised_into_the_hook(action) -> BaseException:
    """Run ``action``; what it raises goes to ``sys.excepthook``, as from a slot."""
    try:
        action()
    except Exception as exc:  # noqa: BLE001 - the point is what the hook does with it
        sys.excepthook(type(exc), exc, exc.__traceback__)
        return exc
    raise AssertionError("the action did not fail")


def _boxes(name: str) -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.objectName() == name
            and w.isVisible()]


def _everything_shown(box: QMessageBox) -> str:
    return f"{box.text()}\n{box.informativeText()}\n{box.detailedText()}"


def test_a_read_only_file_is_explained_in_the_window(qtbot, hooked, coop_file):
    with read_only(coop_file):
        db = open_database(coop_file)  # a file from a write-protected place: it opens, for reading
        try:
            _raised_into_the_hook(lambda: add_member(
                db, 1, MemberDetails(name=NAME, member_type="소비자", phone=PHONE, address=ADDRESS),
                joined_on=dt.date(2025, 4, 1)))
        finally:
            db.close()
    [box] = _boxes("store_failure")
    assert "read-only" in box.text() and "Nothing was saved" in box.text()
    assert not _boxes("bug_report")
    log = logs.log_file().read_text(encoding="utf-8")
    assert "SQLITE_READONLY" in log
    for value in (NAME, PHONE, ADDRESS):
        assert value not in log
    box.close()


def test_a_bug_dialog_and_its_log_never_show_the_statements_values(qtbot, hooked, coop_file):
    """A statement the database refuses for a reason that is a bug (here NOT NULL): values left out."""
    from sqlalchemy import text

    db = open_database(coop_file)
    try:
        def insert() -> None:
            with db.write() as s:
                s.execute(text("INSERT INTO member (coop_id, number, name, phone, address) "
                               "VALUES (1, 99, :name, :phone, :address)"),
                          {"name": NAME, "phone": PHONE, "address": ADDRESS})
        exc = _raised_into_the_hook(insert)
    finally:
        db.close()
    assert NAME in repr(exc.params)  # the premise: the error carries the values
    [box] = _boxes("bug_report")
    shown = _everything_shown(box)
    assert "did not expect" in box.text() and str(logs.log_file()) in box.informativeText()
    assert "SQL: INSERT INTO member (coop_id, number, name, phone, address)" in box.detailedText()
    assert "SQLITE_CONSTRAINT_NOTNULL" in box.detailedText()
    log = logs.log_file().read_text(encoding="utf-8")
    assert "SQL: INSERT INTO member" in log and 'in insert' in log  # where it happened
    for value in (NAME, PHONE, ADDRESS):
        assert value not in shown and value not in log
    assert "[parameters:" not in shown + log
    box.close()


def test_a_failed_job_goes_the_same_way(qtbot, coop_file):
    """``show_failure`` (the workers' error path) explains a file failure like the hook does."""
    with read_only(coop_file):
        db = open_database(coop_file)
        try:
            add_member(db, 1, MemberDetails(name=NAME, member_type="소비자"), joined_on=dt.date(2025, 4, 1))
        except Exception as exc:  # noqa: BLE001
            box = errors.show_failure(None, exc)
        else:
            raise AssertionError("a read-only file took a write")
        finally:
            db.close()
    assert box.objectName() == "store_failure" and "read-only" in box.text()
    box.close()


@pytest.mark.qt_log_ignore("does not support QPlatformServices::openDocument")  # Qt saying it cannot: the point
def test_no_pdf_viewer_is_said_in_the_window(qtbot, tmp_path, monkeypatch):
    """The offscreen platform (and a system without xdg-open) cannot open documents: openUrl says no."""
    monkeypatch.setenv("PATH", str(tmp_path))  # no xdg-open, gio or kde-open to find either
    pdf = tmp_path / "minutes.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert errors.open_in_viewer(None, pdf) is False
    [box] = _boxes("no_viewer")
    assert str(pdf) in box.text() and "No program" in box.text()
    box.close()


def test_the_log_keeps_safe_messages_and_drops_others():
    typed = "김" + chr(0xD558) + "늘"  # a value, as the program meets one: in no source line
    try:
        {}[typed]
    except KeyError as exc:
        key_report = logs.describe(exc)
    try:
        _ = None.name  # type: ignore[attr-defined]
    except AttributeError as exc:
        attribute_report = logs.describe(exc)
    assert "김하늘" not in key_report and "KeyError" in key_report and logs.LEFT_OUT in key_report
    assert "'NoneType' object has no attribute 'name'" in attribute_report
