"""The overview of a folder of co-op files: every file listed, each read as it is and left so.

Real co-op files made by the services (copies of the migrated template), a real old file
(``tests/data/coop-0004.coopdesk``), and files that are not co-op files; another real
process holds a file open with a change not yet copied from its ``-wal``.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from coopdesk.domain.errors import Cancelled
from coopdesk.domain.members.details import MemberDetails
from coopdesk.services.files import open_database
from coopdesk.services.members.current import count_on_register
from coopdesk.services.members.member import add_member
from coopdesk.services.overview import Problem, overview
from coopdesk.services.overview.wording import problem_text
from tests.conftest import TODAY
from tests.support.coop_files import make_coop_file
from tests.support.databases import copy_sqlite_template

OLD_FILE = Path(__file__).resolve().parents[2] / "data" / "coop-0004.coopdesk"
HOLDER = Path(__file__).resolve().with_name("holder.py")


def state_of(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file of the folder: its bytes and its modification time."""
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


@pytest.fixture
def folder(tmp_path: Path, sqlite_template: Path) -> Path:
    folder = tmp_path / "advisor"
    folder.mkdir()
    make_coop_file(folder / "a-햇살.coopdesk", sqlite_template, "햇살마을협동조합", members=4)
    make_coop_file(folder / "b-두 조합.coopdesk", sqlite_template, "첫째협동조합", "둘째협동조합", members=2)
    shutil.copyfile(OLD_FILE, folder / "c-old.coopdesk")
    newer = make_coop_file(folder / "d-newer.coopdesk", sqlite_template, "미래협동조합")
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0999'")
    conn.close()
    (folder / "e-letter.coopdesk").write_text("회의록 초안", encoding="utf-8")
    damaged = make_coop_file(folder / "f-damaged.coopdesk", sqlite_template, "망가진협동조합")
    data = bytearray(damaged.read_bytes())
    data[4096:] = b"\xa5" * (len(data) - 4096)  # the header is fine, every page after it is not
    damaged.write_bytes(bytes(data))
    (folder / "g-empty.coopdesk").write_bytes(b"")
    foreign = sqlite3.connect(folder / "h-foreign.coopdesk")
    foreign.execute("PRAGMA application_id = 1234")
    foreign.execute("CREATE TABLE photo (id INTEGER PRIMARY KEY)")
    foreign.commit()
    foreign.close()
    (folder / "notes.txt").write_text("not a co-op file by its name", encoding="utf-8")
    assert not [p.name for p in folder.iterdir() if p.name.endswith(("-wal", "-shm", "-journal"))]
    return folder


def test_every_file_is_listed_each_co_op_in_a_row_and_each_problem_with_its_reason(folder):
    found = overview(folder, TODAY)

    by_file = [(Path(r.source).name, r.name, r.problem) for r in found.rows]
    assert by_file == [
        ("a-햇살.coopdesk", "햇살마을협동조합", None),
        ("b-두 조합.coopdesk", "첫째협동조합", None),
        ("b-두 조합.coopdesk", "둘째협동조합", None),
        ("c-old.coopdesk", "마포 햇살마을 먹거리 협동조합", Problem.OLDER),
        ("d-newer.coopdesk", "미래협동조합", Problem.NEWER),
        ("e-letter.coopdesk", None, Problem.NOT_COOP_FILE),
        ("f-damaged.coopdesk", None, Problem.DAMAGED),
        ("g-empty.coopdesk", None, Problem.NOT_COOP_FILE),
        ("h-foreign.coopdesk", None, Problem.FOREIGN),
    ]
    assert [r.members for r in found.rows[:3]] == [4, 2, 2]
    assert {r.kind.value for r in found.rows[:3]} == {"general"}  # type: ignore[union-attr]
    old, newer = found.rows[3], found.rows[4]
    assert problem_text(old) == ("Saved by an older version of CoopDesk (schema 0004): open it once to "
                                 "update it.")
    assert "newer version of CoopDesk (schema 0999)" in problem_text(newer)
    assert old.opens and not newer.opens and not found.rows[6].opens
    assert all(problem_text(r) for r in found.problems)


