"""`coopdesk overview DIR|URL`: every co-op of a folder of co-op files, or of one PostgreSQL
database, with its kind, members, next legal deadline and warnings (issue 11, item 8).

It needs no ``--db``: it reads the folder or the server it is given, read-only.  A file
it cannot show in full (damaged, not a co-op file, from a newer or an older CoopDesk) is
in the output with the reason, and the command still succeeds (exit 0); a folder or a
server that cannot be read at all is exit 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coopdesk.cli.common import (
    Context,
    iso,
    iso_date,
    print_json,
    print_table,
    progress_printer,
    say,
    warn,
)
from coopdesk.i18n import _, current

if TYPE_CHECKING:
    from coopdesk.services.overview import CoopRow, Due, Overview


def add_overview(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("overview_target", metavar="DIR|URL",
                        help=_("A folder of co-op files, or a postgresql+psycopg:// URL of a database "
                               "holding several co-ops"))
    parser.add_argument("--today", type=iso_date, metavar="YYYY-MM-DD",
                        help=_("The day the deadlines are counted from (default: today)"))
    parser.set_defaults(run=run_overview)


def run_overview(ctx: Context) -> int:
    from coopdesk.services.overview import ServerUnreachable, is_server, overview

    target = str(ctx.args.overview_target)
    if not is_server(target):
        target = str(Path(target).expanduser())
    today = ctx.args.today or dt.date.today()
    progress = None if ctx.json else progress_printer(_("Reading the co-ops\u2026"))
    try:
        found = overview(target, today, progress=progress)
    except ServerUnreachable as exc:  # like a folder that cannot be read: exit 1, said plainly
        problem = _("{file}: {problem}", file=exc.target, problem=_(exc.message, **exc.params))
        warn(problem)
        if ctx.json:
            print_json({"error": problem, "problem": exc.kind})
        return 1
    if ctx.json:
        print_json({"target": found.target, "today": iso(found.today), "coops": [_json_row(r) for r in found.rows]})
    else:
        _print(found)
    return 0


def _print(found: Overview) -> None:
    from coopdesk.services.overview.wording import (
        article_text,
        due_text,
        kind_text,
        problem_text,
        warnings_text,
    )

    t = current()
    say(_("Co-ops in {target} on {date}:", target=found.target, date=t.date(found.today)))
    headings = [_("File"), _("Co-op"), _("Kind"), _("Members"), _("Next deadline"), _("What"), _("Article"),
                _("Warnings")]
    rows = []
    for row in found.rows:
        due = row.next_deadline
        rows.append([_file(row), row.name or "\u2014", kind_text(row),
                     t.number(row.members) if row.members is not None else "",
                     t.date(due.due_on) if due else "", due_text(due) if due else "",
                     article_text(due) if due else "", warnings_text(row) or problem_text(row)])
    print_table(headings, rows, right=(3,))  # a file not shown in full says why in its last column


def _file(row: CoopRow) -> str:
    """A file by its name (the folder is said above the table); a server's database as its URL."""
    return row.source if "://" in row.source else Path(row.source).name


def _json_row(row: CoopRow) -> dict[str, Any]:
    from coopdesk.services.overview.wording import problem_text

    return {
        "file": row.source, "coop_id": row.coop_id, "name": row.name,
        "kind": row.kind.value if row.kind is not None else None, "members": row.members,
        "next_deadline": _json_due(row.next_deadline) if row.next_deadline is not None else None,
        "warnings": [_json_due(w) for w in row.warnings],
        "problem": row.problem.value if row.problem is not None else None,
        "reason": problem_text(row) or None,
    }


def _json_due(due: Due) -> dict[str, Any]:
    from coopdesk.services.overview.wording import article_text, due_text

    return {"date": iso(due.due_on), "key": due.key, "kind": due.kind, "what": due_text(due),
            "article": article_text(due), "urgency": due.urgency.value, "area": due.area}
