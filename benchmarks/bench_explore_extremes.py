"""Gaps and counterfactuals at the extremes of the shipped questionnaire: every answer "unknown", and
no answer at all — more open questions than any example, so more trial re-evaluations.

Run: `make bench` (or `.venv/bin/python benchmarks/bench_explore_extremes.py`). Medians of 11 runs
after one warm-up, CPU time beside wall time. Target (issue 7): counterfactuals and gaps ≤ 100 ms.
"""

from __future__ import annotations

import time

from _figures import figure, median

COMMAND = ".venv/bin/python benchmarks/bench_explore_extremes.py"
RUNS = 11


def main() -> None:
    from pia_wizard.core.evaluation.evaluate import evaluate
    from pia_wizard.core.load.library import shipped_library
    from pia_wizard.core.models.assessment import Answer, Assessment

    library = shipped_library()
    books = list(library.rulebooks.values())
    print(f"# pia-wizard exploration at the extremes — reproduce with: {COMMAND}")
    for compiled in library.questionnaires.values():
        base = {
            "schema_version": 1,
            "questionnaire": {"id": compiled.id, "version": compiled.questionnaire.version},
            "metadata": {"assessment_date": "2026-11-23"},
        }
        unknown = {
            question_id: Answer(unknown=True)
            for question_id, entry in compiled.entries.items()
            if entry.group is None and entry.question.type != "group"
        }
        cases = {
            "all_unknown": ("every answer unknown", Assessment.model_validate({**base, "answers": unknown})),
            "empty": ("no answer at all", Assessment.model_validate(base)),
        }
        for key, (what, assessment) in cases.items():
            rulebooks = [b for b in books if b.questionnaire == compiled.id]
            evaluate(compiled, rulebooks, assessment, explore=True, sources=library.sources)  # warm-up
            wall, cpu = [], []
            for _ in range(RUNS):
                w, c = time.perf_counter(), time.process_time()
                evaluate(compiled, rulebooks, assessment, explore=True, sources=library.sources)
                wall.append((time.perf_counter() - w) * 1000)
                cpu.append((time.process_time() - c) * 1000)
            figure(
                f"exploration_{key}",
                f"gaps + counterfactuals, {what}",
                median(wall),
                "ms",
                target=100,
                detail=(
                    f"{compiled.id}, {len(unknown)} questions, max {max(wall):.0f} ms, "
                    f"cpu {median(cpu):.0f} ms"
                ),
                command=COMMAND,
            )


if __name__ == "__main__":
    main()
