"""ruff and the import-linter layer contracts are part of the suite, so CI enforces them."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import ROOT

BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = BIN / name
    return str(found) if found.exists() else (shutil.which(name) or name)


def test_ruff_is_clean() -> None:
    result = subprocess.run(
        [_tool("ruff"), "check", "--no-cache", "."], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_layers_hold() -> None:
    result = subprocess.run(
        [_tool("lint-imports"), "--no-cache"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" in result.stdout and "0 broken" in result.stdout


def _own_private_names(sources: list[str]) -> set[str]:
    """The private names the project defines itself: methods and `self._x` attributes of its classes."""
    names = set()
    for tree in map(ast.parse, sources):
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("_"):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
    return names


def _private_uses(source: str, own: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """Where code reads another object's private attribute (`x._name`, not `self._name`) that the
    project does not define itself, or sets an attribute of an imported module (a patch of a dependency's
    globals)."""
    tree = ast.parse(source)
    modules = {
        (alias.asname or alias.name).split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            owner = node.value.id if isinstance(node.value, ast.Name) else None
            private = node.attr.startswith("_") and not node.attr.startswith("__")
            if private and owner not in ("self", "cls") and node.attr not in own:
                found.append(f"{node.lineno}: reads ._{node.attr.lstrip('_')}")
            if isinstance(node.ctx, ast.Store) and owner in modules:
                found.append(f"{node.lineno}: sets {owner}.{node.attr}")
    return found


def test_no_private_attributes_of_other_objects_and_no_patched_modules() -> None:
    """Project rule: a dependency's public API only (docs/architecture.md). Our own classes use
    `self._x`; nothing reaches into another object's `_x` or assigns to an imported module."""
    paths = sorted((ROOT / "pia_wizard").rglob("*.py"))
    sources = {path: path.read_text(encoding="utf-8") for path in paths}
    own = _own_private_names(list(sources.values()))
    problems = [
        f"{path.relative_to(ROOT)}:{where}" for path in paths for where in _private_uses(sources[path], own)
    ]
    assert not problems, problems


def test_the_private_use_check_finds_what_it_looks_for() -> None:
    assert _private_uses("row._tr.get_or_add_trPr()\n") == ["1: reads ._tr"]
    assert _private_uses("import pydyf\npydyf.zlib = object()\n") == ["2: sets pydyf.zlib"]
    assert _private_uses("self._cache = {}\nclass A:\n    x = cls._y\n") == []
    own = _own_private_names(["class A:\n    def _show(self): pass\n"])
    assert _private_uses("document._show(1)\n", own) == []
