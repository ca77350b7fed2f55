"""A file written for an older questionnaire version, opened in the real window: a dismissible notice
says what changed and links each new question; saving writes today's version (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import SOURCES
from migration_fixtures import V1_ANSWERS, mini_v1_file, mini_v3_files
from PySide6.QtWidgets import QLabel

from pia_wizard.core.load.library import check_files
from pia_wizard.ui.migration_notice import MigrationNotice
from pia_wizard.ui.widgets import LinkButton

from .helpers_ui import click


def test_the_notice_says_what_changed_links_new_questions_and_saving_writes_todays_version(
    make_window, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    questionnaire, migrations = mini_v3_files(tmp_path)
    library, report = check_files([SOURCES, questionnaire, migrations])
    assert report.problems == []
    window = make_window(library, files=(SOURCES, questionnaire, migrations))
    path = mini_v1_file(tmp_path, V1_ANSWERS)
    before = path.read_bytes()
    assert window.open_path(path)
    assert window.prompts.errors == [] and window.prompts.infos == []  # a notice, not a dialog
    notice = window.editor.findChild(MigrationNotice, "migrationNotice")
    assert notice is not None and notice.isVisible()
    text = notice.findChild(QLabel, "migrationText").text()
    assert "written for version 1.0 of the questionnaire; they are shown under version 3" in text
    assert "Dropped: “When” is no longer asked: the rules never used it." in text
    assert "New questions to answer (1):" in text
    assert "q_" not in text
    links = [w for w in notice.findChildren(LinkButton) if w.isVisible()]
    assert [link.full_text for link in links] == ["“Something new”"]
    click(qtbot, links[0])
    assert window.current_section == "s_a"
    assert window.document.modified  # the file on disk is still version 1.0
    click(qtbot, notice.close_button)
    assert not notice.isVisible()
    assert window.save()
    assert json.loads(path.read_text(encoding="utf-8"))["questionnaire"]["version"] == "3"
    assert path.with_name(path.name + ".bak").read_bytes() == before
    assert not window.document.modified


def test_a_file_at_todays_version_shows_no_notice(make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    questionnaire, migrations = mini_v3_files(tmp_path)
    library, _report = check_files([SOURCES, questionnaire, migrations])
    window = make_window(library, files=(SOURCES, questionnaire, migrations))
    assert window.open_path(mini_v1_file(tmp_path, {"q_words": {"value": "x"}}, version="3"))
    notice = window.editor.findChild(MigrationNotice, "migrationNotice")
    assert not notice.isVisible()
    assert not window.document.modified
