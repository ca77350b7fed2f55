"""Above the questions: which use of the system the window shows, and adding, renaming, removing uses.

One system often has several uses (tablet checks at street stops and searches of CCTV footage); the
questions the questionnaire asks for each use are answered for the use chosen here, the others once
for all. With one use the bar only offers to add another, and only on a section with such questions,
so the common case looks and works as before. Every change is one undoable edit.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFrame, QGridLayout, QLabel, QPushButton, QWidget

from pia_wizard.core.answers.uses import use_names
from pia_wizard.ui.document import AssessmentDocument
from pia_wizard.ui.text import translate
from pia_wizard.ui.widgets import muted, plain_label

BAR_STYLE = "QFrame#useBar { border-bottom: 1px solid palette(mid); }"


class UseBar(QFrame):
    add_requested = Signal()
    rename_requested = Signal()
    remove_requested = Signal()
    use_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("useBar")
        self.setStyleSheet(BAR_STYLE)
        self.intro = muted(plain_label("", self))
        self.intro.setObjectName("useIntro")
        self.choose_label = QLabel(translate("Uses", "Answering for the &use:"), self)
        self.chooser = QComboBox(self)
        self.chooser.setObjectName("useChooser")
        self.chooser.setAccessibleName(translate("Uses", "Use of the system shown"))
        self.choose_label.setBuddy(self.chooser)
        self.chooser.activated.connect(self.use_chosen)
        self.add_button = QPushButton(translate("Uses", "Add another use…"), self)
        self.add_button.setObjectName("addUse")
        self.add_button.setToolTip(
            translate(
                "Uses",
                "Describe another way the same system is used, such as searching recorded footage "
                "beside live alerts: the questions asked for each use are then answered for it.",
            )
        )
        self.rename_button = QPushButton(translate("Uses", "Rename…"), self)
        self.rename_button.setObjectName("renameUse")
        self.rename_button.setAccessibleName(translate("Uses", "Rename this use"))
        self.remove_button = QPushButton(translate("Uses", "Remove"), self)
        self.remove_button.setObjectName("removeUse")
        self.remove_button.setAccessibleName(translate("Uses", "Remove this use and its answers"))
        self.add_button.clicked.connect(self.add_requested)
        self.rename_button.clicked.connect(self.rename_requested)
        self.remove_button.clicked.connect(self.remove_requested)
        # One use: the invitation beside "Add another use…". Several: the chooser and its buttons on
        # one row, the invitation's place taken by a line under them saying what the choice does.
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(16, 8, 16, 8)
        self.grid.setColumnStretch(1, 1)
        self.grid.addWidget(self.choose_label, 0, 0)
        self.grid.addWidget(self.chooser, 0, 1)
        self.grid.addWidget(self.rename_button, 0, 2)
        self.grid.addWidget(self.remove_button, 0, 3)
        self.grid.addWidget(self.add_button, 0, 4)
        self.grid.addWidget(self.intro, 0, 0, 1, 4)
        self.relevant = False
        self.hide()

    def sync(self, document: AssessmentDocument, relevant: bool | None = None) -> None:
        """Names and the chosen use from the document; `relevant`: the page shown has per-use questions."""
        if relevant is not None:
            self.relevant = relevant
        if document.compiled.questionnaire.uses is None:
            self.hide()
            return
        names = use_names(document.compiled, document.assessment)
        several = len(names) > 1
        if [self.chooser.itemText(i) for i in range(self.chooser.count())] != list(names):
            self.chooser.clear()
            self.chooser.addItems(list(names))
        self.chooser.setCurrentIndex(document.use_index)
        self.intro.setText(
            translate(
                "Uses",
                "Questions marked “asked for each use” are answered for the use chosen here; the "
                "others once for all uses.",
            )
            if several
            else translate(
                "Uses",
                "Is the system used in more than one way (for example live alerts and searches of "
                "recordings)? Each way can be described as a use of its own.",
            )
        )
        for widget in (self.choose_label, self.chooser, self.rename_button, self.remove_button):
            widget.setVisible(several)
        self.grid.removeWidget(self.intro)
        if several:
            self.grid.addWidget(self.intro, 1, 0, 1, 5)
        else:
            self.grid.addWidget(self.intro, 0, 0, 1, 4)
        self.intro.setVisible(not several or self.relevant)
        self.setVisible(several or self.relevant)
