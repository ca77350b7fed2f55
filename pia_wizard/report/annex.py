"""The annex as plain data: every answer with its note and evidence, the unknowns, the glossary used.

Answers behind a `show_if` that is false are not shown (they count as unanswered everywhere).
Notes reach this module only if the redaction kept them; a private note is skipped here as well.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pia_wizard.core.answers.uses import use_names, use_view
from pia_wizard.core.models.assessment import Answer, Assessment, Evidence
from pia_wizard.core.models.questionnaire import GroupQuestion
from pia_wizard.core.models.sources import Glossary
from pia_wizard.core.rules.compiled import CompiledQuestionnaire
from pia_wizard.core.rules.visibility import AnswerView
from pia_wizard.report.citations import Citations
from pia_wizard.report.formatting import Formatter, date_text
from pia_wizard.report.wording import ANSWER_STATES, EVIDENCE_LEVELS


def evidence_item(
    item: Evidence, assessment: Assessment, shows: str = "", fmt: Formatter | None = None
) -> dict[str, Any]:
    """One document in the report; `shows`: the chosen options it shows, in words, when it names them."""
    address = item.address or ""
    if not address.startswith(("https://", "http://")):  # the model allows nothing else; be sure
        address = ""
    attached = assessment.attachments.get(item.attachment) if item.attachment else None
    return {
        "title": item.title,
        "address": address,
        "accessed": date_text(item.accessed, fmt) if item.accessed else "",
        "quote": item.quote,
        "confidence": item.confidence,
        "confidence_label": fmt.tr(EVIDENCE_LEVELS[item.confidence])
        if fmt
        else EVIDENCE_LEVELS[item.confidence],
        "file": {"name": attached.file_name, "sha256": attached.sha256} if attached else None,
        "shows": shows,
    }


def evidence_items(
    fmt: Formatter, assessment: Assessment, question_id: str, answer: Answer
) -> list[dict[str, Any]]:
    """An answer's documents; one that shows only some chosen options names them."""
    return [evidence_item(e, assessment, _options(fmt, question_id, e.choices), fmt) for e in answer.evidence]


def _options(fmt: Formatter, question_id: str, values: tuple[str, ...]) -> str:
    """“Wanted persons” and “Suspects”: chosen options in words, for "for … only"."""
    named = [f"“{fmt.value(question_id, (v,))}”" for v in values]
    return fmt.tr(" and ").join([", ".join(named[:-1]), named[-1]] if len(named) > 1 else named)


def _note(answer: Answer | None) -> str:
    if answer is None or answer.note is None or answer.note.private:
        return ""
    return answer.note.text


def _answer_row(
    fmt: Formatter, assessment: Assessment, question_id: str, answer: Answer | None, state: str
) -> dict[str, Any]:
    value = answer.value if answer is not None and state == "value" else None
    return {
        "id": question_id,
        "label": fmt.label(question_id),
        "state": state,
        "value": fmt.value(question_id, value)
        if state == "value"
        else fmt.tr(ANSWER_STATES.get(state, state)),
        "note": _note(answer),
        "evidence": evidence_items(fmt, assessment, question_id, answer) if answer else [],
        "group_items": [],
    }


def _state(answer: Answer | None) -> str:
    if answer is None or not answer.answered:
        return "unanswered"
    return "unknown" if answer.unknown else "value"


def answers_by_section(
    compiled: CompiledQuestionnaire, assessment: Assessment, fmt: Formatter
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
    """(sections with their answered questions, the unknowns, how many shown questions are unanswered).

    With several uses of the system, the first use's sections come as always (its answers to the
    questions asked per use marked with its name), then each further use's own answers, in sections
    titled with the use's name."""
    if not assessment.uses:
        return _answers_by_section(compiled, assessment, fmt, None, "")
    names = use_names(compiled, assessment)
    sections, unknowns, unanswered = _answers_by_section(
        compiled, use_view(compiled, assessment, 0), fmt, None, names[0]
    )
    for index, name in enumerate(names[1:], start=1):
        more = _answers_by_section(
            compiled, use_view(compiled, assessment, index), fmt, compiled.per_use, name
        )
        sections.extend(more[0])
        unknowns.extend(more[1])
        unanswered += more[2]
    return sections, unknowns, unanswered


def _answers_by_section(
    compiled: CompiledQuestionnaire,
    assessment: Assessment,
    fmt: Formatter,
    only: frozenset[str] | None,
    use: str,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
    """One use's answers (`only` these questions when given); `use` names it where answers differ."""
    view = AnswerView.of(compiled, assessment)
    sections: list[dict[str, Any]] = []
    unknowns: list[dict[str, Any]] = []
    unanswered = 0
    for section in compiled.questionnaire.sections:
        if not view.section_visible(section.id):
            continue
        rows = []
        for question in section.questions:
            if not view.question_visible(question.id) or (only is not None and question.id not in only):
                continue
            answer = assessment.answers.get(question.id)
            state = _state(answer)
            if state == "unanswered" and not (answer and (answer.evidence or _note(answer))):
                unanswered += 1
                continue
            row = _answer_row(fmt, assessment, question.id, answer, state)
            if use and question.id in compiled.per_use:
                row["label"] = fmt.tr("{label} (for the use “{use}”)").format(label=row["label"], use=use)
            if isinstance(question, GroupQuestion) and state == "value" and answer is not None:
                row["value"] = f"{len(answer.value or ())} × {fmt.text(question.item_label)}"
                row["group_items"] = _items(fmt, view, assessment, question, answer.value or ())
            if state == "unknown":
                ask = fmt.text(question.ask) if question.ask else ""
                unknowns.append(
                    {
                        "id": question.id,
                        "label": row["label"],
                        "section": fmt.text(section.title),
                        "ask": ask,
                        "note": row["note"],
                    }
                )
            rows.append(row)
        if rows:
            title = fmt.text(section.title) + (
                fmt.tr(" — the use “{use}”").format(use=use) if only is not None else ""
            )
            sections.append({"id": section.id, "title": title, "answers": rows})
    return sections, unknowns, unanswered


def _items(
    fmt: Formatter, view: AnswerView, assessment: Assessment, group: GroupQuestion, items: Any
) -> list[dict[str, Any]]:
    result = []
    name = fmt.text(group.item_label)
    for number, item in enumerate(items, start=1):
        if not isinstance(item, Mapping):
            continue
        rows = []
        for question in group.items:
            if not view.item_question_visible(question.id, item):
                continue
            answer = item.get(question.id)
            state = _state(answer)
            if state == "unanswered" and not (answer and (answer.evidence or _note(answer))):
                continue
            rows.append(_answer_row(fmt, assessment, question.id, answer, state))
        result.append({"label": f"{name} {number}", "answers": rows})
    return result


def glossary_used(
    glossary: Glossary | None, fmt: Formatter, report_text: str, citations: Citations
) -> list[dict[str, Any]]:
    """The glossary terms that occur in the report's text (see Glossary.terms_in)."""
    if glossary is None:
        return []
    used = [
        {
            "id": term.id,
            "term": fmt.text(term.term),
            "definition": fmt.text(term.definition),
            "sources": citations.cite(term.refs),
        }
        for term in glossary.terms_in(report_text, fmt.language)
    ]
    return sorted(used, key=lambda t: t["term"].casefold())
