"""The program's icon (an eye above a red line) as a QIcon, from the PNGs in pia_wizard/ui/icons/
(rendered from installer/icons/*.svg by tools/build_icons.py; 16 and 24 px are drawn apart so that
they stay legible). PNG needs no image-format plugin, so the bundle ships none."""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtGui import QIcon

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


@cache
def app_icon() -> QIcon:
    icon = QIcon()
    folder = resources.files("pia_wizard.ui") / "icons"
    for size in SIZES:
        icon.addFile(str(folder / f"pia-wizard-{size}.png"))
    return icon
