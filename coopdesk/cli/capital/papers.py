"""`coopdesk print certificate | capital-statement | capital-register | refund-statement`.

The printing service loads reportlab, so it is imported only when a paper is printed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from coopdesk.cli.common import Context, UsageError, iso_date, print_json, progress_printer, say, whole_number
from coopdesk.i18n import LANGUAGES, _, current, ngettext

_number = whole_number(1, 10**9)


def add_print_parsers(docs: argparse._SubParsersAction) -> None:
    """The member's capital papers under ``coopdesk print``."""
    certificate = docs.add_parser("certificate", help=_("Share certificates (출자증서): one member's, or every "
                                                        "member's holding paid-in capital, one page each"))
    who = certificate.add_mutually_exclusive_group(required=True)
    who.add_argument("--member", type=_number, metavar="N", help=_("Number of the member the paper is about"))
    who.add_argument("--all", action="store_true", help=_("Every member holding paid-in capital"))
    _issued(certificate)
    _output(certificate)
    certificate.set_defaults(run=run_print_capital, paper="certificate")

    statement = docs.add_parser("capital-statement", help=_("A member's capital statement (출자금 확인서)"))
    _member(statement)
    _as_of(statement, _("The day the capital is stated for (default: today)"))
    _issued(statement)
    _output(statement)
    statement.set_defaults(run=run_print_capital, paper="capital-statement")

    register = docs.add_parser("capital-register", help=_("The capital register (조합원별 출자 현황): every "
                                                          "member's shares, paid and unpaid, and the totals"))
    _as_of(register, _("The day of the register (default: today)"))
    _output(register)
    register.set_defaults(run=run_print_capital, paper="capital-register")

    refund = docs.add_parser("refund-statement", help=_("A leaver's refund statement (지분환급 명세서)"))
    _member(refund)
    _issued(refund)
    _output(refund)
    refund.set_defaults(run=run_print_capital, paper="refund-statement")


def _member(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--member", type=_number, required=True, metavar="N", help=_("Number of the member the paper is about"))


def _as_of(parser: argparse.ArgumentParser, text: str) -> None:
    parser.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD", help=text)


def _issued(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--issued-on", type=iso_date, metavar="YYYY-MM-DD",
                        help=_("The day of issue (default: today)"))


def _output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", dest="pdf", type=Path,
                        help=_("The PDF file to write (default: a name from the paper, in the current folder)"))
    parser.add_argument("--language", dest="doc_language", choices=LANGUAGES,
                        help=_("Language of the document (default: the screen language)"))


def run_print_capital(ctx: Context) -> int:
    from coopdesk.services.capital.printing import CapitalPaperKind, capital_paper_name, print_capital_paper
    from coopdesk.services.members.member import get_member

    a, db, coop = ctx.args, ctx.database(), ctx.coop()
    kind = CapitalPaperKind(a.paper)
    member = getattr(a, "member", None)
    as_of, issued_on = getattr(a, "as_of", None), getattr(a, "issued_on", None)
    if as_of is not None and issued_on is not None and as_of > issued_on:
        raise UsageError(_("--as-of cannot be after --issued-on."))
    language = a.doc_language or current().language
    name = get_member(db, coop.id, member).name if member is not None else ""
    path = a.pdf or Path.cwd() / capital_paper_name(kind, language, member=member, name=name, day=issued_on or as_of)
    result = print_capital_paper(db, coop.id, kind, path, language, member=member, as_of=as_of, issued_on=issued_on,
                                 progress=progress_printer(_("Printing")))
    if ctx.json:
        print_json({"file": str(result.path), "pages": result.pages})
    else:
        say(ngettext("Wrote {file} ({count} page).", "Wrote {file} ({count} pages).", result.pages,
                     file=str(result.path), count=current().number(result.pages)))
    return 0
