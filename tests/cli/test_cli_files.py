"""The `coopdesk` command with files: import, export, print, demo, backups, audit, servers."""

from __future__ import annotations

import csv
import sqlite3

import pytest

from tests.cli.conftest import SAMPLE_INIT, run_process

BAD_ROWS = (
    "이름,유형,전화,이메일,가입일\n"
    "김하늘,소비자,010-1234-5678,haneul@example.kr,2025-03-01\n"
    "이바다,없는유형,,,2025-03-02\n"
    "박산,생산자,,not-an-address,2025-03-03\n"
    "최들,소비자,,,2025-02-30\n"
)


def _names(desk) -> list[str]:  # noqa: ANN001
    return [r["name"] for r in desk("--json", "member", "list").json()]


# -- import ---------------------------------------------------------------------------

def test_an_import_with_bad_rows_imports_nothing_and_lists_every_line(desk, tmp_path):
    source = tmp_path / "members.csv"
    source.write_text(BAD_ROWS, encoding="utf-8")
    result = desk("member", "import", source)
    assert result.code == 3
    lines = result.err.splitlines()
    assert lines[0] == "Nothing was imported. Rows with problems: 3."
    assert [line.split(":")[0] for line in lines[1:]] == [  # each problem at its line and column
        "line 3, column B (유형)", "line 4, column D (이메일)", "line 5, column E (가입일)"]
    assert "“없는유형” is not a member type of this co-op" in lines[1]
    assert "“not-an-address” is not an e-mail address." in lines[2]
    assert _names(desk) == []


def test_a_rejected_import_as_json(desk, tmp_path):
    source = tmp_path / "members.csv"
    source.write_text(BAD_ROWS, encoding="utf-8")
    result = desk("--json", "member", "import", source)
    assert result.code == 3
    problems = result.json()["problems"]
    assert [(p["line"], p["field"]) for p in problems] == [(3, "member_type"), (4, "email"), (5, "joined_on")]


def test_a_cp949_file_imports_with_a_column_mapped_by_hand(desk, tmp_path):
    source = tmp_path / "excel.csv"
    source.write_bytes("성명,구분,연락처X,가입\n김하늘,소비자,010-1234-5678,2025-03-01\n이바다,생산자,,2025.3.2\n"
                       .encode("cp949"))
    unmapped = desk("member", "import", source, "--encoding", "cp949")
    assert unmapped.code == 3 and "joining date" in unmapped.err  # "가입" is not a heading it knows
    result = desk("--json", "member", "import", source, "--encoding", "cp949", "--map", "joined_on=가입",
                  "--map", "phone=3")
    assert result.code == 0, result.err
    assert result.json() == {"count": 2, "first_number": 1, "last_number": 2, "skipped": 0}
    rows = desk("--json", "member", "list").json()
    assert [(r["name"], r["phone"], r["joined_on"]) for r in rows] == [
        ("김하늘", "010-1234-5678", "2025-03-01"), ("이바다", "", "2025-03-02")]


def test_import_usage_errors(desk, tmp_path):
    source = tmp_path / "m.csv"
    source.write_text("이름,유형,가입일\n김하늘,소비자,2025-03-01\n", encoding="utf-8")
    assert desk("member", "import", tmp_path / "none.csv").code == 2
    wrong_field = desk("member", "import", source, "--map", "nickname=이름")
    assert wrong_field.code == 2 and "name, member_type" in wrong_field.err
    wrong_column = desk("member", "import", source, "--map", "name=성함")
    assert wrong_column.code == 2 and "이름, 유형, 가입일" in wrong_column.err
    assert _names(desk) == []


REGISTER = (
    "이름,유형,생년월일,전화,가입일\n"
    "김하늘,소비자,1980-05-01,010-1234-5678,2025-03-01\n"
    "이바다,생산자,,010-2222-3333,2025-03-02\n"
)


def test_importing_the_same_file_twice_is_refused_with_the_two_ways_on(desk, tmp_path):
    source = tmp_path / "members.csv"
    source.write_text(REGISTER, encoding="utf-8")
    assert desk("member", "import", source).code == 0
    source.write_text(REGISTER + "박산,소비자,,,2025-03-03\n", encoding="utf-8")
    again = desk("member", "import", source)
    assert again.code == 3
    assert again.err.splitlines() == [
        "Nothing was imported. Rows that match members already on the register: 2; new rows: 1.",
        "line 2: Already on the register: member no. 1, 김하늘 (same name and birth date).",
        "line 3: Already on the register: member no. 2, 이바다 (same phone number).",
        "To import only the new rows, run the command again with --skip-existing; "
        "to import every row anyway, with --allow-duplicates.",
    ]
    assert _names(desk) == ["김하늘", "이바다"]

    skipped = desk("member", "import", source, "--skip-existing")
    assert skipped.code == 0, skipped.err
    assert skipped.out.splitlines() == ["Imported one member: number 3.",
                                        "Skipped 2 rows that match members already on the register."]
    assert _names(desk) == ["김하늘", "이바다", "박산"]
    anyway = desk("--json", "member", "import", source, "--allow-duplicates")
    assert anyway.json() == {"count": 3, "first_number": 4, "last_number": 6, "skipped": 0}
    assert _names(desk) == ["김하늘", "이바다", "박산"] * 2


