"""Servers and addresses a user can get wrong, made real for the tests.

``closed_port``: a local TCP port bound by the test but not listening, so a connection
to it is refused (as when no server runs there), and no other program can take it
meanwhile.  ``password_user``: a user of the suite's PostgreSQL server that must give its
password: the server trusts every other local connection (``tests.support.postgres``),
so one line for this user alone goes first in its ``pg_hba.conf``, and the server reloads it.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest

from tests.support.postgres import PostgresServer

PASSWORD_USER = "coopdesk_password_user"
PASSWORD = "the-right-one"
_HBA_LINES = (f"local all {PASSWORD_USER} scram-sha-256\n"
              f"host all {PASSWORD_USER} 127.0.0.1/32 scram-sha-256\n")


@pytest.fixture
def closed_port() -> Iterator[int]:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as held:
        held.bind(("127.0.0.1", 0))  # never listen(): a connection is refused at once
        yield held.getsockname()[1]


@pytest.fixture(scope="session")
def password_user(postgres_server: PostgresServer) -> str:
    """The user name; its password is ``PASSWORD``."""
    with postgres_server._admin_connection() as conn:
        if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (PASSWORD_USER,)).fetchone() is None:
            conn.execute(f"CREATE ROLE {PASSWORD_USER} LOGIN PASSWORD '{PASSWORD}'")
        hba = postgres_server.data_dir / "pg_hba.conf"
        text = hba.read_text(encoding="utf-8")
        if _HBA_LINES not in text:
            with hba.open("r+", encoding="utf-8") as fh:  # rewritten in place: its owner stays the server's
                fh.write(_HBA_LINES + text)
        conn.execute("SELECT pg_reload_conf()")
    _wait_until_password_is_asked(postgres_server)
    return PASSWORD_USER


def _wait_until_password_is_asked(server: PostgresServer) -> None:
    """The reload is a signal the server handles on its own time: wait until it asks for the password."""
    import psycopg

    deadline = time.monotonic() + 30
    while True:
        try:
            psycopg.connect(host=server.host, port=server.port, user=PASSWORD_USER, password="not it",
                            dbname="postgres", connect_timeout=10).close()
        except psycopg.OperationalError:
            return
        if time.monotonic() > deadline:
            raise RuntimeError("the test server still lets the password user in with any password")
        time.sleep(0.05)
