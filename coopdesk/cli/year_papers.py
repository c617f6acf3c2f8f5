"""`coopdesk print year-plan`: the year's plan (연간 일정표) on one page.

The printing service loads reportlab, so it is imported only when the plan is printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from coopdesk.cli.common import Context, iso_date, print_json, say
from coopdesk.i18n import LANGUAGES, _, current, ngettext


def add_print_parsers(docs: argparse._SubParsersAction) -> None:
    """The year's papers under ``coopdesk print``."""
    plan = docs.add_parser("year-plan", help=_("The year's plan on one page (연간 일정표): what the law expects "
                                               "this fiscal year, month by month"))
    plan.add_argument("-o", "--output", dest="pdf", type=Path,
                      help=_("The PDF file to write (default: a name from the paper, in the current folder)"))
    plan.add_argument("--language", dest="doc_language", choices=LANGUAGES,
                      help=_("Language of the document (default: the screen language)"))
    plan.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD",
                      help=_("The day the plan is for: its fiscal year, what is overdue (default: today)"))
    plan.set_defaults(run=run_print_plan)


def run_print_plan(ctx: Context) -> int:
    from coopdesk.services.year.printing import print_year_plan, year_plan_name

    a, db, coop = ctx.args, ctx.database(), ctx.coop()
    today = a.as_of or dt.date.today()
    language = a.doc_language or current().language
    path = a.pdf or Path.cwd() / year_plan_name(db, coop.id, today, language)
    result = print_year_plan(db, coop.id, path, language, today)
    if ctx.json:
        print_json({"file": str(result.path), "pages": result.pages})
    else:
        say(ngettext("Wrote {file} ({count} page).", "Wrote {file} ({count} pages).", result.pages,
                     file=str(result.path), count=current().number(result.pages)))
    return 0
