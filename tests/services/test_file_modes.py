"""Files written for the user (exports, PDFs) get the user's normal permissions.

A new file gets what the user's umask gives any new file (0666 & ~umask), as a file
saved by any other program does; a file that is replaced keeps its own mode.  Both
tests set the umask, since a test cannot know the one it was started with.
"""

from __future__ import annotations

import os
import stat
import sys

import pytest

from coopdesk.services.printing import write_pdf
from coopdesk.services.table_write import write_table

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(params=[0o022, 0o002, 0o077])
def umask(request):
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def write(path, kind):
    if kind == "pdf":
        write_pdf(path, PDF)
    else:
        write_table(path, ["이름"], [["김민준"]], total=1)


@pytest.mark.parametrize("kind", ["xlsx", "csv", "pdf"])
def test_a_new_file_gets_the_mode_the_users_umask_gives(tmp_path, umask, kind):
    path = tmp_path / f"out.{kind}"
    write(path, kind)
    assert mode(path) == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


@pytest.mark.parametrize("kind", ["xlsx", "csv", "pdf"])
@pytest.mark.parametrize("kept", [0o644, 0o640, 0o664, 0o600])
def test_a_replaced_file_keeps_its_mode(tmp_path, kind, kept):
    path = tmp_path / f"out.{kind}"
    path.write_bytes(b"last week's")
    path.chmod(kept)
    old = os.umask(0o077)  # the file's own mode wins over the umask
    try:
        write(path, kind)
    finally:
        os.umask(old)
    assert mode(path) == kept
    assert path.read_bytes() != b"last week's"
