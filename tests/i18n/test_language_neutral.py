"""An assessment holds answer ids and free text as typed, never words of a language: the same file judged in
German and in English gives the same verdicts, findings and gaps, worded in each language."""

from __future__ import annotations

import json

import pytest

from tests.helpers import ROOT, run_cli

EXAMPLES = ["police-lfr-van-football", "school-attendance-face", "phone-face-unlock"]


def structure(result: dict) -> dict:
    """What the verdicts rest on, without the words: ids, verdicts, and which rules and questions."""
    return {
        "verdicts": result["verdicts"],
        "rulebooks": [
            {
                "id": r["id"],
                "verdict": r["verdict"],
                "findings": [
                    (f["rule"], f["kind"], f["severity"], [(a["question"], a["state"]) for a in f["answers"]])
                    for f in r["findings"]
                ],
                "gaps": [(g["question"], g["state"]) for g in r["gaps"]],
                "counterfactuals": len(r["counterfactuals"]),
            }
            for r in result["rulebooks"]
        ],
    }


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_same_file_gives_the_same_verdicts_in_german_and_english(name: str) -> None:
    path = ROOT / "examples" / f"{name}.pia.json"
    english = run_cli("score", str(path), "--json", "--language", "en")
    german = run_cli("score", str(path), "--json", "--language", "de")
    assert english.returncode == german.returncode == 0, english.stderr + german.stderr
    en, de = json.loads(english.stdout), json.loads(german.stdout)
    assert structure(en) == structure(de)
    # …and the words differ: a rulebook's title is German in one and English in the other.
    titles = [(a["title"], b["title"]) for a, b in zip(en["rulebooks"], de["rulebooks"], strict=True)]
    assert all(a != b for a, b in titles), titles


def test_a_date_known_to_the_month_is_worded_in_the_reader_s_language() -> None:
    from pia_wizard.core.load.library import shipped_library
    from pia_wizard.report.formatting import Formatter, date_text

    compiled = shipped_library().questionnaires["biometric-deployment"]
    assert date_text("2027-03", Formatter(compiled, "en")) == "March 2027"
    assert date_text("2027-03", Formatter(compiled, "de")) == "März 2027"
    assert date_text("2027", Formatter(compiled, "de")) == "2027"
