"""The commands scripts run again and again — ``member list``, ``meeting results``, ``audit
verify`` — start only what they need: on a co-op file they read it without the database
layer (no SQLAlchemy, no Qt, no reportlab, no openpyxl) and leave it as it was; on a server,
or when the file needs the ordinary open, they answer as before."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

READS = [("member", "list"), ("meeting", "results", "1", "--json"), ("audit", "verify")]
HEAVY = ("PySide6", "reportlab", "openpyxl")
# What the command loaded, printed after its own output.
PROBE = ("import sys; from coopdesk.cli import main; code = main(sys.argv[1:]);"
         "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {names!r})));"
         "sys.exit(code)")


@pytest.fixture
def demo_file(cli, coop_file: Path) -> Path:
    """The demo's co-op: 15 members, officers, and last year's assembly closed with signed minutes."""
    made = cli("--db", coop_file, "demo")
    assert made.code == 0, made.err
    return coop_file


def loaded(path: Path, words: tuple[str, ...], names: tuple[str, ...]) -> set[str]:
    """The modules of these packages that ``coopdesk --db path words`` loaded, run as its own process."""
    script = "import json; " + PROBE.format(names=set(names))
    done = subprocess.run([sys.executable, "-c", script, "--db", str(path), *words], capture_output=True,
                          text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def packages(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


@pytest.mark.parametrize("words", READS, ids=" ".join)
def test_a_read_loads_neither_qt_nor_reportlab_nor_openpyxl(demo_file, words):
    assert packages(loaded(demo_file, words, HEAVY)) == set()


@pytest.mark.parametrize("words", READS, ids=" ".join)
def test_a_read_of_a_co_op_file_does_not_load_the_database_layer(demo_file, words):
    assert packages(loaded(demo_file, words, ("sqlalchemy", "alembic"))) == set()


def test_a_command_builds_only_its_own_area(demo_file):
    cli_modules = {m for m in loaded(demo_file, ("member", "list"), ("coopdesk",)) if m.startswith("coopdesk.cli.")}
    assert cli_modules == {"coopdesk.cli.common", "coopdesk.cli.members", "coopdesk.cli.members.commands",
                           "coopdesk.cli.members.files", "coopdesk.cli.members.consent"}


def test_the_areas_are_listed_as_when_every_area_is_built():
    from coopdesk.cli import AREAS, build_parser

    assert build_parser(set()).format_help() == build_parser().format_help()
    assert all(f"    {area} " in build_parser(set()).format_help() for area in AREAS)


def test_the_reads_leave_the_file_as_it_was(cli, demo_file):
    before = hashlib.sha256(demo_file.read_bytes()).hexdigest()
    for words in [*READS, ("member", "list", "--json", "--status", "member"), ("meeting", "results", "1")]:
        done = cli("--db", demo_file, *words)
        assert done.code == 0, done.err
    assert hashlib.sha256(demo_file.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in demo_file.parent.iterdir() if p.name.startswith(demo_file.name)) == [
        demo_file.name]


def test_what_the_reads_say(cli, demo_file):
    listed = cli("--db", demo_file, "member", "list")
    assert listed.code == 0 and "15 members shown." in listed.out
    results = cli("--db", demo_file, "meeting", "results", "1", "--json").json()
    assert [r["item"] for r in results] == [1, 2, 3, 4] and all(r["closed"] for r in results)
    one = cli("--db", demo_file, "meeting", "results", "1", "--item", "2", "--json").json()
    assert one == [results[1]]
    said = cli("--db", demo_file, "meeting", "results", "1")
    assert said.code == 0 and "Item 1." in said.out and "Carried" in said.out
    verified = cli("--db", demo_file, "--json", "audit", "verify").json()
    assert verified["intact"] and verified["entries"] > 0 and verified["differences"] == []


def test_what_the_reads_refuse_is_refused_as_before(cli, demo_file):
    missing = cli("--db", demo_file, "meeting", "results", "9")
    assert missing.code == 3 and "There is no meeting number 9." in missing.err
    no_item = cli("--db", demo_file, "meeting", "results", "1", "--item", "9")
    assert no_item.code == 3 and "has no item 9" in no_item.err
    other = cli("--db", demo_file, "--coop", "5", "member", "list")
    assert other.code == 3 and "no co-op number 5" in other.err
    gone = cli("--db", demo_file.with_name("gone.coopdesk"), "audit", "verify")
    assert gone.code == 2 and "There is no co-op file" in gone.err


def test_an_open_meeting_and_a_second_co_op_take_the_ordinary_path(cli, demo_file):
    made = cli("--db", demo_file, "meeting", "create", "--kind", "ordinary", "--date", "2027-02-27",
               "--standard-agenda")
    assert made.code == 0, made.err
    open_results = cli("--db", demo_file, "meeting", "results", made.out.strip(), "--json").json()
    assert open_results and not any(r["closed"] for r in open_results)
    added = cli("--db", demo_file, "init", "--name", "두번째협동조합", "--office", "마포구 성미산로 12",
                "--add-to-existing")
    assert added.code == 0, added.err
    assert cli("--db", demo_file, "member", "list").code == 3  # which co-op: asked, as before
    first = cli("--db", demo_file, "--coop", "1", "--json", "member", "list").json()
    second = cli("--db", demo_file, "--coop", "2", "--json", "member", "list").json()
    assert (len(first), second) == (15, [])
    assert cli("--db", demo_file, "--coop", "1", "meeting", "results", "1", "--json").json()[0]["closed"]


@pytest.mark.postgresql
def test_on_a_server_the_reads_answer_as_on_a_file(cli, demo_file, postgres_server):
    url = postgres_server.create_database("t_cli_reads")
    try:
        assert cli("--db", url, "demo").code == 0
        for words in [("member", "list", "--json"), ("meeting", "results", "1", "--json")]:
            on_server, on_file = cli("--db", url, *words), cli("--db", demo_file, *words)
            assert on_server.code == 0 and on_server.json() == on_file.json()
        assert cli("--db", url, "--json", "audit", "verify").json()["intact"]
    finally:
        postgres_server.drop_database("t_cli_reads")
