"""The log file: what went wrong, for whoever supports the user, without the user's data.

When something fails below the rules (a read-only or damaged file, a full disk, a
server that went away, a bug), the user gets a short message and this file gets the
detail: the kind of error, the SQL statement's *text*, the database's own error code,
and where in the program it happened (each frame's file, line, function and source
line).  It never gets the values bound to a statement (members' names, phones,
addresses, which SQLAlchemy prints with its errors) nor the message of an error that
may have been composed from such values (a ``ValueError`` quoting what was typed).
Whoever reads the log can find the fault; they cannot read the register out of it.

Nothing here imports SQLAlchemy, a database driver or Qt: the command line writes its
failures here too, and its start-up time matters.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import platform
import re
import sys
import traceback
from pathlib import Path
from types import TracebackType

from coopdesk import paths

LOG_NAME = "coopdesk.log"
MAX_BYTES = 1_000_000  # then the file moves to coopdesk.log.1 (one older file kept)

# Messages that Python composes from the program's own names (an attribute, a type, a
# module), never from the data being worked on: useful to whoever fixes the bug, and safe.
SAFE_MESSAGES: tuple[type[BaseException], ...] = (
    AttributeError, NameError, ImportError, NotImplementedError, RecursionError, TypeError,
    ZeroDivisionError, RuntimeError, MemoryError,
)
# A database error quotes values ('김하늘', "010-…"); identifiers are logged from the
# error's structured fields instead.
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|\u201c[^\u201d]*\u201d")
LEFT_OUT = "(message left out: it may hold personal details)"


def log_file() -> Path:
    return paths.logs_dir() / LOG_NAME


def record_failure(exc: BaseException, action: str = "") -> Path | None:
    """Append the report of ``exc`` to the log; the file, or None if it could not be written.

    ``action`` says what the user was doing (``member add``), never with the values
    they gave.  A full disk or a read-only home folder must not turn one failure into
    two, so a log that cannot be written is passed over in silence.
    """
    when = dt.datetime.now().isoformat(sep=" ", timespec="seconds")
    text = f"{when} ERROR {header(action)}\n{describe(exc)}\n"
    try:
        file = log_file()
        _rotate(file)
        with file.open("a", encoding="utf-8") as fh:
            fh.write(text)
    except OSError:
        return None
    return file


def header(action: str = "") -> str:
    from coopdesk import __version__

    doing = f" while: {action}" if action else ""
    return (f"CoopDesk {__version__}, Python {platform.python_version()}, {platform.system()} "
            f"{platform.release()}{doing}")


def describe(exc: BaseException) -> str:
    """The report of ``exc`` and the errors that led to it, oldest first, as the log gets it."""
    chain: list[BaseException] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ if current.__cause__ is not None else (
            None if current.__suppress_context__ else current.__context__)
    blocks = [_one(e) for e in reversed(chain)]
    return "\nwhich led to:\n".join(blocks)


def _one(exc: BaseException) -> str:
    lines = ["Traceback (most recent call last):\n"] if exc.__traceback__ is not None else []
    lines += _frames(exc.__traceback__)
    lines.append(f"{_qualified(type(exc))}: {message_of(exc)}\n")
    statement = getattr(exc, "statement", None)
    if isinstance(statement, str) and statement.strip():
        # The statement's text only: its parameters are the user's data.
        lines.append("  SQL: " + " ".join(statement.split()) + "\n")
    return "".join(lines)


def _frames(tb: TracebackType | None) -> list[str]:
    out = []
    for frame in traceback.extract_tb(tb):
        out.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}\n')
        if frame.line:
            out.append(f"    {frame.line.strip()}\n")  # the program's source, not its values
    return out


def _qualified(kind: type) -> str:
    module = kind.__module__
    return kind.__qualname__ if module == "builtins" else f"{module}.{kind.__qualname__}"


def message_of(exc: BaseException) -> str:
    """What of the error's own message may be written down."""
    sqlite_name = getattr(exc, "sqlite_errorname", None)
    if isinstance(sqlite_name, str):  # sqlite3: its code, and its words without quoted values
        return f"{sqlite_name}: {_unquoted(str(exc))}"
    sqlstate = getattr(exc, "sqlstate", None)
    if isinstance(sqlstate, str):  # psycopg: the SQLSTATE and the names of what was involved
        return _postgres_message(exc, sqlstate)
    if hasattr(exc, "statement") and hasattr(exc, "params"):
        return "(see the SQL below and the database error above)"  # SQLAlchemy's text has the values
    if isinstance(exc, OSError):
        code = exc.errno
        name = os.strerror(code) if isinstance(code, int) else ""
        return f"[errno {code}] {name}".strip() if code is not None else LEFT_OUT
    if isinstance(exc, SAFE_MESSAGES):
        return str(exc)
    return LEFT_OUT


def _postgres_message(exc: BaseException, sqlstate: str) -> str:
    diag = getattr(exc, "diag", None)
    parts = [f"SQLSTATE {sqlstate}"]
    primary = getattr(diag, "message_primary", None)
    if primary:
        parts.append(_unquoted(str(primary)))
    for label in ("constraint_name", "table_name", "column_name"):
        value = getattr(diag, label, None)
        if value:
            parts.append(f"{label.split('_')[0]} {value}")
    return "; ".join(parts)  # never the DETAIL line: "Key (name)=(김하늘) already exists."


def _unquoted(text: str) -> str:
    first_line = text.strip().splitlines()[0] if text.strip() else ""
    return _QUOTED.sub("\u2026", first_line)


def _rotate(file: Path) -> None:
    try:
        if file.stat().st_size > MAX_BYTES:
            os.replace(file, file.with_name(file.name + ".1"))
    except FileNotFoundError:
        pass


class SafeFormatter(logging.Formatter):
    """A log formatter whose tracebacks are ``describe``'s: no statement parameters, no values."""

    def formatException(self, ei) -> str:  # type: ignore[no-untyped-def, override]
        exc = ei[1] if ei else None
        return describe(exc).rstrip("\n") if exc is not None else ""


def file_handler() -> logging.Handler:
    """A handler for the program's ``logging`` records, into the same file."""
    file = log_file()
    _rotate(file)
    handler = logging.FileHandler(file, encoding="utf-8")
    handler.setFormatter(SafeFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    return handler


def last_resort(exc: BaseException) -> None:
    """When even reporting failed: one plain line on stderr, never a traceback with values."""
    try:
        sys.stderr.write(f"CoopDesk: {_qualified(type(exc))}\n")
    except (OSError, ValueError):
        pass
