"""What went wrong below the rules, in words a secretary understands.

A refusal is the rules speaking.  These are the other things that stop an action: the
co-op file cannot be written (read-only), the disk is full, the file is damaged,
another program holds it, the server went away, or another laptop wrote the same
record at the same moment.  None of them is a bug, and none deserves a traceback; each
leaves the records as they were (the action's transaction is rolled back).  ``explain``
turns the database's error into a message id and what the front ends need: whether it
counts as refused (exit 3: doing it again later may work, nothing is wrong with the
file) or as a file that could not be read or written (exit 1).

The database's own wording is not shown: it is English, technical, and SQLAlchemy's
version of it carries the statement's values (members' names and phones).
"""

from __future__ import annotations

import errno
import sys
from dataclasses import dataclass, field
from enum import Enum

from coopdesk.domain.errors import Refusal
from coopdesk.domain.text import N_, Phrase


class Trouble(Enum):
    READ_ONLY = "read_only"
    DISK_FULL = "disk_full"
    DISK_ERROR = "disk_error"
    DAMAGED = "damaged"
    BUSY = "busy"
    CONFLICT = "conflict"
    SERVER = "server"
    UNSUPPORTED = "unsupported"
    # No connection to the server at all (store.server.Reason): nothing was read or written.
    NO_SERVER = "no_server"
    UNKNOWN_HOST = "unknown_host"
    LOGIN = "login"
    NO_DATABASE = "no_database"
    SERVER_SETTING = "server_setting"
    NO_CONNECTION = "no_connection"


MESSAGES = {
    Trouble.READ_ONLY: N_("The co-op file cannot be changed: it is read-only (the file, its folder or the "
                          "disk is write-protected). Nothing was saved."),
    Trouble.DISK_FULL: N_("The disk is full, so the change could not be written. Nothing was saved; make "
                          "room on the disk and try again."),
    Trouble.DISK_ERROR: N_("The co-op file could not be read or written (the disk reported an error). "
                           "Nothing was saved."),
    Trouble.DAMAGED: N_("The co-op file is damaged: part of it cannot be read. Nothing was changed. "
                        "Restore it from a backup: Tools \u25b8 Restore from backup in the window, or "
                        "\u201ccoopdesk backup list\u201d and \u201ccoopdesk restore\u201d."),
    Trouble.BUSY: N_("The co-op file is in use by another program and was not let go in time. Nothing "
                     "was saved; try again."),
    Trouble.CONFLICT: N_("Someone else changed the same records at the same moment, so nothing was "
                         "saved. Look at them again and repeat what you did if it is still needed."),
    Trouble.SERVER: N_("The database server could not be reached or ended the connection. Nothing was "
                       "saved; check the connection and try again."),
    Trouble.UNSUPPORTED: N_("CoopDesk opens co-op files and PostgreSQL servers "
                            "(postgresql+psycopg://\u2026) only."),
    Trouble.NO_SERVER: N_("Nothing answers at {host}, port {port}: the database server could not be reached. "
                          "Nothing was changed. Check that the server is running, that its address and port "
                          "are right, and that this computer can reach it (network, firewall)."),
    Trouble.UNKNOWN_HOST: N_("No computer called {host} was found on the network, so the database server "
                             "could not be reached. Nothing was changed. Check the server's address, and that "
                             "this computer is connected to the network."),
    Trouble.LOGIN: N_("The database server at {host}, port {port} did not let {user} in: the user name or the "
                      "password is wrong, or this user may not connect from this computer. Nothing was "
                      "changed. Check the user name and the password."),
    Trouble.NO_DATABASE: N_("The database server at {host}, port {port} has no database called {database}. "
                            "Nothing was changed. Check the database's name (after the last \u201c/\u201d "
                            "of the address); a new database is made on the server by its administrator."),
    Trouble.SERVER_SETTING: N_("The database address has a setting after \u201c?\u201d that PostgreSQL does not "
                               "take, so no connection to {host}, port {port} was made. Nothing was changed. "
                               "Check the settings in the address (such as sslmode or connect_timeout)."),
    Trouble.NO_CONNECTION: N_("CoopDesk could not connect to the database server at {host}, port {port}. "
                              "Nothing was changed. Check that the server is running, its address and port, "
                              "the user name and the password."),
}

# A server's address whose server or port cannot be read (a port of letters, an unclosed "[").
BAD_ADDRESS = N_("\u201c{address}\u201d is not a database address CoopDesk can read. A PostgreSQL database "
                 "is written postgresql+psycopg://user@server:port/database, the port a number.")


def readable_address(url: str) -> bool:
    """Whether the server and the port of a database URL can be read."""
    from urllib.parse import urlsplit

    try:
        urlsplit(url).port  # noqa: B018 - raises ValueError for a port that is no number
    except ValueError:
        return False
    return True


