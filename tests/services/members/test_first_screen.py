"""The first screen, read without SQLAlchemy, shows what the ordinary services read.

``read_first_screen`` serves only a co-op file the ordinary open would open as it is,
holding one co-op; everything else (PostgreSQL too) goes the ordinary way: None here.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import replace
from pathlib import Path

from coopdesk import paths
from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.members.standing import EventKind, MemberStatus
from coopdesk.services.coop_info import bylaws_to_dict
from coopdesk.services.coops import create_coop, get_coop
from coopdesk.services.files import list_backups, open_database
from coopdesk.services.members.first_screen import read_first_screen, read_register
from coopdesk.services.members.listing import list_members
from coopdesk.services.members.member import add_member, record_event
from coopdesk.store.models import BylawsVersion
from tests.conftest import sample_profile

TODAY = dt.date.today()
OLD_FILE = Path(__file__).resolve().parents[2] / "data" / "coop-0004.coopdesk"


def _register(db, coop_id: int) -> None:
    """Members in every standing the list shows: current, applicant, withdrawing, gone."""
    day = TODAY - dt.timedelta(days=400)
    for number, name in enumerate(("김민준", "이서연", "박도윤", "최하은", "정지호"), start=1):
        add_member(db, coop_id, MemberDetails(name, "소비자", phone=f"010-1234-000{number}",
                                              birth_date=dt.date(1980, 1, number)),
                   joined_on=None if number == 2 else day, applied_on=day if number == 2 else None)
    record_event(db, coop_id, 3, EventKind.WITHDRAWAL_NOTICE, TODAY - dt.timedelta(days=3))
    record_event(db, coop_id, 4, EventKind.WITHDRAWAL_NOTICE, TODAY - dt.timedelta(days=200))  # in effect
    record_event(db, coop_id, 5, EventKind.DECEASED, TODAY - dt.timedelta(days=10))


def _amend_bylaws(db, coop_id: int) -> None:
    """Version 2 in force since yesterday; version 3 adopted but not yet reported, so not in force."""
    settings = bylaws_to_dict(replace(get_coop(db, coop_id).bylaws, notice_days=10))
    with db.write() as s:
        for version, effective in ((2, TODAY - dt.timedelta(days=1)), (3, None)):
            s.add(BylawsVersion(coop_id=coop_id, version=version, adopted_on=TODAY - dt.timedelta(days=30),
                                effective_on=effective, settings=settings | {"notice_days": 10 + version}))


def test_the_first_screen_is_what_the_services_read(sqlite_db):
    coop = create_coop(sqlite_db, sample_profile(), adopted_on=TODAY - dt.timedelta(days=500))
    _register(sqlite_db, coop.id)
    _amend_bylaws(sqlite_db, coop.id)
    assert sqlite_db.path is not None
    first = read_first_screen(str(sqlite_db.path), members_up_to=100)
    assert first is not None
    assert first.coop == get_coop(sqlite_db, coop.id)
    assert (first.coop.bylaws_version, first.coop.bylaws.notice_days) == (2, 12)
    assert first.members == list_members(sqlite_db, coop.id) and first.total == 5
    assert [m.status for m in first.members] == [MemberStatus.MEMBER, MemberStatus.APPLICANT,
                                                 MemberStatus.WITHDRAWING, MemberStatus.WITHDRAWN,
                                                 MemberStatus.DECEASED]
    assert first.members[3].left_on == TODAY - dt.timedelta(days=170)  # the notice's 30 days are over


def test_a_register_larger_than_asked_for_is_counted_then_read_whole(sqlite_db):
    coop = create_coop(sqlite_db, sample_profile())
    _register(sqlite_db, coop.id)
    assert sqlite_db.path is not None
    first = read_first_screen(str(sqlite_db.path), members_up_to=4)
    assert first is not None and first.members is None and first.total == 5
    assert read_register(first) == list_members(sqlite_db, coop.id)


def test_a_postgresql_database_is_opened_the_ordinary_way(db, coop):
    if db.is_sqlite:
        assert db.path is not None
        assert read_first_screen(db.url.removeprefix("sqlite:///"), members_up_to=10) is not None
    assert read_first_screen(db.url, members_up_to=10) is None  # any URL: the ordinary open


def test_a_file_with_several_co_ops_or_none_is_left_to_the_ordinary_open(sqlite_db):
    assert sqlite_db.path is not None
    assert read_first_screen(str(sqlite_db.path), members_up_to=10) is None  # no co-op yet: the wizard
    create_coop(sqlite_db, sample_profile())
    create_coop(sqlite_db, sample_profile(name="달빛협동조합"))
    assert read_first_screen(str(sqlite_db.path), members_up_to=10) is None  # which one: the user says


def test_files_the_ordinary_open_would_change_or_refuse_are_not_read_and_not_touched(tmp_path):
    old = tmp_path / "old.coopdesk"  # schema 0004: to be upgraded, after a backup
    shutil.copyfile(OLD_FILE, old)
    letter = tmp_path / "letter.coopdesk"
    letter.write_text("Dear members,")
    for path in (old, letter, tmp_path / "missing.coopdesk", tmp_path):
        before = path.read_bytes() if path.is_file() else None
        assert read_first_screen(str(path), members_up_to=10) is None
        assert (path.read_bytes() if path.is_file() else None) == before
    assert not any(paths.backups_dir().iterdir())  # no backup: nothing was going to change yet


def test_the_first_read_writes_nothing_and_leaves_the_backup_on_open_to_the_ordinary_open(sqlite_db):
    coop = create_coop(sqlite_db, sample_profile())
    _register(sqlite_db, coop.id)
    sqlite_db.complete_file()
    path = sqlite_db.path
    assert path is not None
    sqlite_db.close()
    before = path.read_bytes()
    assert read_first_screen(str(path), members_up_to=10) is not None
    assert path.read_bytes() == before
    db = open_database(path, backup_on_open=True)
    try:
        assert len(list_backups(db)) == 1  # the file as it was found, made by the ordinary open
    finally:
        db.close()
