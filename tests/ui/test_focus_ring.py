"""The focus indicator: a ring at least 2 px thick, at least 3:1 against the window, in light and dark
palettes, read back from a grab of the real window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from pia_wizard.ui.focus_ring import WIDTH, contrast, ring_colour

from .helpers_ui import card

LIGHT = {"Window": "#efefef", "WindowText": "#000000", "Highlight": "#1f5fa8"}
DARK = {"Window": "#202124", "WindowText": "#e8eaed", "Highlight": "#1a4f8a"}  # highlight too dark: 1.9:1


def _palette(colours: dict[str, str]) -> QPalette:
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    return palette


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_the_focused_control_has_a_ring_of_2_px_at_3_to_1(qtbot, window, colours) -> None:
    window.setPalette(_palette(colours))
    window.activateWindow()
    button = card(window, "q_choice").input.buttons["b"]
    button.setFocus(Qt.FocusReason.TabFocusReason)
    assert window.focus_ring.isVisible()
    expected = ring_colour(window.palette())
    assert contrast(expected, QColor(colours["Window"])) >= 3.0
    image = window.grab().toImage()
    ring = window.focus_ring.ring
    middle = ring.center().y()
    for x in range(ring.left(), ring.left() + WIDTH):  # the left edge, WIDTH pixels across
        assert image.pixelColor(x, middle) == expected, (x, image.pixelColor(x, middle).name())
    inside = button.mapTo(window, button.rect().topLeft())
    assert ring.left() + WIDTH <= inside.x()  # around the control, never over it


def test_contrast_is_the_wcag_ratio() -> None:
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    dark = _palette(DARK)
    assert ring_colour(dark) == QColor(DARK["WindowText"])  # the highlight would be 1.9:1
    assert ring_colour(_palette(LIGHT)) == QColor(LIGHT["Highlight"])
