"""Review › Review and sign-off…: where the review stands, its steps, reviewers' comments on answers,
and the buttons that record a step (approve, request changes, …) or add and resolve a comment.

Every change is an edit of the open document (`core/answers/review.py`), so it is undone like any
other and saved with the file. The approval line says whether it still covers the answers, and that
a typed name proves nothing. No accounts, no server: the name is typed, as the assessor's is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pia_wizard.core.answers.review import (
    ReviewError,
    add_comment,
    record_step,
    review_state,
    set_comment_resolved,
)
from pia_wizard.core.rules.visibility import AnswerView
from pia_wizard.report.approval_signing import check_step
from pia_wizard.ui.document import AssessmentDocument
from pia_wizard.ui.language import long_date
from pia_wizard.ui.text import (
    REVIEW_FORGEABLE,
    Texts,
    review_line,
    review_signature_line,
    review_status_in_sentence,
    review_status_name,
    translate,
)
from pia_wizard.ui.widgets import heading, muted, plain_label, problem_label

QUESTION_ROLE = Qt.ItemDataRole.UserRole
INDEX_ROLE = Qt.ItemDataRole.UserRole + 1
# The buttons that record a step: object name, status, label.
STEP_BUTTONS = (
    ("submitButton", "in_review", QT_TRANSLATE_NOOP("Review", "Send for review")),
    ("requestChangesButton", "changes_requested", QT_TRANSLATE_NOOP("Review", "Request changes")),
    ("approveButton", "approved", QT_TRANSLATE_NOOP("Review", "Approve")),
    ("rejectButton", "rejected", QT_TRANSLATE_NOOP("Review", "Reject")),
    ("draftButton", "draft", QT_TRANSLATE_NOOP("Review", "Back to draft")),
)


class ReviewPanel(QDialog):
    go_to = Signal(str)

    def __init__(
        self,
        document: AssessmentDocument,
        texts: Texts,
        today: Callable[[], dt.date],
        current_question: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPanel")
        self.setWindowTitle(self.tr("Review and sign-off"))
        self.document = document
        self.texts = texts
        self.today = today
        self.current_question = current_question

        self.status = plain_label("", self, selectable=True)
        self.status.setObjectName("reviewStatus")
        self.forgeable = muted(plain_label(translate("Review", REVIEW_FORGEABLE), self))
        self.forgeable.setObjectName("reviewForgeable")
        self.signature = plain_label("", self, selectable=True)
        self.signature.setObjectName("reviewSignature")
        self.steps = QListWidget(self)
        self.steps.setObjectName("reviewSteps")
        self.steps.setAccessibleName(self.tr("Review steps"))
        self.steps.setMaximumHeight(110)
        self.steps.setWordWrap(True)

        self.comments = QListWidget(self)
        self.comments.setObjectName("reviewComments")
        self.comments.setAccessibleName(self.tr("Comments on answers"))
        self.comments.setWordWrap(True)
        self.comments.itemSelectionChanged.connect(self._selection_changed)
        self.comments.itemDoubleClicked.connect(lambda _item: self._go())
        self.go_button = QPushButton(self.tr("Go to the question"), self)
        self.go_button.setObjectName("reviewGoButton")
        self.go_button.clicked.connect(self._go)
        self.resolve_button = QPushButton(self.tr("Mark resolved"), self)
        self.resolve_button.setObjectName("resolveButton")
        self.resolve_button.clicked.connect(self._toggle_resolved)
        comment_buttons = QHBoxLayout()
        comment_buttons.addWidget(self.go_button)
        comment_buttons.addWidget(self.resolve_button)
        comment_buttons.addStretch(1)

        self.question = QComboBox(self)
        self.question.setObjectName("commentQuestion")
        self.question.setAccessibleName(self.tr("Question to comment on"))
        self.comment_text = QLineEdit(self)
        self.comment_text.setObjectName("commentText")
        self.comment_text.setPlaceholderText(self.tr("What should be checked or changed in this answer?"))
        self.add_comment_button = QPushButton(self.tr("Add comment"), self)
        self.add_comment_button.setObjectName("addCommentButton")
        self.add_comment_button.clicked.connect(self._add_comment)

        self.name = QLineEdit(self)
        self.name.setObjectName("reviewerName")
        self.name.setPlaceholderText(self.tr("Your name, as it should appear on the approval"))
        self.step_comment = QLineEdit(self)
        self.step_comment.setObjectName("stepComment")
        self.step_comment.setPlaceholderText(self.tr("Why, in a sentence (optional)"))
        form = QFormLayout()
        form.addRow(self.tr("Question:"), self.question)
        form.addRow(self.tr("Comment:"), self.comment_text)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add_comment_button)
        step_form = QFormLayout()
        step_form.addRow(self.tr("Reviewer:"), self.name)
        step_form.addRow(self.tr("Why:"), self.step_comment)
        self.step_buttons: dict[str, QPushButton] = {}
        step_row = QHBoxLayout()
        for name, status, label in STEP_BUTTONS:
            button = QPushButton(translate("Review", label), self)
            button.setObjectName(name)
            button.clicked.connect(lambda _checked=False, s=status: self.record(s))
            self.step_buttons[status] = button
            step_row.addWidget(button)
        self.blocked = muted(plain_label("", self))
        self.blocked.setObjectName("approveBlocked")
        self.problem = problem_label(self)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Review and sign-off"), self, 1.2))
        layout.addWidget(self.status)
        layout.addWidget(self.signature)
        layout.addWidget(self.forgeable)
        layout.addWidget(heading(self.tr("Steps"), self, 1.0))
        layout.addWidget(self.steps)
        layout.addWidget(heading(self.tr("Comments on answers"), self, 1.0))
        layout.addWidget(self.comments, 1)
        layout.addLayout(comment_buttons)
        layout.addLayout(form)
        layout.addLayout(add_row)
        layout.addWidget(heading(self.tr("Record a step"), self, 1.0))
        layout.addLayout(step_form)
        layout.addLayout(step_row)
        layout.addWidget(self.blocked)
        layout.addWidget(self.problem)
        self.resize(620, 640)
        document.changed.connect(lambda _a: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        """Show the review as the document holds it now."""
        assessment = self.document.assessment
        state = review_state(assessment)
        last = state.last
        line = review_line(
            state.status, state.current, last.by if last else "", _date(last.date if last else None)
        )
        self.status.setText(line)
        stale = state.approval is not None and not state.current
        self.status.setStyleSheet("color: #a4262c; font-weight: bold;" if stale else "font-weight: bold;")
        self.forgeable.setVisible(last is not None)
        signature = check_step(last)
        signed = review_signature_line(signature)
        self.signature.setText(signed)
        self.signature.setStyleSheet(
            "color: #a4262c; font-weight: bold;" if signature.state == "invalid" else ""
        )
        self.signature.setVisible(bool(signed))

        self.steps.clear()
        for step in assessment.review.steps if assessment.review else ():
            why = f": {step.comment}" if step.comment else ""
            self.steps.addItem(f"{_date(step.date)} — {review_status_name(step.status)}, {step.by}{why}")
        if self.steps.count() == 0:
            self.steps.addItem(self.tr("No step recorded yet."))

        selected = self._selected_index()
        self.comments.clear()
        for index, comment in enumerate(state.comments):
            mark = self.tr("Resolved") if comment.resolved else self.tr("Open")
            who = f" ({comment.by})" if comment.by else ""
            item = QListWidgetItem(f"{mark} — {self.texts.label(comment.question)}{who}: {comment.text}")
            item.setData(QUESTION_ROLE, comment.question)
            item.setData(INDEX_ROLE, index)
            self.comments.addItem(item)
            if index == selected:
                item.setSelected(True)
        self._selection_changed()

        view = AnswerView(self.document.compiled, assessment.answers)
        wanted = self.question.currentData() or self.current_question()
        self.question.blockSignals(True)
        self.question.clear()
        for question_id in sorted(
            self.document.compiled.entries, key=lambda q: self.document.compiled.order.get(q, 0)
        ):
            entry = self.document.compiled.entries[question_id]
            if entry.group is None and view.question_visible(question_id):
                self.question.addItem(self.texts.label(question_id), question_id)
        found = self.question.findData(wanted)
        self.question.setCurrentIndex(max(found, 0))
        self.question.blockSignals(False)

        still_open = len(state.open_comments)
        self.step_buttons["approved"].setEnabled(still_open == 0)
        if still_open == 1:
            blocked = self.tr(
                "Approve is not available while a comment on an answer is open: resolve it first."
            )
        elif still_open:
            blocked = self.tr(
                "Approve is not available while %1 comments on answers are open: resolve them first."
            ).replace("%1", str(still_open))
        else:
            blocked = ""
        self.blocked.setText(blocked)
        self.blocked.setVisible(bool(still_open))
        read_only = self.document.read_only
        for button in (*self.step_buttons.values(), self.add_comment_button, self.resolve_button):
            button.setEnabled(button.isEnabled() and not read_only)

    def record(self, status: str) -> bool:
        """Record a step over the answers as they are now; the problem label says why not."""
        name, why = self.name.text(), self.step_comment.text()
        try:
            change = record_step(self.document.assessment, status, name, self.today(), why)
        except ReviewError as exc:
            self.problem.setText(_sentence(str(exc)))
            self.problem.show()
            return False
        self.problem.hide()
        text = self.tr("Review: %1").replace("%1", review_status_in_sentence(status))
        self.document.edit(text, lambda _a: change)
        self.step_comment.clear()
        return True

    def _add_comment(self) -> bool:
        question = self.question.currentData()
        try:
            change = add_comment(
                self.document.compiled,
                self.document.assessment,
                question or "",
                self.comment_text.text(),
                self.name.text(),
                self.today(),
            )
        except ReviewError as exc:
            self.problem.setText(_sentence(str(exc)))
            self.problem.show()
            return False
        self.problem.hide()
        self.document.edit(self.tr("Add review comment"), lambda _a: change)
        self.comment_text.clear()
        return True

    def _selected_index(self) -> int | None:
        items = self.comments.selectedItems()
        return items[0].data(INDEX_ROLE) if items else None

    def _selection_changed(self) -> None:
        index = self._selected_index()
        self.go_button.setEnabled(index is not None)
        self.resolve_button.setEnabled(index is not None and not self.document.read_only)
        review = self.document.assessment.review
        if index is not None and review is not None and index < len(review.comments):
            resolved = review.comments[index].resolved
            self.resolve_button.setText(self.tr("Open again") if resolved else self.tr("Mark resolved"))

    def _toggle_resolved(self) -> None:
        index = self._selected_index()
        review = self.document.assessment.review
        if index is None or review is None:
            return
        resolved = not review.comments[index].resolved
        change = set_comment_resolved(self.document.assessment, index, resolved)
        text = self.tr("Resolve review comment") if resolved else self.tr("Open review comment again")
        self.document.edit(text, lambda _a: change)

    def _go(self) -> None:
        items = self.comments.selectedItems()
        if items:
            self.go_to.emit(items[0].data(QUESTION_ROLE))


def _date(day: dt.date | None) -> str:
    return long_date(day) if day is not None else ""


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")
