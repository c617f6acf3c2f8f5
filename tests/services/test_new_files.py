"""Creating co-op files: whole or not at all, never over another's file or co-op.

The races between real processes are in tests/scenarios/test_new_file_races.py; here
the other program is played by the build itself, which makes the file at the very
moment between "the name is free" and "the file takes the name".
"""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from coopdesk.domain.errors import Refusal
from coopdesk.domain.coop import GoverningLaw
from coopdesk.services import files
from coopdesk.services.coops import create_coop, list_coops
from coopdesk.services.files import add_coop, create_coop_in, create_in, open_database
from tests.conftest import sample_profile


def names_in(target) -> list[str]:
    db = open_database(target)
    try:
        return [c.name for c in list_coops(db)]
    finally:
        db.close()


def only_coop_files(folder) -> list[str]:
    """The folder's files: nothing half-made, no temporary name left behind."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm")))


def test_init_makes_a_new_file_holding_the_co_op(tmp_path):
    made = create_coop_in(tmp_path / "sun.coopdesk", sample_profile(), dt.date(2025, 1, 1))
    assert made.target == str(tmp_path / "sun.coopdesk") and made.result.name == "햇살마을협동조합"
    assert names_in(made.target) == ["햇살마을협동조합"]
    assert only_coop_files(tmp_path) == ["sun.coopdesk"]


def test_a_refused_co_op_leaves_no_file_at_all(tmp_path):
    with pytest.raises(Refusal, match="Framework Act"):
        create_coop_in(tmp_path / "credit.coopdesk", sample_profile(governing_law=GoverningLaw("credit")))
    assert only_coop_files(tmp_path) == []


def test_init_refuses_a_database_holding_a_co_op_unless_asked(migrated_database_url):
    create_coop_in(migrated_database_url, sample_profile())
    with pytest.raises(Refusal, match="already holds a co-op") as refused:
        create_coop_in(migrated_database_url, sample_profile(name="두번째협동조합"))
    assert refused.value.field == "add_to_existing" and refused.value.params["name"] == "햇살마을협동조합"
    assert names_in(migrated_database_url) == ["햇살마을협동조합"]
    create_coop_in(migrated_database_url, sample_profile(name="두번째협동조합"), beside_others=True)
    assert names_in(migrated_database_url) == ["햇살마을협동조합", "두번째협동조합"]


def test_a_co_op_goes_into_an_existing_database_holding_none(migrated_database_url):
    made = create_coop_in(migrated_database_url, sample_profile())
    assert names_in(migrated_database_url) == ["햇살마을협동조합"] and made.result.id >= 1


def test_a_file_made_by_another_program_meanwhile_is_never_replaced(tmp_path):
    target = tmp_path / "new.coopdesk"

    def build(db):
        target.write_text("another program's notes", encoding="utf-8")  # the name is taken now
        return add_coop(db, sample_profile())

    with pytest.raises(Refusal, match="not a CoopDesk co-op file"):  # then it is opened as the file it is
        create_in(target, build)
    assert target.read_text(encoding="utf-8") == "another program's notes"
    assert only_coop_files(tmp_path) == ["new.coopdesk"]


def test_a_co_op_file_made_by_another_program_meanwhile_keeps_only_its_co_op(tmp_path):
    target = tmp_path / "new.coopdesk"

    def build(db):
        if not target.exists():  # the other program is quicker by a hair
            create_coop_in(target, sample_profile(name="빠른협동조합"))
        return add_coop(db, sample_profile())

    with pytest.raises(Refusal, match="already holds a co-op"):
        create_in(target, build)
    assert names_in(target) == ["빠른협동조합"]
    assert only_coop_files(tmp_path) == ["new.coopdesk"]


def test_without_a_file_named_the_next_free_name_is_taken(user_home):
    first = create_coop_in(None, sample_profile())
    second = create_coop_in(None, sample_profile())
    assert first.target != second.target
    assert [names_in(m.target) for m in (first, second)] == [["햇살마을협동조합"]] * 2
    assert second.target.endswith("햇살마을협동조합 (2).coopdesk")


def test_opening_a_new_path_makes_an_empty_co_op_file_and_nothing_else(tmp_path):
    db = open_database(tmp_path / "empty.coopdesk")
    try:
        assert list_coops(db) == []
        create_coop(db, sample_profile())
    finally:
        db.close()
    assert only_coop_files(tmp_path) == ["empty.coopdesk"]
    with sqlite3.connect(tmp_path / "empty.coopdesk") as conn:
        assert conn.execute("SELECT count(*) FROM coop").fetchone()[0] == 1
    conn.close()


def test_default_file_names_skip_a_name_taken_by_a_dangling_link(user_home):
    taken = files.default_file_for("햇살마을협동조합")
    taken.symlink_to(user_home / "gone.coopdesk")
    assert files.default_file_for("햇살마을협동조합") != taken


def test_two_inits_at_once_in_one_database_leave_one_co_op(migrated_database_url):
    """The check "no co-op yet" and the new co-op are one transaction no other init slips into
    (SQLite: the write lock from the start; PostgreSQL: the co-op table locked)."""
    import threading

    start = threading.Barrier(4)
    outcomes: list[str] = []

    def init(name: str) -> None:
        start.wait()
        try:
            create_coop_in(migrated_database_url, sample_profile(name=name))
            outcomes.append("made")
        except Refusal as refusal:
            outcomes.append(refusal.field or "")

    threads = [threading.Thread(target=init, args=(f"동시{n}협동조합",)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(outcomes) == ["add_to_existing"] * 3 + ["made"]
    assert len(names_in(migrated_database_url)) == 1
