"""The packaging files agree with each other and with the program, without building anything (issue 17).

The bundle itself is built by `make dist` and tested by `make test-dist` (tests/bundle/); here only what
can be checked in a second: the desktop entry (desktop-file-validate where installed), the MIME type
(shared-mime-info's own compiler), the icons, the spec's data layout against the wheel's, the
third-party notices against the runtime dependencies, the licence, the CI files.
"""

from __future__ import annotations

import ast
import configparser
import re
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from helpers import ROOT

sys.path.insert(0, str(ROOT / "installer"))
sys.path.insert(0, str(ROOT / "tools"))

import bundle_plan
import dist

from pia_wizard import __version__
from pia_wizard.core.load.loading import ASSESSMENT_SUFFIX
from pia_wizard.notices import _key, python_notices, runtime_distributions

INSTALLER = ROOT / "installer"
DESKTOP = INSTALLER / "linux" / "pia-wizard.desktop"
MIME = INSTALLER / "linux" / "pia-wizard-mime.xml"
ICONS = ROOT / "pia_wizard" / "ui" / "icons"
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def desktop_entry() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text("utf-8"))
    return dict(parser["Desktop Entry"])


def test_desktop_entry_names_the_program_its_icon_and_its_file_type() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "pia-wizard gui %f"  # a double-clicked file opens in the window
    assert entry["Icon"] == bundle_plan.ICON_NAME
    assert entry["MimeType"].split(";")[:-1] == [bundle_plan.MIME_TYPE]
    assert entry["Categories"].endswith(";") and "Office" in entry["Categories"].split(";")
    assert entry["Terminal"] == "false"
    for key in ("Name", "GenericName", "Comment", "Keywords"):
        assert entry[key].strip()
    assert DESKTOP.stem == "pia-wizard"  # = QApplication.desktopFileName() (ui/launch.py)


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_file_validate_accepts_the_entry() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


def test_mime_type_is_the_one_the_entry_opens_and_matches_assessment_files() -> None:
    (mime_type,) = ET.parse(MIME).getroot().findall("m:mime-type", MIME_NS)  # noqa: S314
    assert mime_type.get("type") == bundle_plan.MIME_TYPE
    globs = [g.get("pattern") for g in mime_type.findall("m:glob", MIME_NS)]
    assert globs == ["*" + ASSESSMENT_SUFFIX] == ["*" + bundle_plan.FILE_SUFFIX]
    assert mime_type.find("m:sub-class-of", MIME_NS).get("type") == "application/json"
    assert mime_type.find("m:icon", MIME_NS).get("name") == bundle_plan.ICON_NAME
    plist = bundle_plan._info_plist()["UTExportedTypeDeclarations"][0]["UTTypeTagSpecification"]
    assert plist == {
        "public.filename-extension": [ASSESSMENT_SUFFIX.lstrip(".")],
        "public.mime-type": bundle_plan.MIME_TYPE,
    }


