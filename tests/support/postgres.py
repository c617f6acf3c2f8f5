"""A throwaway PostgreSQL server for the tests.

``PostgresServer`` runs ``initdb`` and ``pg_ctl`` from the PostgreSQL
binaries found on the machine (see ``find_pg_bin``) in a fresh temporary
directory, listens only on a Unix socket inside that directory, trusts every
local connection and runs with ``fsync=off``: fast, isolated, and gone after
``stop()``.

``initdb`` refuses to run as root, so when the tests run as root the
directory is given to the ``postgres`` system user and the server programs
run through ``runuser -u postgres --``.
"""

from __future__ import annotations

import atexit
import getpass
import glob
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

__all__ = ["PostgresServer", "PostgresUnavailable", "find_pg_bin"]

# Unix socket paths are limited to ~107 bytes (sun_path); "/tmp/cdpgXXXXXXXX/
# .s.PGSQL.NNNNN" stays far below that, whatever $TMPDIR says.
_TEMP_PARENT = "/tmp"
_SERVER_USER_WHEN_ROOT = "postgres"
_SAFE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class PostgresUnavailable(RuntimeError):
    """No usable PostgreSQL installation (binaries, or a user to run them as)."""


def _exe(name: str) -> str:
    return name + ".exe" if os.name == "nt" else name


def _has_server_binaries(directory: Path) -> bool:
    return all((directory / _exe(n)).is_file() for n in ("initdb", "pg_ctl", "postgres"))


def _version_key(directory: Path) -> tuple[int, ...]:
    # /usr/lib/postgresql/15/bin -> (15,); /usr/pgsql-9.6/bin -> (9, 6)
    match = re.search(r"(\d+(?:\.\d+)*)", directory.parent.name)
    return tuple(int(p) for p in match.group(1).split(".")) if match else (0,)


def find_pg_bin() -> Path | None:
    """The directory holding PostgreSQL's ``initdb``, ``pg_ctl`` and ``postgres``.

    Looks at ``$COOPDESK_PG_BIN`` first, then ``$PATH`` (following symlinks
    such as /usr/local/bin/initdb -> /usr/lib/postgresql/15/bin/initdb), then
    the distribution directories, newest version first. None if not found.
    """
    override = os.environ.get("COOPDESK_PG_BIN")
    if override:
        path = Path(override)
        return path if _has_server_binaries(path) else None

    for name in ("initdb", "pg_ctl"):
        found = shutil.which(name)
        if found:
            directory = Path(found).resolve().parent
            if _has_server_binaries(directory):
                return directory

    candidates: list[Path] = []
    for pattern in (
        "/usr/lib/postgresql/*/bin",  # Debian, Ubuntu
        "/usr/pgsql-*/bin",  # RHEL, Fedora (PGDG)
        "/opt/homebrew/opt/postgresql@*/bin",  # macOS, Homebrew
        "/usr/local/opt/postgresql@*/bin",
    ):
        candidates.extend(Path(p) for p in glob.glob(pattern))
    for directory in sorted(candidates, key=_version_key, reverse=True):
        if _has_server_binaries(directory):
            return directory
    return None


