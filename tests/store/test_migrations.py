"""A co-op file that CoopDesk 0.1 wrote (schema 0004) opens in this version with nothing lost.

``tests/data/coop-0004.coopdesk`` was made by the program at commit 23891bc: the demo co-op
(15 members, a signed ordinary assembly typed in Korean words) and an extraordinary
assembly recorded from an English screen — a late notice "Post, Text message, village
radio", an expulsion, a bylaws amendment and a report, all closed.  The numbers below are
what that program showed for each item.
"""

import datetime as dt
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from coopdesk import i18n, paths
from coopdesk.domain import law
from coopdesk.domain.meetings.agenda import StandardTitle
from coopdesk.domain.meetings.notice import NoticeChannel
from coopdesk.domain.meetings.rules import Rule
from coopdesk.store import schema
from coopdesk.store.backup import Reason, list_backups

DATA = Path(__file__).resolve().parents[1] / "data" / "coop-0004.coopdesk"
COOP = 1

# (meeting, item): members, present, in person, by proxy, yes, no, abstain, passed, rule — as 0.1 showed them
BEFORE = {
    (1, 1): (11, 8, 7, 1, 7, 1, 0, True, Rule.ORDINARY),
    (1, 2): (11, 8, 7, 1, 7, 1, 0, True, Rule.ORDINARY),
    (1, 3): (11, 8, 7, 1, 7, 1, 0, True, Rule.ORDINARY),
    (1, 4): (11, 8, 7, 1, 6, 1, 1, True, Rule.ORDINARY),
    (2, 1): (12, 10, 10, 0, 8, 1, 0, True, Rule.SPECIAL),
    (2, 2): (11, 10, 10, 0, 8, 1, 0, True, Rule.SPECIAL),
    (2, 3): (11, 10, 10, 0, 0, 0, 0, None, None),
}


@pytest.fixture
def old_file(tmp_path):
    path = tmp_path / "햇살마을.coopdesk"
    shutil.copyfile(DATA, path)
    from coopdesk.services.files import open_database

    db = open_database(path)
    yield db, path
    db.close()


def test_the_file_is_upgraded_after_a_backup_of_it_as_it_was(old_file):
    db, path = old_file
    assert schema.current_revision(db.engine) == schema.HEAD
    (backup,) = list_backups(path, paths.backups_dir())
    assert backup.reason is Reason.UPGRADE
    from coopdesk.store.database import Database

    saved = Database(f"sqlite:///{backup.path}")
    try:
        assert schema.current_revision(saved.engine) == "0004"
    finally:
        saved.close()


def test_every_result_reads_as_the_old_program_showed_it(old_file):
    from coopdesk.services.meetings.readings import meeting_results

    db, _ = old_file
    now = {(m, r.item): (r.members, r.present, r.in_person, r.proxies, r.yes, r.no, r.abstain, r.passed, r.rule)
           for m in (1, 2) for r in meeting_results(db, COOP, m)}
    assert now == BEFORE
    expulsion = meeting_results(db, COOP, 2)[0]
    assert expulsion.article == law.SPECIAL_MAJORITY.ref and expulsion.closed
    assert expulsion.explanation.english() == "3 × yes (8) ≥ 2 × present (10)"


def test_the_register_of_the_day_is_kept_once_per_meeting_and_again_after_the_expulsion(old_file):
    from coopdesk.services.meetings.readings import frozen_item
    from coopdesk.store.models import MeetingRollRow

    db, _ = old_file
    with db.read() as s:
        rolls = {m: sorted(len(k) for k, in s.execute(select(MeetingRollRow.keys)
                                                      .where(MeetingRollRow.meeting_id == m)))
                 for m in (1, 2)}
    assert rolls == {1: [11], 2: [11, 12]}
    with db.read() as s:  # found again by the program's own fingerprint: no second copy when an item closes
        from coopdesk.domain.meetings.snapshot import Roll

        for keys, names, digest in s.execute(select(MeetingRollRow.keys, MeetingRollRow.names,
                                                    MeetingRollRow.digest)):
            assert Roll.from_json(keys, names).digest() == digest
    first = frozen_item(db, COOP, 1)
    assert (len(first.room.in_person), len(first.room.represented), len(first.roll.keys)) == (7, 1, 11)


def test_standard_titles_become_codes_said_in_each_language(old_file):
    from coopdesk.services.meetings.agenda import list_items
    from coopdesk.services.meetings.papers import minutes_paper

    db, _ = old_file
    items = list_items(db, COOP, 1)
    assert items[0].title_code is StandardTitle.SETTLEMENT
    assert items[0].title == "Approval of last year's business report and settlement of accounts"
    assert minutes_paper(db, COOP, 1, language="ko").items[0].title == "전년도 사업보고 및 결산 승인"
    typed = list_items(db, COOP, 2)
    assert (typed[2].title, typed[2].title_code) == ("Annual picnic", None)  # typed words stay as typed


