"""Driving the `coopdesk` command in-process (``main``) and as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from coopdesk.cli import main

SAMPLE_INIT = ("init", "--name", "햇살마을협동조합", "--office", "서울특별시 마포구 성미산로 10",
               "--member-type", "소비자", "--member-type", "생산자")


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self):  # noqa: ANN201
        return json.loads(self.out)


@pytest.fixture(autouse=True)
def english_system(monkeypatch: pytest.MonkeyPatch) -> None:
    """The "system language" is English unless a test says otherwise."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    """``cli(*args)`` runs ``coopdesk args`` in this process."""
    def run(*args: str) -> Result:
        capsys.readouterr()
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return Result(code, out, err)
    return run


@pytest.fixture
def coop_file(tmp_path: Path) -> Path:
    return tmp_path / "햇살.coopdesk"


@pytest.fixture
def desk(cli, coop_file: Path):
    """``desk(*args)`` runs ``coopdesk --db <a new co-op file> args``; the co-op is made first."""
    made = cli("--db", coop_file, *SAMPLE_INIT)
    assert made.code == 0, made.err

    def run(*args: str) -> Result:
        return cli("--db", coop_file, *args)
    return run


def run_process(*args: str, env: dict[str, str] | None = None) -> Result:
    """``coopdesk args`` as its own process, the way a script calls it."""
    environment = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    environment.update({"LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}, **(env or {}))
    done = subprocess.run([sys.executable, "-m", "coopdesk", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", env=environment, timeout=120)
    return Result(done.returncode, done.stdout, done.stderr)
