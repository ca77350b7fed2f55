"""One input widget per question type, built from the questionnaire (`make_input`).

An input shows a value (`show_value`, which never emits) and emits `committed(value)` when the person
gives one; `None` means "no answer". It knows nothing about assessments or undo: the question card
turns a commit into an edit. Typed text is committed when typing pauses and when the field is left,
so the verdicts follow without the person ever waiting for them.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pia_wizard.core.answers.answer_check import NONE_CHOICE
from pia_wizard.core.models.assessment import NoLimit, NumberRange, Possibilities
from pia_wizard.core.models.questionnaire import NumberQuestion, TextQuestion
from pia_wizard.core.rules.compiled import QuestionEntry
from pia_wizard.ui import date_text
from pia_wizard.ui.language import month_names
from pia_wizard.ui.text import Texts, number_text, plain_tooltip, translate
from pia_wizard.ui.widgets import ChoiceLabel, muted, plain_label, quiet_popup

TYPING_PAUSE_MS = 700
# Up to this many choices show as radio buttons; more (countries, states) as a drop-down list.
MAX_RADIO_CHOICES = 12
# Multiple choice: from this many choices, two columns of checkboxes.
TWO_COLUMNS_FROM = 9


class AnswerInput(QFrame):
    """Base of the inputs: `show_value` from the model, `committed` from the person.

    A frame without a border: to a screen reader a frame is a panel, which choice inputs name by their
    question so that their buttons form a group ("2 of 4") with a name.
    """

    committed = Signal(object)
    problem = Signal(str)  # a message for the person; "" when the problem is gone

    def __init__(self, entry: QuestionEntry, texts: Texts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.texts = texts
        self.question_id = entry.question.id
        self.label = texts(entry.question.label)

    def show_value(self, value: Any) -> None:
        raise NotImplementedError

    def show_unknown(self, unknown: bool) -> None:
        """Show "unknown / not disclosed" in the input itself where it has room (a list, an empty
        field); choice buttons all stay unticked and the card's state line says it."""

    def focus_widgets(self) -> list[QWidget]:
        raise NotImplementedError

    def buddy(self) -> QWidget:
        """The widget the question's label points at (Alt + mnemonic, screen readers)."""
        return self.focus_widgets()[0]

    def set_description(self, description: str) -> None:
        for widget in self.focus_widgets():
            widget.setAccessibleDescription(description)

    def flush(self) -> None:
        """Commit text typed but not yet committed (before saving, switching section)."""


# ----------------------------------------------------------------------------------------- choices


class _ButtonsInput(AnswerInput):
    """Radio buttons or checkboxes, one per choice; arrows move between radio buttons."""

    def _add_buttons(
        self,
        options: list[tuple[Any, str, str]],
        button_type: type[QAbstractButton],
        columns: int = 1,
        *,
        compact: bool = False,
    ) -> None:
        self.buttons: dict[Any, QAbstractButton] = {}
        self.setAccessibleName(self.label)  # the group of radio buttons or checkboxes
        self.group = QButtonGroup(self)
        self.group.setExclusive(button_type is QRadioButton)
        layout = self.grid = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(14 if compact else 6)
        layout.setVerticalSpacing(4)
        rows = (len(options) + columns - 1) // columns
        self.labels: dict[Any, ChoiceLabel] = {}
        for index, (value, text, help_text) in enumerate(options):
            # The button shows only its box; its text is a label beside it that wraps, since choice
            # texts run to a hundred characters and a button's text never wraps.
            button = button_type(self)
            button.setObjectName(f"answer:{self.question_id}:{value}")
            button.setAccessibleName(f"{self.label}: {text}")
            label = ChoiceLabel(text, button, self)
            if help_text:
                button.setToolTip(plain_tooltip(help_text))
                label.setToolTip(plain_tooltip(help_text))
                button.setAccessibleDescription(help_text)
            self.group.addButton(button)
            self.buttons[value] = button
            self.labels[value] = label
            # Toggled, not clicked: a screen reader's or switch device's "Toggle" action (AT-SPI)
            # ticks a button without a click, and the answer must follow it all the same.
            button.toggled.connect(lambda _checked, v=value: self._toggled(v))
            row, column = index % rows, index // rows
            layout.addWidget(button, row, 2 * column, Qt.AlignmentFlag.AlignTop)
            layout.addWidget(label, row, 2 * column + 1, Qt.AlignmentFlag.AlignTop)
            layout.setColumnStretch(2 * column + 1, 0 if compact else 1)
            if column:
                layout.setColumnMinimumWidth(2 * column, 24)
        if compact:  # short words side by side, the rest of the line left empty
            layout.setColumnStretch(2 * columns, 1)

    _syncing = False

    def _toggled(self, value: Any) -> None:
        if not self._syncing:
            self._clicked(value)

    def _clicked(self, value: Any) -> None:
        raise NotImplementedError

    def focus_widgets(self) -> list[QWidget]:
        return list(self.buttons.values())

    def set_description(self, description: str) -> None:
        for button in self.buttons.values():
            if not button.accessibleDescription():
                button.setAccessibleDescription(description)

    def _check_only(self, values: set[Any]) -> None:
        exclusive = self.group.exclusive()
        self.group.setExclusive(False)  # an exclusive group cannot go back to "none checked"
        self._syncing = True  # showing the model's value is not the person's answer
        try:
            for value, button in self.buttons.items():
                button.setChecked(value in values)
        finally:
            self._syncing = False
            self.group.setExclusive(exclusive)


