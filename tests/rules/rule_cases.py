"""Hand-written rule cases: for each rule, answers where it fires and answers near its boundary where
it must not, each naming the line of ../shared/domain.md it rests on.

A case file (`tests/rules/cases/<rulebook id>.yaml`):

    rulebook: eu-law
    cases:
      - rule: A1                       # a red line, or a decisive step (fires = the step fails)
        fires: true
        domain: "§11.1 A1; §1.3 G5"   # the brief's line
        date: 2026-11-23              # optional; default 2026-11-23
        answers: {q101: eu, q202: [identify], g401: [{q412: 4}]}
        unknown: [q501]
        evidence: {q501: 3}           # confidence level of one evidence item on that answer
    cannot_fire:                      # optional: rules no valid file can fire, each with the reason
      LA1: "…"                        # (they still need boundary cases; a firing case contradicts it)
        status: undetermined          # optional (per case): the step's status, or the red line's state
                                      # (fires, undetermined, exception_shown, clear)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from pia_wizard.core.answers.answer_check import check_assessment
from pia_wizard.core.evaluation.evaluate import evaluate
from pia_wizard.core.evaluation.results import RulebookResult
from pia_wizard.core.models.assessment import Assessment
from pia_wizard.core.models.rulebook import Rulebook
from pia_wizard.core.models.sources import SourcesFile
from pia_wizard.core.rules.compiled import CompiledQuestionnaire

DEFAULT_DATE = dt.date(2026, 11, 23)
CASE_KEYS = {"rule", "fires", "domain", "answers", "unknown", "evidence", "date", "name", "status"}


@dataclass(frozen=True)
class RuleCase:
    rulebook: str
    rule: str
    fires: bool
    domain: str
    answers: dict[str, Any]
    unknown: tuple[str, ...]
    evidence: dict[str, int]
    date: dt.date
    name: str
    status: str | None = None


def load_cases(path: Path) -> list[RuleCase]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = []
    for index, raw in enumerate(data["cases"]):
        unexpected = set(raw) - CASE_KEYS
        if unexpected:
            raise ValueError(f"{path.name} case {index}: unknown keys {sorted(unexpected)}")
        cases.append(
            RuleCase(
                rulebook=data["rulebook"],
                rule=str(raw["rule"]),
                fires=bool(raw["fires"]),
                domain=str(raw.get("domain", "")),
                answers=dict(raw.get("answers") or {}),
                unknown=tuple(raw.get("unknown") or ()),
                evidence=dict(raw.get("evidence") or {}),
                date=raw.get("date", DEFAULT_DATE),
                status=raw.get("status"),
                name=str(
                    raw.get("name") or f"{raw['rule']}-{'fires' if raw['fires'] else 'boundary'}-{index}"
                ),
            )
        )
    return cases


def _answer(value: Any) -> dict[str, Any]:
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return {"value": [{qid: {"value": v} for qid, v in item.items()} for item in value]}
    if isinstance(value, dt.date):
        return {"value": value.isoformat()}
    return {"value": value}


def case_assessment(case: RuleCase, compiled: CompiledQuestionnaire) -> Assessment:
    answers: dict[str, Any] = {qid: _answer(v) for qid, v in case.answers.items()}
    for qid in case.unknown:
        answers[qid] = {"unknown": True}
    for qid, level in case.evidence.items():
        answers.setdefault(qid, {})["evidence"] = [{"title": "case evidence", "confidence": level}]
    assessment = Assessment.model_validate(
        {
            "schema_version": 1,
            "questionnaire": {"id": compiled.id, "version": compiled.questionnaire.version},
            "answers": answers,
        }
    )
    issues = check_assessment(compiled, assessment)
    if issues:
        raise ValueError(f"case {case.name}: answers do not fit the questionnaire: {issues}")
    return assessment


def judge_case(
    case: RuleCase, compiled: CompiledQuestionnaire, rulebook: Rulebook, sources: SourcesFile | None
) -> RulebookResult:
    assessment = case_assessment(case, compiled)
    return evaluate(compiled, [rulebook], assessment, case.date, sources=sources, explore=False).rulebooks[0]


def rule_fired(result: RulebookResult, rule: str) -> bool:
    """A red line fired, or a step that counts toward the verdict failed."""
    if any(f.rule == rule and f.severity == "red_line" for f in result.findings):
        return True
    return any(s.id == rule and s.status == "fail" and s.decisive for t in result.tests for s in t.steps)


def rule_status(result: RulebookResult, rule: str) -> str:
    """A step's status, or a red line's state: fires, undetermined, exception_shown, advisory or clear."""
    for test in result.tests:
        for step in test.steps:
            if step.id == rule:
                return step.status
    for finding in result.findings:
        if finding.rule == rule and finding.kind == "applicability" and finding.severity == "info":
            return "advisory"  # crossed where its instrument is not confirmed binding: information only
        if finding.rule == rule and finding.kind in ("red_line", "exception"):
            if finding.kind == "exception":
                return "exception_shown"
            return "fires" if finding.severity == "red_line" else "undetermined"
    return "clear"


def rules_needing_cases(rulebook: Rulebook) -> list[str]:
    rules = [line.id for line in rulebook.red_lines]
    rules += [step.id for test in rulebook.tests for step in test.steps if step.decisive]
    return rules


def cannot_fire(path: Path) -> dict[str, str]:
    """The rules a case file says no valid assessment can fire, with the reason it gives."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {str(rule): str(reason) for rule, reason in (data.get("cannot_fire") or {}).items()}
