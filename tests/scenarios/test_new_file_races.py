"""Two programs creating the same new co-op file at the same moment.

Real ``coopdesk`` processes, released together from a starting line (a file they wait
for), many times over: each time exactly one of them makes the file, it holds exactly
that one's co-op, the other is refused and says so, and nothing else is left behind.
Several pairs race at once (each pair on its own file), which makes the moments the two
of a pair meet vary more than one pair at a time would, in less time.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from coopdesk import paths

REPO = Path(__file__).resolve().parents[2]
RACER = [sys.executable, "-m", "tests.scenarios.racer"]
PAIRS = 4  # racing at once, each pair on its own file
# Rounds of PAIRS races: 12 inits and 4 demos; each process costs about a second of CPU.
INIT_ROUNDS, DEMO_ROUNDS = 3, 1


def race(folder: Path, round_: int, *commands: list[str]) -> list[subprocess.CompletedProcess]:
    """Run each command as its own process, all released at the same instant."""
    barrier = folder / f"start-{round_}"
    env = {**os.environ, "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        env.pop(var, None)
    procs = [subprocess.Popen([*RACER, str(barrier), *args], cwd=REPO, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, encoding="utf-8") for args in commands]
    deadline = time.monotonic() + 60
    while len(list(folder.glob(f"{barrier.name}.ready.*"))) < len(procs) and time.monotonic() < deadline:
        time.sleep(0.005)
    barrier.touch()
    done = []
    for proc, args in zip(procs, commands):
        out, err = proc.communicate(timeout=120)
        done.append(subprocess.CompletedProcess(args, proc.returncode, out, err))
    for ready in folder.glob(f"{barrier.name}*"):
        ready.unlink()
    return done


def coops_in(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM coop ORDER BY id")]
    finally:
        conn.close()


def leftovers(folder: Path) -> list[str]:
    """Anything but co-op files (and their -wal and -shm): half-made files, temporary names."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith((".coopdesk", ".coopdesk-wal",
                                                                             ".coopdesk-shm")))


def init(target: Path, name: str) -> list[str]:
    return ["--db", str(target), "init", "--name", name, "--office", "서울특별시 마포구", "--member-type", "소비자"]


def test_two_inits_of_one_new_file_never_lose_or_mix_a_co_op(tmp_path):
    folder = tmp_path / "coops"
    folder.mkdir()
    for round_ in range(INIT_ROUNDS):
        targets = [folder / f"new-{round_}-{pair}.coopdesk" for pair in range(PAIRS)]
        results = race(folder, round_, *(init(t, name) for t in targets for name in ("가람협동조합", "나래협동조합")))
        for target, (a, b) in zip(targets, zip(results[::2], results[1::2])):
            won = [r for r in (a, b) if r.returncode == 0]
            lost = [r for r in (a, b) if r.returncode != 0]
            assert len(won) == 1 and len(lost) == 1, (a, b)
            winner = "가람협동조합" if won[0] is a else "나래협동조합"
            assert f"Created {winner}" in won[0].stdout
            assert lost[0].returncode == 3 and "already holds a co-op" in lost[0].stderr, lost[0].stderr
            assert coops_in(target) == [winner]  # the file of the one that said "Created", its co-op only
    assert leftovers(folder) == []


def test_two_demos_of_one_new_file_make_one_whole_demo(tmp_path):
    folder = tmp_path / "coops"
    folder.mkdir()
    for round_ in range(DEMO_ROUNDS):
        targets = [folder / f"demo-{round_}-{pair}.coopdesk" for pair in range(PAIRS)]
        results = race(folder, round_, *(["--db", str(t), "demo"] for t in targets for _ in "ab"))
        for target, (a, b) in zip(targets, zip(results[::2], results[1::2])):
            assert sorted([a.returncode, b.returncode]) == [0, 3], (a, b)
            assert len(coops_in(target)) == 1
            conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
            assert conn.execute("SELECT count(*) FROM member").fetchone()[0] == 15
            conn.close()
    assert leftovers(folder) == []


def test_two_inits_without_a_file_named_get_a_file_each(tmp_path):
    """Without --db both want the same name in the co-op folder: the second takes the next name."""
    names = [f"다솜{pair}협동조합" for pair in range(PAIRS)]
    race(tmp_path, 0, *(["init", "--name", name, "--office", office, "--member-type", "소비자"]
                        for name in names for office in ("부산", "대구")))
    files = sorted(paths.coops_dir().glob("*.coopdesk"))
    assert len(files) == 2 * PAIRS
    assert sorted(n for f in files for n in coops_in(f)) == sorted(names * 2)
    assert leftovers(paths.coops_dir()) == []
