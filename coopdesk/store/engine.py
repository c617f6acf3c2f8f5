"""Engines for the co-op file (SQLite) or a shared PostgreSQL server.

SQLite is used with the pragmas of DESIGN.md §4.  pysqlite's own transaction handling
is switched off so that SQLAlchemy's BEGIN is the real one: write transactions start
with ``BEGIN IMMEDIATE``, so two program instances on one file take turns instead of
failing half-way, and DDL in migrations is transactional.

Co-op files carry SQLite's application id ``APPLICATION_ID`` in their header.  A
connection reads it before any pragma that writes (``journal_mode=WAL`` rewrites the
header of a file in another journal mode), and a file marked by another program is
refused untouched.  ``store.coopfile`` looks at a file more closely before it is opened.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from coopdesk.store.coopfile import APPLICATION_ID

# In this order: nothing before journal_mode=WAL may write, and the application id is
# checked before all of them (see _on_connect).
SQLITE_PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA busy_timeout=30000",
    # Deleted content is overwritten with zeros, not left in free pages: a ballot rewritten when
    # voting closes leaves no trace of the order it was cast in (migration 0009).
    "PRAGMA secure_delete=ON",
)
WRITE = {"coopdesk_begin": "BEGIN IMMEDIATE"}


def url_for(target: str | Path) -> str:
    """A database URL from what a user gives: a file path or a URL."""
    text = str(target)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _json_text(value: object) -> str:
    # Korean as it is, not as \uXXXX escapes: a frozen vote's names take a fifth less room.
    return json.dumps(value, ensure_ascii=False)


def make_engine(url: str) -> Engine:
    if is_sqlite(url):
        # hide_parameters: an error's text never carries a member's name, phone or address
        engine = create_engine(url, connect_args={"timeout": 30}, json_serializer=_json_text, hide_parameters=True)
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, json_serializer=_json_text, hide_parameters=True,
                         connect_args=server_connect_args(url))


# libpq waits for ever by default on an address that drops packets: the window would hang.
CONNECT_TIMEOUT_S = 15


def server_connect_args(url: str) -> dict[str, object]:
    """A limit on how long a connection may take, unless the URL (or PGCONNECT_TIMEOUT) sets one."""
    if "connect_timeout" in make_url(url).query or os.environ.get("PGCONNECT_TIMEOUT"):
        return {}
    return {"connect_timeout": CONNECT_TIMEOUT_S}


class ForeignDatabase(sqlite3.DatabaseError):
    """An SQLite database another program marked as its own: not opened, not changed."""

    def __init__(self, application_id: int) -> None:
        super().__init__(f"the file belongs to another program (SQLite application id {application_id:#010x})")
        self.application_id = application_id


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            # Reading the header writes nothing; journal_mode=WAL would, so this comes first.
            found = cursor.execute("PRAGMA application_id").fetchone()[0]
            if found not in (0, APPLICATION_ID):
                raise ForeignDatabase(found)
            for pragma in SQLITE_PRAGMAS:
                cursor.execute(pragma)
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        conn.exec_driver_sql(conn.get_execution_options().get("coopdesk_begin", "BEGIN"))
