"""Score the corpus of real decisions (tests/decisions/) and write docs/decisions.md (`make decisions`).

Each decision's expected verdicts were written from the decision before it was scored; this script only
compares. A graded verdict agrees when today's verdict is the expected one (or one of `any_of`); every
disagreement must be explained in the decision's file (`disagreement: {rulebook: {got, why}}`), and the
explanation must still be true: `got` is today's verdict. A rulebook that does not exist yet scores as
`absent`. The civil-society verdict is recorded and shown, never graded.

    python tools/decisions_table.py            # write docs/decisions.md
    python tools/decisions_table.py --check    # exit 1 if it is stale or a disagreement is unexplained
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from pia_wizard.core.evaluation.evaluate import evaluate
from pia_wizard.core.load.assessment_io import load_assessment_file
from pia_wizard.core.load.library import Library, shipped_library

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "decisions"
TABLE = ROOT / "docs" / "decisions.md"
CIVIL = "ban-biometric-surveillance"
ABSENT = "absent"
# How a disagreement is explained: the rule was fixed in a way that still differs, a limit of the
# questionnaire or rulebook is stated, or the rule is too lenient or too strict (with the issue item).
PREFIXES = ("rule fixed:", "limit:", "rule too lenient:", "rule too strict:")


@dataclass(frozen=True)
class Graded:
    """One expected rulebook verdict of one decision, with today's verdict."""

    decision: str
    rulebook: str
    expected: tuple[str, ...]
    got: str
    reason: str
    why: str  # the disagreement's explanation, "" when none is written

    @property
    def agrees(self) -> bool:
        return self.got in self.expected


@dataclass(frozen=True)
class Scored:
    name: str
    meta: dict[str, Any]
    verdicts: dict[str, str]
    graded: tuple[Graded, ...]


def _expected(entry: dict[str, Any]) -> tuple[str, ...]:
    return tuple(entry["any_of"]) if "any_of" in entry else (entry["verdict"],)


def score_decision(path: Path, library: Library) -> Scored:
    """Evaluate one decision's assessment on its own date under every shipped rulebook."""
    meta = yaml.safe_load(path.read_text(encoding="utf-8"))
    loaded = load_assessment_file(path.with_suffix(".pia.json"), library)
    evaluation = evaluate(loaded.questionnaire, library.rulebooks.values(), loaded.assessment, explore=False)
    verdicts = {book: str(verdict) for book, verdict in evaluation.verdicts.items()}
    notes = meta.get("disagreement") or {}
    graded = tuple(
        Graded(
            decision=path.stem,
            rulebook=book,
            expected=_expected(entry),
            got=verdicts.get(book, ABSENT),
            reason=entry["reason"],
            why=str((notes.get(book) or {}).get("why", "")),
        )
        for book, entry in (meta.get("expected") or {}).items()
    )
    return Scored(path.stem, meta, verdicts, graded)


def score_corpus(library: Library | None = None) -> list[Scored]:
    lib = library or shipped_library()
    return [score_decision(path, lib) for path in sorted(CORPUS.glob("*.yaml"))]


def problems(corpus: list[Scored]) -> list[str]:
    """Disagreements left unexplained, and explanations no longer true of today's verdicts."""
    found: list[str] = []
    for scored in corpus:
        notes = scored.meta.get("disagreement") or {}
        graded = {g.rulebook: g for g in scored.graded}
        for g in scored.graded:
            note = notes.get(g.rulebook)
            if g.agrees:
                if note:
                    found.append(f"{g.decision}: {g.rulebook} now agrees ({g.got}); remove its note")
                continue
            if not note:
                expected = " or ".join(g.expected)
                found.append(f"{g.decision}: {g.rulebook} gives {g.got}, expected {expected}: explain it")
            elif str(note.get("got")) != g.got:
                old = note.get("got")
                found.append(f"{g.decision}: {g.rulebook} now gives {g.got}, the note explains {old}")
            elif not str(note.get("why", "")).startswith(PREFIXES):
                found.append(f"{g.decision}: {g.rulebook}: 'why' must start with one of {PREFIXES}")
        found += [f"{scored.name}: a note for {b}, which is not graded" for b in notes if b not in graded]
    return found


def _rate(rows: list[Graded]) -> str:
    agree = sum(g.agrees for g in rows)
    share = f"{100 * agree / len(rows):.0f} %" if rows else "n/a"
    return f"{agree} of {len(rows)} ({share})"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render(corpus: list[Scored]) -> str:
    """docs/decisions.md: the agreement rate, the table, and every disagreement with its explanation."""
    rows = [g for s in corpus for g in s.graded]
    existing = [g for g in rows if g.got != ABSENT]
    books = sorted({g.rulebook for g in rows})
    lines = [
        "# Decisions corpus: agreement with real decisions",
        "",
        "Generated by `python tools/decisions_table.py` (`make decisions`) from `tests/decisions/`:",
        "do not edit by hand. Each decision is scored on its own date under today's rulebooks; only the",
        "rulebooks whose law the decision applies are graded, and the civil-society verdict is shown but",
        "never graded (no court decides it).",
        "",
        f"**Agreement: {_rate(rows)} graded rulebook verdicts.** "
        f"Over rulebooks that exist today: {_rate(existing)}.",
        "",
        "| Rulebook | Agreement |",
        "|---|---|",
        *[f"| {book} | {_rate([g for g in rows if g.rulebook == book])} |" for book in books],
        "",
        "## Graded verdicts",
        "",
        "| Decision | Date | Rulebook | Expected | Got | Agrees |",
        "|---|---|---|---|---|---|",
    ]
    for s in corpus:
        for g in s.graded:
            lines.append(
                f"| {_cell(s.meta['decision'])} (`{s.name}`) | {s.meta['date']} | {g.rulebook} | "
                f"{' or '.join(g.expected)} | {g.got} | {'yes' if g.agrees else '**no**'} |"
            )
    lines += ["", "## Disagreements and their explanations", ""]
    for g in (g for g in rows if not g.agrees):
        lines.append(
            f"- `{g.decision}`, {g.rulebook}: expected {' or '.join(g.expected)}, got {g.got}. "
            f"{_cell(g.why) or '**unexplained**'}"
        )
    lines += ["", "## Not graded", "", "| Decision | Why not graded | Verdicts today |", "|---|---|---|"]
    for s in corpus:
        if not s.graded:
            today = ", ".join(f"{b}: {v}" for b, v in sorted(s.verdicts.items()))
            why = _cell(s.meta.get("not_graded", ""))
            lines.append(f"| {_cell(s.meta['decision'])} (`{s.name}`) | {why} | {today} |")
    lines += [
        "",
        "## Civil-society verdicts (recorded, not graded)",
        "",
        "| Decision | Recorded reading | Got |",
        "|---|---|---|",
    ]
    for s in corpus:
        civil = s.meta.get("civil_society") or {}
        lines.append(f"| `{s.name}` | {civil.get('verdict', '')} | {s.verdicts.get(CIVIL, ABSENT)} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    corpus = score_corpus()
    text = render(corpus)
    if "--check" in argv:
        issues = problems(corpus)
        stale = not TABLE.exists() or TABLE.read_text(encoding="utf-8") != text
        for issue in issues:
            print(issue, file=sys.stderr)
        if stale:
            print(f"{TABLE.relative_to(ROOT)} is stale: run `make decisions`", file=sys.stderr)
        return 1 if issues or stale else 0
    TABLE.write_text(text, encoding="utf-8")
    print(TABLE)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
