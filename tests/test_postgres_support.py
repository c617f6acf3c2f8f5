"""The test PostgreSQL server is real, and its databases are really separate."""

from __future__ import annotations

import sys

import pytest
import sqlalchemy as sa

# The fixtures come from tests/conftest.py. Should it not have loaded them,
# load them here, as a plugin (not by importing the names, which would give
# this module a second session-scoped server of its own).
if "tests.support.databases" not in sys.modules:
    pytest_plugins = ["tests.support.databases"]


def _engine(url: str) -> sa.Engine:
    return sa.create_engine(url, poolclass=sa.pool.NullPool)


@pytest.mark.postgresql
def test_server_is_postgresql_and_databases_are_isolated(postgres_server):
    url_a = postgres_server.create_database("t_isolation_a")
    url_b = postgres_server.create_database("t_isolation_b")
    a, b = _engine(url_a), _engine(url_b)
    try:
        assert url_a.startswith("postgresql+psycopg://")
        with a.connect() as conn:
            version = conn.execute(sa.text("SELECT version()")).scalar_one()
            assert version.startswith("PostgreSQL "), version
            assert conn.execute(sa.text("SELECT current_database()")).scalar_one() == "t_isolation_a"

        with a.begin() as conn:
            conn.execute(sa.text("CREATE TABLE member (id integer PRIMARY KEY, name text NOT NULL)"))
            conn.execute(sa.text("INSERT INTO member VALUES (1, '김하나')"))

        # Committed, and visible through a new connection to the same database ...
        with a.connect() as conn:
            assert conn.execute(sa.text("SELECT name FROM member")).scalars().all() == ["김하나"]

        # ... but the other database has neither the table nor the row.
        with b.connect() as conn:
            assert conn.execute(sa.text("SELECT current_database()")).scalar_one() == "t_isolation_b"
            assert sa.inspect(conn).get_table_names() == []
        with b.begin() as conn:
            conn.execute(sa.text("CREATE TABLE member (id integer PRIMARY KEY, name text NOT NULL)"))
            assert conn.execute(sa.text("SELECT count(*) FROM member")).scalar_one() == 0
    finally:
        a.dispose()
        b.dispose()
        postgres_server.drop_database("t_isolation_a")
        postgres_server.drop_database("t_isolation_b")


@pytest.mark.postgresql
def test_drop_database_removes_it_even_with_open_connections(postgres_server):
    url = postgres_server.create_database("t_dropped")
    engine = sa.create_engine(url)  # pooled: a connection stays open
    with engine.connect() as conn:
        conn.execute(sa.text("SELECT 1"))
    postgres_server.drop_database("t_dropped")
    engine.dispose()
    with _engine(postgres_server.url("postgres")).connect() as conn:
        names = conn.execute(sa.text("SELECT datname FROM pg_database")).scalars().all()
    assert "t_dropped" not in names


def test_database_url_is_a_fresh_empty_database(database_url, request):
    kind = request.node.callspec.params["database_url"]
    engine = _engine(database_url)
    try:
        assert engine.dialect.name == kind
        with engine.begin() as conn:
            assert sa.inspect(conn).get_table_names() == []
            conn.execute(sa.text("CREATE TABLE member (id integer PRIMARY KEY)"))
            conn.execute(sa.text("INSERT INTO member VALUES (1)"))
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM member")).scalar_one() == 1
    finally:
        engine.dispose()