# Why a file could not be used, in the user's words (the system's own, strerror, are English).
FILE_REASONS = {
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("the disk space allowed to you is used up"),
    errno.EROFS: N_("the disk is read-only"),
    errno.EACCES: N_("you do not have the right to use it"),
    errno.EPERM: N_("you do not have the right to use it"),
    errno.ENOENT: N_("there is no such file or folder"),
    errno.EISDIR: N_("it is a folder"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.EFBIG: N_("the file would be too large"),
    errno.EIO: N_("the disk reported an error"),
    errno.ENAMETOOLONG: N_("the name is too long for the disk"),
}

# SQLite's primary result codes (https://sqlite.org/rescode.html).
_SQLITE = {3: Trouble.READ_ONLY,   # SQLITE_PERM
           5: Trouble.BUSY, 6: Trouble.BUSY,  # SQLITE_BUSY, SQLITE_LOCKED
           8: Trouble.READ_ONLY,   # SQLITE_READONLY
           10: Trouble.DISK_ERROR,  # SQLITE_IOERR
           11: Trouble.DAMAGED,    # SQLITE_CORRUPT
           13: Trouble.DISK_FULL,  # SQLITE_FULL
           14: Trouble.DISK_ERROR,  # SQLITE_CANTOPEN
           26: Trouble.DAMAGED}    # SQLITE_NOTADB
_SQLITE_UNIQUE = (1555, 2067)  # SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE

# PostgreSQL's SQLSTATEs: exact codes first, then their class (the first two characters).
_POSTGRES = {"23505": Trouble.CONFLICT,  # unique_violation: two writers took the same key
             "40001": Trouble.CONFLICT, "40P01": Trouble.CONFLICT,  # serialization failure, deadlock
             "25006": Trouble.READ_ONLY,  # read_only_sql_transaction (a standby server)
             "53100": Trouble.DISK_FULL,
             "55P03": Trouble.BUSY,  # lock_not_available
             "XX001": Trouble.DAMAGED, "XX002": Trouble.DAMAGED,
             "08": Trouble.SERVER, "57": Trouble.SERVER, "58": Trouble.DISK_ERROR}


@dataclass(frozen=True, slots=True)
class Failure:
    """An action stopped by the file, the disk or the server; the message is an id to translate."""

    trouble: Trouble
    message: str
    params: dict[str, object] = field(default_factory=dict)

    @property
    def refused(self) -> bool:
        """Nothing is wrong with the file or the disk: doing it again may well work (exit 3)."""
        return self.trouble in (Trouble.CONFLICT, Trouble.BUSY)


def explain(exc: BaseException) -> Failure | None:
    """What ``exc`` means for the user, or None when it is a bug (or unknown)."""
    connection = _no_connection(exc)
    if connection is not None:
        return connection
    trouble = _trouble(exc)
    return Failure(trouble, MESSAGES[trouble]) if trouble is not None else None


def _no_connection(exc: BaseException) -> Failure | None:
    """No connection to a server (``store.server``): which reason, and where it was going."""
    if "coopdesk.store.server" not in sys.modules:
        return None  # no server was ever asked for
    from coopdesk.store.server import NoConnection, Reason

    if not isinstance(exc, NoConnection):
        return None
    failed = exc.failure
    trouble = {Reason.UNREACHABLE: Trouble.NO_SERVER, Reason.UNKNOWN_HOST: Trouble.UNKNOWN_HOST,
               Reason.LOGIN: Trouble.LOGIN, Reason.NO_DATABASE: Trouble.NO_DATABASE,
               Reason.SETTING: Trouble.SERVER_SETTING}.get(
                   failed.reason, Trouble.NO_CONNECTION)
    return Failure(trouble, MESSAGES[trouble], {"host": failed.host, "port": failed.port,
                                                "database": failed.database, "user": failed.user})


def file_reason(exc: OSError) -> str | None:
    """Why a file could not be read or written, as a message id to translate; None for a rare reason."""
    return FILE_REASONS.get(exc.errno) if exc.errno is not None else None


def cannot_write(path: object, exc: OSError) -> Refusal:
    """"{path} cannot be written: the disk is full", the reason in the reader's language (the
    system's own English words only for a rare reason)."""
    reason = file_reason(exc)
    return Refusal(N_("{path} cannot be written: {error}"), field="path", path=str(path),
                   error=Phrase(reason) if reason else (exc.strerror or str(exc)))


def _trouble(exc: BaseException) -> Trouble | None:
    if "sqlalchemy" not in sys.modules:
        return None  # nothing of the database was loaded, so it cannot be the database's error
    from sqlalchemy import exc as sa

    if isinstance(exc, (sa.NoSuchModuleError, sa.ArgumentError)):
        return Trouble.UNSUPPORTED
    if isinstance(exc, ModuleNotFoundError) and _from_sqlalchemy_dialect(exc):
        return Trouble.UNSUPPORTED  # a dialect SQLAlchemy knows, with no driver installed (mysql://)
    # SQLAlchemy's wrapper, or the driver's own error where the store used the driver directly.
    original = exc.orig if isinstance(exc, sa.DBAPIError) else exc
    code = getattr(original, "sqlite_errorcode", None)
    if isinstance(code, int):
        if code in _SQLITE_UNIQUE:
            return Trouble.CONFLICT
        return _SQLITE.get(code & 0xFF)
    state = getattr(original, "sqlstate", None)
    if isinstance(state, str):
        return _POSTGRES.get(state) or _POSTGRES.get(state[:2])
    if isinstance(exc, sa.DBAPIError) and exc.connection_invalidated:
        return Trouble.SERVER
    return None


def _from_sqlalchemy_dialect(exc: ModuleNotFoundError) -> bool:
    tb = exc.__traceback__
    while tb is not None:
        if "sqlalchemy/dialects" in tb.tb_frame.f_code.co_filename.replace("\\", "/"):
            return True
        tb = tb.tb_next
    return False
