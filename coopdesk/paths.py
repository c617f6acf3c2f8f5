"""Where CoopDesk keeps its files, in one place.

Everything a user owns (co-op files, backups, settings) lives under the user data
directory from platformdirs.  Tests and advisors can move it with the
``COOPDESK_HOME`` environment variable.  Bundled resources (fonts, catalogs) are found
both in an installed package and in a source checkout.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

APP_NAME = "CoopDesk"
FILE_SUFFIX = ".coopdesk"  # a co-op file


def user_data_dir() -> Path:
    override = os.environ.get("COOPDESK_HOME")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_path

        path = user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def coops_dir() -> Path:
    path = user_data_dir() / "coops"
    path.mkdir(parents=True, exist_ok=True)
    return path


def backups_dir() -> Path:
    path = user_data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def logs_dir() -> Path:
    """Where the program writes what went wrong, for whoever supports the user."""
    path = user_data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_cache_dir() -> Path:
    return user_data_dir() / "cache"


def settings_file() -> Path:
    return user_data_dir() / "settings.json"


def _top_level(name: str) -> Path:
    """A top-level folder of the project: packaged as ``coopdesk.<name>`` when installed."""
    installed = Path(__file__).resolve().parent / name
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / name


@cache
def resources_dir() -> Path:
    return _top_level("resources")


@cache
def translations_dir() -> Path:
    return _top_level("translations")


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def shown_target(target: str) -> str:
    """A co-op file's path as it is; a database URL without its password (for messages,
    titles and the settings, which must never hold a password)."""
    if "://" not in target:
        return target
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(target)
    except ValueError:  # an address that cannot be read (an unclosed "["): its password goes all the same
        return re.sub(r"(://[^:/@]*):[^@]*@", r"\1@", target)
    if parts.password is None:
        return target
    user = f"{parts.username}@" if parts.username else ""
    where = parts.netloc.rpartition("@")[2]  # the server and port as written (a port may be mistyped)
    return parts._replace(netloc=f"{user}{where}").geturl()
