"""Several uses of one system in one assessment: each use seen as an assessment of its own, and
changes made to one use put back where they belong.

The assessment's `answers` describe the first use; `uses` holds the others, each with its own answers
to the questions the questionnaire asks per use (`per_use`). A use is judged on the shared answers
overlaid with its own: a per-use question the use has not answered is unanswered for that use — the
first use's answer never stands in for it. One use (no `uses`) is the assessment exactly as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from pia_wizard.core.models.assessment import Answer, Assessment, Use
from pia_wizard.core.models.base import localise
from pia_wizard.core.rules.compiled import CompiledQuestionnaire


class UseError(ValueError):
    """A use that cannot be added, renamed or removed as asked (an empty or repeated name)."""


def use_count(assessment: Assessment) -> int:
    return 1 + len(assessment.uses)


def first_use_default(compiled: CompiledQuestionnaire) -> str:
    """The name a first use is shown with until the person names it."""
    uses = compiled.questionnaire.uses
    language = compiled.questionnaire.default_language
    return localise(uses.first_name, language, language) if uses else "the first use"


def use_names(compiled: CompiledQuestionnaire, assessment: Assessment) -> tuple[str, ...]:
    """Every use's name in order, the first one's default filled in."""
    first = assessment.first_use_name.strip() or first_use_default(compiled)
    return (first, *(use.name for use in assessment.uses))


def use_answers(compiled: CompiledQuestionnaire, assessment: Assessment, index: int) -> Mapping[str, Answer]:
    """The answers use `index` is judged on: the shared ones with the use's own per-use answers."""
    if index == 0:
        return assessment.answers
    per_use = compiled.per_use
    answers = {qid: a for qid, a in assessment.answers.items() if qid not in per_use}
    answers.update(assessment.uses[index - 1].answers)
    return MappingProxyType(answers)


def use_view(compiled: CompiledQuestionnaire, assessment: Assessment, index: int) -> Assessment:
    """Use `index` as an assessment of one use (what the engine and the window's pages read)."""
    _check_index(assessment, index)
    if index == 0 and not assessment.uses and not assessment.first_use_name:
        return assessment
    return assessment.model_copy(
        update={"answers": use_answers(compiled, assessment, index), "uses": (), "first_use_name": ""}
    )


def merge_use(
    compiled: CompiledQuestionnaire, assessment: Assessment, index: int, edited: Assessment
) -> Assessment:
    """Put an edited view of use `index` back: its per-use answers into that use, the others (and
    metadata, attachments) into the shared assessment."""
    if index == 0:
        return edited.model_copy(
            update={"uses": assessment.uses, "first_use_name": assessment.first_use_name}
        )
    per_use = compiled.per_use
    shared = {qid: a for qid, a in edited.answers.items() if qid not in per_use}
    shared.update({qid: a for qid, a in assessment.answers.items() if qid in per_use})
    own = {qid: a for qid, a in edited.answers.items() if qid in per_use}
    uses = list(assessment.uses)
    uses[index - 1] = uses[index - 1].model_copy(update={"answers": MappingProxyType(own)})
    return edited.model_copy(
        update={
            "answers": MappingProxyType(shared),
            "uses": tuple(uses),
            "first_use_name": assessment.first_use_name,
        }
    )


def edit_use(
    compiled: CompiledQuestionnaire,
    assessment: Assessment,
    index: int,
    change: Callable[[Assessment], Assessment],
) -> Assessment:
    """Apply an edit (any function of `edits.py`) to use `index` as if it were the only use."""
    if index == 0 and not assessment.uses:
        return change(assessment)
    return merge_use(compiled, assessment, index, change(use_view(compiled, assessment, index)))


def _checked_name(
    compiled: CompiledQuestionnaire, assessment: Assessment, name: str, index: int | None
) -> str:
    name = " ".join(name.split())
    if not name:
        raise UseError("a use needs a name, such as “searches of CCTV footage”")
    taken = [n.casefold() for i, n in enumerate(use_names(compiled, assessment)) if i != index]
    if name.casefold() in taken:
        raise UseError(f"there is already a use called “{name}”")
    return name


def add_use(compiled: CompiledQuestionnaire, assessment: Assessment, name: str) -> Assessment:
    """A new use at the end, with no answers of its own yet (its per-use questions start unanswered)."""
    name = _checked_name(compiled, assessment, name, None)
    return assessment.model_copy(update={"uses": (*assessment.uses, Use(name=name))})


def rename_use(compiled: CompiledQuestionnaire, assessment: Assessment, index: int, name: str) -> Assessment:
    _check_index(assessment, index)
    name = _checked_name(compiled, assessment, name, index)
    if index == 0:
        return assessment.model_copy(update={"first_use_name": name})
    uses = list(assessment.uses)
    uses[index - 1] = uses[index - 1].model_copy(update={"name": name})
    return assessment.model_copy(update={"uses": tuple(uses)})


def remove_use(compiled: CompiledQuestionnaire, assessment: Assessment, index: int) -> Assessment:
    """Remove a use and its own answers. Removing the first use makes the next one first; the last
    use left cannot be removed (an assessment always describes at least one)."""
    _check_index(assessment, index)
    if not assessment.uses:
        raise UseError("an assessment describes at least one use")
    if index > 0:
        uses = assessment.uses[: index - 1] + assessment.uses[index:]
        return assessment.model_copy(update={"uses": uses})
    following = assessment.uses[0]
    answers = {qid: a for qid, a in assessment.answers.items() if qid not in compiled.per_use}
    answers.update(following.answers)
    return assessment.model_copy(
        update={
            "answers": MappingProxyType(answers),
            "first_use_name": following.name,
            "uses": assessment.uses[1:],
        }
    )


def _check_index(assessment: Assessment, index: int) -> None:
    if not 0 <= index < use_count(assessment):
        raise UseError(f"there is no use number {index + 1}")