@pytest.mark.skipif(shutil.which("update-mime-database") is None, reason="shared-mime-info not installed")
def test_shared_mime_info_compiles_the_type_and_the_glob(tmp_path: Path) -> None:
    (tmp_path / "packages").mkdir()
    shutil.copy(MIME, tmp_path / "packages" / "pia-wizard.xml")
    result = subprocess.run(
        ["update-mime-database", str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and "pia-wizard" not in result.stderr, result.stderr
    assert f"60:{bundle_plan.MIME_TYPE}:*.pia.json" in (tmp_path / "globs2").read_text("utf-8")
    assert f"{bundle_plan.MIME_TYPE} application/json" in (tmp_path / "subclasses").read_text("utf-8")


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def test_icon_pngs_exist_at_every_size_from_16_to_512_and_the_svgs_parse() -> None:
    from pia_wizard.ui.app_icon import SIZES

    assert SIZES == (16, 24, 32, 48, 64, 128, 256, 512)
    for size in SIZES:
        assert _png_size(ICONS / f"pia-wizard-{size}.png") == (size, size)
    for svg in ("pia-wizard.svg", "pia-wizard-small.svg"):
        root = ET.parse(INSTALLER / "icons" / svg).getroot()  # noqa: S314
        assert root.tag == "{http://www.w3.org/2000/svg}svg" and root.get("viewBox")
    assert (INSTALLER / "icons" / "pia-wizard.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (INSTALLER / "icons" / "pia-wizard.icns").read_bytes()[:4] == b"icns"


def test_spec_is_python_and_uses_the_plan_the_entry_and_the_runtime_hook() -> None:
    spec = (INSTALLER / "pia-wizard.spec").read_text("utf-8")
    ast.parse(spec)
    for name in ("entry.py", "rthook_fonts.py", "bundle_plan", 'collect_submodules("pia_wizard")'):
        assert name in spec
    assert "freeze_support()" in (INSTALLER / "entry.py").read_text("utf-8")  # the spawned export worker


def test_bundle_puts_the_data_where_the_wheel_does(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    for name in bundle_plan.FONT_FILES:
        (fonts / name).write_bytes(b"")
    monkeypatch.setenv("PIA_WIZARD_FONT_DIR", str(fonts))
    monkeypatch.setattr(bundle_plan, "linux_libraries", lambda sonames: [f"/lib/{s}" for s in sonames])
    plan = bundle_plan.bundle_plan(ROOT, "linux")
    placed = {
        Path(source).resolve().relative_to(ROOT).as_posix(): target
        for source, target in plan.datas
        if Path(source).resolve().is_relative_to(ROOT)
    }
    wheel = PYPROJECT["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    for source, target in wheel.items():
        where = placed[source]
        assert (
            where if Path(source).is_dir() or (ROOT / source).is_dir() else f"{where}/{Path(source).name}"
        ) == target
    assert placed["pia_wizard/ui/icons"] == "pia_wizard/ui/icons"
    assert placed["pia_wizard/locale"] == "pia_wizard/locale"
    # Babel's data: the root locale and the product's languages (with their regions), nothing else.
    assert "de" in bundle_plan.product_languages(ROOT)
    for kept in ("root", "en", "en_GB", "de", "de_AT"):
        assert plan.keep(f"babel/locale-data/{kept}.dat"), kept
    for dropped in ("sw", "dua", "zh_Hant_HK"):
        assert not plan.keep(f"babel/locale-data/{dropped}.dat"), dropped
    assert plan.keep("babel/global.dat")
    catalogs = {Path(s).name for s, t in plan.datas if t == "pia_wizard/ui/i18n"}
    assert {"pia_wizard_de.qm", "pia_wizard_en.qm"} <= catalogs  # the window's languages, built
    assert sorted(Path(s).name for s, t in plan.datas if t == "fonts") == sorted(
        [*bundle_plan.FONT_FILES, "fonts.conf"]
    )
    assert [Path(s).name for s, _ in plan.binaries] == list(bundle_plan.WEASYPRINT_SONAMES)
    assert plan.exe_icon is None and bundle_plan.bundle_plan(ROOT, "win32").exe_icon.endswith(".ico")


def test_fonts_the_bundle_ships_are_the_families_the_reports_name() -> None:
    css = (ROOT / "report_templates" / "_base" / "base.css").read_text("utf-8")
    families = set(re.findall(r'"(DejaVu [A-Za-z ]+)"', css))
    shipped = {name.split("-")[0].removesuffix(".ttf") for name in bundle_plan.FONT_FILES}
    assert {f.replace(" ", "") for f in families} <= shipped


@pytest.mark.parametrize(
    ("place", "kept"),
    [
        ("PySide6/QtWidgets.abi3.so", True),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", True),
        ("PySide6/Qt/translations/qtbase_de.qm", True),
        ("PySide6/Qt/translations/qt_help_de.qm", False),
        ("PySide6/Qt/translations/designer_de.qm", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/QtNetwork.abi3.so", False),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
    ],
)
def test_the_qt_parts_left_out_are_the_unused_ones(place: str, kept: bool) -> None:
    plan = bundle_plan.BundlePlan(datas=[], binaries=[], excludes=[], exe_icon=None)
    assert plan.keep(place) is kept


def test_nothing_the_program_imports_is_excluded_from_the_bundle() -> None:
    imported = set()
    for path in (ROOT / "pia_wizard").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                imported.add(node.module.split(".")[0])
    assert imported & set(bundle_plan.EXCLUDES) == set()
    assert {"PySide6", "weasyprint", "pydantic"} <= imported  # the walk saw real imports


def test_notices_name_every_runtime_dependency_with_its_licence() -> None:
    text = python_notices()
    listed = {_key(m.group(1)) for m in re.finditer(r"^(\S+) \S+ — .+$", text, re.MULTILINE)}
    declared = {_key(re.match(r"[A-Za-z0-9._-]+", d).group(0)) for d in PYPROJECT["project"]["dependencies"]}
    assert declared <= listed, declared - listed
    assert {_key(d.metadata["Name"]) for d in runtime_distributions()} <= listed
    assert {"pyside6-essentials", "shiboken6", "fonttools", "brotli"} <= listed  # indirect, and an extra's
    assert not {"pytest", "ruff", "pyinstaller"} & listed  # development tools are not shipped
    assert "MIT License" in text or "Permission is hereby granted" in text  # the licence texts follow


def test_licence_file_is_the_declared_licence() -> None:
    assert PYPROJECT["project"]["license"] == "GPL-3.0-or-later"
    text = (ROOT / "LICENSE").read_text("utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in text and "Version 3, 29 June 2007" in text
    lgpl = (INSTALLER / "licenses" / "LGPL-3.0.txt").read_text("utf-8")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in lgpl and "Version 3" in lgpl


def test_debian_control_carries_the_version_the_glibc_and_the_dependencies() -> None:
    control = dist.control_file(__version__, ["libc6", "libxcb1", "libegl1"], "2.34", 1234)
    fields = dict(
        line.split(": ", 1) for line in control.splitlines() if ": " in line and not line.startswith(" ")
    )
    assert fields["Package"] == "pia-wizard" and fields["Version"] == __version__
    assert fields["Architecture"] == "amd64" and fields["Installed-Size"] == "1234"
    assert fields["Depends"] == "libc6 (>= 2.34), libxcb1, libegl1"


def test_glibc_needed_is_the_newest_symbol_version_asked_for(tmp_path: Path) -> None:
    (tmp_path / "a.so").write_bytes(b"\x7fELF...GLIBC_2.2.5\x00GLIBC_2.34\x00")
    (tmp_path / "b.so").write_bytes(b"\x7fELF...GLIBC_2.17\x00GLIBC_PRIVATE\x00")
    assert dist.glibc_needed([tmp_path / "a.so", tmp_path / "b.so"]) == "2.34"


def test_ci_builds_and_tests_the_bundle_after_the_suite() -> None:
    commands = [
        line for line in (ROOT / ".ci" / "run").read_text("utf-8").splitlines() if line.startswith("make")
    ]
    assert commands == ["make test", "make dist", "make test-dist"]


def test_windows_and_macos_workflow_builds_with_the_same_spec() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "desktop-builds.yml").read_text("utf-8"))
    matrix = workflow["jobs"]["build"]["strategy"]["matrix"]["os"]
    assert {"windows-latest", "macos-latest"} <= set(matrix)
    steps = " ".join(str(step.get("run", "")) for step in workflow["jobs"]["build"]["steps"])
    assert "tools/dist.py" in steps and ".[dist]" in steps
