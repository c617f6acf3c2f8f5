"""Nobody holding the co-op file can link a ballot to a voter (issue 10).

100 members vote in a known order; the test watches each ballot arrive (that is how it knows
the order).  Once voting closes, neither the order the rows come back in, nor any column of
theirs, nor — on SQLite — where in the file each ballot lies, says anything of that order;
the audit log names no voter and no mark.  On SQLite and PostgreSQL.
"""



import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import OperationalError

from coopdesk.domain.elections.ballots import Ballot
from coopdesk.domain.officers.terms import Office
from coopdesk.services.elections.casting import cast
from coopdesk.services.elections.closing import close_voting
from coopdesk.services.elections.views import ContestInput
from coopdesk.services.elections.voting import open_voting
from tests.services.elections.helpers import (
    add_members,
    candidate,
    election,
    hold_assembly,
)

VOTERS = 100
CANDIDATES = (1, 2, 3, 4, 5)


def spearman(xs: list[float], ys: list[float]) -> float:
    """Spearman's rank correlation of two lists of distinct values."""
    n = len(xs)
    rx = {x: r for r, x in enumerate(sorted(xs))}
    ry = {y: r for r, y in enumerate(sorted(ys))}
    d2 = sum((rx[x] - ry[y]) ** 2 for x, y in zip(xs, ys, strict=True))
    return 1 - 6 * d2 / (n * (n * n - 1))


def marks_of(i: int) -> Ballot:
    """Voter i's choice: a pattern that varies with i, blank now and then."""
    if i % 11 == 0:
        return Ballot()
    return Ballot.choice({CANDIDATES[i % 5], CANDIDATES[(i * 7 + 1) % 5]})


def ballot_ids(db, contest_id: int) -> set[str]:
    with db.engine.connect() as conn:
        return set(conn.execute(text("SELECT id FROM election_ballot WHERE contest_id = :c"), {"c": contest_id})
                   .scalars())


@pytest.fixture
def cast_in_order(db, coop):
    """100 voters present; each casts in turn; the ballot ids in the order cast, and the contest."""
    add_members(db, coop, VOTERS)
    _, item_id = hold_assembly(db, coop, range(1, VOTERS + 1))
    called = election(db, coop, item_id, ContestInput(Office.DIRECTOR, 3))
    contest = called.contests[0].id
    for n in CANDIDATES:
        candidate(db, coop, contest, n)
    open_voting(db, coop.id, called.id, [contest])
    order: list[str] = []
    seen: set[str] = set()
    for i in range(VOTERS):
        cast(db, coop.id, called.id, i + 1, {contest: marks_of(i)})
        now = ballot_ids(db, contest)
        (new,) = now - seen  # the one ballot this cast added
        order.append(new)
        seen = now
    return called.id, contest, order


def test_the_stored_ballots_say_nothing_of_the_order_they_were_cast_in(db, cast_in_order):
    _, contest, order = cast_in_order
    close_voting(db, db_coop(db), contest)
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT * FROM election_ballot")).all()  # no ORDER BY: as stored
        columns = {c["name"] for c in inspect(conn).get_columns("election_ballot")}
    assert columns == {"id", "contest_id", "marks"}
    with db.engine.connect() as conn:
        key = inspect(conn).get_pk_constraint("election_ballot")["constrained_columns"]
    assert key == ["contest_id", "id"]  # a contest's ballots together, in the random key's order
    assert {r.id for r in rows} == set(order) and len(rows) == VOTERS
    cast_index = {ballot: i for i, ballot in enumerate(order)}
    stored = [cast_index[r.id] for r in rows]
    assert abs(spearman(list(range(VOTERS)), stored)) < 0.4  # the stored order is not the casting order
    ids_as_cast = list(order)
    assert ids_as_cast not in (sorted(ids_as_cast), sorted(ids_as_cast, reverse=True))  # keys count nothing
    assert abs(spearman(list(range(VOTERS)), [int(b, 16) for b in ids_as_cast])) < 0.4
    assert all(len(r.id) == 32 and int(r.id, 16) >= 0 for r in rows)
    assert {r.contest_id for r in rows} == {contest}
    # the marks say what was marked and nothing else: ballots marked alike are stored alike
    by_choice: dict[Ballot, set[str]] = {}
    for i, ballot in enumerate(order):
        by_choice.setdefault(marks_of(i), set()).add(next(r.marks for r in rows if r.id == ballot))
    assert all(len(texts) == 1 for texts in by_choice.values())
    assert len({r.marks for r in rows}) == len(by_choice)


