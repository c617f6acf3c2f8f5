"""The schema comes from Alembic migrations, agrees with the models, and is protected."""

import json

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.config import Config
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from coopdesk.domain.errors import Refusal
from coopdesk.services.files import open_database
from coopdesk.store import schema
from coopdesk.store.models import Base


def test_known_revisions_are_exactly_the_migration_scripts():
    config = Config()
    config.set_main_option("script_location", str(schema.MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(config)
    revisions = [r.revision for r in reversed(list(script.walk_revisions()))]
    assert tuple(revisions) == schema.KNOWN_REVISIONS
    assert script.get_current_head() == schema.HEAD


def test_migrations_build_what_the_models_describe(db):
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_a_file_from_a_newer_program_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "future.coopdesk"
    db = open_database(path)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.close()
    before = path.read_bytes()
    with pytest.raises(Refusal, match="newer version of CoopDesk") as exc:
        open_database(path)
    assert exc.value.params["revision"] == "9999"
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_coop_file_is_refused(tmp_path):
    path = tmp_path / "letter.coopdesk"
    path.write_text("Dear members, " * 500, encoding="utf-8")
    with pytest.raises(Refusal, match="not a CoopDesk co-op file"):
        open_database(path)
    assert path.read_text(encoding="utf-8").startswith("Dear members")


def test_a_foreign_sqlite_database_is_refused(tmp_path):
    import sqlite3

    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (id INTEGER)")
    with pytest.raises(Refusal, match="not a CoopDesk co-op file"):
        open_database(path)


def test_sqlite_pragmas_are_in_force(sqlite_db):
    with sqlite_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1  # deleted content zeroed


def test_the_audit_log_refuses_edits_and_deletes(db, coop):
    for statement in ("UPDATE audit_entry SET actor = 'mallory'", "DELETE FROM audit_entry"):
        with pytest.raises(Exception, match="append-only"):
            with db.engine.begin() as conn:
                conn.execute(text(statement))
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_entry WHERE actor = 'mallory'")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM audit_entry")).scalar() >= 1


def test_member_numbers_are_unique_per_coop_in_the_database(db, coop):
    from coopdesk.domain.members.details import MemberDetails
    from coopdesk.services.members.member import add_member
    import datetime as dt

    add_member(db, coop.id, MemberDetails("김민준", "소비자"), joined_on=dt.date(2025, 1, 1))
    with pytest.raises(IntegrityError):
        with db.engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO member (coop_id, number, name, member_type_id, phone, email, address, notes) "
                "SELECT coop_id, number, '이서연', member_type_id, '', '', '', '' FROM member"))


def test_blank_names_and_dangling_types_are_refused_by_the_database(db, coop):
    with pytest.raises(IntegrityError):
        with db.engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO member (coop_id, number, name, member_type_id, phone, email, address, notes) "
                "VALUES (:c, 99, '   ', (SELECT min(id) FROM member_type), '', '', '', '')"), {"c": coop.id})
    with pytest.raises(IntegrityError):
        with db.engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO member (coop_id, number, name, member_type_id, phone, email, address, notes) "
                "VALUES (:c, 98, '박지호', 424242, '', '', '', '')"), {"c": coop.id})


def test_an_unknown_standard_title_code_is_refused_by_the_database(db, coop):
    import datetime as dt

    from coopdesk.domain.meetings.kinds import MeetingKind
    from coopdesk.services.meetings.meeting import MeetingInput, create_meeting

    meeting = create_meeting(db, coop.id, MeetingInput(MeetingKind.ORDINARY_ASSEMBLY, "총회", dt.date(2026, 3, 28)),
                             with_standard_agenda=True)
    for statement in ("UPDATE agenda_item SET title_code = 'nonsense' WHERE meeting_id = :m",
                      "INSERT INTO agenda_item (meeting_id, position, subject, title, proposal, kind, discussion, "
                      "closed, heard, title_code) VALUES (:m, 99, 'other', 'x', '', 'ordinary', '', false, false, "
                      "'nonsense')"):
        with pytest.raises(IntegrityError):
            with db.engine.begin() as conn:
                conn.execute(text(statement), {"m": meeting.id})
    with db.engine.begin() as conn:  # a known code is taken
        conn.execute(text("UPDATE agenda_item SET title_code = 'audit_report' WHERE meeting_id = :m AND position = 2"),
                     {"m": meeting.id})


