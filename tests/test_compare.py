"""`pia-wizard compare`, the comparison report and scenarios, on the shipped examples and real PDFs."""

from __future__ import annotations

import hashlib
import io
import json
import re
from pathlib import Path

import pytest
from helpers import FIXTURES, ROOT
from pypdf import PdfReader

from pia_wizard.cli import main
from pia_wizard.core.answers import edits
from pia_wizard.core.evaluation.evaluate import evaluate
from pia_wizard.core.load.assessment_io import assessment_bytes, load_assessment_file, save_assessment
from pia_wizard.core.load.library import shipped_library
from pia_wizard.core.work.scenarios import ASSUMED_EVIDENCE, counterfactual_scenario, make_scenario

EXAMPLES = ROOT / "examples"
STADIUM = EXAMPLES / "stadium-entry-consent.pia.json"
MISSING_CHILD = EXAMPLES / "missing-child-judicial-authorisation.pia.json"
KEYS = {"answers", "verdicts", "findings", "gaps", "figures"}
# What must never reach a person: question ids, rulebook ids, enum names.
INTERNAL = re.compile(
    r"\bq\d{3}\b|\beu-law\b|\bban-biometric-surveillance\b|\bred_line\b|\binsufficient_information\b"
)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def compare_json(capsys, a: Path, b: Path) -> dict:
    code, out, _ = run(capsys, "compare", str(a), str(b), "--json")
    assert code == 0
    return json.loads(out)


def test_two_examples_differ_in_answers_verdicts_findings_gaps_and_figures(capsys) -> None:
    body = compare_json(capsys, STADIUM, MISSING_CHILD)
    assert KEYS <= set(body)
    assert body["verdicts"]["ban-biometric-surveillance"] == {"a": "passes", "b": "red_line", "changed": True}
    assert set(body["verdicts"]) == {b.id for b in shipped_library().rulebooks.values()}
    compiled = load_assessment_file(STADIUM).questionnaire
    order = [compiled.order[d["question"]] for d in body["answers"]]
    assert order == sorted(order) and len(order) > 10  # the questionnaire's order
    who = next(d for d in body["answers"] if d["label"] == "Who runs the system?")
    assert who["a"]["text"].startswith("A private company") and who["b"]["text"].startswith("The police")
    assert any(f["severity"] == "red_line" for f in body["findings"]["only_b"])
    assert body["gaps"]["opened"] and set(body["gaps"]) == {"closed", "opened"}
    assert {f["id"] for f in body["figures"]} >= {"people_scanned_per_year"}


def test_text_output_is_plain_words_without_ids(capsys) -> None:
    code, out, _ = run(capsys, "compare", str(STADIUM), str(MISSING_CHILD))
    assert code == 0
    assert "Answers that differ:" in out and "Who runs the system?" in out
    assert "Passes → Red line" in out
    assert "Site 1: Name or description of the site: Central station" in out  # a group in words
    assert not INTERNAL.search(out), INTERNAL.search(out)


def test_the_same_file_compares_with_no_difference(capsys) -> None:
    body = compare_json(capsys, STADIUM, STADIUM)
    assert body["answers"] == [] and body["findings"] == {"only_a": [], "only_b": []}
    assert body["gaps"] == {"closed": [], "opened": []} and body["figures"] == []
    assert not any(v["changed"] for v in body["verdicts"].values())


def test_an_example_and_its_report_pdf_differ_in_nothing_but_metadata(capsys, tmp_path) -> None:
    from pia_wizard.report.options import ReportOptions
    from pia_wizard.report.render import prepare_report, print_report

    library = shipped_library()
    loaded = load_assessment_file(STADIUM, library)
    options = ReportOptions("factsheet", "en", False, frozenset({"identity"}))
    pdf = tmp_path / "stadium.pdf"
    pdf.write_bytes(
        print_report(prepare_report(loaded.assessment, loaded.questionnaire, library, options)).pdf
    )
    body = compare_json(capsys, STADIUM, pdf)
    assert body["answers"] == []
    assert not any(v["changed"] for v in body["verdicts"].values())
    assert body["metadata"] == ["assessor", "organisation"]  # the report left out the assessor's identity
    assert "embedded in a report" in body["b"]["origin"]


def test_a_version_1_file_against_a_version_2_file(capsys) -> None:
    old = FIXTURES / "v1" / "police-lfr-van-football.pia.json"
    assert (
        json.loads(old.read_text())["questionnaire"]["version"]
        != json.loads((EXAMPLES / old.name).read_text())["questionnaire"]["version"]
    )
    body = compare_json(capsys, old, EXAMPLES / old.name)
    assert "carried forward from questionnaire version 1" in body["a"]["origin"]
    # Only questions new in version 2 may differ, unanswered in the old file (the example answers some).
    new_in_2 = set(shipped_library().migrations["biometric-deployment"].steps[-1].new_questions)
    assert all(d["question"] in new_in_2 and d["a"]["state"] == "unanswered" for d in body["answers"])
    # The stadium's version-1 file lacks the evidence its version-2 example gives one answer.
    body = compare_json(capsys, FIXTURES / "v1" / STADIUM.name, STADIUM)
    [diff] = [d for d in body["answers"] if d["question"] not in new_in_2]
    assert (diff["a"]["evidence_level"], diff["b"]["evidence_level"]) == (0, 2)
    assert "evidence: internal document" in diff["b"]["text"]
    # A version-1 report PDF against today's file.
    body = compare_json(
        capsys, FIXTURES / "v1" / "police-lfr-van-football--factsheet.pdf", EXAMPLES / old.name
    )
    assert all(d["question"] in new_in_2 and d["a"]["state"] == "unanswered" for d in body["answers"])


