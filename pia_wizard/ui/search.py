"""Find a question by what it says: its text, help and choices, and the glossary's terms.

Matching is plain: every word typed must appear (case and accents as typed are ignored) in a
question's label, help or choice labels, or in a glossary term or its meaning. Hits in a question's
own label come first. Choosing a question jumps to it; choosing a term opens it in the glossary.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from pia_wizard.core.models.base import localise
from pia_wizard.core.models.sources import Glossary
from pia_wizard.core.rules.compiled import CompiledQuestionnaire
from pia_wizard.ui.text import Texts, translate

MAX_HITS = 40
HIT_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Hit:
    kind: str  # "question" or "term"
    target: str  # a question id or a glossary term id (never shown)
    title: str
    where: str  # what the person reads under the title: the section, or "Glossary"
    rank: int  # 0: in the label or term; 1: in the help, choices or meaning


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _matches(words: list[str], *texts: str) -> bool:
    hay = _fold(" ".join(texts))
    return all(word in hay for word in words)


def find(compiled: CompiledQuestionnaire, texts: Texts, glossary: Glossary | None, query: str) -> list[Hit]:
    """The questions and glossary terms whose words contain every word of `query`, best first."""
    words = _fold(query).split()
    if not words:
        return []
    hits: list[Hit] = []
    numbers = {section_id: n for n, section_id in enumerate(compiled.sections, start=1)}
    for question_id, entry in compiled.entries.items():
        question = entry.question
        label = texts(question.label)
        section = f"{numbers[entry.section.id]}. {texts(entry.section.title)}"
        if entry.group is not None:
            section += " · " + texts(entry.group.label)
        extra = [texts(question.help), *(texts(c.label) for c in entry.choices)]
        if _matches(words, label):
            hits.append(Hit("question", question_id, label, section, 0))
        elif _matches(words, label, *extra):
            hits.append(Hit("question", question_id, label, section, 1))
    if glossary is not None:
        language, default = texts.language, glossary.default_language
        for term in glossary.terms:
            name = localise(term.term, language, default)
            meaning = localise(term.definition, language, default)
            where = translate("Search", "Glossary")
            if _matches(words, name):
                hits.append(Hit("term", term.id, name, where, 0))
            elif _matches(words, name, meaning):
                hits.append(Hit("term", term.id, name, where, 1))
    order = {h: i for i, h in enumerate(hits)}
    return sorted(hits, key=lambda h: (h.rank, order[h]))[:MAX_HITS]


class SearchBox(QWidget):
    """A search field with its results below it; Enter or a click on a result goes there."""

    question_chosen = Signal(str)
    term_chosen = Signal(str)
    searching = Signal(bool)  # results shown (the window hides the section list meanwhile)

    def __init__(
        self,
        compiled: CompiledQuestionnaire,
        texts: Texts,
        glossary: Glossary | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.compiled = compiled
        self.texts = texts
        self.glossary = glossary
        self.field = QLineEdit(self)
        self.field.setObjectName("searchField")
        self.field.setClearButtonEnabled(True)
        self.field.setPlaceholderText(self.tr("Search questions and glossary (Ctrl+F)"))
        self.field.setAccessibleName(self.tr("Search:") + " " + self.tr("questions, help and glossary"))
        self.field.textChanged.connect(self._search)
        self.field.returnPressed.connect(self._choose_first)
        self.field.installEventFilter(self)
        self.results = QListWidget(self)
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setWordWrap(True)
        self.results.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.results.setSpacing(3)
        self.results.itemActivated.connect(self._chosen)
        self.results.itemClicked.connect(self._chosen)
        self.results.hide()
        field_label = QLabel(self.tr("Search:"), self)
        field_label.setBuddy(self.field)
        self.results_label = QLabel(self.tr("Found:"), self)
        self.results_label.setBuddy(self.results)
        self.results_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(field_label)
        layout.addWidget(self.field)
        layout.addWidget(self.results_label)
        layout.addWidget(self.results, 1)

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]
        """Down from the field goes into the results; Escape empties the search."""
        if watched is self.field and isinstance(event, QKeyEvent) and event.type() == event.Type.KeyPress:
            if event.key() == Qt.Key.Key_Down and self.results.count():
                self.results.setFocus()
                self.results.setCurrentRow(0)
                return True
            if event.key() == Qt.Key.Key_Escape and self.field.text():
                self.field.clear()
                return True
        return False

    def _search(self, query: str) -> None:
        self.results.clear()
        hits = find(self.compiled, self.texts, self.glossary, query)
        for hit in hits:
            where = (
                translate("Search", "in %1").replace("%1", hit.where) if hit.kind == "question" else hit.where
            )
            item = QListWidgetItem(f"{hit.title}\n    {where}")
            item.setData(HIT_ROLE, (hit.kind, hit.target))
            self.results.addItem(item)
        if query.strip() and not hits:
            empty = QListWidgetItem(self.tr("Nothing found."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(empty)
        self.results.setVisible(bool(query.strip()))
        self.results_label.setVisible(bool(query.strip()))
        self.searching.emit(bool(query.strip()))

    def _choose_first(self) -> None:
        item = self.results.item(0)
        if item is not None and item.data(HIT_ROLE):
            self._chosen(item)

    def _chosen(self, item: QListWidgetItem) -> None:
        data = item.data(HIT_ROLE)
        if not data:
            return
        kind, target = data
        if kind == "question":
            self.question_chosen.emit(target)
        else:
            self.term_chosen.emit(target)

    def start(self) -> None:
        """Ctrl+F: into the field, its text selected so typing replaces it."""
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