def _free_port() -> int:
    # The server listens only on its own Unix socket, so the port merely names
    # the socket file; still, take one nobody uses so a TCP fallback or a
    # confused client cannot collide with another server.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    """One PostgreSQL server in a temporary directory.

    >>> server = PostgresServer()
    >>> server.start()
    >>> url = server.create_database("t1")   # a SQLAlchemy URL
    >>> server.drop_database("t1")
    >>> server.stop()

    Also usable as a context manager.
    """

    def __init__(self, bin_dir: Path | None = None) -> None:
        bin_dir = bin_dir or find_pg_bin()
        if bin_dir is None:
            raise PostgresUnavailable(
                "no PostgreSQL server binaries (initdb, pg_ctl, postgres) on PATH "
                "or in /usr/lib/postgresql/*/bin"
            )
        self.bin_dir = Path(bin_dir)
        self.as_root = hasattr(os, "geteuid") and os.geteuid() == 0
        if self.as_root:
            if shutil.which("runuser") is None:
                raise PostgresUnavailable("running as root, but there is no runuser to drop to the postgres user")
            try:
                import pwd

                entry = pwd.getpwnam(_SERVER_USER_WHEN_ROOT)
            except KeyError:
                raise PostgresUnavailable(
                    "running as root, and initdb refuses root, but there is no "
                    f"'{_SERVER_USER_WHEN_ROOT}' system user to run the server as"
                ) from None
            self._uid, self._gid = entry.pw_uid, entry.pw_gid
            self.user = _SERVER_USER_WHEN_ROOT
        else:
            self.user = getpass.getuser()
        self.tcp = os.name == "nt"  # no Unix sockets for PostgreSQL on Windows
        self.port: int | None = None
        self.base_dir: Path | None = None
        self.startup_seconds: float | None = None
        self._running = False

    # -- paths -------------------------------------------------------------

    @property
    def data_dir(self) -> Path:
        assert self.base_dir is not None, "server not started"
        return self.base_dir / "data"

    @property
    def socket_dir(self) -> Path:
        assert self.base_dir is not None, "server not started"
        return self.base_dir

    @property
    def log_file(self) -> Path:
        assert self.base_dir is not None, "server not started"
        return self.base_dir / "server.log"

    @property
    def host(self) -> str:
        return "127.0.0.1" if self.tcp else str(self.socket_dir)

    # -- running the programs --------------------------------------------

    def _run(self, program: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin_dir / _exe(program)), *args]
        if self.as_root:
            command = ["runuser", "-u", _SERVER_USER_WHEN_ROOT, "--", *command]
        env = dict(os.environ)
        # The server's messages in English, whatever the machine's locale;
        # initdb gets its locale from --locale below.
        env.update(LC_ALL="C", LC_MESSAGES="C", LANG="C")
        for var in ("PGDATA", "PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGOPTIONS", "PGSERVICE"):
            env.pop(var, None)
        return subprocess.run(
            command,
            cwd=self.base_dir,  # the postgres user may not be allowed into our cwd
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def _server_log(self) -> str:
        try:
            return self.log_file.read_text(errors="replace")
        except OSError as error:
            return f"(no server log: {error})"

    # -- lifecycle --------------------------------------------------------

    def start(self) -> None:
        if self._running:
            return
        started = time.monotonic()
        self.base_dir = Path(tempfile.mkdtemp(prefix="cdpg", dir=_TEMP_PARENT if os.name != "nt" else None))
        try:
            if self.as_root:
                os.chown(self.base_dir, self._uid, self._gid)
            self.port = _free_port()

            result = self._run(
                "initdb",
                "--pgdata", str(self.data_dir),
                "--username", self.user,
                "--auth", "trust",
                "--encoding", "UTF8",
                "--locale", "C",
                "--no-sync",
            )
            if result.returncode != 0:
                raise RuntimeError(
                    f"initdb failed (exit {result.returncode}):\n{result.stdout}\n{result.stderr}"
                )

            settings = {
                "listen_addresses": "'127.0.0.1'" if self.tcp else "''",
                "unix_socket_directories": "''" if self.tcp else f"'{self.socket_dir}'",
                "port": str(self.port),
                "fsync": "off",
                "synchronous_commit": "off",
                "full_page_writes": "off",
                "max_connections": "100",
                "logging_collector": "off",
                "log_min_messages": "warning",
                "timezone": "'UTC'",
            }
            conf = self.data_dir / "postgresql.conf"
            text = "\n# CoopDesk test server\n" + "".join(f"{k} = {v}\n" for k, v in settings.items())
            # The file belongs to the postgres user when we are root; root may
            # append anyway, and the ownership stays as it was.
            with conf.open("a", encoding="utf-8") as f:
                f.write(text)

            result = self._run(
                "pg_ctl", "start", "-w", "-t", "60",
                "-D", str(self.data_dir),
                "-l", str(self.log_file),
            )  # fmt: skip
            if result.returncode != 0:
                raise RuntimeError(
                    f"pg_ctl start failed (exit {result.returncode}):\n{result.stdout}\n{result.stderr}\n"
                    f"--- server log {self.log_file} ---\n{self._server_log()}"
                )
            self._running = True
            atexit.register(self.stop)
            self._check_connectable()
        except BaseException:
            self.stop()
            raise
        self.startup_seconds = time.monotonic() - started

    def _check_connectable(self) -> None:
        try:
            with self._admin_connection() as conn:
                conn.execute("SELECT 1")
        except Exception as error:
            raise RuntimeError(
                f"PostgreSQL started but does not accept connections: {error}\n"
                f"--- server log {self.log_file} ---\n{self._server_log()}"
            ) from error

    def stop(self) -> None:
        """Stop the server (immediately: nothing in it needs to survive) and remove its directory."""
        if self.base_dir is None:
            return
        try:
            if self._running or (self.data_dir / "postmaster.pid").exists():
                self._run("pg_ctl", "stop", "-m", "immediate", "-w", "-D", str(self.data_dir), timeout=60)
        finally:
            self._running = False
            atexit.unregister(self.stop)
            shutil.rmtree(self.base_dir, ignore_errors=True)
            self.base_dir = None

    def __enter__(self) -> PostgresServer:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._running

    # -- databases ---------------------------------------------------------

    def _admin_connection(self):
        import psycopg

        return psycopg.connect(
            host=self.host,
            port=self.port,
            user=self.user,
            dbname="postgres",
            autocommit=True,
            connect_timeout=10,
        )

    def url(self, name: str) -> str:
        """The SQLAlchemy URL of database *name* on this server."""
        return f"postgresql+psycopg://{self.user}@/{name}?host={self.host}&port={self.port}"

    def create_database(self, name: str | None = None, *, template: str | None = None) -> str:
        """Create a database (a unique name if none given) and return its SQLAlchemy URL.

        Empty (from ``template0``, UTF-8) unless ``template`` names a database
        of this server to copy: PostgreSQL then copies it file by file, which
        needs nobody connected to it (see ``freeze_template``).
        """
        if not self._running:
            raise RuntimeError("PostgreSQL server not started")
        name = name or "t_" + uuid.uuid4().hex[:16]
        _check_name(name)
        with self._admin_connection() as conn:
            if template is None:
                conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
            else:
                _check_name(template)
                conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return self.url(name)

    def freeze_template(self, name: str, timeout: float = 10.0) -> None:
        """Make database *name* a template to copy: nobody may connect to it any more.

        ``CREATE DATABASE ... TEMPLATE`` fails while anyone is connected to
        the template, so connections are refused from now on, and this waits
        until the backends of connections already closed have gone.
        """
        _check_name(name)
        with self._admin_connection() as conn:
            conn.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false')
            deadline = time.monotonic() + timeout
            while True:
                row = conn.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s", (name,)).fetchone()
                if not row or row[0] == 0:
                    return
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{row[0]} connection(s) to the template database {name} stay open")
                time.sleep(0.01)

    def drop_database(self, name: str) -> None:
        """Drop database *name*, disconnecting whoever is still connected to it."""
        if not self._running:
            return
        _check_name(name)
        with self._admin_connection() as conn:
            if conn.info.server_version >= 130000:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            else:
                conn.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                    (name,),
                )
                conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


def _check_name(name: str) -> None:
    if not _SAFE_NAME.match(name):
        raise ValueError(f"unsafe database name for a test database: {name!r}")
