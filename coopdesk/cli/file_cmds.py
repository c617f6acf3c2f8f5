"""Commands on the co-op file as a whole: demo, print, copy, backup, restore, audit."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from coopdesk.cli.common import (
    Context,
    UsageError,
    iso_date,
    print_json,
    print_table,
    progress_printer,
    remember_opened,
    say,
    sqlite_file,
    warn,
    whole_number,
)
from coopdesk.cli.printing import (
    add_output_options,
    document_language,
    printing_progress,
    report_written,
)
from coopdesk.i18n import N_, _, current, ngettext

MAX_DEMO_MEMBERS = 100_000
REASON_LABELS = {"open": N_("when opened"), "manual": N_("by hand"), "upgrade": N_("before an upgrade"),
                 "restore": N_("before a restore")}


def add_demo(demo: argparse.ArgumentParser) -> None:
    demo.add_argument("--members", type=whole_number(0, MAX_DEMO_MEMBERS), default=15,
                      help=_("How many members (up to 100,000)"))
    demo.add_argument("-o", "--output", dest="demo_file", type=Path,
                      help=_("The new file (default: --db, else a new file in the co-op folder)"))
    demo.set_defaults(run=run_demo)


def add_print(printing: argparse.ArgumentParser) -> None:
    docs = printing.add_subparsers(dest="verb", required=True, metavar="DOCUMENT")
    register = docs.add_parser("register", help=_("The member register (조합원 명부)"))
    add_output_options(register, file_help=N_("The PDF file to write"), required=True)
    register.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD",
                          help=_("The date the register is for (default: today)"))
    register.set_defaults(run=run_print_register)
    from coopdesk.cli.meetings.papers import add_print_parsers

    add_print_parsers(docs)  # notice, attendance, proxy-form, minutes
    from coopdesk.cli.elections.papers import add_print_parsers as add_election_papers

    add_election_papers(docs)  # ballots, election-notice, election-result, officer-list
    from coopdesk.cli.education.papers import add_print_parsers as add_education_papers

    add_education_papers(docs)  # education-certificate, education-attendance, education-report
    from coopdesk.cli.bylaws.printing import add_print_parsers as add_bylaws_papers

    add_bylaws_papers(docs)  # bylaws, bylaws-comparison
    from coopdesk.cli.year_papers import add_print_parsers as add_year_papers

    add_year_papers(docs)  # year-plan
    from coopdesk.cli.founding_papers import add_print_parsers as add_founding_papers

    add_founding_papers(docs)  # founding-pack
    from coopdesk.cli.capital.papers import add_print_parsers as add_capital_papers

    add_capital_papers(docs)  # certificate, capital-statement, capital-register, refund-statement
    from coopdesk.cli.capital.forms import add_print_parsers as add_capital_forms

    add_capital_forms(docs)  # year-report, appropriation, application-form, consent-form, withdrawal-form


def add_backup(backup: argparse.ArgumentParser) -> None:
    backup.set_defaults(run=run_backup)
    verbs = backup.add_subparsers(dest="verb", metavar="VERB")
    listing = verbs.add_parser("list", help=_("The backups of the co-op file, newest first"))
    listing.set_defaults(run=run_backup_list)


def add_copy(copy: argparse.ArgumentParser) -> None:
    copy.add_argument("copy_file", type=Path, metavar="PATH", help=_("Where the copy goes"))
    copy.add_argument("--replace", action="store_true", help=_("Replace a file already there"))
    copy.set_defaults(run=run_copy)


def add_restore(restore: argparse.ArgumentParser) -> None:
    restore.add_argument("backup_file", type=Path, metavar="BACKUP", help=_("The backup file"))
    restore.add_argument("--yes", action="store_true",
                         help=_("Yes, replace the file's content (it is backed up first)"))
    restore.set_defaults(run=run_restore)


def add_audit(audit: argparse.ArgumentParser) -> None:
    averbs = audit.add_subparsers(dest="verb", required=True, metavar="VERB")
    check = averbs.add_parser("verify", help=_("Check the audit log: its chain, its seal, and the records it "
                                               "rebuilds against the file"))
    check.add_argument("--against", metavar="N:HASH",
                       help=_("The mark printed at the foot of a final paper: confirm that this file still "
                              "extends the log printed then"))
    check.set_defaults(run=run_audit_verify)


def run_demo(ctx: Context) -> int:
    from coopdesk.services.coops import list_coops
    from coopdesk.services.demo import create_demo_in

    a = ctx.args
    if a.demo_file is not None:
        a.db = str(a.demo_file)
    target = ctx.target() if a.db else None  # none: a new file in the co-op folder
    existing = target is not None and (sqlite_file(target) is None or os.path.lexists(sqlite_file(target)))
    if existing and list_coops(ctx.database()):  # a demo never mixes with a real co-op's records
        raise UsageError(_("{file} already holds a co-op; the demo needs a new file.", file=ctx.where()))
    # A new file gets its name only once the demo in it is complete; in an existing database
    # the demo is one transaction, which checks again that no co-op is there.
    made = create_demo_in(target, a.members, name=_("Demo co-op"),
                          progress=progress_printer(_("Creating the demo")))
    a.db, info = made.target, made.result
    remember_opened(ctx.target())  # `coopdesk member list` next shows the demo's members
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
    result = print_register(ctx.database(), ctx.coop().id, a.pdf, document_language(a), as_of=a.as_of,
                            progress=printing_progress())
    return report_written(ctx, result)


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


def run_copy(ctx: Context) -> int:
    from coopdesk.services.files import save_copy

    a = ctx.args
    copy = save_copy(ctx.database(), a.copy_file, replace=a.replace, progress=progress_printer(_("Copying")))
    if ctx.json:
        print_json({"file": ctx.where(), "copy": str(copy)})
    else:
        say(_("Saved a copy of {file} as {copy}.", file=ctx.where(), copy=str(copy)))
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
    from coopdesk.services.audit import AuditMark, verify, verify_file

    against = AuditMark.parse(ctx.args.against) if ctx.args.against else None
    # A co-op file is checked without loading the database layer (ten times the check: bench/bench_cli.py)
    report = verify_file(ctx.read_target(), against)
    if report is None:  # a server, or a file the ordinary open upgrades or refuses
        report = verify(ctx.database(), against)
    t = current()
    problem = _(report.problem, **{k: t.number(v) if isinstance(v, int) else v for k, v in report.params.items()}) \
        if report.problem else ""
    if ctx.json:
        print_json({"intact": report.intact, "entries": report.entries, "broken_at": report.broken_at,
                    "problem": problem, "mark": report.mark.text(), "anchored": report.anchored,
                    "differences": [{"record": d.record, "field": d.field, "logged": d.logged, "stored": d.stored}
                                    for d in report.differences]})
    if report.intact:
        if not ctx.json:
            say(ngettext("The audit log is intact: {count} entry.", "The audit log is intact: {count} entries.",
                         report.entries, count=t.number(report.entries)))
            if report.anchored:
                say(_("This file extends the log printed as {mark}.", mark=against.text() if against else ""))
            say(_("Its mark now: {mark}", mark=report.mark.text()))
        return 0
    if report.broken_at is not None:
        warn(_("The audit log is broken at entry {id}: {problem}", id=report.broken_at, problem=problem))
    else:
        warn(_("The audit log does not confirm this file: {reason}", reason=problem))
    for d in report.differences[:50]:
        warn("  " + _("{record}, {field}: the log says “{logged}”, the file holds “{stored}”", record=d.record,
                      field=d.field, logged=d.logged, stored=d.stored))
    return 3
