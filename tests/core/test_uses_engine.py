"""Every rule judges every use; a rulebook's verdict is the worst use's, and findings name the use.

The boundary case: the stadium's entry gates (people look into a gate camera to be checked against
their own ticket photo, 1:1, with consent) pass every rulebook; a second use of the same system,
watchlist cameras over the stands that identify people at a distance (1:N, in an open area), fails
the human-rights tests — so the assessment fails them, and the failing findings name that use.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers import ROOT

from pia_wizard.cli import main
from pia_wizard.core.answers.uses import use_view
from pia_wizard.core.evaluation.evaluate import evaluate
from pia_wizard.core.load.assessment_io import load_assessment_file
from pia_wizard.core.load.library import shipped_library

LIBRARY = shipped_library()
EXAMPLE = ROOT / "examples" / "stadium-entry-consent.pia.json"
GATES, STANDS = "entry gates", "watchlist cameras in the stands"
HR = "human-rights"


def _file(tmp_path: Path, changes: dict[str, Any], name: str = STANDS) -> Path:
    """The stadium example with a second use: the first use's per-use answers, then `changes`."""
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    compiled = load_assessment_file(EXAMPLE, LIBRARY).questionnaire
    own = {qid: answer for qid, answer in data["answers"].items() if qid in compiled.per_use}
    own.update(changes)
    data["first_use_name"] = GATES
    data["uses"] = [{"name": name, "answers": own}]
    path = tmp_path / "stadium-two-uses.pia.json"
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


IDENTIFY_IN_THE_STANDS = {
    "q202": {"value": ["identify"]},
    "q203": {"value": False},
    "q210": {"value": "uncontrolled"},
}


def _evaluate(path: Path, explore: bool = True):
    loaded = load_assessment_file(path, LIBRARY)
    books = [b for b in LIBRARY.rulebooks.values() if b.questionnaire == loaded.questionnaire.id]
    return evaluate(loaded.questionnaire, books, loaded.assessment, sources=LIBRARY.sources, explore=explore)


def test_use_one_passes_use_two_fails_so_the_rulebook_fails_and_the_finding_names_use_two(
    tmp_path: Path,
) -> None:
    evaluation = _evaluate(_file(tmp_path, IDENTIFY_IN_THE_STANDS))
    gates, stands = evaluation.uses
    assert (gates.name, stands.name) == (GATES, STANDS)
    assert gates.verdicts[HR] == "passes"
    assert stands.verdicts[HR] == "fails"
    result = next(r for r in evaluation.rulebooks if r.id == HR)
    assert result.verdict == "fails" and result.use == STANDS
    failing = [f for f in result.findings if f.severity == "fail"]
    assert failing and all(f.uses == (STANDS,) for f in failing)
    assert all(
        cf.use == STANDS and cf.text.startswith(f"For the use “{STANDS}”") for cf in result.counterfactuals
    )


def test_a_finding_both_uses_give_is_listed_once_naming_both(tmp_path: Path) -> None:
    evaluation = _evaluate(_file(tmp_path, IDENTIFY_IN_THE_STANDS), explore=False)
    everywhere = [f for r in evaluation.rulebooks for f in r.findings if f.uses == (GATES, STANDS)]
    assert everywhere  # e.g. what a court has ruled is one shared answer
    for result in evaluation.rulebooks:
        # The same rule may speak for each use with different answers (each listed, naming its use);
        # a finding the same in everything but its use is listed once.
        keys = [f.model_copy(update={"uses": ()}).model_dump_json() for f in result.findings]
        assert len(keys) == len(set(keys)), result.id


def test_a_second_use_identical_to_the_first_changes_no_verdict(tmp_path: Path) -> None:
    single = _evaluate(EXAMPLE, explore=False)
    doubled = _evaluate(_file(tmp_path, {}), explore=False)
    assert doubled.verdicts == single.verdicts
    assert [u.verdicts for u in doubled.uses] == [single.verdicts, single.verdicts]
    assert all(r.use == GATES for r in doubled.rulebooks)  # a tie goes to the earlier use


