"""Migration 0009 (elections) on a file with data: everything kept, the election tables made
with their secrecy — no row numbers on SQLite, no changes to a ballot, no ballot outside voting."""

import shutil
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from coopdesk.store import schema
from coopdesk.store.engine import make_engine

DATA = Path(__file__).resolve().parents[1] / "data" / "coop-0004.coopdesk"
TABLES = {"election", "election_contest", "election_candidate", "election_voted", "election_ballot",
          "election_tally_entry"}
KEPT = ("member", "meeting", "agenda_item", "officer_term", "audit_entry", "meeting_check_in", "item_vote")


def migrate(url: str, revision: str) -> None:
    engine = make_engine(url)
    config = Config()
    config.set_main_option("script_location", str(schema.MIGRATIONS_DIR))
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
    finally:
        engine.dispose()


def counts(url: str) -> dict[str, int]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in KEPT}
    finally:
        engine.dispose()


def test_a_file_with_data_at_0008_is_upgraded_to_0009_with_nothing_lost(tmp_path):
    path = tmp_path / "coop.coopdesk"
    shutil.copyfile(DATA, path)
    url = f"sqlite:///{path.as_posix()}"
    migrate(url, "0008")
    before = counts(url)
    assert before["member"] > 0 and before["item_vote"] > 0
    migrate(url, "0009")
    assert counts(url) == before
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "0009"
            assert TABLES <= set(inspect(conn).get_table_names())
            for table in ("election_voted", "election_ballot"):
                sql = conn.execute(text("SELECT sql FROM sqlite_master WHERE name = :t"), {"t": table}).scalar_one()
                assert sql.rstrip().endswith("WITHOUT ROWID")
            assert {c["name"] for c in inspect(conn).get_columns("election_ballot")} == {"id", "contest_id", "marks"}
        _ballots_only_while_voting(engine)
    finally:
        engine.dispose()


def _ballots_only_while_voting(engine) -> None:
    """On the migrated data: an election on the old file's first item, a contest, its ballots."""
    with engine.begin() as conn:
        item = conn.execute(text("SELECT id FROM agenda_item ORDER BY id LIMIT 1")).scalar_one()
        conn.execute(text("INSERT INTO election (id, coop_id, item_id, voting, committee) "
                          "VALUES (1, 1, :i, 'screen', '[]')"), {"i": item})
        conn.execute(text("INSERT INTO election_contest (id, election_id, position, office, seats, round, state) "
                          "VALUES (1, 1, 1, 'director', 3, 1, 'open')"))
    ballot = text("INSERT INTO election_ballot (id, contest_id, marks) VALUES (:id, 1, '{}')")
    with pytest.raises(DBAPIError, match="not open for voting"), engine.begin() as conn:
        conn.execute(ballot, {"id": "a" * 32})
    with engine.begin() as conn:
        conn.execute(text("UPDATE election_contest SET state = 'voting' WHERE id = 1"))
        conn.execute(ballot, {"id": "b" * 32})
    with pytest.raises(DBAPIError, match="never changed"), engine.begin() as conn:
        conn.execute(text("UPDATE election_ballot SET marks = '{\"m\":[1]}'"))
    with pytest.raises(DBAPIError), engine.begin() as conn:
        conn.execute(ballot, {"id": "short"})  # a key is 32 hexadecimal digits


def test_the_program_opens_the_file_through_0009_and_its_results_read_as_before(tmp_path):
    from coopdesk.services.files import open_database
    from coopdesk.services.meetings.readings import meeting_results

    path = tmp_path / "coop.coopdesk"
    shutil.copyfile(DATA, path)
    migrate(f"sqlite:///{path.as_posix()}", "0008")
    db = open_database(path)
    try:
        assert schema.current_revision(db.engine) == schema.HEAD
        results = meeting_results(db, 1, 1)
        assert [(r.yes, r.no, r.passed) for r in results] == [(7, 1, True), (7, 1, True), (7, 1, True), (6, 1, True)]
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    finally:
        db.close()


def test_an_empty_database_at_0008_takes_0009(database_url):
    migrate(database_url, "0008")
    migrate(database_url, "0009")
    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            assert TABLES <= set(inspect(conn).get_table_names())
            keys = inspect(conn).get_pk_constraint("election_voted")["constrained_columns"]
            assert keys == ["contest_id", "member_id"]
    finally:
        engine.dispose()
