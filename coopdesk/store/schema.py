"""Bringing a database to the schema this program knows, or refusing it.

Opening a file must be quick, so Alembic is loaded only when there is work for it:
the revision in the file is compared with ``KNOWN_REVISIONS`` first.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from sqlalchemy import Engine, inspect, text

from coopdesk.domain.errors import Refusal
from coopdesk.domain.text import N_
from pathlib import Path

# Oldest first; the last one is the head.  A test checks this against the scripts.
KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006")
HEAD = KNOWN_REVISIONS[-1]
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
    return state
