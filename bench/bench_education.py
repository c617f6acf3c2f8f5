"""The education reads at 100,000 members, each against raw ``sqlite3`` reading the same rows.

A demo co-op of N members (``services.demo.create_demo``) whose bylaws ask new members for
an orientation; the setup records a few sessions and puts A members on their lists in bulk.
Timed, through the services as the window and the ``coopdesk`` command call them:

- ``members_owing_orientation`` (the first 200 listed, all counted): the call the education
  page, the member page and a first page of the co-op's year make;
- ``member_education`` of one member (their page's education box);
- ``education_year`` (the yearly report's figures).

Each baseline is a plain ``sqlite3`` connection running the same SQL by hand, on the same
file, in the same run; the figure is the service's median over the baseline's median.  The
whole is done twice (``--rounds``).  Nothing here grows with the register on the window's
thread but these three reads, so their size at 100,000 is what matters.

    .venv/bin/python bench/bench_education.py [--members 100000] [--attendees 20000] [--rounds 2]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select  # noqa: E402

from coopdesk.domain.education.sessions import Organiser, SessionDetails, SessionKind  # noqa: E402
from coopdesk.services.demo import create_demo  # noqa: E402
from coopdesk.services.education.history import member_education  # noqa: E402
from coopdesk.services.education.orientation import members_owing_orientation  # noqa: E402
from coopdesk.services.education.report import education_year  # noqa: E402
from coopdesk.services.education.sessions import record_session  # noqa: E402
from coopdesk.services.files import open_database  # noqa: E402
from coopdesk.store.bulk import insert_many  # noqa: E402
from coopdesk.store.models import BylawsVersion, EducationAttendanceRow, Member  # noqa: E402

TODAY = dt.date(2026, 11, 21)
RUNS = 9

OWED_SQL = """
SELECT m.number, m.name, m.joined_on FROM member m
WHERE m.coop_id = ? AND m.joined_on <= ? AND (m.left_on IS NULL OR m.left_as IS NULL OR m.left_on > ?)
  AND (m.leaves_on IS NULL OR m.leaves_on > ?)
  AND NOT EXISTS (SELECT 1 FROM education_attendance a JOIN education_session s ON s.id = a.session_id
                  WHERE a.member_id = m.id AND s.kind IN ('orientation', 'founding_course'))
