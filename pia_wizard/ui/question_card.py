"""One question as the centre pane shows it: label, input, "Unknown / not disclosed", help, sources,
note and evidence; a repeatable group shows one small form per item.

The card turns what the person does into edits (`pia_wizard.core.answers.edits`) pushed onto the document's
undo stack; a value the questionnaire refuses comes back as EditError and is shown under the input.
`sync` puts the model's state into the widgets without emitting anything.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pia_wizard.core.answers import edits
from pia_wizard.core.answers.edits import EditError
from pia_wizard.core.answers.uses import use_names
from pia_wizard.core.models.assessment import Answer, Assessment, Evidence
from pia_wizard.core.models.questionnaire import GroupQuestion
from pia_wizard.core.rules.compiled import CompiledQuestionnaire, QuestionEntry
from pia_wizard.core.rules.visibility import AnswerView
from pia_wizard.ui.document import AssessmentDocument
from pia_wizard.ui.inputs import TYPING_PAUSE_MS, AnswerInput, _TypedInput, make_input
from pia_wizard.ui.text import (
    Plural,
    Texts,
    evidence_level_name,
    mnemonic_safe,
    plain_tooltip,
    translate,
)
from pia_wizard.ui.widgets import DisclosureButton, LinkButton, muted, plain_label, problem_label, scaled_font

if TYPE_CHECKING:  # the dialog itself is imported when evidence is first added or edited
    from pia_wizard.ui.evidence_dialog import EvidenceInput

CARD_STYLE = (
    "QFrame#questionCard { border: 1px solid palette(mid); border-radius: 6px; }"
    'QFrame#questionCard[highlight="true"] { border: 2px solid palette(highlight); }'
)
UNKNOWN_TEXT = QT_TRANSLATE_NOOP("Card", "Unknown / not disclosed")
# The keys of the Question menu, which act on the question with the focus. Clear, Help, Note and the
# source links are out of the Tab chain (they took 3 to 6 of a question's 5 to 8 Tab stops); these
# keys reach them, and the menu, the buttons' tooltips and their accessible descriptions show them.
QUESTION_KEYS = {
    "unknown": "Ctrl+Shift+K",
    "clear": "Ctrl+Shift+Del",
    "help": "Shift+F1",
    "note": "Ctrl+Shift+N",
    "sources": "Ctrl+Shift+O",
}
MAX_EVIDENCE_ROWS = 4
UNKNOWN_TIP = QT_TRANSLATE_NOOP(
    "Card", "An honest answer: it is shown as an information gap to put to the operator."
)
UNKNOWN_PRESSED_TIP = QT_TRANSLATE_NOOP(
    "Card", "Marked unknown. Clicking again removes this answer (Edit › Undo brings it back)."
)


def state_text(answered: bool, unknown: bool) -> str:
    """The answer's state in words, on every card and item: a choice list cannot show "unknown"."""
    if unknown:
        return translate("Card", "Answer: unknown / not disclosed")
    if answered:
        return translate("Card", "Answered")
    return translate("Card", "Not answered yet")


class _Edits:
    """Shared by cards and group editors: run an edit, show EditError instead of raising it."""

    def __init__(self, document: AssessmentDocument, show_problem: Callable[[str], None]) -> None:
        self.document = document
        self.show_problem = show_problem

    def __call__(self, text: str, change: Callable[[Assessment], Assessment], merge_key: str = "") -> bool:
        try:
            self.document.edit(text, change, merge_key=merge_key)
        except (EditError, ValueError) as exc:
            self.show_problem(str(exc))
            return False
        self.show_problem("")
        return True


# --------------------------------------------------------------------------------- note and evidence


@dataclass(frozen=True)
class NoteTarget:
    """Where a note panel's edits go: a question's own answer, or one question of one group item.

    `key` names the widgets (`note:KEY`, `evidence:KEY`…) and merges note typing into one undo step;
    `label` is what accessible names and undo texts call the question.
    """

    key: str
    label: str
    set_note: Callable[[Assessment, str, bool], Assessment]
    add_evidence: Callable[[Assessment, Mapping[str, Any]], Assessment]
    replace_evidence: Callable[[Assessment, int, Mapping[str, Any]], Assessment]
    remove_evidence: Callable[[Assessment, int], Assessment]
    # A multiple choice's options by value, in words: a document may show only some chosen options.
    choice_labels: Mapping[str, str] = field(default_factory=dict)


def question_target(
    question_id: str, label: str, choice_labels: Mapping[str, str] | None = None
) -> NoteTarget:
    """The note and evidence of a question's own answer (`choice_labels` for a multiple choice)."""
    return NoteTarget(
        key=question_id,
        label=label,
        choice_labels=dict(choice_labels or {}),
        set_note=lambda a, text, private: edits.set_note(a, question_id, text, private=private),
        add_evidence=lambda a, fields: edits.add_evidence(a, question_id, fields),
        replace_evidence=lambda a, i, fields: edits.replace_evidence(a, question_id, i, fields),
        remove_evidence=lambda a, i: edits.remove_evidence(a, question_id, i),
    )


