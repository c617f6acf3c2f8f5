"""The overview of one database holding several co-ops: a co-op file, or the suite's real
PostgreSQL server, read in a transaction that cannot write."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from coopdesk.domain.members.details import MemberDetails
from coopdesk.services.coops import create_coop
from coopdesk.services.members.member import add_member
from coopdesk.services.overview import Problem, overview
from coopdesk.services.overview.connections import on_server
from tests.conftest import TODAY, sample_profile


@pytest.fixture
def server_db(postgres_server, postgres_template):  # noqa: ANN001, ANN201
    """A database at the current schema on the suite's real PostgreSQL server, opened."""
    from coopdesk.services.files import open_database

    name = "t_" + uuid.uuid4().hex[:16]
    database = open_database(postgres_server.create_database(name, template=postgres_template))
    yield database
    database.close()
    postgres_server.drop_database(name)


def two_coops(db) -> list[int]:  # noqa: ANN001
    ids = []
    for name, members in (("햇살마을협동조합", 3), ("달빛돌봄사회적협동조합", 6)):
        coop = create_coop(db, sample_profile(name=name), adopted_on=dt.date(2025, 1, 1))
        for i in range(members):
            add_member(db, coop.id, MemberDetails(f"조합원{i}", "소비자"), joined_on=dt.date(2025, 2, 1))
        ids.append(coop.id)
    return ids


def test_two_co_ops_of_one_database_are_two_rows(db):
    ids = two_coops(db)
    target = str(db.path) if db.is_sqlite else db.url  # the open file itself, or the server

    found = overview(target, TODAY)

    assert [(r.coop_id, r.name, r.members, r.problem) for r in found.rows] == [
        (ids[0], "햇살마을협동조합", 3, None), (ids[1], "달빛돌봄사회적협동조합", 6, None)]
    assert all(r.opens and r.target == target for r in found.rows)


@pytest.mark.postgresql
def test_the_server_is_read_in_a_read_only_transaction(server_db):
    db = server_db
    two_coops(db)
    with on_server(db.url) as conn:
        assert conn.execute(text("SHOW transaction_read_only")).scalar() == "on"
        with pytest.raises(DBAPIError) as refused:
            conn.execute(text("UPDATE coop SET name = 'x'"))
    assert getattr(refused.value.orig, "sqlstate", None) == "25006"  # read_only_sql_transaction
    assert {r.name for r in overview(db.url, TODAY).rows} == {"햇살마을협동조합", "달빛돌봄사회적협동조합"}


@pytest.mark.postgresql
def test_a_server_database_from_an_older_program_shows_the_names_only(server_db):
    db = server_db
    two_coops(db)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0004'"))

    found = overview(db.url, TODAY)

    assert [(r.name, r.problem, r.members) for r in found.rows] == [
        ("햇살마을협동조합", Problem.OLDER, None), ("달빛돌봄사회적협동조합", Problem.OLDER, None)]
    with db.engine.connect() as conn:  # never upgraded by the overview
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0004"
