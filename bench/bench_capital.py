"""Member capital at 100,000 members with 10 ledger entries each (1,000,000 entries).

Prints, in one run and twice over, each figure with its ratio against a raw ``sqlite3``
query of the same rows measured in the same run (target ≤ 3×, issue 13):

- the balances of all members (``services.capital.balances.balances``: every member with
  their shares, paid and unpaid capital and status), against the raw aggregate
  ``SELECT member_id, sum(shares), sum(amount) … GROUP BY member_id`` — and, for
  reference, the same aggregate joined to the members it belongs to;
- the cap check of one new subscription (``check_subscription``: the law, nothing written),
  against the two raw sums it needs (all shares of the co-op, the member's own); and the
  whole subscription written (``subscribe``: the lock, the checks, the entry, the audit
  entry, the commit), against the same two sums.

    .venv/bin/python bench/bench_capital.py [--members 100000] [--entries 10]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from coopdesk.domain.capital.ledger import EntryKind  # noqa: E402
from coopdesk.domain.coop import BylawsSettings, CoopKind, CoopProfile, GoverningLaw  # noqa: E402
from coopdesk.domain.members.details import MemberDetails  # noqa: E402
from coopdesk.services.capital.balances import balances, check_subscription  # noqa: E402
from coopdesk.services.capital.ledger import subscribe  # noqa: E402
from coopdesk.services.capital.rows import lock_ledger, take_numbers  # noqa: E402
from coopdesk.services.coops import create_coop  # noqa: E402
from coopdesk.services.files import open_database  # noqa: E402
from coopdesk.services.members.member import NewMember, add_members_in  # noqa: E402
from coopdesk.store.bulk import insert_many  # noqa: E402
from coopdesk.store.database import Database  # noqa: E402
from coopdesk.store.models import CapitalEntryRow, CapitalInstalmentRow, Member  # noqa: E402

PRICE = 10_000
JOINED = dt.date(2024, 3, 1)
TODAY = dt.date(2026, 11, 21)
RAW_SUMS = "SELECT member_id, sum(shares), sum(amount) FROM capital_entry WHERE coop_id = ? GROUP BY member_id"
RAW_JOINED = """
    SELECT m.number, m.name, m.applied_on, m.joined_on, m.notice_on, m.leaves_on, m.left_on, m.left_as,
           b.shares, b.paid
    FROM member m LEFT JOIN (SELECT member_id, sum(shares) AS shares, sum(amount) AS paid FROM capital_entry
                             WHERE coop_id = ? GROUP BY member_id) b ON b.member_id = m.id
    WHERE m.coop_id = ? ORDER BY m.number
