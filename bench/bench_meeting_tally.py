"""Tally of a 10,000-member general assembly with 20 items (DESIGN.md §6: ≤ 100 ms).

A demo co-op of N members (``services.demo.create_demo``: some applicants, some
withdrawing, some gone) holds an ordinary assembly with 20 items, ordinary and special.
The setup checks P members in and records a few hundred proxies in bulk; everything
timed goes through the services, one transaction per action, as the meeting screen
and the ``coopdesk`` command call them.  Prints, in milliseconds:
- the live attendance read, one check-in, check-out, proxy, exclusion (each the median
  of several, with the slowest);
- one show of hands (``record_counts``) and one live result (``item_result``);
- a roll call of B ballots on one item, per ballot;
- the tally: the 20 results while the items are open (one ``item_result`` per item, and
  ``meeting_results`` once), closing all 20 items, and the 20 frozen results read back.
Wall time and CPU time are both printed: on a shared machine CPU time is the steadier.

    .venv/bin/python bench/bench_meeting_tally.py [--members 10000] [--present 6000] [--ballots 200]
                                            [--db PATH|URL]

With ``--db`` the co-op is made once and reused: each run holds a new meeting in it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select  # noqa: E402

from coopdesk.domain.meetings.attendance import Choice  # noqa: E402
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind, Subject  # noqa: E402
from coopdesk.services import coops  # noqa: E402
from coopdesk.services.demo import create_demo  # noqa: E402
from coopdesk.services.files import open_database  # noqa: E402
from coopdesk.services.meetings.agenda import ItemInput, add_item, list_items  # noqa: E402
from coopdesk.services.meetings.attendance import add_proxy, attendance_of, check_in, check_out  # noqa: E402
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting  # noqa: E402
from coopdesk.services.meetings.readings import closed_results, item_result, meeting_results  # noqa: E402
from coopdesk.services.meetings.register import register_of_day  # noqa: E402
from coopdesk.services.meetings.votes import cast_ballot, close_item, exclude, record_counts  # noqa: E402
from coopdesk.store.bulk import insert_many  # noqa: E402
from coopdesk.store.database import Database  # noqa: E402
from coopdesk.store.models import CheckInRow, Member, ProxyRow  # noqa: E402

HELD = dt.date(2026, 3, 28)
ITEMS = 20
PROXIES = 300
SAMPLES = 15


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f}"


class Times(list[tuple[float, float]]):
    """(wall, cpu) seconds of each run.  CPU time is printed besides wall time: on a shared
    machine it is the steadier figure (SQLite works in this process, so it is counted)."""

    @property
    def wall(self) -> list[float]:
        return [w for w, _ in self]

    @property
    def cpu(self) -> list[float]:
        return [c for _, c in self]


def each(fn: Callable[[Any], Any], args: Iterable[Any]) -> Times:
    """The time of ``fn(arg)`` for each arg."""
    times = Times()
    for arg in args:
        wall, cpu = time.perf_counter(), time.process_time()
        fn(arg)
        times.append((time.perf_counter() - wall, time.process_time() - cpu))
    return times


def show(label: str, times: Times, note: str = "") -> None:
    print(f"{label:<36}{ms(statistics.median(times.wall))} {ms(max(times.wall))} "
          f"{ms(statistics.median(times.cpu))}   {len(times):>4}{note}")


def total(label: str, times: Times) -> None:
    print(f"{label:<36}{ms(sum(times.wall))} {'':>8} {ms(sum(times.cpu))}")


def make_coop(db: Database, count: int) -> int:
    existing = coops.list_coops(db)
    if existing:
        return existing[0].id
    start = time.perf_counter()
    coop_id = create_demo(db, members=count, today=HELD).id
    print(f"co-op of {count:,} members made in {time.perf_counter() - start:.1f} s")
    return coop_id


def make_meeting(db: Database, coop_id: int) -> tuple[int, list[int]]:
    """An ordinary assembly: the standard agenda, then ordinary and special items to 20."""
    meeting = create_meeting(db, coop_id, MeetingInput(MeetingKind.ORDINARY_ASSEMBLY, "2026년 정기총회", HELD,
                                                       dt.time(14, 0), "마포구 주민센터 강당", "이사장"),
                             with_standard_agenda=True)
    items = [i.id for i in list_items(db, coop_id, meeting.id)]
    for n in range(len(items) + 1, ITEMS + 1):
        kind = ResolutionKind.SPECIAL if n % 3 == 0 else ResolutionKind.ORDINARY
        items.append(add_item(db, coop_id, meeting.id, ItemInput(Subject.OTHER, f"제{n}호 안건", kind)).id)
    return meeting.id, items


def seat(db: Database, coop_id: int, meeting_id: int, present: int) -> list[int]:
    """Check ``present`` members in and record proxies, in bulk; the numbers still outside."""
    register = sorted(register_of_day(db, coop_id, meeting_id).names)
    here, principals = register[:present], register[present:present + PROXIES]
    at = dt.datetime.combine(HELD, dt.time(13, 30))
    with db.write() as s:
        ids = dict(s.execute(select(Member.number, Member.id).where(Member.coop_id == coop_id)).all())
        conn = s.connection()
        insert_many(conn, CheckInRow.__table__, ("meeting_id", "member_id", "in_at"),
                    [(meeting_id, ids[n], at) for n in here])
        insert_many(conn, ProxyRow.__table__,
                    ("meeting_id", "principal_id", "holder_member_id", "family_name", "lives_with_principal",
                     "written_proof", "note", "created_at"),
                    [(meeting_id, ids[p], ids[h], "", False, True, "위임장", at)
                     for p, h in zip(principals, here)])
    return register[present + PROXIES:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--present", type=int, default=6_000)
    parser.add_argument("--ballots", type=int, default=200)
    parser.add_argument("--db", help="reuse (or create) this co-op file or PostgreSQL URL")
    parser.add_argument("--sizes", help="instead: one check-in, proxy and show of hands at each of these "
                                        "register sizes (e.g. 1000,10000,100000), 55%% present, twice")
    args = parser.parse_args()
    if args.sizes:
        by_size([int(n) for n in args.sizes.split(",")])
        return
    target = args.db or str(Path(tempfile.mkdtemp()) / "bench.coopdesk")
    db = open_database(target)
    coop_id = make_coop(db, args.members)
    meeting_id, items = make_meeting(db, coop_id)
    outside = seat(db, coop_id, meeting_id, args.present)
    view = attendance_of(db, coop_id, meeting_id)
    print(f"register {view.members:,}   in person {len(view.in_person):,}   by proxy {view.by_proxy:,}"
          f"   items {len(items)}   ({db.engine.dialect.name})")
    print()

    print(f"{'':<36}{'median':>8} {'max':>8} {'cpu':>8}   runs   (ms; cpu: median CPU time)")
    show("attendance (live quorum)", each(lambda _: attendance_of(db, coop_id, meeting_id), range(SAMPLES)))
    arrivals, outside = outside[:SAMPLES], outside[SAMPLES:]
    show("check-in", each(lambda n: check_in(db, coop_id, meeting_id, n), arrivals))
    show("check-out", each(lambda n: check_out(db, coop_id, meeting_id, n), arrivals[:5]))
    holders = arrivals[5:10]
    principals, outside = outside[:5], outside[5:]
    show("proxy", each(lambda p: add_proxy(db, coop_id, meeting_id, p[0], holder=p[1], written_proof=True),
                       zip(principals, holders)))
    show("exclusion", each(lambda n: exclude(db, coop_id, items[0], n, "이해관계"), arrivals[5:10]))

    roll_call, counted = items[-1], items[:-1]
    present = view.present
    votes = [(n, (Choice.YES, Choice.YES, Choice.NO, Choice.ABSTAIN)[i % 4])
             for i, n in enumerate(sorted(view.in_person)[:args.ballots])]
    show("record_counts (show of hands)",
         each(lambda i: record_counts(db, coop_id, i, present * 3 // 4, present // 5, 0), counted))
    show("item_result (open item, live)", each(lambda _: item_result(db, coop_id, counted[0]), range(SAMPLES)))
    ballots = each(lambda v: cast_ballot(db, coop_id, roll_call, v[0], v[1]), votes)
    show("roll call, per ballot", ballots, f"   ({sum(ballots.wall):.1f} s in all)")
    print()

    print(f"the tally of {len(items)} items (target ≤ 100 ms):")
    total("  item_result × 20, open (sum)", each(lambda i: item_result(db, coop_id, i), items))
    show("  meeting_results, open", each(lambda _: meeting_results(db, coop_id, meeting_id), range(5)))
    closing = each(lambda i: close_item(db, coop_id, i), items)
    total("  close_item × 20 (sum)", closing)
    total("  item_result × 20, closed (sum)", each(lambda i: item_result(db, coop_id, i), items))
    show("  meeting_results, closed", each(lambda _: meeting_results(db, coop_id, meeting_id), range(5)))
    show("close_item, per item", closing)
    print()
    closed_figure(db, target if args.db is None or not args.db.startswith("postgresql") else None, coop_id,
                  meeting_id)
    db.close()


def by_size(sizes: list[int]) -> None:
    """Issue 9: an action in the room costs the same whatever the size of the register.  Each size
    gets its own co-op file with 55% of the register present (a quorate assembly) and 300 proxies.
    Each figure is compared with two baselines from the same run: the same action at the smallest
    size, and plain ``sqlite3`` inserting one check-in row and committing (the least a check-in
    must write) in the same file."""
    folder = Path(tempfile.mkdtemp())
    rooms = []
    for size in sizes:
        target = str(folder / f"{size}.coopdesk")
        db = open_database(target)
        coop_id = make_coop(db, size)
        meeting_id, items = make_meeting(db, coop_id)
        outside = seat(db, coop_id, meeting_id, size * 55 // 100)
        check_in(db, coop_id, meeting_id, outside.pop())  # the register's size is counted once, and kept
        rooms.append((size, target, db, coop_id, meeting_id, items, outside))
    for run in (1, 2):
        print(f"run {run}: median of {SAMPLES} (ms); ratio to the smallest register, and to a raw sqlite3 insert")
        first: dict[str, float] = {}
        for size, target, db, coop_id, meeting_id, items, outside in rooms:
            arrivals = [outside.pop() for _ in range(SAMPLES)]
            pairs = [(outside.pop(), a) for a in arrivals[:5]]
            figures = {
                "check-in": each(lambda n: check_in(db, coop_id, meeting_id, n), arrivals),
                "proxy": each(lambda p: add_proxy(db, coop_id, meeting_id, p[0], holder=p[1], written_proof=True),
                              pairs),
                "show of hands": each(lambda _: record_counts(db, coop_id, items[-run], 10, 5, 0), range(5)),
            }
            raw = statistics.median(_raw_insert(target, meeting_id, SAMPLES))
            for name, times in figures.items():
                median = statistics.median(times.wall)
                first.setdefault(name, median)
                print(f"  {size:>7,} members  {name:<14}{ms(median)}   ×{median / first[name]:5.2f} of the smallest"
                      f"   ×{median / raw:6.1f} of a raw insert ({raw * 1000:.1f} ms)")
    for *_, db, _c, _m, _i, _o in rooms:
        db.close()


def _raw_insert(path: str, meeting_id: int, runs: int) -> list[float]:
    """sqlite3 writing one check-in row and committing, as a check-in must at the least."""
    import sqlite3

    times = []
    with sqlite3.connect(path, isolation_level=None) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        member = conn.execute("SELECT max(id) FROM member").fetchone()[0]
        for _ in range(runs):
            start = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO meeting_check_in (meeting_id, member_id, in_at, out_at) "
                         "VALUES (?, ?, '2026-03-28 14:00:00', '2026-03-28 14:00:00')", (meeting_id, member))
            conn.execute("COMMIT")
            times.append(time.perf_counter() - start)
    return times


def closed_figure(db: Database, path: str | None, coop_id: int, meeting_id: int) -> None:
    """The 20 closed results read back (the figure of DESIGN.md §6), against a baseline made in
    the same run: plain sqlite3 reading the same rows' result column and parsing its JSON."""
    print("closed results read back (target ≤ 100 ms), twice, each against its baseline:")
    for run in (1, 2):
        ours = each(lambda _: closed_results(db, coop_id, meeting_id), range(SAMPLES))
        line = f"  run {run}: closed_results        {ms(statistics.median(ours.wall))} ms"
        if path is not None:
            base = each(lambda _: _raw_results(path, meeting_id), range(SAMPLES))
            ratio = statistics.median(ours.wall) / statistics.median(base.wall)
            line += f"   baseline {ms(statistics.median(base.wall))} ms   ratio {ratio:5.2f}×"
        print(line)


def _raw_results(path: str, meeting_id: int) -> list[Any]:
    import json
    import sqlite3

    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT result FROM agenda_item WHERE meeting_id = ? AND closed ORDER BY position",
                            (meeting_id,)).fetchall()
    return [json.loads(r) for r, in rows]


if __name__ == "__main__":
    main()
