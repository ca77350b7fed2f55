"""`python -m pia_wizard.ui.screenshots [FOLDER] [--language CODE [--catalogs FOLDER]]`: the window
at 1280×800 for the docs.

Renders the start screen and three shipped examples (offscreen, with settings and recovery files in
a temporary folder, never the user's) into FOLDER (default docs/screenshots/) in English, and the same
in every other language the window has a catalog for into FOLDER/<language>/ (docs/screenshots/de/),
and writes `inputs.json` in each: a SHA-256 over the window's code and catalogs, the questionnaires
and rulebooks, and the examples shown. tests/ui/test_screenshots.py reports the screenshots as stale
when that changes. With --language, only that language, into FOLDER itself; --catalogs takes its
catalog from another folder (the pseudo-language of tools/pseudo_translate.py, to look for clipped text).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SIZE = (1280, 800)
RECORD = "inputs.json"
FALLBACK_DATE = dt.date(2026, 11, 23)
# Three verdict pictures: a police van (red lines), a shop's shared watchlist, a phone unlocking.
EXAMPLES = ("police-lfr-van-football", "supermarket-shared-watchlist", "phone-face-unlock")


def input_files(root: Path = ROOT) -> list[Path]:
    """What the screenshots show depends on: the window's code, the questionnaire files, the examples."""
    files = sorted((root / "pia_wizard" / "ui").glob("*.py"))
    files += sorted((root / "pia_wizard" / "ui" / "i18n").glob("*.ts"))
    files += sorted((root / "questionnaires").rglob("*.yaml"))
    files += [root / "examples" / f"{name}.pia.json" for name in EXAMPLES]
    return [f for f in files if f.is_file()]


def inputs_digest(root: Path = ROOT) -> str:
    digest = hashlib.sha256()
    for path in input_files(root):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def record(root: Path = ROOT) -> dict[str, object]:
    return {
        "sha256": inputs_digest(root),
        "files": [p.relative_to(root).as_posix() for p in input_files(root)],
        "size": list(SIZE),
        "command": "python -m pia_wizard.ui.screenshots docs/screenshots",
    }


def _settle(app, seconds: float = 0.0) -> None:  # type: ignore[no-untyped-def]
    import time

    end = time.monotonic() + seconds
    while True:
        app.processEvents()
        if time.monotonic() >= end:
            return
        time.sleep(0.01)


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m pia_wizard.ui.screenshots")
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--language", help="only this language, into FOLDER itself")
    parser.add_argument("--catalogs", type=Path, help="the folder holding that language's catalog")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="pia-screenshots-") as temp:
        os.environ["XDG_CONFIG_HOME"] = str(Path(temp) / "config")
        os.environ["XDG_DATA_HOME"] = str(Path(temp) / "data")
        from PySide6.QtWidgets import QApplication

        from pia_wizard.ui.language import I18N_DIR, SOURCE_LANGUAGE, available_languages

        app = QApplication.instance() or QApplication(["pia-wizard"])
        if args.language:
            return _render(app, args.folder, Path(temp), args.language, args.catalogs or I18N_DIR)
        for code in available_languages():
            folder = args.folder if code == SOURCE_LANGUAGE else args.folder / code
            code_temp = Path(temp) / code
            code_temp.mkdir()
            if _render(app, folder, code_temp, code, I18N_DIR):
                return 1
        return 0


