"""A verdict that fails on answers the operator can change shows the change that would fix it.

The user test: human rights "Fails" because the watchlist was open, yet "What would change this? (0)":
the verdict failed on several steps at once, so no single answer changed it. The search now bundles
one fix per failing step (as it does one per missing gate of an exception)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT

from pia_wizard.core.answers.uses import edit_use
from pia_wizard.core.evaluation.evaluate import evaluate
from pia_wizard.core.evaluation.explore import with_changes
from pia_wizard.core.load.assessment_io import load_assessment_file
from pia_wizard.core.load.library import shipped_library

LIBRARY = shipped_library()
EXAMPLES = sorted((ROOT / "examples").glob("*.pia.json"))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name.removesuffix(".pia.json"))
def test_a_failing_verdict_shows_a_change_that_fixes_it(example: Path) -> None:
    loaded = load_assessment_file(example, LIBRARY)
    books = [b for b in LIBRARY.rulebooks.values() if b.questionnaire == loaded.questionnaire.id]
    evaluation = evaluate(loaded.questionnaire, books, loaded.assessment, sources=LIBRARY.sources)
    for result in evaluation.rulebooks:
        if result.verdict != "fails":
            continue
        assert result.counterfactuals, f"{result.title}: fails, and nothing would change it"
        for counterfactual in result.counterfactuals:
            if not counterfactual.use:  # one use: the change fixes the assessment's verdict
                answers = with_changes(loaded.assessment.answers, counterfactual.changes)
                changed = loaded.assessment.model_copy(update={"answers": answers})
                after = evaluate(loaded.questionnaire, books, changed, evaluation.date, explore=False)
                assert after.verdicts[result.id] == counterfactual.to_verdict, counterfactual.text
                continue
            # Several uses (issue 13): the change, made to the use it names, fixes that use's verdict.
            index = [u.name for u in evaluation.uses].index(counterfactual.use)
            changed = edit_use(
                loaded.questionnaire,
                loaded.assessment,
                index,
                lambda view, cf=counterfactual: view.model_copy(
                    update={"answers": with_changes(view.answers, cf.changes)}
                ),
            )
            after = evaluate(loaded.questionnaire, books, changed, evaluation.date, explore=False)
            assert after.uses[index].verdicts[result.id] == counterfactual.to_verdict, counterfactual.text


def test_the_open_watchlist_is_among_the_changes_for_the_shop_door() -> None:
    """The example of the user test: the watchlist criteria left open fail the 'who' step."""
    loaded = load_assessment_file(ROOT / "examples" / "portland-shop-door.pia.json", LIBRARY)
    result = next(
        r
        for r in evaluate(
            loaded.questionnaire, LIBRARY.rulebooks.values(), loaded.assessment, sources=LIBRARY.sources
        ).rulebooks
        if r.id == "human-rights"
    )
    assert result.verdict == "fails"
    changed = {c.question for cf in result.counterfactuals for c in cf.changes}
    assert "q302" in changed  # who may be put on the watchlist
