"""`coopdesk print year-report | appropriation | application-form | consent-form | withdrawal-form`.

The year's report of members and paid-in capital to the city or province (Act 22③) and the
appropriation statement the ordinary assembly receives; the membership forms, blank or filled
from a member's record.  The printing services load reportlab, so they are imported only when
a paper is printed.
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
_year = whole_number(1900, 2099)


def add_print_parsers(docs: argparse._SubParsersAction) -> None:
    """The capital area's year papers and the membership forms under ``coopdesk print``."""
    for name, text in (("year-report", _("The year's report of members and paid-in capital to the city or "
                                         "province (조합원 수 및 납입출자금 신고)")),
                       ("appropriation", _("The year's appropriation statement (잉여금처분안), or for a loss how "
                                           "it is covered (결손금처리안)"))):
        report = docs.add_parser(name, help=text)
        _fiscal_year(report)
        _issued(report)
        add_output_options(report)
        report.set_defaults(run=run_print_report, paper=name)

    for name, text in (("application-form", _("The membership application (가입신청서), blank or filled")),
                       ("consent-form", _("The consent to collecting and using personal data (개인정보 수집·이용 "
                                          "동의서), blank or filled")),
                       ("withdrawal-form", _("The withdrawal notice (탈퇴신청서), blank or filled"))):
        form = docs.add_parser(name, help=text)
        form.add_argument("--member", type=_number, metavar="N",
                          help=_("Fill the form from this member's record (default: a blank form)"))
        add_output_options(form)
        form.set_defaults(run=run_print_form, paper=name)


def _fiscal_year(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", dest="fiscal_year", type=_year, required=True, metavar="YYYY",
                        help=_("The fiscal year, named by the calendar year it starts in"))


def _issued(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--issued-on", type=iso_date, metavar="YYYY-MM-DD",
                        help=_("The day of issue (default: today)"))


def run_print_report(ctx: Context) -> int:
    from coopdesk.services.capital.reports import (
        CapitalReportKind,
        capital_report_name,
        print_capital_report,
    )

    a, db, coop = ctx.args, ctx.database(), ctx.coop()
    kind = CapitalReportKind(a.paper)
    language = document_language(a)
    path = a.pdf or Path.cwd() / capital_report_name(kind, a.fiscal_year, language)
    result = print_capital_report(db, coop.id, kind, a.fiscal_year, path, language, issued_on=a.issued_on,
                                  progress=printing_progress())
    return report_written(ctx, result)


def run_print_form(ctx: Context) -> int:
    from coopdesk.domain.members.forms import FormKind
    from coopdesk.services.members.forms import member_form_name, print_member_form
    from coopdesk.services.members.member import get_member

    a, db, coop = ctx.args, ctx.database(), ctx.coop()
    kind = FormKind(a.paper)
    language = document_language(a)
    name = get_member(db, coop.id, a.member).name if a.member is not None else ""
    path = a.pdf or Path.cwd() / member_form_name(kind, language, member=a.member, name=name)
    result = print_member_form(db, coop.id, kind, path, language, member=a.member,
                               progress=printing_progress())
    return report_written(ctx, result)
