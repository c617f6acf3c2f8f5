"""Bringing a database to the schema this program knows, or refusing it.

Opening a file must be quick, so Alembic is loaded only when there is work for it:
the revision in the file is compared with ``KNOWN_REVISIONS`` first.

A SQLite co-op file is marked with the program's application id when its schema is
created, or on its first open if an older CoopDesk made it (see ``store.coopfile``).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import OperationalError

from coopdesk.domain.errors import Refusal
from coopdesk.domain.text import N_
from coopdesk.store.engine import APPLICATION_ID
from coopdesk.store.revisions import HEAD, KNOWN_REVISIONS  # a new migration is listed there
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class SchemaState(Enum):
    EMPTY = "empty"
    CURRENT = "current"
    OLDER = "older"


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def schema_state(engine: Engine) -> SchemaState:
    revision = current_revision(engine)
    if revision is None:
        with engine.connect() as conn:
            if inspect(conn).get_table_names():
                raise Refusal(N_("This file is not a CoopDesk co-op file."))
        return SchemaState.EMPTY
    if revision == HEAD:
        return SchemaState.CURRENT
    if revision in KNOWN_REVISIONS:
        return SchemaState.OLDER
    raise Refusal(
        N_(
            "This co-op file was saved by a newer version of CoopDesk (schema {revision}). "
            "Install the newer version to open it; this version will not change it."
        ),
        revision=revision,
    )


def upgrade(engine: Engine, before_change: Callable[[], None] | None = None) -> SchemaState:
    """Create or upgrade the schema in one transaction; call ``before_change`` first."""
    state = schema_state(engine)
    if state is SchemaState.CURRENT:
        mark(engine)
        return state
    if state is SchemaState.OLDER and before_change is not None:
        before_change()
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        _mark(conn)  # in the same transaction: a file with our schema is always marked
    return state


def mark(engine: Engine) -> None:
    """Mark a SQLite co-op file as ours, if it is not yet (then it is only read).

    A file that cannot be written now (write-protected, or busy past the timeout) still
    opens: it was recognised by its tables, and is marked on a later open.
    """
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:
        if conn.exec_driver_sql("PRAGMA application_id").scalar() == APPLICATION_ID:
            return
    try:
        with engine.begin() as conn:
            _mark(conn)
    except OperationalError:
        pass


def _mark(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
