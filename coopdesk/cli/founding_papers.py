"""`coopdesk print founding-pack`: the filing pack of a founding (설립신고 서류; a social co-op's
설립인가 신청 서류) as one PDF with its cover and contents (-o FILE.pdf), or as one PDF per
paper in a folder (--folder DIR).

The printing service loads reportlab, so it is imported only when the pack is printed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from coopdesk.cli.common import Context, print_json, say
from coopdesk.cli.printing import (
    REFERENCE_LANGUAGE_HELP,
    add_language,
    add_output,
    document_language,
    printing_progress,
    report_written,
)
from coopdesk.i18n import N_, _, current, ngettext


def add_print_parsers(docs: argparse._SubParsersAction) -> None:
    """The founding's papers under ``coopdesk print``."""
    pack = docs.add_parser("founding-pack", help=_(
        "The filing pack of a founding (설립신고 서류): the report form, the bylaws, the founding meeting's "
        "notice and minutes, the officers, the plan and budget, the shares and the consenters"))
    where = pack.add_mutually_exclusive_group()
    add_output(where, file_help=N_(
        "One PDF with a cover and contents (default: the co-op's name and the pack's, in the current folder)"))
    where.add_argument("--folder", dest="folder", type=Path, metavar="DIR",
                       help=_("A folder of PDFs instead, one per paper, numbered in the pack's order"))
    add_language(pack, language_help=REFERENCE_LANGUAGE_HELP)
    pack.set_defaults(run=run_print_pack)


def run_print_pack(ctx: Context) -> int:
    from coopdesk.services.founding.papers import (
        pack_file_name,
        print_pack,
        print_pack_folder,
    )

    a, db, coop = ctx.args, ctx.database(), ctx.coop()
    language = document_language(a)
    progress = printing_progress()
    if a.folder is not None:
        folder = print_pack_folder(db, coop.id, a.folder, language, progress=progress)
        if ctx.json:
            print_json({"folder": str(folder.folder), "files": [str(f) for f in folder.files], "pages": folder.pages})
        else:
            say(ngettext("Wrote {count} paper to {folder} ({pages} pages).",
                         "Wrote {count} papers to {folder} ({pages} pages).", len(folder.files),
                         count=current().number(len(folder.files)), folder=str(folder.folder),
                         pages=current().number(folder.pages)))
        return 0
    path = a.pdf or Path.cwd() / pack_file_name(db, coop.id, language)
    return report_written(ctx, print_pack(db, coop.id, path, language, progress=progress))
