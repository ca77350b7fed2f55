"""`pia-wizard report`: files written, bad input refused with exit 2, and a missing WeasyPrint explained
with what to install while --html still works."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from report_cases import read_pdf

from pia_wizard.cli import main
from pia_wizard.core.load.assessment_io import save_assessment
from pia_wizard.core.load.library import shipped_library
from pia_wizard.core.models.assessment import Assessment


@pytest.fixture
def assessment_file(tmp_path: Path) -> Path:
    """An assessment of the shipped questionnaire (whatever its content), with metadata only."""
    compiled = next(iter(shipped_library().questionnaires.values()))
    assessment = Assessment.model_validate(
        {
            "schema_version": 1,
            "questionnaire": {"id": compiled.id, "version": compiled.questionnaire.version},
            "metadata": {
                "title": "Cameras on the square",
                "assessor": "A. Reporter",
                "assessment_date": "2026-11-23",
            },
        }
    )
    path = tmp_path / "square.pia.json"
    save_assessment(path, assessment)
    return path


def test_writes_the_pdf_and_the_html(assessment_file: Path, tmp_path: Path, capsys) -> None:
    pdf, html = tmp_path / "out.pdf", tmp_path / "out.html"
    code = main(
        [
            "report",
            str(assessment_file),
            "-o",
            str(pdf),
            "--html",
            str(html),
            "--template",
            "briefing",
            "--draft",
            "--omit",
            "notes,quotes,annex",
            "--omit",
            "identity",
        ]
    )
    assert code == 0, capsys.readouterr().err
    back = read_pdf(pdf.read_bytes())
    assert "Cameras on the square" in back.text and "DRAFT" in back.text
    assert "A. Reporter" not in back.text
    text = html.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "<style>" in text and "Council briefing" in text
    assert "fingerprint" in capsys.readouterr().err


def test_the_letter_takes_its_details(assessment_file: Path, tmp_path: Path) -> None:
    html = tmp_path / "letter.html"
    code = main(
        [
            "report",
            str(assessment_file),
            "--html",
            str(html),
            "--template",
            "information-request",
            "--recipient",
            "The Chief Constable",
            "--reference",
            "FOI-17",
            "--reply-by",
            "2026-12-21",
            "--legal-basis",
            "Section 1, Freedom of Information Act 2000",
        ]
    )
    assert code == 0
    text = html.read_text(encoding="utf-8")
    for expected in ("The Chief Constable", "FOI-17", "21 December 2026", "Freedom of Information Act 2000"):
        assert expected in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give -o OUT.pdf, --html OUT.html, or both"),
        (["--html", "x.html", "--template", "memo"], "no report template 'memo'"),
        (["--html", "x.html", "--omit", "everything"], "cannot omit everything"),
        (["--html", "x.html", "--reply-by", "soon"], "--reply-by"),
        (["--html", "x.html", "--lang", "English"], "language code"),
        (["--html", "x.html", "--date", "23/11/2026"], "--date"),
    ],
)
def test_bad_input_exits_2(
    assessment_file: Path, tmp_path: Path, capsys, args: list[str], message: str
) -> None:
    args = [a if a != "x.html" else str(tmp_path / a) for a in args]
    assert main(["report", str(assessment_file), *args]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()


def test_an_unreadable_assessment_exits_2(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.pia.json"
    bad.write_text("{", encoding="utf-8")
    assert main(["report", str(bad), "--html", str(tmp_path / "x.html")]) == 2
    assert "bad.pia.json" in capsys.readouterr().err


def test_missing_weasyprint_says_what_to_install_and_html_still_works(
    assessment_file: Path, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pia_wizard.report.pdf_writer", None)  # import fails as without Pango
    pdf, html = tmp_path / "out.pdf", tmp_path / "out.html"
    assert main(["report", str(assessment_file), "-o", str(pdf), "--html", str(html)]) == 1
    err = capsys.readouterr().err
    assert "apt install libpango-1.0-0" in err and "--html" in err
    assert html.is_file() and not pdf.exists()
