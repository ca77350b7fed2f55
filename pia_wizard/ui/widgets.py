"""Small widgets the panes share: plain labels, disclosure buttons, link buttons, verdict badges.

Text that comes from files (questionnaire labels, a user's notes, evidence titles, file names) is
always shown as plain text, never interpreted as HTML.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QSize, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QAccessibleInterface,
    QAccessibleStateChangeEvent,
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAccessibleWidget,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionFocusRect,
    QToolButton,
    QWidget,
)

from pia_wizard.ui.focus_ring import contrast
from pia_wizard.ui.text import VERDICT_COLOURS, mnemonic_safe, verdict_name, without_mnemonic


def plain_label(
    text: str = "", parent: QWidget | None = None, *, wrap: bool = True, selectable: bool = False
) -> QLabel:
    """A label whose text is never interpreted as HTML."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def scaled_font(widget: QWidget, scale: float = 1.0, *, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    if scale != 1.0:
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * scale)
        elif font.pixelSize() > 0:  # -1 when the platform font is sized in points
            font.setPixelSize(round(font.pixelSize() * scale))
    font.setBold(bold)
    return font


def heading(text: str, parent: QWidget | None = None, scale: float = 1.35) -> QLabel:
    label = plain_label(text, parent)
    label.setFont(scaled_font(label, scale, bold=True))
    label.setAccessibleName(text)
    return label


MIN_TEXT_CONTRAST = 4.5  # WCAG 1.4.3, normal text


def _mix(first: QColor, second: QColor, share: float) -> QColor:
    """`share` of `first` over the rest of `second`."""
    channels = zip(first.getRgbF()[:3], second.getRgbF()[:3], strict=True)
    return QColor.fromRgbF(*(share * a + (1 - share) * b for a, b in channels))


def readable(wanted: QColor, palette: QPalette, minimum: float = MIN_TEXT_CONTRAST) -> QColor:
    """`wanted` as painted (a translucent colour over the background) if it reads at `minimum`:1 on both
    the window's and the fields' background, else the nearest mix toward the text colour that does."""
    backgrounds = (palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Base))
    text = palette.color(QPalette.ColorRole.WindowText)
    painted = _mix(wanted, backgrounds[0], wanted.alphaF())
    for step in range(11):
        colour = _mix(text, painted, step / 10)
        if all(contrast(colour, b) >= minimum for b in backgrounds):
            return colour
    return text


def muted(label: QLabel) -> QLabel:
    """Secondary text: the palette's placeholder colour, so it follows light and dark themes, darkened
    (or lightened) as far as it takes to stay readable: Fusion's grey on its light window was 3.6:1,
    and a high-contrast theme that sets no placeholder colour left it black on black."""
    palette = label.palette()
    palette.setColor(label.foregroundRole(), readable(palette.placeholderText().color(), palette))
    label.setPalette(palette)
    return label


def problem_label(parent: QWidget) -> QLabel:
    """A hidden label for what is wrong with an input; red that stays readable on a dark palette."""
    label = plain_label("", parent)
    label.setObjectName("problem")
    dark = parent.palette().color(QPalette.ColorRole.Window).lightness() < 128
    label.setStyleSheet("color: #ff8a80;" if dark else "color: #b3261e;")
    label.hide()
    return label


def path_field(
    parent: QWidget, label: str, accessible_name: str, browse: str, text: str, on_browse: Callable[[], None]
) -> tuple[QLabel, QLineEdit, QHBoxLayout]:
    """A labelled path with a Browse… button beside it, ready for a form row (strings come translated)."""
    edit = QLineEdit(text, parent)
    edit.setAccessibleName(accessible_name)
    button = QPushButton(browse, parent)
    button.setAccessibleName(without_mnemonic(browse))
    button.clicked.connect(on_browse)
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(button)
    caption = QLabel(label, parent)
    caption.setBuddy(edit)
    return caption, edit, row


