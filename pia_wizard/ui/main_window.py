"""The main window: start screen, then three panes — sections, the current section's questions, and
the live verdicts — with files, undo, autosave and recovery, export and preferences.

The window is data-driven: it takes a library (questionnaires, rulebooks, sources, glossary) and
builds everything from it. It never computes a verdict: after every edit it asks `evaluate` (see
evaluator.py) and shows what comes back. Navigation is free; "Next" goes to the next section the core
shows (Ctrl+PgDn), "Previous" to the one before (Ctrl+PgUp).
"""

from __future__ import annotations

import datetime as dt
import itertools
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressDialog,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from pia_wizard.core.answers.edits import set_metadata
from pia_wizard.core.answers.questionnaire_versions import QuestionnaireMigration
from pia_wizard.core.answers.uses import (
    UseError,
    add_use,
    remove_use,
    rename_use,
    use_count,
    use_names,
    use_view,
)
from pia_wizard.core.evaluation.results import Evaluation
from pia_wizard.core.files.atomic_file import SaveError, remove_stale_temps
from pia_wizard.core.files.problems import LoadError
from pia_wizard.core.files.resources import data_dir
from pia_wizard.core.load.assessment_io import assessment_bytes, load_assessment_file, save_assessment
from pia_wizard.core.load.library import Library
from pia_wizard.core.load.loading import ASSESSMENT_SUFFIX
from pia_wizard.core.models.questionnaire import GroupQuestion
from pia_wizard.core.rules.visibility import AnswerView
from pia_wizard.ui import settings
from pia_wizard.ui.app_icon import app_icon
from pia_wizard.ui.document import AssessmentDocument
from pia_wizard.ui.edges import edge_style
from pia_wizard.ui.evaluator import Evaluator
from pia_wizard.ui.focus_ring import FocusRing
from pia_wizard.ui.language import ensure_language, installed_language, long_date
from pia_wizard.ui.migration_notice import MigrationNotice
from pia_wizard.ui.prompts import MAX_PROBLEMS_SHOWN, Prompts, back_to, problems_text
from pia_wizard.ui.question_card import QUESTION_KEYS, QuestionCard
from pia_wizard.ui.recovery import AUTOSAVE_MS, RecoverySession, orphans, recovery_folder
from pia_wizard.ui.search import SearchBox
from pia_wizard.ui.section_list import DETAILS, SectionList
from pia_wizard.ui.section_page import DetailsPage, SectionPage, _Page
from pia_wizard.ui.start_screen import StartScreen
from pia_wizard.ui.text import Texts, shown_name, upper_first
from pia_wizard.ui.use_bar import UseBar
from pia_wizard.ui.verdict_pane import VerdictPane
from pia_wizard.ui.widgets import plain_label, scaled_font

# Dialogs and the export are imported when first used: they are not needed to show the window.
if TYPE_CHECKING:
    from pia_wizard.core.models.assessment import Assessment
    from pia_wizard.core.rules.compiled import CompiledQuestionnaire
    from pia_wizard.ui.export import ExportJob, ExportWorker
    from pia_wizard.ui.export_worker import ExportRequest
    from pia_wizard.ui.review_panel import ReviewPanel
    from pia_wizard.ui.sources_dialog import SourcesDialog
    from pia_wizard.ui.summary import SummaryDialog

APP_TITLE = "pia-wizard"
HIGHLIGHT_MS = 1600
MAX_TITLE_NAME = 80  # characters of a title kept in a proposed file name
REMOVED_MESSAGE_MS = 15_000  # long enough to read, notice and reach for Undo
MAX_SCENARIO_NAME = 120  # characters of a counterfactual's changes kept in a scenario's name


def file_name_from_title(title: str) -> str:
    """A title as a file name on every system: no folders, reserved characters or trailing dots."""
    cleaned = "".join("-" if ch in '/\\:*?"<>|' or ord(ch) < 32 else ch for ch in title)
    cleaned = " ".join(cleaned.split()).strip(" .")[:MAX_TITLE_NAME].rstrip(" .")
    return cleaned or "assessment"


def examples_folder() -> Path | None:
    try:
        return data_dir("examples")
    except FileNotFoundError:
        return None


