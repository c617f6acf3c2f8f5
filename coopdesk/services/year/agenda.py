"""The co-op's year as a list of tasks (오늘 할 일): what the law expects next, and what was done.

``year_agenda`` is the deadline rules over ``read_facts``, with each task's "done" record: the
open tasks first by due date, then the done ones (the latest done first).  A task marked done
stays on the record even when its rule no longer produces it (a past year's assembly, a member
who has since left): the row keeps the task as it read when it was marked.

``mark_done`` and ``unmark_done`` are one transaction each, audited like every other change.
"""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType
from typing import Any

from sqlalchemy import select

from coopdesk.domain.errors import Refusal
from coopdesk.domain.fields import NOTE_LENGTH, check_date, check_text
from coopdesk.domain.law_ref import LawRef, Source
from coopdesk.domain.text import N_
from coopdesk.domain.year.deadlines import Deadline, DeadlineKind, deadlines, natural_key
from coopdesk.domain.year.facts import YearFacts
from coopdesk.services import audit
from coopdesk.services.year.facts import read_facts
from coopdesk.services.year.views import TaskView, YearAgenda, deadline_text  # noqa: F401 (where they were)
from coopdesk.store.database import Database
from coopdesk.store.models.year import YearTaskRow


def next_deadline(facts: YearFacts, today: dt.date) -> Deadline | None:
    """The first open deadline (overdue ones and warnings included), for the co-ops overview; a
    deadline on hold (a withheld refund) waits on someone else and is never the next one."""
    for deadline in deadlines(facts, today):
        if deadline.key not in facts.done_keys and not deadline.on_hold:
            return deadline
    return None


def year_agenda(db: Database, coop_id: int, today: dt.date) -> YearAgenda:
    with db.read() as s:
        conn = s.connection()
        facts = read_facts(conn, coop_id, today)
        rows = s.execute(select(YearTaskRow).where(YearTaskRow.coop_id == coop_id)).scalars().all()
        done = {row.key: row for row in rows}
        found = deadlines(facts, today)
        tasks = [_view(d, done.get(d.key)) for d in found]
        current = {d.key for d in found}
        tasks += [_view(_from_snapshot(row.key, row.deadline), row) for row in rows if row.key not in current]
    open_tasks = sorted((t for t in tasks if not t.done), key=lambda t: (t.deadline.due_on, natural_key(t.key)))
    done_tasks = sorted((t for t in tasks if t.done), key=lambda t: (t.done_on, natural_key(t.key)), reverse=True)
    return YearAgenda(coop_id, today, tuple(open_tasks + done_tasks))


def _view(deadline: Deadline, row: YearTaskRow | None) -> TaskView:
    if row is None:
        return TaskView(deadline)
    return TaskView(deadline, row.done_on, row.note, row.done_by)


def mark_done(db: Database, coop_id: int, key: str, *, on: dt.date, note: str = "",
              today: dt.date) -> TaskView:
    """Record that the task ``key`` was done on ``on``; marking it again changes the day and note."""
    note = note.strip()
    check_text(note, "note", NOTE_LENGTH, multiline=True)
    check_date(on, "on")
    if on > today:
        raise Refusal(N_("A task cannot be marked done on a day after today ({today})."), field="on", today=today)
    with db.write() as s:
        facts = read_facts(s.connection(), coop_id, today)
        deadline = next((d for d in deadlines(facts, today) if d.key == key), None)
        row = s.execute(select(YearTaskRow).where(YearTaskRow.coop_id == coop_id, YearTaskRow.key == key)
                        ).scalar_one_or_none()
        if deadline is None and row is None:
            raise Refusal(N_("There is no task \"{key}\" in the co-op's year today."), field="key", key=key)
        before = _row_dict(row) if row is not None else None
        if row is None:
            assert deadline is not None
            row = YearTaskRow(coop_id=coop_id, key=key, deadline=snapshot(deadline))
            s.add(row)
        row.done_on, row.note = on, note
        row.done_by, row.recorded_at = audit.current_actor(), dt.datetime.now()
        s.flush()
        audit.record(s, coop_id=coop_id, action="year.task.done", entity="year_task", key=key,
                     before=before, after=_row_dict(row))
        return _view(deadline or _from_snapshot(key, row.deadline), row)


def unmark_done(db: Database, coop_id: int, key: str, *, today: dt.date) -> TaskView | None:
    """Take the "done" mark off a task; the audit log keeps that it was once marked.  Returns the task
    as it now stands, or None when its rule no longer produces it."""
    with db.write() as s:
        row = s.execute(select(YearTaskRow).where(YearTaskRow.coop_id == coop_id, YearTaskRow.key == key)
                        ).scalar_one_or_none()
        if row is None:
            raise Refusal(N_("The task \"{key}\" is not marked done."), field="key", key=key)
        before = _row_dict(row)
        s.delete(row)
        s.flush()
        audit.record(s, coop_id=coop_id, action="year.task.undone", entity="year_task", key=key, before=before)
        facts = read_facts(s.connection(), coop_id, today)
        deadline = next((d for d in deadlines(facts, today) if d.key == key), None)
    return TaskView(deadline) if deadline is not None else None


def _row_dict(row: YearTaskRow) -> dict[str, object]:
    return {"key": row.key, "done_on": row.done_on, "note": row.note}


# -- a task as it read when it was marked done ------------------------------------------------------


def snapshot(d: Deadline) -> dict[str, Any]:
    return {"kind": d.kind.value, "due_on": d.due_on.isoformat(), "message": d.message,
            "params": {k: _param(v) for k, v in d.params.items()},
            "ref": {"source": d.ref.source.value, "article": d.ref.article, "branch": d.ref.branch,
                    "paragraph": d.ref.paragraph},
            "area": d.area, "target_id": d.target_id, "warning": d.warning, "on_hold": d.on_hold}


def _param(value: object) -> object:
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, tuple) and all(isinstance(part, str) for part in value):
        return {"parts": list(value)}  # msgids said one after another (what a founding check still lacks)
    return value if isinstance(value, (int, str, bool)) or value is None else str(value)


def _unparam(value: object) -> object:
    if isinstance(value, dict) and set(value) == {"date"}:
        return dt.date.fromisoformat(str(value["date"]))
    if isinstance(value, dict) and set(value) == {"parts"}:
        return tuple(value["parts"])
    return value


def _from_snapshot(key: str, data: dict[str, Any]) -> Deadline:
    ref = data["ref"]
    return Deadline(key, DeadlineKind(data["kind"]), dt.date.fromisoformat(data["due_on"]), data["message"],
                    MappingProxyType({k: _unparam(v) for k, v in data["params"].items()}),
                    LawRef(Source(ref["source"]), ref["article"], ref.get("branch"), ref.get("paragraph")),
                    data["area"], data.get("target_id"), bool(data.get("warning", False)),
                    bool(data.get("on_hold", False)))
