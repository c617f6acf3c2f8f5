"""The `coopdesk` command: the same services as the GUI, for scripting, advisors and tests.

    coopdesk [--db PATH|URL] [--coop ID] [--json] [--language ko|en] AREA VERB [options]

The four global options may also follow the area or the verb, where people type them
(``coopdesk member list --json``); a verb's own ``--language`` (the language of a
document or a file it writes) keeps that meaning there.  ``coopdesk`` alone starts the
GUI.  Exit status: 0 done, 2 usage error, 3 refused by a rule (the reason on stderr, in
the user's language), 1 a file that could not be read or written.  Nothing ends in a
Python traceback: what is not a refusal or a usage error is said in plain words, and
its detail goes to the log file (coopdesk.logs), without the members' data.

Start-up matters for scripts that call the command thousands of times (DESIGN.md §6: at
most 10x a bare ``python -c`` reading the file with sqlite3; bench/bench_cli.py).  So only
the area a command names is built into the parser, the command modules import services
lazily, nothing imports Qt, reportlab or openpyxl unless the command needs them, and the
reads scripts repeat most (``member list``, ``meeting results``, ``audit verify``) read a
co-op file through services that need no SQLAlchemy, falling back to the ordinary open
for a server or a file that needs it.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager

from coopdesk import __version__, i18n
from coopdesk.cli.common import Context, UsageError, failure_under, print_json, warn
from coopdesk.domain.errors import ImportRejected, Refusal
from coopdesk.i18n import N_, _, ngettext, refusal_text

OK, FAILED, USAGE, REFUSED = 0, 1, 2, 3
_VALUED_GLOBALS = ("--db", "--coop", "--language")

# argparse's own messages (its msgids, %-formatted by argparse) as ours, so they are
# translated like every other text; each placeholder is given back in argparse's form.
_ARGPARSE_MESSAGES: dict[str, tuple[str, dict[str, str]]] = {
    "argument %(argument_name)s: %(message)s":
        (N_("argument {argument}: {problem}"), {"argument": "%(argument_name)s", "problem": "%(message)s"}),
    "unrecognized arguments: %s": (N_("unrecognized arguments: {arguments}"), {"arguments": "%s"}),
    "the following arguments are required: %s":
        (N_("the following arguments are required: {arguments}"), {"arguments": "%s"}),
    "one of the arguments %s is required": (N_("one of the arguments {arguments} is required"), {"arguments": "%s"}),
    "not allowed with argument %s": (N_("not allowed with argument {argument}"), {"argument": "%s"}),
    "ignored explicit argument %r": (N_("ignored explicit argument {value}"), {"value": "%r"}),
    "expected one argument": (N_("expected one argument"), {}),
    "expected at most one argument": (N_("expected at most one argument"), {}),
    "expected at least one argument": (N_("expected at least one argument"), {}),
    "ambiguous option: %(option)s could match %(matches)s":
        (N_("ambiguous option: {option} could match {matches}"), {"option": "%(option)s", "matches": "%(matches)s"}),
    "invalid %(type)s value: %(value)r": (N_("invalid {type} value: {value}"), {"type": "%(type)s", "value": "%(value)r"}),
    "invalid choice: %(value)r (choose from %(choices)s)":
        (N_("invalid choice: {value} (choose from {choices})"), {"value": "%(value)r", "choices": "%(choices)s"}),
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        (N_("invalid choice: {value} (choose from {choices})"), {"value": "%(parser_name)r", "choices": "%(choices)s"}),
}


def _argparse_gettext(message: str) -> str:
    found = _ARGPARSE_MESSAGES.get(message)
    if found is None:
        return message
    ours, placeholders = found
    return _(ours).replace("%", "%%").format(**placeholders)


def _argparse_ngettext(singular: str, plural: str, n: int) -> str:
    if singular == "expected %s argument":
        return ngettext("expected {count} argument", "expected {count} arguments", n, count="%s")
    return singular if n == 1 else plural


@contextmanager
def _argparse_in_our_language() -> Iterator[None]:
    """argparse asks gettext's default domain, which never has our catalog: it asks us instead.

    It also spares argparse's search for a catalog file for every parser it builds.
    """
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _argparse_gettext, _argparse_ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


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


def _global_options() -> list[tuple[str, dict[str, object]]]:
    return [
        ("--db", {"metavar": "PATH|URL",
                  "help": _("The co-op file, or a postgresql+psycopg:// URL (default: the file opened last)")}),
        ("--coop", {"type": int, "metavar": "ID", "help": _("Which co-op, when the file holds several")}),
        ("--json", {"action": "store_true", "help": _("Machine-readable output")}),
        ("--language", {"choices": i18n.LANGUAGES, "help": _("Language of messages (default: the system's)")}),
    ]


# The areas, in the order ``coopdesk --help`` lists them: the module and function that add
# each one's commands, and its line of help.  Only the area a command names is made whole,
# its module imported: the others are only named, so a command pays for its own area.
_AREAS: tuple[tuple[str, str, str, str], ...] = (
    ("init", "coopdesk.cli.coop_cmds", "add_init", N_("Create a co-op (with --db, in that file)")),
    ("coop", "coopdesk.cli.coop_cmds", "add_coop", N_("The co-op's profile")),
    ("member", "coopdesk.cli.members.commands", "add_verbs", N_("The member register")),
    ("officer", "coopdesk.cli.officers.commands", "add_verbs",
     N_("The officer register: chair, directors and auditors")),
    ("meeting", "coopdesk.cli.meetings.commands", "add_verbs",
     N_("General assemblies, founding and board meetings: agenda, notice, attendance, votes, minutes")),
    ("election", "coopdesk.cli.elections.commands", "add_verbs",
     N_("Officer elections: contests, candidates, secret ballots or paper ballots, tellers, the result")),
    ("capital", "coopdesk.cli.capital.commands", "add_verbs",
     N_("Member capital: subscriptions, payments, transfers, refunds, the ledger and the year's surplus")),
    ("education", "coopdesk.cli.education.commands", "add_verbs",
     N_("Education: sessions, who attended, hours, the orientation owed, the yearly report")),
    ("year", "coopdesk.cli.year.commands", "add_verbs",
     N_("The co-op's year: what the law expects next and by when; mark tasks done; export a calendar")),
    ("founding", "coopdesk.cli.founding.commands", "add_verbs",
     N_("Founding a co-op: founders, consenters, the founding meeting, the filing and the registration")),
    ("demo", "coopdesk.cli.file_cmds", "add_demo", N_("Create a demo co-op in a new file")),
    ("print", "coopdesk.cli.file_cmds", "add_print", N_("Print a document to PDF")),
    ("backup", "coopdesk.cli.file_cmds", "add_backup",
     N_("Back up the co-op file now; \u201cbackup list\u201d lists the backups")),
    ("copy", "coopdesk.cli.file_cmds", "add_copy", N_("Save a complete copy of the co-op file, e.g. on a USB stick")),
    ("restore", "coopdesk.cli.file_cmds", "add_restore", N_("Put a backup in place of the co-op file")),
    ("audit", "coopdesk.cli.file_cmds", "add_audit", N_("The audit log")),
    ("overview", "coopdesk.cli.overview", "add_overview",
     N_("Every co-op of a folder of co-op files or of one database: next deadlines and warnings")),
)
AREAS = tuple(name for name, *_rest in _AREAS)


def build_parser(whole: Collection[str] | None = None) -> argparse.ArgumentParser:
    """The command line's parser; of the areas, those in ``whole`` (default: all) with their commands."""
    with _argparse_in_our_language():
        return _build_parser(AREAS if whole is None else whole)


