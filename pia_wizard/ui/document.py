"""The open assessment: the current Assessment, its file, and undo / redo.

Assessments are immutable and every edit in `pia_wizard.core.answers.edits` returns a new one, so an undo
command simply holds the assessment before and after. With several uses of the system, the window
shows one use at a time (`use_index`): pages read `view`, and each edit goes to that use
(`core/answers/uses.py` puts a per-use answer in the use, a shared one in the shared answers).
Typing in one field produces several commits (on pauses and on leaving the field); consecutive
commits to the same field of the same use merge into one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from pia_wizard.core.answers.uses import edit_use, use_count, use_view
from pia_wizard.core.models.assessment import Assessment, QuestionnaireRef
from pia_wizard.core.rules.compiled import CompiledQuestionnaire

MERGE_ID = 1


class AssessmentCommand(QUndoCommand):
    def __init__(
        self, document: AssessmentDocument, before: Assessment, after: Assessment, text: str, merge_key: str
    ) -> None:
        super().__init__(text)
        self.document = document
        self.before = before
        self.after = after
        self.merge_key = merge_key

    def id(self) -> int:
        return MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, AssessmentCommand) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        if self.after == self.before:
            self.setObsolete(True)
        return True

    def redo(self) -> None:
        self.document._show(self.after)

    def undo(self) -> None:
        self.document._show(self.before)


class AssessmentDocument(QObject):
    """One assessment being edited; `changed` is emitted after every edit, undo and redo."""

    changed = Signal(object)  # the new Assessment
    use_changed = Signal(int)  # another use is shown (by the person, or because undo removed it)
    # An answer the person removed (unticked "Unknown", "Clear answer"): words for a message that
    # offers Undo, since a removed answer is easy to miss and the undo stack is out of sight.
    answer_removed = Signal(str)

    def __init__(
        self,
        compiled: CompiledQuestionnaire,
        assessment: Assessment,
        path: Path | None = None,
        *,
        read_only: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.compiled = compiled
        self.assessment = assessment
        self.path = path
        self.read_only = read_only
        self.undo_stack = QUndoStack(self)
        self.use_index = 0

    @property
    def view(self) -> Assessment:
        """The use shown, as an assessment of that use alone (the assessment itself for one use)."""
        return use_view(self.compiled, self.assessment, self.use_index)

    def show_use(self, index: int) -> None:
        """Show (and edit) use `index`."""
        index = max(0, min(index, use_count(self.assessment) - 1))
        if index != self.use_index:
            self.use_index = index
            self.end_merge()
            self.use_changed.emit(index)
            self.changed.emit(self.assessment)

    @classmethod
    def new(cls, compiled: CompiledQuestionnaire, parent: QObject | None = None) -> AssessmentDocument:
        ref = QuestionnaireRef(id=compiled.id, version=compiled.questionnaire.version)
        return cls(compiled, Assessment(schema_version=1, questionnaire=ref), parent=parent)

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    def mark_saved(self, path: Path) -> None:
        self.path = path
        self.read_only = False
        self.end_merge()
        self.undo_stack.setClean()

    def mark_unsaved(self) -> None:
        """Restored work that is on no disk file yet: modified until saved."""
        self.undo_stack.resetClean()

    def edit(self, text: str, change: Callable[[Assessment], Assessment], *, merge_key: str = "") -> bool:
        """Apply one change to the use shown (which may raise EditError); False when it changed nothing."""
        after = edit_use(self.compiled, self.assessment, self.use_index, change)
        return self._push(text, after, f"{merge_key}@{self.use_index}" if merge_key else "")

    def edit_whole(self, text: str, change: Callable[[Assessment], Assessment]) -> bool:
        """Apply a change to the whole assessment (add, rename or remove a use), one undo step."""
        return self._push(text, change(self.assessment), "")

    def _push(self, text: str, after: Assessment, merge_key: str) -> bool:
        if after == self.assessment:
            return False
        self.undo_stack.push(AssessmentCommand(self, self.assessment, after, text, merge_key))
        return True

    def end_merge(self) -> None:
        """The next commit to any field starts a new undo step (e.g. after the field lost focus)."""
        command = self.undo_stack.command(self.undo_stack.index() - 1)
        if isinstance(command, AssessmentCommand):
            command.merge_key = ""

    def _show(self, assessment: Assessment) -> None:
        self.assessment = assessment
        if self.use_index >= use_count(assessment):  # undo took the shown use away
            self.use_index = use_count(assessment) - 1
            self.use_changed.emit(self.use_index)
        self.changed.emit(assessment)
