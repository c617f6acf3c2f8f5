"""The Qt binding under the program must not corrupt Python's own objects."""

import re
import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from PySide6.QtWidgets import QApplication

# PySide6 6.12.0 dropped a reference to None per processEvents() call: a long
# session, or a long test run, then crashed with "deallocating None" on Python
# 3.11. pyproject.toml excludes it ("PySide6-Essentials>=6.6,!=6.12.0").
LEAKS_NONE = "6.12.0"
PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def test_processing_events_keeps_the_reference_count_of_none(qapp):
    if sys.version_info >= (3, 12):
        # PEP 683: None is immortal, its reference count never changes, so this
        # check could not fail here; and a lost reference cannot free None, so
        # the bug cannot crash this Python. The version check below still runs.
        pytest.skip("None is immortal on Python >= 3.12: sys.getrefcount(None) is constant "
                    "and a dropped reference cannot crash the interpreter")
    before = sys.getrefcount(None)
    for _ in range(200):
        QApplication.processEvents()
    assert sys.getrefcount(None) >= before - 20


def _declared_pyside_requirement() -> Requirement:
    text = PYPROJECT.read_text(encoding="utf-8")
    match = re.search(r'"(PySide6(?:-Essentials)?\b[^"]*)"', text)
    assert match, f"{PYPROJECT} declares no PySide6 requirement"
    return Requirement(match.group(1))


def test_the_installed_pyside6_is_not_the_release_that_drops_none():
    """Fails on every Python version, immortal None or not, if the bad release is installed."""
    import PySide6
    import shiboken6

    declared = _declared_pyside_requirement()
    assert not declared.specifier.contains(LEAKS_NONE, prereleases=True), (
        f"pyproject.toml no longer excludes PySide6 {LEAKS_NONE}: {declared}")
    installed = {"PySide6": PySide6.__version__, "shiboken6": shiboken6.__version__}
    assert LEAKS_NONE not in installed.values(), installed
    assert declared.specifier.contains(PySide6.__version__, prereleases=True), (
        f"PySide6 {PySide6.__version__} is installed, but pyproject.toml asks for {declared}")
