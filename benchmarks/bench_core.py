"""Figures for the core: CLI start-up, loading the shipped library, visibility, save and load.

Run: `make bench` (or `.venv/bin/python benchmarks/bench_core.py`). Prints medians and p99 of
repeated runs on this machine; nothing is asserted and no tracked file is changed.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType

COMMAND = ".venv/bin/python benchmarks/bench_core.py"


def timed(function: Callable[[], object], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def report(name: str, samples: list[float]) -> None:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    print(f"{name:<48} median {statistics.median(samples):8.2f} ms   p99 {p99:8.2f} ms   (n={len(samples)})")


def main() -> None:
    print(f"# pia-wizard core figures — reproduce with: {COMMAND}")
    cli = [sys.executable, "-m", "pia_wizard", "--version"]
    report(
        "process: pia-wizard --version",
        timed(lambda: subprocess.run(cli, check=True, capture_output=True), 11),
    )
    validate = [sys.executable, "-m", "pia_wizard", "validate", "questionnaires"]
    report(
        "process: pia-wizard validate questionnaires/",
        timed(lambda: subprocess.run(validate, check=True, capture_output=True), 11),
    )

    from pia_wizard.core.files.documents import read_yaml
    from pia_wizard.core.files.resources import questionnaires_dir
    from pia_wizard.core.load.library import check_files, shipped_library
    from pia_wizard.core.load.loading import load_yaml_as
    from pia_wizard.core.models.assessment import Answer, Assessment
    from pia_wizard.core.models.questionnaire import Questionnaire
    from pia_wizard.core.rules.compiled import compile_questionnaire
    from pia_wizard.core.rules.visibility import AnswerView

    folder = questionnaires_dir()
    report("in-process: check every shipped file", timed(lambda: check_files([folder]), 11))
    path = folder / "biometric-deployment.yaml"
    report("in-process: read biometric-deployment.yaml", timed(lambda: read_yaml(path), 21))
    document = read_yaml(path)
    model = load_yaml_as(document, Questionnaire)
    report(
        "in-process: validate (pydantic) questionnaire",
        timed(lambda: load_yaml_as(document, Questionnaire), 21),
    )
    report(
        "in-process: compile + check questionnaire", timed(lambda: compile_questionnaire(model, document), 21)
    )

    compiled = shipped_library().questionnaires["biometric-deployment"]
    rng = random.Random(7)  # noqa: S311 - reproducible test data, not secrets
    answer_sets = []
    for _ in range(200):
        answers = {}
        for question_id, entry in compiled.entries.items():
            if entry.group is not None or entry.question.type == "group":
                continue
            roll = rng.random()
            if roll < 0.2:
                answers[question_id] = Answer(unknown=True)
            elif roll < 0.6 and entry.question.type == "multiple_choice":
                answers[question_id] = Answer(value=(rng.choice(entry.choices).value,))
            elif roll < 0.6 and entry.choices:
                answers[question_id] = Answer(value=rng.choice(entry.choices).value)
            elif roll < 0.6 and entry.question.type == "yes_no":
                answers[question_id] = Answer(value=rng.random() < 0.5)
        answer_sets.append(MappingProxyType(answers))

    def visibility(answers: MappingProxyType) -> None:
        view = AnswerView(compiled, answers)
        for section_id in compiled.sections:
            view.section_visible(section_id)
        for question_id in compiled.entries:
            view.question_visible(question_id)

    samples = []
    for answers in answer_sets:
        samples.extend(timed(lambda answers=answers: visibility(answers), 1))
    report("in-process: visibility of every section and question", samples)

    from pia_wizard.core.load.assessment_io import load_assessment_file, save_assessment

    assessment = Assessment.model_validate(
        {
            "schema_version": 1,
            "questionnaire": {"id": compiled.id, "version": compiled.questionnaire.version},
            "answers": dict(answer_sets[0]),
        }
    )
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "bench.pia.json"
        report(
            "in-process: save assessment (atomic, fsync)",
            timed(lambda: save_assessment(target, assessment), 21),
        )
        report("in-process: load assessment", timed(lambda: load_assessment_file(target), 21))


if __name__ == "__main__":
    main()
