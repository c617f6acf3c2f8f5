"""Start-up time: CoopDesk with a 15-member co-op vs a bare QApplication + QMainWindow.

Each run is a fresh process, timed from launch until the window has been shown and
painted (for CoopDesk: with the member list filled).  Prints medians and the ratio;
the target (DESIGN.md §6) is at most 3x.

    .venv/bin/python bench/bench_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1000, 700); w.show()
app.processEvents()
print("ready", flush=True)
"""

COOPDESK = """
import sys
from coopdesk.cli import _warm_up_services  # what `coopdesk` does before it loads Qt
_warm_up_services()
from coopdesk.ui.app import application, create_main_window
app = application()
w = create_main_window(db_target=sys.argv[1], language="ko")
w.show()
app.processEvents()
assert w.windowTitle() and "{expect}" in w.windowTitle()
print("ready", flush=True)
"""


def timed(code: str, *args: str) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait()
    if line.strip() != "ready":
        raise SystemExit(f"the child did not start: {line!r}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.mkdtemp(prefix="coopdesk-bench-")
    os.environ["COOPDESK_HOME"] = home
    from coopdesk.services.demo import create_demo
    from coopdesk.services.files import open_database

    path = Path(home) / "demo.coopdesk"
    db = open_database(path)
    coop = create_demo(db, members=15)
    db.close()
    code = COOPDESK.replace("{expect}", coop.name)
    timed(BARE)  # warm the file cache for both
    timed(code, str(path))
    bare = [timed(BARE) for _ in range(args.runs)]
    ours = [timed(code, str(path)) for _ in range(args.runs)]
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"bare QApplication+QMainWindow: {b * 1000:.0f} ms (median of {args.runs})")
    print(f"CoopDesk, 15-member co-op:     {o * 1000:.0f} ms")
    print(f"ratio: {o / b:.2f}x (target <= 3x)")


if __name__ == "__main__":
    main()