def set_accessible_name(widget: QWidget, name: str) -> None:
    """Rename only when the name differs: Qt tells screen readers of every rename, even to the same
    name, and a pane that renamed all its toggles at each evaluation buried what had changed."""
    if widget.accessibleName() != name:
        widget.setAccessibleName(name)


def set_accessible_description(widget: QWidget, description: str) -> None:
    """As set_accessible_name, for the description."""
    if widget.accessibleDescription() != description:
        widget.setAccessibleDescription(description)


def separator(parent: QWidget | None = None) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


class _DisclosureAccessible(QAccessibleWidget):
    """What a screen reader meets in a DisclosureButton: a button that is expandable and expanded or
    collapsed ("Help, button, collapsed"). Qt's own reads a checkable tool button as a check box
    ("Help, check box, not checked"), which says nothing of a panel opening."""

    def __init__(self, button: DisclosureButton) -> None:
        super().__init__(button, QAccessible.Role.Button)

    def state(self) -> QAccessible.State:
        state = super().state()
        expanded = bool(self.widget().isChecked())
        state.expandable = True
        state.expanded = expanded
        state.collapsed = not expanded
        return state

    def text(self, kind: QAccessible.Text) -> str:
        button = self.widget()
        if kind == QAccessible.Text.Name:
            return button.accessibleName() or without_mnemonic(button.text())
        return super().text(kind)

    def actionNames(self) -> list[str]:
        return [QAccessibleActionInterface.pressAction()]

    def doAction(self, name: str) -> None:
        if name == QAccessibleActionInterface.pressAction():
            self.widget().click()


def _disclosure_factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    if key == "DisclosureButton" and isinstance(obj, DisclosureButton):
        return _DisclosureAccessible(obj)  # Qt owns it, and deletes it with the button
    return None


_factory_installed = False


class DisclosureButton(QToolButton):
    """A ▸ / ▾ toggle that shows or hides the widget it controls; its text is its accessible name, and
    a screen reader hears it as an expandable button, expanded or collapsed."""

    def __init__(self, text: str, target: QWidget | None = None, parent: QWidget | None = None) -> None:
        global _factory_installed
        if not _factory_installed:
            QAccessible.installFactory(_disclosure_factory)
            _factory_installed = True
        super().__init__(parent)
        self.setCheckable(True)
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setArrowType(Qt.ArrowType.RightArrow)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._target = target
        self.set_label(text)
        self.toggled.connect(self._on_toggled)
        if target is not None:
            target.setVisible(False)

    def set_label(self, text: str, accessible_name: str | None = None) -> None:
        """The shown text and the name a screen reader says (the text, unless given), each set only
        when it changed."""
        if self.text() != mnemonic_safe(text):
            self.setText(mnemonic_safe(text))
        set_accessible_name(self, text if accessible_name is None else accessible_name)

    def set_target(self, target: QWidget) -> None:
        self._target = target
        target.setVisible(self.isChecked())

    def _on_toggled(self, checked: bool) -> None:
        self.setArrowType(Qt.ArrowType.DownArrow if checked else Qt.ArrowType.RightArrow)
        if self._target is not None:
            self._target.setVisible(checked)
        if QAccessible.isActive():
            changed = QAccessible.State()
            changed.expanded = True
            changed.collapsed = True
            QAccessible.updateAccessibility(QAccessibleStateChangeEvent(self, changed))