def test_a_file_from_the_first_version_is_upgraded_with_a_backup_made_first(tmp_path):
    """A co-op file saved before the officer register gains it on open; its members stay."""

    from alembic import command
    from sqlalchemy import inspect

    from coopdesk import paths
    from coopdesk.services.members.listing import list_members
    from coopdesk.store.backup import Reason, list_backups
    from coopdesk.store.database import Database

    path = tmp_path / "old.coopdesk"
    old = Database(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(schema.MIGRATIONS_DIR))
    with old.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    coop = _first_version_coop(old)  # written as that version wrote it: today's models have more columns
    assert not inspect(old.engine).has_table("officer_term")
    old.close()

    db = open_database(path)
    try:
        assert schema.current_revision(db.engine) == schema.HEAD == schema.KNOWN_REVISIONS[-1]
        assert inspect(db.engine).has_table("officer_term") and inspect(db.engine).has_table("meeting")
        assert [(r.number, r.name) for r in list_members(db, coop.id)] == [(1, "김민준"), (2, "이서연")]
    finally:
        db.close()
    backups = list_backups(path, paths.backups_dir())
    assert [b.reason for b in backups] == [Reason.UPGRADE]
    saved = Database(f"sqlite:///{backups[0].path}")
    try:  # the backup is the file as it was: still at the first version, members and all
        assert schema.current_revision(saved.engine) == "0001"
        with saved.engine.connect() as conn:  # read as that version holds it: today's list reads newer columns
            names = conn.execute(text("SELECT name FROM member WHERE coop_id = :c ORDER BY number"),
                                 {"c": coop.id}).scalars().all()
        assert names == ["김민준", "이서연"]
    finally:
        saved.close()


def _first_version_coop(old):
    """A co-op with two members as schema 0001 held them, in plain SQL."""
    from types import SimpleNamespace

    from coopdesk.domain.coop import BylawsSettings
    from coopdesk.services.coops import bylaws_to_dict

    settings = json.dumps(bylaws_to_dict(BylawsSettings()))
    with old.engine.begin() as conn:
        conn.execute(text("INSERT INTO coop (id, name, kind, governing_law, main_office, fiscal_year_start_month, "
                          "next_member_number, created_at) VALUES (1, '햇살마을협동조합', 'general', "
                          "'framework_act', '서울특별시 마포구', 1, 3, '2024-01-01 09:00:00')"))
        conn.execute(text("INSERT INTO bylaws_version (coop_id, version, adopted_on, effective_on, settings, note) "
                          "VALUES (1, 1, '2024-01-01', '2024-01-01', :s, '')"), {"s": settings})
        conn.execute(text("INSERT INTO member_type (id, coop_id, name, position) VALUES (1, 1, '소비자', 1)"))
        for number, name in ((1, "김민준"), (2, "이서연")):
            conn.execute(text("INSERT INTO member (coop_id, number, name, member_type_id, phone, email, address, "
                              "notes, joined_on) VALUES (1, :n, :name, 1, '', '', '', '', '2024-03-01')"),
                         {"n": number, "name": name})
            conn.execute(text("INSERT INTO member_event (member_id, kind, occurred_on, note, recorded_at) "
                              "SELECT id, 'admitted', '2024-03-01', '', '2024-03-01 09:00:00' FROM member "
                              "WHERE number = :n"), {"n": number})
    return SimpleNamespace(id=1)
