"""The co-op's year at 100,000 members: ``read_facts`` and ``year_agenda`` against raw ``sqlite3``.

The co-op is ``bench_education``'s (a demo co-op of N members whose bylaws ask for an
orientation, A of them on session lists), so most members owe the orientation.  Timed:

- ``read_facts`` on a plain connection (what the co-ops overview calls for each co-op);
- ``year_agenda`` through the ``Database`` (what the first page and ``coopdesk year list`` call).

The baseline is a plain ``sqlite3`` connection running by hand the three reads that grow with the
register — the members on the register counted, the members owing the orientation listed (the
first 50) and counted — on the same file, in the same run; each figure is the median over the
baseline's median.  The whole is done twice (``--rounds``).

    .venv/bin/python bench/bench_year.py [--members 100000] [--attendees 20000] [--rounds 2]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_education import OWED_COUNT_SQL, OWED_SQL, TODAY, build, median_ms

from coopdesk.services.files import open_database
from coopdesk.services.year.agenda import year_agenda
from coopdesk.services.year.facts import read_facts

ON_REGISTER_SQL = ("SELECT count(*) FROM member m WHERE m.coop_id = ? AND m.joined_on <= ? AND (m.left_on IS NULL "
                   "OR m.left_as IS NULL OR m.left_on > ?) AND (m.leaves_on IS NULL OR m.leaves_on > ?)")


def one_round(path: Path, coop_id: int) -> None:
    db = open_database(path)
    raw = sqlite3.connect(path)
    day = TODAY.isoformat()

    def facts() -> object:
        with db.engine.connect() as conn:
            return read_facts(conn, coop_id, TODAY)

    def baseline() -> object:
        return (raw.execute(ON_REGISTER_SQL, (coop_id, day, day, day)).fetchone(),
                raw.execute(OWED_SQL.replace("LIMIT 200", "LIMIT 50"), (coop_id, day, day, day)).fetchall(),
                raw.execute(OWED_COUNT_SQL, (coop_id, day, day, day)).fetchone())

    found = facts()
    print(f"members {found.members:,}, owing the orientation {found.owing_orientation_count:,} "  # type: ignore[attr-defined]
          f"({len(found.owing_orientation)} listed), tasks {len(year_agenda(db, coop_id, TODAY).tasks)}")  # type: ignore[attr-defined]
    print(f"{'':<28}{'service ms':>12}{'sqlite3 ms':>12}{'ratio':>8}")
    for label, service in (("read_facts", facts), ("year_agenda", lambda: year_agenda(db, coop_id, TODAY))):
        service(), baseline()  # warm
        ours, theirs = median_ms(service), median_ms(baseline)
        print(f"{label:<28}{ours:>12.2f}{theirs:>12.2f}{ours / theirs:>8.2f}")
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
