"""`coopdesk overview DIR|URL`: every co-op of a folder or a database, without --db."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.support.coop_files import make_coop_file

OLD_FILE = Path(__file__).resolve().parents[1] / "data" / "coop-0004.coopdesk"


@pytest.fixture
def folder(tmp_path: Path, sqlite_template: Path) -> Path:
    folder = tmp_path / "상담센터"
    folder.mkdir()
    make_coop_file(folder / "햇살.coopdesk", sqlite_template, "햇살마을협동조합", members=4)
    make_coop_file(folder / "두 조합.coopdesk", sqlite_template, "첫째협동조합", "둘째협동조합", members=2)
    (folder / "old.coopdesk").write_bytes(OLD_FILE.read_bytes())
    (folder / "letter.coopdesk").write_text("안녕하세요", encoding="utf-8")
    return folder


def test_the_table_lists_every_co_op_and_says_why_a_file_is_not_shown(cli, folder):
    done = cli("overview", folder, "--today", "2026-11-21")

    assert done.code == 0, done.err  # files not shown in full are in the output, not a failure
    lines = done.out.splitlines()
    assert lines[0] == f"Co-ops in {folder} on Nov 21, 2026:"
    assert lines[1].split()[:4] == ["File", "Co-op", "Kind", "Members"]
    body = "\n".join(lines[3:])
    for name in ("햇살마을협동조합", "첫째협동조합", "둘째협동조합", "마포 햇살마을 먹거리 협동조합"):
        assert name in body
    assert "Saved by an older version of CoopDesk (schema 0004): open it once to update it." in body
    assert "letter.coopdesk" in body and "Not a CoopDesk co-op file, or damaged" in body
    sunny = next(line for line in lines if "햇살마을협동조합" in line)
    assert "General co-op" in sunny and re.search(r"\s4(\s|$)", sunny)
    assert (folder / "old.coopdesk").read_bytes() == OLD_FILE.read_bytes()


def test_json_gives_the_plain_values_of_every_row(cli, folder):
    done = cli("overview", folder, "--json", "--today", "2026-11-21")

    assert done.code == 0, done.err
    found = done.json()
    assert found["today"] == "2026-11-21" and found["target"] == str(folder)
    rows = {(Path(r["file"]).name, r["name"]): r for r in found["coops"]}
    assert len(found["coops"]) == 5
    sunny = rows[("햇살.coopdesk", "햇살마을협동조합")]
    assert (sunny["kind"], sunny["members"], sunny["problem"], sunny["coop_id"]) == ("general", 4, None, 1)
    assert isinstance(sunny["warnings"], list)
    assert rows[("두 조합.coopdesk", "둘째협동조합")]["coop_id"] == 2
    old = rows[("old.coopdesk", "마포 햇살마을 먹거리 협동조합")]
    assert old["problem"] == "older" and old["members"] is None and "open it once" in old["reason"]
    assert rows[("letter.coopdesk", None)]["problem"] == "not_coop_file"


def test_a_folder_that_cannot_be_read_is_exit_1(cli, tmp_path):
    done = cli("overview", tmp_path / "없는 폴더")
    assert done.code == 1
    assert "there is no such file or folder" in done.err


def test_korean_table(cli, folder):
    done = cli("--language", "ko", "overview", folder, "--today", "2026-11-21")
    assert done.code == 0, done.err
    assert "일반협동조합" in done.out
    assert "파일" in done.out.splitlines()[1]


def test_the_command_as_a_program_needs_no_db(folder):
    done = subprocess.run([sys.executable, "-m", "coopdesk", "overview", str(folder), "--json"],
                          capture_output=True, text=True, timeout=120, cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["coops"]) == 5


@pytest.mark.postgresql
def test_a_server_database_of_several_co_ops(cli, postgres_server, postgres_template):
    from coopdesk.services.coops import create_coop
    from coopdesk.services.files import open_database
    from tests.conftest import sample_profile

    name = "t_" + uuid.uuid4().hex[:16]
    url = postgres_server.create_database(name, template=postgres_template)
    try:
        db = open_database(url)
        for coop_name in ("햇살마을협동조합", "달빛돌봄협동조합"):
            create_coop(db, sample_profile(name=coop_name), adopted_on=dt.date(2025, 1, 1))
        db.close()
        plain = url.replace("postgresql+psycopg://", "postgresql://", 1)  # as people write it

        done = cli("overview", plain, "--json", "--today", "2026-11-21")

        assert done.code == 0, done.err
        coops = done.json()["coops"]
        assert [(c["coop_id"], c["name"], c["problem"]) for c in coops] == [
            (1, "햇살마을협동조합", None), (2, "달빛돌봄협동조합", None)]
        assert any(w["key"] == "ordinary_assembly:2025" for w in coops[0]["warnings"])
    finally:
        postgres_server.drop_database(name)


def test_a_server_that_cannot_be_reached_is_exit_1(cli):
    done = cli("overview", "postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=2")
    assert done.code == 1
    assert done.err.startswith("postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=2: Nothing answers at "
                               "127.0.0.1, port 9: the database server could not be reached.")
