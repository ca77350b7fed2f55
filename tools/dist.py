"""`make dist`: the self-contained application, packed for people who will never run make.

    .venv/bin/python tools/dist.py [--reuse]

1. PyInstaller builds one folder from installer/pia-wizard.spec (build/pyinstaller/dist/pia-wizard/);
   `--reuse` skips this when that folder exists (the packing steps alone, for work on them).
2. LICENSE and THIRD-PARTY-NOTICES.txt go beside the executable: the Python distributions from their
   metadata (pia_wizard/notices.py), then, on Linux, every system library the build copied in, with its
   Debian copyright file, and the LGPL 3.0 text.
3. Linux: dist/pia-wizard-VERSION-linux-x86_64.tar.gz, and dist/pia-wizard_VERSION_amd64.deb built with
   dpkg-deb (the folder under /opt/pia-wizard, a launcher in /usr/bin, the desktop entry, the hicolor
   icons, the MIME type; Depends computed from the libraries the bundle loads from the system).
   Windows and macOS: a .zip of the folder (of pia-wizard.app on macOS).

Every figure it prints (sizes, the glibc the build needs) is also written to dist/build-info.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "installer"))

from bundle_plan import ICON_NAME  # noqa: E402

from pia_wizard import __version__  # noqa: E402
from pia_wizard.notices import NOTICES_FILE, python_notices  # noqa: E402

BUILD = ROOT / "build" / "pyinstaller"
DIST = ROOT / "dist"
LINUX = ROOT / "installer" / "linux"
ICONS = ROOT / "pia_wizard" / "ui" / "icons"
PREFIX = "/opt/pia-wizard"
ELF_MAGIC = b"\x7fELF"


def run_pyinstaller() -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level=WARN",
            "--distpath",
            str(BUILD / "dist"),
            "--workpath",
            str(BUILD / "work"),
            str(ROOT / "installer" / "pia-wizard.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    return BUILD / "dist" / "pia-wizard"


# ------------------------------------------------------------------------------------- Linux libraries


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == ELF_MAGIC:
                    found.append(path)
    return found


def ldd(path: Path, internal: Path) -> dict[str, str | None]:
    """Library name → where it resolves (None: not found), as the bundle's loader sees it (the
    bootloader puts _internal on LD_LIBRARY_PATH; Qt's own libraries are found through their RUNPATH)."""
    env = {"PATH": "/usr/bin:/bin", "LD_LIBRARY_PATH": str(internal)}
    result = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env, check=False)
    resolved: dict[str, str | None] = {}
    for line in result.stdout.splitlines():
        match = re.match(r"\s*(\S+) => (not found|(\S+) \(0x)", line)
        if match:
            resolved[match.group(1)] = None if match.group(2) == "not found" else match.group(3)
    return resolved


def debian_packages(names: list[str]) -> dict[str, str]:
    """File base name → the Debian package that installed it (names dpkg does not know are left out)."""
    if not names or shutil.which("dpkg") is None:
        return {}
    result = subprocess.run(
        ["dpkg", "-S", *[f"*/{name}" for name in names]], capture_output=True, text=True, check=False
    )
    owners: dict[str, str] = {}
    for line in result.stdout.splitlines():
        package, _, path = line.partition(": ")
        if "," in package or "diversion" in line:
            continue
        owners.setdefault(Path(path).name, package.split(":")[0])
    return owners


def glibc_needed(files: list[Path]) -> str:
    """The newest GLIBC_x.y symbol version any bundled file asks for: the oldest glibc it runs on."""
    newest = (2, 0)
    for path in files:
        for match in re.finditer(rb"GLIBC_2\.(\d+)(?:\.(\d+))?\x00", path.read_bytes()):
            newest = max(newest, (2, int(match.group(1))))
    return f"{newest[0]}.{newest[1]}"


def system_libraries(folder: Path) -> dict[str, object]:
    """What the bundle takes from the system (→ Depends) and what it copied from Debian (→ notices)."""
    internal = folder / "_internal"
    files = elf_files(folder)
    outside: set[str] = set()
    missing: dict[str, list[str]] = {}
    for path in files:
        for name, where in ldd(path, internal).items():
            if where is None:
                missing.setdefault(name, []).append(str(path.relative_to(folder)))
            elif not Path(where).resolve().is_relative_to(folder.resolve()):
                outside.add(Path(where).name)
    bundled = sorted({p.name for p in files if p.parent == internal})
    return {
        "depends": sorted(set(debian_packages(sorted(outside)).values())),
        "outside": sorted(outside),
        "missing": missing,
        "copied": debian_packages(bundled),
        "glibc": glibc_needed(files),
    }


def debian_notices(copied: dict[str, str]) -> str:
    parts = ["", "=" * 78, "System libraries shipped in this folder (from Debian's packages)", "=" * 78, ""]
    packages: dict[str, list[str]] = {}
    for name, package in sorted(copied.items()):
        packages.setdefault(package, []).append(name)
    for package, names in sorted(packages.items()):
        parts.append(f"{package}: {', '.join(names)}")
    for package in sorted(packages):
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        text = (
            copyright_file.read_text("utf-8", "replace")
            if copyright_file.is_file()
            else "(no copyright file)"
        )
        parts += ["", "=" * 78, f"Debian package {package}: {copyright_file}", "=" * 78, "", text.strip()]
    return "\n".join(parts) + "\n"


# ------------------------------------------------------------------------------------------ packing


