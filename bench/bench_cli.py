"""A `coopdesk` command on a 15-member co-op file vs a bare ``python -c`` that reads it with sqlite3.

Measured on what users get: the project is installed (``pip install --no-deps``, which
byte-compiles it) into a temporary virtual environment that sees ``.venv``'s libraries,
as ``bench_startup.py`` does, so no run pays for compiling CoopDesk's sources.  The file
is the demo's (``coopdesk demo``: 15 members, officers, last year's assembly closed with
signed minutes).

Each command is a fresh process, run as the ``coopdesk`` console script runs it.  The
baseline is a fresh process of the same Python that opens the file with ``sqlite3`` and
selects the members.  The runs alternate (baseline, then each command), so that a busy
moment of the machine hits all of them; each round prints medians and each command's
ratio to the baseline of that round, and the whole is done twice (``--rounds``).  The
target (DESIGN.md §6) is at most 10x.  ``member show`` takes the ordinary path (the ORM)
and is shown for comparison only.

    .venv/bin/python bench/bench_cli.py [--runs 9] [--rounds 2] [--source DIR] [--importtime]
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
ENTRY = "import sys; from coopdesk.cli import main; sys.exit(main())"  # what the console script runs
BASELINE = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "print(len(c.execute('SELECT * FROM member').fetchall())); c.close()")
COMMANDS: tuple[tuple[str, tuple[str, ...], bool], ...] = (  # (label, arguments, has a target)
    ("member list", ("member", "list"), True),
    ("meeting results 1 --json", ("meeting", "results", "1", "--json"), True),
    ("audit verify", ("audit", "verify"), True),
    ("member show 1 (ordinary path)", ("member", "show", "1"), False),
)
LOADED = ("sqlalchemy", "PySide6", "reportlab", "openpyxl", "babel.dates")


def install(into: Path, source_tree: Path) -> Path:
    """A virtual environment with CoopDesk installed as users install it; returns its python."""
    source = into / "src"
    shutil.copytree(source_tree, source, ignore=shutil.ignore_patterns(
        ".venv", ".git", ".ci", "build", "*.egg-info", "__pycache__", "tests", "bench", ".mypy_cache",
        ".ruff_cache", ".pytest_cache"))
    venv = into / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    target = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                 check=True, capture_output=True, text=True).stdout.strip())
    # .venv's libraries, not its editable CoopDesk: a path line in a .pth file adds that
    # folder without running the .pth files inside it.
    (target / "zz_coopdesk_bench_libraries.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                    "--no-index", "--target", str(target), str(source)], check=True)
    compiled = len(list((target / "coopdesk").rglob("*.pyc")))
    sources = len(list((target / "coopdesk").rglob("*.py")))
    print(f"installed into a temporary venv (pip install --no-deps): {sources} modules, {compiled} byte-compiled")
    return python


def run(python: Path, code: str, *args: str, env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    done = subprocess.run([str(python), "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, encoding="utf-8", env=env, cwd=tempfile.gettempdir())
    took = time.perf_counter() - start
    if done.returncode != 0 or not done.stdout.strip():
        raise SystemExit(f"{args} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return took


def one_round(python: Path, path: Path, runs: int) -> tuple[float, list[float]]:
    baseline: list[float] = []
    times: list[list[float]] = [[] for _ in COMMANDS]
    for _ in range(runs):
        baseline.append(run(python, BASELINE, str(path)))
        for i, (_label, words, _target) in enumerate(COMMANDS):
            times[i].append(run(python, ENTRY, "--db", str(path), *words))
    return statistics.median(baseline), [statistics.median(t) for t in times]


def what_loads(python: Path, path: Path) -> None:
    """Which heavy libraries each command imports (run in one process per command)."""
    for label, words, _target in COMMANDS:
        code = ("import sys, io, contextlib; from coopdesk.cli import main\n"
                "with contextlib.redirect_stdout(io.StringIO()): main(sys.argv[1:])\n"
                f"print(' '.join(m for m in {LOADED!r} if m in sys.modules) or 'none of them')")
        out = subprocess.run([str(python), "-c", code, "--db", str(path), *words], capture_output=True,
                             text=True, encoding="utf-8", cwd=tempfile.gettempdir()).stdout.strip()
        print(f"  {label:32} loads: {out}")


def importtime(python: Path, path: Path, words: tuple[str, ...]) -> None:
    """Where one command's import time goes: the largest cumulative top-level imports."""
    env = dict(os.environ, PYTHONPROFILEIMPORTTIME="1")
    proc = subprocess.run([str(python), "-c", ENTRY, "--db", str(path), *words], capture_output=True, text=True,
                          env=env, cwd=tempfile.gettempdir())
    rows = []
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "cumulative" not in line:
            _self, cumulative, name = line[len("import time:"):].split("|")
            if len(name) - len(name.lstrip()) <= 1:
                rows.append((int(cumulative), name.strip()))
    print(f"largest top-level imports of `coopdesk {' '.join(words)}` (ms, cumulative):")
    for cumulative, name in sorted(rows, reverse=True)[:10]:
        print(f"  {cumulative / 1000:7.1f}  {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs of each per round (medians)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--source", type=Path, default=ROOT, help="the source tree to install (default: this one)")
    parser.add_argument("--importtime", action="store_true", help="also show where each command's imports go")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="coopdesk-bench-cli-"))
    os.environ["COOPDESK_HOME"] = str(work / "home")  # settings, backups and the catalog cache
    os.environ["LANG"] = "C.UTF-8"  # messages in English
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        os.environ.pop(var, None)
    try:
        python = install(work, args.source)
        path = work / "demo.coopdesk"
        run(python, ENTRY, "--db", str(path), "demo")
        run(python, BASELINE, str(path))  # the file in the system's cache for all
        for _label, words, _target in COMMANDS:
            run(python, ENTRY, "--db", str(path), *words)
        what_loads(python, path)
        if args.importtime:
            for _label, words, _target in COMMANDS[:3]:
                importtime(python, path, words)
        for round_ in range(1, args.rounds + 1):
            baseline, medians = one_round(python, path, args.runs)
            print(f"round {round_} (medians of {args.runs}):")
            print(f"  {'python -c: sqlite3 select of the members':42} {baseline * 1000:6.0f} ms")
            for (label, _words, target), median in zip(COMMANDS, medians):
                goal = " (target <= 10x)" if target else ""
                print(f"  coopdesk {label:33} {median * 1000:6.0f} ms  ratio {median / baseline:5.2f}x{goal}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
