"""The centre pane: one section's questions (`SectionPage`) or the assessment's details (`DetailsPage`).

A page is built once when its section is opened, then kept in step with the assessment by `sync`:
cards of questions hidden by earlier answers are hidden, and a section the core skips says why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pia_wizard.core.answers import edits
from pia_wizard.core.models.assessment import Assessment
from pia_wizard.core.models.questionnaire import Section
from pia_wizard.core.rules.visibility import AnswerView
from pia_wizard.ui.document import AssessmentDocument
from pia_wizard.ui.inputs import TYPING_PAUSE_MS
from pia_wizard.ui.question_card import QuestionCard, _Edits
from pia_wizard.ui.text import Texts, translate
from pia_wizard.ui.widgets import heading, muted, plain_label, problem_label, quiet_popup

PAGE_MARGINS = (16, 16, 16, 24)
BANNER_STYLE = "QLabel#skippedBanner { border: 1px solid palette(mid); border-radius: 4px; padding: 8px; }"


class _Page(QScrollArea):
    structure_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # The scroll area is a Tab stop (arrows and PgDn scroll it): it needs a name to be announced.
        self.setAccessibleName(translate("Page", "Questions"))
        self.content = QWidget(self)
        self.content.setObjectName("pageContent")
        self.box = QVBoxLayout(self.content)
        self.box.setContentsMargins(*PAGE_MARGINS)
        self.box.setSpacing(12)
        self.setWidget(self.content)

    def sync(self, assessment: Assessment, view: AnswerView) -> None:
        raise NotImplementedError

    def focus_widgets(self) -> list[QWidget]:
        raise NotImplementedError

    def flush(self) -> None:
        """Commit typing that has not been committed yet."""


def review_comment_lines(assessment: Assessment) -> dict[str, list[str]]:
    """Each question's review comments in words, open ones first."""
    found: dict[str, list[str]] = {}
    if assessment.review is None:
        return found
    for comment in sorted(assessment.review.comments, key=lambda c: c.resolved):
        if comment.resolved:
            state = translate("Page", "Resolved review comment")
        else:
            state = translate("Page", "Open review comment")
        who = f" ({comment.by})" if comment.by else ""
        found.setdefault(comment.question, []).append(f"{state}{who}: {comment.text}")
    return found


