"""pytest fixtures giving the store and service tests a database.

Use them from ``tests/conftest.py`` with one line::

    pytest_plugins = ["tests.support.databases"]

(``tests`` must be importable: true under ``python -m pytest`` from the
repository root, which is how ``tests/run`` runs; for a bare ``pytest`` add
``pythonpath = ["."]`` to ``[tool.pytest.ini_options]``.)

Fixtures:

``database_url``
    A fresh, *empty* database per test, as a SQLAlchemy URL: for tests of
    what the program does with a database it has never seen (creating the
    schema, the wizard on an empty database, ``init``). Parametrized: every
    test using it runs twice, ``[sqlite]`` against a temporary SQLite file
    and ``[postgresql]`` against a new database on the shared real
    PostgreSQL server (marked ``postgresql``, so ``-m "not postgresql"``
    leaves it out). The PostgreSQL database is dropped after the test.

``migrated_database_url``
    The same, parametrized the same way, but the database is already at the
    current schema (and holds no co-op): a copy of a template the program
    migrated once per run (``sqlite_template``, ``postgres_template``). This
    is what the ``db`` fixture opens. A copy takes about 1 ms (SQLite) or
    50 ms (PostgreSQL, ``CREATE DATABASE ... TEMPLATE``) where running every
    migration took about 40 ms and 100-150 ms per test.

``sqlite_template`` / ``postgres_template``
    Session scope: a co-op file, and a database on the shared server, made by
    the program's own ``open_database`` on an empty one (so the schema is
    exactly what the program makes), then closed. Never handed to a test to
    use directly: tests get copies (``copy_sqlite_template``,
    ``CREATE DATABASE ... TEMPLATE``). The SQLite template is read-only and
    the PostgreSQL one refuses connections, so nothing can change them.

``postgres_server``
    The one ``PostgresServer`` of the whole run (session scope), started the
    first time a test needs it. Skipped when no PostgreSQL binaries exist,
    unless ``COOPDESK_REQUIRE_POSTGRESQL=1`` (set by ``.ci/run``), which
    makes that a failure.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
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
    """A fresh, empty database (see the module's docstring)."""
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


# -- databases already at the current schema ---------------------------------

_SIDECARS = ("-wal", "-shm", "-journal")


def _sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _built_by_the_program(url: str, home: Path) -> None:
    """Open the empty database at *url* the way the program does (creating the schema), then close it."""
    from coopdesk.services.files import open_database
    from coopdesk.store import schema

    # A session fixture runs before the per-test user folder is set up; should
    # opening ever write anything there (it does not on an empty database),
    # it goes to a folder of its own, never to the real user's.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COOPDESK_HOME", str(home))
        db = open_database(url)
        try:
            revision = schema.current_revision(db.engine)
            if db.is_sqlite:
                with db.engine.connect() as conn:
                    # Everything into the main file, and the -wal emptied.
                    busy, _, _ = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
                    if busy:
                        raise RuntimeError(f"the template file could not be checkpointed: {url}")
        finally:
            db.close()  # disposes the engine: no connection stays open
    if revision != schema.HEAD:
        raise RuntimeError(f"the template is at schema {revision}, not {schema.HEAD}: {url}")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One co-op file at the current schema, closed, with no -wal or -shm beside it."""
    folder = tmp_path_factory.mktemp("sqlite-template")
    path = folder / "template.coopdesk"
    _built_by_the_program(f"sqlite:///{path.as_posix()}", folder / "home")
    # The last connection closed checkpoints the WAL and removes -wal and -shm;
    # a copy of the main file alone is then the whole database.
    left = [_sidecar(path, s).name for s in _SIDECARS if _sidecar(path, s).exists()]
    if left:
        raise RuntimeError(f"the template file was not closed cleanly: {left} remain beside {path}")
    with sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True) as conn:
        journal = conn.execute("PRAGMA journal_mode").fetchone()[0]
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
    conn.close()
    if journal != "wal" or check != "ok":
        raise RuntimeError(f"the template file is not as the program makes it: journal {journal}, {check}")
    # Read-only: a test that wrote to it would fail instead of spoiling every later copy
    # (except as root, which ignores the mode; the tests only ever get copies anyway).
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    return path


def copy_sqlite_template(template: Path, target: Path) -> Path:
    """A byte copy of the template file at *target* (a new file: it must not exist)."""
    if target.exists() or any(_sidecar(target, s).exists() for s in _SIDECARS):
        raise FileExistsError(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, target)  # content only: the copy is writable
    return target


@pytest.fixture(scope="session")
def postgres_template(postgres_server: PostgresServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The name of one database at the current schema on the shared server, closed to connections."""
    name = "tpl_" + uuid.uuid4().hex[:16]
    url = postgres_server.create_database(name)
    try:
        _built_by_the_program(url, tmp_path_factory.mktemp("postgres-template-home"))
        postgres_server.freeze_template(name)
        yield name
    finally:
        postgres_server.drop_database(name)


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgresql),
    ]
)
def migrated_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database at the current schema (see the module's docstring)."""
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        path = copy_sqlite_template(template, tmp_path / "coop.sqlite")
        yield f"sqlite:///{path.as_posix()}"
        return
    # Looked up only here, so a run of sqlite tests never starts a server.
    server: PostgresServer = request.getfixturevalue("postgres_server")
    template_name: str = request.getfixturevalue("postgres_template")
    name = "t_" + uuid.uuid4().hex[:16]
    url = server.create_database(name, template=template_name)
    try:
        yield url
    finally:
        server.drop_database(name)