def _render(app, folder: Path, temp: Path, language: str, catalogs: Path) -> int:  # type: ignore[no-untyped-def]
    """The screenshots in one language (the window's words and the questionnaire's) into `folder`."""
    from PySide6.QtCore import QSettings

    from pia_wizard.ui import settings
    from pia_wizard.ui.language import install_language

    folder.mkdir(parents=True, exist_ok=True)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(temp / "config"))
    settings.save_preferences(settings.Preferences(language=language))
    install_language(language, catalogs)  # before the window is made: widgets take their words then
    from pia_wizard.core.load.library import shipped_library
    from pia_wizard.ui.main_window import MainWindow

    library = shipped_library()
    examples = ROOT / "examples"
    window = MainWindow(
        library, examples_dir=examples, data_folder=temp / "data", today=lambda: FALLBACK_DATE
    )
    window.resize(*SIZE)
    window.show()
    _settle(app, 0.1)
    window.grab().save(str(folder / "start-screen.png"))
    written = ["start-screen.png"]
    for name in EXAMPLES:
        path = examples / f"{name}.pia.json"
        if not path.exists():
            print(f"screenshots: skipped {name}: no such example", file=sys.stderr)
            continue
        if not window.open_path(path) or window.editor is None or window.evaluator is None:
            print(f"screenshots: {name} did not open", file=sys.stderr)
            return 1
        _show_the_reason(window)
        while window.evaluator.busy:
            _settle(app, 0.05)
        _settle(app, 0.2)
        target = f"example-{name}.png"
        window.grab().save(str(folder / target))
        written.append(target)
    written += _compare_and_review(window, app, folder, temp)
    if window.document is not None:
        window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()
    (folder / RECORD).write_text(json.dumps(record(), indent=2) + "\n", encoding="utf-8")
    print("wrote " + ", ".join(written) + f" and {RECORD} to {folder}")
    return 0


def _compare_and_review(window, app, folder: Path, temp: Path) -> list[str]:  # type: ignore[no-untyped-def]
    """File › Compare with… against a scenario of the first example (made from one of its own
    counterfactuals, as "Try this as a scenario" does; the same one as the sample comparison report),
    and the review panel with a reviewer's open comment and a request for changes."""
    from pia_wizard.core.answers.review import add_comment, record_step
    from pia_wizard.core.load.assessment_io import save_assessment
    from pia_wizard.report.samples import COMPARED_EXAMPLE, COMPARED_QUESTION, compared_scenario
    from pia_wizard.ui.compare_dialog import CompareDialog, comparison_for

    origin, scenario = compared_scenario(window.library)
    if not window.open_path(origin) or window.evaluator is None:
        return []
    while window.evaluator.busy:
        _settle(app, 0.05)
    document, library = window.document, window.library
    other = temp / f"{COMPARED_EXAMPLE}--scenario.pia.json"
    save_assessment(other, scenario)
    result = comparison_for(
        library, document.compiled, document.assessment, window.document_name(), other, None, window.language
    )
    written = []
    if isinstance(result, dict):
        dialog = CompareDialog(result, window)
        dialog.show()
        _settle(app, 0.2)
        dialog.grab().save(str(folder / "compare-dialog.png"))
        dialog.close()
        written.append("compare-dialog.png")
    question = COMPARED_QUESTION
    document.edit(
        "Review",
        lambda a: record_step(
            add_comment(document.compiled, a, question, "Which document shows this?", "A. Reviewer"),
            "changes_requested",
            "A. Reviewer",
            FALLBACK_DATE,
            "Please attach the documents before the committee meets.",
        ),
    )
    window.show_review()
    _settle(app, 0.2)
    from pia_wizard.ui.review_panel import ReviewPanel

    panel = window.findChild(ReviewPanel)
    if panel is not None:
        panel.grab().save(str(folder / "review-panel.png"))
        panel.close()
        written.append("review-panel.png")
    return written


def _show_the_reason(window) -> None:  # type: ignore[no-untyped-def]
    """Open the worst verdict's "Why?" and the section of the first answer that led to it."""
    from pia_wizard.core.evaluation.results import VERDICT_ORDER

    evaluation = window.evaluation
    if evaluation is None:
        return
    explained = [r for r in evaluation.rulebooks if r.findings]
    if not explained:
        return
    worst = min(explained, key=lambda r: VERDICT_ORDER.index(r.verdict))
    view = window.editor.verdicts.views[worst.id]
    view.why.setChecked(True)
    cited = [a.question for f in worst.findings for a in f.answers if a.state == "value"]
    if cited:
        entry = window.document.compiled.entries[cited[0]]
        window.go_to_section(entry.section.id)


if __name__ == "__main__":
    sys.exit(main())
