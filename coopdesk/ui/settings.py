"""The program's own settings, declared once, stored as JSON in the user data folder.

Each setting is declared with its type, default and a translatable label; a value of
the wrong type or out of range in the file falls back to the default, so a damaged
settings file never stops the program from starting.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from coopdesk import paths
from coopdesk.i18n import LANGUAGES, N_, system_language

T = TypeVar("T")
MAX_RECENT = 10
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Setting(Generic[T]):
    key: str
    type: type
    default: Callable[[], T]
    label: str  # message id, translated where it is shown
    valid: Callable[[Any], bool] = lambda value: True


LANGUAGE: Setting[str] = Setting(
    "language", str, system_language, N_("Language"), valid=lambda v: v in LANGUAGES
)
RECENT_FILES: Setting[list[str]] = Setting(
    "recent_files", list, list, N_("Recent co-op files"),
    valid=lambda v: all(isinstance(item, str) for item in v),
)
LAST_FILE: Setting[str] = Setting("last_file", str, str, N_("Last opened co-op file"))
# The folder (or server, without its password) the co-ops overview read last.
OVERVIEW_TARGET: Setting[str] = Setting("overview_target", str, str, N_("Folder of the co-ops overview"))

ALL_SETTINGS: tuple[Setting[Any], ...] = (LANGUAGE, RECENT_FILES, LAST_FILE, OVERVIEW_TARGET)


class Settings:
    """Typed access to ``settings.json``; ``save()`` writes it atomically."""

    def __init__(self, file: Path | None = None) -> None:
        self.file = file or paths.settings_file()
        self._values: dict[str, Any] = self._read()

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:  # a damaged file: start from the defaults
            log.warning("settings file %s unreadable: %s", self.file, exc)
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, setting: Setting[T]) -> T:
        value = self._values.get(setting.key)
        if isinstance(value, setting.type) and setting.valid(value):
            return value  # type: ignore[no-any-return]
        return setting.default()

    def set(self, setting: Setting[T], value: T) -> None:
        if not isinstance(value, setting.type) or not setting.valid(value):
            raise ValueError(f"{value!r} is not a valid value for the setting {setting.key}")
        self._values[setting.key] = value

    def save(self) -> None:
        self.file.parent.mkdir(parents=True, exist_ok=True)
        partial = self.file.with_suffix(".partial")
        partial.write_text(json.dumps(self._values, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(partial, self.file)  # never a half-written settings file

    # Conveniences for the settings the program uses everywhere.

    @property
    def language(self) -> str:
        return self.get(LANGUAGE)

    @language.setter
    def language(self, value: str) -> None:
        self.set(LANGUAGE, value)

    @property
    def recent_files(self) -> list[str]:
        return list(self.get(RECENT_FILES))

    @property
    def last_file(self) -> str:
        return self.get(LAST_FILE)

    def remember_file(self, target: str) -> None:
        """``target`` becomes the newest recent file and the one opened next time."""
        recent = [t for t in self.recent_files if t != target]
        self.set(RECENT_FILES, [target, *recent][:MAX_RECENT])
        self.set(LAST_FILE, target)

    def forget_file(self, target: str) -> None:
        self.set(RECENT_FILES, [t for t in self.recent_files if t != target])
        if self.last_file == target:
            self.set(LAST_FILE, "")

    def clear_recent(self) -> None:
        self.set(RECENT_FILES, [])
