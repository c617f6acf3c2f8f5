"""The first connection to a PostgreSQL server, and why it could not be made.

Opening a database on a server starts with one connection and nothing else: if it
fails, nothing was read or written, and the reason is one of a few a user can act on —
nothing answers at that address and port (no server running, a wrong port, a firewall),
no computer has that name, the server refused the user name or the password, or it has
no database of that name.  The driver says which only in its message (psycopg gives no
SQLSTATE for a connection that never opened), in libpq's and the server's English; a
server set to another language for its messages gives ``Reason.OTHER``, still said with
the address and what to check.  The message itself is never shown: it is English and
technical (``services.failures`` words each reason).
"""

from __future__ import annotations

import getpass
import re
from dataclasses import dataclass
from enum import Enum

from sqlalchemy import Connection, Engine
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

DEFAULT_PORT = "5432"  # libpq's


class Reason(Enum):
    UNREACHABLE = "unreachable"  # refused, timed out, no route, no socket: nothing answers there
    UNKNOWN_HOST = "unknown_host"  # the name is not found on the network
    LOGIN = "login"  # the server refused the user name or the password
    NO_DATABASE = "no_database"
    SETTING = "setting"  # a setting after "?" in the URL the driver does not take (sslmode=bogus)
    OTHER = "other"


# Searched in the driver's message, lower-cased; the first that matches decides.
_SIGNS: tuple[tuple[Reason, re.Pattern[str]], ...] = (
    (Reason.SETTING, re.compile(r"invalid connection option|invalid [\w ]+ value|bad value for")),
    (Reason.NO_DATABASE, re.compile(r'database ".*" does not exist')),
    (Reason.LOGIN, re.compile(r"authentication failed|no password supplied|password is required|"
                              r"no pg_hba\.conf entry|role \".*\" does not exist|fe_sendauth")),
    (Reason.UNKNOWN_HOST, re.compile(r"could not translate host name|failed to resolve host|"
                                     r"name or service not known|nodename nor servname|"
                                     r"no address associated|name resolution|unknown host")),
    (Reason.UNREACHABLE, re.compile(r"connection refused|timeout expired|timed out|no route to host|"
                                    r"network is unreachable|no such file or directory|"
                                    r"is the server running")),
)


@dataclass(frozen=True, slots=True)
class ConnectionFailure:
    """Why no connection was made to the server at ``host``:``port``, for database ``database``
    as ``user`` (as the driver used them: the URL's, or libpq's defaults)."""

    reason: Reason
    host: str
    port: str
    database: str
    user: str


class NoConnection(Exception):
    """No connection to the server could be made: nothing was read or written."""

    def __init__(self, failure: ConnectionFailure) -> None:
        super().__init__(f"no connection to {failure.host}:{failure.port} ({failure.reason.value})")
        self.failure = failure


def first_connection(engine: Engine) -> Connection:
    """A connection of ``engine`` (a server's); ``NoConnection`` says why there is none."""
    try:
        return engine.connect()
    except DBAPIError as exc:
        if exc.connection_invalidated or exc.orig is None:
            raise
        raise NoConnection(describe(exc.orig, engine.url)) from exc


def check_connection(engine: Engine) -> None:
    """Connect once (the connection goes back to the pool for what follows)."""
    first_connection(engine).close()


def describe(error: BaseException, url: URL) -> ConnectionFailure:
    """The reason in the driver's ``error`` and where it was going: the driver's own record of the
    attempt (``pgconn``) when it has one, else the URL with libpq's defaults."""
    text = str(error).lower()
    reason = next((r for r, sign in _SIGNS if sign.search(text)), Reason.OTHER)
    pgconn = getattr(error, "pgconn", None)
    if reason is Reason.OTHER and pgconn is not None and getattr(pgconn, "needs_password", False):
        reason = Reason.LOGIN  # the server asked for a password the URL does not give
    query = url.query
    return ConnectionFailure(
        reason,
        host=_text(getattr(pgconn, "host", None)) or url.host or _first(query.get("host")) or "localhost",
        port=_text(getattr(pgconn, "port", None)) or str(url.port or _first(query.get("port")) or DEFAULT_PORT),
        database=_text(getattr(pgconn, "db", None)) or url.database or "",
        user=_text(getattr(pgconn, "user", None)) or url.username or _login_name(),
    )


def _text(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value if isinstance(value, str) else ""


def _first(value: str | tuple[str, ...] | None) -> str | None:
    return value[0] if isinstance(value, tuple) else value


def _login_name() -> str:
    try:
        return getpass.getuser()  # libpq's default user name
    except (KeyError, OSError):
        return ""
