"""A `coopdesk demo` killed at any moment leaves no half co-op.

The process is killed (SIGKILL: no clean-up of any kind) at many moments while it
writes; afterwards the file either does not exist or holds the whole demo, row for row
what a demo left to finish holds.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coopdesk.services.files import open_database

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")

REPO = Path(__file__).resolve().parents[2]
# Moments after the first file appears in the folder (the demo starts writing), in seconds.
AFTER_WRITING_STARTS = (0.0, 0.005, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.45, 0.7)


def demo_process(target: Path) -> subprocess.Popen:
    env = {**os.environ, "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    return subprocess.Popen([sys.executable, "-m", "coopdesk", "--db", str(target), "demo"], cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def contents(path: Path) -> dict[str, int]:
    """Rows per table: what a whole demo holds (the same seed and day give the same demo)."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


@pytest.fixture
def whole_demo(tmp_path) -> dict[str, int]:
    target = tmp_path / "reference" / "demo.coopdesk"
    target.parent.mkdir()
    assert demo_process(target).wait(timeout=120) == 0
    found = contents(target)
    assert found["coop"] == 1 and found["member"] == 15 and found["meeting"] == 1
    return found


def test_a_demo_killed_while_it_writes_leaves_no_file_or_the_whole_demo(tmp_path, whole_demo):
    mid_writing = 0
    for n, delay in enumerate(AFTER_WRITING_STARTS):
        folder = tmp_path / f"kill-{n}"
        folder.mkdir()
        target = folder / "demo.coopdesk"
        proc = demo_process(target)
        deadline = time.monotonic() + 60
        while not any(folder.iterdir()) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.0005)
        time.sleep(delay)
        writing = proc.poll() is None
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        mid_writing += writing
        if target.exists():
            assert contents(target) == whole_demo, f"killed {delay} s after writing started"
            db = open_database(target)  # and it opens as a co-op file
            db.close()
    assert mid_writing >= len(AFTER_WRITING_STARTS) // 2  # most kills came before the demo was done


def test_a_demo_killed_in_an_existing_file_leaves_it_without_a_co_op_or_with_the_whole_demo(tmp_path, whole_demo):
    """A file that holds no co-op yet gets the demo in one transaction."""
    started = time.monotonic()
    reference = tmp_path / "timed.coopdesk"
    open_database(reference).close()
    assert demo_process(reference).wait(timeout=120) == 0
    took = time.monotonic() - started
    empty = None
    for n in range(2, 10):
        target = tmp_path / f"existing-{n}.coopdesk"
        open_database(target).close()
        empty = empty or contents(target)
        proc = demo_process(target)
        time.sleep(took * n / 10)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert contents(target) in (empty, whole_demo), f"killed at {n / 10} of a demo's time"
