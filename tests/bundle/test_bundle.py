"""What `make dist` built, run as a person would run it (issue 17). `make test-dist` runs these, with
PIA_WIZARD_DIST=dist; without it they skip (the normal suite never needs PyInstaller to have run).

The archive is unpacked into a temporary folder and run with a clean environment (`env -i`: only PATH
without any venv, a temporary HOME, the offscreen Qt platform), so nothing of this checkout's Python
can help it. The .deb is read back with dpkg-deb, extracted with `dpkg -x`, and installed and removed
with dpkg in a throwaway root (its own database; no maintainer scripts run, there are none).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from helpers import ROOT
from pypdf import PdfReader

from pia_wizard import __version__

sys.path.insert(0, str(ROOT / "installer"))
import bundle_plan

pytestmark = [pytest.mark.dist, pytest.mark.slow]

EXAMPLE = "missing-child-judicial-authorisation.pia.json"  # the largest example
DATE = "2026-12-01"
MAX_ARCHIVE_BYTES = 200 * 1024 * 1024


@pytest.fixture(scope="module")
def dist_dir() -> Path:
    chosen = os.environ.get("PIA_WIZARD_DIST")
    if not chosen:
        pytest.skip("tests what `make dist` built: run `make dist` then `make test-dist`")
    return (ROOT / chosen).resolve()


@pytest.fixture(scope="module")
def archive(dist_dir: Path) -> Path:
    path = dist_dir / f"pia-wizard-{__version__}-linux-x86_64.tar.gz"
    assert path.is_file(), f"{path} is missing: `make dist` did not build it"
    return path


@pytest.fixture(scope="module")
def unpacked(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(archive) as tar:
        tar.extractall(where, filter="tar")
    (folder,) = where.iterdir()
    return folder


@pytest.fixture(scope="module")
def clean_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("home")
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}


def run(program: Path, *args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(program), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=240
    )


def test_archive_is_one_folder_under_200_mb(archive: Path, unpacked: Path) -> None:
    assert archive.stat().st_size < MAX_ARCHIVE_BYTES
    assert unpacked.name == f"pia-wizard-{__version__}-linux-x86_64"
    for name in ("pia-wizard", "LICENSE", "THIRD-PARTY-NOTICES.txt"):
        assert (unpacked / name).is_file()


def test_version_and_validate_with_a_clean_environment(
    unpacked: Path, clean_env: dict[str, str], tmp_path: Path
) -> None:
    program = unpacked / "pia-wizard"
    result = run(program, "--version", env=clean_env, cwd=tmp_path)
    assert (result.returncode, result.stdout.strip()) == (0, f"pia-wizard {__version__}"), result.stderr
    examples = unpacked / "_internal" / "pia_wizard" / "_data" / "examples"
    result = run(program, "validate", str(examples), env=clean_env, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_score_in_the_bundle_equals_score_in_the_venv(
    unpacked: Path, clean_env: dict[str, str], tmp_path: Path
) -> None:
    example = ROOT / "examples" / EXAMPLE
    bundled = run(
        unpacked / "pia-wizard", "score", str(example), "--date", DATE, "--json", env=clean_env, cwd=tmp_path
    )
    assert bundled.returncode == 0, bundled.stderr
    venv = subprocess.run(
        [sys.executable, "-m", "pia_wizard", "score", str(example), "--date", DATE, "--json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=240,
    )
    assert json.loads(bundled.stdout) == json.loads(venv.stdout)


def test_report_renders_with_the_bundled_libraries_and_fonts(
    unpacked: Path, clean_env: dict[str, str], tmp_path: Path
) -> None:
    pdf = tmp_path / "report.pdf"
    env = {**clean_env, "LD_DEBUG": "libs"}  # the dynamic loader says which file it initialises
    result = run(
        unpacked / "pia-wizard",
        "report",
        str(ROOT / "examples" / EXAMPLE),
        "-o",
        str(pdf),
        env=env,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    internal = str(unpacked / "_internal")
    initialised = re.findall(r"calling init: (\S+)", result.stderr)
    for soname in bundle_plan.WEASYPRINT_SONAMES:
        where = [path for path in initialised if Path(path).name == soname]
        assert where and all(path.startswith(internal) for path in where), (soname, where)
    reader = PdfReader(pdf)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "judicial authorisation" in text.lower()
    assert any(name.endswith(".pia.json") for name in reader.attachments)
    assert {"DejaVu-Sans", "DejaVu-Sans-Bold", "DejaVu-Serif"} <= {
        font.split("+")[-1] for font in pdf_fonts(reader)
    }


def pdf_fonts(reader: PdfReader) -> set[str]:
    return {
        str(font["/BaseFont"]).lstrip("/")
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).values()
    }


def test_report_needs_no_font_of_the_system(
    unpacked: Path, clean_env: dict[str, str], tmp_path: Path
) -> None:
    """As on a machine without fonts: fontconfig told of the bundle's font folder alone."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        f"<?xml version='1.0'?><fontconfig><dir>{unpacked / '_internal' / 'fonts'}</dir>"
        f"<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    pdf = tmp_path / "report.pdf"
    env = {**clean_env, "FONTCONFIG_FILE": str(conf)}
    result = run(
        unpacked / "pia-wizard",
        "report",
        str(ROOT / "examples" / EXAMPLE),
        "-o",
        str(pdf),
        env=env,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    fonts = {font.split("+")[-1] for font in pdf_fonts(PdfReader(pdf))}
    assert {"DejaVu-Sans", "DejaVu-Sans-Bold", "DejaVu-Serif"} <= fonts
    assert all(font.startswith("DejaVu") for font in fonts), fonts


def test_the_window_starts_offscreen(unpacked: Path, clean_env: dict[str, str], tmp_path: Path) -> None:
    env = {**clean_env, "PIA_WIZARD_EXIT_AFTER_SHOW": "1"}
    result = run(unpacked / "pia-wizard", "gui", str(ROOT / "examples" / EXAMPLE), env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr


def test_every_bundled_library_finds_what_it_links_to(unpacked: Path) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    import dist

    missing = dist.system_libraries(unpacked)["missing"]
    assert missing == {}


def test_notices_list_the_python_packages_and_the_system_libraries(unpacked: Path) -> None:
    text = (unpacked / "THIRD-PARTY-NOTICES.txt").read_text("utf-8")
    for name in ("PySide6_Essentials", "weasyprint", "libpango-1.0-0", "libharfbuzz0b", "libfontconfig1"):
        assert name in text, name
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text


# ------------------------------------------------------------------------------------------ .deb


@pytest.fixture(scope="module")
def deb(dist_dir: Path) -> Path:
    path = dist_dir / f"pia-wizard_{__version__}_amd64.deb"
    assert path.is_file(), f"{path} is missing: `make dist` did not build it"
    return path


def test_deb_control_fields(deb: Path) -> None:
    info = subprocess.run(["dpkg-deb", "--info", str(deb)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^ Package: pia-wizard$", info, re.MULTILINE)
    assert re.search(rf"^ Version: {re.escape(__version__)}$", info, re.MULTILINE)
    assert re.search(r"^ Architecture: amd64$", info, re.MULTILINE)
    depends = re.search(r"^ Depends: (.+)$", info, re.MULTILINE).group(1).split(", ")
    assert depends[0].startswith("libc6 (>= 2.")
    assert "libxcb1" in depends  # Qt's X11 platform loads it from the system


def test_deb_contents(deb: Path) -> None:
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    entries = {line.split()[5]: line for line in listing.splitlines()}
    assert all(line.split()[1] == "root/root" for line in listing.splitlines())
    assert "-> /opt/pia-wizard/pia-wizard" in entries["./usr/bin/pia-wizard"]
    for path in (
        "./opt/pia-wizard/pia-wizard",
        "./opt/pia-wizard/THIRD-PARTY-NOTICES.txt",
        "./usr/share/applications/pia-wizard.desktop",
        "./usr/share/mime/packages/pia-wizard.xml",
        "./usr/share/icons/hicolor/scalable/apps/pia-wizard.svg",
        "./usr/share/doc/pia-wizard/copyright",
    ):
        assert path in entries, path
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert f"./usr/share/icons/hicolor/{size}x{size}/apps/pia-wizard.png" in entries


def test_deb_extracted_runs(deb: Path, clean_env: dict[str, str], tmp_path: Path) -> None:
    root = tmp_path / "root"
    subprocess.run(["dpkg", "-x", str(deb), str(root)], check=True)
    result = run(
        root / "opt" / "pia-wizard" / "pia-wizard",
        "score",
        str(ROOT / "examples" / EXAMPLE),
        env=clean_env,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr


def test_deb_installs_and_uninstalls_cleanly_in_a_throwaway_root(deb: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    admin = root / "var" / "lib" / "dpkg"
    for folder in ("info", "updates", "triggers"):
        (admin / folder).mkdir(parents=True)
    (admin / "status").write_text("")
    dpkg = [
        "dpkg",
        f"--root={root}",
        f"--admindir={admin}",
        "--log=/dev/null",
        "--force-not-root",
        "--force-depends",
        "--no-triggers",
    ]
    installed = subprocess.run([*dpkg, "--install", str(deb)], capture_output=True, text=True, check=False)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert (root / "opt" / "pia-wizard" / "pia-wizard").is_file()
    assert os.readlink(root / "usr" / "bin" / "pia-wizard") == "/opt/pia-wizard/pia-wizard"
    status = subprocess.run(
        [*dpkg[:3], "--status", "pia-wizard"], capture_output=True, text=True, check=True
    ).stdout
    assert "Status: install ok installed" in status
    removed = subprocess.run([*dpkg, "--purge", "pia-wizard"], capture_output=True, text=True, check=False)
    assert removed.returncode == 0, removed.stdout + removed.stderr
    left = [p for p in root.rglob("*") if p.is_file() and not p.is_relative_to(admin)]
    assert left == []
    assert not (root / "opt" / "pia-wizard").exists()