def item_target(
    compiled: CompiledQuestionnaire, group_id: str, index: int, question_id: str, label: str
) -> NoteTarget:
    """The note and evidence of one question of one group item (a site's head-count, say)."""
    return NoteTarget(
        key=f"{question_id}:{index}",
        label=label,
        set_note=lambda a, text, private: edits.set_item_note(
            compiled, a, group_id, index, question_id, text, private=private
        ),
        add_evidence=lambda a, fields: edits.add_item_evidence(
            compiled, a, group_id, index, question_id, fields
        ),
        replace_evidence=lambda a, i, fields: edits.replace_item_evidence(
            compiled, a, group_id, index, question_id, i, fields
        ),
        remove_evidence=lambda a, i: edits.remove_item_evidence(compiled, a, group_id, index, question_id, i),
    )


class NotePanel(QWidget):
    """The note (with its private flag) and the evidence list of one answer (see NoteTarget)."""

    def __init__(self, target: NoteTarget, document: AssessmentDocument, parent: QWidget) -> None:
        super().__init__(parent)
        self.target = target
        self.question_id = target.key
        self.label = target.label
        self.document = document
        self.apply = _Edits(document, self._show_problem)
        self._evidence: tuple[Evidence, ...] = ()

        note_label = QLabel(self.tr("Note"), self)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName(f"note:{self.question_id}")
        self.note.setAccessibleName(self.tr("Note") + f" — {self.label}")
        self.note.setPlaceholderText(self.tr("What you found out, whom you asked, when…"))
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 3 + 14)
        note_label.setBuddy(self.note)
        self.private = QCheckBox(self.tr("Private — never exported"), self)
        self.private.setObjectName(f"private:{self.question_id}")
        self.private.setAccessibleName(self.tr("Private — never exported") + f" — {self.label}")
        self.private.clicked.connect(lambda _checked: self._commit_note())
        self._note_pause = QTimer(self)
        self._note_pause.setSingleShot(True)
        self._note_pause.setInterval(TYPING_PAUSE_MS)
        self._note_pause.timeout.connect(self._commit_note)
        self._syncing = False
        self.note.textChanged.connect(self._note_typed)
        self.note.installEventFilter(self)

        evidence_label = QLabel(self.tr("Evidence"), self)
        self.evidence_list = QListWidget(self)
        self.evidence_list.setObjectName(f"evidence:{self.question_id}")
        self.evidence_list.setAccessibleName(self.tr("Evidence") + f" — {self.label}")
        self.evidence_list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # Long titles and addresses wrap (a horizontal scrollbar took the one row the list showed).
        self.evidence_list.setWordWrap(True)
        self.evidence_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit_evidence_list()
        self.evidence_list.itemActivated.connect(lambda _item: self.edit_evidence())
        self.evidence_list.currentRowChanged.connect(lambda _row: self._update_buttons())
        evidence_label.setBuddy(self.evidence_list)
        self.add_button = self._button(self.tr("Add evidence…"), self.add_evidence, "addEvidence")
        self.edit_button = self._button(self.tr("Edit…"), self.edit_evidence, "editEvidence")
        self.remove_button = self._button(self.tr("Remove"), self.remove_evidence, "removeEvidence")

        self.problem = problem_label(self)

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(note_label, 0, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.note, 0, 1)
        layout.addWidget(self.private, 1, 1)
        layout.addWidget(evidence_label, 2, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.evidence_list, 2, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons, 3, 1)
        layout.addWidget(self.problem, 4, 1)
        layout.setColumnStretch(1, 1)

    def _button(self, text: str, slot: Callable[[], None], name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(f"{name}:{self.question_id}")
        button.setAccessibleName(f"{text} — {self.label}")
        button.clicked.connect(slot)
        return button

    def focus_widgets(self) -> list[QWidget]:
        return [
            self.note,
            self.private,
            self.evidence_list,
            self.add_button,
            self.edit_button,
            self.remove_button,
        ]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.note and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return False

    def _show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    def _note_typed(self) -> None:
        if not self._syncing:
            self._note_pause.start()

    def flush(self) -> None:
        if self._note_pause.isActive():
            self._commit_note()

    def _commit_note(self) -> None:
        self._note_pause.stop()
        text, private = self.note.toPlainText(), self.private.isChecked()
        set_note = self.target.set_note
        self.apply(
            translate("Undo", "note on “%1”").replace("%1", self.label),
            lambda a: set_note(a, text, private),
            merge_key=f"note:{self.target.key}",
        )

    def sync(self, answer: Answer | None) -> None:
        note = answer.note if answer else None
        self._syncing = True
        try:
            if self.note.toPlainText() != (note.text if note else ""):
                self.note.setPlainText(note.text if note else "")
            self.private.setChecked(bool(note and note.private))
        finally:
            self._syncing = False
        evidence = answer.evidence if answer else ()
        if evidence != self._evidence:
            row = self.evidence_list.currentRow()
            self._evidence = evidence
            self.evidence_list.clear()
            for item in evidence:
                text = f"{item.title} — {evidence_level_name(item.confidence)}"
                if item.address:
                    text += f" — {item.address}"
                if item.attachment:
                    text += " — " + translate("Evidence", "attached file")
                if item.choices:
                    names = ", ".join(self.target.choice_labels.get(v, v) for v in item.choices)
                    text += " — " + translate("Evidence", "shows: %1").replace("%1", names)
                entry = QListWidgetItem(text)
                entry.setToolTip(plain_tooltip(item.quote or item.title))
                self.evidence_list.addItem(entry)
            if evidence:
                self.evidence_list.setCurrentRow(min(max(row, 0), len(evidence) - 1))
            self._fit_evidence_list()
        self._update_buttons()

    def _fit_evidence_list(self) -> None:
        """Tall enough for its items (two lines each, up to four items), never less than two lines."""
        rows = min(max(self.evidence_list.count(), 1), MAX_EVIDENCE_ROWS)
        line = self.evidence_list.fontMetrics().lineSpacing()
        self.evidence_list.setFixedHeight(line * 2 * rows + 4 * rows + 8)

    def _update_buttons(self) -> None:
        selected = 0 <= self.evidence_list.currentRow() < len(self._evidence)
        self.edit_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)

    def summary(self) -> tuple[str, str]:
        return note_summary(bool(self.note.toPlainText().strip()), len(self._evidence))

    # evidence ----------------------------------------------------------------------------------

    def _run_dialog(self, evidence: Evidence | None) -> EvidenceInput | None:
        from pia_wizard.ui.evidence_dialog import EvidenceDialog

        dialog = EvidenceDialog(
            self.label,
            evidence,
            self.document.assessment.attachments,
            self.window(),
            options=self._options(evidence),
        )
        dialog.setObjectName("evidenceDialog")
        if dialog.exec() != EvidenceDialog.DialogCode.Accepted:
            return None
        return dialog.result_value

    def _options(self, evidence: Evidence | None) -> dict[str, str]:
        """The options a document may be said to show: those chosen now, and any it already names."""
        labels = self.target.choice_labels
        if not labels:
            return {}
        answer = self.document.assessment.answers.get(self.question_id)
        chosen = answer.value if answer is not None and isinstance(answer.value, tuple) else ()
        named = evidence.choices if evidence is not None else ()
        return {v: labels.get(v, v) for v in labels if v in chosen or v in named}

    def add_evidence(self, given: EvidenceInput | None = None) -> None:
        result = given or self._run_dialog(None)
        if result is not None:
            self.apply(
                translate("Undo", "evidence on “%1”").replace("%1", self.label),
                _evidence_edit(self.target, None, result),
            )

    def edit_evidence(self, given: EvidenceInput | None = None) -> None:
        row = self.evidence_list.currentRow()
        if not 0 <= row < len(self._evidence):
            return
        result = given or self._run_dialog(self._evidence[row])
        if result is not None:
            self.apply(
                translate("Undo", "evidence on “%1”").replace("%1", self.label),
                _evidence_edit(self.target, row, result),
            )

    def remove_evidence(self) -> None:
        row = self.evidence_list.currentRow()
        if 0 <= row < len(self._evidence):
            remove = self.target.remove_evidence
            self.apply(
                translate("Undo", "remove evidence from “%1”").replace("%1", self.label),
                lambda a: remove(a, row),
            )


