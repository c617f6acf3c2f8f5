"""Booking a year's surplus appropriation, killed (SIGKILL) at random moments while it writes.

Closing the assembly item that passed the appropriation (``coopdesk meeting close``) books
it in the same transaction: every member's dividend stored, the whole shares of each
credited to capital in the ledger, the year marked booked, the item closed, each with its
audit entry.  Killed in the middle, the file holds all of that or none of it: the item
still open, nothing booked.
"""

from __future__ import annotations

import sys

import pytest

from tests.scenarios.imports import surplus_to_book
from tests.scenarios.kills import kill_many, one

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")

MEMBERS = 600  # each gets a dividend and an entry in the ledger: the booking takes a moment


def booked(path) -> str:
    found = (one(path, "SELECT count(*) FROM surplus_dividend"),
             one(path, "SELECT count(*) FROM capital_entry WHERE kind = 'dividend'"),
             one(path, "SELECT count(*) FROM surplus_dividend WHERE entry_id IS NOT NULL"),
             one(path, "SELECT booked_on FROM surplus_year"),
             one(path, "SELECT count(*) FROM agenda_item WHERE closed"),
             one(path, "SELECT count(*) FROM audit_entry WHERE action IN ('capital.surplus.book', "
                       "'meeting.close_item')"))
    if found == (0, 0, 0, None, 0, 0):
        return "none"
    assert found == (MEMBERS, MEMBERS, MEMBERS, "2026-03-28", 1, 2), found
    return "all"


def test_a_booking_killed_midway_books_every_dividend_or_none(tmp_path):
    template = tmp_path / "assembly.coopdesk"
    meeting, item = surplus_to_book(template, tmp_path, MEMBERS)
    tally = kill_many(template, tmp_path, ["meeting", "close", str(meeting), str(item)], booked,
                      name="surplus booking", kills=4)
    assert tally.mid >= 1
