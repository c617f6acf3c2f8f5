"""Killing a real `coopdesk` process (SIGKILL: no clean-up of any kind) while it writes.

A command runs once to its end on a copy of the co-op file, while this process watches the
file's write lock (``BEGIN IMMEDIATE`` with no wait, undone at once): that measures how long
the command's transaction holds the lock.  The same command then runs on fresh copies and is
killed at moments spread over that time, counted from when it takes the lock.  Just before
each kill the lock is looked at again, so each kill is known to have come while the lock was
held (in the middle of the transaction, or of the checkpoint after it that takes the lock
too) or not; the tests assert the outcome either way and print how often each happened.

What the killed command left is read afterwards by this process (never the one killed):
``PRAGMA integrity_check`` and the foreign keys, the audit chain (``audit.verify_file``: the
chain, the seal and the tables replayed against the log) and the action itself, wholly there
or wholly absent.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from coopdesk.services import audit

REPO = Path(__file__).resolve().parents[2]
ACTOR = [sys.executable, "-m", "tests.scenarios.actor"]


@dataclass(frozen=True)
class Window:
    """Seconds after the command started: the write lock first and last seen held, and the exit."""

    first: float
    last: float
    exited: float


@dataclass
class Tally:
    """How the kills of one test came out: (held the lock when killed, outcome) → how many."""

    name: str
    seen: Counter = field(default_factory=Counter)

    def add(self, mid: bool, outcome: str) -> None:
        self.seen[("mid-transaction" if mid else "outside", outcome)] += 1

    def line(self) -> str:
        parts = ", ".join(f"{where} → {outcome}: {n}" for (where, outcome), n in sorted(self.seen.items()))
        return f"[kills] {self.name}: {parts}"

    @property
    def mid(self) -> int:
        return sum(n for (where, _), n in self.seen.items() if where == "mid-transaction")


def copy_file(template: Path, target: Path) -> Path:
    """A co-op file as the program leaves it closed: the file alone (no -wal beside it)."""
    shutil.copyfile(template, target)
    return target


def start(path: Path, args: Sequence[str]) -> subprocess.Popen:
    """``coopdesk --db PATH ARGS`` in its own process, returned once it is about to start."""
    env = {**os.environ, "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        env.pop(var, None)
    proc = subprocess.Popen([*ACTOR, "--db", str(path), *args], cwd=REPO, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8")
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.strip() == "ready", (line, proc.stderr.read() if proc.stderr else "")
    return proc


def lock_held(path: Path) -> bool:
    """Does another connection hold the file's write lock (a write transaction under way)?"""
    conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            return True
        raise
    finally:
        conn.close()


def measure(path: Path, args: Sequence[str]) -> Window:
    """Run the command to its end, watching the write lock; the window it held it in."""
    proc = start(path, args)
    began = time.monotonic()
    held: list[float] = []
    while proc.poll() is None:
        if lock_held(path):
            held.append(time.monotonic() - began)
        time.sleep(0.001)
    exited = time.monotonic() - began
    out, err = proc.communicate()
    assert proc.returncode == 0, (out, err)
    assert held, "the command never held the write lock while watched"
    return Window(held[0], held[-1], exited)


def kill_at(path: Path, args: Sequence[str], delay: float) -> bool:
    """Start the command, kill it ``delay`` seconds after it first holds the write lock (timed
    from there, not from its start: the machine's load stretches the moments before the
    transaction far more than the transaction itself); whether it still held the lock then."""
    proc = start(path, args)
    while proc.poll() is None and not lock_held(path):
        time.sleep(0.0005)
    time.sleep(delay)
    mid = proc.poll() is None and lock_held(path)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.communicate()
    return mid


def sound(path: Path) -> None:
    """The file is whole and its audit log verifies against its tables, read by this process."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()
    report = audit.verify_file(str(path))
    assert report is not None and report.intact, report


def rows(path: Path, sql: str, *params: object) -> list[tuple]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def one(path: Path, sql: str, *params: object) -> object:
    return rows(path, sql, *params)[0][0]


def kill_many(template: Path, folder: Path, args: Sequence[str], outcome: Callable[[Path], str], *,
              name: str, kills: int = 5, seed: int | None = None,
              as_left: Callable[[Path], None] | None = None) -> Tally:
    """Run ``args`` once to its end (its outcome must be "all"), then kill it ``kills`` times on
    fresh copies of ``template``; after each, the file is sound and ``outcome`` (which asserts
    that the action is wholly there or wholly absent) says which; ``as_left`` sees each file
    first, as the kill left it, before anything opens it.  Returns how the kills came out."""
    seed = random.randrange(1 << 30) if seed is None else seed
    reference = copy_file(template, folder / "reference.coopdesk")
    window = measure(reference, args)
    sound(reference)
    assert outcome(reference) == "all"
    tally = Tally(f"{name} (seed {seed}, lock held {window.first:.2f}–{window.last:.2f} s of {window.exited:.2f})")
    rng = random.Random(seed)
    span = max(window.last - window.first, 0.001)
    for n in range(kills):
        # spread over the time the lock was held, the last one after it; a kill that finds the
        # action done shows the transaction shorter than that (the machine is shared): the next
        # ones are spread over the shorter time
        last = n == kills - 1
        delay = span * (1 + rng.random()) if last else span * (n + rng.random()) / (kills - 1)
        target = copy_file(template, folder / f"killed-{n}.coopdesk")
        mid = kill_at(target, args, delay)
        if as_left is not None:
            as_left(target)
        sound(target)
        found = outcome(target)
        assert found in ("none", "all"), (found, delay)
        tally.add(mid, found)
        if found == "all" and not last:
            span = min(span, delay)
    print(tally.line())
    return tally
