"""Can this computer show CoopDesk's window?  Asked before Qt starts.

On Linux, Qt's X11 platform plugin ("xcb") needs a few system libraries that a fresh
Debian or Ubuntu does not always have (libxcb-cursor0 since Qt 6.5).  Without them Qt
prints a cryptic message and aborts the whole process.  So ``coopdesk`` looks for them
first and, if one is missing, says in plain words which packages to install.  Without
any screen at all (a server, an ssh session) it says that instead.

Nothing here imports Qt: it runs before Qt, and costs a few milliseconds.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Mapping

from coopdesk.i18n import _

# What Qt 6's xcb platform plugin (libqxcb.so and libQt6XcbQpa.so) loads from the
# system, and the Debian/Ubuntu package of each (`ldd` on PySide6's plugin).
XCB_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("libxcb.so.1", "libxcb1"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-render.so.0", "libxcb-render0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-shm.so.0", "libxcb-shm0"),
    ("libxcb-sync.so.1", "libxcb-sync1"),
    ("libxcb-util.so.1", "libxcb-util1"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libEGL.so.1", "libegl1"),
    ("libGL.so.1", "libgl1"),
    ("libdbus-1.so.3", "libdbus-1-3"),
    ("libglib-2.0.so.0", "libglib2.0-0"),
)
# Platforms that need no screen of the system's (tests, servers, remote viewing).
_NO_SCREEN_NEEDED = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay")


def screen_problem(environ: Mapping[str, str] | None = None, platform: str | None = None) -> str | None:
    """Why the window cannot open here, in the user's language; None when it can (or we cannot tell)."""
    env = os.environ if environ is None else environ
    if (platform or sys.platform) != "linux":
        return None  # Windows and macOS bring what Qt needs
    chosen = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip().lower()
    if chosen in _NO_SCREEN_NEEDED:
        return None
    if chosen.startswith("wayland"):
        return None if env.get("WAYLAND_DISPLAY") else _no_screen()
    if not chosen:
        if env.get("WAYLAND_DISPLAY"):
            return None  # Qt may well choose Wayland here: the X libraries are not certainly needed
        if not env.get("DISPLAY"):
            return _no_screen()
    elif chosen != "xcb":
        return None  # a platform we do not know: Qt decides
    elif not env.get("DISPLAY"):
        return _no_screen()
    packages = missing_packages()
    if packages:
        return _("CoopDesk cannot open its window: this computer lacks system libraries that the "
                 "window needs ({packages}). On Debian or Ubuntu, install them with:\n"
                 "    sudo apt-get install {packages}\n"
                 "and start CoopDesk again. The command line (coopdesk --help) works without them.",
                 packages=" ".join(packages))
    if x_display_answers(env.get("DISPLAY", "")) is False:
        return _("CoopDesk cannot open its window: the screen {display} does not answer (DISPLAY is set, "
                 "but no X server can be reached there). Start it on the computer's desktop, or use the "
                 "command line: coopdesk --help.", display=env.get("DISPLAY", ""))
    return None


def _no_screen() -> str:
    return _("CoopDesk cannot open its window: there is no screen here (neither DISPLAY nor "
             "WAYLAND_DISPLAY is set, as in an ssh session or on a server). Start it on the "
             "computer's desktop, or use the command line: coopdesk --help.")


def missing_packages() -> list[str]:
    """The Debian/Ubuntu packages of the X libraries the window needs that cannot be loaded."""
    missing: list[str] = []
    for library, package in XCB_LIBRARIES:
        if not _loads(library) and package not in missing:
            missing.append(package)
    return missing


def x_display_answers(display: str) -> bool | None:
    """Connect to the X server of ``display`` as Qt will (libxcb) and let go at once; None: cannot tell."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return None  # Qt will say
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return xcb.xcb_connection_has_error(connection) == 0
    finally:
        xcb.xcb_disconnect(connection)  # also frees a connection that failed


def _loads(library: str) -> bool:
    """The system's loader finds and loads the library, as Qt's would."""
    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True