class LinkButton(QAbstractButton):
    """A button that looks like a link and wraps its text over as many lines as it needs.

    Answers that led to a finding read "question label: answer", and question labels run to 150
    characters: eliding them would hide the answer, the part that matters. Keyboard and screen
    readers treat it as the button it is; its text is its accessible name.
    """

    MARGIN = 3

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        font = QFont(self.font())
        font.setUnderline(True)
        self.setFont(font)
        self.full_text = ""
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self.setText(mnemonic_safe(text))
        self.setAccessibleName(text)
        self.updateGeometry()
        self.update()

    def _text_height(self, width: int) -> int:
        inner = max(20, width - 2 * self.MARGIN)
        flags = int(Qt.TextFlag.TextWordWrap)
        return self.fontMetrics().boundingRect(0, 0, inner, 100_000, flags, self.full_text).height()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._text_height(width) + 2 * self.MARGIN

    def sizeHint(self) -> QSize:
        width = min(self.fontMetrics().horizontalAdvance(self.full_text) + 2 * self.MARGIN + 2, 400)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(60, self.fontMetrics().height() + 2 * self.MARGIN)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        role = QPalette.ColorRole.Link if self.isEnabled() else QPalette.ColorRole.PlaceholderText
        painter.setPen(palette.color(role))
        painter.setFont(self.font())
        inner = self.rect().adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN)
        flags = (
            int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignTop)
        )
        painter.drawText(inner, flags, self.full_text)
        if self.hasFocus():
            option = QStyleOptionFocusRect()
            option.initFrom(self)
            option.backgroundColor = palette.color(QPalette.ColorRole.Window)
            self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter, self)
        painter.end()


class VerdictBadge(QLabel):
    """The verdict as a coloured badge whose words carry the meaning (colour is never the only cue)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFont(scaled_font(self, 0.9, bold=True))
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.verdict = ""

    def set_verdict(self, verdict: str) -> None:
        self.verdict = verdict
        background, foreground = VERDICT_COLOURS.get(verdict, ("#5f6368", "#ffffff"))
        if self.text() == verdict_name(verdict):
            return  # unchanged: no rename, no restyle
        self.setText(verdict_name(verdict))
        set_accessible_name(self, verdict_name(verdict))
        self.setStyleSheet(
            f"QLabel {{ background: {background}; color: {foreground}; border-radius: 4px;"
            " padding: 3px 8px; }"
        )


class ChoiceLabel(QLabel):
    """The wrapping text of a radio button or checkbox: clicking it clicks the button, and it is
    underlined while the button has the keyboard focus (the button alone shows only its box)."""

    def __init__(self, text: str, button: QAbstractButton, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)
        self.setWordWrap(True)
        self.setBuddy(button)
        self.button = button
        button.installEventFilter(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.button.isEnabled():
            self.button.setFocus(Qt.FocusReason.MouseFocusReason)
            self.button.click()
        event.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.button and event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            font = QFont(self.font())
            font.setUnderline(event.type() == QEvent.Type.FocusIn)
            self.setFont(font)
        return False


def forget_current(view: QAbstractItemView) -> None:
    """Clear a view's current item, keeping its selection and sending no signal.

    Qt tells screen readers that a view's current item has the focus even while the view has none, so a
    hidden drop-down list or the section list claimed the focus beside the control that had it.
    """
    model = view.selectionModel()
    if model is not None and model.currentIndex().isValid():
        blocked = view.blockSignals(True)
        try:
            model.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
        finally:
            view.blockSignals(blocked)


class _CurrentOnlyWithFocus(QObject):
    """Keeps a view's current item only while the view has the focus (see forget_current)."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FocusOut, QEvent.Type.Hide):
            forget_current(self.view)
        elif event.type() == QEvent.Type.FocusIn:
            model = self.view.selectionModel()
            selected = model.selectedIndexes() if model is not None else []
            if model is not None and selected and not model.currentIndex().isValid():
                blocked = self.view.blockSignals(True)
                try:
                    model.setCurrentIndex(selected[0], QItemSelectionModel.SelectionFlag.NoUpdate)
                finally:
                    self.view.blockSignals(blocked)
        return False


def current_only_with_focus(view: QAbstractItemView) -> None:
    """Install the filter on a list that is always on screen (the section list)."""
    _CurrentOnlyWithFocus(view)


def quiet_popup(combo: QComboBox) -> QComboBox:
    """A drop-down list whose hidden pop-up never claims the focus (Qt sets the pop-up's current item
    when the choice changes and again when it opens; it is cleared whenever the pop-up is hidden)."""
    view = combo.view()
    _CurrentOnlyWithFocus(view)
    combo.currentIndexChanged.connect(lambda _index: None if view.isVisible() else forget_current(view))
    forget_current(view)
    return combo
