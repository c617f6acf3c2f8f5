"""The audit log: every change, hash-chained so that an edit or a gap shows.

Each entry's hash covers the previous entry's hash and the entry's own fields as they
are stored, so verifying needs nothing but the table.  Edits and deletes are also
refused by database triggers (see the first migration).

Verifying reads plain rows (``check``), through the ordinary connection (``verify``) or,
for ``coopdesk audit verify`` on a co-op file, through sqlite3 alone (``verify_file``):
SQLAlchemy and the models are imported only where the log is written or listed, since
importing them costs a command ten times its check (bench/bench_cli.py).
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from coopdesk.domain.errors import Refusal
from coopdesk.domain.text import N_
from coopdesk.services.audit_replay import Difference, Rows, replay
from coopdesk.store.plain import open_reader

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from coopdesk.store.database import Database

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
    if not isinstance(after, str) or len(after) <= _SLICE:
        body = canonical([prev_hash, at, actor, coop_id, action, entity, entity_key, before, after])
        return hashlib.sha256(body.encode("utf-8")).hexdigest()
    # The same bytes, hashed a slice at a time: the entry of a 100,000-member import holds
    # tens of megabytes of text, and the body above would copy it twice more.
    digest = hashlib.sha256(canonical([prev_hash, at, actor, coop_id, action, entity, entity_key, before])[:-1]
                            .encode("utf-8"))
    digest.update(b',"')
    for start in range(0, len(after), _SLICE):  # JSON escapes each character alone: slices escape alike
        digest.update(json.dumps(after[start:start + _SLICE], ensure_ascii=False)[1:-1].encode("utf-8"))
    digest.update(b'"]')
    return digest.hexdigest()


_SLICE = 1 << 20  # characters of a long entry hashed at a time


def current_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name on some systems: still record the change
        return "unknown"


def record(session: Session, *, coop_id: int | None, action: str, entity: str, key: object,
           before: object = None, after: object = None, after_text: str | None = None) -> None:
    """Append one entry in the caller's transaction.

    ``after_text`` is ``after`` already written as ``canonical`` text: an import of 100,000
    members writes it a chunk at a time instead of holding 100,000 dictionaries at once."""
    from sqlalchemy import select, text, update

    from coopdesk.store.models import AuditEntry, AuditSeal

    if session.get_bind().dialect.name == "postgresql":
        # Two writers must not both chain onto the same last entry.
        session.execute(text("LOCK TABLE audit_entry IN EXCLUSIVE MODE"))
    prev = session.execute(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).scalar()
    after_json = canonical(after) if after_text is None else after_text
    entry = AuditEntry(
        at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds"),
        actor=current_actor(), coop_id=coop_id, action=action, entity=entity,
        entity_key=str(key), before=canonical(before), after=after_json,
        prev_hash=prev or GENESIS,
    )
    entry.hash = entry_hash(entry.prev_hash, entry.at, entry.actor, entry.coop_id, entry.action,
                            entry.entity, entry.entity_key, entry.before, entry.after)
    session.add(entry)
    session.flush()
    # The seal moves with the log, in the same transaction: a tail cut leaves it behind.
    session.execute(update(AuditSeal).where(AuditSeal.id == 1)
                    .values(entries=AuditSeal.entries + 1, head=entry.hash))


@dataclass(frozen=True, slots=True)
class AuditMark:
    """The log's state at a moment — how many entries, the last one's hash — as printed at the
    foot of final papers ("152:1a2b3c4d5e6f"), so paper can later confirm the file."""

    entries: int
    head: str

    SHORT = 12  # hex digits printed: 48 bits, enough that a forged log cannot match by chance

    def text(self) -> str:
        return f"{self.entries}:{self.head[:self.SHORT]}"

    @classmethod
    def parse(cls, text: str) -> AuditMark:
        entries, _, head = text.strip().partition(":")
        if not entries.isdigit() or len(head) < 8 or any(c not in "0123456789abcdef" for c in head.lower()):
            raise Refusal(N_("Write the mark as it is printed: the number of entries, a colon and the "
                             "hash, e.g. 152:1a2b3c4d5e6f."), field="against", mark=text)
        return cls(int(entries), head.lower())


@dataclass(frozen=True, slots=True)
class AuditReport:
    entries: int
    intact: bool
    broken_at: int | None = None  # id of the first entry that does not fit the chain
    problem: str = ""  # message id, with ``params``
    params: dict[str, object] = field(default_factory=dict)
    head: str = GENESIS
    differences: tuple[Difference, ...] = ()  # the tables against the log replayed
    anchored: bool | None = None  # the file extends the printed mark (None: no mark given)

    @property
    def mark(self) -> AuditMark:
        return AuditMark(self.entries, self.head)


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


def verify(db: Database, against: AuditMark | None = None) -> AuditReport:
    """The chain, the seal at its end, the tables against the log replayed, and, given a mark
    printed on paper, that this log still extends the log that was printed."""
    with db.read() as s:
        conn = s.connection()
        return check(conn.exec_driver_sql, against)


def verify_file(target: str, against: AuditMark | None = None) -> AuditReport | None:
    """``verify`` on a co-op file read with sqlite3 alone, writing nothing; None for a database
    server, or a file that needs the ordinary open (to upgrade, not ours, damaged: ``store.plain``)."""
    conn = None if "://" in target else open_reader(Path(target).expanduser())
    if conn is None:
        return None
    with closing(conn):  # one read transaction: the log, the seal and the tables of one moment
        try:
            return check(conn.execute, against)
        except sqlite3.Error:  # a damaged file: the ordinary open says what it is, in the user's words
            return None


def check(rows: Rows, against: AuditMark | None = None) -> AuditReport:
    """``verify`` on the database that ``rows`` reads."""
    broken, count, hashes = _chain(rows)
    if broken is not None:
        return broken
    head = hashes[-1] if hashes else GENESIS
    anchored = None
    if against is not None:
        anchored = against.entries <= count and hashes[against.entries - 1].startswith(against.head) \
            if against.entries > 0 else against.head == GENESIS[:len(against.head)]
    seal = next(iter(rows("SELECT entries, head FROM audit_seal")), None)
    if seal is not None and (seal[0], seal[1]) != (count, head):
        return AuditReport(count, False, None, N_("The log ends before its seal: {missing} entries at the end "
                                                  "are missing."), {"missing": seal[0] - count}, head,
                           anchored=anchored)
    differences = tuple(replay(rows))
    if differences:
        return AuditReport(count, False, None, N_("The records differ from what the log says in {count} places."),
                           {"count": len(differences)}, head, differences, anchored)
    if anchored is False:
        return AuditReport(count, False, None, N_("This file does not extend the log printed as {mark}."),
                           {"mark": against.text() if against else ""}, head, anchored=False)
    return AuditReport(count, True, head=head, anchored=anchored)


def _chain(rows: Rows) -> tuple[AuditReport | None, int, list[str]]:
    prev, hashes = GENESIS, []
    for id_, prev_hash, hash_, *fields in rows(
            "SELECT id, prev_hash, hash, at, actor, coop_id, action, entity, entity_key, before, after "
            "FROM audit_entry ORDER BY id"):
        if prev_hash != prev:
            return AuditReport(len(hashes) + 1, False, id_,
                               N_("An entry before this one was removed or changed.")), 0, []
        if hash_ != entry_hash(prev_hash, *fields):
            return AuditReport(len(hashes) + 1, False, id_,
                               N_("This entry was changed after it was written.")), 0, []
        prev = hash_
        hashes.append(hash_)
    return None, len(hashes), hashes


def current_mark(db: Database) -> AuditMark:
    """The log's state now: what a final paper prints at its foot."""
    from sqlalchemy import func, select

    from coopdesk.store.models import AuditEntry, AuditSeal

    with db.read() as s:
        seal = s.execute(select(AuditSeal.entries, AuditSeal.head)).one_or_none()
        if seal is not None:
            return AuditMark(seal.entries, seal.head)
        count = s.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
        head = s.execute(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).scalar()
        return AuditMark(count, head or GENESIS)


def recent(db: Database, limit: int = 200) -> list[AuditView]:
    from sqlalchemy import select

    from coopdesk.store.models import AuditEntry

    with db.read() as s:
        rows = s.execute(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)).scalars()
        return [
            AuditView(r.id, dt.datetime.fromisoformat(r.at), r.actor, r.action, r.entity,
                      r.entity_key, json.loads(r.before), json.loads(r.after))
            for r in rows
        ]
