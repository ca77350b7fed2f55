"""A report on an assessment with two uses names the use behind each verdict and each finding
(issue 13): the stadium's entry gates pass; the watchlist cameras over the stands fail the
human-rights tests. Rendered as a user runs it, the PDF read back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import ROOT
from report_cases import read_pdf

from pia_wizard.cli import main

STADIUM = ROOT / "examples" / "stadium-entry-consent.pia.json"
GATES, STANDS = "entry gates", "watchlist cameras in the stands"
PER_USE_COPIED = ("q204", "q205", "q206", "q211", "q222", "q501", "q503", "q1001", "q1002")


def _two_uses(tmp_path: Path) -> Path:
    data = json.loads(STADIUM.read_text(encoding="utf-8"))
    stands = {q: data["answers"][q] for q in PER_USE_COPIED if q in data["answers"]}
    stands.update(
        {"q202": {"value": ["identify"]}, "q203": {"value": False}, "q210": {"value": "uncontrolled"}}
    )
    data["first_use_name"] = GATES
    data["uses"] = [{"name": STANDS, "answers": stands}]
    path = tmp_path / "stadium-two-uses.pia.json"
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("template", ["briefing", "submission"])
def test_the_pdf_names_the_uses_and_the_use_behind_each_verdict_and_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], template: str
) -> None:
    pdf = tmp_path / f"{template}.pdf"
    assert main(["report", str(_two_uses(tmp_path)), "-o", str(pdf), "--template", template]) == 0, (
        capsys.readouterr().err
    )
    text = read_pdf(pdf.read_bytes()).flat
    assert f"Uses judged “{GATES}”; “{STANDS}” (each verdict is the worst of them)" in text
    assert f"(the worst of the 2 uses: “{STANDS}”)" in text
    assert f"For the use “{STANDS}”: " in text  # a finding only the stands give
    # The annex: the first use's per-use answers marked, then the second use's own answers.
    assert f"What does the system do with the people it sees or hears? (for the use “{GATES}”)" in text
    assert f"— the use “{STANDS}”" in text


def test_a_report_on_one_use_says_nothing_of_uses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = tmp_path / "one.pdf"
    assert main(["report", str(STADIUM), "-o", str(pdf)]) == 0, capsys.readouterr().err
    text = read_pdf(pdf.read_bytes()).flat
    assert "Uses judged" not in text and "For the use" not in text and "worst of the" not in text


def test_private_notes_of_a_use_never_leave(tmp_path: Path) -> None:
    """A use's own answers are redacted like the shared ones, in the report and before the window
    hands the assessment to its export worker."""
    from pia_wizard.core.load.assessment_io import load_assessment_file
    from pia_wizard.core.load.library import shipped_library
    from pia_wizard.report.options import ReportOptions
    from pia_wizard.report.redaction import redact
    from pia_wizard.ui.export import without_private_notes

    path = _two_uses(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["uses"][0]["answers"]["q204"]["note"] = {"text": "Told by a source in the force.", "private": True}
    data["uses"][0]["answers"]["q205"] = {"note": {"text": "Only a private note.", "private": True}}
    path.write_text(json.dumps(data), encoding="utf-8")
    assessment = load_assessment_file(path, shipped_library()).assessment
    assert assessment.uses[0].answers["q204"].note is not None
    for cleaned in (redact(assessment, ReportOptions()), without_private_notes(assessment)):
        own = cleaned.uses[0].answers
        assert own["q204"].note is None and own["q204"].value == "while_present"
        assert "q205" not in own  # an answer that was only a private note is gone
