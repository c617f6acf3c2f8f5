"""Commands on the co-op file as a whole: demo, print, backup, restore, audit."""

from __future__ import annotations

import argparse
from pathlib import Path

from coopdesk.cli.common import (
    Context,
    UsageError,
    iso_date,
    print_json,
    print_table,
    progress_printer,
    say,
    warn,
    whole_number,
)
from coopdesk.i18n import LANGUAGES, N_, _, current, ngettext

MAX_DEMO_MEMBERS = 100_000
REASON_LABELS = {"open": N_("when opened"), "manual": N_("by hand"), "upgrade": N_("before an upgrade"),
                 "restore": N_("before a restore")}


def add_parsers(areas: argparse._SubParsersAction) -> None:
    demo = areas.add_parser("demo", help=_("Create a demo co-op in a new file"))
    demo.add_argument("--members", type=whole_number(0, MAX_DEMO_MEMBERS), default=15,
                      help=_("How many members (up to 100,000)"))
    demo.add_argument("-o", "--output", dest="demo_file", type=Path,
                      help=_("The new file (default: --db, else a new file in the co-op folder)"))
    demo.set_defaults(run=run_demo)

    printing = areas.add_parser("print", help=_("Print a document to PDF"))
    docs = printing.add_subparsers(dest="verb", required=True, metavar="DOCUMENT")
    register = docs.add_parser("register", help=_("The member register (조합원 명부)"))
    register.add_argument("-o", "--output", dest="pdf", type=Path, required=True,
                          help=_("The PDF file to write"))
    register.add_argument("--language", dest="doc_language", choices=LANGUAGES,
                          help=_("Language of the document (default: the screen language)"))
    register.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD",
                          help=_("The date the register is for (default: today)"))
    register.set_defaults(run=run_print_register)
    from coopdesk.cli.meetings.papers import add_print_parsers

    add_print_parsers(docs)  # notice, attendance, proxy-form, minutes

    backup = areas.add_parser("backup",
                              help=_("Back up the co-op file now; \u201cbackup list\u201d lists the backups"))
    backup.set_defaults(run=run_backup)
    verbs = backup.add_subparsers(dest="verb", metavar="VERB")
    listing = verbs.add_parser("list", help=_("The backups of the co-op file, newest first"))
    listing.set_defaults(run=run_backup_list)

    restore = areas.add_parser("restore", help=_("Put a backup in place of the co-op file"))
    restore.add_argument("backup_file", type=Path, metavar="BACKUP", help=_("The backup file"))
    restore.add_argument("--yes", action="store_true",
                         help=_("Yes, replace the file's content (it is backed up first)"))
    restore.set_defaults(run=run_restore)

    audit = areas.add_parser("audit", help=_("The audit log"))
    averbs = audit.add_subparsers(dest="verb", required=True, metavar="VERB")
    averbs.add_parser("verify", help=_("Check that the audit log is intact")).set_defaults(run=run_audit_verify)


def run_demo(ctx: Context) -> int:
    from coopdesk.services.coops import list_coops
    from coopdesk.services.demo import create_demo
    from coopdesk.services.files import default_file_for

    a = ctx.args
    if a.demo_file is not None:
        a.db = str(a.demo_file)
    elif not a.db:
        a.db = str(default_file_for(_("Demo co-op")))
    db = ctx.database(create=True)
    if list_coops(db):  # a demo never mixes with a real co-op's records
        raise UsageError(_("{file} already holds a co-op; the demo needs a new file.", file=ctx.where()))
    info = create_demo(db, members=a.members, progress=progress_printer(_("Creating the demo")))
    if ctx.json:
        print_json({"file": ctx.where(), "coop_id": info.id, "name": info.name, "members": a.members})
    else:
        say(ngettext("Created the demo co-op {name} with {count} member in {file}.",
                     "Created the demo co-op {name} with {count} members in {file}.", a.members,
                     name=info.name, count=current().number(a.members), file=ctx.where()))
    return 0


def run_print_register(ctx: Context) -> int:
    from coopdesk.services.members.printing import print_register

    a = ctx.args
    language = a.doc_language or current().language
    result = print_register(ctx.database(), ctx.coop().id, a.pdf, language, as_of=a.as_of,
                            progress=progress_printer(_("Printing")))
    if ctx.json:
        print_json({"file": str(result.path), "pages": result.pages})
    else:
        say(ngettext("Wrote {file} ({count} page).", "Wrote {file} ({count} pages).", result.pages,
                     file=str(result.path), count=current().number(result.pages)))
    return 0


def run_backup(ctx: Context) -> int:
    from coopdesk.services.files import backup_now

    made = backup_now(ctx.database())
    if ctx.json:
        print_json(_backup_json(made))
    else:
        say(str(made.path))
    return 0


def _backup_json(b: object) -> dict[str, object]:
    return {"file": str(b.path), "made_at": b.made_at.isoformat(),  # type: ignore[attr-defined]
            "reason": b.reason.value, "size": b.size}  # type: ignore[attr-defined]


def run_backup_list(ctx: Context) -> int:
    from coopdesk.services.files import list_backups

    found = list_backups(ctx.database())
    if ctx.json:
        print_json([_backup_json(b) for b in found])
        return 0
    t = current()
    print_table([_("Made"), _("Why"), _("Size"), _("File")],
                [[t.datetime(b.made_at, "short"), _(REASON_LABELS.get(b.reason.value, b.reason.value)),
                  t.number(b.size), str(b.path)] for b in found], right=(2,))
    return 0


def run_restore(ctx: Context) -> int:
    from coopdesk.services.files import restore

    a = ctx.args
    if not a.backup_file.is_file():
        raise UsageError(_("There is no file {path}.", path=str(a.backup_file)))
    if not a.yes:
        raise UsageError(_("Restoring replaces everything in {file} with the backup. "
                           "Add --yes to do it (the file is backed up first).", file=ctx.where()))
    safety = restore(ctx.database(), a.backup_file)
    if ctx.json:
        print_json({"restored_from": str(a.backup_file), "file": ctx.where(), "safety_backup": str(safety.path)})
    else:
        say(_("Restored {file} from {backup}. The file as it was is kept in {safety}.",
              file=ctx.where(), backup=str(a.backup_file), safety=str(safety.path)))
    return 0


def run_audit_verify(ctx: Context) -> int:
    from coopdesk.services.audit import verify

    report = verify(ctx.database())
    problem = _(report.problem) if report.problem else ""
    if ctx.json:
        print_json({"intact": report.intact, "entries": report.entries, "broken_at": report.broken_at,
                    "problem": problem})
    if report.intact:
        if not ctx.json:
            say(ngettext("The audit log is intact: {count} entry.", "The audit log is intact: {count} entries.",
                         report.entries, count=current().number(report.entries)))
        return 0
    warn(_("The audit log is broken at entry {id}: {problem}", id=report.broken_at, problem=problem))
    return 3
