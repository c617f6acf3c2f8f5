"""`coopdesk print bylaws [--version N]` and `coopdesk print bylaws-comparison --meeting M --item N`.

The bylaws of the version in force (or of any version, an adopted amendment waiting for its
report among them), and the comparison table (신구조문 대비표) of an amendment item, before
its vote for the notice or after it for the filing.  The printing services load reportlab,
so they are imported only when a document is printed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from coopdesk.cli.common import Context, whole_number
from coopdesk.cli.printing import (
    REFERENCE_LANGUAGE_HELP,
    add_output_options,
    document_language,
    report_written,
)
from coopdesk.i18n import N_, _

_number = whole_number(1, 10**9)


def add_print_parsers(docs: argparse._SubParsersAction) -> None:
    """The bylaws' documents under ``coopdesk print``."""
    bylaws = docs.add_parser("bylaws", help=_("The bylaws (정관) of the version in force, or of --version"))
    bylaws.add_argument("--version", dest="bylaws_version", type=_number, metavar="N",
                        help=_("The version, as \u201ccoop bylaws\u201d lists it"))
    add_output_options(bylaws, language_help=REFERENCE_LANGUAGE_HELP, file_help=N_(
        "The PDF file to write (default: the co-op's name and \u201cBylaws\u201d, in the current folder)"))
    bylaws.set_defaults(run=run_print_bylaws)
    comparison = docs.add_parser("bylaws-comparison", help=_(
        "The comparison table of a bylaws amendment (신구조문 대비표), for the notice and the filing"))
    comparison.add_argument("--meeting", type=_number, required=True, metavar="MEETING",
                            help=_("Number of the meeting (\u201ccoopdesk meeting list\u201d shows them)"))
    comparison.add_argument("--item", type=whole_number(1, 10**5), required=True, metavar="ITEM",
                            help=_("The amendment's place on the agenda: 1 for the first"))
    add_output_options(comparison, language_help=REFERENCE_LANGUAGE_HELP, file_help=N_(
        "The PDF file to write (default: the co-op's name and the table's, in the current folder)"))
    comparison.set_defaults(run=run_print_comparison)


def run_print_bylaws(ctx: Context) -> int:
    from coopdesk.services.bylaws.printing import bylaws_file_name, print_bylaws

    a, db, coop = ctx.args, ctx.database(), ctx.coop()
    language = document_language(a)
    path = a.pdf or Path.cwd() / bylaws_file_name(db, coop.id, language, a.bylaws_version)
    return report_written(ctx, print_bylaws(db, coop.id, path, language, a.bylaws_version))


def run_print_comparison(ctx: Context) -> int:
    from coopdesk.cli.meetings.common import item_at
    from coopdesk.services.bylaws.printing import comparison_file_name, print_comparison

    a, db, coop = ctx.args, ctx.database(), ctx.coop()
    language = document_language(a)
    item = item_at(ctx, a.meeting, a.item)
    path = a.pdf or Path.cwd() / comparison_file_name(db, coop.id, language)
    return report_written(ctx, print_comparison(db, coop.id, item.id, path, language))
