"""The co-ops of one database at the current schema, read on a connection that only reads.

Counts are the database's (one ``GROUP BY`` for every co-op of the file); the year's
deadlines and warnings are the domain's (``domain.year``) over the facts the year's
service reads (``services.year.facts.read_facts``): nothing is decided here but which of
them the overview shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache

from sqlalchemy import Connection, Select, func, select

from coopdesk.domain.year.deadlines import Deadline, Urgency, open_deadlines
from coopdesk.services.members.current import on_register
from coopdesk.services.overview.rows import CoopRow, Due, Problem
from coopdesk.services.year.agenda import next_deadline
from coopdesk.services.year.facts import read_facts
from coopdesk.store.models import Coop, Member

Checkpoint = Callable[[], None]  # raises Cancelled when the user has had enough
# Built once, not per file: SQLAlchemy remembers a statement's cache key on the statement itself,
# so the same object costs no key-building on each of 200 files (bench/bench_overview.py).
_COOPS = select(Coop.id, Coop.name, Coop.kind).order_by(Coop.id)


@lru_cache(maxsize=4)
def _members_by_coop(today: dt.date) -> Select[int, int]:
    """On the register on ``today``, counted per co-op by the database."""
    return select(Member.coop_id, func.count()).where(on_register(today)).group_by(Member.coop_id)


def read_coops(conn: Connection, source: str, target: str, today: dt.date,
               checkpoint: Checkpoint = lambda: None) -> list[CoopRow]:
    """One row per co-op in the database ``conn`` reads, by id; a row saying so if there is none."""
    coops = conn.execute(_COOPS).all()
    if not coops:
        return [CoopRow(source, target, problem=Problem.NO_COOP)]
    counts: dict[int, int] = {coop_id: n for coop_id, n in conn.execute(_members_by_coop(today))}
    rows = []
    for coop_id, name, kind in coops:
        checkpoint()
        next_due, warnings = year_of(conn, coop_id, today)
        rows.append(CoopRow(source, target, coop_id=coop_id, name=name, kind=kind,
                            members=counts.get(coop_id, 0), next_deadline=next_due, warnings=warnings))
    return rows


def year_of(conn: Connection, coop_id: int, today: dt.date) -> tuple[Due | None, tuple[Due, ...]]:
    """The co-op's next legal deadline, and its warnings: the deadlines not marked done that are
    overdue, and the states the law warns of (a board below its minimum, no assembly for two
    years, fewer than five members…), as the domain lists them."""
    facts = read_facts(conn, coop_id, today)
    warnings = tuple(_due(d, today) for d in open_deadlines(facts, today)
                     if d.warning or d.urgency(today) is Urgency.OVERDUE)
    upcoming = next_deadline(facts, today)
    return (_due(upcoming, today) if upcoming is not None else None), warnings


def _due(d: Deadline, today: dt.date) -> Due:
    urgency = Urgency.OVERDUE if d.warning else d.urgency(today)
    return Due(key=d.key, kind=d.kind.value, due_on=d.due_on, message=d.message, params=dict(d.params),
               article=d.ref, urgency=urgency, area=d.area, warning=d.warning)
