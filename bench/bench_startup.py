"""Start-up time: ``coopdesk --db FILE`` on a 15-member co-op vs a bare QApplication + QMainWindow.

Measured on what users get: the project is installed (``pip install --no-deps``, which
byte-compiles it) into a temporary virtual environment that sees ``.venv``'s libraries,
so no run pays for compiling CoopDesk's sources (the editable ``.venv`` install has no
``.pyc`` files when PYTHONDONTWRITEBYTECODE is set, ~250 ms users do not pay).

Each run is a fresh process, timed from launch.  The bare baseline shows an empty
QMainWindow; CoopDesk runs its real command (``coopdesk.cli.main``, the same as typing
``coopdesk --db FILE``).  Three moments are timed, each when a paint event reaches the
widget (an event filter on those widgets only): the main window's first paint; the first
paint of the page a co-op opens on, the year's page (오늘 할 일), when the window can be
used (its areas, the member list read without the database layer); and that page with
its tasks, read once the database has opened while idle.  The runs of the two alternate,
and the whole is done twice (``--rounds``); each round prints its medians and ratios.  The
target (DESIGN.md §6, "start to a usable window") is at most 3x the bare window.

    .venv/bin/python bench/bench_startup.py [--runs 7] [--rounds 2] [--importtime]
"""

from __future__ import annotations

import argparse
import os
import shutil
import site
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEMBERS = 15

# Each moment is said once, in order, when a paint event reaches a watched widget and the
# moment's test holds: "window" when the main window first paints, "first" when the page a
# co-op opens on has painted (the window can be used: its areas, the member list), "ready"
# when what the user waits for has painted: the bare window itself, or CoopDesk's year page
# with the tasks read from the database.  An event filter on those widgets only, so that
# watching costs next to nothing.
WATCH = """
from PySide6.QtCore import QEvent, QObject

class Watch(QObject):
    def __init__(self, moments):
        super().__init__()
        self.moments = list(moments)  # (name, test(widget) -> bool), in order

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            while self.moments and self.moments[0][1](watched):
                print(self.moments.pop(0)[0], flush=True)
        return False
"""

BARE = WATCH + """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1100, 720)
watch = Watch([(name, lambda _w: True) for name in ("window", "first", "ready")]); w.installEventFilter(watch)
w.show()
poll = QTimer(); poll.timeout.connect(lambda: not watch.moments and app.quit()); poll.start(2)
app.exec()
"""

# The real command; the only additions are the event filter, on the window, the year page
# and its summary line, and closing the window once the year page shows its tasks.
COOPDESK = WATCH + """
import sys
import coopdesk.ui.app as gui
import coopdesk.ui.main_window as main_window

made = gui.create_main_window
show_workspace = main_window.MainWindow._show_workspace

def watched(*args, **kwargs):
    window = made(*args, **kwargs)
    window.installEventFilter(watch)
    return window

def year_page_shown(widget):
    return widget.objectName() == "year_page"

def tasks_shown(widget):
    page = widget.parent()
    if widget.objectName() != "year_summary" or page is None or page.agenda is None:
        return False
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, widget.window().close)
    return True

def watching_year(window, *args, **kwargs):
    show_workspace(window, *args, **kwargs)
    assert window.context.is_open is False, "the first screen, before the database opens"
    page = window.workspace.page("year")
    page.installEventFilter(watch)
    page.summary.installEventFilter(watch)

watch = Watch([("window", lambda _w: True), ("first", year_page_shown), ("ready", tasks_shown)])
gui.create_main_window = watched
main_window.MainWindow._show_workspace = watching_year
from coopdesk.cli import main
sys.exit(main(["--db", sys.argv[1], "--language", "ko"]))
"""


