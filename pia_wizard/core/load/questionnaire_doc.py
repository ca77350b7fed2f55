"""The questionnaire as a Markdown document, so that a lawyer can review it without reading YAML.

`render_markdown(compiled, sources)` lists every section with the condition under which it is shown
(in words), every question with its id, type, nature, whether it is required, label, help, the words
to put to the operator when the answer is unknown, its choices, its condition and its sources with
their verification tags; then the shared figures, the consistency checks and a source table.

    python -m pia_wizard.core.load.questionnaire_doc            # writes docs/questionnaire.md
    python -m pia_wizard.core.load.questionnaire_doc --check    # exit 1 if the file is out of date

The output depends only on the files, so a test can compare the committed document with a fresh
rendering. Imports neither Qt nor WeasyPrint.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from pia_wizard.core.files.atomic_file import SaveError, write_atomic
from pia_wizard.core.files.problems import LoadError
from pia_wizard.core.files.resources import questionnaires_dir
from pia_wizard.core.load.loading import load_questionnaire, load_sources
from pia_wizard.core.models.base import localise
from pia_wizard.core.models.conditions import (
    All,
    AllItems,
    AnyItem,
    AnyOf,
    ConditionNode,
    FactRef,
    Not,
    QuestionTest,
    SumTest,
)
from pia_wizard.core.models.questionnaire import (
    AnyQuestion,
    Choice,
    GroupQuestion,
    NumberQuestion,
    Section,
    TextQuestion,
)
from pia_wizard.core.models.sources import Source, SourcesFile
from pia_wizard.core.rules.compiled import CompiledQuestionnaire

DEFAULT_QUESTIONNAIRE = "biometric-deployment.yaml"
DEFAULT_OUTPUT = Path("docs") / "questionnaire.md"
WHILE_UNKNOWN = "(shown while unknown)"
ONLY_WHEN_KNOWN = "(hidden while unknown or unanswered)"
LONG_LIST = 20  # longer choice lists (countries, states) are printed on one line

TYPE_NAMES = {
    "single_choice": "single choice",
    "multiple_choice": "multiple choice",
    "yes_no": "yes / no",
    "number": "number",
    "text": "text",
    "date": "date",
    "group": "repeatable group",
}
TAG_WORDS = {
    "V": "checked against the legal text itself",
    "S": "checked against a secondary source only; a lawyer should confirm the wording",
    "U": "not verified; a placeholder until a lawyer confirms it",
}
COMPARISON_WORDS = {"gt": "is more than", "ge": "is at least", "lt": "is less than", "le": "is at most"}


# ---------------------------------------------------------------------------------------- conditions


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _values(values: Iterable[object]) -> str:
    return ", ".join(_value(v) for v in values)


def describe_condition(node: ConditionNode) -> str:
    """A condition in words, e.g. "q202 includes any of: identify"; AND / OR / NOT in capitals."""
    if isinstance(node, QuestionTest):
        return _describe_test(node)
    if isinstance(node, SumTest):
        op = node.operator
        return (
            f"the sum of {node.sum.question} over the {node.sum.group} items "
            f"{COMPARISON_WORDS[op]} {_value(getattr(node, op))}"
        )
    if isinstance(node, FactRef):
        return f"the derived fact {node.fact} holds"
    if isinstance(node, Not):
        return f"NOT ({describe_condition(node.not_)})"
    if isinstance(node, All):
        return " AND ".join(_member(member) for member in node.all)
    if isinstance(node, AnyOf):
        return " OR ".join(_member(member) for member in node.any)
    if isinstance(node, AnyItem):
        return f"at least one {node.any_item} item has: {describe_condition(node.where)}"
    if isinstance(node, AllItems):
        return f"every {node.all_items} item has: {describe_condition(node.where)}"
    raise TypeError(f"not a condition: {node!r}")  # pragma: no cover - the parser admits no other


def _member(node: ConditionNode) -> str:
    text = describe_condition(node)
    return f"({text})" if isinstance(node, All | AnyOf) else text


def _describe_test(node: QuestionTest) -> str:
    q, op = node.question, node.operator
    operand = node.operand(op)
    if op == "equals":
        return f"{q} is {_value(operand)}"
    if op == "in":
        return f"{q} is one of: {_values(operand)}"
    if op == "includes_any":
        return f"{q} includes any of: {_values(operand)}"
    if op == "includes_all":
        return f"{q} includes all of: {_values(operand)}"
    if op in COMPARISON_WORDS:
        return f"{q} {COMPARISON_WORDS[op]} {_value(operand)}"
    if op == "is_unknown":
        return f"{q} is {'' if operand else 'not '}answered Unknown / not disclosed"
    return f"{q} is {'' if operand else 'not '}answered"  # answered


def describe_follows(node: ConditionNode) -> str:
    return f"only when {describe_condition(node)} {ONLY_WHEN_KNOWN}"


def describe_show_if(node: ConditionNode | None) -> str:
    if node is None:
        return "always"
    return f"when {describe_condition(node)} {WHILE_UNKNOWN}"


# ---------------------------------------------------------------------------------------- rendering


def _sources_by_id(sources: SourcesFile | Iterable[Source]) -> dict[str, Source]:
    items = sources.sources if isinstance(sources, SourcesFile) else sources
    return {source.id: source for source in items}


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _cell(text: str) -> str:
    return _one_line(text).replace("|", "\\|")


class _Renderer:
    def __init__(self, compiled: CompiledQuestionnaire, sources: Mapping[str, Source]) -> None:
        self.compiled = compiled
        self.questionnaire = compiled.questionnaire
        self.sources = sources
        self.language = self.questionnaire.default_language
        self.lines: list[str] = []
        self.cited: dict[str, list[str]] = {}

    def text(self, value: Mapping[str, str] | None) -> str:
        return _one_line(localise(value, self.language, self.language)) if value else ""

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def cite(self, owner: str, refs: Iterable[str]) -> str:
        parts = []
        for ref in refs:
            self.cited.setdefault(ref, [])
            if owner not in self.cited[ref]:
                self.cited[ref].append(owner)
            source = self.sources.get(ref)
            if source is None:
                parts.append(f"{ref} (missing from the source table)")
            else:
                pinpoint = f", {source.pinpoint}" if source.pinpoint else ""
                parts.append(f"{ref} [{source.tag}]{pinpoint}")
        return "; ".join(parts)

    # ------------------------------------------------------------------------ the document

    def render(self) -> str:
        q = self.questionnaire
        self.add(
            f"# {self.text(q.title)}",
            "",
            f"Questionnaire `{q.id}`, version {q.version}. Generated from "
            f"`questionnaires/{DEFAULT_QUESTIONNAIRE}` and `questionnaires/sources.yaml` by "
            "`python -m pia_wizard.core.load.questionnaire_doc`: do not edit by hand.",
            "",
        )
        if q.description:
            self.add(self.text(q.description), "")
        self.add(
            "How to read this document:",
            "",
            "- Every question can also be answered **Unknown / not disclosed**; that answer state exists "
            "for every question type, so it is not listed among the choices.",
            "- *fact* questions record how things are; *actionable* questions record a safeguard or "
            "decision the operator could change.",
            "- A section or question with a condition is shown only when the condition holds. A "
            f"condition that cannot be decided because an answer is unknown or missing shows it "
            f"{WHILE_UNKNOWN}: only a known answer skips a part of the questionnaire.",
            "- A follow-up (a question about something an earlier answer says exists or happened) waits "
            f"for that answer: it is shown only when its condition is known to hold {ONLY_WHEN_KNOWN}.",
            "- Sources are cited by id with their verification tag: "
            + "; ".join(f"**{tag}** {words}" for tag, words in TAG_WORDS.items())
            + ". The source table is at the end.",
            "",
            "## Sections",
            "",
            "| Section | Title | Shown | Questions |",
            "|---|---|---|---|",
        )
        for section in q.sections:
            count = sum(1 for e in self.compiled.entries.values() if e.section.id == section.id)
            self.add(
                f"| {section.id} | {_cell(self.text(section.title))} | "
                f"{_cell(describe_show_if(section.show_if))} | {count} |"
            )
        self.add("")
        self.uses()
        for section in q.sections:
            self.section(section)
        self.figures()
        self.checks()
        self.source_table()
        return "\n".join(self.lines).rstrip("\n") + "\n"

    def uses(self) -> None:
        """The uses block, and which questions are answered once for each use."""
        uses = self.questionnaire.uses
        if uses is None:
            return
        self.add(f"## {self.text(uses.title)}", "")
        if uses.help:
            self.add(self.text(uses.help), "")
        per_use = sorted(self.compiled.per_use, key=self.compiled.order.__getitem__)
        self.add(
            "An assessment may describe several uses of the system, each a named "
            f"{self.text(uses.item_label)} "
            f"(the first is called “{self.text(uses.first_name)}” until it is named). These "
            f"{len(per_use)} questions are answered for each use (marked **Asked for each use** below); "
            "every other question is answered once for all uses. Every rulebook judges every use, and "
            "its verdict is the worst of them: " + ", ".join(per_use) + ".",
            "",
        )

    def section(self, section: Section) -> None:
        self.add(f"## {section.id} — {self.text(section.title)}", "")
        if section.help:
            self.add(self.text(section.help), "")
        self.add(f"- **Shown:** {describe_show_if(section.show_if)}")
        if section.skipped_reason:
            self.add(f"- **When skipped, the reader is told:** {self.text(section.skipped_reason)}")
        self.add("")
        for question in self.compiled.top_level_questions(section):
            self.question(question, level=3)

    def question(self, question: AnyQuestion, level: int, group: GroupQuestion | None = None) -> None:
        self.add(f"{'#' * level} {question.id} — {self.text(question.label)}", "")
        facts = [
            f"**Type:** {TYPE_NAMES[question.type]}",
            f"**Nature:** {question.nature}",
            f"**Required:** {'yes' if question.required else 'no'}",
        ]
        self.add("- " + " · ".join(facts))
        detail = self.type_detail(question)
        if detail:
            self.add(f"- {detail}")
        if group is not None:
            self.add(f"- **Asked for each {self.text(group.item_label)} of:** {group.id}")
        if question.per_use:
            self.add("- **Asked for each use** of the system (see the uses above)")
        if question.follows is not None:
            self.add(f"- **Follows up:** {describe_follows(question.follows)}")
        if question.show_if is not None:
            self.add(f"- **Shown:** {describe_show_if(question.show_if)}")
        if question.help:
            self.add(f"- **Help:** {self.text(question.help)}")
        if question.ask:
            self.add(f"- **If unknown, ask the operator:** {self.text(question.ask)}")
        entry = self.compiled.entries[question.id]
        if entry.choices:
            shared = getattr(question, "choice_list", None)
            head = f"- **Choices** (shared list `{shared}`):" if shared else "- **Choices:**"
            if len(entry.choices) > LONG_LIST:
                listed = "; ".join(f"`{c.value}` {self.text(c.label)}" for c in entry.choices)
                self.add(f"{head} {listed}")
            else:
                self.add(head, *(self.choice(choice, question.id) for choice in entry.choices))
        if question.refs:
            self.add(f"- **Sources:** {self.cite(question.id, question.refs)}")
        self.add("")
        if isinstance(question, GroupQuestion):
            for item in question.items:
                self.question(item, level + 1, group=question)

    def choice(self, choice: Choice, owner: str) -> str:
        line = f"  - `{choice.value}` — {self.text(choice.label)}"
        if choice.help:
            line += f" ({self.text(choice.help)})"
        if choice.refs:
            line += f" [sources: {self.cite(owner, choice.refs)}]"
        change = choice.realistic_change
        if change is not None:
            when = describe_show_if(change.when) if change.when is not None else "never"
            line += f" — suggested as a change {when}; why: {self.text(change.because)}"
            if change.refs:
                line += f" [sources: {self.cite(owner, change.refs)}]"
        return line

    def type_detail(self, question: AnyQuestion) -> str:
        if isinstance(question, NumberQuestion):
            parts = ["whole number" if question.integer else "any number"]
            if question.minimum is not None:
                parts.append(f"at least {_value(question.minimum)}")
            if question.maximum is not None:
                parts.append(f"at most {_value(question.maximum)}")
            if question.unit:
                parts.append(f"unit: {self.text(question.unit)}")
            parts.append("or a range")
            if question.no_limit is not None:
                parts.append(f"or “{self.text(question.no_limit)}” (longer than any threshold)")
            return "**Number:** " + ", ".join(parts)
        if isinstance(question, TextQuestion) and question.multiline:
            return "**Text:** several lines"
        if isinstance(question, GroupQuestion):
            return (
                f"**Each item is one {self.text(question.item_label)}**; "
                f"{question.min_items} to {question.max_items} items"
            )
        return ""

    def figures(self) -> None:
        spec = self.questionnaire.figures
        if spec is None:
            return
        self.add("## Figures", "", "Which answers feed the figures the engine computes.", "")
        alerts = spec.false_alerts
        if alerts is not None:
            self.add(
                "### Expected false alerts",
                "",
                f"- People passing per day: {alerts.people_per_day}"
                + (
                    f", or else the sum of {alerts.people_per_day_items.question} over the "
                    f"{alerts.people_per_day_items.group} items"
                    if alerts.people_per_day_items
                    else ""
                ),
                f"- Watchlist size: {alerts.watchlist_size}",
                f"- False-match rate: {alerts.false_match_rate}, stated per {alerts.rate_unit} "
                f"(`{alerts.per_comparison}` = per comparison: people × watchlist size × rate; "
                f"`{alerts.per_search}` = per search: people × rate)",
            )
            if alerts.watchlisted_per_day:
                self.add(f"- Watchlisted people passing per day: {alerts.watchlisted_per_day}")
            if alerts.days_per_year:
                self.add(f"- Days of use per year: {alerts.days_per_year}")
            if alerts.refs:
                self.add(f"- **Sources:** {self.cite('figures', alerts.refs)}")
            self.add("")
        if spec.dpia_criteria:
            self.add(
                "### DPIA indicator",
                "",
                f"A DPIA is indicated from {spec.dpia_threshold} criteria met.",
                "",
            )
            for criterion in spec.dpia_criteria:
                self.add(
                    f"- **{criterion.id}** {self.text(criterion.label)}: "
                    f"met when {describe_condition(criterion.when)}"
                )
            if spec.dpia_refs:
                self.add(f"- **Sources:** {self.cite('figures', spec.dpia_refs)}")
            self.add("")

    def checks(self) -> None:
        if not self.questionnaire.checks:
            return
        self.add("## Consistency checks", "", "Answers that contradict each other are reported.", "")
        for check in self.questionnaire.checks:
            if check.when is not None:
                rule = f"reported when {describe_condition(check.when)}"
            else:
                is_date = self.compiled.entries[check.earlier].question.type == "date"
                order = "is after" if is_date else "is more than"
                rule = f"reported when {check.earlier} {order} {check.later}"
            self.add(f"- **{check.id}** {self.text(check.text)} — {rule}")
        self.add("")

    def source_table(self) -> None:
        self.add(
            "## Sources",
            "",
            "Every source this questionnaire cites, in the order of the source table.",
            "",
            "| Id | Tag | Pinpoint | Title | Note | Cited by |",
            "|---|---|---|---|---|---|",
        )
        order = list(self.sources)
        known = [ref for ref in order if ref in self.cited]
        missing = sorted(ref for ref in self.cited if ref not in self.sources)
        for ref in known:
            s = self.sources[ref]
            title = f"[{_cell(s.title)}]({s.address})" if s.address else _cell(s.title)
            self.add(
                f"| {ref} | {s.tag} | {_cell(s.pinpoint)} | {title} | {_cell(s.note)} | "
                f"{', '.join(self.cited[ref])} |"
            )
        for ref in missing:
            self.add(f"| {ref} | ? | | missing from the source table | | {', '.join(self.cited[ref])} |")
        self.add("")


def render_markdown(compiled: CompiledQuestionnaire, sources: SourcesFile | Iterable[Source]) -> str:
    """The questionnaire as Markdown: sections, questions, conditions in words, figures, sources."""
    return _Renderer(compiled, _sources_by_id(sources)).render()


# ---------------------------------------------------------------------------------------- command


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pia_wizard.core.load.questionnaire_doc",
        description="Write the questionnaire as Markdown for review (docs/questionnaire.md).",
    )
    folder = questionnaires_dir()
    parser.add_argument("--questionnaire", type=Path, default=folder / DEFAULT_QUESTIONNAIRE)
    parser.add_argument("--sources", type=Path, default=folder / "sources.yaml")
    parser.add_argument("--output", "-o", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--check", action="store_true", help="exit 1 if the output is out of date")
    args = parser.parse_args(argv)
    try:
        text = render_markdown(load_questionnaire(args.questionnaire), load_sources(args.sources))
    except LoadError as exc:
        print(exc, file=sys.stderr)
        return 2
    data = text.encode("utf-8")
    if args.check:
        current = args.output.read_bytes() if args.output.is_file() else None
        if current != data:
            print(f"{args.output} is out of date: run {parser.prog}", file=sys.stderr)
            return 1
        return 0
    try:
        write_atomic(args.output, data, keep_backup=False)
    except SaveError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
