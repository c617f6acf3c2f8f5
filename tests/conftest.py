"""Shared fixtures: a private user data folder per test, real databases, a sample co-op."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt  # noqa: E402

import pytest  # noqa: E402

from coopdesk import i18n  # noqa: E402
from coopdesk.domain.coop import BylawsSettings, CoopKind, CoopProfile, GoverningLaw  # noqa: E402
from tests.support.databases import (  # noqa: E402,F401
    copy_sqlite_template,
    database_url,
    migrated_database_url,
    postgres_server,
    postgres_template,
    sqlite_template,
)

TODAY = dt.date(2026, 11, 21)


@pytest.fixture(autouse=True)
def user_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Each test gets its own user data folder, so nothing leaks between tests."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("COOPDESK_HOME", str(home))
    i18n.set_language("en")
    return home


def sample_profile(**changes: object) -> CoopProfile:
    values: dict[str, object] = dict(
        name="햇살마을협동조합", kind=CoopKind.GENERAL, governing_law=GoverningLaw.FRAMEWORK_ACT,
        main_office="서울특별시 마포구 성미산로 10", fiscal_year_start_month=1,
        member_types=("소비자", "생산자"), bylaws=BylawsSettings(),
    )
    values.update(changes)
    return CoopProfile(**values)  # type: ignore[arg-type]


@pytest.fixture
def db(migrated_database_url: str):
    """A fresh co-op database, SQLite file or PostgreSQL, at the current schema.

    A copy of a template the program migrated once per run, opened the way the
    program opens it (the schema version is checked; nothing left to migrate).
    """
    from coopdesk.services.files import open_database

    database = open_database(migrated_database_url)
    yield database
    database.close()


@pytest.fixture
def sqlite_db(tmp_path, sqlite_template):
    """A fresh co-op file at the current schema (a copy of the template), opened."""
    from coopdesk.services.files import open_database

    database = open_database(copy_sqlite_template(sqlite_template, tmp_path / "coop.coopdesk"))
    yield database
    database.close()


@pytest.fixture
def coop(db):
    from coopdesk.services.coops import create_coop

    return create_coop(db, sample_profile(), adopted_on=dt.date(2025, 1, 1))
