"""The two processes of the crash-recovery test (run as scripts by test_recovery.py, never by pytest).

`edit`: open the real window on the shipped questionnaire, click the first choice of its first
radio-button question, wait for an autosave, say so on stdout, and keep running until killed.
`restore`: start the way `pia-wizard gui` does (`run_gui`), press "Restore" in the offer that
appears, and print the restored answers as JSON.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QRadioButton

from pia_wizard.core.load.library import shipped_library
from pia_wizard.ui import launch
from pia_wizard.ui.main_window import MainWindow
from pia_wizard.ui.section_page import SectionPage


def edit() -> int:
    app = QApplication(sys.argv[:1])
    window = MainWindow(shipped_library(), autosave_ms=200)
    window.show()
    window.new_assessment()
    page = window.page
    assert isinstance(page, SectionPage)
    radio = next(
        widget
        for card in page.cards.values()
        for widget in card.focus_widgets()
        if isinstance(widget, QRadioButton) and widget.isVisibleTo(page)
    )
    QApplication.processEvents()
    QTest.mouseClick(
        radio, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(6, radio.height() // 2)
    )
    assert window.document is not None
    answered = {q: a.value for q, a in window.document.assessment.answers.items()}
    assert answered, "the click answered nothing"

    def check() -> None:
        if window.recovery.has_copy():
            print("AUTOSAVED " + json.dumps(answered), flush=True)
        else:
            QTimer.singleShot(50, check)

    QTimer.singleShot(50, check)
    return app.exec()


def restore() -> int:
    def press_restore() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == "restoreBox":
            print("OFFERED " + box.text(), flush=True)
            button = box.findChild(object, "restoreButton")
            button.click()  # type: ignore[union-attr]
            QTimer.singleShot(100, report)
        else:
            QTimer.singleShot(50, press_restore)

    def report() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        document = window.document
        answers = {q: a.value for q, a in document.assessment.answers.items()} if document else {}
        print("RESTORED " + json.dumps(answers), flush=True)
        print("MODIFIED " + json.dumps(window.isWindowModified()), flush=True)
        window.prompts.unsaved_changes = lambda _name: "discard"  # type: ignore[method-assign]
        window.close()
        QApplication.quit()

    QApplication(sys.argv[:1])  # run_gui uses the application that exists; the timer needs one
    QTimer.singleShot(0, press_restore)
    return launch.run_gui(None)


if __name__ == "__main__":
    sys.exit({"edit": edit, "restore": restore}[sys.argv[1]]())
