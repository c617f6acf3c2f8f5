"""The Capital area of the window at 100,000 members (10 ledger entries each): what the window waits for.

Prints, in one run and twice over:

- the page shown with every member's capital and the co-op's totals (read in a worker:
  ``ui.capital.page.read_capital``), against a raw ``sqlite3`` query of the same rows (the
  members joined to their sums), measured in the same run;
- the longest block of the window's event loop while the page opens and reads (a 5 ms timer
  ticks throughout; the longest gap less 5 ms), target ≤ 100 ms (DESIGN.md §6);
- a search keystroke (one letter, then a second), and a sort by paid-in capital, each on
  the window's thread, target ≤ 50 ms a keystroke.

    .venv/bin/python bench/bench_capital_page.py [--members 100000] [--entries 10]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench_capital import RAW_JOINED, make_coop, raw, timed  # noqa: E402
from coopdesk.services.coops import get_coop  # noqa: E402
from coopdesk.services.files import open_database  # noqa: E402
from coopdesk.ui.capital.model import PAID  # noqa: E402
from coopdesk.ui.capital.page import CapitalPage  # noqa: E402
from coopdesk.ui.context import CoopContext  # noqa: E402

TICK_MS = 5


def open_page(app: QApplication, context: CoopContext) -> tuple[float, float, CapitalPage]:
    """Seconds until the page holds every member, and the event loop's longest block meanwhile."""
    last, longest = [time.perf_counter()], [0.0]

    def tick() -> None:
        now = time.perf_counter()
        longest[0] = max(longest[0], now - last[0] - TICK_MS / 1000)
        last[0] = now

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    start = time.perf_counter()
    page = CapitalPage(context)
    page.show()
    while page.loading or page.model.total == 0:
        app.processEvents()
    elapsed = time.perf_counter() - start
    for _ in range(20):  # the first paint with the rows in it
        app.processEvents()
        time.sleep(0.005)
    timer.stop()
    return elapsed, max(longest[0], 0.0), page


def one_round(app: QApplication, context: CoopContext, path: Path, members: int, label: str) -> None:
    coop_id = context.coop_id
    base, rows = timed(lambda: raw(path, RAW_JOINED, coop_id, coop_id))
    assert len(rows) == members
    shown, block, page = open_page(app, context)
    assert page.model.total == members
    print(f"[{label}] capital page holding {members:,} members: {shown * 1000:.0f} ms;"
          f" raw query {base * 1000:.0f} ms -> {shown / base:.2f}x; longest event-loop block {block * 1000:.0f} ms")
    one, _ = timed(lambda: page.model.set_search("1"), repeat=1)
    two, _ = timed(lambda: page.model.set_search("12"), repeat=1)
    page.model.set_search("")
    ordered, _ = timed(lambda: page.model.sort(PAID, Qt.SortOrder.DescendingOrder), repeat=1)
    print(f"[{label}] search keystrokes {one * 1000:.1f} ms and {two * 1000:.1f} ms;"
          f" sort by paid-in capital {ordered * 1000:.1f} ms")
    page.close()
    page.deleteLater()
    app.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--entries", type=int, default=10)
    args = parser.parse_args()
    os.environ.setdefault("COOPDESK_HOME", tempfile.mkdtemp())
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "capital.coopdesk"
        db = open_database(path)
        started = time.perf_counter()
        coop_id = make_coop(db, args.members, args.entries)
        print(f"co-op of {args.members:,} members with {args.members * args.entries:,} entries made in "
              f"{time.perf_counter() - started:.0f} s")
        context = CoopContext(db, get_coop(db, coop_id))
        for label in ("first", "second"):
            one_round(app, context, path, args.members, label)
        db.close()


if __name__ == "__main__":
    main()
