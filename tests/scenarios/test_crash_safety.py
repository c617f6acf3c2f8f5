"""A power cut or a second program on the same file never loses committed work."""

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from coopdesk.services import audit
from coopdesk.services.coops import create_coop, default_coop
from coopdesk.services.files import open_database
from coopdesk.services.members.listing import list_members
from tests.conftest import sample_profile

WRITER = [sys.executable, "-m", "tests.scenarios.writer"]
REPO = Path(__file__).resolve().parents[2]


def _new_file(tmp_path):
    path = tmp_path / "crash.coopdesk"
    db = open_database(path)
    create_coop(db, sample_profile())
    db.close()
    return path


def test_killing_the_program_mid_write_keeps_every_committed_member(tmp_path):
    path = _new_file(tmp_path)
    proc = subprocess.Popen([*WRITER, str(path), "100000", "m"], cwd=REPO, stdout=subprocess.PIPE, text=True)
    committed = []
    deadline = time.monotonic() + 60
    while len(committed) < 40 and time.monotonic() < deadline:
        committed.append(int(proc.stdout.readline()))
    proc.send_signal(signal.SIGKILL)  # no clean-up of any kind: like pulling the plug
    proc.wait()
    assert len(committed) == 40

    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db = open_database(path)
    numbers = {m.number for m in list_members(db, default_coop(db).id)}
    assert set(committed) <= numbers
    report = audit.verify(db)
    assert report.intact and report.entries == len(numbers) + 1
    db.close()


def test_two_programs_writing_one_file_take_turns(tmp_path):
    path = _new_file(tmp_path)
    procs = [subprocess.Popen([*WRITER, str(path), "40", tag], cwd=REPO, stdout=subprocess.PIPE, text=True)
             for tag in ("a", "b")]
    outputs = [p.communicate(timeout=120)[0] for p in procs]
    assert all(p.returncode == 0 for p in procs)
    db = open_database(path)
    members = list_members(db, default_coop(db).id)
    assert [m.number for m in members] == list(range(1, 81))
    assert sorted(int(n) for out in outputs for n in out.split()) == list(range(1, 81))
    assert audit.verify(db).intact
    db.close()