class Editor(QWidget):
    """The three panes for one document."""

    def __init__(
        self, window: MainWindow, document: AssessmentDocument, texts: Texts, has_rulebooks: bool
    ) -> None:
        super().__init__(window)
        self.setObjectName("editor")
        self.section_list = SectionList(document.compiled, texts, self)
        self.section_list.setMinimumWidth(200)
        sections_label = QLabel(self.tr("&Sections"), self)
        sections_label.setObjectName("sectionsLabel")
        sections_label.setFont(scaled_font(sections_label, 1.2, bold=True))
        sections_label.setBuddy(self.section_list)
        left = QWidget(self)
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(8, 16, 0, 0)
        left_box.setSpacing(8)
        self.search = SearchBox(document.compiled, texts, window.library.glossary, left)
        self.sections_label = sections_label
        self.search.searching.connect(self._searching)
        left_box.addWidget(self.search, 0)
        left_box.addWidget(sections_label)
        left_box.addWidget(self.section_list, 1)
        self.pages = QStackedWidget(self)
        arrows = self.style()
        self.previous_button = QPushButton(
            arrows.standardIcon(QStyle.StandardPixmap.SP_ArrowBack), self.tr("&Previous"), self
        )
        self.previous_button.setObjectName("previousButton")
        self.previous_button.setAccessibleName(self.tr("Previous section"))
        self.previous_button.setToolTip(self.tr("Previous section (Ctrl+PgUp)"))
        self.next_button = QPushButton(
            arrows.standardIcon(QStyle.StandardPixmap.SP_ArrowForward), self.tr("&Next"), self
        )
        self.next_button.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the arrow after the word
        self.next_button.setObjectName("nextButton")
        self.next_button.setAccessibleName(self.tr("Next section"))
        self.next_button.setToolTip(self.tr("Next section (Ctrl+PgDn)"))
        nav = QHBoxLayout()
        nav.setContentsMargins(20, 6, 20, 10)
        nav.addWidget(self.previous_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        centre = QWidget(self)
        centre_box = QVBoxLayout(centre)
        centre_box.setContentsMargins(0, 0, 0, 0)
        centre_box.setSpacing(0)
        self.use_bar = UseBar(centre)
        centre_box.addWidget(self.use_bar)
        centre_box.addWidget(self.pages, 1)
        centre_box.addLayout(nav)
        self.verdicts = VerdictPane(texts, has_rulebooks, self, window.library.glossary)
        self.verdicts.setMinimumWidth(260)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(centre)
        splitter.addWidget(self.verdicts)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        splitter.setSizes([235, 665, 380])
        self.splitter = splitter
        self.example_banner = self._example_banner(window)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.migration_notice = MigrationNotice(self)
        layout.addWidget(self.example_banner)
        layout.addWidget(self.migration_notice)
        layout.addWidget(splitter, 1)

    def _searching(self, on: bool) -> None:
        """While results show, they take the section list's place (both would not fit)."""
        self.sections_label.setVisible(not on)
        self.section_list.setVisible(not on)

    def _example_banner(self, window: MainWindow) -> QFrame:
        """Said inside the window, where the person works: an example's file never changes, and
        what they try in it is kept only by saving a new file (the title bar alone went unseen)."""
        banner = QFrame(self)
        banner.setObjectName("exampleBanner")
        # Fixed colours for both background and text, so the contrast holds in light and dark themes.
        banner.setStyleSheet(
            "QFrame#exampleBanner { background: #fff4ce; border-bottom: 1px solid #c8a400; }"
            " QFrame#exampleBanner QLabel { color: #3d2e00; }"
        )
        banner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        text = plain_label(
            self.tr(
                "This is an example, opened read-only: its file never changes. You can try other "
                "answers here; to keep them, save them as a new file of your own."
            ),
            banner,
        )
        text.setObjectName("exampleBannerText")
        button = QPushButton(self.tr("Save as a new file…"), banner)
        button.setObjectName("exampleSaveAs")
        button.clicked.connect(window.save_as)
        row = QHBoxLayout(banner)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(text, 1)
        row.addWidget(button)
        banner.setAccessibleName(text.text())
        banner.hide()
        return banner


class MainWindow(QMainWindow):
    def __init__(
        self,
        library: Library,
        *,
        library_files: Sequence[Path] | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        examples_dir: Path | None = None,
        data_folder: Path | None = None,
        autosave_ms: int = AUTOSAVE_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.library = library
        self.library_files = tuple(str(p) for p in library_files) if library_files is not None else None
        self.today = today
        self.examples_dir = examples_dir if examples_dir is not None else examples_folder()
        self.data_folder = data_folder
        self.autosave_ms = autosave_ms
        self.scenario_windows: list[MainWindow] = []  # opened by "Try this as a scenario"
        self._review_panel: ReviewPanel | None = None
        self.preferences = settings.load_preferences()
        # Start-up (launch.py) installs the language before the first window; a window made otherwise
        # (a test, the screenshots) gets the preferred one here, so that even English has its plurals.
        ensure_language(self.preferences.language)
        # The questionnaire's words follow the window's: both change when the program next starts.
        self.language = installed_language() or self.preferences.language
        self.prompts = Prompts(self)
        self.document: AssessmentDocument | None = None
        self.editor: Editor | None = None
        self.page: _Page | None = None
        self.current_section = ""
        self.evaluator: Evaluator | None = None
        self.evaluation: Evaluation | None = None
        self.export_job: ExportJob | None = None
        self.export_worker: ExportWorker | None = None  # started when the export dialog first opens
        self._export_choices: dict[str, object] | None = None  # the last export's, offered again
        self.progress_dialog: QProgressDialog | None = None
        self._sources_dialog: SourcesDialog | None = None
        self._summary_dialog: SummaryDialog | None = None
        self._guide: QWidget | None = None
        self._last_autosaved: bytes | None = None
        self._unhighlight: Callable[[], None] | None = None
        self._last_question = ""
        self._sources_menu: QMenu | None = None

        self.undo_group = QUndoGroup(self)
        self.stack = QStackedWidget(self)
        titles = {
            qid: Texts(c, self.language)(c.questionnaire.title) for qid, c in library.questionnaires.items()
        }
        self.start_screen = StartScreen(titles, self.stack)
        self.start_screen.new_requested.connect(self.new_assessment)
        self.start_screen.open_requested.connect(self.open_dialog)
        self.start_screen.path_chosen.connect(lambda path, _example: self.open_path(path))
        self.start_screen.clear_recent_requested.connect(self.clear_recent)
        self.stack.addWidget(self.start_screen)
        self.setCentralWidget(self.stack)
        self.focus_ring = FocusRing(self)
        self.setStyleSheet(edge_style(self.palette()))  # "" unless a dark palette hides edges

        self.recovery = RecoverySession(recovery_folder(data_folder or settings.user_data_dir()))
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(autosave_ms)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()

        self._make_actions()
        self._make_menus()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._remember_question)
        self._make_status_undo()
        self.setWindowIcon(app_icon())
        self.old_rules_notice = self._notice_old_rules()
        self.resize(1280, 800)
        geometry = settings.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)  # Qt moves it back onto a screen that is there now
        self.show_start()

    # ------------------------------------------------------------------------------------- actions

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
        name: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        if name:
            action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.new_action = self._action(
            self.tr("&New assessment"), self.new_assessment, QKeySequence(key.New), "newAction"
        )
        self.open_action = self._action(
            self.tr("&Open…"), self.open_dialog, QKeySequence(key.Open), "openAction"
        )
        self.save_action = self._action(self.tr("&Save"), self.save, QKeySequence(key.Save), "saveAction")
        self.save_as_action = self._action(
            self.tr("Save &As…"), self.save_as, QKeySequence(key.SaveAs), "saveAsAction"
        )
        if self.save_as_action.shortcut().isEmpty():  # not every platform defines one
            self.save_as_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.export_action = self._action(
            self.tr("&Export report…"), self.export_report, QKeySequence("Ctrl+E"), "exportAction"
        )
        self.print_action = self._action(
            self.tr("&Print a report…"), self.print_report, QKeySequence(key.Print), "printAction"
        )
        self.guide_action = self._action(
            self.tr("&User guide"), self.show_guide, QKeySequence(key.HelpContents), "guideAction"
        )
        self.close_action = self._action(
            self.tr("&Close assessment"), self.close_assessment, QKeySequence(key.Close), "closeAction"
        )
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence(key.Quit), "quitAction")
        if self.quit_action.shortcut().isEmpty():
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence(key.Undo))
        self.undo_action.setObjectName("undoAction")
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence(key.Redo))
        self.redo_action.setObjectName("redoAction")
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.details_action = self._action(
            self.tr("Assessment &details"), lambda: self.go_to_section(DETAILS), None, "detailsAction"
        )
        self.preferences_action = self._action(
            self.tr("&Preferences…"),
            self.edit_preferences,
            QKeySequence(key.Preferences),
            "preferencesAction",
        )
        self.previous_action = self._action(
            self.tr("&Previous section"), self.previous_section, QKeySequence("Ctrl+PgUp"), "previousAction"
        )
        self.next_action = self._action(
            self.tr("&Next section"), self.next_section, QKeySequence("Ctrl+PgDown"), "nextAction"
        )
        self.unanswered_action = self._action(
            self.tr("Next &unanswered question"),
            self.next_unanswered,
            QKeySequence("Ctrl+J"),
            "unansweredAction",
        )
        self.sources_action = self._action(
            self.tr("&Sources and glossary"), lambda: self.open_source(""), None, "sourcesAction"
        )
        self.summary_action = self._action(
            self.tr("Summar&y of the assessment"),
            self.show_summary,
            QKeySequence("Ctrl+Shift+Y"),
            "summaryAction",
        )
        # The Question menu: what a question's rarer buttons do, on keys, for the question with the focus.
        self.question_actions = {
            "unknown": self._action(
                self.tr("&Unknown / not disclosed"),
                lambda: self._on_question(lambda card: card.unknown.click() or True),
                QKeySequence(QUESTION_KEYS["unknown"]),
                "unknownAction",
            ),
            "clear": self._action(
                self.tr("&Clear the answer"),
                lambda: self._on_question(QuestionCard.clear_answer, self.tr("This question has no answer.")),
                QKeySequence(QUESTION_KEYS["clear"]),
                "clearAction",
            ),
            "help": self._action(
                self.tr("Show or hide its &help"),
                lambda: self._on_question(QuestionCard.toggle_help, self.tr("This question has no help.")),
                QKeySequence(QUESTION_KEYS["help"]),
                "questionHelpAction",
            ),
            "note": self._action(
                self.tr("&Note and evidence"),
                lambda: self._on_question(lambda card: card.toggle_note() or True),
                QKeySequence(QUESTION_KEYS["note"]),
                "noteAction",
            ),
            "sources": self._action(
                self.tr("&Sources of the question…"),
                lambda: self._on_question(self._sources_of, self.tr("This question cites no source.")),
                QKeySequence(QUESTION_KEYS["sources"]),
                "questionSourcesAction",
            ),
        }
        self.find_action = self._action(
            self.tr("&Find in the questionnaire…"), self.start_search, QKeySequence(key.Find), "findAction"
        )
        self.about_action = self._action(self.tr("&About pia-wizard"), self.about, None, "aboutAction")
        self.compare_action = self._action(
            self.tr("Co&mpare with…"), self.compare_with, None, "compareAction"
        )
        self.scenario_action = self._action(
            self.tr("Save as scenar&io…"), self.save_as_scenario, None, "scenarioAction"
        )
        self.review_action = self._action(
            self.tr("Re&view and sign-off…"), self.show_review, None, "reviewAction"
        )
        self.clear_recent_action = self._action(
            self.tr("&Clear recent files"), self.clear_recent, None, "clearRecentAction"
        )

    def _make_status_undo(self) -> None:
        """An Undo button beside the status bar's message that says an answer was removed."""
        bar = self.statusBar()
        self.status_undo = QPushButton(self.tr("Undo"), bar)
        self.status_undo.setObjectName("statusUndo")
        self.status_undo.setAccessibleName(self.tr("Undo: bring the removed answer back"))
        self.status_undo.hide()
        self.status_undo.clicked.connect(self._undo_removal)
        bar.addPermanentWidget(self.status_undo)
        bar.messageChanged.connect(lambda text: text or self.status_undo.hide())
        self._removal_index = -1

    def _answer_removed(self, message: str) -> None:
        if self.document is None:
            return
        self._removal_index = self.document.undo_stack.index()
        self.statusBar().showMessage(message, REMOVED_MESSAGE_MS)
        self.status_undo.show()

    def _undo_removal(self) -> None:
        """Undo the removal, if it is still the last step (never some later edit)."""
        document = self.document
        self.status_undo.hide()
        if document is None or document.undo_stack.index() != self._removal_index:
            self.statusBar().showMessage(self.tr("Use Edit › Undo: other changes came after it."), 6000)
            return
        document.undo_stack.undo()
        self.statusBar().showMessage(self.tr("The answer is back."), 4000)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addMenu(self.recent_menu)
        self.examples_menu = QMenu(self.tr("Open E&xample"), self)
        self.examples_menu.aboutToShow.connect(self._fill_examples_menu)
        file_menu.addMenu(self.examples_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.save_as_action)
        file_menu.addAction(self.scenario_action)
        file_menu.addAction(self.compare_action)
        file_menu.addAction(self.review_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.print_action)
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.details_action)
        edit_menu.addAction(self.preferences_action)
        go_menu = bar.addMenu(self.tr("&Go"))
        go_menu.addAction(self.previous_action)
        go_menu.addAction(self.next_action)
        go_menu.addAction(self.unanswered_action)
        go_menu.addSeparator()
        go_menu.addAction(self.summary_action)
        question_menu = bar.addMenu(self.tr("&Question"))
        question_menu.setObjectName("questionMenu")
        for action in self.question_actions.values():
            question_menu.addAction(action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.sources_action)
        help_menu.addAction(self.about_action)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = settings.recent_files()
        for path in paths:
            action = self.recent_menu.addAction(shown_name(path))
            action.setToolTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if not paths:
            empty = self.recent_menu.addAction(self.tr("No recent files"))
            empty.setEnabled(False)
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.clear_recent_action)
        self.clear_recent_action.setEnabled(bool(paths))

    def example_paths(self) -> list[Path]:
        if self.examples_dir is None or not self.examples_dir.is_dir():
            return []
        return sorted(self.examples_dir.glob(f"*{ASSESSMENT_SUFFIX}"))

    def _fill_examples_menu(self) -> None:
        self.examples_menu.clear()
        paths = self.example_paths()
        for path in paths:
            action = self.examples_menu.addAction(shown_name(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if not paths:
            self.examples_menu.addAction(self.tr("No examples are installed")).setEnabled(False)

    def _update_actions(self) -> None:
        has = self.document is not None
        for action in (
            self.save_action,
            self.save_as_action,
            self.export_action,
            self.print_action,
            self.close_action,
            self.details_action,
            self.find_action,
            self.summary_action,
            self.review_action,
            *self.question_actions.values(),
        ):
            action.setEnabled(has)
        self.previous_action.setEnabled(has and self._neighbour(-1) is not None)
        self.next_action.setEnabled(has and self._neighbour(+1) is not None)
        if self.editor is not None:
            self.editor.previous_button.setEnabled(self.previous_action.isEnabled())
            self.editor.next_button.setEnabled(self.next_action.isEnabled())

    # -------------------------------------------------------------------------------- documents

    def is_example(self, path: Path) -> bool:
        if self.examples_dir is None:
            return False
        try:
            return path.resolve().is_relative_to(self.examples_dir.resolve())
        except OSError:
            return False

    def show_start(self) -> None:
        self.start_screen.set_recent(settings.recent_files())
        self.start_screen.set_examples(self.example_paths())
        self.stack.setCurrentWidget(self.start_screen)
        self._update_title()
        self._update_actions()

    def new_assessment(self, questionnaire_id: str | None = None) -> bool:
        if not self.maybe_save():
            return False
        ids = list(self.library.questionnaires)
        if not ids:
            self.prompts.error(self.tr("No questionnaire"), self.tr("No questionnaire is installed."))
            return False
        if questionnaire_id is None:
            if len(ids) == 1:
                questionnaire_id = ids[0]
            else:
                titles = {
                    qid: Texts(c, self.language)(c.questionnaire.title)
                    for qid, c in self.library.questionnaires.items()
                }
                questionnaire_id = self.prompts.choose_questionnaire(titles)
                if questionnaire_id is None:
                    return False
        document = AssessmentDocument.new(self.library.questionnaires[questionnaire_id], self)
        from pia_wizard.ui.export import recipient_of

        # The default audience may name a kind of report (it also picks the export's template): only a
        # recipient is copied into "Prepared for".
        if recipient_of(self.preferences.default_audience):
            document.assessment = set_metadata(
                document.assessment, audience=self.preferences.default_audience
            )
        self._set_document(document)
        return True

    def open_dialog(self) -> bool:
        folder = settings.last_folder()
        path = self.prompts.open_path(folder)
        return self.open_path(path) if path is not None else False

    def open_path(self, path: Path) -> bool:
        """Open an assessment file; on a problem, say what it is and leave everything as it was."""
        if not self.maybe_save():
            return False
        if path.suffix.lower() == ".pdf":
            return self.open_report(path)
        try:
            loaded = load_assessment_file(path, self.library)
        except LoadError as exc:
            text, details = problems_text(path, [str(p) for p in exc.problems])
            self.prompts.error(self.tr("Cannot open file"), text, details)
            return False
        document = AssessmentDocument(
            loaded.questionnaire, loaded.assessment, path, read_only=self.is_example(path), parent=self
        )
        self._set_document(document)
        self._tell_migration(loaded.migration, document)
        if not document.read_only:
            settings.add_recent_file(path)
            remove_stale_temps(path)  # what a save killed mid-write left beside it (saving does too)
        settings.set_last_folder(path.parent)
        # A stale approval is shown where the review is (verdict pane, review panel), not as unused answers.
        unused = [w.message for w in loaded.warnings if not (w.pointer or "").startswith("/review")]
        if unused:
            self._tell_unused_answers(path, unused)
        return True

    def _tell_migration(
        self, migration: QuestionnaireMigration | None, document: AssessmentDocument, *, has_file: bool = True
    ) -> None:
        """Answers written for an older questionnaire version: a notice above the panes (not a dialog),
        and the document counts as changed until it is saved at today's version."""
        if migration is None or self.editor is None:
            return
        self.editor.migration_notice.show_migration(migration, document.compiled, has_file=has_file)
        if not document.read_only:
            document.mark_unsaved()
            self._update_title()

    def _tell_unused_answers(self, path: Path, messages: list[str]) -> None:
        """Answers to questions that earlier answers hide stay in the file but count for nothing:
        say so once, on opening, naming each question (a warning icon; the file is open)."""
        shown = messages[:MAX_PROBLEMS_SHOWN]
        lines = [
            self.tr("Some answers in “%1” are kept but not used:").replace("%1", shown_name(path)),
            *(f"• {m}" for m in shown),
        ]
        if len(messages) > len(shown):
            lines.append(
                self.tr("… and %1 more (see the details).").replace("%1", str(len(messages) - len(shown)))
            )
        lines.append(
            self.tr(
                "Earlier answers skip these questions. The answers stay in the file and count again if "
                "those earlier answers change."
            )
        )
        self.prompts.error(self.tr("Answers not used"), "\n".join(lines), "\n".join(messages))

    def open_report(self, path: Path) -> bool:
        """Open the assessment embedded in a report PDF as a new, unsaved document (saved under a new
        name, never over the PDF), saying where it came from and whether the fingerprint holds."""
        from pia_wizard.report.reopen import check_report_file

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            check = check_report_file(path, self.library)
        finally:
            QApplication.restoreOverrideCursor()
        if check.assessment is None or check.compiled is None:
            text, details = problems_text(path, check.problems)
            self.prompts.error(self.tr("Cannot open file"), text, details)
            return False
        document = AssessmentDocument(check.compiled, check.assessment, None, parent=self)
        document.mark_unsaved()
        self._set_document(document)
        self._tell_migration(check.migration, document, has_file=False)
        settings.set_last_folder(path.parent)
        name = shown_name(path)
        if check.fingerprint_holds:
            fingerprint = self.tr(
                "Its fingerprint holds: these are the answers the report was made from (SHA-256 %1…)."
            ).replace("%1", check.fingerprint[:16])
        else:
            fingerprint = self.tr(
                "Its fingerprint does NOT hold: these answers may not be the ones the report shows."
            )
        if check.changes:
            verdicts = self.tr("With today's rulebooks some verdicts differ from the report's (see details).")
        elif check.problems:
            verdicts = ""
        else:
            verdicts = self.tr("Today's rulebooks give the same verdicts as the report.")
        signature = check.signature
        signed = " ".join(line[0].upper() + line[1:] + "." for line in signature.lines())
        lines = [
            self.tr("Opened the assessment embedded in the report “%1”.").replace("%1", name),
            signed,
            fingerprint,
            verdicts,
            self.tr(
                "It is a new document: save it under a name of its own. A report carries only what its "
                "author let leave: private notes, and anything left out of the report, are not in it."
            ),
        ]
        trusted = check.fingerprint_holds and not (signature.altered or signature.later_update)
        tell = self.prompts.info if trusted else self.prompts.error  # a warning icon
        tell(
            self.tr("Opened from a report"),
            "\n\n".join(line for line in lines if line),
            "\n".join(check.problems or [check.fingerprint_line(), *check.changes]),
        )
        return True

    def close_assessment(self) -> bool:
        if not self.maybe_save():
            return False
        self._drop_document()
        self.show_start()
        return True

    def _drop_document(self) -> None:
        if self.document is not None:
            self.undo_group.removeStack(self.document.undo_stack)
            self.document.deleteLater()
        self.document = None
        if self.evaluator is not None:
            self.evaluator.shutdown()
            self.evaluator.deleteLater()
            self.evaluator = None
        if self.editor is not None:
            settings.save_pane_widths(self.editor.splitter.saveState())
            self.stack.removeWidget(self.editor)
            self.editor.deleteLater()
        self.editor = None
        self.page = None
        self.current_section = ""
        if self._summary_dialog is not None:
            self._summary_dialog.hide()
        if self._review_panel is not None:
            self._review_panel.close()
            self._review_panel.deleteLater()
            self._review_panel = None
        self.evaluation = None
        self.recovery.discard()
        self._last_autosaved = None

    def _set_document(self, document: AssessmentDocument) -> None:
        self._drop_document()
        self.document = document
        compiled = document.compiled
        texts = Texts(
            compiled,
            self.language,
            {s.id: s.name(self.language) for s in self.library.sources.sources if s.short},
        )
        self.texts = texts
        rulebooks = [b for b in self.library.rulebooks.values() if b.questionnaire == compiled.id]
        self.rulebooks = rulebooks
        self.evaluator = Evaluator(compiled, rulebooks, self.library.sources, self.today, self.language, self)
        self.evaluator.evaluated.connect(self._show_evaluation)
        self.evaluator.exploring.connect(lambda: self.editor and self.editor.verdicts.show_updating())
        self.evaluator.explored.connect(self._show_explored)
        self.evaluator.failed.connect(lambda message: self.statusBar().showMessage(message, 10_000))
        self.editor = Editor(self, document, texts, bool(rulebooks))
        panes = settings.pane_widths()
        if panes is not None:
            self.editor.splitter.restoreState(panes)
        self.editor.section_list.section_chosen.connect(self.go_to_section)
        self.editor.previous_button.clicked.connect(self.previous_section)
        self.editor.next_button.clicked.connect(self.next_section)
        self.editor.verdicts.go_to.connect(self.go_to_question)
        self.editor.verdicts.open_term.connect(self.open_term)
        self.editor.migration_notice.go_to.connect(self.go_to_question)
        self.editor.verdicts.summary_button.clicked.connect(self.show_summary)
        self.editor.verdicts.review_button.clicked.connect(self.show_review)
        self.editor.verdicts.try_scenario.connect(self.try_scenario)
        self.editor.search.question_chosen.connect(self.go_to_question)
        self.editor.search.term_chosen.connect(self.open_term)
        self.editor.use_bar.add_requested.connect(lambda: self.add_use())
        self.editor.use_bar.rename_requested.connect(lambda: self.rename_use())
        self.editor.use_bar.remove_requested.connect(self.remove_use)
        self.editor.use_bar.use_chosen.connect(self.choose_use)
        self.stack.addWidget(self.editor)
        self.stack.setCurrentWidget(self.editor)
        self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)
        document.undo_stack.cleanChanged.connect(self._clean_changed)
        document.changed.connect(self._on_changed)
        document.answer_removed.connect(self._answer_removed)
        self._on_changed(document.assessment)
        first = next((s for s in compiled.sections if not self.editor.section_list.is_skipped(s)), DETAILS)
        self.go_to_section(first)
        self._update_title()

    def _clean_changed(self, _clean: bool) -> None:
        self._update_title()

    def _on_changed(self, assessment: object) -> None:
        document, editor = self.document, self.editor
        if document is None or editor is None or self.evaluator is None:
            return
        shown = document.view  # the use shown, when the assessment describes several
        view = AnswerView(document.compiled, shown.answers)
        editor.section_list.update_state(shown, view)
        editor.use_bar.sync(document)
        if self.page is not None:
            self.page.sync(shown, view)
        self.evaluator.request(document.assessment)
        self._show_review_line()
        self._update_title()
        self._update_actions()
        self._fix_tab_order()

    def _show_evaluation(self, evaluation: Evaluation) -> None:
        self.evaluation = evaluation
        if self.editor is None or self.document is None or self.evaluator is None:
            return
        _date, own = self.evaluator.evaluation_date(self.document.assessment)
        if own:
            note = self.tr("Judged as the rules stand on %1, the assessment date.")
        else:
            note = self.tr("Judged as the rules stand today, %1 (no assessment date set).")
        self.editor.verdicts.show_evaluation(evaluation, note.replace("%1", long_date(evaluation.date)))
        self._refresh_summary()

    def _show_explored(self, evaluation: Evaluation) -> None:
        if self.editor is not None:
            self.editor.verdicts.show_explored(evaluation)
            self._fix_tab_order()
        self._refresh_summary()

    def show_summary(self) -> None:
        """The assessment on one page: verdicts, decisive reasons, their answers, the main gaps."""
        if self.document is None:
            return
        if self._summary_dialog is None:
            from pia_wizard.ui.summary import SummaryDialog

            self._summary_dialog = SummaryDialog(self)
        self._summary_dialog.show()
        self._refresh_summary()
        self._summary_dialog.raise_()
        self._summary_dialog.activateWindow()

    def _show_review_line(self) -> None:
        """The review's status in the verdict pane: an approval that no longer covers the answers
        says so at once, and is current again when the change is undone."""
        from pia_wizard.core.answers.review import review_state
        from pia_wizard.report.approval_signing import check_step
        from pia_wizard.ui.language import long_date
        from pia_wizard.ui.text import review_line, review_signature_line

        document, editor = self.document, self.editor
        if document is None or editor is None:
            return
        state = review_state(document.assessment)
        last = state.last
        text = review_line(
            state.status,
            state.current,
            last.by if last else "",
            long_date(last.date) if last else "",
        )
        signature = check_step(last)
        signed = review_signature_line(signature)
        if signed:
            text = f"{text} {signed}"
        stale = state.approval is not None and not state.current
        editor.verdicts.show_review(text, stale=stale or signature.state == "invalid")

    def show_review(self) -> None:
        """Review › Review and sign-off…: steps, comments on answers, approve and the other statuses."""
        document = self.document
        if document is None:
            return
        if self._review_panel is None:
            from pia_wizard.ui.review_panel import ReviewPanel

            self._review_panel = ReviewPanel(
                document, self.texts, self.today, self._question_with_focus, self
            )
            self._review_panel.go_to.connect(self.go_to_question)
        self._review_panel.refresh()
        self._review_panel.show()
        self._review_panel.raise_()
        self._review_panel.activateWindow()

    def try_scenario(self, counterfactual: object) -> MainWindow | None:
        """ "Try this as a scenario": a copy of the open assessment with the counterfactual's changes
        made, linked to it, opened unsaved in a window of its own beside this one. This window, its
        assessment and its unsaved changes stay exactly as they were."""
        from pia_wizard.core.evaluation.results import Counterfactual
        from pia_wizard.core.work.scenarios import counterfactual_scenario

        document = self.document
        if document is None or not isinstance(counterfactual, Counterfactual):
            return None
        self.flush()
        changes = counterfactual.changes
        words = "; ".join(
            self.texts.change(c.question, c.value, c.unknown, c.evidence_level) for c in changes
        )
        name = words[:MAX_SCENARIO_NAME].rstrip() + ("…" if len(words) > MAX_SCENARIO_NAME else "")
        origin = document.path.name if document.path is not None else None
        try:
            scenario = counterfactual_scenario(
                document.compiled,
                document.assessment,
                counterfactual.changes,
                name,
                origin,
                counterfactual.use,
            )
        except ValueError as exc:  # an EditError: the change cannot be made to these answers
            self.prompts.error(self.tr("Cannot try this"), str(exc))
            return None
        window = MainWindow(
            self.library,
            library_files=self.library_files,
            today=self.today,
            examples_dir=self.examples_dir,
            data_folder=self.data_folder,
            autosave_ms=self.autosave_ms,
        )
        window.open_scenario(document.compiled, scenario, name)
        if counterfactual.use:  # several uses: show the use the change was made to
            window.choose_use(use_names(document.compiled, scenario).index(counterfactual.use))
        window.resize(self.size())
        frame = self.frameGeometry()
        window.move(frame.x() + frame.width() // 2, frame.y() + 40)  # beside, the original still in view
        window.show()
        window.raise_()
        window.activateWindow()
        self.scenario_windows.append(window)
        self.statusBar().showMessage(
            self.tr("Opened the scenario “%1” in a new window; this assessment is unchanged.").replace(
                "%1", name
            ),
            10_000,
        )
        return window

    def open_scenario(self, compiled: CompiledQuestionnaire, scenario: Assessment, name: str) -> None:
        """Show a scenario made from another window's assessment: new and unsaved, until saved."""
        document = AssessmentDocument(compiled, scenario, None, parent=self)
        document.mark_unsaved()
        self._set_document(document)
        self.statusBar().showMessage(
            self.tr("Scenario “%1”, not saved yet. File › Compare with… shows what it changes.").replace(
                "%1", name
            )
        )

    def _refresh_summary(self) -> None:
        dialog, document, evaluator = self._summary_dialog, self.document, self.evaluator
        if dialog is None or not dialog.isVisible() or document is None or evaluator is None:
            return
        if evaluator.latest is None:
            return
        from pia_wizard.ui.summary import summary_html

        explored = None if evaluator.busy else evaluator.latest_explored
        dialog.show_summary(
            summary_html(document.compiled, self.texts, document.assessment, evaluator.latest, explored)
        )

    # ---------------------------------------------------------------------------------- uses

    def choose_use(self, index: int) -> None:
        """Show another use: its answers to the questions asked for each use (typing kept first)."""
        if self.document is None:
            return
        if self.page is not None:
            self.page.flush()
        self.document.show_use(index)

    def add_use(self, name: str | None = None) -> bool:
        """Add a use of the system (one undo step) and show it; its per-use questions start open."""
        document = self.document
        if document is None:
            return False
        name = name if name is not None else self.prompts.use_name(self.tr("Add another use"))
        if name is None:
            return False
        if self.page is not None:
            self.page.flush()
        try:
            done = document.edit_whole(
                self.tr("Add the use “%1”").replace("%1", name.strip()),
                lambda a: add_use(document.compiled, a, name),
            )
        except UseError as exc:
            self.statusBar().showMessage(upper_first(str(exc)), 8000)
            return False
        if done:
            self.choose_use(use_count(document.assessment) - 1)
        return done

    def rename_use(self, name: str | None = None) -> bool:
        document = self.document
        if document is None:
            return False
        index = document.use_index
        current = use_names(document.compiled, document.assessment)[index]
        name = name if name is not None else self.prompts.use_name(self.tr("Rename this use"), current)
        if name is None:
            return False
        try:
            return document.edit_whole(
                self.tr("Rename the use “%1”").replace("%1", current),
                lambda a: rename_use(document.compiled, a, index, name),
            )
        except UseError as exc:
            self.statusBar().showMessage(upper_first(str(exc)), 8000)
            return False

    def remove_use(self) -> bool:
        """Remove the use shown with its own answers; Edit › Undo brings it back."""
        document = self.document
        if document is None or not document.assessment.uses:
            return False
        index = document.use_index
        name = use_names(document.compiled, document.assessment)[index]
        if self.page is not None:
            self.page.flush()
        done = document.edit_whole(
            self.tr("Remove the use “%1”").replace("%1", name),
            lambda a: remove_use(document.compiled, a, index),
        )
        if done:
            document.show_use(max(0, index - 1))
            self._answer_removed(self.tr("Removed the use “%1” and its answers.").replace("%1", name))
        return done

    # ------------------------------------------------------------------------------ navigation

    def section_order(self) -> list[str]:
        """The details page, then the sections the core shows, in questionnaire order."""
        if self.document is None or self.editor is None:
            return []
        shown = [s for s in self.document.compiled.sections if not self.editor.section_list.is_skipped(s)]
        return [DETAILS, *shown]

    def _neighbour(self, step: int) -> str | None:
        order = self.section_order()
        if not order:
            return None
        if self.current_section in order:
            index = order.index(self.current_section) + step
        else:  # on a skipped section: the next shown one in questionnaire order
            all_ids = [DETAILS, *self.document.compiled.sections] if self.document else []
            position = all_ids.index(self.current_section) if self.current_section in all_ids else 0
            later = [s for s in order if all_ids.index(s) > position]
            earlier = [s for s in order if all_ids.index(s) < position]
            return (later[0] if later else None) if step > 0 else (earlier[-1] if earlier else None)
        return order[index] if 0 <= index < len(order) else None

    def next_section(self) -> None:
        target = self._neighbour(+1)
        if target is not None:
            self.go_to_section(target, focus=True)

    def previous_section(self) -> None:
        target = self._neighbour(-1)
        if target is not None:
            self.go_to_section(target, focus=True)

    def go_to_section(self, section_id: str, *, focus: bool = False) -> None:
        document, editor = self.document, self.editor
        if document is None or editor is None:
            return
        if section_id != self.current_section or self.page is None:
            if self.page is not None:
                self.page.flush()
            if section_id == DETAILS:
                page: _Page = DetailsPage(document, editor.pages)
            else:
                section = document.compiled.sections[section_id]
                number = list(document.compiled.sections).index(section_id) + 1
                page = SectionPage(section, number, self.texts, document, self.open_source, editor.pages)
            page.structure_changed.connect(self._fix_tab_order)
            old = self.page
            editor.pages.addWidget(page)
            editor.pages.setCurrentWidget(page)
            if old is not None:
                editor.pages.removeWidget(old)
                old.deleteLater()
            self.page = page
            self.current_section = section_id
            asks_per_use = section_id != DETAILS and any(
                document.compiled.entries[q.id].question.per_use
                for q in document.compiled.sections[section_id].questions
            )
            editor.use_bar.sync(document, relevant=asks_per_use)
            page.sync(document.view, AnswerView(document.compiled, document.view.answers))
        if editor.section_list.is_skipped(section_id):
            editor.section_list.clearSelection()
        else:
            editor.section_list.select(section_id)
        self._update_actions()
        self._fix_tab_order()
        if focus:
            widgets = [w for w in self.page.focus_widgets() if w.isVisibleTo(self.page)]
            if widgets:
                widgets[0].setFocus(Qt.FocusReason.OtherFocusReason)
            self.page.verticalScrollBar().setValue(0)

    def go_to_question(self, question_id: str) -> None:
        """Open the question's section, scroll to it, focus it and mark it for a moment."""
        document = self.document
        if document is None or question_id not in document.compiled.entries:
            return
        entry = document.compiled.entries[question_id]
        target = entry.group.id if entry.group is not None else question_id
        self.go_to_section(entry.section.id)
        page = self.page
        if not isinstance(page, SectionPage):
            return
        card = page.show_question(target)
        if card is None:
            return
        QApplication.processEvents()  # lay the page out before scrolling to the card
        page.ensureWidgetVisible(card, 0, 24)
        focusable = [w for w in card.focus_widgets() if w.isVisibleTo(card)]
        if focusable:
            focusable[0].setFocus(Qt.FocusReason.OtherFocusReason)
        if self._unhighlight is not None:
            self._unhighlight()
        card.highlight(True)

        def unhighlight(card=card) -> None:
            try:
                card.highlight(False)
            except RuntimeError:  # the page was closed meanwhile
                pass

        self._unhighlight = unhighlight
        QTimer.singleShot(HIGHLIGHT_MS, unhighlight)

    def unanswered_questions(self) -> list[str]:
        """The shown questions that have no answer (not even "unknown"), in questionnaire order."""
        document = self.document
        if document is None:
            return []
        view = AnswerView(document.compiled, document.view.answers)
        answers = document.view.answers
        return [
            qid
            for qid, entry in document.compiled.entries.items()
            if entry.group is None
            and view.question_visible(qid)
            and not (qid in answers and answers[qid].answered)
        ]

    def next_unanswered(self) -> None:
        """Focus the first question without an answer after the one being answered (Go menu, Ctrl+J):
        one key instead of the 5–8 Tab stops a question's own buttons and links take."""
        document = self.document
        if document is None:
            return
        self.flush()
        open_ = self.unanswered_questions()
        if not open_:
            self.statusBar().showMessage(self.tr("Every shown question has an answer."), 8000)
            return
        order = list(document.compiled.entries)
        here = self._question_with_focus()
        after = [q for q in open_ if here is None or order.index(q) > order.index(here)]
        self.go_to_question((after or open_)[0])

    def _remember_question(self, _old: QWidget | None, now: QWidget | None) -> None:
        """The question last worked on: the Question menu's keys act on it, even from the menu bar."""
        while now is not None and not isinstance(now, QuestionCard):
            now = now.parentWidget()
        if isinstance(now, QuestionCard) and now.window() is self:
            self._last_question = now.question_id

    def _on_question(self, act: Callable[[QuestionCard], bool], nothing: str = "") -> None:
        """Run a Question menu action on the question with the focus (or the last one that had it)."""
        page = self.page
        card = page.cards.get(self._last_question) if isinstance(page, SectionPage) else None
        if card is None or not card.isVisibleTo(page):
            self.statusBar().showMessage(
                self.tr("First put the focus on a question: Ctrl+J goes to the next one without an answer."),
                8000,
            )
            return
        if not act(card) and nothing:
            self.statusBar().showMessage(nothing, 6000)

    def _sources_of(self, card: QuestionCard) -> bool:
        menu = card.sources_menu(self)
        if menu is None:
            return False
        self._sources_menu = menu  # kept while it shows
        anchor = card.source_buttons[0]
        menu.popup(anchor.mapToGlobal(anchor.rect().bottomLeft()))
        return True

    def _question_with_focus(self) -> str | None:
        widget = QApplication.focusWidget()
        while widget is not None and not isinstance(widget, QuestionCard):
            widget = widget.parentWidget()
        if isinstance(widget, QuestionCard):
            return widget.question_id
        if isinstance(self.page, SectionPage) and self.page.cards:  # from the section list: this section
            first = next(iter(self.page.cards))
            order = list(self.document.compiled.entries) if self.document else []
            return order[order.index(first) - 1] if order.index(first) > 0 else None
        return None

    def _fix_tab_order(self) -> None:
        """Tab follows the screen: sections, the page's inputs, Previous / Next, the verdicts."""
        editor = self.editor
        if editor is None or self.page is None:
            return
        chain: list[QWidget] = [
            editor.search.field,
            editor.search.results,
            editor.section_list,
            *self.page.focus_widgets(),
            editor.previous_button,
            editor.next_button,
            *editor.verdicts.focus_widgets(),
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ----------------------------------------------------------------------------------- saving

    def _display_name(self) -> str:
        document = self.document
        if document is None:
            return ""
        if document.path is None:
            return document.assessment.metadata.title or self.tr("Untitled assessment")
        return shown_name(document.path)

    def _update_title(self) -> None:
        document = self.document
        if document is None:
            self.setWindowTitle(APP_TITLE)
            self.setWindowModified(False)
            return
        name = self._display_name()
        if document.read_only:
            name = self.tr("%1 (example, read-only)").replace("%1", name)
        self.setWindowTitle(f"{name}[*] — {APP_TITLE}")
        self.setWindowModified(document.modified)
        if self.editor is not None:
            self.editor.example_banner.setVisible(document.read_only)

    def flush(self) -> None:
        if self.page is not None:
            self.page.flush()

    def save(self) -> bool:
        document = self.document
        if document is None:
            return False
        self.flush()
        if document.path is None or document.read_only:
            return self.save_as()
        return self._write(document.path)

    def save_as(self) -> bool:
        document = self.document
        if document is None:
            return False
        self.flush()
        folder = Path(settings.last_folder() or Path.home())
        if document.path is not None and not document.read_only:
            suggested = document.path
        else:
            suggested = folder / self.suggested_file_name()
        path = self.prompts.save_path(suggested)
        if path is None:
            return False
        if not path.name.lower().endswith(ASSESSMENT_SUFFIX):
            path = path.with_name(path.name.removesuffix(".json") + ASSESSMENT_SUFFIX)
        if self.is_example(path):
            self.prompts.error(
                self.tr("Cannot save here"),
                self.tr("The examples are read-only. Choose a folder of your own for your copy."),
            )
            return False
        return self._write(path)

    def compare_with(self, path: Path | None = None) -> bool:
        """File › Compare with…: the open assessment (A, as it stands) beside a file or report PDF (B)."""
        from pia_wizard.ui.compare_dialog import comparison_for

        document = self.document
        if document is None:
            return False
        self.flush()
        path = path or self.prompts.open_path(settings.last_folder())
        if path is None:
            return False
        date, _own = self.evaluator.evaluation_date(document.assessment) if self.evaluator else (None, False)
        result = comparison_for(
            self.library,
            document.compiled,
            document.assessment,
            self.document_name(),
            path,
            date,
            self.language,
        )
        if isinstance(result, str):
            self.prompts.error(self.tr("Cannot compare"), result)
            return False
        from pia_wizard.ui.compare_dialog import CompareDialog

        dialog = CompareDialog(result, self)
        dialog.go_to.connect(self.go_to_question)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.compare_dialog = dialog
        dialog.show()
        return True

    def document_name(self) -> str:
        document = self.document
        if document is not None and document.path is not None:
            return document.path.name
        return self.tr("(not saved)")

    def save_as_scenario(self, name: str | None = None) -> bool:
        """A copy of the open assessment, named by the person and linked to it, saved as a file of its
        own; the original stays open (File › Compare with… shows what the scenario changes)."""
        from pia_wizard.core.work.scenarios import make_scenario

        document = self.document
        if document is None:
            return False
        self.flush()
        name = name if name is not None else self.prompts.scenario_name()
        if not name or not name.strip():
            return False
        origin = document.path.name if document.path is not None else None
        scenario = make_scenario(document.assessment, name, origin)
        folder = (
            document.path.parent
            if document.path and not document.read_only
            else Path(settings.last_folder() or Path.home())
        )
        path = self.prompts.save_path(
            folder / (file_name_from_title(scenario.metadata.title) + ASSESSMENT_SUFFIX)
        )
        if path is None:
            return False
        if not path.name.lower().endswith(ASSESSMENT_SUFFIX):
            path = path.with_name(path.name.removesuffix(".json") + ASSESSMENT_SUFFIX)
        if self.is_example(path) or (document.path is not None and path == document.path):
            self.prompts.error(
                self.tr("Cannot save here"),
                self.tr("Choose another file: a scenario never replaces its origin or an example."),
            )
            return False
        try:
            save_assessment(path, scenario)
        except SaveError as exc:
            self.prompts.error(self.tr("Cannot save"), str(exc))
            return False
        self.last_scenario = path
        self.statusBar().showMessage(
            self.tr("Saved the scenario “%1” as %2. File › Compare with… shows what it changes.")
            .replace("%1", " ".join(name.split()))
            .replace("%2", path.name),
            10_000,
        )
        return True

    def suggested_file_name(self) -> str:
        """The assessment's title as a file name ("Market square cameras.pia.json"), else the file's
        own name, else "assessment.pia.json"."""
        document = self.document
        title = document.assessment.metadata.title.strip() if document is not None else ""
        if title:
            return file_name_from_title(title) + ASSESSMENT_SUFFIX
        if document is not None and document.path is not None:
            return document.path.name
        return self.tr("assessment") + ASSESSMENT_SUFFIX

    def _write(self, path: Path) -> bool:
        document = self.document
        if document is None:
            return False
        try:
            save_assessment(path, document.assessment)
        except SaveError as exc:
            self.prompts.error(self.tr("Cannot save"), str(exc))
            return False
        document.mark_saved(path)
        self.recovery.discard()
        self._last_autosaved = None
        settings.add_recent_file(path)
        settings.set_last_folder(path.parent)
        self._update_title()
        self.statusBar().showMessage(self.tr("Saved to %1").replace("%1", str(path)), 5000)
        return True

    def maybe_save(self) -> bool:
        """Before the document goes away: True when it may (saved, discarded, or nothing to save)."""
        document = self.document
        if document is None:
            return True
        self.flush()
        if not document.modified:
            return True
        answer = self.prompts.unsaved_changes(self._display_name())
        if answer == "save":
            return self.save()
        return answer == "discard"

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        if self.export_job is not None and self.export_job.running:
            self.export_job.cancel()
        if self.export_worker is not None:
            self.export_worker.stop()
        self._drop_document()
        settings.save_window_geometry(self.saveGeometry())
        self.autosave_timer.stop()
        self.recovery.close()
        event.accept()

    # --------------------------------------------------------------------------------- recovery

    def autosave(self) -> bool:
        """Copy unsaved work to the recovery file; True when a copy was written."""
        document = self.document
        if document is None:
            return False
        self.flush()
        if not document.modified:
            if self.recovery.has_copy():
                self.recovery.discard()
                self._last_autosaved = None
            return False
        content = assessment_bytes(document.assessment)
        if content == self._last_autosaved:
            return False
        try:
            self.recovery.write(
                content, original=document.path, read_only=document.read_only, title=self._display_name()
            )
        except (SaveError, OSError) as exc:
            self.statusBar().showMessage(
                self.tr("Could not write the recovery copy: %1").replace("%1", str(exc)), 10_000
            )
            return False
        self._last_autosaved = content
        return True

    def offer_recovery(self) -> bool:
        """After a crash: offer each recovery copy left behind; True when one was restored."""
        for orphan in orphans(self.recovery.folder):
            title = orphan.title or (
                shown_name(orphan.original) if orphan.original else self.tr("Untitled assessment")
            )
            choice = self.prompts.restore(title, orphan.saved_at)
            if choice == "discard":
                orphan.discard()
                continue
            if choice == "later":
                orphan.release()
                continue
            if not self.maybe_save():
                orphan.release()
                return False
            try:
                loaded = load_assessment_file(orphan.data_path, self.library)
            except LoadError as exc:
                text, details = problems_text(orphan.data_path, [str(p) for p in exc.problems])
                self.prompts.error(self.tr("Cannot restore"), text, details)
                orphan.release()
                continue
            document = AssessmentDocument(
                loaded.questionnaire,
                loaded.assessment,
                orphan.original,
                read_only=orphan.read_only,
                parent=self,
            )
            document.mark_unsaved()
            self._set_document(document)
            orphan.discard()
            self.autosave()
            return True
        return False

    def clear_recent(self) -> None:
        settings.clear_recent_files()
        self.start_screen.set_recent([])
        self.statusBar().showMessage(self.tr("Recent files cleared."), 4000)

    # ----------------------------------------------------------------------------- other dialogs

    def show_guide(self) -> None:
        """Help › User guide: the guide shipped with the program, read here, offline."""
        if self._guide is None:
            from pia_wizard.ui.guide import GuideDialog

            self._guide = GuideDialog(self)
        self._guide.show()
        self._guide.raise_()
        self._guide.activateWindow()

    def start_search(self) -> None:
        if self.editor is not None:
            self.editor.search.start()

    def open_term(self, term_id: str) -> None:
        """A glossary term found by the search: the glossary, at that term."""
        self.open_source("")
        if self._sources_dialog is not None:
            self._sources_dialog.show_term(term_id)

    def open_source(self, source_id: str) -> None:
        if self._sources_dialog is None:
            from pia_wizard.ui.sources_dialog import SourcesDialog

            self._sources_dialog = SourcesDialog(
                self.library.sources, self.library.glossary, self.language, self
            )
        if source_id:
            self._sources_dialog.show_source(source_id)
        self._sources_dialog.show()
        self._sources_dialog.raise_()
        self._sources_dialog.activateWindow()

    def edit_preferences(self) -> None:
        from pia_wizard.ui.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.preferences, self)
        accepted = dialog.exec() == PreferencesDialog.DialogCode.Accepted
        back_to(self)
        if accepted:
            self.preferences = dialog.preferences()
            settings.save_preferences(self.preferences)

    def about(self) -> None:
        """Help › About: version, licence, the rules' date, where data lives, third-party notices."""
        from pia_wizard.app_info import cache_folder, program_folder
        from pia_wizard.ui.about_dialog import AboutDialog

        places = {
            "settings": Path(settings.qsettings().fileName()),
            "recovery": self.recovery.folder,
            "cache": cache_folder(),
            "program": program_folder(),
        }
        dialog = AboutDialog(self.library, places, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _code: back_to(self))
        dialog.open()

    def _notice_old_rules(self) -> QLabel | None:
        """Once per start, beside the status bar's messages: the rules are more than six months old.
        Not a dialog: the window stays usable, and the reports print the rules' date anyway."""
        from pia_wizard.app_info import old_rules_notice, rules_are_old, rules_as_of

        as_of = rules_as_of(self.library)
        if as_of is None or not rules_are_old(as_of, self.today()):
            return None
        label = QLabel(old_rules_notice(as_of), self.statusBar())
        label.setObjectName("oldRulesNotice")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        self.statusBar().addPermanentWidget(label, 1)
        return label

    # ------------------------------------------------------------------------------------ export

    def missing_required(self) -> list[str]:
        """Required questions left open, in every use (named when there are several)."""
        document = self.document
        if document is None:
            return []
        names = use_names(document.compiled, document.assessment)
        missing = []
        for index, name in enumerate(names):
            view_of_use = use_view(document.compiled, document.assessment, index)
            view = AnswerView(document.compiled, view_of_use.answers)
            for question_id, entry in document.compiled.entries.items():
                question = entry.question
                if entry.group is not None or not question.required or not view.question_visible(question_id):
                    continue
                if index > 0 and question_id not in document.compiled.per_use:
                    continue  # a shared question is asked once
                answer = view_of_use.answers.get(question_id)
                answered = bool(answer and answer.answered)
                if (
                    isinstance(question, GroupQuestion)
                    and answer is not None
                    and isinstance(answer.value, tuple)
                ):
                    answered = len(answer.value) >= max(question.min_items, 1)
                if not answered:
                    label = self.texts.label(question_id)
                    missing.append(label if len(names) == 1 else f"{label} ({name})")
        return missing

    def export_request(
        self,
        output: Path,
        template: str,
        language: str,
        draft: bool,
        *,
        omit: Iterable[str] = (),
        letter: Mapping[str, str | None] | None = None,
        prepared_for: str = "",
        sign: tuple[str, str] | None = None,
    ) -> ExportRequest:
        """What the worker needs for one export: the assessment without private notes, and the choices.
        `sign`: (key file, passphrase) to sign the PDF; the passphrase goes to the worker in memory only."""
        from pia_wizard.core.answers.review import review_state
        from pia_wizard.report.review import has_private_note
        from pia_wizard.ui.export import without_private_notes
        from pia_wizard.ui.export_worker import ExportRequest

        document, evaluator = self.document, self.evaluator
        if document is None or evaluator is None:
            raise RuntimeError("no assessment is open")
        self.flush()
        date, _own = evaluator.evaluation_date(document.assessment)
        shareable = without_private_notes(document.assessment)
        return ExportRequest(
            assessment_json=assessment_bytes(shareable).decode("utf-8"),
            name=self._display_name(),
            output=str(output),
            template=template,
            language=language,
            draft=draft,
            date=date.isoformat(),
            rulebooks=tuple(b.id for b in self.rulebooks),
            library_files=self.library_files,
            options={
                "omit": sorted(set(omit)),
                "letter": dict(letter or {}),
                "prepared_for": prepared_for,
                **({"sign_key": sign[0], "passphrase": sign[1]} if sign else {}),
                # The review is judged over the full assessment, not the copy without private notes.
                "review": {
                    "current": review_state(document.assessment).current,
                    "private_notes": has_private_note(document.assessment),
                },
            },
        )

    def print_report(self) -> None:
        """Print a report: made through the export (so it is the same PDF), then handed to the
        system's PDF viewer to print — the window has no print layout of its own to get wrong."""
        self.export_report(printing=True)

    def export_report(self, *, printing: bool = False) -> None:
        from pia_wizard.ui.export import ExportDialog, available_templates, report_languages

        document = self.document
        if document is None:
            return
        if self.export_job is not None and self.export_job.running:
            self.prompts.info(self.tr("Export running"), self.tr("An export is already running."))
            return
        folder = Path(self.preferences.output_folder or settings.last_folder() or Path.home())
        if printing:
            folder = Path(tempfile.gettempdir()) / "pia-wizard-print"
            folder.mkdir(exist_ok=True)
        stem = (document.path.name.removesuffix(ASSESSMENT_SUFFIX) if document.path else "report") or "report"
        compiled = document.compiled
        languages = report_languages(compiled.questionnaire.default_language, compiled.questionnaire.title)
        dialog = ExportDialog(
            available_templates(),
            languages,
            self.missing_required(),
            folder / f"{stem}.pdf",
            self.preferences.default_audience,
            self,
            previous=self._export_choices,
            today=self.today(),
            printing=printing,
            audience=document.assessment.metadata.audience,
        )
        # Warm up the worker while the person chooses: it imports WeasyPrint and finds the fonts.
        self.ensure_export_worker().ensure_started()
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        choices = dialog.choices()
        self._export_choices = choices
        self.start_export(
            self.export_request(
                Path(str(choices["output"])),
                str(choices["template"]),
                str(choices["language"]),
                bool(choices["draft"]),
                omit=choices["omit"],  # type: ignore[arg-type]
                letter=choices["letter"],  # type: ignore[arg-type]
                prepared_for=str(choices["prepared_for"]),
                sign=dialog.signing(),
            ),
            then_print=printing,
        )

    def ensure_export_worker(self) -> ExportWorker:
        """The window's export worker (kept between exports; its process starts on first use)."""
        from pia_wizard.ui.export import ExportWorker

        if self.export_worker is None:
            self.export_worker = ExportWorker()
        return self.export_worker

    def start_export(self, request: ExportRequest, *, then_print: bool = False) -> ExportJob:
        """Run an export; `then_print`: open the result in the system's viewer to print it."""
        from pia_wizard.ui.export import ExportJob

        job = ExportJob(self.ensure_export_worker(), self)
        self.export_job = job
        progress = QProgressDialog(self.tr("Starting the export…"), self.tr("Cancel"), 0, 100, self)
        progress.setObjectName("exportProgress")
        progress.setWindowTitle(self.tr("Exporting"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setValue(0)
        progress.canceled.connect(job.cancel)
        self.progress_dialog = progress

        def on_progress(fraction: float, text: str) -> None:
            progress.setValue(round(fraction * 100))
            progress.setLabelText(QCoreApplication.translate("Export", text))

        def finish() -> None:
            progress.reset()
            progress.close()
            progress.deleteLater()
            self.progress_dialog = None

        def done(path: str) -> None:
            finish()
            if then_print:
                self.prompts.open_file(Path(path))
                self.statusBar().showMessage(
                    self.tr("The report is open in your PDF viewer: print it from there."), 15_000
                )
                return
            note = ""
            if path.lower().endswith((".html", ".htm")):
                note = "\n" + self.tr("Open it in a web browser to read or print it.")
            elif path.lower().endswith(".json"):
                note = "\n" + self.tr(
                    "PDF reports are not available in this version yet; the evaluation was written as data."
                )
            self.prompts.info(
                self.tr("Export finished"), self.tr("Exported to %1").replace("%1", path) + note
            )

        def failed(message: str) -> None:
            finish()
            self.prompts.error(
                self.tr("Export failed"), self.tr("The report could not be exported."), message
            )

        def cancelled() -> None:
            finish()
            self.statusBar().showMessage(self.tr("Export cancelled."), 4000)

        job.progressed.connect(on_progress)
        job.finished.connect(done)
        job.failed.connect(failed)
        job.cancelled.connect(cancelled)
        progress.open()
        job.start(request)
        return job
