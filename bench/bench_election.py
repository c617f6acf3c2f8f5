"""An officer election at 10,000 members (DESIGN.md §6, issue 10): each figure ≤ 100 ms.

A co-op of N members, all checked in at an ordinary assembly, elects 3 directors of 6
candidates, 1 auditor of 3, then the chair of the 3 directors elected: 3 offices, 12
candidates, N ballots in each contest.  The setup writes the roll and the ballots of all but
a few voters in bulk (the same rows ``cast`` writes); everything timed goes through the
services as the ballot screen and the ``coopdesk`` command call them.  Printed, in ms, each
with a baseline measured in the same run on the same file:

- one cast (one voter's ballots in the directors' and the auditor's contests, committed),
  median of several voters, against plain ``sqlite3`` inserting the same 2 roll rows and 2
  ballot rows and committing;
- the tally: the three contests counted (``count_ballots``: ``GROUP BY marks`` and the
  domain's count) in one read, against plain ``sqlite3`` selecting the 3 × N ballots' marks;
  and closing each contest (count, rewrite in key order, checkpoint), deciding it, and the
  whole result read back.

The whole election is held twice (two assemblies in one file), so each figure is taken twice.

    .venv/bin/python bench/bench_election.py [--members 10000] [--casts 15] [--db PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import secrets
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select  # noqa: E402

from coopdesk.domain.coop import BylawsSettings, CoopKind, CoopProfile, GoverningLaw  # noqa: E402
from coopdesk.domain.elections.ballots import Ballot  # noqa: E402
from coopdesk.domain.meetings.kinds import MeetingKind, Subject  # noqa: E402
from coopdesk.domain.members.details import MemberDetails  # noqa: E402
from coopdesk.domain.officers.terms import Office  # noqa: E402
from coopdesk.services.coops import create_coop  # noqa: E402
from coopdesk.services.elections.calling import add_contest, create_election  # noqa: E402
from coopdesk.services.elections.candidates import add_candidate  # noqa: E402
from coopdesk.services.elections.casting import cast  # noqa: E402
from coopdesk.services.elections.closing import close_voting, count_ballots  # noqa: E402
from coopdesk.services.elections.deciding import decide_contest  # noqa: E402
from coopdesk.services.elections.marks import marks_text  # noqa: E402
from coopdesk.services.elections.results import election_result  # noqa: E402
from coopdesk.services.elections.rows import contest_row, domain_contest  # noqa: E402
from coopdesk.services.elections.views import (  # noqa: E402
    CandidateInput,
    ContestInput,
    ElectionInput,
)
from coopdesk.services.elections.voting import open_voting  # noqa: E402
from coopdesk.services.files import open_database  # noqa: E402
from coopdesk.services.meetings.agenda import list_items  # noqa: E402
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting  # noqa: E402
from coopdesk.services.members.member import NewMember, add_members_in  # noqa: E402
from coopdesk.store.bulk import insert_many  # noqa: E402
from coopdesk.store.database import Database  # noqa: E402
from coopdesk.store.models import CheckInRow, ElectionBallotRow, Member, VotedRow  # noqa: E402

HELD = dt.date(2026, 3, 28)
REGISTERED = dt.date(2026, 3, 10)
DIRECTORS, AUDITORS = (1, 2, 3, 4, 5, 6), (7, 8, 9)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f}"


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def make_coop(db: Database, members: int) -> int:
    coop = create_coop(db, CoopProfile("마포 햇살마을 협동조합", CoopKind.GENERAL, GoverningLaw.FRAMEWORK_ACT,
                                       "서울특별시 마포구 성미산로 10", 1, ("소비자",), BylawsSettings()),
                       adopted_on=dt.date(2020, 1, 1))
    rnd = random.Random(10)
    entries = [NewMember(MemberDetails(f"조합원{n:05d}", "소비자", dt.date(1950 + rnd.randrange(50), 1, 1)),
                         dt.date(2020, 2, 1)) for n in range(1, members + 1)]
    with db.write() as s:
        add_members_in(s, coop.id, entries, 30, "member.import")
    return coop.id


def assembly(db: Database, coop_id: int, run: int) -> tuple[int, int]:
    meeting = create_meeting(db, coop_id, MeetingInput(MeetingKind.ORDINARY_ASSEMBLY, f"정기총회 {run}", HELD,
                                                       dt.time(14, 0), "주민센터 강당", "이사장"),
                             with_standard_agenda=True)
    at = dt.datetime.combine(HELD, dt.time(13, 30))
    with db.write() as s:
        ids = s.execute(select(Member.id).where(Member.coop_id == coop_id)).scalars().all()
        insert_many(s.connection(), CheckInRow.__table__, ("meeting_id", "member_id", "in_at"),
                    [(meeting.id, i, at) for i in ids])
    item = next(i for i in list_items(db, coop_id, meeting.id) if i.subject is Subject.OFFICER_ELECTION)
    return meeting.id, item.id


def candidates(db: Database, coop_id: int, contest_id: int, numbers: tuple[int, ...]) -> None:
    for n in numbers:
        add_candidate(db, coop_id, contest_id, CandidateInput(REGISTERED, member_number=n, accepted_on=REGISTERED))


def bulk_ballots(db: Database, coop_id: int, contest_id: int, voters: list[int], marks: Callable[[int], Ballot]) -> None:
    """The roll rows and ballots ``cast`` would write for these voters, in one transaction."""
    with db.write() as s:
        ids = dict(s.execute(select(Member.number, Member.id).where(Member.coop_id == coop_id)).all())
        conn = s.connection()
        insert_many(conn, VotedRow.__table__, ("contest_id", "member_id"), [(contest_id, ids[n]) for n in voters])
        insert_many(conn, ElectionBallotRow.__table__, ("id", "contest_id", "marks"),
                    [(secrets.token_hex(16), contest_id, marks_text(marks(n))) for n in voters])


def director_marks(rnd: random.Random) -> Callable[[int], Ballot]:
    weights = (34, 30, 26, 5, 3, 2)  # three with more than half of those present
    return lambda _: Ballot.choice(set(rnd.choices(DIRECTORS, weights, k=3)))


def hold(db: Database, coop_id: int, members: int, run: int, casts: int, path: str | None) -> None:
    rnd = random.Random(run)
    _, item_id = assembly(db, coop_id, run)
    election = create_election(db, coop_id, item_id, ElectionInput(contests=(ContestInput(Office.DIRECTOR, 3),
                                                                             ContestInput(Office.AUDITOR, 1))))
    directors, auditors = (c.id for c in election.contests)
    candidates(db, coop_id, directors, DIRECTORS)
    candidates(db, coop_id, auditors, AUDITORS)
    open_voting(db, coop_id, election.id, [directors, auditors])
    everyone = list(range(1, members + 1))
    late, early = everyone[-casts:], everyone[:-casts]
    bulk_ballots(db, coop_id, directors, early, director_marks(rnd))
    bulk_ballots(db, coop_id, auditors, early, lambda n: Ballot.choice({AUDITORS[n % 3]}) if n % 17 else Ballot())

    print(f"run {run}: {members:,} members present; one cast = ballots in 2 contests, committed")
    times = [timed(lambda v=v: cast(db, coop_id, election.id, v, {directors: Ballot.choice({1, 2}),
                                                                    auditors: Ballot.choice({7})}))[0]
             for v in late]
    line = f"  cast, median of {len(times)}        {ms(statistics.median(times))}  (max {ms(max(times))})"
    if path is not None:
        base = statistics.median(_raw_casts(path, election.id, len(times)))
        line += f"   raw sqlite3 insert {ms(base)}   ratio {statistics.median(times) / base:5.1f}×"
    print(line)

    closing = {}
    for contest in (directors, auditors):
        closing[contest] = timed(lambda c=contest: close_voting(db, coop_id, c))[0]
    deciding = {c: timed(lambda c=c: decide_contest(db, coop_id, c))[0] for c in (directors, auditors)}
    elected = election_result(db, coop_id, election.id).elected(Office.DIRECTOR)
    chair = add_contest(db, coop_id, election.id, ContestInput(Office.CHAIR, 1)).contests[-1].id
    candidates(db, coop_id, chair, tuple(c.member_number for c in elected))
    open_voting(db, coop_id, election.id, [chair])
    keys = [c.member_number for c in elected]
    bulk_ballots(db, coop_id, chair, everyone, lambda n: Ballot.choice({keys[n % len(keys) if n % 5 else 0]}))

    contests = (directors, auditors, chair)
    tally_times = [timed(lambda: _tally(db, coop_id, contests))[0] for _ in range(5)]
    ballots = sum(t.ballots for t in _tally(db, coop_id, contests))
    line = f"  tally of 3 contests ({ballots:,} ballots) {ms(statistics.median(tally_times))}"
    if path is not None:
        base = statistics.median(_raw_select(path, contests) for _ in range(5))
        line += f"   raw sqlite3 select {ms(base)}   ratio {statistics.median(tally_times) / base:5.1f}×"
    print(line)
    closing[chair] = timed(lambda: close_voting(db, coop_id, chair))[0]
    deciding[chair] = timed(lambda: decide_contest(db, coop_id, chair))[0]
    read, _ = timed(lambda: election_result(db, coop_id, election.id))
    for label, contest in (("directors", directors), ("auditor", auditors), ("chair", chair)):
        print(f"  close_voting {label:<10}          {ms(closing[contest])}   decide {ms(deciding[contest])}")
    print(f"  election_result (read back)     {ms(read)}")
    print()


def _tally(db: Database, coop_id: int, contests: tuple[int, ...]) -> list[Any]:
    with db.read() as s:
        return [count_ballots(s, domain_contest(s, contest_row(s, coop_id, c)[0]), c) for c in contests]


def _raw_select(path: str, contests: tuple[int, ...]) -> float:
    """Plain sqlite3 reading every ballot's marks of the three contests: the least a count reads."""
    with sqlite3.connect(path) as conn:
        start = time.perf_counter()
        for c in contests:
            conn.execute("SELECT marks FROM election_ballot WHERE contest_id = ?", (c,)).fetchall()
        return time.perf_counter() - start


