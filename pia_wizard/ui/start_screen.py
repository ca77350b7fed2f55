"""The start screen: a new assessment, a file, a recent file or an example.

Shown when the window opens without a file and after an assessment is closed. File names are shown
as plain text; a recent file that has gone is shown as missing rather than hidden.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pia_wizard.ui.text import plain_tooltip, shown_name
from pia_wizard.ui.widgets import heading, muted, plain_label, quiet_popup

PATH_ROLE = Qt.ItemDataRole.UserRole
CONTENT_WIDTH = 860
MAX_TITLE_READ = 2 * 1024 * 1024


def example_info(path: Path) -> tuple[str, str]:
    """An example's title (else its file name in words) and what it shows: its description of the
    deployment, whole, without the fiction notice every example carries (the list says it once)."""
    fallback = shown_name(path).removesuffix(".pia.json").replace("-", " ").capitalize()
    try:
        if path.stat().st_size > MAX_TITLE_READ:
            return fallback, ""
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return fallback, ""
    metadata = data.get("metadata") if isinstance(data, dict) else None
    if not isinstance(metadata, dict):
        return fallback, ""
    title, about = metadata.get("title"), metadata.get("deployment")
    title = title.strip()[:200] if isinstance(title, str) and title.strip() else fallback
    about = about.strip() if isinstance(about, str) else ""
    about = about.removesuffix(FICTION_NOTICE).strip()[:400]
    return title, about


# The sentence tools/build_examples.py ends every example's description with.
FICTION_NOTICE = "Fictional example for pia-wizard; it describes no real deployment."


class StartScreen(QScrollArea):
    new_requested = Signal(str)  # questionnaire id
    open_requested = Signal()
    path_chosen = Signal(object, bool)  # Path, is an example
    clear_recent_requested = Signal()

    def __init__(self, questionnaires: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startScreen")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        outer = QWidget(self)
        centre = QHBoxLayout(outer)
        content = QWidget(outer)
        content.setMaximumWidth(CONTENT_WIDTH)
        centre.addStretch(1)
        centre.addWidget(content, 8)
        centre.addStretch(1)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 36, 24, 24)
        layout.setSpacing(14)

        layout.addWidget(heading("pia-wizard", content, 1.8))
        layout.addWidget(
            plain_label(
                self.tr(
                    "Judge a proposed biometric surveillance deployment before it is bought or switched "
                    "on: answer what you know, mark what is not disclosed, and see at once which red lines "
                    "and tests it meets — and why."
                ),
                content,
            )
        )

        actions = QGridLayout()
        actions.setHorizontalSpacing(12)
        actions.setVerticalSpacing(8)
        self.new_button = QPushButton(self.tr("&New assessment"), content)
        self.new_button.setObjectName("newButton")
        self.new_button.setAccessibleName(self.tr("New assessment"))
        self.new_button.setDefault(True)
        self.new_button.clicked.connect(self._new)
        self.questionnaire = quiet_popup(QComboBox(content))
        self.questionnaire.setObjectName("questionnaireChoice")
        for qid, title in questionnaires.items():
            self.questionnaire.addItem(title, qid)
        questionnaire_label = QLabel(self.tr("&Questionnaire:"), content)
        questionnaire_label.setBuddy(self.questionnaire)
        self.questionnaire.setAccessibleName(self.tr("Questionnaire:"))
        self.open_button = QPushButton(self.tr("&Open a file…"), content)
        self.open_button.setObjectName("openButton")
        self.open_button.setAccessibleName(self.tr("Open a file…"))
        self.open_button.setToolTip(
            plain_tooltip(
                self.tr(
                    "An assessment (.pia.json), or a PDF report made by pia-wizard: the assessment "
                    "embedded in the report opens as a new document."
                )
            )
        )
        self.open_button.clicked.connect(self.open_requested)
        actions.addWidget(self.new_button, 0, 0)
        actions.addWidget(questionnaire_label, 0, 1)
        actions.addWidget(self.questionnaire, 0, 2)
        actions.addWidget(self.open_button, 1, 0)
        actions.setColumnStretch(3, 1)
        layout.addLayout(actions)
        if len(questionnaires) < 2:  # nothing to choose: say which one, without a control
            questionnaire_label.hide()
            self.questionnaire.hide()

        lists = QHBoxLayout()
        lists.setSpacing(18)
        recent_box = QVBoxLayout()
        recent_label = QLabel(self.tr("&Recent files"), content)
        recent_label.setFont(heading("", content, 1.05).font())
        self.recent = QListWidget(content)
        self.recent.setObjectName("recentList")
        self.recent.setAccessibleName(self.tr("Recent files"))
        self.recent.itemActivated.connect(lambda item: self._chosen(item, example=False))
        recent_label.setBuddy(self.recent)
        self.recent_empty = muted(plain_label(self.tr("No recent files."), content))
        self.clear_recent = QPushButton(self.tr("&Clear recent files"), content)
        self.clear_recent.setObjectName("clearRecentButton")
        self.clear_recent.setAccessibleName(self.tr("Clear recent files"))
        self.clear_recent.clicked.connect(self.clear_recent_requested)
        recent_box.addWidget(recent_label)
        recent_box.addWidget(self.recent, 1)
        recent_box.addWidget(self.recent_empty)
        recent_row = QHBoxLayout()
        recent_row.addWidget(self.clear_recent)
        recent_row.addStretch(1)
        recent_box.addLayout(recent_row)
        recent_box.addStretch(1)

        examples_box = QVBoxLayout()
        examples_label = QLabel(self.tr("E&xamples (fictional; they open read-only)"), content)
        examples_label.setFont(recent_label.font())
        self.examples = QListWidget(content)
        self.examples.setObjectName("exampleList")
        self.examples.setAccessibleName(self.tr("Examples (fictional; they open read-only)"))
        self.examples.setSpacing(4)
        self.examples.itemActivated.connect(lambda item: self._chosen(item, example=True))
        examples_label.setBuddy(self.examples)
        self.examples_empty = muted(plain_label(self.tr("No examples are installed."), content))
        examples_box.addWidget(examples_label)
        examples_box.addWidget(self.examples, 1)
        examples_box.addWidget(self.examples_empty)
        examples_box.addStretch(1)
        for box in (self.recent, self.examples):
            box.setWordWrap(True)
            box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            box.setMinimumHeight(box.fontMetrics().lineSpacing() * 19)
            box.setMaximumHeight(box.fontMetrics().lineSpacing() * 24 + 8)
        self.examples.setMaximumHeight(self.examples.fontMetrics().lineSpacing() * 36 + 8)  # 3 lines each

        lists.addLayout(recent_box, 1)
        lists.addLayout(examples_box, 1)
        layout.addSpacing(8)
        layout.addLayout(lists, 1)
        layout.addWidget(
            muted(
                plain_label(
                    self.tr(
                        "Your work is copied every 30 seconds to a recovery file that is deleted when you "
                        "close the window normally. Notes marked private never leave this computer in an "
                        "export."
                    ),
                    content,
                )
            )
        )
        self.setWidget(outer)

    def _new(self) -> None:
        qid = self.questionnaire.currentData()
        if qid is not None:
            self.new_requested.emit(qid)

    def _chosen(self, item: QListWidgetItem, *, example: bool) -> None:
        path = item.data(PATH_ROLE)
        if isinstance(path, str):
            self.path_chosen.emit(Path(path), example)

    def set_recent(self, paths: list[Path]) -> None:
        self.recent.clear()
        for path in paths:
            missing = not path.exists()
            text = shown_name(path) + (" " + self.tr("(missing)") if missing else "")
            item = QListWidgetItem(text)
            item.setData(PATH_ROLE, str(path))
            item.setToolTip(plain_tooltip(str(path)))
            self.recent.addItem(item)
        self.recent.setVisible(bool(paths))
        self.recent_empty.setVisible(not paths)
        self.clear_recent.setEnabled(bool(paths))

    def set_examples(self, paths: list[Path]) -> None:
        self.examples.clear()
        infos = sorted(((*example_info(p), p) for p in paths), key=lambda t: t[0].casefold())
        for title, about, path in infos:
            item = QListWidgetItem(f"{title}\n{about}" if about else title)
            item.setData(PATH_ROLE, str(path))
            item.setToolTip(plain_tooltip(str(path)))
            self.examples.addItem(item)
        self.examples.setVisible(bool(paths))
        self.examples_empty.setVisible(not paths)

    def focus_widgets(self) -> list[QWidget]:
        return [
            self.new_button,
            self.questionnaire,
            self.open_button,
            self.recent,
            self.clear_recent,
            self.examples,
        ]
