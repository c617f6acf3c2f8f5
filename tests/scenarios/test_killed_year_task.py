"""The year page's *Mark done*, killed (SIGKILL) at random moments: the task is marked done
with its audit entry, or neither (``coopdesk year done`` calls the service the page calls)."""

from __future__ import annotations

import sys

import pytest

from tests.scenarios.imports import coop_with_members
from tests.scenarios.kills import kill_many, one

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")

KEY = "disclosure:2025"  # the management disclosure of 2025, past due


def marked(path) -> str:
    found = (one(path, "SELECT count(*) FROM year_task WHERE key = ? AND done_on = '2026-04-20'", KEY),
             one(path, "SELECT count(*) FROM audit_entry WHERE action = 'year.task.done' AND entity_key = ?", KEY),
             one(path, "SELECT count(*) FROM year_task"))
    if found == (0, 0, 0):
        return "none"
    assert found == (1, 1, 1), found
    return "all"


def test_a_task_marked_done_when_the_program_is_killed_is_marked_with_its_audit_entry_or_not(tmp_path):
    template = tmp_path / "coop.coopdesk"
    coop_with_members(template, tmp_path, 1_000)  # the year's facts read in the transaction take a moment
    kill_many(template, tmp_path, ["year", "done", KEY, "--on", "2026-04-20", "--note", "누리집 게시"], marked,
              name="year task done", kills=3)
