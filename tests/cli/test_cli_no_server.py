"""`coopdesk --db postgresql+psycopg://…` when no connection can be made: which server and port,
that nothing was changed, and what to check, in the user's language; exit 1, no traceback.

Each case is real: a local port nobody listens on, a name no computer has, and the
suite's own PostgreSQL server asked with a wrong password and for a database it does
not have.
"""

from __future__ import annotations

import pytest

from coopdesk.i18n import Translator
from coopdesk.services.failures import MESSAGES, Trouble
from tests.cli.conftest import run_process
from tests.support.server_login import closed_port, password_user  # noqa: F401 (fixtures)

KO = Translator("ko")


def said(trouble: Trouble, t: Translator | None = None, **values: str) -> str:
    message = MESSAGES[trouble]
    if t is not None:
        assert t.gettext(message) != message, f"not translated into Korean yet: {message!r}"
        return t.gettext(message, **values)
    return message.format(**values)


def test_a_closed_port_is_named_with_its_address_in_a_real_process(closed_port, user_home):  # noqa: F811
    url = f"postgresql://advisor:s3cret@127.0.0.1:{closed_port}/coops"
    done = run_process("--db", url, "member", "list")
    assert done.code == 1, done.err
    assert said(Trouble.NO_SERVER, host="127.0.0.1", port=str(closed_port)) in done.err
    assert "Nothing was changed" in done.err and "Traceback" not in done.err
    assert "s3cret" not in done.err and "not a CoopDesk co-op file" not in done.err


def test_the_same_in_korean_and_as_json(cli, closed_port):  # noqa: F811
    url = f"postgresql+psycopg://advisor@127.0.0.1:{closed_port}/coops"
    done = cli("--language", "ko", "--db", url, "coop", "show", "--json")
    assert done.code == 1
    assert said(Trouble.NO_SERVER, KO, host="127.0.0.1", port=str(closed_port)) in done.err
    assert done.json()["problem"] == "no_server"


def test_a_name_no_computer_has(cli):
    done = cli("--db", "postgresql+psycopg://advisor@no-such-server.invalid/coops", "member", "list")
    assert done.code == 1
    assert said(Trouble.UNKNOWN_HOST, host="no-such-server.invalid") in done.err


@pytest.mark.postgresql
def test_a_wrong_password_on_the_real_server(cli, postgres_server, password_user):  # noqa: F811
    url = (f"postgresql+psycopg://{password_user}:wrong@/postgres"
           f"?host={postgres_server.host}&port={postgres_server.port}")
    done = cli("--db", url, "member", "list", "--json")
    assert done.code == 1
    assert said(Trouble.LOGIN, host=postgres_server.host, port=str(postgres_server.port),
                user=password_user) in done.err
    assert done.json()["problem"] == "login" and "wrong@" not in done.out + done.err

    korean = cli("--language", "ko", "--db", url, "member", "list")
    assert said(Trouble.LOGIN, KO, host=postgres_server.host, port=str(postgres_server.port),
                user=password_user) in korean.err


@pytest.mark.postgresql
def test_a_database_the_real_server_does_not_have(cli, postgres_server):
    done = cli("--db", postgres_server.url("no_such_coops"), "init", "--name", "햇살마을협동조합",
               "--office", "서울특별시 마포구 성미산로 10", "--member-type", "소비자")
    assert done.code == 1
    assert said(Trouble.NO_DATABASE, host=postgres_server.host, port=str(postgres_server.port),
                database="no_such_coops") in done.err
    with postgres_server._admin_connection() as conn:  # nothing was made on the server
        assert conn.execute("SELECT 1 FROM pg_database WHERE datname = 'no_such_coops'").fetchone() is None


def test_the_overview_names_the_closed_port_too(cli, closed_port):  # noqa: F811
    url = f"postgresql+psycopg://advisor@127.0.0.1:{closed_port}/coops"
    done = cli("overview", url, "--json")
    assert done.code == 1
    assert said(Trouble.NO_SERVER, host="127.0.0.1", port=str(closed_port)) in done.err
    assert done.json()["problem"] == "no_server" and url in done.err


@pytest.mark.parametrize("url", ["postgresql://advisor:s3cret@127.0.0.1:fivefour/coops",
                                 "postgresql+psycopg://advisor:s3cret@[::1/coops"])
def test_an_address_whose_port_cannot_be_read_is_a_usage_error(cli, url):
    done = cli("--db", url, "member", "list")
    assert done.code == 2
    assert "is not a database address CoopDesk can read" in done.err and "advisor@" in done.err
    assert "s3cret" not in done.err and "did not expect" not in done.err

    overview = cli("overview", url)
    assert "is not a database address CoopDesk can read" in overview.err and "s3cret" not in overview.err


def test_a_setting_the_driver_does_not_take(cli, closed_port):  # noqa: F811
    done = cli("--db", f"postgresql+psycopg://advisor@127.0.0.1:{closed_port}/coops?sslmode=sometimes",
               "member", "list", "--json")
    assert done.code == 1 and done.json()["problem"] == "server_setting"
    assert said(Trouble.SERVER_SETTING, host="127.0.0.1", port=str(closed_port)) in done.err
