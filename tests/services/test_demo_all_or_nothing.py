"""The demo is all or nothing: Cancel or an error at any point leaves none of it.

(A demo process killed at any moment: tests/scenarios/test_killed_demo.py.)
"""

from __future__ import annotations

import pytest

from coopdesk import paths
from coopdesk.domain.errors import Cancelled, Refusal
from coopdesk.services.coops import create_coop, list_coops
from coopdesk.services.demo import create_demo, create_demo_in
from coopdesk.services.files import open_database
from tests.conftest import TODAY, sample_profile


def rows(db, table: str) -> int:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()


def cancel_at(percent: int):
    return lambda done, total: done < percent


@pytest.mark.parametrize("percent", [90, 99])
def test_cancel_after_the_demo_started_writing_leaves_nothing(db, percent):
    with pytest.raises(Cancelled):
        create_demo(db, today=TODAY, progress=cancel_at(percent))
    assert list_coops(db) == []
    for table in ("member", "member_event", "meeting", "officer_term", "audit_entry"):
        assert rows(db, table) == 0, table


def test_a_demo_alone_is_refused_beside_a_co_op_and_adds_nothing(db):
    create_coop(db, sample_profile())
    before = rows(db, "audit_entry")
    with pytest.raises(Refusal, match="already holds a co-op"):
        create_demo(db, today=TODAY, alone=True)
    assert [c.name for c in list_coops(db)] == ["햇살마을협동조합"]
    assert rows(db, "member") == 0 and rows(db, "audit_entry") == before


def test_a_demo_in_a_new_file_appears_complete(user_home):
    made = create_demo_in(None, 20, name="Demo co-op")
    assert made.target == str(paths.coops_dir() / "Demo co-op.coopdesk")
    db = open_database(made.target)
    try:
        assert [c.id for c in list_coops(db)] == [made.result.id] and rows(db, "member") == 20
    finally:
        db.close()


def test_a_cancelled_demo_in_a_new_file_leaves_no_file(tmp_path):
    with pytest.raises(Cancelled):
        create_demo_in(tmp_path / "demo.coopdesk", progress=cancel_at(90))
    assert list(tmp_path.iterdir()) == []
