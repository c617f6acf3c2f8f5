"""`coopdesk print founding-pack`: the filing pack of a founding (설립신고 서류; a social co-op's
설립인가 신청 서류) as one PDF with its cover and contents (-o FILE.pdf), or as one PDF per
paper in a folder (--folder DIR).

The printing service loads reportlab, so it is imported only when the pack is printed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from coopdesk.cli.common import Context, print_json, progress_printer, say
from coopdesk.i18n import LANGUAGES, _, current, ngettext


def add_print_parsers(docs: argparse._SubParsersAction) -> None:
    """The founding's papers under ``coopdesk print``."""
    pack = docs.add_parser("founding-pack", help=_(
        "The filing pack of a founding (설립신고 서류): the report form, the bylaws, the founding meeting's "
        "notice and minutes, the officers, the plan and budget, the shares and the consenters"))
    where = pack.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", dest="pdf", type=Path, help=_(
        "One PDF with a cover and contents (default: the co-op's name and the pack's, in the current folder)"))
    where.add_argument("--folder", dest="folder", type=Path, metavar="DIR",
                       help=_("A folder of PDFs instead, one per paper, numbered in the pack's order"))
    pack.add_argument("--language", dest="doc_language", choices=LANGUAGES,
                      help=_("Language of the document (default: the screen language). Korean is the text "
                             "that counts; English is a reference translation"))
    pack.set_defaults(run=run_print_pack)


def run_print_pack(ctx: Context) -> int:
    from coopdesk.services.founding.papers import (
        pack_file_name,
        print_pack,
        print_pack_folder,
    )

    a, db, coop = ctx.args, ctx.database(), ctx.coop()
    language = a.doc_language or current().language
    progress = progress_printer(_("Printing"))
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
    result = print_pack(db, coop.id, path, language, progress=progress)
    if ctx.json:
        print_json({"file": str(result.path), "pages": result.pages})
    else:
        say(ngettext("Wrote {file} ({count} page).", "Wrote {file} ({count} pages).", result.pages,
                     file=str(result.path), count=current().number(result.pages)))
    return 0
