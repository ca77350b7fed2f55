"""The left pane: the assessment's details, then the sections with how far each is answered.

A section the core skips (its `show_if` is false) is greyed out and cannot be chosen; hovering it
gives the questionnaire's reason ("only asked for law-enforcement use").
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from pia_wizard.core.models.assessment import Assessment
from pia_wizard.core.models.questionnaire import GroupQuestion
from pia_wizard.core.rules.compiled import CompiledQuestionnaire
from pia_wizard.core.rules.visibility import AnswerView
from pia_wizard.ui.text import Plural, Texts, plain_tooltip, translate
from pia_wizard.ui.widgets import current_only_with_focus, forget_current

DETAILS = "details"  # not a valid section id (ids are lower case, but the list item is ours)
SECTION_ROLE = Qt.ItemDataRole.UserRole


class SectionProgress:
    """How many of a section's shown questions are answered ("unknown" is an answer)."""

    def __init__(
        self, compiled: CompiledQuestionnaire, assessment: Assessment, view: AnswerView, section_id: str
    ) -> None:
        section = compiled.sections[section_id]
        self.visible = view.section_visible(section_id)
        self.total = self.answered = self.required_open = 0
        for question in section.questions:
            if not view.question_visible(question.id):
                continue
            answer = assessment.answers.get(question.id)
            answered = bool(answer and answer.answered)
            if isinstance(question, GroupQuestion) and answer is not None and isinstance(answer.value, tuple):
                answered = len(answer.value) >= max(question.min_items, 1)
            self.total += 1
            self.answered += answered
            if question.required and not answered:
                self.required_open += 1

    @property
    def complete(self) -> bool:
        return self.visible and self.answered == self.total


class SectionList(QListWidget):
    section_chosen = Signal(str)

    def __init__(self, compiled: CompiledQuestionnaire, texts: Texts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionList")
        self.setAccessibleName(self.tr("Sections"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setSpacing(2)
        self.compiled = compiled
        self.texts = texts
        self.titles: dict[str, str] = {}
        details = QListWidgetItem(self.tr("Assessment details"))
        details.setData(SECTION_ROLE, DETAILS)
        self.addItem(details)
        self._items: dict[str, QListWidgetItem] = {DETAILS: details}
        for number, (section_id, section) in enumerate(compiled.sections.items(), start=1):
            self.titles[section_id] = f"{number}. {texts(section.title)}"
            item = QListWidgetItem(self.titles[section_id])
            item.setData(SECTION_ROLE, section_id)
            self.addItem(item)
            self._items[section_id] = item
        self.progress: dict[str, SectionProgress] = {}
        self.currentItemChanged.connect(self._current_changed)
        current_only_with_focus(self)

    def _current_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.section_chosen.emit(current.data(SECTION_ROLE))

    def update_state(self, assessment: Assessment, view: AnswerView) -> None:
        for section_id, section in self.compiled.sections.items():
            progress = SectionProgress(self.compiled, assessment, view, section_id)
            self.progress[section_id] = progress
            item = self._items[section_id]
            title = self.titles[section_id]
            if not progress.visible:
                reason = self.texts(section.skipped_reason) or translate(
                    "Sections", "Earlier answers make this section irrelevant."
                )
                item.setText(f"{title}\n" + translate("Sections", "skipped"))
                item.setToolTip(plain_tooltip(translate("Sections", "Skipped: %1").replace("%1", reason)))
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                continue
            if progress.complete and progress.total == 1:
                state = translate("Sections", "✓ answered")
            elif progress.complete:
                state = translate("Sections", "✓ all %1 answered").replace("%1", str(progress.total))
            else:
                state = (
                    translate("Sections", "%1 of %2 answered")
                    .replace("%1", str(progress.answered))
                    .replace("%2", str(progress.total))
                )
            if progress.required_open:
                state += " · " + Plural().required_open(progress.required_open)
            item.setText(f"{title}\n{state}")
            item.setToolTip("")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)

    def is_skipped(self, section_id: str) -> bool:
        progress = self.progress.get(section_id)
        return progress is not None and not progress.visible

    def select(self, section_id: str) -> None:
        item = self._items.get(section_id)
        if item is not None and self.currentItem() is not item and item not in self.selectedItems():
            self.setCurrentItem(item)
        if not self.hasFocus():  # selected, but not "focused" to a screen reader
            forget_current(self)

    def section_item(self, section_id: str) -> QListWidgetItem:
        return self._items[section_id]