def note_summary(has_note: bool, count: int) -> tuple[str, str]:
    """A short count for the toggle ("note + 2") and the same in words for its tooltip."""
    short = " + ".join(([translate("Card", "note")] if has_note else []) + ([str(count)] if count else []))
    words = []
    if has_note:
        words.append(translate("Card", "a note"))
    if count:
        words.append(Plural().documents(count))
    return short, translate("Card", " and ").join(words)


class NoteSlot(QWidget):
    """Where a note panel goes, built the first time it is shown or used.

    Most questions never get a note, and the panel (a text editor, a list and five buttons) was ~40 %
    of the time to build a card: a section of twenty questions opens that much faster. Until it is
    built, the toggle's summary is read from the answer itself. `built` fires once, so the window can
    put the new fields in the tab chain.
    """

    built = Signal()

    def __init__(self, target: NoteTarget, document: AssessmentDocument, parent: QWidget) -> None:
        super().__init__(parent)
        self.target = target
        self.document = document
        self.label = target.label
        self._panel: NotePanel | None = None
        self._answer: Answer | None = None
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(0, 0, 0, 0)

    @property
    def panel(self) -> NotePanel:
        if self._panel is None:
            self._panel = NotePanel(self.target, self.document, self)
            self._box.addWidget(self._panel)
            self._panel.show()  # a child added after its parent was shown stays hidden otherwise
            self._panel.sync(self._answer)
            self.updateGeometry()  # the card's layout gave the empty slot no height
            self.built.emit()
        return self._panel

    def showEvent(self, event: QShowEvent) -> None:
        self.panel  # noqa: B018 - opened by its toggle: build it now
        super().showEvent(event)

    def sync(self, answer: Answer | None) -> None:
        self._answer = answer
        if self._panel is not None:
            self._panel.sync(answer)

    def summary(self) -> tuple[str, str]:
        if self._panel is not None:
            return self._panel.summary()
        answer = self._answer
        has_note = bool(answer and answer.note and answer.note.text.strip())
        return note_summary(has_note, len(answer.evidence) if answer else 0)

    def focus_widgets(self) -> list[QWidget]:
        return self._panel.focus_widgets() if self._panel is not None else []

    def flush(self) -> None:
        if self._panel is not None:
            self._panel.flush()


