"""A focus indicator no one can miss: a 2-px ring around whatever has the keyboard focus.

Styles drew focus as a 1-px dotted border or an underline (the choice labels). WCAG 2.2 asks for a
focus indicator at least 2 px thick with a contrast of at least 3:1 against what surrounds it; the
ring takes the palette's highlight colour when that contrast holds, the text colour otherwise, so it
works in light, dark and high-contrast palettes alike. It is drawn on a transparent overlay that lets
every click through, so no widget changes its look or size.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget

WIDTH = 2
GAP = 1  # between the widget and the ring, so the ring never covers the widget's own edge
MIN_CONTRAST = 3.0


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = channel(colour.redF()), channel(colour.greenF()), channel(colour.blueF())
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def ring_colour(palette: QPalette) -> QColor:
    """Highlight if it stands out at 3:1 from the window's background, else the text colour."""
    background = palette.color(QPalette.ColorRole.Window)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    if contrast(highlight, background) >= MIN_CONTRAST:
        return highlight
    return palette.color(QPalette.ColorRole.WindowText)


class FocusRing(QWidget):
    """The overlay: follows the focus widget (and its ancestors' moves, such as a scrolled page)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.window_ = window
        self.target: QWidget | None = None
        self.ring = QRect()
        self._watched: list[QWidget] = []
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        window.installEventFilter(self)
        self.hide()

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        for widget in self._watched:
            try:
                widget.removeEventFilter(self)
            except RuntimeError:  # already deleted
                pass
        self._watched = []
        self.target = new if new is not None and new.window() is self.window_ else None
        widget = self.target
        while widget is not None and widget is not self.window_:
            widget.installEventFilter(self)
            self._watched.append(widget)
            widget = widget.parentWidget()
        self.place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Hide, QEvent.Type.Show):
            self.place()
        return False

    def place(self) -> None:
        """Cover the window; remember where the ring goes (the visible part of the focus widget)."""
        target = self.target
        try:
            visible = target is not None and target.isVisible()
        except RuntimeError:  # the widget was deleted
            visible = False
        if not visible or target is None:
            self.hide()
            return
        shown = target.visibleRegion().boundingRect()
        if shown.isEmpty():
            self.hide()
            return
        top_left = target.mapTo(self.window_, shown.topLeft())
        margin = WIDTH + GAP
        self.ring = QRect(top_left, shown.size()).adjusted(-margin, -margin, margin, margin)
        self.setGeometry(self.window_.rect())
        self.raise_()
        self.show()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        pen = QPen(ring_colour(self.window_.palette()), WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        # A pen of width 2 on integer coordinates covers a pixel on each side of its line.
        painter.drawRect(self.ring.adjusted(1, 1, -1, -1))
        painter.end()