def _build_parser(whole: Collection[str]) -> argparse.ArgumentParser:
    parser = _Parser(prog="coopdesk", description=_(
        "CoopDesk, the records of a co-operative under the Framework Act on Cooperatives. "
        "Without an area, the window opens."), epilog=_(
        "--db, --coop, --json and --language may also be given after the area and the command "
        "(coopdesk member list --json)."))
    parser.add_argument("--version", action="version", version=f"CoopDesk {__version__}",
                        help=_("Show the version and exit"))
    options = _global_options()
    for option, keywords in options:
        parser.add_argument(option, **keywords)  # type: ignore[arg-type]
    areas = parser.add_subparsers(dest="area", metavar="AREA", title=_("areas"))
    for name, module, function, help_text in _AREAS:
        area = areas.add_parser(name, help=_(help_text))
        if name in whole:
            getattr(importlib.import_module(module), function)(area)
    for sub in _subparsers(parser):
        for option, keywords in options:
            if option not in sub._option_string_actions:  # a verb's own --language stays its own
                # SUPPRESS: given here, it overrides the one before the area; not given, it leaves it.
                # Not repeated in every command's help: the epilog of `coopdesk --help` says it once.
                sub.add_argument(option, **{**keywords, "default": argparse.SUPPRESS,  # type: ignore[arg-type]
                                            "help": argparse.SUPPRESS})
    return parser


