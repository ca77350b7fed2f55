"""Third-party notices: every Python distribution the program runs on, with its licence, from the
installed distributions' own metadata (never a hand-kept list, which would go stale).

The self-contained build writes this text, followed by the notices of the system libraries it ships
(tools/dist.py), to THIRD-PARTY-NOTICES.txt beside the executable; Help › About shows that file, or
this text generated afresh when the program runs from a Python environment. Qt-free.
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

PROJECT = "pia-wizard"
NOTICES_FILE = "THIRD-PARTY-NOTICES.txt"
RULE = "=" * 78

# Qt and PySide6 may be used under the LGPL 3.0; it asks that users may replace the libraries, which
# the build allows: they are separate files in the program's folder.
LGPL_NOTE = (
    "Qt and PySide6 (Qt for Python) are used under the GNU Lesser General Public License version 3.\n"
    "Their libraries are separate files in this program's folder (PySide6/, shiboken6/ and the\n"
    "Qt libraries beside them) and may be replaced by compatible versions you build yourself.\n"
    "Sources: https://code.qt.io/ (Qt and PySide6). The LGPL 3.0 text ends this file where it comes\n"
    "with the program, and is at https://www.gnu.org/licenses/lgpl-3.0.html."
)


def _key(name: str) -> str:
    """A distribution name normalised as PEP 503 does (PySide6_Essentials == pyside6-essentials)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _required_names(distribution: metadata.Distribution, extras: frozenset[str]) -> list[str]:
    """Requirements this distribution needs at run time, as `name[extra,...]` or `name`: those without
    an `extra ==` marker, and those of the extras asked for (weasyprint needs fonttools[woff])."""
    names = []
    for requirement in distribution.requires or []:
        text, _, marker = requirement.partition(";")
        wanted = re.findall(r"extra\s*==\s*['\"]([^'\"]+)['\"]", marker)
        if "extra" in marker and not extras.intersection(wanted):
            continue
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?", text)
        if match:
            names.append(match.group(1) + (match.group(2) or ""))
    return names


def _split(requirement: str) -> tuple[str, frozenset[str]]:
    name, _, extras = requirement.partition("[")
    return name, frozenset(e.strip() for e in extras.rstrip("]").split(",") if e.strip())


def runtime_distributions(project: str = PROJECT) -> list[metadata.Distribution]:
    """The installed distributions `project` runs on, directly or through others, sorted by name.
    A requirement that is not installed (its environment marker excluded it) is skipped."""
    seen: dict[str, metadata.Distribution] = {}
    done: set[tuple[str, frozenset[str]]] = set()
    pending = _required_names(metadata.distribution(project), frozenset())
    while pending:
        name, extras = _split(pending.pop())
        if (_key(name), extras) in done:
            continue
        done.add((_key(name), extras))
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[_key(name)] = distribution
        pending.extend(_required_names(distribution, extras))
    return [seen[key] for key in sorted(seen)]


def licence_of(distribution: metadata.Distribution) -> str:
    """The declared licence: the SPDX expression, else the licence field's first line, else the
    classifiers."""
    meta = distribution.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    field = (meta.get("License") or "").strip()
    if field and "\n" not in field and len(field) <= 100:
        return field
    classifiers = [
        c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    if classifiers:
        return ", ".join(classifiers)
    return field.splitlines()[0] if field else "not stated in its metadata"


def licence_texts(distribution: metadata.Distribution) -> list[tuple[str, str]]:
    """The licence files the distribution ships in its metadata folder, as (name, text)."""
    wanted = set(distribution.metadata.get_all("License-File") or [])
    texts = []
    for file in distribution.files or []:
        parts = file.parts
        if not parts or not parts[0].endswith(".dist-info"):
            continue
        inner = "/".join(parts[1:])
        if inner in wanted or inner.removeprefix("licenses/") in wanted:
            try:
                texts.append((inner, Path(str(file.locate())).read_text(encoding="utf-8", errors="replace")))
            except OSError:
                continue
    return texts


def python_notices(project: str = PROJECT) -> str:
    """The notices of every Python distribution `project` runs on, and of Python itself."""
    parts = [
        "Third-party software in pia-wizard",
        "",
        "pia-wizard is free software under the GNU General Public License, version 3 or later (LICENSE).",
        "It runs on the following software, each under its own licence.",
        "",
        f"Python {sys.version.split()[0]} — Python Software Foundation License (PSF-2.0), https://www.python.org/",
    ]
    distributions = runtime_distributions(project)
    for distribution in distributions:
        meta = distribution.metadata
        home = meta.get("Home-page") or _project_url(meta.get_all("Project-URL") or [])
        line = f"{meta['Name']} {distribution.version} — {licence_of(distribution)}"
        parts.append(line + (f", {home}" if home else ""))
    parts += ["", LGPL_NOTE]
    for distribution in distributions:
        for name, text in licence_texts(distribution):
            parts += [
                "",
                RULE,
                f"{distribution.metadata['Name']} {distribution.version}: {name}",
                RULE,
                "",
                text.strip(),
            ]
    return "\n".join(parts) + "\n"


def _project_url(urls: list[str]) -> str:
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "source code", "repository"):
            return url.strip()
    return urls[0].partition(",")[2].strip() if urls else ""


def bundled_notices_path() -> Path | None:
    """THIRD-PARTY-NOTICES.txt of the self-contained build (beside its executable), if this is one."""
    if not getattr(sys, "frozen", False):
        return None
    path = Path(sys.executable).resolve().parent / NOTICES_FILE
    return path if path.is_file() else None


def notices_text() -> str:
    """What Help › About shows: the bundle's notices file, or the notices of this Python environment."""
    bundled = bundled_notices_path()
    if bundled is not None:
        return bundled.read_text(encoding="utf-8")
    return python_notices()
