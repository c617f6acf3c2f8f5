"""The partial unique indexes: the same on SQLite and PostgreSQL, without loading PostgreSQL's
dialect on a co-op file.

``models.PartialUniqueIndex`` declares each dialect's ``where`` only when that dialect asks,
so these tests check both ends: what the migrations built (reflected), what the models
give each dialect's DDL, and that a SQLite process never imports the PostgreSQL dialect.
"""

import re
import subprocess
import sys
import textwrap

from sqlalchemy import inspect
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.schema import CreateIndex

from coopdesk.store.models import Base, PartialUniqueIndex

PARTIAL = {ix.name: ix for table in Base.metadata.tables.values() for ix in table.indexes
           if isinstance(ix, PartialUniqueIndex)}


def _plain(sql: object) -> str:
    """A predicate as both databases give it back: PostgreSQL adds parentheses."""
    return re.sub(r"\s+", " ", re.sub(r"[()]", "", str(sql))).strip().lower()


def test_the_models_declare_the_four_partial_indexes_of_the_attendance_rules():
    assert set(PARTIAL) == {"uq_check_in_member_here", "uq_check_in_director_here", "uq_proxy_principal",
                            "uq_proxy_holder"}


def test_each_dialect_gets_the_predicate_in_its_ddl():
    for index in PARTIAL.values():
        for dialect in (sqlite.dialect(), postgresql.dialect()):
            ddl = str(CreateIndex(index).compile(dialect=dialect))
            assert ddl.startswith("CREATE UNIQUE INDEX") and ddl.endswith(f"WHERE {index.predicate}")


def test_the_migrated_database_holds_the_partial_indexes_the_models_declare(db):
    dialect = db.engine.dialect.name
    with db.engine.connect() as conn:
        found = {ix["name"]: ix for table in ("meeting_check_in", "meeting_proxy")
                 for ix in inspect(conn).get_indexes(table)}
    for name, index in PARTIAL.items():
        reflected = found[name]
        assert reflected["unique"] and reflected["column_names"] == [c.name for c in index.columns]
        assert _plain(reflected["dialect_options"][f"{dialect}_where"]) == _plain(index.predicate)
        assert _plain(index.dialect_options[dialect]["where"]) == _plain(index.predicate)


def test_opening_a_coop_file_and_reading_its_members_never_imports_the_postgresql_dialect(sqlite_db):
    code = textwrap.dedent("""
        import sys
        from coopdesk.services.coops import list_coops
        from coopdesk.services.files import open_database
        from coopdesk.services.members.listing import list_members
        import coopdesk.store.models

        db = open_database(sys.argv[1])
        for coop in list_coops(db):
            list_members(db, coop.id)
        db.close()
        print(sorted(m for m in sys.modules if m.startswith("sqlalchemy.dialects.")))
    """)
    assert sqlite_db.path is not None
    out = subprocess.run([sys.executable, "-c", code, str(sqlite_db.path)], capture_output=True, text=True,
                         check=True).stdout
    assert "sqlalchemy.dialects.sqlite" in out
    assert "postgresql" not in out
