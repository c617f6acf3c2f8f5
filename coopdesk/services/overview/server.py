"""The co-ops of one PostgreSQL database, read in one read-only transaction.

The database's schema revision is looked at first: one this program does not know (a
newer CoopDesk's) or an older one (upgraded by the first program that opens it, never
here) shows each co-op's name with the reason, as a folder's files do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import Connection, inspect, select, text

from coopdesk.paths import shown_target
from coopdesk.services.overview.connections import on_server
from coopdesk.services.overview.reading import read_coops
from coopdesk.services.overview.rows import CoopRow, Problem
from coopdesk.store.models import Coop
from coopdesk.store.revisions import HEAD, KNOWN_REVISIONS


def read_server(url: str, today: dt.date, step: Callable[[int, int], None]) -> list[CoopRow]:
    source = shown_target(url)
    with on_server(url) as conn:
        revision = _revision(conn)
        if revision is None:
            return [CoopRow(source, url, problem=Problem.NOT_COOP_FILE)]
        if revision != HEAD:
            problem = Problem.OLDER if revision in KNOWN_REVISIONS else Problem.NEWER
            names = conn.execute(text("SELECT id, name FROM coop ORDER BY id")).all()
            return [CoopRow(source, url, coop_id=i, name=n, problem=problem, problem_params={"revision": revision})
                    for i, n in names] or [CoopRow(source, url, problem=problem,
                                                   problem_params={"revision": revision})]
        total = conn.execute(select(Coop.id)).all()
        step(0, len(total))
        seen = [0]

        def checkpoint() -> None:  # after each co-op: the bar moves, Cancel is heard
            step(seen[0], len(total))
            seen[0] += 1

        rows = read_coops(conn, source, url, today, checkpoint)
        step(len(total), len(total))
        return rows


def _revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
