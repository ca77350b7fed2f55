""" "One of these, not known which" through the whole engine, on the shipped examples and rulebooks.

Where identifying and verifying lead to the same verdict, "one of the two" must give it too (it was
undecided when the answer could only be "unknown"); where they differ, it never passes.
"""

from __future__ import annotations

import datetime as dt
import functools

import pytest
from helpers import ROOT

from pia_wizard.core.evaluation.evaluate import evaluate
from pia_wizard.core.evaluation.figures import compute_figures
from pia_wizard.core.load.assessment_io import load_assessment_file
from pia_wizard.core.load.library import shipped_library
from pia_wizard.core.models.assessment import Answer
from pia_wizard.core.rules.visibility import AnswerView

LIBRARY = shipped_library()
LATER = dt.date(2028, 6, 1)  # Art. 26(6) applies from 2 December 2027 on the amended timeline
EXAMPLES = ROOT / "examples"
NAMES = ["police-lfr-van-football", "phone-face-unlock", "missing-child-judicial-authorisation"]


@functools.cache
def verdicts(name: str, value: str) -> dict[str, str]:
    loaded = load_assessment_file(EXAMPLES / f"{name}.pia.json", LIBRARY)
    answers = dict(loaded.assessment.answers)
    answers["q202"] = Answer.model_validate({"value": eval(value)})  # noqa: S307 - literals of this file
    changed = loaded.assessment.model_copy(update={"answers": answers})
    result = evaluate(loaded.questionnaire, LIBRARY.rulebooks.values(), changed, sources=LIBRARY.sources)
    return {r.id: r.verdict for r in result.rulebooks}


IDENTIFY, VERIFY = "['identify']", "['verify']"
EITHER, UNKNOWN = "{'one_of': ['identify', 'verify']}", "None"


@pytest.mark.parametrize("name", NAMES)
def test_one_of_two_gives_what_both_give_and_never_passes_on_a_guess(name: str) -> None:
    identify, verify, either = verdicts(name, IDENTIFY), verdicts(name, VERIFY), verdicts(name, EITHER)
    for rulebook, verdict in either.items():
        if identify[rulebook] == verify[rulebook]:
            assert verdict == identify[rulebook], rulebook
        else:  # the two differ: say so (undecided), or the one both share at worst
            assert verdict in (identify[rulebook], verify[rulebook], "insufficient_information"), rulebook
            assert verdict != "passes", rulebook


def test_one_of_two_decides_what_unknown_leaves_open() -> None:
    """The live van crosses the EU red line whether it identifies or verifies: "one of the two"
    says so; "unknown" cannot."""
    either = verdicts("police-lfr-van-football", EITHER)
    loaded = load_assessment_file(EXAMPLES / "police-lfr-van-football.pia.json", LIBRARY)
    answers = {**loaded.assessment.answers, "q202": Answer(unknown=True)}
    changed = loaded.assessment.model_copy(update={"answers": answers})
    unknown = evaluate(loaded.questionnaire, LIBRARY.rulebooks.values(), changed, sources=LIBRARY.sources)
    assert either["eu-law"] == "red_line"
    assert next(r for r in unknown.rulebooks if r.id == "eu-law").verdict != "red_line"


def test_no_time_limit_for_logs_is_longer_than_any_threshold() -> None:
    """Logs kept "with no time limit" are kept for at least six months (AI Act Art. 26(6)): the
    step that asks it passes on that answer as on 200 days, and fails on 30."""
    loaded = load_assessment_file(EXAMPLES / "police-lfr-van-football.pia.json", LIBRARY)

    def log_step(value: object) -> str:
        answers = {**loaded.assessment.answers, "q1006": Answer.model_validate({"value": value})}
        changed = loaded.assessment.model_copy(update={"answers": answers})
        result = evaluate(
            loaded.questionnaire, [LIBRARY.rulebooks["eu-law"]], changed, date=LATER, explore=False
        )
        steps = [s for t in result.rulebooks[0].tests for s in t.steps]
        (step,) = [s for s in steps if any(a.question == "q1006" for a in s.answers)]
        return step.status

    assert log_step({"no_limit": True}) == log_step(200) == "pass"
    assert log_step(30) == "fail"


def test_a_vendors_accuracy_claim_is_shown_with_what_it_would_mean_for_false_alerts() -> None:
    loaded = load_assessment_file(EXAMPLES / "police-lfr-van-football.pia.json", LIBRARY)
    compiled = loaded.questionnaire

    def claimed(people: object, accuracy: object):  # type: ignore[no-untyped-def]
        answers = {"q202": Answer(value=("identify",))}
        answers["q402"] = Answer.model_validate({"value": people})
        answers["q1160"] = Answer.model_validate({"value": accuracy})
        view = AnswerView(compiled, answers)
        return compute_figures(compiled, view).claimed_accuracy_alerts

    figure = claimed(10_000, 0.99)
    assert figure.value == pytest.approx(100)
    assert figure.text.startswith(
        "if the 1 % that “99 % accurate” leaves were people wrongly flagged: about 100"
    )
    assert "only the false-match rate at the threshold used settles it" in figure.text
    ranged = claimed({"low": 5_000, "high": 20_000, "as_stated": "thousands"}, 0.99)
    assert (ranged.low, ranged.high) == (pytest.approx(50), pytest.approx(200))
    help_text = compiled.entries["q1160"].question.help["en"]
    assert "says little about false alerts" in help_text
