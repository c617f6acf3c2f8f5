"""An installed CoopDesk carries its fonts, catalogs and migrations."""

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _declared_packages():
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return set(tomllib.load(fh)["tool"]["setuptools"]["packages"])


def test_every_code_folder_is_a_declared_package():
    found = {
        ".".join(p.relative_to(ROOT).parts)
        for p in (ROOT / "coopdesk").rglob("*")
        if p.is_dir() and any(p.glob("*.py")) and "__pycache__" not in p.parts
    }
    assert found <= _declared_packages()


def test_the_wheel_holds_resources_translations_and_migrations(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("coopdesk-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("coopdesk/resources/fonts/NanumGothic.ttf", "coopdesk/resources/fonts/NanumGothicBold.ttf",
                   "coopdesk/resources/fonts/NanumMyeongjo.ttf", "coopdesk/resources/fonts/OFL.txt",
                   "coopdesk/resources/bylaws/template-1.toml",
                   "coopdesk/translations/ko/LC_MESSAGES/coopdesk.po",
                   "coopdesk/translations/en/LC_MESSAGES/coopdesk.po",
                   "coopdesk/store/migrations/env.py", "coopdesk/store/migrations/versions/0001_initial.py"):
        assert needed in names