def test_each_use_is_judged_on_its_own_answers_only(tmp_path: Path) -> None:
    """A per-use question the second use leaves out is unanswered there, not the first use's answer."""
    path = _file(tmp_path, {})
    data = json.loads(path.read_text(encoding="utf-8"))
    data["uses"][0]["answers"].pop("q202")
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = load_assessment_file(path, LIBRARY)
    assert "q202" not in use_view(loaded.questionnaire, loaded.assessment, 1).answers
    evaluation = _evaluate(path, explore=False)
    assert evaluation.uses[1].verdicts != evaluation.uses[0].verdicts
    assert any(STANDS in g.uses for r in _evaluate(path).rulebooks for g in r.gaps if g.question == "q202")


def test_score_json_keeps_verdicts_worst_and_gains_the_uses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(tmp_path, IDENTIFY_IN_THE_STANDS)
    assert main(["score", "--json", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["verdicts"][HR] == "fails"
    assert [u["name"] for u in data["uses"]] == [GATES, STANDS]
    assert data["uses"][0]["verdicts"][HR] == "passes"
    assert set(data["uses"][1]["figures"]) >= {"false_alerts_per_day", "dpia"}
    human_rights = next(r for r in data["rulebooks"] if r["id"] == HR)
    assert human_rights["use"] == STANDS

    assert main(["score", str(path)]) == 0
    text = capsys.readouterr().out
    assert f"(from the use “{STANDS}”; each use: “{GATES}” passes; “{STANDS}” fails)" in text
    assert f"[Fails] (in the use “{STANDS}”) " in text


def test_one_use_scores_as_before(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", "--json", str(EXAMPLE)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["uses"] == []
    assert all(r["use"] == "" for r in data["rulebooks"])
    assert main(["score", str(EXAMPLE)]) == 0
    text = capsys.readouterr().out
    assert "(from the use" not in text and "(in the use" not in text


def test_a_counterfactual_applied_to_its_use_gives_that_use_the_verdict_it_claims(tmp_path: Path) -> None:
    from pia_wizard.core.work.scenarios import counterfactual_scenario

    path = _file(tmp_path, IDENTIFY_IN_THE_STANDS)
    loaded = load_assessment_file(path, LIBRARY)
    books = [b for b in LIBRARY.rulebooks.values() if b.questionnaire == loaded.questionnaire.id]
    evaluation = evaluate(loaded.questionnaire, books, loaded.assessment, sources=LIBRARY.sources)
    tried = 0
    for result in evaluation.rulebooks:
        for cf in result.counterfactuals:
            scenario = counterfactual_scenario(
                loaded.questionnaire, loaded.assessment, cf.changes, "try", use=cf.use
            )
            again = evaluate(loaded.questionnaire, books, scenario, explore=False)
            index = [u.name for u in again.uses].index(cf.use)
            assert again.uses[index].verdicts[result.id] == cf.to_verdict, cf.text
            for change in cf.changes:  # a use's own answer changes in that use, not in the first
                if cf.use == STANDS and change.question in loaded.questionnaire.per_use:
                    before = loaded.assessment.answers.get(change.question)
                    assert scenario.answers.get(change.question) == before
            tried += 1
    assert tried


def test_the_two_use_police_example_names_the_use_behind_its_red_line() -> None:
    """The example: tablet checks at stops (the person faces the camera: not remote) and searches
    of CCTV footage (post remote identification in public): the ban's red line is the searches'."""
    evaluation = _evaluate(ROOT / "examples" / "police-tablet-stops-and-cctv-search.pia.json", explore=False)
    stops, searches = evaluation.uses
    ban = next(r for r in evaluation.rulebooks if r.id == "ban-biometric-surveillance")
    assert stops.verdicts[ban.id] != "red_line" and searches.verdicts[ban.id] == "red_line"
    assert ban.verdict == "red_line" and ban.use == searches.name == "searches of CCTV footage"
    b1 = next(f for f in ban.findings if f.rule == "B1")
    assert b1.severity == "red_line" and b1.uses == (searches.name,)
