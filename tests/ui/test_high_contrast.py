"""The window in a high-contrast palette (black on white and white on black, as a system's high-contrast
theme sets them): every text a person reads keeps a contrast of at least 4.5:1 (WCAG 1.4.3) against
what is behind it. The text's colour is the one Qt paints with (the widget's palette, which a style
sheet's `color` sets too, blended when it is translucent); the background is read from a grab of the
real window, so a style sheet's background counts."""

from __future__ import annotations

from collections import Counter

import pytest
from helpers import ROOT
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QLabel,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from pia_wizard.core.load.library import shipped_library
from pia_wizard.ui.focus_ring import contrast
from pia_wizard.ui.widgets import DisclosureButton, LinkButton

from .helpers_ui import wait_explored

MIN_TEXT = 4.5
MIN_EDGE = 3.0
HIGH_CONTRAST = {
    # Roles as a high-contrast theme sets them: every edge in the text colour. The first leaves the
    # placeholder text to Qt (a translucent black, 4:1 on white), as some themes do.
    "black on white": {
        "Window": "#ffffff", "WindowText": "#000000", "Base": "#ffffff", "AlternateBase": "#ffffff",
        "Text": "#000000", "Button": "#ffffff", "ButtonText": "#000000", "Highlight": "#37006e",
        "HighlightedText": "#ffffff", "Link": "#00009f", "LinkVisited": "#00009f", "Mid": "#000000",
        "ToolTipBase": "#ffffff", "ToolTipText": "#000000", "Light": "#000000", "Midlight": "#000000",
        "Dark": "#000000", "Shadow": "#000000",
    },
    "white on black": {
        "Window": "#000000", "WindowText": "#ffffff", "Base": "#000000", "AlternateBase": "#000000",
        "Text": "#ffffff", "Button": "#000000", "ButtonText": "#ffffff", "Highlight": "#1aebff",
        "HighlightedText": "#000000", "Link": "#ffff00", "LinkVisited": "#ffff00", "Mid": "#ffffff",
        "ToolTipBase": "#000000", "ToolTipText": "#ffffff", "Light": "#ffffff", "Midlight": "#ffffff",
        "Dark": "#ffffff", "Shadow": "#ffffff", "PlaceholderText": "#d0d0d0",
    },
}  # fmt: skip


def _palette(colours: dict[str, str]) -> QPalette:
    palette = QPalette()
    for role, colour in colours.items():
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, getattr(QPalette.ColorRole, role), QColor(colour))
    return palette


@pytest.fixture(params=list(HIGH_CONTRAST), ids=lambda name: name.replace(" ", "-"))
def high_contrast(request):  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    before = QGuiApplication.palette()
    app.setPalette(_palette(HIGH_CONTRAST[request.param]))
    yield request.param
    app.setPalette(before)


def _over(colour: QColor, background: QColor) -> QColor:
    """A translucent colour as painted over the background."""
    alpha = colour.alphaF()
    pairs = zip(colour.getRgbF()[:3], background.getRgbF()[:3], strict=True)
    return QColor.fromRgbF(*(alpha * a + (1 - alpha) * b for a, b in pairs))


def _background(image: QImage, widget: QWidget, window: QWidget) -> QColor:
    """The commonest colour inside the widget as painted: what its text sits on."""
    corner = widget.mapTo(window, widget.rect().topLeft())
    counts: Counter[int] = Counter()
    for y in range(corner.y(), corner.y() + widget.height(), 2):
        for x in range(corner.x(), corner.x() + widget.width(), 2):
            if 0 <= x < image.width() and 0 <= y < image.height():
                counts[image.pixel(x, y)] += 1
    return QColor.fromRgb(counts.most_common(1)[0][0])


def _text_widgets(window: QWidget) -> list[QWidget]:
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.width() < 4 or widget.visibleRegion().isEmpty():
            continue
        if not widget.isEnabled():  # WCAG 1.4.3 exempts inactive controls
            continue
        if isinstance(widget, QLabel) and widget.text().strip() and widget.pixmap().isNull():
            found.append(widget)
        elif isinstance(widget, QAbstractButton) and widget.text().strip():
            found.append(widget)
    return found


def _text_colour(widget: QWidget) -> QColor:
    palette = widget.palette()
    if isinstance(widget, LinkButton):
        role = QPalette.ColorRole.Link if widget.isEnabled() else QPalette.ColorRole.PlaceholderText
        return palette.color(role)
    if isinstance(widget, DisclosureButton) or isinstance(widget, QAbstractButton):
        return palette.color(QPalette.ColorRole.ButtonText)
    return palette.color(widget.foregroundRole())


def test_every_text_reads_at_4_5_to_1_in_a_high_contrast_palette(qtbot, make_window, high_contrast) -> None:
    window = make_window(shipped_library(), files=None, examples_dir=ROOT / "examples")
    assert window.open_path(ROOT / "examples" / "police-lfr-van-football.pia.json")  # with its banner
    wait_explored(qtbot, window)
    for view in window.editor.verdicts.views.values():
        view.why.setChecked(True)
    for button in window.page.findChildren(DisclosureButton):
        button.setChecked(True)
    entry = window.document.compiled.entries["q101"]
    window.go_to_section(entry.section.id)
    QApplication.processEvents()
    image = window.grab().toImage()
    low = []
    widgets = _text_widgets(window)
    for widget in widgets:
        behind = _background(image, widget, window)
        colour = _over(_text_colour(widget), behind)
        ratio = contrast(colour, behind)
        if ratio < MIN_TEXT:
            text = widget.text().replace("\n", " ")[:50]
            where = f"{type(widget).__name__} {widget.objectName()!r} {text!r}"
            low.append(f"{where}: {colour.name()} on {behind.name()} = {ratio:.2f}")
    assert len(widgets) > 40
    assert low == [], "\n".join(low)
    # The edges of the choices and fields (WCAG 1.4.11, 3:1): Fusion drew them black on black.
    window_colour = window.palette().color(QPalette.ColorRole.Window)
    hidden = []
    choices = [w for w in window.findChildren(QAbstractButton) if isinstance(w, QRadioButton | QCheckBox)]
    choices = [w for w in choices if w.isVisible() and not w.visibleRegion().isEmpty()]
    for button in choices:
        option = QStyleOptionButton()
        option.initFrom(button)
        element = QStyle.SubElement.SE_RadioButtonIndicator
        if isinstance(button, QCheckBox):
            element = QStyle.SubElement.SE_CheckBoxIndicator
        box = button.style().subElementRect(element, option, button)
        corner = button.mapTo(window, box.topLeft())
        strongest = max(
            contrast(QColor.fromRgb(image.pixel(corner.x() + x, corner.y() + y)), window_colour)
            for x in range(box.width())
            for y in range(box.height())
        )
        if strongest < MIN_EDGE:
            hidden.append(f"{button.objectName()}: {strongest:.2f}")
    assert len(choices) >= 5
    assert hidden == [], hidden
