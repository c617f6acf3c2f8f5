"""`coopdesk print year-plan`: the year's plan (연간 일정표) on one page.

The printing service loads reportlab, so it is imported only when the plan is printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from coopdesk.cli.common import Context, iso_date
from coopdesk.cli.printing import add_output_options, document_language, report_written
from coopdesk.i18n import _


def add_print_parsers(docs: argparse._SubParsersAction) -> None:
    """The year's papers under ``coopdesk print``."""
    plan = docs.add_parser("year-plan", help=_("The year's plan on one page (연간 일정표): what the law expects "
                                               "this fiscal year, month by month"))
    add_output_options(plan)
    plan.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD",
                      help=_("The day the plan is for: its fiscal year, what is overdue (default: today)"))
    plan.set_defaults(run=run_print_plan)


def run_print_plan(ctx: Context) -> int:
    from coopdesk.services.year.printing import print_year_plan, year_plan_name

    a, db, coop = ctx.args, ctx.database(), ctx.coop()
    today = a.as_of or dt.date.today()
    language = document_language(a)
    path = a.pdf or Path.cwd() / year_plan_name(db, coop.id, today, language)
    return report_written(ctx, print_year_plan(db, coop.id, path, language, today))
