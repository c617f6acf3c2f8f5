"""Starting the window on Linux: missing X libraries or no screen are said plainly, before Qt aborts."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coopdesk.i18n import Translator
from coopdesk.ui.screen import XCB_LIBRARIES, screen_problem
from tests.cli.conftest import Result

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the X11 libraries are Linux's")


def _start(env_changes: dict[str, str | None], *args: str) -> Result:
    """``coopdesk`` (the window) as a desktop would start it, with these environment changes."""
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env.update({"LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"})
    for key, value in env_changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    done = subprocess.run([sys.executable, "-m", "coopdesk", *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=60, check=False)
    return Result(done.returncode, done.stdout, done.stderr)


def _xcb_plugin() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"


def _not_found_by_ldd() -> set[str]:
    """What the system's loader cannot find for Qt's xcb plugin (``ldd``), independently of the program."""
    if not shutil.which("ldd"):
        pytest.skip("no ldd to check against")
    output = subprocess.run(["ldd", str(_xcb_plugin())], capture_output=True, text=True, check=False).stdout
    return set(re.findall(r"^\s*(\S+) => not found", output, flags=re.MULTILINE))


@linux_only
def test_missing_x_libraries_are_named_with_their_packages():
    missing = _not_found_by_ldd()
    if not missing:
        pytest.skip("this system has every library Qt's xcb plugin needs")
    packages = {package for library, package in XCB_LIBRARIES if library in missing}
    assert packages, f"the table lacks a library ldd misses: {missing}"
    result = _start({"QT_QPA_PLATFORM": None, "DISPLAY": ":97", "WAYLAND_DISPLAY": None})
    assert result.code == 1, result.err
    assert "sudo apt-get install" in result.err
    install = result.err.split("sudo apt-get install", 1)[1].splitlines()[0].split()
    assert set(install) == packages
    assert "qt.qpa" not in result.err and "Aborted" not in result.err and "Traceback" not in result.err


@linux_only
def test_missing_x_libraries_in_korean():
    missing = _not_found_by_ldd()
    if not missing:
        pytest.skip("this system has every library Qt's xcb plugin needs")
    result = _start({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":97"}, "--language", "ko")
    assert result.code == 1, result.err
    ko = Translator("ko")
    opening = ko.gettext("CoopDesk cannot open its window: this computer lacks system libraries that the window "
                         "needs ({packages}). On Debian or Ubuntu, install them with:\n"
                         "    sudo apt-get install {packages}\n"
                         "and start CoopDesk again. The command line (coopdesk --help) works without them.",
                         packages="@").split("@")[0]
    assert opening.startswith("CoopDesk 창을"), "not translated into Korean yet"
    assert opening in result.err


@linux_only
def test_no_screen_at_all_is_said_plainly():
    result = _start({"QT_QPA_PLATFORM": None, "DISPLAY": None, "WAYLAND_DISPLAY": None})
    assert result.code == 1, result.err
    assert "there is no screen here" in result.err
    assert "qt.qpa" not in result.err and "Traceback" not in result.err
    korean = _start({"QT_QPA_PLATFORM": None, "DISPLAY": None, "WAYLAND_DISPLAY": None}, "--language", "ko")
    assert korean.code == 1
    assert "여기에는 화면이 없습니다" in korean.err


@linux_only
def test_the_command_line_needs_no_screen(tmp_path):
    result = _start({"QT_QPA_PLATFORM": None, "DISPLAY": None, "WAYLAND_DISPLAY": None}, "--version")
    assert result.code == 0 and "CoopDesk" in result.out


def test_when_the_window_needs_no_check():
    assert screen_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert screen_problem({"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert screen_problem({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "linux") is None  # Qt may pick Wayland
    assert screen_problem({}, "win32") is None and screen_problem({}, "darwin") is None
    assert screen_problem({"QT_QPA_PLATFORM": "wayland"}, "linux") is not None  # Wayland asked for, none there


@linux_only
def test_a_display_nobody_answers_is_told_apart():
    from coopdesk.ui.screen import x_display_answers

    if x_display_answers(":97") is None:
        pytest.skip("no libxcb here to ask with")
    assert x_display_answers(":97") is False  # no X server on display 97
