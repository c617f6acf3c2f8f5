"""The schema revisions this program knows, oldest first; the last one is the head.

Apart from ``schema`` (which loads SQLAlchemy) so that the first screen's plain read
(``store.plain``) can tell a file at the current schema without it.  A test checks this
list against the migration scripts.
"""

KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010",
                                   "0011", "0012", "0013", "0014", "0015")
HEAD = KNOWN_REVISIONS[-1]
