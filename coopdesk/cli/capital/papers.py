"""`coopdesk print certificate | capital-statement | capital-register | refund-statement`.

The printing service loads reportlab, so it is imported only when a paper is printed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from coopdesk.cli.common import Context, UsageError, iso_date, whole_number
from coopdesk.cli.printing import add_output_options, document_language, printing_progress, report_written
from coopdesk.i18n import _

_number = whole_number(1, 10**9)


def add_print_parsers(docs: argparse._SubParsersAction) -> None:
    """The member's capital papers under ``coopdesk print``."""
    certificate = docs.add_parser("certificate", help=_("Share certificates (출자증서): one member's, or every "
                                                        "member's holding paid-in capital, one page each"))
    who = certificate.add_mutually_exclusive_group(required=True)
    who.add_argument("--member", type=_number, metavar="N", help=_("Number of the member the paper is about"))
    who.add_argument("--all", action="store_true", help=_("Every member holding paid-in capital"))
    _issued(certificate)
    add_output_options(certificate)
    certificate.set_defaults(run=run_print_capital, paper="certificate")

    statement = docs.add_parser("capital-statement", help=_("A member's capital statement (출자금 확인서)"))
    _member(statement)
    _as_of(statement, _("The day the capital is stated for (default: today)"))
    _issued(statement)
    add_output_options(statement)
    statement.set_defaults(run=run_print_capital, paper="capital-statement")

    register = docs.add_parser("capital-register", help=_("The capital register (조합원별 출자 현황): every "
                                                          "member's shares, paid and unpaid, and the totals"))
    _as_of(register, _("The day of the register (default: today)"))
    add_output_options(register)
    register.set_defaults(run=run_print_capital, paper="capital-register")

    refund = docs.add_parser("refund-statement", help=_("A leaver's refund statement (지분환급 명세서)"))
    _member(refund)
    _issued(refund)
    add_output_options(refund)
    refund.set_defaults(run=run_print_capital, paper="refund-statement")


def _member(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--member", type=_number, required=True, metavar="N", help=_("Number of the member the paper is about"))


def _as_of(parser: argparse.ArgumentParser, text: str) -> None:
    parser.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD", help=text)


def _issued(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--issued-on", type=iso_date, metavar="YYYY-MM-DD",
                        help=_("The day of issue (default: today)"))


def run_print_capital(ctx: Context) -> int:
    from coopdesk.services.capital.printing import CapitalPaperKind, capital_paper_name, print_capital_paper
    from coopdesk.services.members.member import get_member

    a, db, coop = ctx.args, ctx.database(), ctx.coop()
    kind = CapitalPaperKind(a.paper)
    member = getattr(a, "member", None)
    as_of, issued_on = getattr(a, "as_of", None), getattr(a, "issued_on", None)
    if as_of is not None and issued_on is not None and as_of > issued_on:
        raise UsageError(_("--as-of cannot be after --issued-on."))
    language = document_language(a)
    name = get_member(db, coop.id, member).name if member is not None else ""
    path = a.pdf or Path.cwd() / capital_paper_name(kind, language, member=member, name=name, day=issued_on or as_of)
    result = print_capital_paper(db, coop.id, kind, path, language, member=member, as_of=as_of, issued_on=issued_on,
                                 progress=printing_progress())
    return report_written(ctx, result)
