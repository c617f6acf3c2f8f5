"""`coopdesk init` never adds a co-op to a file unasked; `coopdesk copy` writes a complete copy."""

from __future__ import annotations

import sqlite3

import pytest

from coopdesk.services.files import open_database
from tests.cli.conftest import SAMPLE_INIT


def coop_names(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM coop ORDER BY id")]
    finally:
        conn.close()


def test_init_on_a_file_holding_a_co_op_is_refused_unless_asked(desk, cli, coop_file):
    again = cli("--db", coop_file, "init", "--name", "두번째협동조합", "--office", "부산", "--member-type", "조합원")
    assert again.code == 3
    assert "already holds a co-op (햇살마을협동조합)" in again.err and "--add-to-existing" in again.err
    assert coop_names(coop_file) == ["햇살마을협동조합"]
    added = cli("--db", coop_file, "init", "--name", "두번째협동조합", "--office", "부산", "--member-type", "조합원",
                "--add-to-existing")
    assert added.code == 0, added.err
    assert coop_names(coop_file) == ["햇살마을협동조합", "두번째협동조합"]


def test_init_in_an_empty_co_op_file_needs_nothing_more(cli, tmp_path):
    target = tmp_path / "prepared.coopdesk"
    open_database(target).close()  # a co-op file with no co-op yet, as the window leaves one
    assert cli("--db", target, *SAMPLE_INIT).code == 0
    assert coop_names(target) == ["햇살마을협동조합"]


def test_a_demo_goes_into_a_co_op_file_holding_no_co_op(cli, tmp_path):
    target = tmp_path / "prepared.coopdesk"
    open_database(target).close()
    made = cli("--db", target, "--json", "demo", "--members", "12")
    assert made.code == 0, made.err
    assert made.json()["file"] == str(target) and made.json()["members"] == 12
    assert len(cli("--db", target, "--json", "member", "list").json()) == 12


def test_an_empty_file_is_refused_and_left_empty(cli, tmp_path):
    target = tmp_path / "empty.coopdesk"
    target.touch()
    for args in (("member", "list"), SAMPLE_INIT, ("demo",)):
        result = cli("--db", target, *args)
        assert result.code == 3, (args, result.err)
        assert "empty file, not a CoopDesk co-op file" in result.err
    assert target.stat().st_size == 0 and [p.name for p in tmp_path.iterdir()] == ["empty.coopdesk"]


def test_copy_writes_a_complete_copy_that_opens(desk, cli, tmp_path):
    desk("member", "add", "--name", "김하늘", "--type", "소비자")
    target = tmp_path / "usb" / "copy.coopdesk"
    made = desk("--json", "copy", target)
    assert made.code == 0, made.err
    assert made.json()["copy"] == str(target)
    assert [r["name"] for r in cli("--db", target, "--json", "member", "list").json()] == ["김하늘"]
    said = desk("copy", tmp_path / "second.coopdesk")
    assert said.code == 0 and f"as {tmp_path / 'second.coopdesk'}" in said.out


def test_copy_replaces_a_file_only_with_replace(desk, tmp_path):
    target = tmp_path / "copy.coopdesk"
    target.write_text("keep me", encoding="utf-8")
    refused = desk("copy", target)
    assert refused.code == 3 and "There is already a file at" in refused.err
    assert target.read_text(encoding="utf-8") == "keep me"
    assert desk("copy", target, "--replace").code == 0
    assert coop_names(target) == ["햇살마을협동조합"]


@pytest.mark.postgresql
def test_copy_of_a_server_database_says_pg_dump(cli, postgres_server, tmp_path):
    url = postgres_server.create_database("t_cli_copy")
    try:
        assert cli("--db", url, *SAMPLE_INIT).code == 0
        result = cli("--db", url, "copy", tmp_path / "copy.coopdesk")
        assert result.code == 3 and "pg_dump" in result.err
        assert list(tmp_path.iterdir()) == []
    finally:
        postgres_server.drop_database("t_cli_copy")
