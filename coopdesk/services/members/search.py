"""Filtering the member list: by status, by type, and search as you type.

Shared by the window's list and the command line, so both show the same members.
Search looks at name, number, phone (digits only, so 01012345678 finds 010-1234-5678)
and e-mail, ignoring case.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from coopdesk.domain.members.standing import MemberStatus
from coopdesk.services.members.rows import MemberRow


def search_key(row: MemberRow) -> str:
    digits = "".join(c for c in row.phone if c.isdigit())
    return f"{row.name}\x00{row.number}\x00{row.phone}\x00{digits}\x00{row.email}".casefold()


def normalise_query(text: str) -> str:
    return " ".join(text.split()).casefold()


def filter_rows(rows: Sequence[MemberRow], *, text: str = "",
                statuses: Iterable[MemberStatus] | None = None,
                member_type: str | None = None,
                keys: Sequence[str] | None = None) -> list[int]:
    """Indexes of the rows that match; ``keys`` are precomputed ``search_key`` values."""
    wanted = set(statuses) if statuses is not None else None
    query = normalise_query(text)
    keys = keys if keys is not None else [search_key(r) for r in rows]
    result = []
    for i, row in enumerate(rows):
        if wanted is not None and row.status not in wanted:
            continue
        if member_type and row.member_type != member_type:
            continue
        if query and query not in keys[i]:
            continue
        result.append(i)
    return result