class _PossibilitiesRow(QWidget):
    """ "One of these, not known which": a small button under the choices opens a row of boxes to
    tick the possibilities (at least two). Out of the way of the common case, one click to find."""

    def __init__(self, owner: _ButtonsInput, texts: Texts) -> None:
        super().__init__(owner)
        self.owner = owner
        qid = owner.question_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName(f"one-of:{qid}")
        self.toggle.setText(translate("Input", "Not sure which? One of these, not known which…"))
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setAccessibleName(f"{owner.label}: {self.toggle.text()}")
        layout.addWidget(self.toggle)
        self.panel = QWidget(self)
        panel = QVBoxLayout(self.panel)
        panel.setContentsMargins(16, 0, 0, 0)
        panel.addWidget(
            muted(plain_label(translate("Input", "Tick every choice it could be (at least two):"), self))
        )
        self.boxes: dict[str, QCheckBox] = {}
        for choice in owner.entry.choices:
            box = QCheckBox(texts(choice.label), self.panel)
            box.setObjectName(f"one-of:{qid}:{choice.value}")
            box.clicked.connect(self._ticked)
            self.boxes[choice.value] = box
            panel.addWidget(box)
        layout.addWidget(self.panel)
        self.panel.setVisible(False)
        self.toggle.toggled.connect(self.panel.setVisible)

    def _ticked(self) -> None:
        ticked = [v for v, box in self.boxes.items() if box.isChecked()]
        if len(ticked) >= 2:
            self.owner._check_only(set())
            self.owner.committed.emit(Possibilities(one_of=tuple(ticked)))

    def show_value(self, value: Any) -> bool:
        """Tick the possibilities of a "one of" answer (True), or untick all (False)."""
        chosen = set(value.one_of) if isinstance(value, Possibilities) else set()
        for choice, box in self.boxes.items():
            box.setChecked(choice in chosen)
        if chosen:
            self.toggle.setChecked(True)
        elif value is not None:
            self.toggle.setChecked(False)
        return bool(chosen)


def _with_possibilities(input_: _ButtonsInput, texts: Texts) -> _PossibilitiesRow:
    row = _PossibilitiesRow(input_, texts)
    grid = input_.grid
    grid.addWidget(row, grid.rowCount(), 0, 1, grid.columnCount())
    return row


