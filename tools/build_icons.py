"""Render the icon: PNGs from 16 to 512 px, the Windows .ico and the macOS .icns.

    .venv/bin/python tools/build_icons.py

Sources: installer/icons/pia-wizard.svg (32 px and up) and pia-wizard-small.svg (16 and 24 px, drawn on
the pixel grid so the eye stays legible). The PNGs go to pia_wizard/ui/icons/ (the window's icon,
installed in the hicolor theme by the .deb); the .ico and .icns to installer/icons/ (PyInstaller's
executable icon). Rendered with Qt's SVG renderer (QtSvg, part of PySide6-Essentials), packed by
Pillow (a dependency of WeasyPrint). Run it after changing either SVG, and commit the results.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "installer" / "icons"
PNG_DIR = ROOT / "pia_wizard" / "ui" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SMALL = (16, 24)


def render(svg: Path, size: int) -> bytes:
    """The SVG drawn into a transparent size×size PNG."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG for Qt's renderer")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - QPainter needs one
    PNG_DIR.mkdir(parents=True, exist_ok=True)
    images = {}
    for size in SIZES:
        svg = SOURCE / ("pia-wizard-small.svg" if size in SMALL else "pia-wizard.svg")
        png = render(svg, size)
        (PNG_DIR / f"pia-wizard-{size}.png").write_bytes(png)
        images[size] = Image.open(io.BytesIO(png)).convert("RGBA")
        print(f"wrote {PNG_DIR.relative_to(ROOT)}/pia-wizard-{size}.png")
    largest = images[256]
    largest.save(
        SOURCE / "pia-wizard.ico",
        sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)],
        append_images=[images[s] for s in (16, 24, 32, 48, 64, 128)],
    )
    images[512].save(SOURCE / "pia-wizard.icns", append_images=[images[s] for s in (16, 32, 64, 128, 256)])
    print("wrote installer/icons/pia-wizard.ico and pia-wizard.icns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
