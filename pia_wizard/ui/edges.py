"""Edges a palette would hide. Fusion (Qt's style where the system gives none) draws the outlines of
radio buttons, check boxes and text fields in the window's colour darkened by 40 %: about 2:1 on a
light window, and black on black in a black high-contrast theme, where the choices not taken, the
note field and the evidence list had no visible edge. Where that outline falls under 3:1 (WCAG
1.4.11), a style sheet draws them in the nearest colour toward the text colour that reaches 3:1 (the
text colour itself in a high-contrast theme)."""

from __future__ import annotations

from PySide6.QtGui import QPalette

from pia_wizard.ui.focus_ring import contrast
from pia_wizard.ui.widgets import readable

MIN_EDGE_CONTRAST = 3.0
FUSION_OUTLINE = 140  # Fusion's outline: the window colour, darker(140)


def edge_style(palette: QPalette) -> str:
    """A style sheet for the window, or "" where the style's own edges can be seen."""
    window = palette.color(QPalette.ColorRole.Window)
    base = palette.color(QPalette.ColorRole.Base)
    outline = window.darker(FUSION_OUTLINE)
    if min(contrast(outline, window), contrast(outline, base)) >= MIN_EDGE_CONTRAST:
        return ""
    edge = readable(outline, palette, MIN_EDGE_CONTRAST).name()
    mark = palette.color(QPalette.ColorRole.Text).name()
    ground = base.name()
    return (
        "QRadioButton::indicator, QCheckBox::indicator {"
        f" width: 12px; height: 12px; border: 2px solid {edge}; background: {ground}; }}"
        " QRadioButton::indicator { border-radius: 8px; }"
        " QRadioButton::indicator:checked { background: qradialgradient(cx: 0.5, cy: 0.5, radius: 0.5,"
        f" fx: 0.5, fy: 0.5, stop: 0 {mark}, stop: 0.5 {mark}, stop: 0.6 {ground}, stop: 1 {ground}); }}"
        # A ticked box: a square of the text colour inside its edge (a style sheet draws no tick).
        f" QCheckBox::indicator:checked {{ background: {mark}; background-clip: content; padding: 2px;"
        " width: 8px; height: 8px; }"
        f" QLineEdit, QPlainTextEdit, QTextEdit, QListView {{ border: 1px solid {edge}; }}"
    )