def _raw_casts(path: str, election_id: int, runs: int) -> list[float]:
    """Plain sqlite3 writing what a cast writes at the least — 2 roll rows and 2 ballots — and
    committing, with the pragmas CoopDesk uses.  Into two contests of its own, made for it and
    removed after."""
    times = []
    with sqlite3.connect(path, isolation_level=None) as conn:
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "secure_delete=ON", "foreign_keys=ON"):
            conn.execute(f"PRAGMA {pragma}")
        members = [r[0] for r in conn.execute("SELECT id FROM member ORDER BY id LIMIT ?", (runs,))]
        contests = []
        for round_ in (98, 99):
            conn.execute("INSERT INTO election_contest (election_id, position, office, seats, round, state) "
                         "VALUES (?, ?, 'director', 1, ?, 'voting')", (election_id, round_, round_))
            contests.append(conn.execute("SELECT max(id) FROM election_contest").fetchone()[0])
        for member in members:
            start = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany("INSERT INTO election_voted (contest_id, member_id) VALUES (?, ?)",
                             [(c, member) for c in contests])
            conn.executemany("INSERT INTO election_ballot (id, contest_id, marks) VALUES (?, ?, ?)",
                             [(secrets.token_hex(16), c, '{"m":[1,2]}') for c in contests])
            conn.execute("COMMIT")
            times.append(time.perf_counter() - start)
        conn.executemany("DELETE FROM election_contest WHERE id = ?", [(c,) for c in contests])
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--casts", type=int, default=15)
    parser.add_argument("--db", help="a co-op file or PostgreSQL URL to hold the elections (new co-op in it)")
    args = parser.parse_args()
    target = args.db or str(Path(tempfile.mkdtemp()) / "bench.coopdesk")
    db = open_database(target)
    start = time.perf_counter()
    coop_id = make_coop(db, args.members)
    print(f"co-op of {args.members:,} members made in {time.perf_counter() - start:.1f} s ({db.engine.dialect.name})")
    print()
    path = None if "://" in target and not target.startswith("sqlite") else str(db.path or target)
    for run in (1, 2):
        hold(db, coop_id, args.members, run, args.casts, path)
    db.close()


if __name__ == "__main__":
    main()
