"""The `coopdesk` command when the file, the disk or the server fails: plain words, no traceback, no data.

Each case is provoked for real, in a real process: a read-only co-op file, a damaged
page in the file, a disk that fills up during an import, a URL of a database CoopDesk
does not speak, and on PostgreSQL two writers taking the same member number.  Each must
end with a short message in the user's language and the documented exit status, with no
Python traceback, and without the member's name, phone or address anywhere the user or
the log sees: the log (in the user data folder) gets the detail without those values.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coopdesk.i18n import Translator
from tests.cli.conftest import SAMPLE_INIT, Result, run_process
from tests.support.read_only import read_only

NAME, PHONE, ADDRESS = "홍길동", "010-5555-6666", "서울특별시 종로구 비밀로 7"
NEW_MEMBER = ("member", "add", "--name", NAME, "--type", "소비자", "--phone", PHONE, "--address", ADDRESS)
KO = Translator("ko")


def log_text(home: Path) -> str:
    log = home / "logs" / "coopdesk.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


def assert_plain(result: Result, home: Path, code: int) -> None:
    """Exit ``code``, a message, no traceback, and none of the member's values anywhere."""
    assert result.code == code, (result.out, result.err)
    assert result.err.strip()
    seen = result.out + result.err + log_text(home)
    assert "Traceback" not in result.out + result.err
    assert "[parameters:" not in seen and "[SQL:" not in seen
    for value in (NAME, PHONE, ADDRESS):
        assert value not in seen


def korean(message_id: str) -> str:
    """The Korean the user must see (a message id missing from the Korean catalog fails here)."""
    text = KO.gettext(message_id)
    assert text != message_id, f"not translated into Korean yet: {message_id!r}"
    return text


@pytest.fixture(scope="module")
def _made_by_the_command(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("made") / "햇살.coopdesk"
    for args in (SAMPLE_INIT, ("member", "add", "--name", "김하늘", "--type", "소비자"),
                 ("member", "add", "--name", "이바다", "--type", "생산자")):
        made = run_process("--db", target, *args)
        assert made.code == 0, made.err
    return target


@pytest.fixture
def coop_with_members(_made_by_the_command: Path, tmp_path: Path) -> Path:
    """A co-op file at the current schema holding two members, closed (made once by the real
    command, then copied: each test damages its own copy)."""
    target = tmp_path / _made_by_the_command.name
    shutil.copyfile(_made_by_the_command, target)
    return target


# -- a read-only co-op file --------------------------------------------------------------

def test_writing_to_a_read_only_file_says_so_plainly(coop_with_members, user_home):
    with read_only(coop_with_members):
        with pytest.raises(PermissionError):  # the test's premise: the file really is read-only
            coop_with_members.open("ab").close()
        result = run_process("--db", coop_with_members, *NEW_MEMBER)
        listed = run_process("--db", coop_with_members, "--json", "member", "list")
    assert_plain(result, user_home, 1)
    assert "read-only" in result.err and "Nothing was saved" in result.err
    assert [m["name"] for m in listed.json()] == ["김하늘", "이바다"]  # reading still works
    log = log_text(user_home)
    assert "SQLITE_READONLY" in log and "while: member add" in log
    assert "SQL: UPDATE coop SET next_member_number" in log  # the statement, not its values


def test_a_read_only_file_in_korean(coop_with_members, user_home):
    with read_only(coop_with_members):
        result = run_process("--db", coop_with_members, "--language", "ko", *NEW_MEMBER)
    assert_plain(result, user_home, 1)
    from coopdesk.services.failures import MESSAGES, Trouble

    assert korean(MESSAGES[Trouble.READ_ONLY]) in result.err
    assert "read-only" not in result.err


# -- a damaged page ---------------------------------------------------------------------

def _page_size_and_root(path: Path, table: str) -> tuple[int, int]:
    with sqlite3.connect(path) as conn:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?",
                            (table,)).fetchone()[0]
    conn.close()
    return size, root


