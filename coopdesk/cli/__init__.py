"""The `coopdesk` command: the same services as the GUI, for scripting, advisors and tests.

    coopdesk [--db PATH|URL] [--coop ID] [--json] [--language ko|en] AREA VERB [options]

``coopdesk`` alone starts the GUI.  Exit status: 0 done, 2 usage error, 3 refused by a
rule (the reason on stderr, in the user's language), 1 a file that could not be read or
written.

Start-up matters for scripts that call the command thousands of times, so the command
modules import services lazily and nothing here imports Qt or reportlab unless the
command needs them.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from coopdesk import __version__, i18n
from coopdesk.cli.common import Context, UsageError, print_json, warn
from coopdesk.domain.errors import ImportRejected, Refusal
from coopdesk.i18n import _, refusal_text

OK, FAILED, USAGE, REFUSED = 0, 1, 2, 3
_VALUED_GLOBALS = ("--db", "--coop", "--language")


class _Formatter(argparse.HelpFormatter):
    """Help texts are shown as written: a translated text may contain a bare ``%``."""

    def _expand_help(self, action: argparse.Action) -> str:
        return self._get_help_string(action) or ""


class _Parser(argparse.ArgumentParser):
    """argparse with the program's own, translated help option and error line."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        # argparse's own headings come from its gettext domain, never translated: ours are.
        self._positionals.title = _("positional arguments")
        self._optionals.title = _("options")
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help=_("Show this help and exit"))

    def format_usage(self) -> str:
        return super().format_usage().replace("usage: ", _("usage: "), 1)

    def format_help(self) -> str:
        return super().format_help().replace("usage: ", _("usage: "), 1)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        warn(_("{prog}: error: {problem}", prog=self.prog, problem=message))
        raise SystemExit(USAGE)


def build_parser() -> argparse.ArgumentParser:
    from coopdesk.cli import coop_cmds, file_cmds
    from coopdesk.cli.meetings import commands as meeting_cmds
    from coopdesk.cli.members import commands as member_cmds
    from coopdesk.cli.officers import commands as officer_cmds

    parser = _Parser(prog="coopdesk", description=_(
        "CoopDesk, the records of a co-operative under the Framework Act on Cooperatives. "
        "Without an area, the window opens."))
    parser.add_argument("--version", action="version", version=f"CoopDesk {__version__}",
                        help=_("Show the version and exit"))
    parser.add_argument("--db", metavar="PATH|URL",
                        help=_("The co-op file, or a postgresql+psycopg:// URL (default: the file opened last)"))
    parser.add_argument("--coop", type=int, metavar="ID", help=_("Which co-op, when the file holds several"))
    parser.add_argument("--json", action="store_true", help=_("Machine-readable output"))
    parser.add_argument("--language", choices=i18n.LANGUAGES,
                        help=_("Language of messages (default: the system's)"))
    areas = parser.add_subparsers(dest="area", metavar="AREA", title=_("areas"))
    coop_cmds.add_parsers(areas)
    member_cmds.add_parsers(areas)
    officer_cmds.add_parsers(areas)
    meeting_cmds.add_parsers(areas)
    file_cmds.add_parsers(areas)
    return parser


def _language_asked(argv: Sequence[str]) -> str | None:
    """The global ``--language``, read before the parser exists so its help is translated.

    Only options before the area count: ``print register --language`` picks the
    document's language, not the screen's.
    """
    tokens = list(argv)
    for i, token in enumerate(tokens):
        if token.startswith("--language="):
            value = token.partition("=")[2]
            return value if value in i18n.LANGUAGES else None
        if token == "--language":
            value = tokens[i + 1] if i + 1 < len(tokens) else ""
            return value if value in i18n.LANGUAGES else None
        if not token.startswith("-"):
            previous = tokens[i - 1] if i else ""
            if previous not in _VALUED_GLOBALS:
                return None  # the area: what follows is the command's own
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    previous = i18n.current().language
    asked = _language_asked(argv)
    i18n.set_language(asked or i18n.system_language())
    try:
        return _run(argv, asked)
    finally:
        i18n.set_language(previous)  # in-process callers (tests) keep their language


def _run(argv: list[str], asked: str | None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit_:  # --help, --version, or a usage error already printed
        return exit_.code if isinstance(exit_.code, int) else USAGE
    if args.area is None:
        from coopdesk.ui.app import run_gui

        return run_gui(args.db, asked)
    ctx = Context(args)
    failed = True
    try:
        code = args.run(ctx)
        failed = code != OK
        return code
    except UsageError as exc:
        warn(_("{prog}: error: {problem}", prog="coopdesk", problem=str(exc)))
        return USAGE
    except Refusal as exc:
        _report_refusal(exc, ctx.json)
        return REFUSED
    except BrokenPipeError:  # `coopdesk member list | head`: the reader has gone; say nothing more
        _silence_stdout()
        return FAILED
    except OSError as exc:  # a file that cannot be read or written: not a rule, not a usage error
        warn(_("{prog}: {problem}", prog="coopdesk", problem=_file_problem(exc)))
        return FAILED
    except KeyboardInterrupt:
        warn(_("Stopped."))
        return 130
    finally:
        ctx.close(failed)


def _silence_stdout() -> None:
    """Python's final flush of stdout would fail again on the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is no real file (a test's capture): nothing to flush
        pass


def _file_problem(exc: OSError) -> str:
    if exc.filename is not None:
        return _("cannot use {file}: {reason}", file=str(exc.filename), reason=exc.strerror or str(exc))
    return str(exc)


def _report_refusal(exc: Refusal, as_json: bool) -> None:
    if isinstance(exc, ImportRejected):
        from coopdesk.cli.members.files import report_rejected

        report_rejected(exc, as_json)
        return
    warn(refusal_text(exc))
    if as_json:
        article = exc.article.label(i18n.current().language) if exc.article else None
        print_json({"error": refusal_text(exc), "field": exc.field, "article": article})

