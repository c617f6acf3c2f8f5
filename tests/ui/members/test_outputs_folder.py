"""Where a paper is saved by default, and opening it once saved."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from coopdesk.ui.members.outputs import documents_dir, notice


def test_a_computer_without_a_documents_folder_saves_in_the_home_folder(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))  # a fresh account: no ~/Documents yet
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    assert documents_dir() == tmp_path
    (tmp_path / "Documents").mkdir()
    assert documents_dir() == tmp_path / "Documents"


@pytest.mark.qt_log_ignore("does not support QPlatformServices::openDocument")  # Qt saying it cannot: the point
def test_open_after_printing_without_a_pdf_reader_says_where_the_file_is(qtbot, tmp_path, monkeypatch):
    """The "saved" notice closes when its Open button is clicked; the no-viewer message must outlive it."""
    monkeypatch.setenv("PATH", str(tmp_path))  # no xdg-open, gio or kde-open to find
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    pdf = tmp_path / "출자증서.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    box = notice(window, "saved", open_path=pdf)
    [open_button] = [b for b in box.buttons() if b.text() == "Open"]
    open_button.click()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the closed notice is gone now
    shown = [w for w in window.findChildren(QMessageBox) if w.objectName() == "no_viewer" and w.isVisible()]
    assert len(shown) == 1 and str(pdf) in shown[0].text()
    shown[0].close()
