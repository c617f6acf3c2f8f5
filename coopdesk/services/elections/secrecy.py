"""Leaving no trace of the order ballots were cast in, once voting closes.

A ballot row holds no voter, time or sequence, and its key is random.  What could still
tell the casting order is where the database put each row:

- SQLite writes a new row into its page wherever there is room, so within a page the
  rows' places follow the order they came in; and the ``-wal`` beside the file keeps the
  pages as each cast left them.
- PostgreSQL appends rows to the table's heap in the order they come, each marked with the
  transaction that wrote it (``xmin``).

So when voting closes, in the transaction that counts: the contest's ballots are copied
out, deleted and written again in the order of their random keys (``rewrite_in_key_order``);
SQLite overwrites what is deleted with zeros (``PRAGMA secure_delete``, on every connection),
and every rewritten row on PostgreSQL carries the same transaction.  After the commit
(``settle``): SQLite writes the whole file anew (``VACUUM``: the unused space inside a page
can keep an older copy of a row that ``secure_delete`` does not clear) and empties the
``-wal``; PostgreSQL rewrites
the table into fresh files, leaving the dead row versions behind (best effort: it needs the
table's owner and a moment's lock).

While voting is open the order can be read from the database's pages by whoever holds a
copy of them — the file, a backup made then, or a PostgreSQL server's administrator.  Once
voting has closed, no copy made afterwards shows it.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from coopdesk.store.bulk import insert_many
from coopdesk.store.database import Database
from coopdesk.store.models import ElectionBallotRow

BALLOTS = ElectionBallotRow.__table__


def rewrite_in_key_order(s: Session, contest_id: int) -> int:
    """Write the contest's ballots again, in the order of their keys; how many there are."""
    s.flush()
    conn = s.connection()
    rows = conn.execute(select(ElectionBallotRow.id, ElectionBallotRow.marks)
                        .where(ElectionBallotRow.contest_id == contest_id)).all()
    conn.execute(delete(ElectionBallotRow).where(ElectionBallotRow.contest_id == contest_id))
    # by key, compared as Python compares text: the same order on every database
    ordered = sorted((key, contest_id, marks) for key, marks in rows)
    if ordered:
        insert_many(conn, BALLOTS, ("id", "contest_id", "marks"), ordered)
    return len(ordered)


def settle(db: Database) -> None:
    """After the commit that closed voting: no older copy of the ballots' pages left beside them."""
    if db.is_sqlite:
        db.rewrite_file()
    else:
        db.vacuum_full(BALLOTS.name)