def test_sqlite_keeps_no_row_number_and_no_trace_of_the_order_in_the_file(db, cast_in_order):
    if not db.is_sqlite:
        pytest.skip("the file's pages: SQLite")
    _, contest, order = cast_in_order
    with db.engine.connect() as conn:
        for table in ("election_ballot", "election_voted"):
            with pytest.raises(OperationalError, match="rowid"):
                conn.execute(text(f"SELECT rowid FROM {table}"))
            sql = conn.execute(text("SELECT sql FROM sqlite_master WHERE name = :t"), {"t": table}).scalar_one()
            assert sql.rstrip().endswith("WITHOUT ROWID")
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    before = _places(db, order)
    close_voting(db, db_coop(db), contest)
    wal = db.path.with_name(db.path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # no older copy of the pages beside the file
    after = _places(db, order)
    assert all(len(found) == 1 for found in after.values())  # each ballot once: nothing left of a deleted copy
    offsets = [after[b][0] for b in order]
    assert abs(spearman(list(range(VOTERS)), offsets)) < 0.4
    # what the test would have seen before closing: older copies of the pages, as casts left them
    assert max(len(found) for found in before.values()) > 1


def _places(db, order: list[str]) -> dict[str, list[int]]:
    """Where in the file (and its -wal, after it) each ballot's key is written."""
    data = db.path.read_bytes()
    wal = db.path.with_name(db.path.name + "-wal")
    if wal.exists():
        data += wal.read_bytes()
    found = {}
    for ballot in order:
        key, places, start = ballot.encode(), [], 0
        while (at := data.find(key, start)) >= 0:
            places.append(at)
            start = at + 1
        found[ballot] = places
    return found


def test_postgresql_rewrites_the_ballots_in_one_transaction_in_key_order(db, cast_in_order):
    if db.is_sqlite:
        pytest.skip("the heap and xmin: PostgreSQL")
    _, contest, order = cast_in_order
    close_voting(db, db_coop(db), contest)
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT id, xmin::text AS xmin, ctid::text AS ctid FROM election_ballot")).all()
    assert len({r.xmin for r in rows}) == 1  # one transaction wrote them all
    cast_index = {ballot: i for i, ballot in enumerate(order)}
    heap = sorted(rows, key=lambda r: tuple(int(x) for x in r.ctid.strip("()").split(",")))
    assert abs(spearman(list(range(VOTERS)), [cast_index[r.id] for r in heap])) < 0.4


def test_the_audit_log_says_a_ballot_was_cast_and_nothing_more(db, coop, cast_in_order):
    election_id, _, _ = cast_in_order
    with db.engine.connect() as conn:
        entries = conn.execute(text("SELECT action, entity, entity_key, before, after FROM audit_entry "
                                    "WHERE action = 'election.ballot'")).all()
        voted = conn.execute(text("SELECT * FROM election_voted")).all()
    assert len(entries) == VOTERS
    assert {(e.entity, e.entity_key, e.before, e.after) for e in entries} == {
        ("election", str(election_id), "null", '"a ballot was cast"')}
    assert len(voted) == VOTERS and {len(r) for r in voted} == {2}  # the roll: contest and member, nothing else


def db_coop(db) -> int:
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT id FROM coop")).scalar_one()