class SectionPage(_Page):
    def __init__(
        self,
        section: Section,
        number: int,
        texts: Texts,
        document: AssessmentDocument,
        open_source: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.section = section
        self.section_id = section.id
        self.setObjectName(f"page:{section.id}")
        title = texts(section.title)
        self.title = heading(f"{number}. {title}", self.content)
        self.setAccessibleName(translate("Page", "Questions: %1").replace("%1", title))
        self.title.setObjectName("sectionTitle")
        self.box.addWidget(self.title)
        self.skipped_banner = plain_label("", self.content)
        self.skipped_banner.setObjectName("skippedBanner")
        self.skipped_banner.setStyleSheet(BANNER_STYLE)
        self.skipped_banner.hide()
        self.skipped_reason = texts(section.skipped_reason) or translate(
            "Page", "Earlier answers make this section irrelevant."
        )
        self.box.addWidget(self.skipped_banner)
        help_text = texts(section.help)
        if help_text:
            self.box.addWidget(muted(plain_label(help_text, self.content, selectable=True)))
        self.cards: dict[str, QuestionCard] = {}
        for question in section.questions:
            entry = document.compiled.entries[question.id]
            card = QuestionCard(entry, texts, document, open_source, self.content)
            card.structure_changed.connect(self.structure_changed)
            self.cards[question.id] = card
            self.box.addWidget(card)
        self.box.addStretch(1)

    def sync(self, assessment: Assessment, view: AnswerView) -> None:
        skipped = not view.section_visible(self.section_id)
        self.skipped_banner.setText(
            translate("Page", "This section is skipped: %1 Its answers do not count.").replace(
                "%1", self.skipped_reason.rstrip(".") + "."
            )
        )
        self.skipped_banner.setVisible(skipped)
        comments = review_comment_lines(assessment)
        for question_id, card in self.cards.items():
            card.sync(assessment.answers.get(question_id), view)
            card.show_review_comments(comments.get(question_id, []))
            card.setVisible(skipped or view.question_visible(question_id))

    def focus_widgets(self) -> list[QWidget]:
        return [w for card in self.cards.values() for w in card.focus_widgets()]

    def flush(self) -> None:
        for card in self.cards.values():
            card.flush()

    def show_question(self, question_id: str) -> QuestionCard | None:
        card = self.cards.get(question_id)
        if card is None:
            return None
        card.show()
        self.ensureWidgetVisible(card, 0, 24)
        return card


AUDIENCES = (
    QT_TRANSLATE_NOOP("DetailsPage", "Council briefing"),
    QT_TRANSLATE_NOOP("DetailsPage", "NGO formal submission"),
    QT_TRANSLATE_NOOP("DetailsPage", "Journalist fact sheet"),
    QT_TRANSLATE_NOOP("DetailsPage", "Information request to the operator"),
)


# Whom a report is prepared for: suggestions only (the field takes any text).
RECIPIENTS = (
    QT_TRANSLATE_NOOP("DetailsPage", "City council"),
    QT_TRANSLATE_NOOP("DetailsPage", "A committee of the city council"),
    QT_TRANSLATE_NOOP("DetailsPage", "Data protection authority"),
    QT_TRANSLATE_NOOP("DetailsPage", "Parliament committee"),
    QT_TRANSLATE_NOOP("DetailsPage", "Newsroom"),
)


class DetailsPage(_Page):
    """Title, deployment, operator, place, assessor, organisation, audience and date: free text that
    the engine never reads (every fact it reads is a question)."""

    FIELDS = (
        ("title", QT_TRANSLATE_NOOP("DetailsPage", "&Title of the assessment")),
        ("deployment", QT_TRANSLATE_NOOP("DetailsPage", "&Deployment assessed")),
        ("operator_name", QT_TRANSLATE_NOOP("DetailsPage", "&Operator")),
        ("place", QT_TRANSLATE_NOOP("DetailsPage", "P&lace")),
        ("assessor", QT_TRANSLATE_NOOP("DetailsPage", "Assesso&r")),
        ("organisation", QT_TRANSLATE_NOOP("DetailsPage", "Organ&isation")),
    )

    def __init__(self, document: AssessmentDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page:details")
        self.document = document
        self.apply = _Edits(document, self._show_problem)
        self.box.addWidget(heading(self.tr("Assessment details"), self.content))
        self.box.addWidget(
            muted(
                plain_label(
                    self.tr(
                        "Who assesses what, for whom. These details appear on reports; the verdicts never "
                        "depend on them."
                    ),
                    self.content,
                )
            )
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLineEdit] = {}
        self._timers: dict[str, QTimer] = {}
        self._syncing = False
        for name, text in self.FIELDS:
            if name == "deployment":  # a paragraph, not a line: what is proposed, where, for what
                self.deployment = QPlainTextEdit(self.content)
                self.deployment.setObjectName("meta:deployment")
                self.deployment.setTabChangesFocus(True)
                self.deployment.setFixedHeight(self.deployment.fontMetrics().lineSpacing() * 4 + 14)
                self._add_row(form, self.tr(text), self.deployment)
                self._watch_text("deployment", self.deployment)
                continue
            line = QLineEdit(self.content)
            line.setObjectName(f"meta:{name}")
            self._add_row(form, self.tr(text), line)
            self.fields[name] = line
            self._watch(name, line)

        self.audience = quiet_popup(QComboBox(self.content))
        self.audience.setObjectName("meta:audience")
        self.audience.setEditable(True)
        self.audience.addItems([self.tr(a) for a in RECIPIENTS])
        self.audience.setCurrentIndex(-1)
        self._add_row(form, self.tr("Prep&ared for"), self.audience)
        line_edit = self.audience.lineEdit()
        if line_edit is not None:  # always, for an editable combo box
            line_edit.setAccessibleName(self.audience.accessibleName())
            line_edit.setPlaceholderText(self.tr("a council, a committee, a regulator…"))
            self._watch("audience", line_edit)
        self.audience.activated.connect(lambda _index: self._commit("audience"))

        self.date = QLineEdit(self.content)
        self.date.setObjectName("meta:assessment_date")
        self.date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.date.setMaximumWidth(160)
        self._add_row(form, self.tr("Assess&ment date"), self.date)
        self._watch("assessment_date", self.date)
        self.box.addLayout(form)
        self.date_note = muted(
            plain_label(
                self.tr(
                    "Rules are judged as they stand on the assessment date. Without one, today's date "
                    "is used, so a verdict can change when a rule comes into force."
                ),
                self.content,
            )
        )
        self.box.addWidget(self.date_note)
        self.problem = problem_label(self.content)
        self.box.addWidget(self.problem)
        self.box.addStretch(1)

    def _add_row(self, form: QFormLayout, text: str, field: QWidget) -> None:
        label = QLabel(text, self.content)
        label.setBuddy(field)
        field.setAccessibleName(text.replace("&", ""))
        form.addRow(label, field)

    def _watch(self, name: str, line: QLineEdit) -> None:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(TYPING_PAUSE_MS)
        timer.timeout.connect(lambda: self._commit(name))
        self._timers[name] = timer
        line.textEdited.connect(lambda _text: timer.start())
        line.editingFinished.connect(lambda: self._commit(name))

    def _watch_text(self, name: str, edit: QPlainTextEdit) -> None:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(TYPING_PAUSE_MS)
        timer.timeout.connect(lambda: self._commit(name))
        self._timers[name] = timer
        edit.textChanged.connect(lambda: None if self._syncing else timer.start())
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and watched is getattr(self, "deployment", None):
            self._commit("deployment")
        return super().eventFilter(watched, event)  # the scroll area watches its own parts too

    def _text(self, name: str) -> str:
        if name == "deployment":
            return self.deployment.toPlainText()
        if name == "audience":
            return self.audience.currentText()
        if name == "assessment_date":
            return self.date.text()
        return self.fields[name].text()

    def _commit(self, name: str) -> None:
        self._timers[name].stop()
        text = self._text(name)
        value: object = text
        if name == "assessment_date":
            text = text.strip()
            if not text:
                value = None
            else:
                try:
                    value = dt.date.fromisoformat(text)
                except ValueError:
                    self._show_problem(self.tr("Type the date as YYYY-MM-DD, for example 2026-11-23."))
                    return
        self.apply(
            translate("Undo", "details"),
            lambda a: edits.set_metadata(a, **{name: value}),
            merge_key=f"meta:{name}",
        )

    def _show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    def sync(self, assessment: Assessment, view: AnswerView) -> None:
        metadata = assessment.metadata
        for name, line in self.fields.items():
            if line.text() != getattr(metadata, name):
                line.setText(getattr(metadata, name))
        if self.deployment.toPlainText() != metadata.deployment:
            self._syncing = True
            try:
                self.deployment.setPlainText(metadata.deployment)
            finally:
                self._syncing = False
        if self.audience.currentText() != metadata.audience:
            self.audience.setEditText(metadata.audience)
        shown = metadata.assessment_date.isoformat() if metadata.assessment_date else ""
        if self.date.text().strip() != shown:
            try:
                typed = dt.date.fromisoformat(self.date.text().strip()) if self.date.text().strip() else None
            except ValueError:
                typed = object()
            if typed != metadata.assessment_date:
                self.date.setText(shown)

    def focus_widgets(self) -> list[QWidget]:
        title, *others = self.fields.values()
        return [title, self.deployment, *others, self.audience, self.date]

    def flush(self) -> None:
        for name, timer in self._timers.items():
            if timer.isActive():
                self._commit(name)
