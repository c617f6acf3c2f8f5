"""pytest fixtures giving the store and service tests a database.

Use them from ``tests/conftest.py`` with one line::

    pytest_plugins = ["tests.support.databases"]

(``tests`` must be importable: true under ``python -m pytest`` from the
repository root, which is how ``tests/run`` runs; for a bare ``pytest`` add
``pythonpath = ["."]`` to ``[tool.pytest.ini_options]``.)

Fixtures:

``database_url``
    A fresh, empty database per test, as a SQLAlchemy URL. Parametrized:
    every test using it runs twice, ``[sqlite]`` against a temporary SQLite
    file and ``[postgresql]`` against a new database on the shared real
    PostgreSQL server (marked ``postgresql``, so ``-m "not postgresql"``
    leaves it out). The PostgreSQL database is dropped after the test.

``postgres_server``
    The one ``PostgresServer`` of the whole run (session scope), started the
    first time a test needs it. Skipped when no PostgreSQL binaries exist,
    unless ``COOPDESK_REQUIRE_POSTGRESQL=1`` (set by ``.ci/run``), which
    makes that a failure.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.postgres import PostgresServer, PostgresUnavailable

REQUIRE_ENV = "COOPDESK_REQUIRE_POSTGRESQL"


def _postgresql_required() -> bool:
    return os.environ.get(REQUIRE_ENV, "").strip() == "1"


def _unavailable(reason: str) -> None:
    if _postgresql_required():
        pytest.fail(f"{reason} ({REQUIRE_ENV}=1: PostgreSQL tests must run here)", pytrace=False)
    pytest.skip(f"{reason}; install PostgreSQL (e.g. apt-get install postgresql) to run these tests")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed (pip install -e '.[test]')")
    try:
        server = PostgresServer()
    except PostgresUnavailable as error:
        _unavailable(str(error))
    server.start()  # a failure here is an error, never a skip: the binaries exist
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgresql),
    ]
)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{(tmp_path / 'coop.sqlite').as_posix()}"
        return
    # Looked up only here, so a run of sqlite tests never starts a server.
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = "t_" + uuid.uuid4().hex[:16]
    url = server.create_database(name)
    try:
        yield url
    finally:
        server.drop_database(name)
