"""SQLAlchemy connections that only read: over a co-op file's read-only snapshot, or a server.

One engine serves every file of every overview: it is handed the snapshot's own
``sqlite3`` connection (``snapshot.read_quietly``) instead of opening one, so the
statements are compiled once for all 200 files, not once per file, and nothing of
``store.engine``'s opening (its pragmas write) touches a file.  On PostgreSQL the
transaction is declared read-only and repeatable-read: the database refuses any write
in it, and every co-op is read as of one moment.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.pool import NullPool

from coopdesk.paths import shown_target
from coopdesk.services.failures import Failure, explain
from coopdesk.store.engine import server_connect_args
from coopdesk.store.server import NoConnection, first_connection

_handed = threading.local()  # each worker thread hands its own snapshot
_made: list[Engine] = []
_lock = threading.Lock()


def _file_engine() -> Engine:
    with _lock:
        if not _made:
            # hide_parameters: an error's text never carries a member's name
            _made.append(create_engine("sqlite://", creator=_take_handed, poolclass=NullPool,
                                       hide_parameters=True))
        return _made[0]


def _take_handed() -> sqlite3.Connection:
    conn: sqlite3.Connection | None = getattr(_handed, "conn", None)
    if conn is None:
        raise RuntimeError("the overview's engine opens no file of its own")
    _handed.conn = None
    return conn


@contextmanager
def on_snapshot(raw: sqlite3.Connection) -> Iterator[Connection]:
    """A SQLAlchemy connection reading through ``raw`` (a read transaction already begun).

    SQLAlchemy closes ``raw`` when the block ends, which ends its read transaction.
    """
    _handed.conn = raw
    try:
        with _file_engine().connect() as conn:
            yield conn
    finally:
        _handed.conn = None


def server_url(target: str) -> str:
    """A PostgreSQL URL as people write it, with the driver CoopDesk installs (psycopg 3)."""
    scheme, _sep, rest = target.partition("://")
    if scheme.lower() in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    return target


class ServerUnreachable(Exception):
    """No connection to the server a URL names: no server there, an unknown name, a wrong user name
    or password, no such database (``services.failures`` words each, with the address)."""

    def __init__(self, target: str, failure: Failure) -> None:
        super().__init__(target)
        self.target = target  # the URL without its password
        self.kind = failure.trouble.value
        self.message = failure.message  # a message id, translated with its params
        self.params = failure.params


@contextmanager
def on_server(url: str) -> Iterator[Connection]:
    """One read-only, repeatable-read transaction on the server ``url`` names."""
    driver_url = server_url(url)
    engine = create_engine(driver_url, poolclass=NullPool, hide_parameters=True,
                           connect_args=server_connect_args(driver_url))
    try:
        try:
            connection = first_connection(engine)
        except NoConnection as exc:
            failure = explain(exc)
            assert failure is not None
            raise ServerUnreachable(shown_target(url), failure) from exc
        with connection as conn:
            reading = conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
            with reading.begin():
                reading.exec_driver_sql("SET TRANSACTION READ ONLY")  # said again: never a write here
                yield reading
    finally:
        engine.dispose()
