"""The audit log: every change, hash-chained so that an edit or a gap shows.

Each entry's hash covers the previous entry's hash and the entry's own fields as they
are stored, so verifying needs nothing but the table.  Edits and deletes are also
refused by database triggers (see the first migration).
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
from dataclasses import dataclass
from enum import Enum

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from coopdesk.domain.text import N_
from coopdesk.store.database import Database
from coopdesk.store.models import AuditEntry

GENESIS = "0" * 64


def canonical(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_plain)


def _plain(value: object) -> object:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"cannot record {type(value).__name__} in the audit log")


def entry_hash(prev_hash: str, at: str, actor: str, coop_id: int | None, action: str,
               entity: str, entity_key: str, before: str, after: str) -> str:
    body = canonical([prev_hash, at, actor, coop_id, action, entity, entity_key, before, after])
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def current_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name on some systems: still record the change
        return "unknown"


def record(session: Session, *, coop_id: int | None, action: str, entity: str, key: object,
           before: object = None, after: object = None) -> None:
    """Append one entry in the caller's transaction."""
    if session.get_bind().dialect.name == "postgresql":
        # Two writers must not both chain onto the same last entry.
        session.execute(text("LOCK TABLE audit_entry IN EXCLUSIVE MODE"))
    prev = session.execute(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).scalar()
    entry = AuditEntry(
        at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds"),
        actor=current_actor(), coop_id=coop_id, action=action, entity=entity,
        entity_key=str(key), before=canonical(before), after=canonical(after),
        prev_hash=prev or GENESIS,
    )
    entry.hash = entry_hash(entry.prev_hash, entry.at, entry.actor, entry.coop_id, entry.action,
                            entry.entity, entry.entity_key, entry.before, entry.after)
    session.add(entry)
    session.flush()


@dataclass(frozen=True, slots=True)
class AuditReport:
    entries: int
    intact: bool
    broken_at: int | None = None  # id of the first entry that does not fit the chain
    problem: str = ""  # message id


@dataclass(frozen=True, slots=True)
class AuditView:
    id: int
    at: dt.datetime
    actor: str
    action: str
    entity: str
    entity_key: str
    before: object
    after: object


def verify(db: Database) -> AuditReport:
    prev = GENESIS
    count = 0
    with db.read() as s:
        for row in s.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars():
            count += 1
            if row.prev_hash != prev:
                return AuditReport(count, False, row.id,
                                   N_("An entry before this one was removed or changed."))
            expected = entry_hash(row.prev_hash, row.at, row.actor, row.coop_id, row.action,
                                  row.entity, row.entity_key, row.before, row.after)
            if row.hash != expected:
                return AuditReport(count, False, row.id, N_("This entry was changed after it was written."))
            prev = row.hash
    return AuditReport(count, True)


def recent(db: Database, limit: int = 200) -> list[AuditView]:
    with db.read() as s:
        rows = s.execute(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)).scalars()
        return [
            AuditView(r.id, dt.datetime.fromisoformat(r.at), r.actor, r.action, r.entity,
                      r.entity_key, json.loads(r.before), json.loads(r.after))
            for r in rows
        ]
