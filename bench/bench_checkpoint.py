"""What a complete co-op file costs: a member add with and without the checkpoint.

``Database.write()`` copies the ``-wal`` into the co-op file after each committed action
(``PRAGMA wal_checkpoint(PASSIVE)``), so that a plain copy of the ``.coopdesk`` file is
complete.  This times one member add (``services.members.member.add_member``, one
transaction with its audit entry) in a co-op file of ``--members`` members:

- WAL, no checkpoint: the baseline, what the program did before;
- WAL + PASSIVE checkpoint after each action: what it does now;
- rollback journal (``journal_mode=DELETE``), no checkpoint: the other way to keep the
  file complete, measured for comparison.

Prints the median per action and the ratio against the baseline, twice (two passes,
the modes in turn), since a disk's fsync times wander.  Run it on the disk co-op files
live on (the default is a temporary folder there: ``--dir``).

    .venv/bin/python bench/bench_checkpoint.py [--actions 200] [--members 1000] [--dir PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from coopdesk.store import engine as engine_module  # noqa: E402

MODES = ("wal", "wal+checkpoint", "rollback journal")


def make_file(path: Path, members: int) -> None:
    from coopdesk.services.demo import create_demo
    from coopdesk.services.files import open_database

    db = open_database(path)
    create_demo(db, members=members, today=dt.date(2026, 11, 21))
    db.close()


def time_adds(path: Path, mode: str, actions: int) -> list[float]:
    from coopdesk.domain.members.details import MemberDetails
    from coopdesk.services.coops import default_coop
    from coopdesk.services.members.member import add_member
    from coopdesk.store.database import Database

    pragmas = engine_module.SQLITE_PRAGMAS
    if mode == "rollback journal":
        engine_module.SQLITE_PRAGMAS = tuple(p.replace("journal_mode=WAL", "journal_mode=DELETE") for p in pragmas)
    db = Database(f"sqlite:///{path}")
    db.checkpoint_after_write = mode == "wal+checkpoint"
    try:
        coop = default_coop(db)
        times = []
        for i in range(actions):
            start = time.perf_counter()
            add_member(db, coop.id, MemberDetails(f"벤치{i}", "소비자", phone="010-1234-5678"),
                       joined_on=dt.date(2026, 1, 2))
            times.append(time.perf_counter() - start)
        return times
    finally:
        db.close()
        engine_module.SQLITE_PRAGMAS = pragmas


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=200)
    parser.add_argument("--members", type=int, default=1000)
    parser.add_argument("--dir", type=Path, default=None, help="a folder on the disk to measure")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-checkpoint-", dir=args.dir))
    template = folder / "template.coopdesk"
    make_file(template, args.members)
    print(f"member add in a co-op of {args.members} members, {args.actions} actions per mode, in {folder}")
    for run in (1, 2):
        medians = {}
        for mode in MODES:
            path = folder / f"run{run}-{mode.replace(' ', '_')}.coopdesk"
            path.write_bytes(template.read_bytes())
            medians[mode] = statistics.median(time_adds(path, mode, args.actions))
        base = medians["wal"]
        print(f"pass {run}:")
        for mode in MODES:
            print(f"  {mode:<18} {medians[mode] * 1000:7.2f} ms per action   {medians[mode] / base:5.2f}x wal")
    for p in folder.iterdir():
        os.remove(p)
    folder.rmdir()


if __name__ == "__main__":
    main()