def test_rows_already_on_the_register_as_json(desk, tmp_path):
    source = tmp_path / "members.csv"
    source.write_text(REGISTER, encoding="utf-8")
    desk("member", "import", source)
    result = desk("--json", "member", "import", source)
    assert result.code == 3
    report = result.json()
    assert [(p["line"], p["member"], p["field"]) for p in report["problems"]] == [
        (2, 1, "birth_date"), (3, 2, "phone")]
    assert report["new"] == 0
    both = desk("member", "import", source, "--skip-existing", "--allow-duplicates")
    assert both.code == 2 and "not allowed with argument" in both.err


# -- export ---------------------------------------------------------------------------

def test_export_writes_what_the_list_shows(desk, tmp_path):
    desk("member", "add", "--name", "김하늘", "--type", "소비자", "--phone", "010-1234-5678")
    desk("member", "add", "--name", "이바다", "--type", "생산자")
    target = tmp_path / "out.csv"
    result = desk("member", "export", target, "--type", "소비자")
    assert result.code == 0, result.err
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == 2 and "김하늘" in rows[1] and "010-1234-5678" in rows[1]
    assert not any("이바다" in row for row in rows)


def test_export_in_cp949_for_older_programs(desk, tmp_path):
    desk("member", "add", "--name", "김하늘", "--type", "소비자")
    target = tmp_path / "old.csv"
    assert desk("member", "export", target, "--encoding", "cp949", "--language", "ko").code == 0
    text = target.read_bytes().decode("cp949")
    assert "김하늘" in text and "소비자" in text


def test_an_exported_workbook_imports_into_a_new_coop(desk, cli, tmp_path):
    desk("member", "add", "--name", "김하늘", "--type", "소비자", "--joined", "2025-03-01", "--email", "a@b.kr")
    desk("member", "add", "--name", "이바다", "--type", "생산자", "--joined", "2025-04-01")
    workbook = tmp_path / "members.xlsx"
    assert desk("member", "export", workbook, "--language", "ko").code == 0
    other = tmp_path / "other.coopdesk"
    assert cli("--db", other, *SAMPLE_INIT).code == 0
    imported = cli("--db", other, "member", "import", workbook)
    assert imported.code == 0, imported.err
    rows = cli("--db", other, "--json", "member", "list").json()
    assert [(r["name"], r["type"], r["joined_on"], r["email"]) for r in rows] == [
        ("김하늘", "소비자", "2025-03-01", "a@b.kr"), ("이바다", "생산자", "2025-04-01", "")]


# -- print ----------------------------------------------------------------------------

def test_print_register_writes_a_pdf_with_the_members(desk, tmp_path):
    from pypdf import PdfReader

    for name, kind in (("김하늘", "소비자"), ("이바다", "생산자"), ("박산", "소비자")):
        desk("member", "add", "--name", name, "--type", kind, "--joined", "2025-03-01")
    target = tmp_path / "register.pdf"
    result = desk("--json", "print", "register", "-o", target, "--language", "ko", "--as-of", "2025-12-31")
    assert result.code == 0, result.err
    reader = PdfReader(target)
    assert result.json()["pages"] == len(reader.pages) >= 1
    text = "\n".join(page.extract_text() for page in reader.pages)
    for name in ("햇살마을협동조합", "김하늘", "이바다", "박산"):
        assert name in text


def test_print_register_with_a_bad_date_is_a_usage_error(desk, tmp_path):
    result = desk("print", "register", "-o", tmp_path / "r.pdf", "--as-of", "31.12.2025")
    assert result.code == 2 and not (tmp_path / "r.pdf").exists()


# -- demo -----------------------------------------------------------------------------

def test_demo_makes_a_coop_with_the_members_asked_for(cli, tmp_path):
    target = tmp_path / "demo.coopdesk"
    made = cli("demo", "--members", "50", "-o", target)
    assert made.code == 0, made.err
    rows = cli("--db", target, "--json", "member", "list").json()
    assert len(rows) == 50 and len({r["number"] for r in rows}) == 50
    assert all(r["name"] and r["type"] for r in rows)
    assert cli("--db", target, "audit", "verify").code == 0


