"""`pia-wizard validate` and `score` given a report PDF: the fingerprint checked, "same verdicts" or what
changed, and a PDF without an embedded assessment or with swapped data refused (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import run_cli
from report_cases import COMPILED, LIBRARY, passing_case, red_line_case, replace_attachments

from pia_wizard.cli import main
from pia_wizard.commands import score, validate
from pia_wizard.core.load.assessment_io import assessment_bytes, save_assessment
from pia_wizard.core.load.library import Library, shipped_library
from pia_wizard.core.models.assessment import Assessment
from pia_wizard.report.options import ReportOptions
from pia_wizard.report.render import prepare_report, render_pdf
from pia_wizard.report.reopen import MAX_REPORT_BYTES

FINGERPRINT: dict[str, str] = {}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A fact sheet of the rich fixture case, the same with its assessment swapped, and a letter
    (its fingerprint kept in FINGERPRINT["good"])."""
    folder = tmp_path_factory.mktemp("reports")
    report = prepare_report(red_line_case(), COMPILED, LIBRARY, ReportOptions(template="factsheet"))
    good = render_pdf(report)
    letter = prepare_report(red_line_case(), COMPILED, LIBRARY, ReportOptions(template="information-request"))
    made = {
        "good": good,
        "swapped": replace_attachments(good, {"assessment.pia.json": assessment_bytes(passing_case())}),
        "letter": render_pdf(letter),
    }
    paths = {}
    for name, data in made.items():
        paths[name] = folder / f"{name}.pdf"
        paths[name].write_bytes(data)
    FINGERPRINT["good"] = report.fingerprint
    return paths


