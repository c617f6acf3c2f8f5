"""An advisor's overview of 200 co-op files vs opening each with sqlite3 and counting its members.

The files are copies of a few small co-ops made through the services (the demo co-op
with 8 to 40 members, different seeds and days: a past assembly, officers, capital,
education), so each file is a real one, with its own deadlines.  The overview
(``services.overview.overview``) reads each file read-only, its co-ops, member counts,
the year's facts, deadlines and warnings.  The baseline, measured in the same run, opens
each file with Python's ``sqlite3`` and counts its members: the least any overview must
do.  The target (issue 11) is 200 files in under 3 s.

The overview is timed twice per pass: the first call of the process (the engine made,
its statements compiled) and a second (what a Refresh costs).  Two passes, each with its
own baseline.  Wall time and the process's CPU time are both printed: on a machine busy
with other work the CPU time says more.  ``--cli`` also times ``coopdesk overview DIR
--json`` as a fresh process.

    .venv/bin/python bench/bench_overview.py [--files 200] [--dir PATH] [--cli]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TODAY = dt.date(2026, 11, 21)
KINDS = ((8, 1, TODAY), (15, 2, TODAY - dt.timedelta(days=200)), (25, 3, TODAY - dt.timedelta(days=400)),
         (40, 4, TODAY - dt.timedelta(days=90)), (12, 5, TODAY - dt.timedelta(days=700)))


def make_templates(folder: Path) -> list[Path]:
    from coopdesk.services.demo import create_demo
    from coopdesk.services.files import create_in

    made = []
    for members, seed, day in KINDS:
        path = folder / f"template-{seed}.coopdesk"
        create_in(path, lambda db, m=members, s=seed, d=day: create_demo(db, members=m, today=d, seed=s))
        made.append(path)
    return made


def make_folder(folder: Path, templates: list[Path], count: int) -> None:
    folder.mkdir()
    for i in range(count):
        shutil.copyfile(templates[i % len(templates)], folder / f"조합-{i:03d}.coopdesk")


def baseline(folder: Path) -> tuple[float, float]:
    """Wall and CPU seconds to open every file with sqlite3 and count its members."""
    start, cpu = time.perf_counter(), time.process_time()
    total = 0
    for path in sorted(folder.glob("*.coopdesk")):
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        total += conn.execute("SELECT count(*) FROM member").fetchone()[0]
        conn.close()
    assert total > 0
    return time.perf_counter() - start, time.process_time() - cpu


def timed_overview(folder: Path) -> tuple[float, float, int]:
    """Wall and CPU seconds of the overview, and its rows."""
    from coopdesk.services.overview import overview

    start, cpu = time.perf_counter(), time.process_time()
    found = overview(folder, TODAY)
    elapsed, used = time.perf_counter() - start, time.process_time() - cpu
    assert not found.problems, found.problems[:1]
    return elapsed, used, len(found.rows)


def timed_cli(folder: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "coopdesk", "overview", str(folder), "--json",
                    "--today", TODAY.isoformat()], check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--dir", type=Path, default=None, help="a folder on the disk to measure")
    parser.add_argument("--cli", action="store_true", help="also time the command as a fresh process")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-overview-", dir=args.dir))
    try:
        templates = make_templates(work)
        import coopdesk.services.overview  # noqa: F401 - loading the program is not the overview's cost
        import coopdesk.store.models  # noqa: F401
        print(f"{args.files} co-op files (copies of {len(templates)} demo co-ops), in {work}")
        for run in (1, 2):
            folder = work / f"pass{run}"
            make_folder(folder, templates, args.files)
            base, base_cpu = baseline(folder)
            first, first_cpu, rows = timed_overview(folder)
            again, again_cpu, _rows = timed_overview(folder)
            print(f"pass {run}: baseline (sqlite3: open, count members) {base * 1000:7.1f} ms "
                  f"(CPU {base_cpu * 1000:6.1f} ms)")
            print(f"  overview, first call   {first * 1000:7.1f} ms   {first / base:5.1f}x baseline   "
                  f"(CPU {first_cpu * 1000:6.1f} ms, {first_cpu / base_cpu:5.1f}x)   {rows} rows")
            print(f"  overview, refresh      {again * 1000:7.1f} ms   {again / base:5.1f}x baseline   "
                  f"(CPU {again_cpu * 1000:6.1f} ms, {again_cpu / base_cpu:5.1f}x)")
            if args.cli:
                print(f"  coopdesk overview --json (fresh process) {timed_cli(folder) * 1000:7.1f} ms")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