ORDER BY m.joined_on, m.number LIMIT 200"""
OWED_COUNT_SQL = OWED_SQL.replace("SELECT m.number, m.name, m.joined_on", "SELECT count(*)").replace(
    "ORDER BY m.joined_on, m.number LIMIT 200", "")
HISTORY_SQL = """
SELECT s.id, s.held_on, s.kind, s.topic, s.organiser, s.minutes, a.linked_at FROM education_session s
JOIN education_attendance a ON a.session_id = s.id JOIN member m ON m.id = a.member_id
WHERE m.coop_id = ? AND m.number = ? ORDER BY s.held_on, s.starts_at, s.id"""
# what the member's page reads besides the sessions: the member, and when the bylaws asked for an orientation
MEMBER_SQL = ("SELECT id, name, applied_on, joined_on, notice_on, leaves_on, left_on, left_as FROM member "
              "WHERE coop_id = ? AND number = ?")
BYLAWS_SQL = ("SELECT version, effective_on, settings FROM bylaws_version WHERE coop_id = ? AND effective_on <= ? "
              "ORDER BY version")
YEAR_SQL = (
    "SELECT s.id, count(a.member_id), count(a.id) FROM education_session s LEFT JOIN education_attendance a "
    "ON a.session_id = s.id WHERE s.coop_id = ? AND s.held_on BETWEEN ? AND ? GROUP BY s.id",
    "SELECT t.name, count(a.id), count(DISTINCT a.member_id), sum(s.minutes) FROM education_attendance a "
    "JOIN education_session s ON s.id = a.session_id JOIN member m ON m.id = a.member_id "
    "JOIN member_type t ON t.id = m.member_type_id WHERE s.coop_id = ? AND s.held_on BETWEEN ? AND ? GROUP BY t.name",
    "SELECT count(*) FROM member m WHERE m.coop_id = ? AND m.joined_on <= ? AND (m.left_on IS NULL OR "
    "m.left_as IS NULL OR m.left_on > ?) AND (m.leaves_on IS NULL OR m.leaves_on > ?)",
)


def median_ms(fn: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def build(path: Path, members: int, attendees: int) -> int:
    db = open_database(path)
    start = time.perf_counter()
    coop_id = create_demo(db, members=members, today=TODAY).id
    with db.write() as s:  # the bylaws ask for an orientation from the start
        version = s.execute(select(BylawsVersion).where(BylawsVersion.coop_id == coop_id)).scalar_one()
        version.settings = {**version.settings, "orientation_required": True}
    sessions = [record_session(db, coop_id, SessionDetails(kind, f"교육 {n}", TODAY - dt.timedelta(days=30 * n),
                                                           dt.time(14), dt.time(16), "교육장", "강사", Organiser.COOP)).id
                for n, kind in enumerate((SessionKind.ORIENTATION, SessionKind.MEMBER_EDUCATION,
                                          SessionKind.ORIENTATION), start=1)]
    with db.write() as s:
        ids = s.execute(select(Member.id).where(Member.coop_id == coop_id).order_by(Member.number)).scalars().all()
        now = dt.datetime.now()
        rows = [(sessions[i % len(sessions)], member_id, "", now) for i, member_id in enumerate(ids[:attendees])]
        insert_many(s.connection(), EducationAttendanceRow.__table__,
                    ("session_id", "member_id", "person_phone", "added_at"), rows)
    db.close()
    print(f"co-op of {members:,} members, {attendees:,} attendances, made in {time.perf_counter() - start:.1f} s")
    return coop_id


def one_round(path: Path, coop_id: int) -> None:
    db = open_database(path)
    raw = sqlite3.connect(path)
    day = TODAY.isoformat()
    first, last = dt.date(TODAY.year, 1, 1).isoformat(), dt.date(TODAY.year, 12, 31).isoformat()
    owed = members_owing_orientation(db, coop_id, TODAY)
    number = owed.members[0].number
    figures = [
        ("members owing the orientation", lambda: members_owing_orientation(db, coop_id, TODAY),
         lambda: (raw.execute(OWED_SQL, (coop_id, day, day, day)).fetchall(),
                  raw.execute(OWED_COUNT_SQL, (coop_id, day, day, day)).fetchone())),
        ("one member's education", lambda: member_education(db, coop_id, number, TODAY),
         lambda: [raw.execute(MEMBER_SQL, (coop_id, number)).fetchone(),
                  raw.execute(HISTORY_SQL, (coop_id, number)).fetchall(),
                  raw.execute(BYLAWS_SQL, (coop_id, day)).fetchall()]),
        ("the year's report figures", lambda: education_year(db, coop_id, TODAY.year),
         lambda: [raw.execute(YEAR_SQL[0], (coop_id, first, last)).fetchall(),
                  raw.execute(YEAR_SQL[1], (coop_id, first, last)).fetchall(),
                  raw.execute(YEAR_SQL[2], (coop_id, last, last, last)).fetchone()]),
    ]
    print(f"owing the orientation: {owed.total:,} members")
    print(f"{'':<32}{'service ms':>12}{'sqlite3 ms':>12}{'ratio':>8}")
    for label, service, baseline in figures:
        service(), baseline()  # warm: the first read of a page pays for the file's cache
        ours, theirs = median_ms(service), median_ms(baseline)
        print(f"{label:<32}{ours:>12.2f}{theirs:>12.2f}{ours / theirs:>8.2f}")
    raw.close()
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--attendees", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=2)
    a = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.coopdesk"
        coop_id = build(path, a.members, a.attendees)
        for n in range(1, a.rounds + 1):
            print(f"-- round {n}")
            one_round(path, coop_id)


if __name__ == "__main__":
    main()
