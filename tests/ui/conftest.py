"""Every UI test gets its own settings and data folders; a real user's are never read or written.

QSettings (INI, user scope, which is all the window uses) is pointed at a temporary folder, and
platformdirs' user data and config folders too — both through the XDG variables that subprocesses
inherit and by patching the functions the window calls.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import platformdirs
import pytest
from helpers import FIXTURES, MINI, SOURCES, fixture_library
from PySide6.QtCore import QSettings

LADDER = FIXTURES / "rulebook-ladder.yaml"
LIBRARY_FILES = (SOURCES, MINI, LADDER)
TODAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    config, data = home / "config", home / "data"
    config.mkdir()
    data.mkdir()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(config))
        QSettings.setPath(QSettings.Format.NativeFormat, scope, str(config))

    def user_data_dir(appname: str | None = None, *args: object, **kwargs: object) -> str:
        return str(data / (appname or ""))

    def user_config_dir(appname: str | None = None, *args: object, **kwargs: object) -> str:
        return str(config / (appname or ""))

    monkeypatch.setattr(platformdirs, "user_data_dir", user_data_dir)
    monkeypatch.setattr(platformdirs, "user_config_dir", user_config_dir)
    return home


@pytest.fixture(scope="session")
def library():  # type: ignore[no-untyped-def]
    return fixture_library(LADDER)


@pytest.fixture
def make_window(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Builds real main windows (fake prompts, isolated folders) and closes them after the test.

    The windows are not handed to qtbot: it would close them before this fixture's teardown, and a
    window with unsaved work would then wait for an answer to "save changes?" from a real dialog.
    """
    from pia_wizard.ui.main_window import MainWindow

    made: list[MainWindow] = []

    def make(library, files=LIBRARY_FILES, **kwargs):  # type: ignore[no-untyped-def]
        examples = tmp_path / "examples"
        examples.mkdir(exist_ok=True)
        options = {"today": lambda: TODAY, "examples_dir": examples, **kwargs}
        win = MainWindow(library, library_files=files, **options)
        win.prompts = FakePrompts()
        win.show()
        qtbot.waitExposed(win)
        made.append(win)
        return win

    yield make
    for win in made:
        try:
            win.prompts = FakePrompts()
            win.close()
            win.deleteLater()
        except RuntimeError:  # already deleted
            pass


@pytest.fixture
def window(make_window, library):  # type: ignore[no-untyped-def]
    """The real main window on the mini questionnaire and the ladder rulebook, a new assessment open."""
    win = make_window(library)
    win.new_assessment("mini")
    return win


WIDGETS = Path(__file__).parent / "fixtures" / "widgets.yaml"


@pytest.fixture
def window_widgets(make_window):  # type: ignore[no-untyped-def]
    """The window on a questionnaire with required questions, help, a drop-down and a text box."""
    win = make_window(fixture_library(WIDGETS), files=(SOURCES, MINI, WIDGETS))
    win.new_assessment("widgets")
    return win


class FakePrompts:
    """Answers the window's questions the way a test says, and records what it was told."""

    def __init__(self) -> None:
        self.open_answer: Path | None = None
        self.save_answers: list[Path | None] = []
        self.scenario_answer: str | None = None
        self.use_name_answer: str | None = None
        self.unsaved_answer = "discard"
        self.restore_answer = "restore"
        self.asked: list[str] = []
        self.errors: list[tuple[str, str, str]] = []
        self.infos: list[tuple[str, str, str]] = []

    def open_path(self, folder: str) -> Path | None:
        self.asked.append("open")
        return self.open_answer

    def scenario_name(self) -> str | None:
        self.asked.append("scenario-name")
        return self.scenario_answer

    def use_name(self, title: str, current: str = "") -> str | None:
        self.asked.append(f"use-name:{title}:{current}")
        return self.use_name_answer

    def save_path(self, suggested: Path) -> Path | None:
        self.asked.append(f"save:{suggested.name}")
        return self.save_answers.pop(0) if self.save_answers else None

    def choose_questionnaire(self, titles: dict[str, str]) -> str | None:
        return next(iter(titles))

    def unsaved_changes(self, name: str) -> str:
        self.asked.append(f"unsaved:{name}")
        return self.unsaved_answer

    def restore(self, title: str, saved_at: str) -> str:
        self.asked.append(f"restore:{title}")
        return self.restore_answer

    def confirm(self, title: str, text: str) -> bool:
        return True

    def open_file(self, path: Path) -> bool:
        self.asked.append(f"open-file:{path.name}")
        return True

    def error(self, title: str, text: str, details: str = "") -> None:
        self.errors.append((title, text, details))

    def info(self, title: str, text: str, details: str = "") -> None:
        self.infos.append((title, text, details))