def add_licences(folder: Path, extra: str = "") -> None:
    shutil.copy2(ROOT / "LICENSE", folder / "LICENSE")
    lgpl = (ROOT / "installer" / "licenses" / "LGPL-3.0.txt").read_text("utf-8")
    text = python_notices() + extra + "\n" + "=" * 78 + "\nGNU Lesser General Public License 3.0\n" + "=" * 78
    (folder / NOTICES_FILE).write_text(text + "\n\n" + lgpl, encoding="utf-8")


def pack_tar(folder: Path, name: str) -> Path:
    archive = DIST / f"{name}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=name)
    return archive


def pack_zip(folder: Path, name: str) -> Path:
    archive = DIST / f"{name}.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in sorted(folder.rglob("*")):
            zipped.write(path, Path(name) / path.relative_to(folder))
    return archive


def control_file(version: str, depends: list[str], glibc: str, installed_kib: int) -> str:
    needs = [f"libc6 (>= {glibc})", *[p for p in depends if p != "libc6"]]
    return (
        "Package: pia-wizard\n"
        f"Version: {version}\n"
        "Architecture: amd64\n"
        "Maintainer: pia-wizard developers <pia-wizard@users.noreply.github.com>\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(needs)}\n"
        "Section: utils\n"
        "Priority: optional\n"
        "Description: judge a proposed biometric surveillance deployment\n"
        " pia-wizard helps councillors, journalists and NGOs judge a proposed biometric\n"
        " surveillance deployment before it is bought or switched on: a questionnaire,\n"
        " checks against red lines, necessity and proportionality, and a PDF report.\n"
        " .\n"
        " This package installs a self-contained build (its own Python, Qt and WeasyPrint)\n"
        f" under {PREFIX}.\n"
    )


def debian_copyright() -> str:
    return (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: pia-wizard\n\n"
        "Files: *\n"
        "Copyright: pia-wizard developers\n"
        "License: GPL-3+\n"
        " On Debian systems the full text is in /usr/share/common-licenses/GPL-3.\n"
        f" The software this program ships with is listed in {PREFIX}/{NOTICES_FILE}.\n"
    )


def build_deb(folder: Path, version: str, libraries: dict[str, object]) -> Path:
    stage = ROOT / "build" / "deb"
    shutil.rmtree(stage, ignore_errors=True)
    root = stage / "root"
    shutil.copytree(folder, root / PREFIX.lstrip("/"), symlinks=True)
    (root / "usr/bin").mkdir(parents=True)
    (root / "usr/bin/pia-wizard").symlink_to(f"{PREFIX}/pia-wizard")
    shutil.copy2(LINUX / "pia-wizard.desktop", _made(root / "usr/share/applications") / "pia-wizard.desktop")
    shutil.copy2(LINUX / "pia-wizard-mime.xml", _made(root / "usr/share/mime/packages") / "pia-wizard.xml")
    for png in sorted(ICONS.glob(f"{ICON_NAME}-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        shutil.copy2(png, _made(root / f"usr/share/icons/hicolor/{size}x{size}/apps") / f"{ICON_NAME}.png")
    svg = ROOT / "installer" / "icons" / "pia-wizard.svg"
    shutil.copy2(svg, _made(root / "usr/share/icons/hicolor/scalable/apps") / f"{ICON_NAME}.svg")
    doc = _made(root / "usr/share/doc/pia-wizard")
    (doc / "copyright").write_text(debian_copyright(), encoding="utf-8")
    with gzip.GzipFile(doc / "changelog.gz", "wb", mtime=0) as changelog:
        changelog.write(f"pia-wizard ({version}) unstable; urgency=low\n\n  * Release {version}.\n".encode())
    for path in root.rglob("*"):  # dpkg-deb --root-owner-group makes them root's; the modes are ours
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
    installed = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
    control = _made(root / "DEBIAN") / "control"
    control.write_text(
        control_file(version, list(libraries["depends"]), str(libraries["glibc"]), installed),  # type: ignore[arg-type]
        encoding="utf-8",
    )
    deb = DIST / f"pia-wizard_{version}_amd64.deb"
    subprocess.run(
        ["dpkg-deb", "--build", "--root-owner-group", "-Zgzip", "-z6", str(root), str(deb)], check=True
    )
    return deb


def _made(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", action="store_true", help="pack the folder PyInstaller built last time")
    args = parser.parse_args(argv)
    folder = BUILD / "dist" / "pia-wizard"
    if not (args.reuse and folder.is_dir()):
        folder = run_pyinstaller()
    DIST.mkdir(exist_ok=True)
    version = __version__
    info: dict[str, object] = {"version": version, "python": platform.python_version()}
    if sys.platform.startswith("linux"):
        libraries = system_libraries(folder)
        if libraries["missing"]:
            raise SystemExit(f"libraries the bundle needs but nobody provides: {libraries['missing']}")
        add_licences(folder, debian_notices(libraries["copied"]))  # type: ignore[arg-type]
        name = f"pia-wizard-{version}-linux-{platform.machine()}"
        archive = pack_tar(folder, name)
        deb = build_deb(folder, version, libraries)
        info.update(glibc=libraries["glibc"], depends=libraries["depends"], deb=deb.name)
        info["deb_bytes"] = deb.stat().st_size
    else:
        add_licences(folder)
        system = "windows" if sys.platform == "win32" else "macos"
        app = BUILD / "dist" / "pia-wizard.app"
        archive = pack_zip(
            app if app.is_dir() else folder, f"pia-wizard-{version}-{system}-{platform.machine()}"
        )
    info.update(archive=archive.name, archive_bytes=archive.stat().st_size)
    info["folder_bytes"] = sum(
        p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()
    )
    (DIST / "build-info.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    for key, value in info.items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
