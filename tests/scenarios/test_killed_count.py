"""Closing a secret ballot's count, killed (SIGKILL) at random moments: the count is closed or
still open, and once closed nothing in the file links a ballot to the voter who cast it.

Hundreds of members vote in turn (each ballot its own transaction, as at an assembly); the
test knows the order they voted in, as ``tests/services/elections/test_secrecy.py`` does.
``coopdesk election close`` (the election page's *Close voting*) counts both contests of the
election and writes their ballots again in the order of their random keys, in one
transaction, then empties the ``-wal``.  After each kill:

- both contests are still voting, with every ballot and the roll as they were, or both are
  counted, each with its tally and audit entry, every ballot and the whole roll;
- when counted, the ballot rows say nothing of the order (the order rows come back in, their
  columns), and once the program has opened the file again the bytes on disk hold each ballot
  once, at places unrelated to the order cast.

Between the kill and that open, a count killed after its commit but before the ``-wal`` was
emptied (a moment, unless another program holds a read open) leaves the co-op file itself as
the last ballot left it, the count committed in the ``-wal`` beside it: SQLite's WAL writes
nothing into the file before a checkpoint, so no program can close that moment.
"""

from __future__ import annotations

import shutil
import signal
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from coopdesk.domain.errors import Refusal
from coopdesk.services.elections.closing import close_contests
from coopdesk.services.files import open_database
from tests.scenarios.ballots import voting_open
from tests.scenarios.kills import copy_file, kill_many, one, rows, sound, start

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")

VOTERS = 300


@pytest.fixture(scope="module")
def voting(tmp_path_factory) -> tuple[Path, int, dict[int, list[str]]]:
    path = tmp_path_factory.mktemp("voting") / "voting.coopdesk"
    election, order = voting_open(path, path.parent, VOTERS)
    return path, election, order


def spearman(xs: list[float], ys: list[float]) -> float:
    """Spearman's rank correlation of two lists of distinct values."""
    n = len(xs)
    rx = {x: r for r, x in enumerate(sorted(xs))}
    ry = {y: r for r, y in enumerate(sorted(ys))}
    d2 = sum((rx[x] - ry[y]) ** 2 for x, y in zip(xs, ys, strict=True))
    return 1 - 6 * d2 / (n * (n * n - 1))


PAGE = 4096  # the co-op file's page size: SQLite writes a page's rows from its end, as they come


