"""Several uses: evaluation and exploration time for one use and for three (issue 13).

Run: `.venv/bin/python benchmarks/bench_uses.py` (also part of `make bench`). Each use is judged on
its own and the results combined, so the cost grows with the number of uses; this measures by how
much on the largest police example, whose second and third uses differ from the first in when the
result comes (later searches of footage; both) and where (an open area).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

COMMAND = ".venv/bin/python benchmarks/bench_uses.py"
EXAMPLE = "police-lfr-van-football.pia.json"
RUNS = 21


def with_uses(compiled, assessment, count: int):
    """The example with `count` uses: the first as it is, the others changed in one or two answers."""
    from pia_wizard.core.answers import edits
    from pia_wizard.core.answers.uses import add_use, edit_use

    variants = [
        ("searches of recorded footage", {"q204": "later"}),
        ("both, in the stands", {"q204": "both"}),
    ]
    for name, values in variants[: count - 1]:
        assessment = add_use(compiled, assessment, name)
        index = len(assessment.uses)
        own = {qid: a for qid, a in assessment.answers.items() if qid in compiled.per_use}
        assessment = edit_use(compiled, assessment, index, lambda view, own=own: _with(view, own))
        for qid, value in values.items():
            assessment = edit_use(
                compiled, assessment, index, lambda v, q=qid, x=value: edits.set_value(compiled, v, q, x)
            )
    return assessment


def _with(view, own):
    from types import MappingProxyType

    return view.model_copy(update={"answers": MappingProxyType({**view.answers, **own})})


def main() -> None:
    from _figures import ROOT, figure

    from pia_wizard.core.evaluation.evaluate import evaluate
    from pia_wizard.core.load.assessment_io import load_assessment_file
    from pia_wizard.core.load.library import shipped_library

    library = shipped_library()
    books = list(library.rulebooks.values())
    loaded = load_assessment_file(Path(ROOT) / "examples" / EXAMPLE, library)
    compiled = loaded.questionnaire
    evaluate(compiled, books, loaded.assessment, explore=True, sources=library.sources)  # warm-up
    print(f"# pia-wizard several uses — reproduce with: {COMMAND}")
    for count in (1, 3):
        assessment = with_uses(compiled, loaded.assessment, count)
        quick, explored = [], []
        for _ in range(RUNS):
            start = time.process_time()
            evaluation = evaluate(compiled, books, assessment, explore=False, sources=library.sources)
            quick.append((time.process_time() - start) * 1000)
        for _ in range(3):
            start = time.process_time()
            evaluate(compiled, books, assessment, explore=True, sources=library.sources)
            explored.append((time.process_time() - start) * 1000)
        verdicts = ", ".join(f"{k}={v}" for k, v in evaluation.verdicts.items())
        figure(
            f"uses_{count}_evaluation",
            f"evaluation (verdicts only), {count} use(s), CPU median",
            statistics.median(quick),
            "ms",
            command=COMMAND,
            detail=verdicts,
        )
        figure(
            f"uses_{count}_exploration",
            f"evaluation with gaps and counterfactuals, {count} use(s), CPU median",
            statistics.median(explored),
            "ms",
            command=COMMAND,
        )


if __name__ == "__main__":
    main()
