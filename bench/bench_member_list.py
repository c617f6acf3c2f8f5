"""Member list at 100,000 members: load, show and search as you type.

Prints, for a co-op of N members (made by ``services.demo.create_demo`` when it exists,
else inserted in bulk):
- ``list_members`` against a raw ``sqlite3`` select of the same rows (target ≤ 3×);
- loading the rows into the list's model and showing the members page offscreen;
- the time per keystroke when typing into the search box, model reset included
  (target ≤ 50 ms);
- peak memory (target ≤ 400 MB).

    .venv/bin/python bench/bench_member_list.py [--members 100000] [--db PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, Qt, QTimer  # noqa: E402

from coopdesk.domain.coop import BylawsSettings, CoopKind, CoopProfile, GoverningLaw  # noqa: E402
from coopdesk.domain.members.details import MemberDetails  # noqa: E402
from coopdesk.services import coops  # noqa: E402
from coopdesk.services.members import member as members  # noqa: E402
from coopdesk.services.files import open_database  # noqa: E402
from coopdesk.services.members.listing import list_members  # noqa: E402
from coopdesk.store.database import Database  # noqa: E402

SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = ("민준", "서연", "도윤", "하은", "지호", "수아", "예준", "지우", "시우", "서윤",
         "주원", "하린", "지훈", "채원", "건우", "유진", "현우", "다은", "영수", "순자")
QUERIES = ("김민", "010", "kim", "12345", "박서연", "naver")
RAW_SELECT = """
    SELECT m.number, m.name, t.name, m.birth_date, m.phone, m.email, m.address,
           m.applied_on, m.joined_on, m.notice_on, m.leaves_on, m.left_on, m.left_as
    FROM member m JOIN member_type t ON t.id = m.member_type_id
    WHERE m.coop_id = ? ORDER BY m.number
"""


def timed(fn: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    """Best of ``repeat`` runs, in seconds, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def make_coop(db: Database, count: int) -> int:
    try:
        from coopdesk.services.demo import create_demo  # type: ignore[import-not-found]
    except ImportError:
        return _bulk_coop(db, count)
    return create_demo(db, members=count).id


def _bulk_coop(db: Database, count: int) -> int:
    profile = CoopProfile(name="햇살마을소비자협동조합", kind=CoopKind.GENERAL,
                          governing_law=GoverningLaw.FRAMEWORK_ACT, main_office="서울특별시 마포구 성미산로 10",
                          fiscal_year_start_month=1, member_types=("소비자", "생산자", "직원"),
                          bylaws=BylawsSettings())
    coop = coops.create_coop(db, profile, adopted_on=dt.date(2013, 1, 1))
    rnd = random.Random(7)
    entries = [_new_member(rnd, n) for n in range(1, count + 1)]
    with db.write() as s:
        members.add_members_in(s, coop.id, entries, coop.bylaws.withdrawal_notice_days, "bench")
    return coop.id


def _new_member(rnd: random.Random, n: int) -> members.NewMember:
    details = MemberDetails(
        name=rnd.choice(SURNAMES) + rnd.choice(GIVEN), member_type=rnd.choice(("소비자", "소비자", "생산자", "직원")),
        birth_date=dt.date(1940, 1, 1) + dt.timedelta(days=rnd.randrange(24000)),
        phone=f"010-{rnd.randrange(1000, 10000)}-{rnd.randrange(1000, 10000)}",
        email=f"member{n}@{rnd.choice(('naver.com', 'daum.net', 'gmail.com'))}" if rnd.random() < 0.7 else "",
        address=f"서울특별시 마포구 성미산로 {rnd.randrange(1, 400)}",
    )
    joined = dt.date(2013, 1, 1) + dt.timedelta(days=rnd.randrange(4500))
    return members.NewMember(details, joined_on=joined)


def coop_id_in(db: Database) -> int:
    return coops.list_coops(db)[0].id


def bench_queries(db: Database, coop_id: int) -> float:
    path = db.path
    assert path is not None, "the raw baseline needs a SQLite file"

    def raw() -> list[tuple[Any, ...]]:
        with sqlite3.connect(path) as con:
            return con.execute(RAW_SELECT, (coop_id,)).fetchall()

    t_raw, rows = timed(raw)
    count = len(rows)
    del rows
    t_list, _ = timed(lambda: len(list_members(db, coop_id)))
    print(f"rows                         {count:>10,}")
    print(f"raw sqlite3 select           {t_raw * 1000:>10.0f} ms")
    print(f"services list_members        {t_list * 1000:>10.0f} ms   ratio {t_list / t_raw:.2f}")
    return t_raw