def test_demo_never_writes_into_a_file_with_a_coop(desk, coop_file):
    result = desk("demo", "--members", "5")
    assert result.code == 2 and "already holds a co-op" in result.err
    assert desk("--json", "member", "list").json() == []


# -- backups --------------------------------------------------------------------------

def test_backup_and_restore_round_trip(desk, tmp_path):
    desk("member", "add", "--name", "김하늘", "--type", "소비자")
    made = desk("backup")
    assert made.code == 0, made.err
    backup_file = made.out.strip()
    desk("member", "add", "--name", "이바다", "--type", "생산자")
    assert _names(desk) == ["김하늘", "이바다"]

    listed = desk("--json", "backup", "list").json()
    assert backup_file in [b["file"] for b in listed]

    unconfirmed = desk("restore", backup_file)
    assert unconfirmed.code == 2 and "--yes" in unconfirmed.err
    assert _names(desk) == ["김하늘", "이바다"]  # nothing was overwritten

    restored = desk("--json", "restore", backup_file, "--yes")
    assert restored.code == 0, restored.err
    assert _names(desk) == ["김하늘"]
    safety = restored.json()["safety_backup"]
    assert safety in [b["file"] for b in desk("--json", "backup", "list").json()]
    # The state before the restore is in that safety backup.
    assert [r[0] for r in sqlite3.connect(safety).execute("SELECT name FROM member ORDER BY number")] == [
        "김하늘", "이바다"]


def test_restore_refuses_a_file_that_is_no_backup(desk, tmp_path):
    junk = tmp_path / "junk.coopdesk-backup"
    junk.write_bytes(b"not a database at all" * 100)
    result = desk("restore", junk, "--yes")
    assert result.code == 3 and "not a usable backup" in result.err


# -- audit ----------------------------------------------------------------------------

def test_audit_verify_finds_a_tampered_entry(desk, coop_file):
    for name in ("김하늘", "이바다", "박산"):
        desk("member", "add", "--name", name, "--type", "소비자")
    intact = desk("--json", "audit", "verify")
    assert intact.code == 0
    report = intact.json()
    assert {k: report[k] for k in ("intact", "entries", "broken_at", "problem", "differences")} == {
        "intact": True, "entries": 4, "broken_at": None, "problem": "", "differences": []}
    assert report["mark"].startswith("4:") and len(report["mark"]) == 2 + 12
    anchored = desk("--json", "audit", "verify", "--against", report["mark"]).json()
    assert (anchored["intact"], anchored["anchored"]) == (True, True)
    assert "intact: 4 entries" in desk("audit", "verify").out

    with sqlite3.connect(coop_file) as conn:  # what someone going around the program would do
        conn.execute("DROP TRIGGER audit_entry_no_update")
        conn.execute("UPDATE audit_entry SET after = replace(after, '이바다', '홍길동') WHERE id = 3")
    conn.close()
    broken = desk("audit", "verify")
    assert broken.code == 3
    assert "broken at entry 3" in broken.err and "changed after it was written" in broken.err
    report = desk("--json", "audit", "verify").json()
    assert (report["intact"], report["broken_at"]) == (False, 3)


def test_audit_verify_as_a_process(tmp_path):
    target = tmp_path / "p.coopdesk"
    assert run_process("--db", target, *SAMPLE_INIT).code == 0
    assert run_process("--db", target, "member", "add", "--name", "김하늘", "--type", "소비자").code == 0
    with sqlite3.connect(target) as conn:
        conn.execute("DROP TRIGGER audit_entry_no_delete")
        conn.execute("DELETE FROM audit_entry WHERE id = 1")
    conn.close()
    broken = run_process("--db", target, "audit", "verify")
    assert broken.code == 3 and "entry 2" in broken.err and "removed or changed" in broken.err


# -- a database server ----------------------------------------------------------------

def test_db_takes_a_database_url(cli, database_url):
    assert cli("--db", database_url, *SAMPLE_INIT).code == 0
    assert cli("--db", database_url, "member", "add", "--name", "김하늘", "--type", "소비자").code == 0
    rows = cli("--db", database_url, "--json", "member", "list").json()
    assert [(r["number"], r["name"]) for r in rows] == [(1, "김하늘")]
    assert cli("--db", database_url, "audit", "verify").code == 0


@pytest.mark.postgresql
def test_backups_of_a_server_are_refused(cli, postgres_server):
    url = postgres_server.create_database("t_cli_backup")
    try:
        assert cli("--db", url, *SAMPLE_INIT).code == 0
        result = cli("--db", url, "backup")
        assert result.code == 3 and "pg_dump" in result.err
    finally:
        postgres_server.drop_database("t_cli_backup")
