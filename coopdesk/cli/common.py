"""What every `coopdesk` command shares: the open database, the co-op, and output.

Commands print for people in the screen language, or with ``--json`` for scripts
(values there are plain: ISO dates, status codes, never translated).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coopdesk import paths
from coopdesk.domain.errors import Refusal
from coopdesk.i18n import _

if TYPE_CHECKING:
    from coopdesk.services.coops import CoopInfo
    from coopdesk.services.files import Database


class UsageError(Exception):
    """The command line asks for something that cannot be done as written: exit 2."""


# -- values from the command line ------------------------------------------------------

def iso_date(text: str) -> dt.date:
    """An argparse ``type``: a date written YYYY-MM-DD; anything else is a usage error."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("\u201c{value}\u201d is not a date: write it as YYYY-MM-DD.", value=text)) from None


def optional_date(text: str) -> dt.date | None:
    """Like ``iso_date``, but an empty value clears the date (for ``member edit``)."""
    return None if not text.strip() else iso_date(text)


def whole_number(low: int, high: int):  # type: ignore[no-untyped-def]
    """An argparse ``type``: a whole number from ``low`` to ``high``."""
    def parse(text: str) -> int:
        try:
            value = int(text.replace(",", "").replace("_", ""))
        except ValueError:
            value = low - 1
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                _("\u201c{value}\u201d is not a whole number from {low} to {high}.",
                  value=text, low=low, high=high))
        return value
    return parse


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


# -- the database ----------------------------------------------------------------------

def last_opened_file() -> str | None:
    """The file the GUI had open last (its settings), if that file still exists.

    Read defensively: the settings belong to the GUI and may be missing or odd.
    """
    try:
        data = json.loads(paths.settings_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    value = data.get("last_file") if isinstance(data, dict) else None
    if not isinstance(value, str) or not value.strip():
        return None
    if "://" not in value and not Path(value).expanduser().is_file():
        return None
    return value


def remember_opened(target: str) -> None:
    """The file a command made becomes the one opened last, as if the window had opened it.

    So ``coopdesk member list`` right after ``coopdesk demo`` or ``coopdesk init`` works
    without ``--db``, and the window opens that file next.  A settings file that cannot be
    written costs only that convenience: the command itself has succeeded.
    """
    from coopdesk.ui.settings import Settings  # plain JSON: no Qt

    if "://" not in target:  # remembered as a full path, as the window does
        target = str(Path(target).expanduser().resolve())
    try:
        settings = Settings()
        settings.remember_file(target)
        settings.save()
    except (OSError, ValueError):
        pass


# The database URLs --db takes besides a file: SQLite, and PostgreSQL through psycopg (3),
# the driver CoopDesk installs; "postgresql://" as people write it means that driver too.
_SERVER_SCHEMES = ("postgresql+psycopg", "postgresql", "postgres")


def database_target(value: str) -> str:
    """A ``--db`` value as the store takes it; any other kind of URL is a usage error."""
    if "://" not in value:
        return value
    scheme, _sep, rest = value.partition("://")
    scheme = scheme.lower()
    if scheme == "sqlite" or scheme.startswith("sqlite+"):
        return value
    if scheme in _SERVER_SCHEMES:
        from coopdesk.services.failures import BAD_ADDRESS, readable_address

        if not readable_address(value):
            raise UsageError(_(BAD_ADDRESS, address=paths.shown_target(value)))
        return f"postgresql+psycopg://{rest}"
    raise UsageError(_("CoopDesk cannot open a \u201c{scheme}://\u201d database. --db takes a co-op file "
                       "(a path) or a PostgreSQL server (postgresql+psycopg://user@host/name).", scheme=scheme))


def sqlite_file(target: str) -> Path | None:
    """The file a ``--db`` value names, or None for a server URL."""
    if "://" in target:
        if target.startswith("sqlite:///"):
            return Path(target[len("sqlite:///"):])
        return None
    return Path(target).expanduser()


@dataclass
class Context:
    """One run of a command: its options, and the database once it is opened."""

    args: argparse.Namespace
    _db: Database | None = field(default=None, repr=False)

    @property
    def json(self) -> bool:
        return bool(self.args.json)

    def target(self) -> str:
        if self.args.db:
            return database_target(str(self.args.db))
        last = last_opened_file()
        if last is None:
            raise UsageError(_("Which co-op file? Pass --db PATH (a .coopdesk file or a "
                               "postgresql+psycopg:// URL), or open a file in CoopDesk first."))
        return database_target(last)

    def read_target(self) -> str:
        """What a command that only reads hands to the services that read a co-op file without
        the database layer: the file's path (also for a ``sqlite:///`` URL), else the server's URL,
        which those services leave to the ordinary open."""
        target = self.target()
        path = sqlite_file(target)
        return str(path) if path is not None else target

    def shown_target(self) -> str | None:
        """The file or server this run works on, for a message (never a password); None if unknown."""
        try:
            return paths.shown_target(self.target())
        except UsageError:
            return None

    def database(self) -> Database:
        """The database of ``--db``; a missing file is refused (``init`` and ``demo`` create theirs
        whole, through ``services.files``, and nothing here ever deletes a file)."""
        if self._db is not None:
            return self._db
        from coopdesk.services.files import open_database

        target = self.target()
        path = sqlite_file(target)
        if path is not None and not path.exists():
            raise UsageError(_("There is no co-op file at {path}. Create one with "
                               "\u201ccoopdesk --db {path} init\u201d.", path=str(path)))
        try:
            self._db = open_database(target)
        except Refusal as refusal:
            cause = failure_under(refusal)
            if cause is None:
                raise
            raise cause from cause.__cause__  # its own chain: the database driver's error
        return self._db

    def where(self) -> str:
        """The open file, or the server URL without its password, for messages."""
        db = self.database()
        if db.path is not None:
            return str(db.path)
        return db.engine.url.render_as_string(hide_password=True)

    def coop(self) -> CoopInfo:
        from coopdesk.services.coops import default_coop

        return default_coop(self.database(), self.args.coop)

    def close(self, failed: bool) -> None:
        """Close the database (``failed`` changes nothing: no file is ever removed here)."""
        del failed
        if self._db is not None:
            self._db.close()
            self._db = None


def failure_under(refusal: Refusal) -> Exception | None:
    """The database's own error when opening met a read-only, damaged or full file, or no server
    (``store.server.NoConnection``: which server, and why).

    Opening words such errors as a refusal (``services.files.open_database``: the failure's
    own message); the command line tells them apart, in the user's words, as a file or a
    server that could not be used (exit 1).  A refusal a rule words otherwise (two laptops
    taking the same number) stays a refusal.
    """
    from coopdesk.services.failures import explain

    cause = refusal.__cause__
    if not isinstance(cause, Exception):
        return None
    failure = explain(cause)
    return cause if failure is not None and failure.message == refusal.message else None


# -- output ----------------------------------------------------------------------------

def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=_plain)
    sys.stdout.write("\n")


