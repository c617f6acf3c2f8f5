"""After a vote is counted the co-op file keeps no older copy of any row.

``secure_delete`` zeroes deleted rows and freed pages, but the unused space inside a page that
SQLite rebalances can keep the bytes of a row that moved: rewriting ballots in key order left an
older copy of a ballot in about one file in fifteen.  ``Database.rewrite_file`` writes the file
anew.  The rows below are built the way ballots are (random keys, a WITHOUT ROWID table keyed by
contest, two contests deleted and written again in key order in one transaction), from seeds
that leave such a copy behind on this SQLite: the test first shows the copy, then its removal.
"""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path

from coopdesk.services.files import open_database

SEEDS = (24, 28, 30)  # each leaves one older copy of a row behind without the rewrite


def _keys_rewritten(path: Path, seed: int) -> list[str]:
    """Ballot-like rows cast one by one, then rewritten in key order in one transaction."""
    rnd = random.Random(seed)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA secure_delete=ON")
        conn.execute("CREATE TABLE scratch_ballot (contest INTEGER, id TEXT, marks TEXT, PRIMARY KEY (contest, id))"
                     " WITHOUT ROWID")
        keys = []
        for _ in range(300):
            for contest in (1, 2):
                key = "%032x" % rnd.getrandbits(128)
                keys.append(key)
                marks = {"y": [rnd.randint(1, 9)]} if contest == 2 else {"n": [1, 2, 3][:rnd.randint(1, 3)]}
                conn.execute("INSERT INTO scratch_ballot VALUES (?, ?, ?)", (contest, key, json.dumps(marks)))
        conn.execute("BEGIN")
        for contest in (1, 2):
            rows = conn.execute("SELECT id, marks FROM scratch_ballot WHERE contest = ?", (contest,)).fetchall()
            conn.execute("DELETE FROM scratch_ballot WHERE contest = ?", (contest,))
            conn.executemany("INSERT INTO scratch_ballot VALUES (?, ?, ?)", [(contest, k, m) for k, m in sorted(rows)])
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return keys


def _copies_left(path: Path, keys: list[str]) -> int:
    data = path.read_bytes()
    return sum(1 for key in keys if data.find(key.encode(), data.find(key.encode()) + 1) >= 0)


def test_a_rewritten_file_keeps_no_older_copy_of_a_row(tmp_path):
    left_before = left_after = 0
    for seed in SEEDS:
        plain, rewritten = tmp_path / f"plain-{seed}.coopdesk", tmp_path / f"rewritten-{seed}.coopdesk"
        for path in (plain, rewritten):
            open_database(path).close()  # a real co-op file, at the current schema
        left_before += _copies_left(plain, _keys_rewritten(plain, seed))
        keys = _keys_rewritten(rewritten, seed)
        db = open_database(rewritten)
        try:
            db.rewrite_file()
            with db.engine.connect() as conn:
                assert conn.exec_driver_sql("SELECT count(*) FROM scratch_ballot").scalar() == 600
        finally:
            db.close()
        left_after += _copies_left(rewritten, keys)
        assert not rewritten.with_name(rewritten.name + "-wal").exists() or \
            rewritten.with_name(rewritten.name + "-wal").stat().st_size == 0
    assert left_before > 0, "this SQLite left no older copy behind: choose other SEEDS"
    assert left_after == 0