def with_key(text: str, key: str) -> str:
    """A control's tooltip or description with the key that reaches it: "Show the help (Shift+F1)"."""
    shown = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)  # "Strg+Umschalt+K"
    hint = translate("Card", "key: %1").replace("%1", shown)
    return f"{text} ({hint})" if text else hint


def show_note_summary(button: DisclosureButton, panel: NoteSlot, key: str = "") -> None:
    """Put the note's contents on its toggle in words: "Note and evidence: a note and 1 document"."""
    _short, words = panel.summary()
    base = translate("Card", "Note and evidence")
    shown = f"{base}: {words}" if words else base
    button.set_label(shown, f"{shown} — {panel.label}")
    tip = with_key(words, key) if key else words
    if button.toolTip() != tip:
        button.setToolTip(tip)


def _evidence_edit(
    target: NoteTarget, index: int | None, given: EvidenceInput
) -> Callable[[Assessment], Assessment]:
    def change(assessment: Assessment) -> Assessment:
        fields = dict(given.fields)
        if given.attachment is not None:
            assessment, attachment_id = edits.add_attachment(
                assessment, given.attachment.file_name, given.attachment.media_type, given.attachment.content
            )
            fields["attachment"] = attachment_id
        if index is None:
            return target.add_evidence(assessment, fields)
        return target.replace_evidence(assessment, index, fields)

    return change


# ---------------------------------------------------------------------------------- repeatable group


