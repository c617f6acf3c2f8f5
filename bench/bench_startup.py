"""Start-up time: CoopDesk with a 15-member co-op vs a bare QApplication + QMainWindow.

Each run is a fresh process, timed from launch.  For CoopDesk two moments are timed:
the window first painted (menus, title and status bar answer; the file is opening),
and the member list filled, following the same path as the ``coopdesk`` command.
Prints medians and the ratios; the target (DESIGN.md §6) is at most 3x.

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
print("window", flush=True)
print("ready", flush=True)
"""

COOPDESK = """
import sys
from coopdesk.ui.app import application, create_main_window
app = application()
w = create_main_window(db_target=sys.argv[1], language="ko", open_later=True)
w.show()
app.processEvents()
print("window", flush=True)
from PySide6.QtCore import QTimer

def check():
    if w.workspace is not None and w.workspace.members_page.model.total == 15:
        print("ready", flush=True)
        app.quit()

poll = QTimer(); poll.timeout.connect(check); poll.start(2)
app.exec()
"""


def timed(code: str, *args: str) -> tuple[float, float]:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    first = proc.stdout.readline()
    window = time.perf_counter() - start
    second = proc.stdout.readline()
    ready = time.perf_counter() - start
    proc.wait()
    if (first.strip(), second.strip()) != ("window", "ready"):
        raise SystemExit(f"the child did not start: {first!r} {second!r}")
    return window, ready


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
    create_demo(db, members=15)
    db.close()
    timed(BARE)  # warm the file cache for both
    timed(COOPDESK, str(path))
    bare = statistics.median(timed(BARE)[1] for _ in range(args.runs))
    ours = [timed(COOPDESK, str(path)) for _ in range(args.runs)]
    window = statistics.median(w for w, _ in ours)
    ready = statistics.median(r for _, r in ours)
    print(f"bare QApplication+QMainWindow shown:  {bare * 1000:5.0f} ms (median of {args.runs})")
    print(f"CoopDesk window shown, file opening:  {window * 1000:5.0f} ms  ratio {window / bare:.2f}x")
    print(f"CoopDesk member list of 15 shown:     {ready * 1000:5.0f} ms  ratio {ready / bare:.2f}x (target <= 3x)")


if __name__ == "__main__":
    main()
