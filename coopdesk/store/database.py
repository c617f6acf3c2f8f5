"""A database handle: one engine, short sessions, one transaction per user action.

After each committed write to a co-op file, the ``-wal`` is copied into the main file
(a passive checkpoint), so that the ``.coopdesk`` file alone holds everything saved: a
secretary who copies it to a USB stick while the program is open carries the member
just added.  ``bench/bench_checkpoint.py`` measures what that costs per action.

``all_or_nothing`` runs several user actions (the demo, a co-op added beside others)
as one transaction: a killed process or an error leaves none of them.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from coopdesk.store.engine import WRITE, is_sqlite, make_engine, sqlite_path


class Database:
    # Measured by bench/bench_checkpoint.py; only a measurement turns it off.
    checkpoint_after_write = True

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(self.engine.execution_options(**WRITE), expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return is_sqlite(self.url)

    @property
    def path(self) -> Path | None:
        """The co-op file, when this is SQLite."""
        return sqlite_path(self.url)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        with self._write() as session, session.begin():
            yield session
        self.checkpoint()

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session, session.begin():
            yield session

    @contextmanager
    def all_or_nothing(self, *, lock_coops: bool = False) -> Iterator[Database]:
        """A handle whose every action joins one transaction, committed when the block ends.

        Each action in it is a savepoint: a refused action undoes only itself, an error
        that leaves the block undoes everything.  On SQLite the transaction holds the
        write lock from the start (BEGIN IMMEDIATE), so a check made in it ("this file
        holds no co-op yet") stays true until the commit.  ``lock_coops`` makes it so on
        PostgreSQL too: no other transaction adds a co-op meanwhile.
        """
        with self.engine.connect() as conn:
            conn.execution_options(**WRITE)
            with conn.begin():
                if lock_coops and not self.is_sqlite:
                    conn.exec_driver_sql("LOCK TABLE coop IN SHARE ROW EXCLUSIVE MODE")
                yield _Joined(self, conn)
        self.checkpoint()

    def checkpoint(self) -> None:
        """Copy what the ``-wal`` holds into the co-op file, if no reader needs it now.

        PASSIVE never waits and never makes anyone wait: pages an open read still needs
        stay in the ``-wal`` until the next write's checkpoint.
        """
        if self.checkpoint_after_write and self.is_sqlite:
            try:
                self._pragma("PRAGMA wal_checkpoint(PASSIVE)")
            except DBAPIError:  # the write is committed and safe in the -wal; the next one retries
                logging.getLogger(__name__).warning("checkpoint after a write failed", exc_info=True)

    def complete_file(self) -> None:
        """Everything into the co-op file and the ``-wal`` emptied, waiting for readers."""
        if self.is_sqlite:
            self._pragma("PRAGMA wal_checkpoint(TRUNCATE)")

    def rewrite_file(self) -> None:
        """SQLite: the whole co-op file written anew (``VACUUM``), then the ``-wal`` emptied, so that
        no byte of an older row is left anywhere in it.  ``secure_delete`` zeroes what is deleted and
        the pages freed, but not the unused space inside a page that a rebalance leaves behind: in
        about one close of a vote in 15 a ballot's older copy stayed there (measured).  A failure
        (another program writing) is logged and leaves the file as it was; the ``-wal`` is emptied
        either way.  PostgreSQL: nothing here (``vacuum_full``)."""
        if not self.is_sqlite:
            return
        # The -wal emptied first: VACUUM writes every page again through it, and a -wal still
        # holding the commit's pages would then hold each row twice until the next checkpoint.
        self.complete_file()
        try:
            self._pragma("VACUUM")
        except DBAPIError:
            logging.getLogger(__name__).warning("VACUUM failed", exc_info=True)
        self.complete_file()

    def vacuum_full(self, table: str) -> None:
        """PostgreSQL: rewrite ``table`` into fresh files, without its dead row versions (each of
        which keeps the transaction that wrote it).  Outside any transaction; waits at most a few
        seconds for the table's lock, and a failure (not the table's owner) leaves it as it was."""
        if self.is_sqlite:
            return
        try:
            with self.engine.connect() as conn:
                conn = conn.execution_options(isolation_level="AUTOCOMMIT")
                conn.exec_driver_sql("SET lock_timeout = '5s'")
                try:
                    conn.exec_driver_sql(f"VACUUM FULL {self.engine.dialect.identifier_preparer.quote(table)}")
                finally:
                    conn.exec_driver_sql("RESET lock_timeout")  # the connection goes back to the pool
        except DBAPIError:
            logging.getLogger(__name__).warning("VACUUM FULL %s failed", table, exc_info=True)

    def _pragma(self, pragma: str) -> None:
        # On the driver's connection, outside any transaction: a checkpoint cannot run in one.
        raw = self.engine.raw_connection()
        try:
            with contextlib.closing(raw.cursor()) as cursor:
                cursor.execute(pragma)
        finally:
            raw.close()  # back to the pool

    def close(self) -> None:
        self.engine.dispose()

    def __repr__(self) -> str:
        return f"Database({self.engine.url.render_as_string(hide_password=True)!r})"


class _Joined(Database):
    """``Database.all_or_nothing``'s handle: sessions and connections on one transaction."""

    def __init__(self, outer: Database, conn: Connection) -> None:  # noqa: D107 (no engine of its own)
        self.url = outer.url
        self.engine = _JoinedEngine(outer.engine, conn)  # type: ignore[assignment]
        joined = sessionmaker(bind=conn, expire_on_commit=False, join_transaction_mode="create_savepoint")
        self._read = self._write = joined
        self._conn = conn

    @contextmanager
    def all_or_nothing(self, *, lock_coops: bool = False) -> Iterator[Database]:
        yield self  # already one transaction

    def checkpoint(self) -> None:
        pass  # nothing is committed before the whole block is

    def complete_file(self) -> None:
        pass

    def rewrite_file(self) -> None:
        pass  # not inside the block's transaction

    def vacuum_full(self, table: str) -> None:
        pass  # not inside the block's transaction; the next action outside it may

    def close(self) -> None:
        pass  # the outer handle owns the engine


class _JoinedEngine:
    """The engine as services use it directly (``with db.engine.connect() as conn``), on the
    joined transaction's connection: they read what the block has written so far."""

    def __init__(self, engine: Engine, conn: Connection) -> None:
        self._engine = engine
        self._conn = conn

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        yield self._conn  # not closed at the end: the block owns it

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        with self._conn.begin_nested():
            yield self._conn

    def __getattr__(self, name: str) -> Any:
        return getattr(self._engine, name)