"""
RAW_TOTAL = "SELECT sum(shares) FROM capital_entry WHERE coop_id = ?"
RAW_MEMBER = "SELECT sum(shares) FROM capital_entry WHERE member_id = ?"


def timed(fn: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    """Best of ``repeat`` runs, in seconds, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def make_coop(db: Database, members: int, entries: int) -> int:
    """A co-op of ``members`` members, each with one subscription of 10 shares (and its instalment)
    and ``entries - 1`` payments: the ledger the bench reads, written in bulk."""
    profile = CoopProfile("벤치마크협동조합", CoopKind.GENERAL, GoverningLaw.FRAMEWORK_ACT, "서울특별시 중구",
                          1, ("조합원",), BylawsSettings(share_price=PRICE))
    coop_id = create_coop(db, profile, adopted_on=JOINED - dt.timedelta(days=30)).id
    people = [NewMember(MemberDetails(f"조합원{n:06d}", "조합원"), JOINED) for n in range(1, members + 1)]
    with db.write() as s:
        add_members_in(s, coop_id, people, 30, "bench.members")
        ids = [i for (i,) in s.execute(Member.__table__.select().with_only_columns(Member.id)
                                       .where(Member.coop_id == coop_id).order_by(Member.number))]
        lock_ledger(s, coop_id)
        first = take_numbers(s, coop_id, members * entries)
        now = dt.datetime.now()
        rows, number = [], first
        paying = entries - 1
        for member_id in ids:
            rows.append((coop_id, number, member_id, EntryKind.SUBSCRIPTION, JOINED, 10, 0, PRICE, "", now, 0, 0))
            number += 1
            for k in range(paying):
                rows.append((coop_id, number, member_id, EntryKind.PAYMENT, JOINED + dt.timedelta(days=k), 0,
                             10 * PRICE // paying if paying else 0, PRICE, "", now, 0, 0))
                number += 1
        columns = ("coop_id", "number", "member_id", "kind", "entry_on", "shares", "amount", "share_price", "note",
                   "recorded_at", "loss_share", "equity_extra")
        for start in range(0, len(rows), 200_000):
            insert_many(s.connection(), CapitalEntryRow.__table__, columns, rows[start:start + 200_000])
        subscriptions = s.execute(CapitalEntryRow.__table__.select().with_only_columns(CapitalEntryRow.id)
                                  .where(CapitalEntryRow.kind == EntryKind.SUBSCRIPTION)).scalars().all()
        insert_many(s.connection(), CapitalInstalmentRow.__table__, ("entry_id", "position", "due_on", "amount"),
                    [(i, 1, JOINED, 10 * PRICE) for i in subscriptions])
    db.complete_file()
    return coop_id


def raw(path: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def one_round(db: Database, path: Path, coop_id: int, members: int, label: str) -> None:
    member_id = raw(path, "SELECT id FROM member WHERE coop_id = ? AND number = ?", coop_id, members // 2)[0][0]
    base_sums, sums = timed(lambda: raw(path, RAW_SUMS, coop_id))
    base_joined, _ = timed(lambda: raw(path, RAW_JOINED, coop_id, coop_id))
    service, found = timed(lambda: balances(db, coop_id, today=TODAY))
    assert len(found) == members and len(sums) == members
    assert sum(b.paid for b in found) == sum(p for _m, _s, p in sums)
    print(f"[{label}] balances of all {members:,} members: {service * 1000:.0f} ms;"
          f" raw aggregate {base_sums * 1000:.0f} ms -> {service / base_sums:.2f}x"
          f" (raw aggregate joined to the members {base_joined * 1000:.0f} ms -> {service / base_joined:.2f}x)")

    def raw_cap() -> tuple[int, int]:
        conn = sqlite3.connect(path)
        try:
            return conn.execute(RAW_TOTAL, (coop_id,)).fetchone()[0], conn.execute(RAW_MEMBER, (member_id,)).fetchone()[0]
        finally:
            conn.close()

    base_cap, (total, held) = timed(raw_cap, repeat=5)
    preview, check = timed(lambda: check_subscription(db, coop_id, members // 2, 1, today=TODAY), repeat=5)
    assert (check.cap.total, check.cap.shares) == (total + 1, held + 1) and check.allowed
    written, _ = timed(lambda: subscribe(db, coop_id, members // 2, 1, on=TODAY, today=TODAY), repeat=5)
    print(f"[{label}] cap check of one new subscription: {preview * 1000:.1f} ms;"
          f" raw sums {base_cap * 1000:.1f} ms -> {preview / base_cap:.2f}x;"
          f" the subscription written (lock, checks, entry, audit, commit) {written * 1000:.1f} ms"
          f" -> {written / base_cap:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--entries", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["COOPDESK_HOME"] = folder
        path = Path(folder) / "capital.coopdesk"
        db = open_database(path)
        start = time.perf_counter()
        coop_id = make_coop(db, args.members, args.entries)
        print(f"{args.members:,} members, {args.members * args.entries:,} ledger entries written in "
              f"{time.perf_counter() - start:.1f} s")
        for label in ("run 1", "run 2"):
            one_round(db, path, coop_id, args.members, label)
        db.close()


if __name__ == "__main__":
    main()