class GroupEditor(QWidget):
    """The items of a repeatable group (several sites or cameras), each a small form."""

    structure_changed = Signal()

    def __init__(
        self,
        entry: QuestionEntry,
        texts: Texts,
        document: AssessmentDocument,
        show_problem: Callable[[str], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        question = entry.question
        if not isinstance(question, GroupQuestion):
            raise TypeError(f"'{question.id}' is not a repeatable group")
        self.group = question
        self.entries = {item.id: document.compiled.entries[item.id] for item in question.items}
        self.texts = texts
        self.document = document
        self.apply = _Edits(document, show_problem)
        self.item_name = texts(question.item_label) or translate("Group", "item")
        self.label = texts(question.label)
        self._count = -1
        self.items_box = QVBoxLayout()
        self.items_box.setContentsMargins(0, 0, 0, 0)
        self.items_box.setSpacing(8)
        self._item_frames: list[QFrame] = []
        self.inputs: list[dict[str, tuple[QLabel, AnswerInput, QPushButton]]] = []
        self.notes: list[dict[str, tuple[DisclosureButton, NoteSlot]]] = []
        self.remove_buttons: list[QPushButton] = []
        self.empty_label = muted(
            plain_label(translate("Group", "No %1 yet.").replace("%1", self.item_name), self)
        )
        add_text = translate("Group", "Add %1").replace("%1", self.item_name)
        self.add_button = QPushButton(mnemonic_safe(add_text), self)
        self.add_button.setObjectName(f"addItem:{question.id}")
        self.add_button.setAccessibleName(f"{add_text} — {self.label}")
        self.add_button.clicked.connect(self.add_item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.items_box)
        layout.addWidget(self.empty_label)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)

    def add_item(self) -> None:
        gid = self.group.id
        compiled = self.document.compiled
        self.apply(
            translate("Undo", "add %1").replace("%1", self.item_name),
            lambda a: edits.add_item(compiled, a, gid),
        )

    def remove_item(self, index: int) -> None:
        gid = self.group.id
        compiled = self.document.compiled
        self.apply(
            translate("Undo", "remove %1 %2").replace("%1", self.item_name).replace("%2", str(index + 1)),
            lambda a: edits.remove_item(compiled, a, gid, index),
        )

    def set_item(
        self, index: int, question_id: str, value: Any, *, unknown: bool = False, merge: bool = True
    ) -> None:
        """`merge`: typing into one field is one undo step; a click on Unknown is a step of its own."""
        gid = self.group.id
        compiled = self.document.compiled
        label = self.texts(self.entries[question_id].question.label)
        self.apply(
            translate("Undo", "answer “%1”").replace("%1", label),
            lambda a: edits.set_item_value(compiled, a, gid, index, question_id, value, unknown=unknown),
            merge_key=f"item:{gid}:{index}:{question_id}" if merge else "",
        )

    def _unknown_clicked(self, index: int, question_id: str, button: QPushButton, checked: bool) -> None:
        # Ticked: "unknown / not disclosed"; unticked: back to no answer (value None clears it), said
        # with Undo, since the answer that goes is easy to miss.
        before = self.document.assessment
        self.set_item(index, question_id, None, unknown=checked, merge=False)
        if not checked and self.document.assessment != before:
            label = self.texts(self.entries[question_id].question.label)
            where = f"{self.item_name} {index + 1}: {label}"
            self.document.answer_removed.emit(
                translate("Card", "“%1” is no longer marked unknown: it has no answer now.").replace(
                    "%1", where
                )
            )

    def _build(self, count: int) -> None:
        for frame in self._item_frames:
            frame.setParent(None)
            frame.deleteLater()
        self._item_frames, self.inputs, self.notes, self.remove_buttons = [], [], [], []
        for index in range(count):
            frame = QFrame(self)
            frame.setObjectName("groupItem")
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            grid = QGridLayout(frame)
            in_sentence = f"{self.item_name} {index + 1}"
            name = in_sentence[:1].upper() + in_sentence[1:]  # "Site 2", "CCTV camera 3"
            title = plain_label(name, frame)
            title.setFont(scaled_font(title, 1.0, bold=True))
            remove_text = translate("Group", "Remove %1").replace("%1", in_sentence)
            remove = QPushButton(mnemonic_safe(remove_text), frame)
            remove.setObjectName(f"removeItem:{self.group.id}:{index}")
            remove.setAccessibleName(remove_text)
            remove.clicked.connect(lambda _checked=False, i=index: self.remove_item(i))
            grid.addWidget(title, 0, 0, 1, 2)
            grid.addWidget(remove, 0, 2, Qt.AlignmentFlag.AlignRight)
            widgets: dict[str, tuple[QLabel, AnswerInput, QPushButton]] = {}
            notes: dict[str, tuple[DisclosureButton, NoteSlot]] = {}
            for position, (qid, entry) in enumerate(self.entries.items()):
                row = 1 + 2 * position  # the question, then its (folded) note and evidence
                label_text = self.texts(entry.question.label)
                label = QLabel(mnemonic_safe(label_text), frame)
                label.setWordWrap(True)
                label.setTextFormat(Qt.TextFormat.PlainText)
                answer_input = make_input(entry, self.texts, frame)
                for widget in answer_input.focus_widgets():
                    widget.setAccessibleName(f"{name}: {widget.accessibleName()}")
                    widget.setObjectName(f"{widget.objectName()}:{index}")
                label.setBuddy(answer_input.buddy())
                answer_input.committed.connect(lambda v, i=index, q=qid: self.set_item(i, q, v))
                answer_input.problem.connect(self.apply.show_problem)
                unknown = QPushButton(translate("Group", "Unknown"), frame)
                unknown.setCheckable(True)
                unknown.setObjectName(f"unknown:{qid}:{index}")
                unknown.setAccessibleName(f"{name}: {label_text}: " + translate("Group", "Unknown"))
                unknown.setToolTip(translate("Card", UNKNOWN_TEXT))
                unknown.clicked.connect(
                    lambda checked, i=index, q=qid, b=unknown: self._unknown_clicked(i, q, b, checked)
                )
                panel = NoteSlot(
                    item_target(self.document.compiled, self.group.id, index, qid, f"{name}: {label_text}"),
                    self.document,
                    frame,
                )
                panel.built.connect(self.structure_changed)
                note_button = DisclosureButton(translate("Card", "Note and evidence"), panel, frame)
                note_button.setObjectName(f"noteButton:{qid}:{index}")
                note_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # on the Note key, as on a card
                note_button.setAccessibleDescription(with_key("", QUESTION_KEYS["note"]))
                side = QVBoxLayout()
                side.setSpacing(2)
                side.addWidget(unknown)
                side.addWidget(note_button)
                grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(answer_input, row, 1, Qt.AlignmentFlag.AlignTop)
                grid.addLayout(side, row, 2, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(panel, row + 1, 1, 1, 2)
                widgets[qid] = (label, answer_input, unknown)
                notes[qid] = (note_button, panel)
            grid.setColumnStretch(1, 1)
            grid.setColumnMinimumWidth(0, 120)
            self.items_box.addWidget(frame)
            frame.show()
            self._item_frames.append(frame)
            self.inputs.append(widgets)
            self.notes.append(notes)
            self.remove_buttons.append(remove)
        self._count = count
        self.structure_changed.emit()

    def sync(self, answer: Answer | None, view: AnswerView) -> None:
        items: tuple[Mapping[str, Answer], ...] = ()
        if answer is not None and isinstance(answer.value, tuple):
            items = answer.value  # type: ignore[assignment]
        if len(items) != self._count:
            self._build(len(items))
        self.empty_label.setVisible(not items)
        self.add_button.setEnabled(len(items) < self.group.max_items)
        for index, item in enumerate(items):
            for qid, (label, answer_input, unknown) in self.inputs[index].items():
                visible = view.item_question_visible(qid, item)
                item_answer = item.get(qid)
                label.setVisible(visible)
                answer_input.setVisible(visible)
                unknown.setVisible(visible)
                is_unknown = bool(item_answer and item_answer.unknown)
                unknown.setChecked(is_unknown)
                unknown.setToolTip(translate("Card", UNKNOWN_PRESSED_TIP if is_unknown else UNKNOWN_TEXT))
                answer_input.show_value(item_answer.value if item_answer else None)
                answer_input.show_unknown(is_unknown)
                note_button, panel = self.notes[index][qid]
                note_button.setVisible(visible)
                panel.setVisible(visible and note_button.isChecked())
                panel.sync(item_answer)
                show_note_summary(note_button, panel)

    def focus_widgets(self) -> list[QWidget]:
        widgets: list[QWidget] = []
        for index, item in enumerate(self.inputs):
            widgets.append(self.remove_buttons[index])
            for qid, (_label, answer_input, unknown) in item.items():
                _note_button, panel = self.notes[index][qid]
                widgets.extend(answer_input.focus_widgets())
                widgets += [unknown, *panel.focus_widgets()]
        widgets.append(self.add_button)
        return widgets

    def note_of(self, widget: QWidget | None) -> tuple[DisclosureButton, NoteSlot, QWidget] | None:
        """The note toggle and panel of the item question `widget` belongs to (its input, its Unknown
        button or its open note), and where the focus goes back to, for the Note key."""
        for index, item in enumerate(self.inputs):
            for qid, (_label, answer_input, unknown) in item.items():
                note_button, panel = self.notes[index][qid]
                for part in (answer_input, unknown, panel):
                    if widget is not None and (widget is part or part.isAncestorOf(widget)):
                        return note_button, panel, answer_input.buddy()
        return None

    def flush(self) -> None:
        for item in self.inputs:
            for _label, answer_input, _unknown in item.values():
                answer_input.flush()
        for notes in self.notes:
            for _button, panel in notes.values():
                panel.flush()


# ------------------------------------------------------------------------------------- the card


SOURCES_LINE_WIDTH = 520  # px: what a card has at the narrowest page the window lays out


class QuestionCard(QFrame):
    """A question with everything that belongs to it."""

    structure_changed = Signal()

    def __init__(
        self,
        entry: QuestionEntry,
        texts: Texts,
        document: AssessmentDocument,
        open_source: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        question = entry.question
        self.entry = entry
        self.question_id = question.id
        self.document = document
        self.label_text = texts(question.label)
        self.setObjectName("questionCard")
        self.setProperty("highlight", False)
        self.setStyleSheet(CARD_STYLE)
        # A screen reader meets the card as a group named by its question, the help its description.
        self.setAccessibleName(self.label_text)
        self.setAccessibleDescription(texts(question.help))
        self.apply = _Edits(document, self.set_problem)

        self.heading = QLabel(mnemonic_safe(self.label_text), self)
        self.heading.setObjectName(f"label:{self.question_id}")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.heading.setFont(scaled_font(self.heading, 1.05, bold=True))
        # "Required" never changes its text: a label that changed width made the heading re-wrap and
        # the page jump. Whether the question is answered is said on the state line below the input.
        self.required = muted(plain_label(translate("Card", "Required"), self, wrap=False))
        self.required.setObjectName(f"required:{self.question_id}")
        self.required.setVisible(question.required)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.required, 0, Qt.AlignmentFlag.AlignTop)

        help_text = texts(question.help)
        description = help_text
        if question.required:
            description = translate("Card", "Required.") + (" " + help_text if help_text else "")

        self.input: AnswerInput | None = None
        self.group_editor: GroupEditor | None = None
        if isinstance(question, GroupQuestion):
            self.group_editor = GroupEditor(entry, texts, document, self.set_problem, self)
            self.group_editor.structure_changed.connect(self.structure_changed)
            body: QWidget = self.group_editor
            self.heading.setBuddy(self.group_editor.add_button)
        else:
            self.input = make_input(entry, texts, self)
            self.input.set_description(description)
            self.input.committed.connect(self._value_committed)
            self.input.problem.connect(self.set_problem)
            self.heading.setBuddy(self.input.buddy())
            body = self.input

        self.unknown = QPushButton(translate("Card", UNKNOWN_TEXT), self)
        self.unknown.setCheckable(True)
        self.unknown.setObjectName(f"unknown:{self.question_id}")
        self.unknown.setAccessibleName(translate("Card", UNKNOWN_TEXT) + f" — {self.label_text}")
        self.unknown.setToolTip(translate("Card", UNKNOWN_TIP))
        self.unknown.clicked.connect(self._unknown_clicked)
        self.state = muted(plain_label("", self, wrap=False))
        self.state.setObjectName(f"state:{self.question_id}")
        self.clear = QPushButton(translate("Card", "Clear answer"), self)
        self.clear.setObjectName(f"clear:{self.question_id}")
        self.clear.setAccessibleName(translate("Card", "Clear answer") + f" — {self.label_text}")
        self.clear.clicked.connect(self._clear_clicked)
        self.clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # rare: out of the Tab chain, on a key
        self.clear.setToolTip(with_key(translate("Card", "Remove this answer"), QUESTION_KEYS["clear"]))
        self.clear.setAccessibleDescription(self.clear.toolTip())
        self.unknown.setToolTip(with_key(translate("Card", UNKNOWN_TIP), QUESTION_KEYS["unknown"]))

        self.problem = problem_label(self)

        self.help_label = plain_label(help_text, self, selectable=True)
        self.help_label.setObjectName(f"help:{self.question_id}")
        self.help_button = DisclosureButton(translate("Card", "Help"), self.help_label, self)
        self.help_button.setObjectName(f"helpButton:{self.question_id}")
        self.help_button.setAccessibleName(translate("Card", "Help") + f" — {self.label_text}")
        self.help_button.setVisible(bool(help_text))
        self.help_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.help_button.setToolTip(
            with_key(translate("Card", "Show or hide the help"), QUESTION_KEYS["help"])
        )
        self.help_button.setAccessibleDescription(self.help_button.toolTip())

        options = (
            {c.value: texts(c.label) for c in entry.choices} if question.type == "multiple_choice" else {}
        )
        self.note_slot = NoteSlot(question_target(self.question_id, self.label_text, options), document, self)
        self.note_slot.built.connect(self.structure_changed)
        self.note_button = DisclosureButton(translate("Card", "Note and evidence"), self.note_slot, self)
        self.note_button.setObjectName(f"noteButton:{self.question_id}")
        self.note_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.note_button.setAccessibleDescription(with_key("", QUESTION_KEYS["note"]))

        self.source_buttons: list[LinkButton] = []
        self.open_source = open_source
        actions = QHBoxLayout()
        actions.setSpacing(6)
        actions.addWidget(self.unknown)
        actions.addWidget(self.clear)
        actions.addWidget(self.state)
        actions.addStretch(1)
        # The disclosures get a row of their own: beside the answer buttons, a long note summary
        # ("Note and evidence: a note and 1 document") made the card wider than the page and cut its text.
        disclosures = QHBoxLayout()
        disclosures.setSpacing(12)
        disclosures.addWidget(self.help_button)
        disclosures.addWidget(self.note_button)
        disclosures.addStretch(1)
        refs_row = QVBoxLayout()
        refs_row.setSpacing(2)
        if question.refs:
            # Sources by their readable names, packed into lines that fit the card (a name never cut):
            # one row of names made the card wider than the page, and squeezing them cut each name.
            line = QHBoxLayout()
            line.addWidget(muted(plain_label(translate("Card", "Sources:"), self, wrap=False)))
            used = line.itemAt(0).widget().sizeHint().width()
            for ref in question.refs:
                name = texts.source(ref)
                button = LinkButton(name, self)
                button.setObjectName(f"source:{self.question_id}:{ref}")
                button.setAccessibleName(translate("Card", "Source %1").replace("%1", name))
                button.clicked.connect(lambda _checked=False, r=ref: open_source(r))
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                button.setToolTip(with_key(name, QUESTION_KEYS["sources"]))
                button.setAccessibleDescription(button.toolTip())
                width = button.fontMetrics().horizontalAdvance(name) + 4 * LinkButton.MARGIN + 12
                if used + width > SOURCES_LINE_WIDTH and line.count() > 1:
                    line.addStretch(1)
                    refs_row.addLayout(line)
                    line, used = QHBoxLayout(), 0
                line.addWidget(button)
                used += width
                self.source_buttons.append(button)
            line.addStretch(1)
            refs_row.addLayout(line)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        layout.addLayout(top)
        # With several uses of the system: which use this answer is for (hidden for one use).
        self.use_label = muted(plain_label("", self))
        self.use_label.setObjectName(f"use:{self.question_id}")
        self.use_label.hide()
        layout.addWidget(self.use_label)
        layout.addWidget(body)
        layout.addWidget(self.problem)
        layout.addLayout(actions)
        layout.addLayout(disclosures)
        layout.addWidget(self.help_label)
        if question.refs:
            layout.addLayout(refs_row)
        layout.addWidget(self.note_slot)
        # Reviewers' comments on this answer (Review › Review and sign-off… adds and resolves them).
        self.review_comments = plain_label("", self, selectable=True)
        self.review_comments.setObjectName(f"reviewComments:{question.id}")
        self.review_comments.setStyleSheet("QLabel { background: #fdf3d8; color: #3d2e00; padding: 4px; }")
        self.review_comments.hide()
        layout.addWidget(self.review_comments)

    def show_review_comments(self, lines: list[str]) -> None:
        """The reviewers' comments on this answer, one per line ("Open — R. Okafor: Which page?")."""
        text = "\n".join(lines)
        if self.review_comments.text() != text:
            self.review_comments.setText(text)
        self.review_comments.setVisible(bool(lines))

    @property
    def note_panel(self) -> NotePanel:
        """The note and evidence panel (built on first use)."""
        return self.note_slot.panel

    # edits -----------------------------------------------------------------------------------------

    def set_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    def _value_committed(self, value: Any) -> None:
        compiled, qid = self.document.compiled, self.question_id
        typed = isinstance(self.input, _TypedInput)
        text = translate("Undo", "answer “%1”").replace("%1", self.label_text)
        if value is None:
            self.apply(text, lambda a: edits.clear_answer(compiled, a, qid), f"value:{qid}" if typed else "")
        else:
            self.apply(
                text, lambda a: edits.set_value(compiled, a, qid, value), f"value:{qid}" if typed else ""
            )

    def _unknown_clicked(self, checked: bool) -> None:
        compiled, qid = self.document.compiled, self.question_id
        if checked:
            self.apply(
                translate("Undo", "“%1”: unknown").replace("%1", self.label_text),
                lambda a: edits.set_unknown(compiled, a, qid),
            )
        else:  # unticked: "unknown" was an answer, and it goes; say so, with Undo
            self._remove(translate("Card", "“%1” is no longer marked unknown: it has no answer now."))

    def _clear_clicked(self) -> None:
        self._remove(translate("Card", "The answer to “%1” was cleared."))

    def _remove(self, message: str) -> None:
        compiled, qid = self.document.compiled, self.question_id
        if self.apply(
            translate("Undo", "clear “%1”").replace("%1", self.label_text),
            lambda a: edits.clear_answer(compiled, a, qid),
        ):
            self.document.answer_removed.emit(message.replace("%1", self.label_text))

    # model → widgets -------------------------------------------------------------------------------

    def sync(self, answer: Answer | None, view: AnswerView) -> None:
        answered = bool(answer and answer.answered)
        unknown = bool(answer and answer.unknown)
        if self.input is not None:
            self.input.show_value(answer.value if answer else None)
        if self.group_editor is not None:
            self.group_editor.sync(answer, view)
        self.unknown.setChecked(unknown)
        tip = with_key(
            translate("Card", UNKNOWN_PRESSED_TIP if unknown else UNKNOWN_TIP), QUESTION_KEYS["unknown"]
        )
        if self.unknown.toolTip() != tip:
            self.unknown.setToolTip(tip)
        if self.input is not None:
            self.input.show_unknown(unknown)
        self.clear.setEnabled(answered)
        self.state.setText(state_text(answered, unknown))
        self.note_slot.sync(answer)
        show_note_summary(self.note_button, self.note_slot, QUESTION_KEYS["note"])
        self._sync_use()

    def _sync_use(self) -> None:
        """Say which use a per-use answer is for, once the assessment describes several uses."""
        document = self.document
        several = bool(document.assessment.uses) and self.question_id in document.compiled.per_use
        if several:
            name = use_names(document.compiled, document.assessment)[document.use_index]
            self.use_label.setText(
                translate("Card", "Asked for each use — this answer is for “%1”").replace("%1", name)
            )
        self.use_label.setVisible(several)

    def focus_widgets(self) -> list[QWidget]:
        widgets: list[QWidget] = []
        if self.input is not None:
            widgets.extend(self.input.focus_widgets())
        if self.group_editor is not None:
            widgets.extend(self.group_editor.focus_widgets())
        widgets.append(self.unknown)
        widgets.extend(self.note_slot.focus_widgets())  # Tab passes them by while the note is closed
        return widgets

    def first_focus(self) -> QWidget:
        return self.focus_widgets()[0]

    # the Question menu's keys ------------------------------------------------------------------------

    def toggle_help(self) -> bool:
        """Show or hide the help; False when the question has none."""
        if not self.help_button.isVisibleTo(self):
            return False
        self.help_button.click()
        return True

    def toggle_note(self) -> None:
        """Open the note and evidence with the focus in the note, or close it and go back to the answer;
        in a group, the note of the item question with the focus."""
        focus = QApplication.focusWidget()
        found = self.group_editor.note_of(focus) if self.group_editor is not None else None
        button, slot, back = found or (self.note_button, self.note_slot, self.first_focus())
        button.click()
        if button.isChecked():
            slot.panel.note.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            back.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def clear_answer(self) -> bool:
        """Clear the answer (said in the status bar, with Undo); False when there is none."""
        if not self.clear.isEnabled():
            return False
        self.clear.click()
        return True

    def sources_menu(self, parent: QWidget) -> QMenu | None:
        """The question's sources by name, each opening its entry in the source table."""
        if not self.source_buttons:
            return None
        menu = QMenu(parent)
        menu.setObjectName(f"sourcesMenu:{self.question_id}")
        for ref, button in zip(self.entry.question.refs, self.source_buttons, strict=True):
            action = menu.addAction(mnemonic_safe(button.full_text))
            action.triggered.connect(lambda _checked=False, r=ref: self.open_source(r))
        return menu

    def flush(self) -> None:
        if self.input is not None:
            self.input.flush()
        if self.group_editor is not None:
            self.group_editor.flush()
        self.note_slot.flush()

    def highlight(self, on: bool = True) -> None:
        self.setProperty("highlight", on)
        self.style().unpolish(self)
        self.style().polish(self)
