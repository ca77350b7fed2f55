"""docs/architecture.md names every module of the package and nothing that does not exist."""

from __future__ import annotations

import re

from helpers import ROOT


def test_architecture_lists_every_module_and_only_real_ones() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"`(pia_wizard/[\w/]+\.py)`", text))
    actual = {p.relative_to(ROOT).as_posix() for p in (ROOT / "pia_wizard").rglob("*.py")}
    assert sorted(actual - listed) == [], "modules missing from docs/architecture.md"
    assert sorted(listed - actual) == [], "docs/architecture.md names modules that do not exist"
