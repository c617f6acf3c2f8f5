"""What every `coopdesk print …` paper shares: where its PDF goes and in which language, the
progress shown while it is drawn, and the line that says what was written.

Each paper's own options (which member, which meeting, which day) stay with its area; the
options here are the same on every paper, so a paper added later takes them as they are.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Protocol

from coopdesk.cli.common import Context, print_json, progress_printer, say
from coopdesk.i18n import LANGUAGES, N_, _, current, ngettext

# The texts of the two options.  A paper whose file name or language differs says so in its own.
FILE_HELP = N_("The PDF file to write (default: a name from the paper, in the current folder)")
MEETING_FILE_HELP = N_("The PDF file to write (default: the meeting's title and the paper's name, "
                       "in the current folder)")
LANGUAGE_HELP = N_("Language of the document (default: the screen language)")
REFERENCE_LANGUAGE_HELP = N_("Language of the document (default: the screen language). Korean is the text "
                             "that counts; English is a reference translation")


class Written(Protocol):
    """What a printing service returns: the file it wrote and its pages."""

    @property
    def path(self) -> Path: ...

    @property
    def pages(self) -> int: ...


def add_output_options(parser: argparse.ArgumentParser, *, file_help: str = FILE_HELP,
                       language_help: str = LANGUAGE_HELP, required: bool = False) -> None:
    """``-o/--output`` and ``--language``, in that order; the helps are msgids, translated here."""
    add_output(parser, file_help=file_help, required=required)
    add_language(parser, language_help=language_help)


def add_output(container: argparse._ActionsContainer, *, file_help: str = FILE_HELP,
               required: bool = False) -> None:
    """``-o/--output`` (``args.pdf``), to a parser or to a group of options that exclude each other."""
    container.add_argument("-o", "--output", dest="pdf", type=Path, required=required, help=_(file_help))


def add_language(parser: argparse.ArgumentParser, *, language_help: str = LANGUAGE_HELP) -> None:
    """``--language`` (``args.doc_language``): the document's, not the messages'."""
    parser.add_argument("--language", dest="doc_language", choices=LANGUAGES, help=_(language_help))


def document_language(args: argparse.Namespace) -> str:
    """The language the paper is printed in: ``--language``, else the screen's."""
    return args.doc_language or current().language


def printing_progress():  # type: ignore[no-untyped-def]
    """The percentage shown on a terminal while a long paper is drawn."""
    return progress_printer(_("Printing"))


def report_written(ctx: Context, result: Written) -> int:
    """Say which file was written and how many pages it has (with ``--json``: both as values)."""
    if ctx.json:
        print_json({"file": str(result.path), "pages": result.pages})
    else:
        say(ngettext("Wrote {file} ({count} page).", "Wrote {file} ({count} pages).", result.pages,
                     file=str(result.path), count=current().number(result.pages)))
    return 0
