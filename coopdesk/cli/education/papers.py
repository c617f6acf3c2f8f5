"""`coopdesk print education-certificate | education-attendance | education-report`.

The printing services load reportlab, so they are imported only when a paper is printed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from coopdesk.cli.common import Context, iso_date, whole_number
from coopdesk.cli.printing import (
    add_output_options,
    document_language,
    printing_progress,
    report_written,
)
from coopdesk.i18n import _

_number = whole_number(1, 10**9)


def add_print_parsers(docs: argparse._SubParsersAction) -> None:
    """The education papers under ``coopdesk print``."""
    certificate = docs.add_parser("education-certificate",
                                  help=_("Certificates of completion of a session (수료증), one page each"))
    _session(certificate)
    certificate.add_argument("--attendee", type=_number, nargs="+", metavar="ID",
                             help=_("Only these entries of the list (\u201ccoopdesk education show\u201d numbers "
                                    "them); default: everyone on it"))
    certificate.add_argument("--issued-on", type=iso_date, metavar="YYYY-MM-DD",
                             help=_("The day of issue (default: today)"))
    add_output_options(certificate)
    certificate.set_defaults(run=run_print_session, paper="certificate")

    sheet = docs.add_parser("education-attendance",
                            help=_("The attendance sheet of a session (교육 출석부), with signature lines"))
    _session(sheet)
    add_output_options(sheet)
    sheet.set_defaults(run=run_print_session, paper="attendance")

    report = docs.add_parser("education-report", help=_("The yearly education report (교육 실적 보고)"))
    report.add_argument("--year", type=whole_number(1900, 2100), metavar="YEAR",
                        help=_("The fiscal year, named by the year it starts in (default: the current one)"))
    add_output_options(report)
    report.set_defaults(run=run_print_report)


def _session(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--session", type=_number, required=True, metavar="SESSION",
                        help=_("Number of the session (\u201ccoopdesk education list\u201d shows them)"))


def run_print_session(ctx: Context) -> int:
    from coopdesk.services.education.printing import (
        EducationPaperKind,
        print_session_paper,
        session_paper_name,
    )

    a, db, coop = ctx.args, ctx.database(), ctx.coop()
    kind = EducationPaperKind(a.paper)
    language = document_language(a)
    path = a.pdf or Path.cwd() / session_paper_name(db, coop.id, a.session, kind, language)
    result = print_session_paper(db, coop.id, a.session, kind, path, language,
                                 attendance_ids=getattr(a, "attendee", None), issued_on=getattr(a, "issued_on", None),
                                 progress=printing_progress())
    return report_written(ctx, result)


def run_print_report(ctx: Context) -> int:
    from coopdesk.services.education.printing import print_year_report, year_report_name
    from coopdesk.services.education.report import current_year

    a, db, coop = ctx.args, ctx.database(), ctx.coop()
    year = a.year or current_year(db, coop.id)
    language = document_language(a)
    path = a.pdf or Path.cwd() / year_report_name(year, language)
    result = print_year_report(db, coop.id, year, path, language, progress=printing_progress())
    return report_written(ctx, result)
