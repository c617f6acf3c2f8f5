"""The dependency direction of DESIGN.md §3, checked on the imports of every module."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "coopdesk"

# What each layer may import, of ours and of the big third-party parts.
FORBIDDEN = {
    "domain": ("coopdesk.store", "coopdesk.services", "coopdesk.documents", "coopdesk.ui", "coopdesk.cli",
               "coopdesk.i18n", "PySide6", "sqlalchemy", "alembic", "reportlab"),
    "store": ("coopdesk.services", "coopdesk.documents", "coopdesk.ui", "coopdesk.cli", "PySide6", "reportlab"),
    "services": ("coopdesk.ui", "coopdesk.cli", "PySide6"),
    "documents": ("coopdesk.store", "coopdesk.services", "coopdesk.ui", "coopdesk.cli", "PySide6", "sqlalchemy"),
    "ui": ("coopdesk.store", "coopdesk.cli", "sqlalchemy", "alembic"),
    "cli": ("coopdesk.store", "sqlalchemy"),
}


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(layer: str) -> list[Path]:
    folder = ROOT / layer
    return sorted(folder.rglob("*.py")) if folder.is_dir() else [ROOT / f"{layer}.py"]


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_point_one_way(layer):
    bad = []
    for module in _modules(layer):
        if not module.exists():
            continue
        for name in _imports(module):
            if any(name == f or name.startswith(f + ".") for f in FORBIDDEN[layer]):
                bad.append(f"{module.relative_to(ROOT.parent)} imports {name}")
    assert bad == []


def test_the_check_sees_a_violation(tmp_path):
    sample = tmp_path / "bad.py"
    sample.write_text("from sqlalchemy import select\nimport PySide6.QtCore\n")
    assert {"sqlalchemy", "PySide6.QtCore"} <= _imports(sample)
