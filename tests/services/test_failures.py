"""What went wrong below the rules: real database errors, explained, and logged without their values."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from coopdesk import logs
from coopdesk.services.failures import Trouble, explain, file_reason
from coopdesk.store.database import Database
from tests.conftest import sample_profile

SECRET = "김비밀 010-7777-8888"  # a value that must never reach a log


def _duplicate_member_type(db: Database, coop_id: int) -> IntegrityError:
    """Two member types of one name: the unique key refuses the second, with the name as a parameter."""
    insert = text("INSERT INTO member_type (coop_id, name, position) VALUES (:coop, :name, 9)")
    with db.write() as s:
        s.execute(insert, {"coop": coop_id, "name": SECRET})
    with pytest.raises(IntegrityError) as caught, db.write() as s:
        s.execute(insert, {"coop": coop_id, "name": SECRET})
    return caught.value


def test_a_unique_key_refusal_is_a_conflict_and_its_log_has_no_values(db):
    from coopdesk.services.coops import create_coop

    coop = create_coop(db, sample_profile())
    exc = _duplicate_member_type(db, coop.id)
    assert SECRET in repr(exc.params)  # the premise: the error carries the value (PostgreSQL's DETAIL too)
    failure = explain(exc)
    assert failure is not None and failure.trouble is Trouble.CONFLICT and failure.refused
    report = logs.describe(exc)
    assert SECRET not in report and "김비밀" not in report and "7777" not in report
    assert "SQL: INSERT INTO member_type (coop_id, name, position) VALUES" in report
    if db.is_sqlite:
        assert "SQLITE_CONSTRAINT_UNIQUE" in report
    else:
        assert "SQLSTATE 23505" in report and "uq_member_type_coop_name" in report and "Key (" not in report


def test_a_check_constraint_is_a_bug_not_a_conflict(db):
    from coopdesk.services.coops import create_coop

    coop = create_coop(db, sample_profile())
    with pytest.raises(IntegrityError) as caught, db.write() as s:
        s.execute(text("INSERT INTO member_type (coop_id, name, position) VALUES (:coop, '   ', 9)"),
                  {"coop": coop.id})
    assert explain(caught.value) is None  # the program let a blank name through: a bug, said as one


def test_a_database_coopdesk_does_not_speak():
    for url in ("mysql://x/y", "oracle://a/b", "nosuchdb://a/b"):
        with pytest.raises(Exception) as caught:  # which one depends on SQLAlchemy's dialects
            Database(url)
        failure = explain(caught.value)
        assert failure is not None and failure.trouble is Trouble.UNSUPPORTED, url


def test_a_plain_bug_is_not_explained_away():
    assert explain(ValueError("x")) is None
    assert explain(KeyError("x")) is None


def test_file_reasons_are_words_not_errno():
    import errno

    assert file_reason(OSError(errno.ENOSPC, "No space left on device")) == "the disk is full"
    assert file_reason(OSError(errno.ENOTDIR, "Not a directory", "x/y")) == "a part of the path is not a folder"
    assert file_reason(OSError(errno.ELOOP, "Too many levels")) is None
