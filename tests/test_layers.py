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


# The front ends show what the services decided: they may import the domain's values, enums,
# errors and constants, never a function that decides, nor call a rule's deciding method.
DECIDING_METHODS = {"quorum_state", "needed_to_pass", "needed_for_quorum", "majority", "passed", "reached",
                    "explain", "fewest", "met", "allows", "needed", "decide"}
FRONT_ENDS = ("ui", "cli")


def _domain_imports(path: Path) -> list[tuple[str, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("coopdesk.domain"):
            found += [(node.module, a.name) for a in node.names]
    return found


def _deciding_calls(path: Path) -> list[str]:
    return [f"line {n.lineno}: .{n.func.attr}()" for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in DECIDING_METHODS]


def _is_value(module: str, name: str) -> bool:
    import importlib
    import inspect

    obj = getattr(importlib.import_module(module), name)
    if inspect.ismodule(obj):
        return name in ("law", "law_ref")  # the tables of values themselves
    return isinstance(obj, type) or not callable(obj) or name == "N_"


@pytest.mark.parametrize("layer", FRONT_ENDS)
def test_front_ends_import_no_deciding_function_of_the_domain(layer):
    bad = [f"{module.relative_to(ROOT.parent)} imports {source}.{name}"
           for module in _modules(layer) for source, name in _domain_imports(module)
           if not _is_value(source, name)]
    assert bad == []


@pytest.mark.parametrize("layer", FRONT_ENDS)
def test_front_ends_call_no_rule_of_the_domain(layer):
    bad = [f"{module.relative_to(ROOT.parent)} {call}" for module in _modules(layer)
           for call in _deciding_calls(module)]
    assert bad == []


def test_the_stricter_check_sees_a_violation(tmp_path):
    sample = tmp_path / "bad.py"
    sample.write_text("from coopdesk.domain.meetings.resolutions import decide, Tally\n"
                      "rules.quorum_state(15, 8)\n")
    assert [n for m, n in _domain_imports(sample) if not _is_value(m, n)] == ["decide"]
    assert _deciding_calls(sample) == ["line 2: .quorum_state()"]


def test_no_service_imports_another_modules_private_helpers():
    bad = []
    for module in _modules("services"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("coopdesk."):
                bad += [f"{module.relative_to(ROOT.parent)} imports {node.module}.{a.name}"
                        for a in node.names if a.name.startswith("_") and a.name != "_"]  # "_" is gettext
    assert bad == []
