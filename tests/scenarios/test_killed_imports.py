"""Imports are all rows or none, also when the program is killed (SIGKILL) while it writes.

``coopdesk member import`` of 20,000 rows and ``coopdesk capital import`` of thousands of
subscriptions with their payments, each killed at random moments of its transaction: the
file afterwards is sound, its audit log verifies, and it holds every row of the import
with the import's audit entry, or none of them.
"""

from __future__ import annotations

import sys

import pytest

from tests.scenarios.imports import capital_csv, coop_with_members, members_csv, new_coop
from tests.scenarios.kills import kill_many, one

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")

MEMBERS = 20_000
HOLDERS = 1_500  # members whose subscription and payment the capital import enters


def test_a_member_import_killed_midway_imports_every_row_or_none(tmp_path):
    template = tmp_path / "empty.coopdesk"
    new_coop(template)
    source = members_csv(tmp_path / "members.csv", MEMBERS)

    def imported(path) -> str:
        found = (one(path, "SELECT count(*) FROM member"), one(path, "SELECT count(*) FROM member_event"),
                 one(path, "SELECT count(*) FROM audit_entry WHERE action = 'member.import'"))
        if found == (0, 0, 0):
            return "none"
        assert found == (MEMBERS, MEMBERS, 1), found
        assert one(path, "SELECT max(number) FROM member") == MEMBERS
        return "all"

    kill_many(template, tmp_path, ["member", "import", str(source)], imported, name="member import", kills=4)


def test_a_capital_import_killed_midway_enters_every_row_or_none(tmp_path):
    template = tmp_path / "members.coopdesk"
    coop_with_members(template, tmp_path, HOLDERS)
    source = capital_csv(tmp_path / "capital.csv", range(1, HOLDERS + 1))

    def entered(path) -> str:
        found = (one(path, "SELECT count(*) FROM capital_entry"),
                 one(path, "SELECT coalesce(sum(amount), 0) FROM capital_entry"),
                 one(path, "SELECT count(*) FROM audit_entry WHERE action = 'capital.import'"))
        if found == (0, 0, 0):
            return "none"
        assert found == (2 * HOLDERS, HOLDERS * 100_000, 1), found
        return "all"

    kill_many(template, tmp_path, ["capital", "import", str(source)], entered, name="capital import", kills=3)
