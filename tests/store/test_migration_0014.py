"""Migration 0014 (the consent date on the member) on a file with data: the column added, empty for
every member already on the register, the member table's triggers kept; and taken off again."""

import shutil

from sqlalchemy import inspect, text

from coopdesk.store.engine import make_engine
from tests.store.test_migration_0009 import DATA, counts, migrate


def columns(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return {c["name"] for c in inspect(engine).get_columns("member")}
    finally:
        engine.dispose()


def triggers(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                         "AND tbl_name = 'member'")).scalars())
    finally:
        engine.dispose()


def test_the_consent_column_is_added_empty_with_nothing_lost(tmp_path):
    path = tmp_path / "coop.coopdesk"
    shutil.copyfile(DATA, path)
    url = f"sqlite:///{path.as_posix()}"
    migrate(url, "0013")
    before, kept = counts(url), triggers(url)
    assert "privacy_consent_on" not in columns(url) and before["member"] > 0
    migrate(url, "0014")
    assert "privacy_consent_on" in columns(url)
    assert counts(url) == before and triggers(url) == kept
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM member WHERE privacy_consent_on IS NOT NULL")).scalar_one() == 0
    finally:
        engine.dispose()
