"""Exporting the member list as it is shown, to Excel (.xlsx) or CSV.

The headings are in the language asked for; dates are written as dates in a workbook
and as 2024-03-01 in CSV, so that an exported file can be imported again (into another
co-op file, say) with the columns found by their headings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from coopdesk.domain.text import N_
from coopdesk.i18n import Translator
from coopdesk.services import table_write
from coopdesk.services.members.listing import MemberRow
from coopdesk.services.table_files import UTF8, Progress, Value

# The member import finds the columns it needs by these same headings.
HEADINGS: tuple[str, ...] = (
    N_("No."),
    N_("Name"),
    N_("Type"),
    N_("Status"),
    N_("Joining date"),
    N_("Leaving date"),
    N_("Birth date"),
    N_("Phone"),
    N_("E-mail"),
    N_("Address"),
    N_("Personal data consent"),  # the day the member consented (개인정보 수집·이용 동의일)
)


def export_members(rows: Sequence[MemberRow], path: str | Path, language: str, *, encoding: str = UTF8,
                   progress: Progress | None = None, consents: Mapping[int, dt.date] | None = None) -> int:
    """Write ``rows`` (what the member list shows, in its order); returns how many.

    ``encoding`` applies to CSV only: UTF-8 with a byte order mark by default, which
    Korean Excel opens correctly; ``cp949`` for older programs.  ``consents``: the day each
    member consented to the use of their personal data, by member number
    (``members.consent.consent_dates``); a member not in it has none recorded.
    """
    t = Translator(language)
    headings = [t.gettext(h) for h in HEADINGS]
    return table_write.write_table(path, headings, _values(rows, t, consents or {}), total=len(rows),
                                   encoding=encoding, progress=progress)


def _values(rows: Sequence[MemberRow], t: Translator, consents: Mapping[int, dt.date]) -> Iterator[tuple[Value, ...]]:
    status = {}
    for row in rows:
        label = status.get(row.status)
        if label is None:
            label = status[row.status] = t.gettext(row.status.label)
        yield (row.number, row.name, row.member_type, label, row.joined_on, row.left_on, row.birth_date,
               row.phone, row.email, row.address, consents.get(row.number))