def test_notices_keep_how_they_went_out_and_the_late_warning_as_numbers(old_file):
    from coopdesk.services.meetings.notice import list_notices

    db, _ = old_file
    (korean,) = list_notices(db, COOP, 1)
    assert (korean.channels, korean.other, korean.late) == ((NoticeChannel.POST, NoticeChannel.TEXT_MESSAGE), "",
                                                            None)
    (late,) = list_notices(db, COOP, 2)
    assert (late.channels, late.other) == ((NoticeChannel.POST, NoticeChannel.TEXT_MESSAGE), "village radio")
    assert (late.late.days, late.late.days_short, late.late.latest) == (7, 3, dt.date(2026, 9, 11))
    assert late.method_text(i18n.Translator("ko")) == "우편, 문자, village radio"
    assert "3 day(s) late" in late.late_warning and "Sep 11, 2026" in late.late_warning
    i18n.set_language("ko")
    assert "2026. 9. 11." in late.late_warning and "(법 제28조④)" in late.late_warning


def test_the_expulsion_and_the_new_bylaws_keep_the_resolution_that_decided_them(old_file):
    from coopdesk.domain.members.standing import EventKind, MemberStatus
    from coopdesk.services.members.member import event_note, get_member
    from coopdesk.store.models import AgendaItemRow, BylawsVersion

    db, _ = old_file
    expelled = get_member(db, COOP, 13, today=dt.date(2026, 11, 21))
    (event,) = [e for e in expelled.events if e.kind is EventKind.EXPELLED]
    assert (expelled.status, event.note) == (MemberStatus.EXPELLED, "")
    assert (event.resolution.held_on, event.resolution.item) == (dt.date(2026, 9, 19), 1)
    assert event_note(event, i18n.Translator("en")) == "Expelled by resolution of the meeting of Sep 19, 2026, item 1."
    with db.read() as s:
        version = s.execute(select(BylawsVersion).where(BylawsVersion.version == 2)).scalar_one()
        amendment = s.get(AgendaItemRow, version.adopted_by_item_id)
        assert (amendment.title, version.note) == ("Amendment of the bylaws", "")


@pytest.mark.parametrize("language, words", [("ko", "전년도사업보고및결산승인"), ("en", "Approvaloflastyear")])
def test_the_old_minutes_still_print_in_either_language(old_file, tmp_path, language, words):
    from pypdf import PdfReader

    from coopdesk.services.meetings.printing import MeetingPaperKind, print_meeting_paper

    db, _ = old_file
    out = print_meeting_paper(db, COOP, 1, MeetingPaperKind.MINUTES, tmp_path / "m.pdf", language)
    text = "".join(page.extract_text() for page in PdfReader(out.path).pages).replace(" ", "").replace("\n", "")
    assert out.pages >= 1 and words in text


def test_a_stay_or_proxy_of_someone_already_off_the_register_ends_on_upgrade(tmp_path):
    """0.1 dropped such a member on every read of the room; the room now counts its live rows, so
    the upgrade ends them (member 13 was expelled at meeting 2; here they are left checked in, and
    a proxy they gave is left standing, as an expulsion during the meeting left them)."""
    import sqlite3

    from coopdesk.services.files import open_database
    from coopdesk.services.meetings.attendance import attendance_of

    path = tmp_path / "c.coopdesk"
    shutil.copyfile(DATA, path)
    with sqlite3.connect(path) as conn:
        (expelled,) = conn.execute("SELECT id FROM member WHERE number = 13").fetchone()
        (other,) = conn.execute("SELECT id FROM member WHERE number = 14").fetchone()
        conn.execute("INSERT INTO meeting_check_in (meeting_id, member_id, in_at) VALUES (2, ?, '2026-09-19 14:00:00')",
                     (expelled,))
        conn.execute("INSERT INTO meeting_proxy (meeting_id, principal_id, holder_member_id, family_name, "
                      "lives_with_principal, written_proof, note, created_at) VALUES (2, ?, ?, '', 0, 1, '', "
                      "'2026-09-19 13:00:00')", (expelled, other))
    conn.close()
    db = open_database(path)
    try:
        view = attendance_of(db, COOP, 2)
        assert (view.members, view.present, 13 in view.in_person, view.proxies) == (11, 10, False, ())
        with db.read() as s:
            from sqlalchemy import text

            assert s.execute(text("SELECT out_at FROM meeting_check_in WHERE member_id = :m"),
                             {"m": expelled}).scalar() is not None
            assert s.execute(text("SELECT revoked_at FROM meeting_proxy WHERE principal_id = :m"),
                             {"m": expelled}).scalar() is not None
    finally:
        db.close()