@pytest.fixture(autouse=True)
def fixture_library(monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands check against the fixture questionnaire and rulebooks instead of the shipped ones."""
    monkeypatch.setattr(validate, "shipped_library", lambda: LIBRARY)
    monkeypatch.setattr(score, "shipped_library", lambda: LIBRARY)


def test_validate_a_report_says_same_verdicts(pdfs: dict[str, Path], capsys) -> None:
    assert main(["validate", str(pdfs["good"])]) == 0
    out, err = capsys.readouterr()
    fingerprint = FINGERPRINT["good"]
    assert out.splitlines() == [
        f"{pdfs['good']}: not signed: nothing shows who made this report or that it is unchanged",
        f"{pdfs['good']}: fingerprint SHA-256 {fingerprint} holds: the embedded assessment is the one the "
        "report was made from",
        f"{pdfs['good']}: same verdicts with today's rulebooks (judged as of 2026-11-23)",
    ]
    assert "1 file(s) checked: no problems" in err


def test_validate_names_each_changed_verdict(pdfs: dict[str, Path], monkeypatch, capsys) -> None:
    ladder = LIBRARY.rulebooks["ladder"].model_copy(update={"version": "2.0", "red_lines": ()})
    newer = Library(LIBRARY.sources, LIBRARY.glossary, LIBRARY.questionnaires, {"ladder": ladder})
    monkeypatch.setattr(validate, "shipped_library", lambda: newer)
    assert main(["validate", str(pdfs["good"])]) == 0  # a changed verdict is news, not a broken file
    out = capsys.readouterr().out
    assert (
        f"{pdfs['good']}: Ladder: Red line in the report, " in out and "(rulebook version 1.0 → 2.0)" in out
    )
    assert f"{pdfs['good']}: mini-rules: in the report, but no longer shipped" in out
    assert "same verdicts" not in out


def test_validate_refuses_a_swapped_assessment(pdfs: dict[str, Path], capsys) -> None:
    assert main(["validate", str(pdfs["swapped"])]) == 2
    out, err = capsys.readouterr()
    assert out.startswith(f"{pdfs['swapped']}: the fingerprint does NOT hold: the embedded assessment hashes")
    assert f"the report recorded {FINGERPRINT['good']}" in out
    assert "1 problem(s) in 1 of 1 file(s)" in err


def test_validate_refuses_a_pdf_without_an_assessment(pdfs: dict[str, Path], tmp_path: Path, capsys) -> None:
    assert main(["validate", str(pdfs["letter"])]) == 2
    assert capsys.readouterr().out.startswith(f"{pdfs['letter']}: no embedded assessment")
    not_a_pdf = tmp_path / "scan.PDF"
    not_a_pdf.write_bytes(b"%PDF-1.7 truncated")
    assert main(["validate", str(not_a_pdf)]) == 2
    assert capsys.readouterr().out.startswith(f"{not_a_pdf}: cannot read the PDF")


def test_an_oversize_pdf_is_refused_before_it_is_read(tmp_path: Path, capsys) -> None:
    big = tmp_path / "big.pdf"
    with big.open("wb") as handle:
        handle.truncate(MAX_REPORT_BYTES + 1)  # sparse: no memory, no parse
    assert main(["validate", str(big)]) == 2
    assert capsys.readouterr().out.startswith(f"{big}: 'big.pdf' is too large to open")
    assert main(["score", str(tmp_path / "gone.pdf")]) == 2
    assert capsys.readouterr().err == f"{tmp_path / 'gone.pdf'}: file not found\n"


def test_validate_finds_reports_in_a_folder_beside_other_files(
    pdfs: dict[str, Path], tmp_path: Path, capsys
) -> None:
    (tmp_path / "briefing.pdf").write_bytes(pdfs["good"].read_bytes())
    save_assessment(tmp_path / "case.pia.json", red_line_case())
    assert main(["validate", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert "briefing.pdf: same verdicts" in out and "2 file(s) checked: no problems" in err
    (tmp_path / "letter.pdf").write_bytes(pdfs["letter"].read_bytes())
    assert main(["validate", str(tmp_path)]) == 2
    assert "1 problem(s) in 1 of 3 file(s)" in capsys.readouterr().err


def test_score_a_report_scores_the_embedded_assessment(pdfs: dict[str, Path], capsys) -> None:
    assert main(["score", str(pdfs["good"]), "--json"]) == 0
    out, err = capsys.readouterr()
    scored = json.loads(out)  # nothing but the JSON on stdout
    assert scored["date"] == "2026-11-23" and scored["verdicts"]["ladder"] == "red_line"
    assert f"{pdfs['good']}: scoring the assessment embedded in this report, judged as of 2026-11-23" in err
    assert "holds: the embedded assessment is the one the report was made from" in err


def test_score_a_swapped_report_says_the_fingerprint_does_not_hold(pdfs: dict[str, Path], capsys) -> None:
    assert main(["score", str(pdfs["swapped"])]) == 0
    out, err = capsys.readouterr()
    assert "the fingerprint does NOT hold" in err
    assert "Ladder: PASSES" in out  # the swapped-in passing case, as embedded (by title, never its id)


def test_score_a_pdf_without_an_assessment_is_bad_input(pdfs: dict[str, Path], capsys) -> None:
    assert main(["score", str(pdfs["letter"])]) == 2
    out, err = capsys.readouterr()
    assert out == "" and f"{pdfs['letter']}: no embedded assessment" in err


def test_validate_and_score_a_report_of_the_shipped_questionnaire(tmp_path: Path, monkeypatch) -> None:
    """End to end, as a user runs it: a report made by `pia-wizard report`, checked in a new process."""
    monkeypatch.undo()
    compiled = next(iter(shipped_library().questionnaires.values()))
    assessment = Assessment.model_validate(
        {
            "schema_version": 1,
            "questionnaire": {"id": compiled.id, "version": compiled.questionnaire.version},
            "metadata": {"title": "Cameras on the square", "assessment_date": "2026-11-23"},
        }
    )
    source, pdf = tmp_path / "square.pia.json", tmp_path / "square.pdf"
    save_assessment(source, assessment)
    assert main(["report", str(source), "-o", str(pdf), "--template", "factsheet"]) == 0
    checked = run_cli("validate", str(pdf))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.endswith("same verdicts with today's rulebooks (judged as of 2026-11-23)\n")
    scored = run_cli("score", str(pdf), "--json")
    assert scored.returncode == 0, scored.stderr
    assert json.loads(scored.stdout)["date"] == "2026-11-23" and "holds" in scored.stderr