def install(into: Path) -> Path:
    """A virtual environment with CoopDesk installed as users install it; returns its python."""
    source = into / "src"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".venv", ".git", ".ci", "build", "*.egg-info", "__pycache__", "tests", "bench", ".mypy_cache",
        ".ruff_cache", ".pytest_cache"))
    venv = into / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    target = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                 check=True, capture_output=True, text=True).stdout.strip())
    # .venv's libraries (PySide6, SQLAlchemy ...), but not its editable CoopDesk: a path
    # line in a .pth file adds that folder without running the .pth files inside it.
    (target / "zz_coopdesk_bench_libraries.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                    "--no-index", "--target", str(target), str(source)], check=True)
    compiled = len(list((target / "coopdesk").rglob("*.pyc")))
    sources = len(list((target / "coopdesk").rglob("*.py")))
    print(f"installed into {venv}: {sources} modules, {compiled} byte-compiled")
    return python


def timed(python: Path, code: str, *args: str) -> tuple[float, float, float]:
    """Seconds from launch to the moments "window", "first" and "ready"."""
    start = time.perf_counter()
    proc = subprocess.Popen([str(python), "-c", code, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=tempfile.gettempdir())
    assert proc.stdout is not None and proc.stderr is not None
    said, times = [], []
    for _ in range(3):
        said.append(proc.stdout.readline().strip())
        times.append(time.perf_counter() - start)
    errors = proc.stderr.read()
    proc.wait()
    if said != ["window", "first", "ready"]:
        raise SystemExit(f"the child did not start: {said!r}\n{errors}")
    return times[0], times[1], times[2]


def one_round(python: Path, path: Path, runs: int) -> tuple[float, float, float, float]:
    bare: list[float] = []
    ours: list[tuple[float, float, float]] = []
    for _ in range(runs):  # alternating, so that a busy moment of the machine hits both
        bare.append(timed(python, BARE)[2])
        ours.append(timed(python, COOPDESK, str(path)))
    return (statistics.median(bare), statistics.median(w for w, _f, _r in ours),
            statistics.median(f for _w, f, _r in ours), statistics.median(r for _w, _f, r in ours))


def importtime(python: Path, path: Path) -> None:
    """Where a start's import time goes: the largest cumulative imports of one run."""
    env = dict(os.environ, PYTHONPROFILEIMPORTTIME="1")
    proc = subprocess.run([str(python), "-c", COOPDESK, str(path)], capture_output=True, text=True, env=env,
                          cwd=tempfile.gettempdir())
    rows = []
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "cumulative" not in line:
            _self, cumulative, name = line[len("import time:"):].split("|")
            if len(name) - len(name.lstrip()) <= 3:  # one space, then two more per level down
                rows.append((int(cumulative), name.strip()))
    print("largest top-level imports of one start (ms, cumulative):")
    for cumulative, name in sorted(rows, reverse=True)[:15]:
        print(f"  {cumulative / 1000:7.1f}  {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each per round (medians)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--importtime", action="store_true", help="also show where one start's imports go")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="coopdesk-bench-"))
    os.environ["COOPDESK_HOME"] = str(work / "home")
    try:
        python = install(work)
        from coopdesk.services.demo import create_demo
        from coopdesk.services.files import open_database

        path = work / "demo.coopdesk"
        db = open_database(path)
        create_demo(db, members=MEMBERS)
        db.close()
        timed(python, BARE)  # warm the file cache for both
        timed(python, COOPDESK, str(path))
        if args.importtime:
            importtime(python, path)
        for round_ in range(1, args.rounds + 1):
            bare, window, first, ready = one_round(python, path, args.runs)
            print(f"round {round_} (medians of {args.runs}):")
            print(f"  bare QApplication+QMainWindow shown:   {bare * 1000:5.0f} ms")
            print(f"  CoopDesk window first painted:         {window * 1000:5.0f} ms  ratio {window / bare:.2f}x")
            print(f"  CoopDesk year page painted (usable):   {first * 1000:5.0f} ms  "
                  f"ratio {first / bare:.2f}x (target <= 3x)")
            print(f"  CoopDesk year page with its tasks:     {ready * 1000:5.0f} ms  ratio {ready / bare:.2f}x "
                  f"(the database opened while idle, {MEMBERS} members)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
