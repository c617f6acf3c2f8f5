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
from dataclasses import dataclass, field
from enum import Enum

from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from coopdesk.domain.errors import Refusal
from coopdesk.domain.text import N_
from coopdesk.services.audit_replay import Difference, replay
from coopdesk.store.database import Database
from coopdesk.store.models import AuditEntry, AuditSeal

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
        broken, count, hashes = _chain(s)
        if broken is not None:
            return broken
        head = hashes[-1] if hashes else GENESIS
        anchored = None
        if against is not None:
            anchored = against.entries <= count and hashes[against.entries - 1].startswith(against.head) \
                if against.entries > 0 else against.head == GENESIS[:len(against.head)]
        seal = s.execute(select(AuditSeal.entries, AuditSeal.head)).one_or_none()
        if seal is not None and (seal.entries, seal.head) != (count, head):
            return AuditReport(count, False, None, N_("The log ends before its seal: {missing} entries at the end "
                                                      "are missing."), {"missing": seal.entries - count}, head,
                               anchored=anchored)
        differences = tuple(replay(s))
    if differences:
        return AuditReport(count, False, None, N_("The records differ from what the log says in {count} places."),
                           {"count": len(differences)}, head, differences, anchored)
    if anchored is False:
        return AuditReport(count, False, None, N_("This file does not extend the log printed as {mark}."),
                           {"mark": against.text() if against else ""}, head, anchored=False)
    return AuditReport(count, True, head=head, anchored=anchored)


def _chain(s: Session) -> tuple[AuditReport | None, int, list[str]]:
    prev, hashes = GENESIS, []
    for row in s.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars():
        if row.prev_hash != prev:
            return AuditReport(len(hashes) + 1, False, row.id,
                               N_("An entry before this one was removed or changed.")), 0, []
        expected = entry_hash(row.prev_hash, row.at, row.actor, row.coop_id, row.action,
                              row.entity, row.entity_key, row.before, row.after)
        if row.hash != expected:
            return AuditReport(len(hashes) + 1, False, row.id,
                               N_("This entry was changed after it was written.")), 0, []
        prev = row.hash
        hashes.append(row.hash)
    return None, len(hashes), hashes


def current_mark(db: Database) -> AuditMark:
    """The log's state now: what a final paper prints at its foot."""
    with db.read() as s:
        seal = s.execute(select(AuditSeal.entries, AuditSeal.head)).one_or_none()
        if seal is not None:
            return AuditMark(seal.entries, seal.head)
        count = s.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
        head = s.execute(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).scalar()
        return AuditMark(count, head or GENESIS)


def recent(db: Database, limit: int = 200) -> list[AuditView]:
    with db.read() as s:
        rows = s.execute(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)).scalars()
        return [
            AuditView(r.id, dt.datetime.fromisoformat(r.at), r.actor, r.action, r.entity,
                      r.entity_key, json.loads(r.before), json.loads(r.after))
            for r in rows
        ]