def bench_page(db: Database, coop_id: int, t_raw: float) -> None:
    from PySide6.QtWidgets import QApplication

    from coopdesk.ui.context import CoopContext
    from coopdesk.ui.members.model import NAME, MemberTableModel
    from coopdesk.ui.members.page import MembersPage

    app = QApplication.instance() or QApplication([])
    try:
        from coopdesk.ui.fonts import apply_app_font
    except ImportError:
        pass
    else:
        apply_app_font(app)  # the bundled Hangul font, as the program uses it
    rows = list_members(db, coop_id)
    t_model, _ = timed(lambda: MemberTableModel().set_rows(rows))
    print(f"model load                   {t_model * 1000:>10.0f} ms")
    t_keys, _ = timed(lambda: _fresh_model(MemberTableModel, rows).prepare_search())
    print(f"search keys (made while idle, after the list shows) {t_keys * 1000:>4.0f} ms")
    del rows  # the page reads its own: measure the memory of one open list
    gc.collect()

    context = CoopContext(db, coops.get_coop(db, coop_id))

    def show_page() -> Any:
        page = MembersPage(context)
        page.resize(1000, 700)
        page.show()
        app.processEvents()
        if page.loading:  # a large register is read in a thread: wait in an event loop, as the program does
            loop = QEventLoop()
            poll = QTimer()
            poll.timeout.connect(lambda: page.loading or loop.quit())
            poll.start(2)
            loop.exec()
            poll.stop()
        app.processEvents()
        return page

    t_page, page = float("inf"), None
    for _ in range(3):  # best of three, each a new page (the last one freed first, untimed)
        if page is not None:
            page.close()
            page.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            page = None
            gc.collect()
        start = time.perf_counter()
        page = show_page()
        t_page = min(t_page, time.perf_counter() - start)
    assert page.model.total > 0, "the page showed no members"
    print(f"list shown (page built, loaded, painted) {t_page * 1000:>6.0f} ms   ratio {t_page / t_raw:.2f} to raw "
          f"(target ≤ 3)")
    page.model.prepare_search()  # what the idle steps do before anyone types
    print("  search as you type, list in number order:")
    bench_search(app, page)
    start = time.perf_counter()
    page.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
    app.processEvents()
    print(f"sort by name (first time)    {(time.perf_counter() - start) * 1000:>10.0f} ms")
    print("  search as you type, list sorted by name:")
    bench_search(app, page)
    page.close()


def _fresh_model(model_type: Any, rows: list[Any]) -> Any:
    model = model_type()
    model.set_rows(rows)
    return model


def bench_search(app: Any, page: Any) -> None:
    box = page.search_box
    times: list[float] = []
    for query in QUERIES:
        box.clear()
        app.processEvents()
        for end in range(1, len(query) + 1):
            start = time.perf_counter()
            box.setText(query[:end])
            app.processEvents()  # the view repaints within the keystroke
            times.append(time.perf_counter() - start)
        print(f"    {query!r:<10} → {page.model.shown:>7,} shown")
    start = time.perf_counter()
    box.clear()
    app.processEvents()
    times.append(time.perf_counter() - start)
    ms = [t * 1000 for t in times]
    print(f"search keystroke             median {statistics.median(ms):.1f} ms, max {max(ms):.1f} ms "
          f"over {len(ms)} keystrokes (target ≤ 50)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="reuse (or create) this co-op file")
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp()) / "bench.coopdesk"
    existed = path.exists()
    db = open_database(path)
    if existed:
        coop_id = coop_id_in(db)
    else:
        start = time.perf_counter()
        coop_id = make_coop(db, args.members)
        print(f"co-op of {args.members:,} members made in {time.perf_counter() - start:.1f} s at {path}")
    t_raw = bench_queries(db, coop_id)
    bench_page(db, coop_id, t_raw)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (RSS)            {peak:>10.0f} MB  (target ≤ 400)")
    db.close()


if __name__ == "__main__":
    main()
