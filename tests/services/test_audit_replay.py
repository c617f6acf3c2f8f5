"""What the hash chain alone missed: the last entries cut off, the whole log emptied, the chain
recomputed with the program's own hash, a member row edited directly.  The seal, the replay
of the log against the tables, and the mark printed on paper catch them."""

import datetime as dt
import shutil
import sqlite3

from pypdf import PdfReader

from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.members.standing import EventKind
from coopdesk.services import audit
from coopdesk.services.audit import AuditMark, entry_hash
from coopdesk.services.coops import create_coop
from coopdesk.services.demo import create_demo
from coopdesk.services.files import open_database
from coopdesk.services.members.member import add_member, edit_member, get_member, record_event
from tests.conftest import sample_profile

D = dt.date


def _members(db):
    coop = create_coop(db, sample_profile(), adopted_on=D(2025, 1, 1))
    for name in ("김민준", "이서연", "박지호"):
        add_member(db, coop.id, MemberDetails(name, "소비자", phone="010-0000-0000"), joined_on=D(2025, 1, 1))
    return coop


def _tamper(path, *statements):
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TRIGGER IF EXISTS audit_entry_no_update")  # what someone bypassing the program does
        conn.execute("DROP TRIGGER IF EXISTS audit_entry_no_delete")
        for statement in statements:
            conn.execute(statement)


def _rechain(path):
    """Recompute every hash with the program's own function, as a forger with the source would."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT id, at, actor, coop_id, action, entity, entity_key, before, after "
                            "FROM audit_entry ORDER BY id").fetchall()
        prev = audit.GENESIS
        for id_, *fields in rows:
            digest = entry_hash(prev, *fields)
            conn.execute("UPDATE audit_entry SET prev_hash = ?, hash = ? WHERE id = ?", (prev, digest, id_))
            prev = digest
        conn.execute("UPDATE audit_seal SET entries = ?, head = ?", (len(rows), prev))


def test_the_last_entries_cut_off_are_found_by_the_seal(sqlite_db):
    _members(sqlite_db)
    _tamper(sqlite_db.path, "DELETE FROM audit_entry WHERE id > 2")
    report = audit.verify(sqlite_db)
    assert not report.intact and report.params == {"missing": 2} and "seal" in report.problem


def test_an_emptied_log_is_found(sqlite_db):
    _members(sqlite_db)
    _tamper(sqlite_db.path, "DELETE FROM audit_entry")
    report = audit.verify(sqlite_db)
    assert not report.intact and report.entries == 0 and report.params == {"missing": 4}


def test_a_member_row_edited_directly_shows_as_a_difference(db):
    coop = _members(db)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE member SET phone = '010-9999-9999' WHERE number = 2")
    report = audit.verify(db)
    assert not report.intact and report.broken_at is None
    (difference,) = report.differences
    assert (difference.record, difference.field) == ("member 2", "phone")
    assert (difference.logged, difference.stored) == ("010-0000-0000", "010-9999-9999")
    edit_member(db, coop.id, 2, get_member(db, coop.id, 2).details)  # unchanged details write nothing
    assert not audit.verify(db).intact


def test_a_rechained_forgery_passes_the_chain_but_not_the_printed_mark(sqlite_db, tmp_path):
    coop = _members(sqlite_db)
    printed = audit.current_mark(sqlite_db)  # as the foot of the register printed today says
    assert audit.verify(sqlite_db, printed).anchored is True
    _tamper(sqlite_db.path,
            "UPDATE audit_entry SET after = replace(after, '010-0000-0000', '010-1111-1111') WHERE id = 3",
            "UPDATE member SET phone = '010-1111-1111' WHERE number = 2")
    _rechain(sqlite_db.path)
    forged = audit.verify(sqlite_db)
    assert forged.intact  # the chain, the seal and the replay all agree: this is what a forger gets
    against = audit.verify(sqlite_db, AuditMark.parse(printed.text()))
    assert not against.intact and against.anchored is False and "does not extend" in against.problem
    add_member(sqlite_db, coop.id, MemberDetails("최다은", "소비자"), joined_on=D(2025, 2, 1))
    assert audit.verify(sqlite_db, AuditMark.parse(printed.text())).anchored is False


def test_a_whole_co_op_year_replays_to_its_tables(db):
    coop = create_demo(db, 15, today=D(2026, 11, 21))  # members, officers, an assembly run to minutes
    record_event(db, coop.id, 3, EventKind.WITHDRAWAL_NOTICE, D(2026, 11, 1), today=D(2026, 11, 21))
    report = audit.verify(db)
    assert report.intact, report.differences
    later = audit.verify(db, report.mark)
    assert later.anchored is True


def test_the_old_file_replays_after_its_migration(tmp_path):
    from pathlib import Path

    path = tmp_path / "old.coopdesk"
    shutil.copyfile(Path(__file__).resolve().parents[1] / "data" / "coop-0004.coopdesk", path)
    db = open_database(path)
    try:
        report = audit.verify(db)
        assert report.intact, report.differences
    finally:
        db.close()


def test_final_papers_carry_the_mark_and_it_verifies(db, tmp_path):
    from coopdesk.services.members.printing import print_register

    coop = _members(db)
    mark = audit.current_mark(db)
    out = print_register(db, coop.id, tmp_path / "r.pdf", "en", as_of=D(2026, 1, 1))
    text = "".join(p.extract_text() for p in PdfReader(out.path).pages)
    assert f"Audit log {mark.text()}" in text
    assert audit.verify(db, AuditMark.parse(mark.text())).anchored is True
    assert AuditMark.parse(" 4:" + mark.head[:12].upper() + " ").head == mark.head[:12]