def _plain(value: object) -> object:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if hasattr(value, "value"):  # an Enum
        return value.value  # type: ignore[attr-defined]
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def say(text: str = "") -> None:
    print(text)


def warn(text: str) -> None:
    print(text, file=sys.stderr)


@lru_cache(maxsize=65536)
def width(text: str) -> int:
    """Columns a text takes in a terminal: Hangul and other wide letters take two."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, columns: int, right: bool = False) -> str:
    space = " " * max(0, columns - width(text))
    return space + text if right else text + space


def print_table(headings: Sequence[str], rows: Sequence[Sequence[str]],
                right: Sequence[int] = ()) -> None:
    """A plain text table; columns whose index is in ``right`` are right-aligned."""
    widths = [width(h) for h in headings]
    for row in rows:
        for i, cell in enumerate(row):
            w = width(cell)
            if w > widths[i]:
                widths[i] = w

    def line(cells: Sequence[str]) -> str:
        return "  ".join(pad(c, widths[i], i in right) for i, c in enumerate(cells)).rstrip()

    out = sys.stdout
    out.write(line(headings) + "\n" + "  ".join("-" * w for w in widths) + "\n")
    for row in rows:
        out.write(line(row) + "\n")


def print_fields(pairs: Sequence[tuple[str, str]]) -> None:
    """Label: value lines, the values lined up."""
    columns = max((width(label) for label, _v in pairs), default=0)
    for label, value in pairs:
        say(f"{pad(label + ':', columns + 1)} {value}".rstrip())


def progress_printer(label: str):  # type: ignore[no-untyped-def]
    """A ``progress(done, total)`` callback that shows a percentage on a terminal only."""
    if not sys.stderr.isatty():
        return None
    shown = [-1]

    def report(done: int, total: int) -> bool:
        percent = 100 * done // total if total else 100
        if percent != shown[0]:
            shown[0] = percent
            sys.stderr.write(f"\r{label} {percent}%")
            if done >= total:
                sys.stderr.write("\n")
            sys.stderr.flush()
        return True
    return report