def _area_asked(argv: Sequence[str]) -> str | None:
    """The area the command line names: its first word that is not the value of a global option."""
    tokens = list(argv)
    for i, token in enumerate(tokens):
        if token == "--":
            return None
        if not token.startswith("-") and (i == 0 or tokens[i - 1] not in _VALUED_GLOBALS):
            return token
    return None


def _subparsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """Every parser under ``parser``: areas, verbs and documents."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in {id(p): p for p in action.choices.values()}.values():
                yield sub
                yield from _subparsers(sub)


def _language_asked(argv: Sequence[str]) -> str | None:
    """The global ``--language`` before the area, read before the parser exists so its help is translated."""
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


def _language_after_area(parser: argparse.ArgumentParser, argv: Sequence[str]) -> str | None:
    """The screen language given after the area (``member list --language ko``), if any.

    Followed through the parsers the words lead to, so that a verb's own ``--language``
    (``print register --language en``: the document's) is not taken for it.
    """
    current, found, tokens, i = parser, None, list(argv), 0
    while i < len(tokens):
        token = tokens[i]
        if token == "--":
            break
        option, has_value, value = token.partition("=")
        action = current._option_string_actions.get(option) if token.startswith("-") else None
        if action is not None:
            takes_value = action.nargs != 0
            if not has_value and takes_value:
                value = tokens[i + 1] if i + 1 < len(tokens) else ""
                i += 1
            if option == "--language" and action.dest == "language" and current is not parser:
                found = value if value in i18n.LANGUAGES else found
        elif not token.startswith("-"):
            current = _choice(current, token) or current
        i += 1
    return found


def _choice(parser: argparse.ArgumentParser, word: str) -> argparse.ArgumentParser | None:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action.choices.get(word)  # type: ignore[no-any-return]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    previous = i18n.current().language
    asked = _language_asked(argv)
    i18n.set_language(asked or i18n.system_language())
    try:
        return _run(argv)
    except Exception as exc:  # noqa: BLE001 - a bug in the command line itself: still no traceback
        return _report_failure(exc, None, "")
    finally:
        i18n.set_language(previous)  # in-process callers (tests) keep their language


def _parse(argv: list[str]) -> argparse.Namespace:
    area = _area_asked(argv)
    # A word that is no area (a misspelling, or the value of an abbreviated option: ``--lang ko``)
    # gets every area: argparse then reads the line as it always has.
    whole = None if area is not None and area not in AREAS else {area} if area else set()
    parser = build_parser(whole)
    if any(t == "--language" or t.startswith("--language=") for t in argv):  # the last one given wins
        later = _language_after_area(parser, argv)
        if later is not None and later != i18n.current().language:
            i18n.set_language(later)
            parser = build_parser(whole)  # its help and messages in the language asked for
    with _argparse_in_our_language():
        return parser.parse_args(argv)


def _run(argv: list[str]) -> int:
    try:
        args = _parse(argv)
    except SystemExit as exit_:  # --help, --version, or a usage error already printed
        return exit_.code if isinstance(exit_.code, int) else USAGE
    if args.area is None:
        return _start_gui(args.db, args.language)
    ctx = Context(args)
    code = FAILED
    try:
        code = _run_command(args, ctx)
        return code
    finally:
        try:
            ctx.close(code != OK)
        except Exception as exc:  # noqa: BLE001 - closing must not hide what the command said
            from coopdesk.logs import record_failure

            record_failure(exc, _action(args))


def _run_command(args: argparse.Namespace, ctx: Context) -> int:
    try:
        return int(args.run(ctx))
    except UsageError as exc:
        warn(_("{prog}: error: {problem}", prog="coopdesk", problem=str(exc)))
        return USAGE
    except Refusal as exc:
        cause = failure_under(exc)
        if cause is not None:  # the file, the disk or the server stopped it, not a rule: exit 1
            return _report_failure(cause, ctx, _action(args))
        _report_refusal(exc, ctx.json)
        return REFUSED
    except BrokenPipeError:  # `coopdesk member list | head`: the reader has gone; say nothing more
        _silence_stdout()
        return FAILED
    except OSError as exc:  # a file that cannot be read or written: not a rule, not a usage error
        from coopdesk.logs import record_failure

        record_failure(exc, _action(args))
        problem = _("{prog}: {problem}", prog="coopdesk", problem=_file_problem(exc))
        warn(problem)
        if ctx.json:
            print_json({"error": problem, "problem": "file"})
        return FAILED
    except KeyboardInterrupt:
        warn(_("Stopped."))
        return 130
    except Exception as exc:  # noqa: BLE001 - whatever it is, plain words and the log, never a traceback
        return _report_failure(exc, ctx, _action(args))


def _action(args: argparse.Namespace) -> str:
    """What the user was doing, for the log: the command's words, never its values."""
    return " ".join(str(w) for w in (getattr(args, "area", None), getattr(args, "verb", None)) if w)


def _report_failure(exc: Exception, ctx: Context | None, action: str) -> int:
    """A failure below the rules (the file, the disk, the server) or a bug: plain words, no traceback."""
    from coopdesk.logs import record_failure

    logged = record_failure(exc, action)
    try:
        from coopdesk.services.failures import explain

        failure = explain(exc)
    except Exception:  # noqa: BLE001 - explaining must never fail louder than the failure
        failure = None
    if failure is not None:
        text = _(failure.message, **failure.params)
        where = ctx.shown_target() if ctx is not None else None
        if where:
            text = _("{file}: {problem}", file=where, problem=text)
        kind, code = failure.trouble.value, (REFUSED if failure.refused else FAILED)
    else:
        text = _("CoopDesk met an error it did not expect. What was saved before is safe; "
                 "the action you were doing may not have been completed.")
        if logged is not None:
            text += "\n" + _("The details were written to {file}. Please send that file to whoever "
                             "supports your CoopDesk.", file=str(logged))
        kind, code = "bug", FAILED
    warn(text)
    if ctx is not None and ctx.json:
        print_json({"error": text, "problem": kind})
    return code


def _start_gui(db_target: str | None, language: str | None) -> int:
    """The window, after checking that this computer can show one (Linux: its X libraries)."""
    from coopdesk.ui.screen import screen_problem

    problem = screen_problem()
    if problem is not None:
        warn(problem)
        return FAILED
    try:
        from coopdesk.ui.app import run_gui

        return run_gui(db_target, language)
    except Exception as exc:  # noqa: BLE001 - before the window's own error dialog is in place
        return _report_failure(exc, None, "window")


def _silence_stdout() -> None:
    """Python's final flush of stdout would fail again on the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is no real file (a test's capture): nothing to flush
        pass


def _file_problem(exc: OSError) -> str:
    from coopdesk.services.failures import file_reason

    reason = file_reason(exc)
    reason_text = _(reason) if reason else (exc.strerror or str(exc))
    if exc.filename is not None:
        return _("cannot use {file}: {reason}", file=str(exc.filename), reason=reason_text)
    return reason_text


def _report_refusal(exc: Refusal, as_json: bool) -> None:
    if isinstance(exc, ImportRejected):
        from coopdesk.cli.members.files import report_rejected

        report_rejected(exc, as_json)
        return
    warn(refusal_text(exc))
    if as_json:
        article = exc.article.label(i18n.current().language) if exc.article else None
        print_json({"error": refusal_text(exc), "field": exc.field, "article": article})
