"""The README's way through an assembly, on its officer-election item: a yes-or-no ballot is
refused with the command that sets up the election (Act 34), and a file where one was recorded
anyway is recovered with ``meeting clear-vote``, after which the election is set up."""

from __future__ import annotations

import sqlite3

import pytest


def ok(result):
    assert result.code == 0, result.err
    return result


@pytest.fixture
def assembly(desk):
    for n in range(1, 13):
        ok(desk("member", "add", "--name", f"조합원{n:02d}", "--type", "소비자", "--joined", "2025-01-10"))
    ok(desk("meeting", "create", "--kind", "ordinary", "--date", "2026-03-28", "--time", "14:00", "--place",
            "조합 사무실", "--chair", "조합원01", "--title", "2026년 정기총회", "--standard-agenda"))
    ok(desk("meeting", "check-in", "1", *map(str, range(1, 11))))
    items = ok(desk("meeting", "show", "1", "--json")).json()["items"]
    return desk, next(i["item"] for i in items if i["subject"] == "officer_election")


def test_a_yes_or_no_ballot_on_the_officer_election_says_how_to_hold_the_election(assembly):
    desk, item = assembly
    refused = desk("meeting", "ballot", "1", str(item), "7", "yes")
    assert refused.code == 3
    assert f"\u201ccoopdesk election create 1 --item {item}\u201d" in refused.err and "Act 34" in refused.err
    korean = desk("--language", "ko", "meeting", "vote", "1", str(item), "--yes", "6", "--no", "3")
    assert korean.code == 3 and "법 제34조" in korean.err and "선거" in korean.err
    ok(desk("election", "create", "1", "--item", str(item), "--contest", "auditor:1"))


def test_a_file_with_a_yes_or_no_vote_on_the_officer_election_is_recovered(assembly, coop_file):
    desk, item = assembly
    with sqlite3.connect(coop_file) as conn:  # what an older CoopDesk let "meeting ballot 1 4 7 yes" record
        item_id = conn.execute("SELECT id FROM agenda_item WHERE position = ?", (item,)).fetchone()[0]
        member = conn.execute("SELECT id FROM member WHERE number = 7").fetchone()[0]
        conn.execute("INSERT INTO item_ballot (item_id, member_id, choice, cast_at) VALUES (?, ?, 'yes', "
                     "'2026-03-28 15:00:00')", (item_id, member))
    refused = desk("election", "create", "1", "--item", str(item), "--contest", "auditor:1")
    assert refused.code == 3 and "coopdesk meeting clear-vote" in refused.err
    assert desk("meeting", "clear-vote", "1", str(item)).code == 2  # the reason is required
    cleared = ok(desk("meeting", "clear-vote", "1", str(item), "--reason", "찬반으로 잘못 기록함"))
    assert f"coopdesk election create 1 --item {item}" in cleared.out
    ok(desk("election", "create", "1", "--item", str(item), "--contest", "auditor:1"))
    ok(desk("audit", "verify"))  # the log replayed agrees with the item opened again
    with sqlite3.connect(coop_file) as conn:
        logged = conn.execute("SELECT after FROM audit_entry WHERE action = 'meeting.clear_vote'").fetchone()[0]
    assert "찬반으로 잘못 기록함" in logged