@pytest.mark.parametrize(
    "args",
    [
        ["compare", "missing.pia.json", str(STADIUM)],
        ["compare", str(STADIUM), str(FIXTURES / "bad" / "not-there.pia.json")],
        ["compare", str(STADIUM), str(STADIUM), "--date", "31/12/2026"],
        ["compare", str(STADIUM), str(ROOT / "README.md")],
    ],
)
def test_bad_input_exits_2(capsys, args: list[str]) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2 and out == "" and err


def test_comparison_report_says_what_changed_to_each_verdict(capsys, tmp_path) -> None:
    out = tmp_path / "amended.pdf"
    code, _, _ = run(capsys, "report", str(STADIUM), "--compare", str(MISSING_CHILD), "-o", str(out))
    assert code == 0
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "What it did to each verdict" in text and "What changed in the answers" in text
    assert "Who runs the system?" in text and "Red line" in text
    assert not INTERNAL.search(text), INTERNAL.search(text)


def test_a_scenario_keeps_its_link_and_differs_only_by_its_change(capsys, tmp_path) -> None:
    library = shipped_library()
    origin = load_assessment_file(STADIUM, library)
    scenario = make_scenario(origin.assessment, "no consent", origin_file=STADIUM.name)
    scenario = edits.set_value(origin.questionnaire, scenario, "q703", False)
    path = tmp_path / "scenario.pia.json"
    save_assessment(path, scenario)
    again = load_assessment_file(path, library).assessment
    assert again.scenario is not None and again.scenario.name == "no consent"
    assert again.scenario.origin_file == STADIUM.name
    assert again.scenario.origin_sha256 == hashlib.sha256(assessment_bytes(origin.assessment)).hexdigest()
    assert again.metadata.title.endswith("— scenario: no consent")
    body = compare_json(capsys, STADIUM, path)
    assert [d["question"] for d in body["answers"]] == ["q703"]
    assert body["metadata"] == ["title"]
    # Files without a scenario stay byte for byte as they were.
    assert b"scenario" not in assessment_bytes(origin.assessment)


def test_try_a_counterfactual_as_a_scenario(capsys, tmp_path) -> None:
    library = shipped_library()
    loaded = load_assessment_file(MISSING_CHILD, library)
    books = [b for b in library.rulebooks.values() if b.questionnaire == loaded.questionnaire.id]
    evaluation = evaluate(loaded.questionnaire, books, loaded.assessment, sources=library.sources)
    counterfactual = next(c for r in evaluation.rulebooks for c in r.counterfactuals)
    scenario = counterfactual_scenario(
        loaded.questionnaire, loaded.assessment, counterfactual.changes, "try it", MISSING_CHILD.name
    )
    path = tmp_path / "try.pia.json"
    save_assessment(path, scenario)
    body = compare_json(capsys, MISSING_CHILD, path)
    assert {d["question"] for d in body["answers"]} == {c.question for c in counterfactual.changes}
    assert body["verdicts"][counterfactual.rulebook]["b"] == counterfactual.to_verdict
    for change in counterfactual.changes:
        if change.evidence_level:
            titles = [e.title for e in scenario.answers[change.question].evidence]
            assert ASSUMED_EVIDENCE in titles


def test_evidence_a_scenario_assumed_is_never_printed_as_a_document(capsys, tmp_path) -> None:
    """A counterfactual that asks for stronger evidence leaves a marked placeholder in the scenario; the
    comparison must say the evidence is assumed, not "(evidence: published document)"."""
    library = shipped_library()
    example = ROOT / "examples" / "police-lfr-van-football.pia.json"
    loaded = load_assessment_file(example, library)
    books = [b for b in library.rulebooks.values() if b.questionnaire == loaded.questionnaire.id]
    evaluation = evaluate(loaded.questionnaire, books, loaded.assessment, sources=library.sources)
    changes = next(
        c.changes
        for r in evaluation.rulebooks
        for c in r.counterfactuals
        if any(x.evidence_level for x in c.changes)
    )
    scenario = counterfactual_scenario(loaded.questionnaire, loaded.assessment, changes, "try it")
    path = tmp_path / "try.pia.json"
    save_assessment(path, scenario)
    assert main(["compare", str(example), str(path)]) == 0
    text = capsys.readouterr().out
    assert "evidence assumed for this scenario" in text
    assumed = [x.question for x in changes if x.evidence_level]
    body = compare_json(capsys, example, path)
    rows = {d["question"]: d for d in body["answers"]}
    assert any(rows[q]["b"].get("evidence_assumed") for q in assumed if q in rows)
