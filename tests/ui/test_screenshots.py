"""The screenshots in docs/screenshots/ were made from the current window, questionnaires and examples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pia_wizard.ui import screenshots
from pia_wizard.ui.language import available_languages

FOLDER = screenshots.ROOT / "docs" / "screenshots"
LANGUAGES = [code for code in available_languages() if code != "en"]


def test_screenshots_are_up_to_date() -> None:
    missing = [
        n for n in screenshots.EXAMPLES if not (screenshots.ROOT / "examples" / f"{n}.pia.json").exists()
    ]
    if missing:
        pytest.skip(f"examples not there yet: {', '.join(missing)}")
    record = FOLDER / screenshots.RECORD
    assert record.exists(), "no screenshots yet: run `python -m pia_wizard.ui.screenshots` (make screenshots)"
    made = json.loads(record.read_text(encoding="utf-8"))
    for name in [
        "start-screen",
        *(f"example-{n}" for n in screenshots.EXAMPLES),
        "compare-dialog",
        "review-panel",
    ]:
        assert (FOLDER / f"{name}.png").exists(), f"{name}.png is missing"
        for language in LANGUAGES:  # the window in each other language, beside the English
            assert (FOLDER / language / f"{name}.png").exists(), f"{language}/{name}.png is missing"
    for language in LANGUAGES:
        record = json.loads((FOLDER / language / screenshots.RECORD).read_text(encoding="utf-8"))
        assert record["sha256"] == screenshots.inputs_digest(), f"docs/screenshots/{language}/ are stale"
    assert made["sha256"] == screenshots.inputs_digest(), (
        "docs/screenshots/ are stale: the window's code, a questionnaire or rulebook, or an example changed "
        "since they were made. Run `python -m pia_wizard.ui.screenshots` (make screenshots), look at them, "
        "and commit them."
    )


def test_the_record_names_what_the_screenshots_depend_on(tmp_path: Path) -> None:
    files = screenshots.record()["files"]
    assert "pia_wizard/ui/main_window.py" in files
    assert "pia_wizard/ui/i18n/pia_wizard_de.ts" in files  # the window's words in German
    assert any(f.startswith("questionnaires/rulebooks/") for f in files) or not list(
        (screenshots.ROOT / "questionnaires" / "rulebooks").glob("*.yaml")
    )
    assert screenshots.inputs_digest() == screenshots.inputs_digest()
