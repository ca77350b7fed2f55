"""A dismissible notice above the panes: the file was written for an older questionnaire version.

Not a dialog: the person can start answering at once, follow a link to each new question, or close
the notice. What it says comes from the core's migration record, in plain words (labels, never ids).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from pia_wizard.core.answers.questionnaire_versions import QuestionnaireMigration, question_label
from pia_wizard.core.rules.compiled import CompiledQuestionnaire
from pia_wizard.ui.widgets import LinkButton, plain_label

NOTICE_STYLE = "QFrame#migrationNotice { border: 1px solid palette(mid); border-radius: 4px; }"
MAX_LINKS = 12  # more new questions than this: the rest are named in one line


class MigrationNotice(QFrame):
    go_to = Signal(str)  # a new question's id, to open it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("migrationNotice")
        self.setStyleSheet(NOTICE_STYLE)
        self.box = QVBoxLayout()
        self.box.setContentsMargins(0, 0, 0, 0)
        self.text = plain_label("", self)
        self.text.setObjectName("migrationText")
        self.text.setWordWrap(True)
        self.box.addWidget(self.text)
        self.links: list[QWidget] = []
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("migrationClose")
        self.close_button.setText("×")
        self.close_button.setAccessibleName(self.tr("Close this notice"))
        self.close_button.setToolTip(self.tr("Close this notice"))
        self.close_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 8, 8)
        row.addLayout(self.box, 1)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_migration(
        self, migration: QuestionnaireMigration, compiled: CompiledQuestionnaire, *, has_file: bool = True
    ) -> None:
        """Say what reading the file under today's questionnaire changed; `has_file` False for answers
        that came from a report (saved under a new name, so no .bak is made)."""
        for link in self.links:
            link.deleteLater()
        self.links = []
        saving = (
            self.tr("Saving writes version %2 (the file as it was is kept beside it as a .bak copy).")
            if has_file
            else self.tr("Saving writes version %2.")
        )
        lines = [
            (
                self.tr(
                    "These answers were written for version %1 of the questionnaire; they are shown "
                    "under version %2."
                )
                + " "
                + saving
            )
            .replace("%1", migration.from_version)
            .replace("%2", migration.to_version),
            *migration.summaries,
            *(self.tr("Dropped: %1").replace("%1", d.text) for d in migration.dropped),
        ]
        new = migration.new_questions
        if new:
            lines.append(self.tr("New questions to answer (%1):").replace("%1", str(len(new))))
        else:
            lines.append(self.tr("No new question needs an answer."))
        self.text.setText("\n".join(lines))
        for question_id in new[:MAX_LINKS]:
            link = LinkButton(question_label(compiled, question_id), self)
            link.clicked.connect(lambda _checked=False, q=question_id: self.go_to.emit(q))
            self.box.addWidget(link)
            self.links.append(link)
        if len(new) > MAX_LINKS:
            rest = plain_label(self.tr("… and %1 more.").replace("%1", str(len(new) - MAX_LINKS)), self)
            self.box.addWidget(rest)
            self.links.append(rest)
        self.show()
