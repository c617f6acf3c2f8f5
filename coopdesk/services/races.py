"""Two laptops doing the same thing at the same moment.

SQLite runs one writer at a time, so the second of two check-ins of one member reads the
first and is refused by the rules.  PostgreSQL lets both read "not here yet"; the unique
index then refuses the second at its insert or commit.  ``raced`` turns that database
refusal into the same message the rules give, so both stores answer alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import IntegrityError

from coopdesk.domain.errors import Refusal


@contextmanager
def raced(message: str, field: str, **params: object) -> Iterator[None]:
    """Wrap a whole ``with db.write()`` block: a unique-index refusal becomes ``message``."""
    try:
        yield
    except IntegrityError as exc:
        raise Refusal(message, field=field, **params) from exc