def no_trace_of_the_order(path: Path, order: list[str]) -> None:
    """The co-op file holds each ballot's key once, and the -wal beside it (the count's own pages,
    until it is emptied) at most once; within each page (where a page's rows lie in the order
    they were written) the places say nothing of the order the ballots were cast in."""
    wal = path.with_name(path.name + "-wal")
    for data, needed in ((path.read_bytes(), True), (wal.read_bytes() if wal.exists() else b"", False)):
        pages: dict[int, list[tuple[int, int]]] = {}
        for i, ballot in enumerate(order):
            first = data.find(ballot.encode())
            assert first >= 0 or not needed
            assert first < 0 or data.find(ballot.encode(), first + 1) < 0, "an older copy of a ballot's page"
            if first >= 0:
                pages.setdefault(first // PAGE, []).append((i, first))
        for found in pages.values():
            if len(found) >= 20:
                cast, place = zip(*found, strict=True)
                assert abs(spearman(list(cast), list(place))) < 0.5, "a page keeps the order the ballots came in"


def counted(order: dict[int, list[str]]):
    """"none": every contest still voting; "all": every contest counted, with its tally and its
    audit entry, the ballot rows in an order that says nothing of the order cast.  Either way
    every ballot and the whole roll are there."""
    def outcome(path: Path) -> str:
        states = dict(rows(path, "SELECT id, state FROM election_contest"))
        tallies = one(path, "SELECT count(*) FROM election_contest WHERE tally IS NOT NULL")
        logged = one(path, "SELECT count(*) FROM audit_entry WHERE action = 'election.close'")
        for contest, cast in order.items():  # no ballot and no voter lost or added
            stored = {r[0] for r in rows(path, "SELECT id FROM election_ballot WHERE contest_id = ?", contest)}
            assert stored == set(cast)
            assert one(path, "SELECT count(*) FROM election_voted WHERE contest_id = ?", contest) == len(cast)
        if (set(states.values()), tallies, logged) == ({"voting"}, 0, 0):
            return "none"
        assert (set(states.values()), tallies, logged) == ({"counted"}, len(order), len(order)), (states, logged)
        for contest, cast in order.items():
            stored = [r[0] for r in rows(path, "SELECT id FROM election_ballot WHERE contest_id = ?", contest)]
            cast_index = {ballot: i for i, ballot in enumerate(cast)}
            assert abs(spearman(list(range(len(cast))), [cast_index[b] for b in stored])) < 0.4
        return "all"
    return outcome


def reopened_without_a_trace(order: dict[int, list[str]]):
    """What a killed count left, once the program opens the file again (and while it holds it
    open): for each contest counted, the bytes on disk say nothing of the order its ballots
    were cast in."""
    def check(path: Path) -> None:
        db = open_database(path)  # before anything else opens it
        try:
            for contest, cast in order.items():
                if one(path, "SELECT state FROM election_contest WHERE id = ?", contest) == "counted":
                    no_trace_of_the_order(path, cast)
        finally:
            db.close()
    return check


def test_a_count_killed_midway_is_closed_or_open_and_keeps_the_ballots_secret(voting, tmp_path):
    template, election, order = voting
    kill_many(template, tmp_path, ["election", "close", str(election)], counted(order), name="closing the count",
              kills=6, as_left=reopened_without_a_trace(order))


def test_a_count_killed_after_its_commit_keeps_the_ballots_secret_once_reopened(voting, tmp_path):
    """The moment between the commit and the emptying of the -wal, made to last: another program
    reads the file (its open read holds the checkpoint back), and the power goes while the count,
    committed, waits to empty the -wal.  Until the program opens the file again, the co-op file
    itself still holds the pages as the last ballot left them (the count is in the -wal beside
    it); the first open copies the count in."""
    template, election, order = voting
    path = copy_file(template, tmp_path / "count.coopdesk")
    reader = sqlite3.connect(path, isolation_level=None)
    reader.execute("BEGIN")
    assert reader.execute("SELECT count(*) FROM election_ballot").fetchone()[0] == 2 * VOTERS
    proc = start(path, ["election", "close", str(election)])
    while proc.poll() is None and "counted" not in {r[0] for r in rows(path, "SELECT state FROM election_contest")}:
        time.sleep(0.005)
    assert proc.poll() is None  # committed, and waiting for the reader to empty the -wal
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.communicate()
    wal = path.with_name(path.name + "-wal")
    assert wal.stat().st_size > 0  # the count, committed, is in the -wal only
    shutil.copyfile(path, tmp_path / "as-left.coopdesk")  # what the power cut left on disk, -wal aside
    shutil.copyfile(wal, tmp_path / "as-left.coopdesk-wal")
    reader.close()
    reopened_without_a_trace(order)(tmp_path / "as-left.coopdesk")
    assert counted(order)(tmp_path / "as-left.coopdesk") == "all"
    sound(tmp_path / "as-left.coopdesk")


def test_a_close_refused_in_one_contest_leaves_every_contest_open(voting, tmp_path):
    """All or nothing also without a crash: the second contest refused, the first is not counted."""
    template, _, order = voting
    path = copy_file(template, tmp_path / "refused.coopdesk")
    directors, auditor = order
    db = open_database(path)
    try:
        coop_id = one(path, "SELECT id FROM coop")
        with pytest.raises(Refusal, match="Voting is not open"):
            close_contests(db, coop_id, [directors, auditor, directors])  # the third: closed by the first
    finally:
        db.close()
    assert counted(order)(path) == "none"
    sound(path)
