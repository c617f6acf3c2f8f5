"""Two laptops at once on one PostgreSQL server: the second check-in or ballot of the same
member is told so in words, as on SQLite, never with a database error."""

import threading

import pytest
from sqlalchemy import text

from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.attendance import Choice
from coopdesk.services.meetings.agenda import list_items
from coopdesk.services.meetings.attendance import attendance_of, check_in
from coopdesk.services.meetings.votes import cast_ballot
from tests.services.meetings.test_meetings import arrive, assembly  # noqa: F401  (fixture)


def _member_id(db, number):
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT id FROM member WHERE number = :n"), {"n": number}).scalar_one()


def _while_another_laptop_holds(db, statement, params, action):
    """Run ``action`` in a thread while another connection has inserted the same row but not yet
    committed; commit it once the action waits on the unique index, and return what the action did."""
    if db.is_sqlite:
        pytest.skip("SQLite runs one writer at a time: the second laptop waits, then reads the first")
    outcome = {}
    with db.engine.connect() as other:
        other.begin()
        other.execute(text(statement), params)

        def run():
            try:
                outcome["value"] = action()
            except Exception as exc:  # noqa: BLE001  (the test asserts which)
                outcome["error"] = exc

        thread = threading.Thread(target=run)
        thread.start()
        thread.join(timeout=1.0)  # it blocks on the uncommitted row of the same unique index
        assert thread.is_alive(), "the second laptop should wait for the first"
        other.commit()
        thread.join(timeout=20)
    return outcome


def test_two_check_ins_of_one_member_at_once(db, coop, assembly):
    outcome = _while_another_laptop_holds(
        db, "INSERT INTO meeting_check_in (meeting_id, member_id, in_at) VALUES (:m, :p, now())",
        {"m": assembly.id, "p": _member_id(db, 3)}, lambda: check_in(db, coop.id, assembly.id, 3))
    assert isinstance(outcome.get("error"), Refusal), outcome
    assert outcome["error"].message == "This member is already checked in."
    assert attendance_of(db, coop.id, assembly.id).in_person == (3,)  # one stay, the first
    assert check_in(db, coop.id, assembly.id, 4).attendance.present == 2  # the rest of the batch goes on


def test_two_ballots_of_one_member_at_once(db, coop, assembly):
    arrive(db, coop, assembly, range(1, 9))
    item = list_items(db, coop.id, assembly.id)[0]
    outcome = _while_another_laptop_holds(
        db, "INSERT INTO item_ballot (item_id, member_id, choice, cast_at) VALUES (:i, :p, 'yes', now())",
        {"i": item.id, "p": _member_id(db, 5)}, lambda: cast_ballot(db, coop.id, item.id, 5, Choice.NO))
    assert isinstance(outcome.get("error"), Refusal), outcome
    assert outcome["error"].message == "This member has already voted on this item."
    after = cast_ballot(db, coop.id, item.id, 6, Choice.YES).item
    assert (after.yes, after.no) == (2, 0)  # member 5's first ballot (yes) held; their "no" was refused