def test_the_member_count_is_the_register_on_the_day(folder, sqlite_template, tmp_path):
    path = make_coop_file(tmp_path / "one.coopdesk", sqlite_template, "하나협동조합", members=5)
    db = open_database(path)
    coop_id = 1
    joins = TODAY + dt.timedelta(days=30)  # recorded on the day of the admission, read back as of TODAY
    add_member(db, coop_id, MemberDetails("내년에 가입", "소비자"), joined_on=joins, today=joins)
    expected = count_on_register(db, coop_id, TODAY)
    db.close()

    (row,) = overview(path, TODAY).rows  # a single co-op file may be given too
    assert row.members == expected == 5
    (later,) = overview(path, TODAY + dt.timedelta(days=31)).rows
    assert later.members == 6


def test_reading_changes_nothing_in_the_folder_and_makes_nothing_beside_the_files(folder):
    before = state_of(folder)
    overview(folder, TODAY)
    overview(folder, TODAY)
    assert state_of(folder) == before  # the same files, bytes and times: no -wal, no -shm, no mark


def test_an_old_file_is_never_upgraded(folder):
    overview(folder, TODAY)
    assert (folder / "c-old.coopdesk").read_bytes() == OLD_FILE.read_bytes()


def test_a_file_open_in_another_program_is_read_through_its_wal_and_left_as_it_is(folder):
    path = folder / "a-햇살.coopdesk"
    holder = subprocess.Popen([sys.executable, str(HOLDER), str(path), "늦게 온 조합원"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[3])
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
        assert wal.stat().st_size > 0  # the new member is in the -wal, not yet in the file
        listing = sorted(p.name for p in folder.iterdir())
        main_file, wal_file = state_of(folder)[path.name], (wal.read_bytes(), wal.stat().st_mtime_ns)
        shm_size = shm.stat().st_size

        found = overview(folder, TODAY)

        assert found.rows[0].members == 5  # the committed member, seen through the -wal
        assert sorted(p.name for p in folder.iterdir()) == listing
        assert state_of(folder)[path.name] == main_file
        assert (wal.read_bytes(), wal.stat().st_mtime_ns) == wal_file
        # The -shm is the writer's shared memory: a reader only marks its place there.
        assert shm.stat().st_size == shm_size
    finally:
        holder.communicate("", timeout=60)
    assert holder.returncode == 0


def test_a_file_with_no_co_op_yet_says_so(tmp_path, sqlite_template):
    path = copy_sqlite_template(sqlite_template, tmp_path / "빈.coopdesk")
    (row,) = overview(tmp_path, TODAY).rows
    assert row.source == str(path) and row.problem is Problem.NO_COOP and not row.opens


def test_a_folder_that_cannot_be_read_is_an_error_not_an_empty_overview(tmp_path):
    with pytest.raises(FileNotFoundError):
        overview(tmp_path / "없는 폴더", TODAY)


def test_progress_is_told_per_file_and_stopping_stops(folder):
    seen: list[tuple[int, int]] = []
    overview(folder, TODAY, progress=lambda done, total: seen.append((done, total)) is None)
    assert seen[0] == (0, 8) and seen[-1] == (8, 8) and len(seen) == 9

    with pytest.raises(Cancelled):
        overview(folder, TODAY, progress=lambda done, total: done < 2)
    with pytest.raises(Cancelled):
        overview(folder, TODAY, cancelled=lambda: True)


def test_a_file_that_cannot_be_read_is_listed_with_the_reason(folder):
    if os.geteuid() == 0:
        pytest.skip("root reads every file whatever its mode")
    path = folder / "a-햇살.coopdesk"
    path.chmod(0)
    try:
        row = overview(folder, TODAY).rows[0]
    finally:
        path.chmod(0o600)
    assert row.problem is Problem.UNREADABLE
    assert problem_text(row) == "CoopDesk cannot read this file: you do not have the right to use it."


def test_a_file_written_during_a_quiet_read_is_read_again_through_its_wal(tmp_path, sqlite_template):
    from coopdesk.services.overview.snapshot import read_quietly

    path = copy_sqlite_template(sqlite_template, tmp_path / "written.coopdesk")
    writer = sqlite3.connect(path)
    seen: list[int] = []

    def read(conn: sqlite3.Connection) -> int:
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if not seen:  # another program writes while the first, lock-free read is under way
            writer.execute("CREATE TABLE written_meanwhile (x)")
            writer.commit()
        seen.append(tables)
        return int(tables)

    try:
        assert read_quietly(path, read) == seen[0] + 1  # the second read, through the -wal, sees it
        assert len(seen) == 2
    finally:
        writer.close()
