"""What goes into the self-contained application, in plain data the spec and the tests both read.

Kept apart from `pia-wizard.spec` so that the fast tests can check it without PyInstaller: the data
folders land where `pia_wizard.core.files.resources` looks for them in an installed copy
(`pia_wizard/_data/...`), the fonts where `rthook_fonts.py` points fontconfig, and the Qt parts the
window never uses stay out (the app imports QtCore, QtGui and QtWidgets only).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

APP_ID = "org.pia_wizard.PiaWizard"
MIME_TYPE = "application/x-pia-wizard-assessment"
FILE_SUFFIX = ".pia.json"
ICON_NAME = "pia-wizard"

# The report's fonts (report_templates/_base/base.css names these families), each with the faces
# the templates use: regular, bold, italic.
FONT_FILES = (
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique.ttf",
    "DejaVuSerif.ttf",
    "DejaVuSerif-Bold.ttf",
    "DejaVuSerif-Italic.ttf",
    "DejaVuSerif-BoldItalic.ttf",
    "DejaVuSansMono.ttf",
    "DejaVuSansMono-Bold.ttf",
)
# Where a build machine keeps them: PIA_WIZARD_FONT_DIR first, then Debian (fonts-dejavu-core),
# Fedora, Homebrew (font-dejavu), MSYS2 (mingw-w64-x86_64-ttf-dejavu), Windows' own folder.
FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu-sans-fonts",
    "/usr/share/fonts/dejavu",
    str(Path.home() / "Library/Fonts"),
    "/Library/Fonts",
    "C:/msys64/mingw64/share/fonts/TTF",
    "C:/Windows/Fonts",
)

# Python packages the application never imports at run time (build and test tools that an
# editable install brings into the same environment).
EXCLUDES = [
    "tkinter",
    "unittest",
    "pytest",
    "_pytest",
    "hypothesis",
    "pytestqt",
    "IPython",
    "PyInstaller",
    "setuptools",
    "pip",
    "importlinter",
    "grimp",
    "ruff",
    "markdown_it",
    "build",
    "hatchling",
]

# Qt parts the window does not use. The PySide6 hooks collect by import, but bring every plugin
# folder of QtGui and all of Qt's own translations: of those the window loads only qtbase_<lang>.qm
# (Qt's own dialogs and buttons in the window's language, pia_wizard/ui/language.py).
DROP_PATTERNS = (
    r"(^|/)PySide6/Qt/translations/(?!qtbase_[^/]*\.qm$)",
    # No image but PNG (built into QtGui) is shown: no image-format or icon-engine plugins.
    r"(^|/)PySide6/Qt/plugins/(generic|networkinformation|tls|sqldrivers|multimedia|printsupport"
    r"|imageformats|iconengines|egldeviceintegrations)/",
    # Platforms: a desktop (X11 or Wayland) or offscreen, never a bare framebuffer or a VNC server.
    r"(^|/)PySide6/Qt/plugins/platforms/[^/]*(eglfs|minimalegl|linuxfb|vnc|vkkhrdisplay)[^/]*$",
    # The GTK theme plugin would pull GTK 3 and its libraries in; Qt's own style is used without it.
    r"(^|/)PySide6/Qt/plugins/platformthemes/[^/]*gtk",
    r"(^|/)(PySide6/Qt/lib/)?libQt6(Quick|Qml|Pdf|Network|VirtualKeyboard|EglF[sS])[A-Za-z]*\.so",
    r"(^|/)PySide6/Qt(Network|DBus|Qml|Quick|Pdf|OpenGL|Svg)[A-Za-z]*\.(abi3\.so|pyd)$",
    r"(^|/)PySide6/(Qt6)?(Quick|Qml|Pdf|Network)[A-Za-z]*\.(dll|dylib)$",
)


# The libraries WeasyPrint opens by name at run time (weasyprint/text/ffi.py), by their Linux sonames.
# PyInstaller's own hook for WeasyPrint looks them up with ctypes.util.find_library, which on a machine
# with libfontconfig-dev answers with the static library name and makes the hook give up (it then ships
# none); so the spec names them itself. PyInstaller adds what they link to (GLib, FreeType, ...).
WEASYPRINT_SONAMES = (
    "libgobject-2.0.so.0",
    "libpango-1.0.so.0",
    "libpangoft2-1.0.so.0",
    "libharfbuzz.so.0",
    "libharfbuzz-subset.so.0",
    "libfontconfig.so.1",
)


@dataclass(frozen=True)
class BundlePlan:
    datas: list[tuple[str, str]]
    binaries: list[tuple[str, str]]
    excludes: list[str]
    exe_icon: str | None
    app_id: str = APP_ID
    info_plist: dict[str, object] = field(default_factory=dict)
    drop: tuple[str, ...] = ()  # further patterns, e.g. Babel's data for languages the product lacks

    def keep(self, destination: str) -> bool:
        """False for the files left out (DROP_PATTERNS and `drop`), by their place in the bundle."""
        place = destination.replace(os.sep, "/")
        return not any(re.search(pattern, place) for pattern in (*DROP_PATTERNS, *self.drop))


def product_languages(root: Path) -> list[str]:
    """English and every language with a message catalog or content translations in the checkout."""
    found = {"en"}
    for folder, marker in (
        (root / "pia_wizard" / "locale", "LC_MESSAGES"),
        (root / "questionnaires" / "i18n", ""),
    ):
        if folder.is_dir():
            found |= {p.name for p in folder.iterdir() if (p / marker).is_dir()}
    return sorted(found)


def babel_drop_pattern(languages: list[str]) -> str:
    """Babel's CLDR data (35 MB, PyInstaller's babel hook collects all of it) except the root locale and
    the product's languages with their regional variants: adding a language's files adds its data."""
    kept = "|".join(["root", *(re.escape(code.replace("-", "_")) for code in languages)])
    return rf"(^|/)babel/locale-data/(?!({kept})(_[A-Za-z0-9_]+)?\.dat$)[^/]+$"


def find_fonts(environ: dict[str, str] | None = None) -> Path:
    """The folder holding every file of FONT_FILES on this build machine."""
    environ = dict(os.environ) if environ is None else environ
    candidates = [environ["PIA_WIZARD_FONT_DIR"]] if environ.get("PIA_WIZARD_FONT_DIR") else []
    for folder in map(Path, [*candidates, *FONT_DIRS]):
        if all((folder / name).is_file() for name in FONT_FILES):
            return folder
    raise FileNotFoundError(
        "the DejaVu fonts the reports use were not found in "
        + ", ".join([*candidates, *FONT_DIRS])
        + " (Debian: apt-get install fonts-dejavu-core fonts-dejavu-extra; or set PIA_WIZARD_FONT_DIR)"
    )


def linux_libraries(sonames: tuple[str, ...]) -> list[str]:
    """Each soname's file as the dynamic loader's cache (ldconfig -p) has it for this machine."""
    import subprocess

    listing = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    found: dict[str, str] = {}
    for line in listing.splitlines():
        match = re.match(r"\s*(\S+) \((libc6,x86-64|[^)]*x86-64[^)]*)\) => (\S+)", line)
        if match and match.group(1) in sonames:
            found.setdefault(match.group(1), match.group(3))
    missing = [name for name in sonames if name not in found]
    if missing:
        raise FileNotFoundError(
            "libraries the reports need are not installed: "
            + ", ".join(missing)
            + " (Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libfontconfig1)"
        )
    return [found[name] for name in sonames]


def bundle_plan(root: Path, platform: str) -> BundlePlan:
    """The files of the bundle for a checkout at `root`, built on `platform` (sys.platform)."""
    fonts = find_fonts()
    datas = [
        (str(root / "questionnaires"), "pia_wizard/_data/questionnaires"),
        (str(root / "report_templates"), "pia_wizard/_data/report_templates"),
        (str(root / "examples"), "pia_wizard/_data/examples"),
        (str(root / "docs" / "user-guide.md"), "pia_wizard/_data/docs"),
        (str(root / "pia_wizard" / "ui" / "icons"), "pia_wizard/ui/icons"),
        # The engine's and the reports' message catalogs (.po, read as they are; core/models/messages.py).
        (str(root / "pia_wizard" / "locale"), "pia_wizard/locale"),
        # The window's catalogs, built and committed (`make translations`): no build tool in the bundle.
        *[
            (str(qm), "pia_wizard/ui/i18n")
            for qm in sorted((root / "pia_wizard" / "ui" / "i18n").glob("*.qm"))
        ],
        (str(root / "installer" / "fonts.conf"), "fonts"),
        *[(str(fonts / name), "fonts") for name in FONT_FILES],
    ]
    binaries = (
        [(path, ".") for path in linux_libraries(WEASYPRINT_SONAMES)] if platform.startswith("linux") else []
    )
    icon = {"win32": "pia-wizard.ico", "darwin": "pia-wizard.icns"}.get(platform)
    return BundlePlan(
        datas=datas,
        binaries=binaries,
        excludes=list(EXCLUDES),
        exe_icon=str(root / "installer" / "icons" / icon) if icon else None,
        info_plist=_info_plist(),
        drop=(babel_drop_pattern(product_languages(root)),),
    )


def _info_plist() -> dict[str, object]:
    """macOS: the version, and *.pia.json files opened by double-click (Finder sends a file-open event)."""
    from_init = (Path(__file__).resolve().parent.parent / "pia_wizard" / "__init__.py").read_text("utf-8")
    version = re.search(r'__version__ = "([^"]+)"', from_init)
    return {
        "CFBundleShortVersionString": version.group(1) if version else "0",
        "NSHighResolutionCapable": True,
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": "pia-wizard assessment",
                "CFBundleTypeRole": "Editor",
                "LSHandlerRank": "Owner",
                "LSItemContentTypes": [APP_ID + ".assessment"],
            }
        ],
        "UTExportedTypeDeclarations": [
            {
                "UTTypeIdentifier": APP_ID + ".assessment",
                "UTTypeDescription": "pia-wizard assessment",
                "UTTypeConformsTo": ["public.json"],
                "UTTypeTagSpecification": {
                    "public.filename-extension": ["pia.json"],
                    "public.mime-type": MIME_TYPE,
                },
            }
        ],
    }
