"""Verifying the audit log of a large co-op: the chain, the seal and the replay of the log
against the tables (``services.audit.verify``).

Prints, twice, the time of ``verify`` on a demo co-op of N members (default 100,000),
against a baseline measured in the same run: plain ``sqlite3`` reading every entry and
recomputing its SHA-256 — the chain alone, without the replay.

    .venv/bin/python bench/bench_audit_verify.py [--members 100000]
"""

from __future__ import annotations

import argparse
import hashlib
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from coopdesk.services import audit  # noqa: E402
from coopdesk.services.demo import create_demo  # noqa: E402
from coopdesk.services.files import open_database  # noqa: E402


def chain_only(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        count = 0
        for row in conn.execute("SELECT prev_hash, at, actor, coop_id, action, entity, entity_key, before, after "
                                "FROM audit_entry ORDER BY id"):
            hashlib.sha256("".join(str(v) for v in row).encode()).hexdigest()
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    args = parser.parse_args()
    path = Path(tempfile.mkdtemp()) / "bench.coopdesk"
    db = open_database(path)
    start = time.perf_counter()
    create_demo(db, members=args.members)
    print(f"demo co-op of {args.members:,} members made in {time.perf_counter() - start:.1f} s")
    for run in (1, 2):
        start = time.perf_counter()
        report = audit.verify(db)
        ours = time.perf_counter() - start
        start = time.perf_counter()
        chain_only(path)
        base = time.perf_counter() - start
        print(f"run {run}: verify {ours * 1000:8.0f} ms ({report.entries:,} entries, intact {report.intact})   "
              f"baseline (sqlite3 + sha256 of each entry) {base * 1000:6.0f} ms   ratio {ours / base:5.1f}×")
    db.close()


if __name__ == "__main__":
    main()
