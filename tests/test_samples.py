"""The sample reports in docs/samples/ were made from the current examples, questionnaires, templates and
report and core code. The test compares the recorded digest of those inputs with today's; it never
re-renders (which takes half a minute and needs poppler for the PNGs)."""

from __future__ import annotations

import hashlib
import json

from pia_wizard.report import samples

FOLDER = samples.ROOT / "docs" / "samples"
REMAKE = f"Run `{samples.COMMAND}` (make samples), look at the first pages, and commit docs/samples/."


def _record() -> dict:
    path = FOLDER / samples.RECORD
    assert path.exists(), f"no samples yet. {REMAKE}"
    return json.loads(path.read_text(encoding="utf-8"))


def test_samples_are_up_to_date() -> None:
    made = _record()
    assert made["sha256"] == samples.inputs_digest(), (
        "docs/samples/ are stale: an example, a questionnaire or rulebook, a report template, or the report "
        f"or core code changed since they were made. {REMAKE}"
    )


def test_every_sample_is_there_and_is_the_one_recorded() -> None:
    made = _record()
    assert sorted(made["samples"]) == sorted(s.stem for s in samples.SAMPLES), f"samples differ. {REMAKE}"
    for stem, entry in made["samples"].items():
        pdf, png = FOLDER / entry["pdf"], FOLDER / entry["png"]
        assert pdf.exists() and png.exists(), f"{stem}: a file is missing. {REMAKE}"
        assert hashlib.sha256(pdf.read_bytes()).hexdigest() == entry["pdf_sha256"], f"{pdf.name} was changed"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", f"{png.name} is not a PNG"
        assert entry["command"].startswith(f"pia-wizard report examples/{stem.split('--')[0]}.pia.json")
    index = (FOLDER / samples.INDEX).read_text(encoding="utf-8")
    assert all(f"({entry['pdf']})" in index for entry in made["samples"].values())


def test_the_record_names_what_the_samples_depend_on() -> None:
    files = samples.record_files()
    for expected in (
        "examples/police-lfr-van-football.pia.json",
        "examples/journalist-first-look.pia.json",
        "report_templates/_base/base.css",
        "pia_wizard/report/context.py",
        "pia_wizard/core/evaluation/engine.py",
        "questionnaires/sources.yaml",
    ):
        assert expected in files
    assert not any("__pycache__" in f for f in files)
    assert samples.inputs_digest() == samples.inputs_digest()


def test_the_editable_samples_are_there_and_are_the_ones_recorded() -> None:
    made = _record()
    editable = made.get("editable") or {}
    assert sorted(editable) == sorted(s.stem for s in samples.EDITABLE_SAMPLES), (
        f"editable samples differ. {REMAKE}"
    )
    for stem, entry in editable.items():
        for kind in ("docx", "markdown"):
            path = FOLDER / entry[kind]
            assert path.exists(), f"{stem}: {path.name} is missing. {REMAKE}"
            assert hashlib.sha256(path.read_bytes()).hexdigest() == entry[f"{kind}_sha256"], (
                f"{path.name} was changed"
            )


def test_the_comparison_sample_is_there_and_is_the_one_recorded() -> None:
    """Issue 18: a sample comparison report in docs/samples/, from the example and a scenario of it."""
    comparison = _record().get("comparison") or {}
    assert comparison, f"no comparison sample. {REMAKE}"
    for kind in ("scenario", "pdf"):
        path = FOLDER / comparison[kind]
        assert path.exists(), f"{path.name} is missing. {REMAKE}"
        assert hashlib.sha256(path.read_bytes()).hexdigest() == comparison[f"{kind}_sha256"], (
            f"{path.name} was changed"
        )
    assert (FOLDER / comparison["png"]).exists()
    assert f"--compare docs/samples/{comparison['scenario']}" in comparison["command"]


def test_the_german_samples_are_there_and_are_the_ones_recorded() -> None:
    """Issue 19: the council example's briefing and information request in German, in docs/samples/de/."""
    german = _record().get("german") or {}
    assert sorted(german) == sorted(s.stem for s in samples.GERMAN_SAMPLES), (
        f"German samples differ. {REMAKE}"
    )
    for stem, entry in german.items():
        pdf = FOLDER / entry["pdf"]
        assert pdf.exists() and (FOLDER / entry["png"]).exists(), f"{stem}: a file is missing. {REMAKE}"
        assert hashlib.sha256(pdf.read_bytes()).hexdigest() == entry["pdf_sha256"], f"{pdf.name} was changed"
        assert entry["language"] == "de" and "--lang de" in entry["command"]
    index = (FOLDER / samples.INDEX).read_text(encoding="utf-8")
    assert all(f"({entry['pdf']})" in index for entry in german.values())
