"""Excel import of members: ``import_members`` against openpyxl's own read-only pass.

The file is a register of demo members written the way Korean Excel users keep one
(dates as date cells, phones as text).  The baseline loads the same file with
``load_workbook(read_only=True, data_only=True)`` and iterates every row
``values_only``: the least any import of this file must do.  The import reads, checks
every row and writes all members into a fresh SQLite co-op file in one transaction.
The target (DESIGN.md §6) is a ratio of at most 1.5.

    .venv/bin/python bench/bench_import.py --rows 100000
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import load_workbook  # noqa: E402

from coopdesk.services import demo, table_write  # noqa: E402
from coopdesk.services.coops import create_coop  # noqa: E402
from coopdesk.services.files import open_database  # noqa: E402
from coopdesk.services.members.importing import guess_mapping, import_members, read_headers  # noqa: E402

HEADERS = ("이름", "조합원 유형", "생년월일", "휴대폰", "이메일", "주소", "가입일", "비고")
TODAY = dt.date(2026, 11, 21)


def make_file(path: Path, rows: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    founded = demo.founding_day(TODAY)
    people = demo.demo_people(rnd, rows, founded, TODAY)
    table_write.write_table(path, HEADERS, (
        (p.details.name, p.details.member_type, p.details.birth_date, p.details.phone, p.details.email,
         p.details.address, p.joined_on or p.applied_on, p.details.notes) for p in people
    ), total=rows)


def openpyxl_pass(path: Path) -> int:
    workbook = load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for _ in workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    return count


def fresh_coop(folder: Path):  # type: ignore[no-untyped-def]
    """A new co-op file with the demo co-op's profile and no members: not timed."""
    db = open_database(Path(tempfile.mkdtemp(dir=folder)) / "bench.coopdesk")
    return db, create_coop(db, demo.demo_profile(), adopted_on=dt.date(2020, 1, 1))


def coopdesk_import(db, coop, path: Path, mapping: dict[str, int | None]) -> int:  # type: ignore[no-untyped-def]
    """What the import does after the user has seen the preview and chosen the columns."""
    return import_members(db, coop.id, path, mapping, today=TODAY).count


def timed(work, *args) -> tuple[float, float, object]:  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), time.process_time()
    result = work(*args)
    return time.perf_counter() - wall, time.process_time() - cpu, result


def compare(repeat: int, path: Path, folder: Path) -> None:
    """Both, in turns, so that a busy moment of the machine does not favour one.

    The best of the runs counts.  CPU time is printed too: on a busy machine it varies
    far less than wall time, and the import waits for the disk only at its one commit.
    """
    mapping = guess_mapping(read_headers(path))
    base: list[tuple[float, float]] = []
    ours: list[tuple[float, float]] = []
    for _ in range(repeat):
        wall, cpu, lines = timed(openpyxl_pass, path)
        base.append((wall, cpu))
        db, coop = fresh_coop(folder)
        try:
            wall, cpu, count = timed(coopdesk_import, db, coop, path, mapping)
        finally:
            db.close()
        ours.append((wall, cpu))
    bw, bc = (min(times) for times in zip(*base))
    ow, oc = (min(times) for times in zip(*ours))
    print(f"openpyxl read-only pass:  {bw:7.2f} s  (CPU {bc:.2f} s; {lines:,} rows with the header)")
    print(f"import_members (SQLite):  {ow:7.2f} s  (CPU {oc:.2f} s; {count:,} members)")
    print(f"ratio: {ow / bw:.2f} wall, {oc / bc:.2f} CPU  (target <= 1.5)")


def peak_rss_mb() -> float:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    return kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each, in turns; the best counts")
    parser.add_argument("--file", type=Path, help="use this .xlsx instead of making one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["COOPDESK_HOME"] = str(folder / "home")
        path = args.file or folder / "members.xlsx"
        if args.file is None:
            start = time.perf_counter()
            make_file(path, args.rows)
            print(f"made {path.name}: {args.rows:,} rows, {path.stat().st_size / 1e6:.1f} MB "
                  f"in {time.perf_counter() - start:.1f} s")
        compare(args.repeat, path, folder)
        print(f"peak RSS: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
