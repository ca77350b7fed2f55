"""Engine figures: evaluation p50/p99 per example, and exploration (gaps + counterfactuals).

Run: `make bench` (or `.venv/bin/python benchmarks/bench_engine.py`). CPU time (process_time) is
reported beside wall time, because other load on a 2-core machine inflates wall time.
Targets (issue 7): evaluation p99 ≤ 5 ms; counterfactuals and gap ranking ≤ 100 ms.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

COMMAND = ".venv/bin/python benchmarks/bench_engine.py"
RUNS = 51


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def reference_ms() -> float:
    """A fixed pure-Python workload, the same in every run: its time shows how fast the machine ran at
    that moment (on a shared virtual machine the same code has run 1.5× slower from one hour to the
    next), so that figures from two runs can be compared."""
    times = []
    for _ in range(5):
        start = time.process_time()
        sum(i * i for i in range(1_000_000))
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    from _figures import figure

    from pia_wizard.core.evaluation.evaluate import evaluate
    from pia_wizard.core.load.assessment_io import load_assessment_file
    from pia_wizard.core.load.library import shipped_library

    library = shipped_library()
    books = list(library.rulebooks.values())
    examples = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.pia.json"))
    # One warm-up evaluation first: pydantic builds each model's validator on first use (defer_build),
    # a one-off cost that belongs to start-up (measured by bench_startup.py), not to each evaluation.
    warm = load_assessment_file(examples[0], library)
    evaluate(warm.questionnaire, books, warm.assessment, explore=True, sources=library.sources)
    print(f"# pia-wizard engine figures — reproduce with: {COMMAND}")
    figure(
        "reference_workload",
        "machine speed now: a fixed pure-Python workload (compare between runs)",
        reference_ms(),
        "ms",
        command=COMMAND,
    )
    print(f"{'example':<40} {'eval p50':>9} {'eval p99':>9} {'cpu p99':>8} {'explore':>9} {'cpu':>8}")
    all_eval: list[float] = []
    all_explore: list[float] = []
    for path in examples:
        loaded = load_assessment_file(path, library)
        wall, cpu = [], []
        for _ in range(RUNS):
            w, c = time.perf_counter(), time.process_time()
            evaluate(loaded.questionnaire, books, loaded.assessment, explore=False, sources=library.sources)
            wall.append((time.perf_counter() - w) * 1000)
            cpu.append((time.process_time() - c) * 1000)
        all_eval.extend(wall)
        explore_wall, explore_cpu = [], []
        for _ in range(3):
            w, c = time.perf_counter(), time.process_time()
            evaluate(loaded.questionnaire, books, loaded.assessment, explore=True, sources=library.sources)
            explore_wall.append((time.perf_counter() - w) * 1000)
            explore_cpu.append((time.process_time() - c) * 1000)
        all_explore.append(statistics.median(explore_wall))
        print(
            f"{path.name.removesuffix('.pia.json')[:40]:<40} {statistics.median(wall):7.2f}ms "
            f"{percentile(wall, 0.99):7.2f}ms {percentile(cpu, 0.99):6.2f}ms "
            f"{statistics.median(explore_wall):7.0f}ms {statistics.median(explore_cpu):6.0f}ms"
        )
    print(
        f"all examples: evaluation p50 {statistics.median(all_eval):.2f} ms, "
        f"p99 {percentile(all_eval, 0.99):.2f} ms "
        f"(target ≤ 5 ms); exploration median {statistics.median(all_explore):.0f} ms, "
        f"max {max(all_explore):.0f} ms (target ≤ 100 ms)"
    )


if __name__ == "__main__":
    main()
