"""PyInstaller runtime hook: let the bundled fontconfig find the fonts shipped with the program.

The reports name "DejaVu Sans", "DejaVu Serif" and "DejaVu Sans Mono" (report_templates/_base/base.css).
The bundle carries those fonts and a fonts.conf that reads the system's configuration (when there is
one) and adds the bundle's own font folder, so a report renders the same on a machine without them.
A FONTCONFIG_FILE set by the user is left alone.
"""

import os
import sys

_conf = os.path.join(getattr(sys, "_MEIPASS", ""), "fonts", "fonts.conf")
if os.path.isfile(_conf):
    os.environ.setdefault("FONTCONFIG_FILE", _conf)
