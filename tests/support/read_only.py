"""A file that really cannot be written, also when the tests run as root."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """``path`` cannot be written while the block runs, even by root.

    Permission bits do not stop root, and the tests run as root in this project's
    sandbox: there the file is made immutable (``chattr +i``, which stops root too; it
    needs CAP_LINUX_IMMUTABLE and an ext2/3/4-like file system, else the test is
    skipped).  As any other user, mode 0444 is enough.  The folder stays writable, so
    SQLite can still make the ``-wal`` and ``-shm`` files a reader needs.
    """
    if os.geteuid() == 0:
        done = (subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True, check=False)
                if shutil.which("chattr") else None)
        if done is None or done.returncode != 0:
            pytest.skip("as root, only chattr +i makes a file read-only, and it is not available here")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=True)
    else:
        mode = path.stat().st_mode
        path.chmod(0o444)
        try:
            yield
        finally:
            path.chmod(mode)
