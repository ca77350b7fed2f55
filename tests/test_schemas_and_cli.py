"""Committed JSON Schemas match the models; the CLI's headless commands never import Qt."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from helpers import ROOT, run_cli

from pia_wizard import __version__
from pia_wizard.core.files.schema_export import SCHEMA_MODELS, schema_text

SCHEMA_DIR = ROOT / "questionnaires" / "schema"


@pytest.mark.parametrize("kind", sorted(SCHEMA_MODELS))
def test_committed_schema_equals_generated(kind: str) -> None:
    committed = (SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(kind), f"stale: run `make schemas` ({kind})"


def test_schema_command_prints_the_schema() -> None:
    result = run_cli("schema", "assessment")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["additionalProperties"] is False
    assert "answers" in schema["properties"]


def test_validate_reports_a_stale_schema(tmp_path) -> None:
    stale = tmp_path / "glossary.schema.json"
    stale.write_text('{"title": "old"}', encoding="utf-8")
    result = run_cli("validate", str(stale))
    assert result.returncode == 2
    assert "out of date with the models" in result.stdout


def test_version() -> None:
    result = run_cli("--version")
    assert result.stdout.strip() == f"pia-wizard {__version__}"


@pytest.mark.parametrize("args", [["validate", "questionnaires"], ["schema", "rulebook"], ["--version"]])
def test_headless_commands_never_import_qt(args: list[str]) -> None:
    script = (
        "import sys, runpy\n"
        f"sys.argv = ['pia-wizard', *{args!r}]\n"
        "try:\n"
        "    runpy.run_module('pia_wizard', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "loaded = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'weasyprint'))]\n"
        "print('LOADED', loaded, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60, check=False
    )
    assert "LOADED []" in result.stderr, result.stderr


def test_entry_point_imports_almost_nothing_before_the_command() -> None:
    script = (
        "import sys; import pia_wizard.cli; "
        "print(sorted(m for m in sys.modules if m.startswith('pia_wizard')))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "['pia_wizard', 'pia_wizard.cli']"
    heavy = "import sys; import pia_wizard.cli; print([m for m in ('pydantic', 'yaml') if m in sys.modules])"
    result = subprocess.run([sys.executable, "-c", heavy], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