class SingleChoiceInput(_ButtonsInput):
    def __init__(self, entry: QuestionEntry, texts: Texts, parent: QWidget | None = None) -> None:
        super().__init__(entry, texts, parent)
        options = [(c.value, texts(c.label), texts(c.help)) for c in entry.choices]
        self._add_buttons(options, QRadioButton)
        self.possibilities = _with_possibilities(self, texts)

    def _clicked(self, value: Any) -> None:
        if self.buttons[value].isChecked():  # the other one's untoggling is no answer
            self.possibilities.show_value(value)
            self.committed.emit(value)

    def show_value(self, value: Any) -> None:
        if self.possibilities.show_value(value):
            self._check_only(set())
            return
        self._check_only({value} if value is not None else set())


def not_answered_item() -> str:
    return translate("Input", "— not answered —")


class DropDownChoiceInput(AnswerInput):
    """A single choice among many (countries, states): a drop-down list with "not answered" first."""

    def __init__(self, entry: QuestionEntry, texts: Texts, parent: QWidget | None = None) -> None:
        super().__init__(entry, texts, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # On Linux Qt names a combo box by its current text whatever name it is given: the panel
        # around it carries the question, as the label relation does.
        self.setAccessibleName(self.label)
        self.combo = quiet_popup(QComboBox(self))
        self.combo.setObjectName(f"answer:{self.question_id}")
        self.combo.setAccessibleName(self.label)
        self.combo.addItem(not_answered_item(), None)
        for choice in entry.choices:
            self.combo.addItem(texts(choice.label), choice.value)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.activated.connect(lambda index: self.committed.emit(self.combo.itemData(index)))
        layout.addWidget(self.combo)
        layout.addStretch(1)

    def show_value(self, value: Any) -> None:
        index = self.combo.findData(value) if value is not None else 0
        self.combo.setCurrentIndex(max(index, 0))

    def show_unknown(self, unknown: bool) -> None:
        # The first entry stands for "no value": it says which kind of no value the answer is.
        text = translate("Input", "— unknown / not disclosed —") if unknown else not_answered_item()
        self.combo.setItemText(0, text)

    def focus_widgets(self) -> list[QWidget]:
        return [self.combo]


class MultipleChoiceInput(_ButtonsInput):
    """Checkboxes; the value lists the checked choices in questionnaire order, none checked = no answer."""

    def __init__(self, entry: QuestionEntry, texts: Texts, parent: QWidget | None = None) -> None:
        super().__init__(entry, texts, parent)
        options = [(c.value, texts(c.label), texts(c.help)) for c in entry.choices]
        self._add_buttons(options, QCheckBox, 2 if len(options) >= TWO_COLUMNS_FROM else 1)
        self.possibilities = _with_possibilities(self, texts)

    def _clicked(self, value: Any) -> None:
        self.possibilities.show_value(None)
        # "None of these" excludes every other choice (the file check refuses both): ticking one
        # unticks the other, so a click never leads to an answer that cannot be saved.
        if self.buttons[value].isChecked() and NONE_CHOICE in self.buttons:
            self._syncing = True
            try:
                for other, button in self.buttons.items():
                    if (other == NONE_CHOICE) != (value == NONE_CHOICE):
                        button.setChecked(False)
            finally:
                self._syncing = False
        checked = tuple(v for v, b in self.buttons.items() if b.isChecked())
        self.committed.emit(checked or None)

    def show_value(self, value: Any) -> None:
        self.possibilities.show_value(value)
        self._check_only(set(value) if isinstance(value, tuple | list) else set())


class YesNoInput(_ButtonsInput):
    def __init__(self, entry: QuestionEntry, texts: Texts, parent: QWidget | None = None) -> None:
        super().__init__(entry, texts, parent)
        # Yes and No side by side: two short words need no row of their own.
        options = [(True, translate("Input", "Yes"), ""), (False, translate("Input", "No"), "")]
        self._add_buttons(options, QRadioButton, columns=2, compact=True)
        self.buttons[True].setObjectName(f"answer:{self.question_id}:yes")
        self.buttons[False].setObjectName(f"answer:{self.question_id}:no")

    def _clicked(self, value: Any) -> None:
        if self.buttons[value].isChecked():
            self.committed.emit(value)

    def show_value(self, value: Any) -> None:
        self._check_only({value} if isinstance(value, bool) else set())


# --------------------------------------------------------------------------------------- typed text


class _TypedInput(AnswerInput):
    """A line of text parsed into a value; committed on a typing pause and when the field is left."""

    def __init__(self, entry: QuestionEntry, texts: Texts, parent: QWidget | None = None) -> None:
        super().__init__(entry, texts, parent)
        self._shown: Any = None
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(TYPING_PAUSE_MS)
        self.pause.timeout.connect(lambda: self._commit(quiet=True))

    def parse(self, text: str) -> Any:
        """The value of the text, None for empty; ValueError with a message for the person."""
        raise NotImplementedError

    def format(self, value: Any) -> str:
        return "" if value is None else str(value)

    def text(self) -> str:
        raise NotImplementedError

    def set_text(self, text: str) -> None:
        raise NotImplementedError

    def _commit(self, *, quiet: bool) -> None:
        self.pause.stop()
        try:
            value = self.parse(self.text())
        except ValueError as exc:
            if not quiet:
                self.problem.emit(str(exc))
            return
        self.problem.emit("")
        if value != self._shown:
            self._shown = value
            self.committed.emit(value)

    def flush(self) -> None:
        if self.pause.isActive():
            self._commit(quiet=False)

    def show_value(self, value: Any) -> None:
        self._shown = value
        try:
            current = self.parse(self.text())
        except ValueError:
            current = object()
        if current != value:
            self.set_text(self.format(value))


class _LineInput(_TypedInput):
    def __init__(self, entry: QuestionEntry, texts: Texts, parent: QWidget | None = None) -> None:
        super().__init__(entry, texts, parent)
        self.line = QLineEdit(self)
        self.line.setObjectName(f"answer:{self.question_id}")
        self.line.setAccessibleName(self.label)
        self.line.textEdited.connect(lambda _text: self.pause.start())
        self.line.editingFinished.connect(lambda: self._commit(quiet=False))
        self._hint: str | None = None
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addWidget(self.line, 1)

    def text(self) -> str:
        return self.line.text()

    def set_text(self, text: str) -> None:
        self.line.setText(text)

    def show_unknown(self, unknown: bool) -> None:
        if self._hint is None:  # the type's own hint (a range, YYYY-MM-DD), set after this class's init
            self._hint = self.line.placeholderText()
        self.line.setPlaceholderText(translate("Input", "Unknown / not disclosed") if unknown else self._hint)

    def focus_widgets(self) -> list[QWidget]:
        return [self.line]


class NumberInput(_LineInput):
    def __init__(self, entry: QuestionEntry, texts: Texts, parent: QWidget | None = None) -> None:
        super().__init__(entry, texts, parent)
        question = entry.question
        if not isinstance(question, NumberQuestion):
            raise TypeError(f"'{question.id}' is not a number question")
        self.question = question
        self.line.setMaximumWidth(220)
        # Room for a population or a rate with its digits whole: squeezed in a site's row, 25000
        # showed as "5000" (a number cut at its left, since it is aligned right).
        self.line.setMinimumWidth(self.line.fontMetrics().horizontalAdvance("0" * 12) + 16)
        self.line.setAlignment(Qt.AlignmentFlag.AlignRight)
        low, high = question.minimum, question.maximum
        self.share = low == 0 and high == 1  # a fraction: "1 %" is accepted and means 0.01
        if self.share:
            hint = translate("Input", "0 – 1, or a percentage: 0.1 %")
        elif low is not None and high is not None:
            hint = f"{number_text(low)} – {number_text(high)}"
        elif low is not None:
            hint = "≥ " + number_text(low)
        elif high is not None:
            hint = "≤ " + number_text(high)
        else:
            hint = ""
        self.line.setPlaceholderText(hint)
        self.line.setToolTip(
            translate(
                "Input",
                "A number, or a range such as 1000–9999 when a document gives only a rough figure",
            )
        )
        unit = texts(question.unit)
        if unit:
            self.unit_label = muted(plain_label(unit, self, wrap=False))
            self.row.addWidget(self.unit_label)
        self._proposal: NumberRange | None = None
        self._stated = ""
        self.propose = QToolButton(self)
        self.propose.setObjectName(f"propose:{self.question_id}")
        self.propose.clicked.connect(self._use_proposal)
        self.propose.setVisible(False)
        self.row.addWidget(self.propose)
        self.no_limit: QCheckBox | None = None
        if question.no_limit is not None:
            self.no_limit = QCheckBox(texts(question.no_limit), self)
            self.no_limit.setObjectName(f"no-limit:{self.question_id}")
            self.no_limit.toggled.connect(self._no_limit_toggled)
            self.row.addWidget(self.no_limit)
        self.row.addStretch(1)

    def parse(self, text: str) -> Any:
        """A number; "1000–9999" (a range); "about 50" asks which range is meant and proposes one."""
        self._set_proposal(None)
        stripped = text.strip()
        about = ABOUT.fullmatch(stripped)
        if about is not None:
            centre = self._number(about["number"], stripped)
            low, high = proposed_bounds(centre, self.question.integer)
            self._set_proposal(NumberRange(low=low, high=high, as_stated=stripped))
            raise ValueError(
                translate("Input", "“%1” is not one number: which range do you mean?").replace("%1", stripped)
            )
        parts = RANGE_DASH.split(stripped)
        if len(parts) == 2 and parts[0].strip() and parts[1].strip():
            low, high = (self._number(part, stripped) for part in parts)
            if low > high:
                raise ValueError(translate("Input", "Type the smaller number first, for example 1000–9999."))
            return self._checked_range(NumberRange(low=low, high=high, as_stated=self._stated))
        return self._number(text, text)

    def _checked_range(self, value: NumberRange) -> NumberRange:
        for bound in (value.low, value.high):
            if self.question.minimum is not None and bound is not None and bound < self.question.minimum:
                raise ValueError(translate("Input", "A bound is below the smallest answer allowed."))
            if self.question.maximum is not None and bound is not None and bound > self.question.maximum:
                raise ValueError(translate("Input", "A bound is above the largest answer allowed."))
        if value.low == value.high:
            return value.low  # type: ignore[return-value]
        return value

    def _set_proposal(self, proposal: NumberRange | None) -> None:
        self._proposal = proposal
        self.propose.setVisible(proposal is not None)
        if proposal is not None:
            shown = f"{number_text(proposal.low)}–{number_text(proposal.high)}"
            self.propose.setText(translate("Input", "Use %1").replace("%1", shown))

    def _use_proposal(self) -> None:
        """The person confirms the proposed bounds: they, not the tool, decide what "about" means."""
        proposal = self._proposal
        if proposal is None:
            return
        self._stated = proposal.as_stated
        self.set_text(self.format(proposal))
        self._set_proposal(None)
        self.problem.emit("")
        self._shown = proposal
        self.committed.emit(proposal)

    def _no_limit_toggled(self, checked: bool) -> None:
        self.line.setEnabled(not checked)
        value: Any = NoLimit(no_limit=True) if checked else None
        if checked:
            self.set_text("")
        self._shown = value
        self.committed.emit(value)

    def show_value(self, value: Any) -> None:
        if self.no_limit is not None:
            self.no_limit.blockSignals(True)
            self.no_limit.setChecked(isinstance(value, NoLimit))
            self.no_limit.blockSignals(False)
            self.line.setEnabled(not isinstance(value, NoLimit))
        self._stated = value.as_stated if isinstance(value, NumberRange) else ""
        if isinstance(value, NoLimit):
            self._shown = value
            self.set_text("")
            return
        super().show_value(value)

    def _number(self, text: str, whole: str) -> Any:
        cleaned = text.strip().replace(" ", "").replace("_", "").replace("\u202f", "").replace("\u00a0", "")
        if not cleaned:
            return None
        percent = cleaned.endswith("%")
        if percent:
            if not self.share:
                raise ValueError(translate("Input", "Type the number itself, without %."))
            cleaned = cleaned.removesuffix("%")
        if "," in cleaned and QLocale().decimalPoint() == ",":
            # A language writing decimals with a comma ("0,5", "1.234,5"): the comma is the decimal
            # point and points group the thousands. Without a comma, a point is a decimal point.
            cleaned = cleaned.replace(".", "").replace(",", ".")
        if "," in cleaned:
            raise ValueError(
                translate("Input", "Type digits, with a point for decimals (for example 0.0001), no commas.")
            )
        try:
            value = float(cleaned)
        except ValueError:
            raise ValueError(
                translate("Input", "“%1” is not a number.").replace("%1", whole.strip())
            ) from None
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(translate("Input", "“%1” is not a number.").replace("%1", whole.strip()))
        if percent:
            # Decimal arithmetic: 0.1 % must be 0.001 exactly, not 0.0010000000000000002.
            value = float(Decimal(repr(value)) / 100)
        if value == int(value) and abs(value) < 1e15:
            return int(value)
        if self.question.integer:
            raise ValueError(translate("Input", "Type a whole number."))
        return value

    def format(self, value: Any) -> str:
        if isinstance(value, NumberRange):
            low = number_text(value.low) if value.low is not None else ""
            high = number_text(value.high) if value.high is not None else ""
            return f"{low}–{high}"
        if isinstance(value, NoLimit):
            return ""
        return "" if value is None else number_text(value)


ABOUT = re.compile(
    r"(?i)(?:about|around|approximately|approx\.?|roughly|some|c\.|ca\.|~|≈)\s*(?P<number>[\d.,\s\u202f\u00a0%]+)"
)
# A dash between two numbers (not a minus sign in front of the first), or "to".
RANGE_DASH = re.compile(r"(?<=[\d%])\s*(?:–|—|-|\bto\b)\s*")


def proposed_bounds(centre: float, integer: bool) -> tuple[float, float]:
    """A proposal for "about N": 20 % either side, which the person confirms or corrects."""
    low, high = centre * 0.8, centre * 1.2
    if integer or float(centre).is_integer():
        return math.floor(low), math.ceil(high)
    return low, high


class LineTextInput(_LineInput):
    def __init__(self, entry: QuestionEntry, texts: Texts, parent: QWidget | None = None) -> None:
        super().__init__(entry, texts, parent)
        question = entry.question
        if isinstance(question, TextQuestion):
            self.line.setMaxLength(question.max_length)

    def parse(self, text: str) -> Any:
        return text if text.strip() else None


class DateInput(_LineInput):
    """A date known to the day, the month or only the year ("2026-11-23", "March 2026", "2026"),
    stored as a file stores it ("2026-11-23", "2026-03", "2026"); a calendar picks one, as precisely
    as the person chooses."""

    def __init__(self, entry: QuestionEntry, texts: Texts, parent: QWidget | None = None) -> None:
        super().__init__(entry, texts, parent)
        hint = translate("Input", date_text.HINT)
        self.months = month_names()  # typed and shown in the window's language too ("März 2026")
        self.line.setPlaceholderText(hint)
        self.line.setToolTip(
            translate(
                "Input",
                "A full date, or only the month or the year when a document gives no more "
                "(for example March 2026 or 2026)",
            )
        )
        self.line.setMinimumWidth(self.line.fontMetrics().horizontalAdvance(hint) + 24)
        self.line.setMaximumWidth(self.line.minimumWidth() + 40)
        self.pick = QToolButton(self)
        self.pick.setText(translate("Input", "Calendar…"))
        self.pick.setObjectName(f"calendar:{self.question_id}")
        self.pick.setAccessibleName(translate("Input", "Calendar…") + f" — {self.label}")
        self.pick.setAccessibleDescription(
            translate("Input", "Pick the date of “%1” in a calendar").replace("%1", self.label)
        )
        self.pick.clicked.connect(self._pick)
        self.row.addWidget(self.pick)
        self.row.addStretch(1)

    def parse(self, text: str) -> Any:
        try:
            return date_text.parse_date(text, self.months)
        except ValueError as exc:
            raise ValueError(translate("Input", str(exc)).replace("%1", text.strip())) from None

    def format(self, value: Any) -> str:
        return date_text.date_words(value if isinstance(value, str) else None, self.months)

    def focus_widgets(self) -> list[QWidget]:
        return [self.line, self.pick]

    def _pick(self) -> None:
        dialog = QDialog(self)
        dialog.setObjectName(f"calendar-dialog:{self.question_id}")
        dialog.setWindowTitle(self.label)
        calendar = QCalendarWidget(dialog)
        calendar.setAccessibleName(self.label)
        try:
            current = self.parse(self.line.text())
        except ValueError:
            current = None
        opened = date_text.first_day(current)
        if opened is not None:
            calendar.setSelectedDate(QDate(opened.year, opened.month, opened.day))
        precision = QComboBox(dialog)
        precision.setObjectName("datePrecision")
        for key, words in zip(
            date_text.PRECISIONS,
            (
                translate("Input", "The exact day"),
                translate("Input", "Only the month is known"),
                translate("Input", "Only the year is known"),
            ),
            strict=True,
        ):
            precision.addItem(words, key)
        precision.setCurrentIndex(date_text.PRECISIONS.index(date_text.precision_of(current)))
        precision.setAccessibleName(translate("Input", "How precisely the date is known"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        calendar.activated.connect(lambda _date: dialog.accept())
        layout = QVBoxLayout(dialog)
        layout.addWidget(calendar)
        layout.addWidget(precision)
        layout.addWidget(buttons)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            picked = calendar.selectedDate()
            day = dt.date(picked.year(), picked.month(), picked.day())
            chosen = date_text.with_precision(day, precision.currentData())
            self.line.setText(date_text.date_words(chosen, self.months))
            self._commit(quiet=False)


class MultilineTextInput(_TypedInput):
    def __init__(self, entry: QuestionEntry, texts: Texts, parent: QWidget | None = None) -> None:
        super().__init__(entry, texts, parent)
        question = entry.question
        self.max_length = question.max_length if isinstance(question, TextQuestion) else 20_000
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName(f"answer:{self.question_id}")
        self.edit.setAccessibleName(self.label)
        self.edit.setTabChangesFocus(True)
        self.edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 4 + 14)
        self.edit.textChanged.connect(self._typed)
        self.edit.installEventFilter(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        self._setting = False

    def _typed(self) -> None:
        if not self._setting:
            self.pause.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.FocusOut:
            self._commit(quiet=False)
        return False

    def parse(self, text: str) -> Any:
        if len(text) > self.max_length:
            raise ValueError(translate("Input", "At most %1 characters.").replace("%1", str(self.max_length)))
        return text if text.strip() else None

    def text(self) -> str:
        return self.edit.toPlainText()

    def set_text(self, text: str) -> None:
        self._setting = True
        try:
            self.edit.setPlainText(text)
        finally:
            self._setting = False

    def show_unknown(self, unknown: bool) -> None:
        self.edit.setPlaceholderText(translate("Input", "Unknown / not disclosed") if unknown else "")

    def focus_widgets(self) -> list[QWidget]:
        return [self.edit]


def make_input(entry: QuestionEntry, texts: Texts, parent: QWidget | None = None) -> AnswerInput:
    """The input for one question that is not a group (groups are built by the question card)."""
    question = entry.question
    qtype = question.type
    if qtype == "single_choice":
        if len(entry.choices) > MAX_RADIO_CHOICES:
            return DropDownChoiceInput(entry, texts, parent)
        return SingleChoiceInput(entry, texts, parent)
    if qtype == "multiple_choice":
        return MultipleChoiceInput(entry, texts, parent)
    if qtype == "yes_no":
        return YesNoInput(entry, texts, parent)
    if qtype == "number":
        return NumberInput(entry, texts, parent)
    if qtype == "date":
        return DateInput(entry, texts, parent)
    if qtype == "text":
        if isinstance(question, TextQuestion) and question.multiline:
            return MultilineTextInput(entry, texts, parent)
        return LineTextInput(entry, texts, parent)
    raise ValueError(f"no input for question type '{qtype}'")
