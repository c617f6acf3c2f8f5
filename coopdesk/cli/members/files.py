"""`coopdesk member import | export`: Excel (.xlsx) and CSV files of members."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from coopdesk.cli.common import Context, UsageError, print_json, progress_printer, say, warn
from coopdesk.i18n import LANGUAGES, _, current, ngettext, refusal_text

if TYPE_CHECKING:
    from coopdesk.domain.errors import ImportRejected

ENCODINGS = ("auto", "utf-8", "cp949")


def add_parsers(verbs: argparse._SubParsersAction) -> None:
    from coopdesk.cli.members.commands import add_filters

    imp = verbs.add_parser("import", help=_("Import members from an .xlsx or .csv file: all rows or none"))
    imp.add_argument("file", type=Path, help=_("The .xlsx or .csv file"))
    imp.add_argument("--encoding", choices=ENCODINGS, default="auto",
                     help=_("Text encoding of a CSV file (auto: UTF-8, else CP949 as Korean Excel writes)"))
    imp.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                     help=_("Read a field from the column with this heading (may be repeated); "
                            "the other fields are matched by their headings"))
    existing = imp.add_mutually_exclusive_group()
    existing.add_argument("--skip-existing", action="store_const", dest="existing", const="skip",
                          help=_("Import only the rows that match no member already on the register "
                                 "(same name and birth date, or same phone number)"))
    existing.add_argument("--allow-duplicates", action="store_const", dest="existing", const="allow",
                          help=_("Import every row, also those that match members already on the register"))
    imp.set_defaults(run=run_import, existing="refuse")

    exp = verbs.add_parser("export", help=_("Export the members the list shows to an .xlsx or .csv file"))
    exp.add_argument("file", type=Path, help=_("The .xlsx or .csv file to write"))
    add_filters(exp)
    exp.add_argument("--language", dest="file_language", choices=LANGUAGES,
                     help=_("Language of the headings and statuses in the file"))
    exp.add_argument("--encoding", choices=ENCODINGS[1:], default="utf-8",
                     help=_("Text encoding of a CSV file (cp949 for older Korean programs)"))
    exp.set_defaults(run=run_export)


def _mapping(args: argparse.Namespace, encoding: str | None) -> dict[str, int | None]:
    """The column of each field: guessed from the headings, then as ``--map`` says."""
    from coopdesk.services.members.importing import FIELD_KEYS, guess_mapping, read_headers

    headers = list(read_headers(args.file, encoding=encoding))  # not a preview: that reads every row
    mapping = dict(guess_mapping(headers))
    for item in args.map:
        field, sep, column = (part.strip() for part in item.partition("="))
        if not sep or field not in FIELD_KEYS:
            raise UsageError(_("Write --map as FIELD=COLUMN, with FIELD one of {fields}; not \u201c{value}\u201d.",
                               fields=", ".join(FIELD_KEYS), value=item))
        index = _column_index(headers, column) if column else None
        if index is not None:  # a column holds one field: the guess for another gives way
            mapping = {k: (None if v == index else v) for k, v in mapping.items()}
        mapping[field] = index  # FIELD= leaves the field out
    return mapping


def _column_index(headers: list[str], column: str) -> int:
    """A column named by its heading, or by its number counted from 1."""
    if column in headers:
        return headers.index(column)
    if column.isdigit() and 1 <= int(column) <= len(headers):
        return int(column) - 1
    raise UsageError(_("The file has no column \u201c{column}\u201d. Its columns: {columns}.",
                       column=column, columns=", ".join(headers)))


def run_import(ctx: Context) -> int:
    from coopdesk.services.members.importing import Existing, import_members

    a = ctx.args
    if not a.file.is_file():
        raise UsageError(_("There is no file {path}.", path=str(a.file)))
    encoding = None if a.encoding == "auto" else a.encoding
    coop = ctx.coop()
    mapping = _mapping(a, encoding)
    result = import_members(ctx.database(), coop.id, a.file, mapping, encoding=encoding,
                            progress=progress_printer(_("Importing")), existing=Existing(a.existing))
    if ctx.json:
        print_json({"count": result.count, "first_number": result.first_number,
                    "last_number": result.last_number, "skipped": result.skipped})
        return 0
    if result.count == 1:
        say(_("Imported one member: number {number}.", number=result.first_number))
    elif result.count:
        say(ngettext("Imported {count} member: numbers {first} to {last}.",
                     "Imported {count} members: numbers {first} to {last}.", result.count,
                     count=current().number(result.count), first=result.first_number, last=result.last_number))
    elif not result.skipped:
        say(_("The file holds no members; nothing was imported."))
    if result.skipped:
        say(ngettext("Skipped {count} row that matches a member already on the register.",
                     "Skipped {count} rows that match members already on the register.", result.skipped,
                     count=current().number(result.skipped)))
    return 0


def report_rejected(exc: ImportRejected, as_json: bool) -> None:
    """Every bad row, with its line number and the reason, in the user's language; for rows
    already on the register, whom each matches and the two ways to go on."""
    from coopdesk.services.members.importing import AlreadyOnRegister, column_text

    warn(refusal_text(exc))
    for problem in exc.problems:
        column = column_text(problem)
        if column:
            warn(_("line {line}, column {column}: {reason}", line=problem.line, column=column,
                   reason=refusal_text(problem.refusal)))
        else:
            warn(_("line {line}: {reason}", line=problem.line, reason=refusal_text(problem.refusal)))
    on_register = isinstance(exc, AlreadyOnRegister)
    if on_register:
        warn(_("To import only the new rows, run the command again with --skip-existing; "
               "to import every row anyway, with --allow-duplicates."))
    if as_json:
        report: dict[str, object] = {"error": refusal_text(exc), "problems": [
            {"line": p.line, "field": p.refusal.field, "column": None if p.column is None else p.column + 1,
             "message": refusal_text(p.refusal),
             **({"member": p.refusal.params["number"]} if on_register else {})}
            for p in exc.problems]}
        if isinstance(exc, AlreadyOnRegister):
            report["new"] = exc.new
        print_json(report)


def run_export(ctx: Context) -> int:
    from coopdesk.cli.members.commands import filtered_rows
    from coopdesk.services.members.exporting import export_members

    a = ctx.args
    rows = filtered_rows(ctx)
    language = a.file_language or current().language
    encoding = "utf-8-sig" if a.encoding == "utf-8" else a.encoding  # the byte order mark tells Excel it is UTF-8
    from coopdesk.services.members.consent import consent_dates

    count = export_members(rows, a.file, language, encoding=encoding, progress=progress_printer(_("Exporting")),
                           consents=consent_dates(ctx.database(), ctx.coop().id))
    if ctx.json:
        print_json({"file": str(a.file), "count": count})
    else:
        say(ngettext("Wrote {count} member to {file}.", "Wrote {count} members to {file}.", count,
                     count=current().number(count), file=str(a.file)))
    return 0