def _damage_page(path: Path, page: int, size: int) -> None:
    with path.open("r+b") as fh:
        fh.seek(size * (page - 1))
        fh.write(b"\xde\xad\xbe\xef" * (size // 4))


def test_a_damaged_page_of_the_register_is_reported_not_dumped(coop_with_members, user_home):
    size, root = _page_size_and_root(coop_with_members, "member")
    _damage_page(coop_with_members, root, size)  # the member table's own page: opening still works
    added = run_process("--db", coop_with_members, *NEW_MEMBER)
    assert_plain(added, user_home, 1)
    assert "damaged" in added.err and "backup" in added.err
    log = log_text(user_home)
    assert "SQLITE_CORRUPT" in log
    # the statement that met the damage (the look for a member already on the register), without
    # the values it carried (assert_plain)
    assert "SQL: SELECT member.number, member.name" in log and "FROM member" in log

    listed = run_process("--db", coop_with_members, "--language", "ko", "--json", "member", "list")
    assert_plain(listed, user_home, 1)
    from coopdesk.services.failures import MESSAGES, Trouble

    assert korean(MESSAGES[Trouble.DAMAGED]) in listed.err
    assert listed.json()["problem"] == "damaged"  # scripts get it too, on stdout


def test_garbage_over_page_two_is_a_damaged_file(coop_with_members, user_home):
    """Page 2 holds the start of the schema: the file cannot even be opened. Still a file that cannot be read."""
    size, _root = _page_size_and_root(coop_with_members, "member")
    _damage_page(coop_with_members, 2, size)
    result = run_process("--db", coop_with_members, "--language", "ko", "member", "list")
    assert_plain(result, user_home, 1)
    from coopdesk.services.failures import MESSAGES, Trouble

    assert korean(MESSAGES[Trouble.DAMAGED]) in result.err
    assert "malformed" not in result.err  # SQLite's English words stay in the log
    assert "SQLITE_CORRUPT" in log_text(user_home)


# -- a full disk during an import ---------------------------------------------------------

def _members_csv(path: Path, rows: int) -> Path:
    lines = ["이름,유형,전화,주소,가입일"]
    lines += [f"{NAME}{i},소비자,{PHONE[:-4]}{i:04d},{ADDRESS} {i}호,2025-03-01" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _mount_works(folder: Path) -> bool:
    if not shutil.which("unshare") or not sys.platform.startswith("linux"):
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c", f"mount -t tmpfs -o size=64k tmpfs '{folder}'"],
                           capture_output=True, check=False)
    return probe.returncode == 0


def test_a_disk_that_fills_up_during_an_import(coop_with_members, user_home, tmp_path):
    """A small disk of its own (a tmpfs in a private mount namespace) holds the co-op file."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if not _mount_works(disk):
        pytest.skip("mounting a small tmpfs (unshare -m) is not permitted here; see the file-size-limit case")
    source = _members_csv(tmp_path / "members.csv", 3000)
    after = tmp_path / "after.coopdesk"
    room = coop_with_members.stat().st_size + 48 * 1024
    script = (f"mount -t tmpfs -o size={room} tmpfs '{disk}' && cp '{coop_with_members}' '{disk}/c.coopdesk' && "
              f"'{sys.executable}' -m coopdesk --db '{disk}/c.coopdesk' --language ko member import '{source}'; "
              f"code=$?; cp '{disk}/c.coopdesk' '{after}'; exit $code")
    done = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True,
                          encoding="utf-8", env={**os.environ, "LANG": "C.UTF-8"}, timeout=120, check=False)
    result = Result(done.returncode, done.stdout, done.stderr)
    assert_plain(result, user_home, 1)
    from coopdesk.services.failures import MESSAGES, Trouble

    assert korean(MESSAGES[Trouble.DISK_FULL]) in result.err
    assert "SQLITE_FULL" in log_text(user_home)
    with sqlite3.connect(after) as conn:  # nothing of the import, the file intact
        assert conn.execute("SELECT count(*) FROM member").fetchone()[0] == 2
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_file_size_limit_during_an_import(coop_with_members, user_home, tmp_path):
    """The same with the process's file size limit (RLIMIT_FSIZE): works for any user, anywhere on Linux."""
    import resource

    source = _members_csv(tmp_path / "members.csv", 3000)
    limit = coop_with_members.stat().st_size + 64 * 1024

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = subprocess.run([sys.executable, "-m", "coopdesk", "--db", str(coop_with_members), "member", "import",
                           str(source)], capture_output=True, text=True, encoding="utf-8", preexec_fn=limited,
                          env={**os.environ, "LANG": "C.UTF-8"}, timeout=120, check=False)
    result = Result(done.returncode, done.stdout, done.stderr)
    assert_plain(result, user_home, 1)
    assert "Nothing was saved" in result.err
    assert [m["name"] for m in run_process("--db", coop_with_members, "--json", "member", "list").json()] == [
        "김하늘", "이바다"]


# -- a database CoopDesk does not speak ----------------------------------------------------

@pytest.mark.parametrize("url", ["mysql://x/y", "mysql+pymysql://user:secret@host/coop", "oracle://a/b"])
def test_a_url_of_another_database_is_a_usage_error(url, user_home, tmp_path):
    result = run_process("--db", url, "member", "list")
    assert result.code == 2, result.err
    assert "Traceback" not in result.err and "secret" not in result.err
    assert "postgresql+psycopg://" in result.err


def test_a_url_of_another_database_in_korean(user_home):
    result = run_process("member", "list", "--db", "mysql://x/y", "--language", "ko")
    assert result.code == 2, result.err
    assert "Traceback" not in result.err
    expected = korean("CoopDesk cannot open a \u201c{scheme}://\u201d database. --db takes a co-op file "
                      "(a path) or a PostgreSQL server (postgresql+psycopg://user@host/name).")
    assert expected.format(scheme="mysql") in result.err


def test_postgresql_as_people_write_it_is_opened_with_psycopg(cli, database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("a server URL")
    plain = database_url.replace("postgresql+psycopg://", "postgresql://", 1)
    assert cli("--db", plain, *SAMPLE_INIT).code == 0
    assert cli("--db", database_url, "--json", "coop", "show").json()["name"] == "햇살마을협동조합"


# -- PostgreSQL: two writers, one member number --------------------------------------------

@pytest.mark.postgresql
def test_a_unique_key_race_on_postgresql_is_a_plain_refusal(postgres_server, user_home):
    """Another writer holds the next member number, uncommitted; ours waits, then loses the race."""
    import psycopg

    name = "t_cli_race"
    url = postgres_server.create_database(name)
    try:
        assert run_process("--db", url, *SAMPLE_INIT).code == 0
        assert run_process("--db", url, "member", "add", "--name", "김하늘", "--type", "소비자").code == 0
        other = psycopg.connect(host=postgres_server.host, port=postgres_server.port, user=postgres_server.user,
                                dbname=name)
        try:
            columns = [r[0] for r in other.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'member' "
                "AND column_name NOT IN ('id', 'number') ORDER BY ordinal_position")]
            listed = ", ".join(columns)
            copied = ", ".join(f"m.{c}" for c in columns)
            # The number our process is about to take, written by the other laptop, not yet committed.
            other.execute(f"INSERT INTO member (number, {listed}) SELECT c.next_member_number, {copied} "
                          "FROM member m JOIN coop c ON c.id = m.coop_id WHERE m.number = 1")
            racing = _start([sys.executable, "-m", "coopdesk", "--db", url, "--language", "ko", *NEW_MEMBER])
            _wait_until_blocked(postgres_server, name, racing)
            other.commit()
            out, err = racing.communicate(timeout=60)
        finally:
            other.close()
        result = Result(racing.returncode, out, err)
        assert_plain(result, user_home, 3)
        from coopdesk.services.failures import MESSAGES, Trouble

        assert korean(MESSAGES[Trouble.CONFLICT]) in result.err
        log = log_text(user_home)
        assert "SQLSTATE 23505" in log and "uq_member_coop_number" in log
        assert "SQL: INSERT INTO member" in log and "Key (" not in log  # never PostgreSQL's DETAIL line
        numbers = run_process("--db", url, "--json", "member", "list").json()
        assert NAME not in [m["name"] for m in numbers]  # nothing of ours was saved
    finally:
        postgres_server.drop_database(name)


def _start(args: list[str]) -> subprocess.Popen[str]:
    environment = {**os.environ, "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                            env=environment)


def _wait_until_blocked(server, database: str, process: subprocess.Popen[str]) -> None:
    """Until the process's insert waits for our uncommitted row (PostgreSQL's lock wait)."""
    import psycopg

    deadline = time.monotonic() + 60
    with psycopg.connect(host=server.host, port=server.port, user=server.user, dbname=database,
                         autocommit=True) as watcher:
        while time.monotonic() < deadline:
            waiting = watcher.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s "
                                      "AND wait_event_type = 'Lock'", (database,)).fetchone()[0]
            if waiting:
                return
            if process.poll() is not None:
                raise AssertionError(f"the process ended before the race: {process.communicate()}")
            time.sleep(0.02)
    raise AssertionError("the process never waited for the other writer's row")


# -- files the command writes -------------------------------------------------------------

def test_a_file_that_cannot_be_made_is_said_in_korean(cli, tmp_path, user_home):
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    result = cli("--language", "ko", "--db", tmp_path / "a-file" / "new.coopdesk", *SAMPLE_INIT)
    assert result.code == 1, result.err
    assert korean("a part of the path is not a folder") in result.err
    assert "Not a directory" not in result.err


# -- a bug ------------------------------------------------------------------------------

def test_an_unexpected_error_points_to_the_log(coop_with_members, user_home):
    """A file changed behind CoopDesk's back (a column renamed): not a case the program knows."""
    with sqlite3.connect(coop_with_members) as conn:
        conn.execute("ALTER TABLE member RENAME COLUMN phone TO telephone")
    conn.close()
    result = run_process("--db", coop_with_members, "--json", *NEW_MEMBER)
    assert_plain(result, user_home, 1)
    log_file = user_home / "logs" / "coopdesk.log"
    assert "did not expect" in result.err and str(log_file) in result.err
    assert result.json()["problem"] == "bug"
    log = log_text(user_home)
    assert "SQLITE_ERROR" in log and "no such column: member.phone" in log  # SQLite's words, no values
    assert "SQL: SELECT member.number, member.name" in log and "coopdesk/services/members/" in log
