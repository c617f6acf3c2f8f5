"""Opening a PostgreSQL database in the window when no connection can be made: the box names
the server and port, says that nothing was changed and what to check, in the user's
language; the window stays as it was (its welcome screen, or the co-op open before).

Each case is real: a local port nobody listens on, and the suite's PostgreSQL server
asked with a wrong password and for a database it does not have.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from coopdesk.i18n import Translator
from coopdesk.services.failures import MESSAGES, Trouble
from coopdesk.ui.app import create_main_window
from coopdesk.ui.translation import apply_language
from tests.support.coop_files import make_coop_file
from tests.support.server_login import closed_port, password_user  # noqa: F401 (fixtures)


@pytest.fixture
def window(qtbot):
    w = create_main_window(language="en")
    qtbot.addWidget(w)
    w.show()
    yield w
    apply_language("en")


def the_box(window) -> str:
    (box,) = [b for b in window.findChildren(QMessageBox) if b.objectName() == "refusal" and b.isVisible()]
    text = box.text()
    box.close()
    return text


def test_a_closed_port_in_korean(window, closed_port, qtbot):  # noqa: F811
    window.set_language("ko")
    url = f"postgresql+psycopg://advisor:s3cret@127.0.0.1:{closed_port}/coops"
    assert not window.open_target(url)
    ko = Translator("ko")
    message = MESSAGES[Trouble.NO_SERVER]
    assert ko.gettext(message) != message  # the Korean is in the catalog
    text = the_box(window)
    assert text == ko.gettext(message, host="127.0.0.1", port=str(closed_port))
    assert "s3cret" not in text
    assert window.context is None and window.welcome is not None


@pytest.mark.postgresql
def test_a_wrong_password_on_the_real_server(window, postgres_server, password_user):  # noqa: F811
    url = (f"postgresql+psycopg://{password_user}:wrong@/postgres"
           f"?host={postgres_server.host}&port={postgres_server.port}")
    assert not window.open_target(url)
    assert the_box(window) == MESSAGES[Trouble.LOGIN].format(
        host=postgres_server.host, port=postgres_server.port, user=password_user)
    assert window.settings.recent_files == []  # nothing to offer again


@pytest.mark.postgresql
def test_a_database_the_server_does_not_have_leaves_the_open_co_op_open(window, postgres_server, tmp_path,
                                                                       sqlite_template):
    assert window.open_target(str(make_coop_file(tmp_path / "햇살.coopdesk", sqlite_template, "햇살마을협동조합")))
    assert not window.open_target(postgres_server.url("no_such_coops"))
    assert the_box(window) == MESSAGES[Trouble.NO_DATABASE].format(
        host=postgres_server.host, port=postgres_server.port, database="no_such_coops")
    assert window.context is not None and window.context.coop.name == "햇살마을협동조합"


def test_an_address_whose_port_cannot_be_read(window):
    assert not window.open_target("postgresql+psycopg://advisor:s3cret@127.0.0.1:fivefour/coops")
    text = the_box(window)
    assert text.startswith("\u201cpostgresql+psycopg://advisor@127.0.0.1:fivefour/coops\u201d is not a database "
                           "address CoopDesk can read.")
    assert window.context is None


def test_the_window_started_on_a_server_nobody_answers_at(qtbot, closed_port):  # noqa: F811
    """``coopdesk --db postgresql+psycopg://…`` without a command: the window shows, then says why."""
    url = f"postgresql+psycopg://advisor:s3cret@127.0.0.1:{closed_port}/coops"
    window = create_main_window(db_target=url, language="en", open_later=True)
    qtbot.addWidget(window)
    window.show()
    assert "s3cret" not in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: any(b.objectName() == "refusal" and b.isVisible()
                                for b in window.findChildren(QMessageBox)), timeout=20_000)
    assert the_box(window) == MESSAGES[Trouble.NO_SERVER].format(host="127.0.0.1", port=closed_port)
    assert window.context is None and window.welcome is not None
