"""Jinja2 for reports: sandboxed, autoescaping, strict about undefined names, fed a plain dict only.

Templates live in `report_templates/<name>/template.html.j2` beside their `style.css`; the shared
parts are in `report_templates/_base/`. User text only ever appears as escaped element text or as an
escaped `href`; the stylesheets are the project's own files, included as they are.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from pia_wizard.core.files.resources import data_dir
from pia_wizard.core.models.messages import SOURCE_LANGUAGE, messages
from pia_wizard.report.context import ensure_plain

TEMPLATE_FILE = "template.html.j2"
# Not a report of one assessment (report/comparison.py renders it from two): not offered as one.
OWN_CONTEXT_TEMPLATES = frozenset({"comparison"})


def templates_dir() -> Path:
    return data_dir("report_templates")


def available_templates(root: Path | None = None) -> list[str]:
    """Templates of one assessment's report: folders that hold a template (folders starting with _ are
    shared parts; the comparison has a context of its own)."""
    return [n for n in _template_folders(root) if n not in OWN_CONTEXT_TEMPLATES]


def _template_folders(root: Path | None = None) -> list[str]:
    root = root or templates_dir()
    return sorted(
        p.name
        for p in root.iterdir()
        if p.is_dir() and not p.name.startswith(("_", ".")) and (p / TEMPLATE_FILE).is_file()
    )


def environment(root: Path | None = None, language: str = SOURCE_LANGUAGE) -> ImmutableSandboxedEnvironment:
    return _environment(root or templates_dir(), language or SOURCE_LANGUAGE)


@functools.cache
def _environment(root: Path, language: str) -> ImmutableSandboxedEnvironment:
    """One environment per templates folder and language, so each template is compiled once per process
    and language, with that language's "reports" catalog behind `_()` and `{% trans %}` (English: the
    template's own text)."""
    env = ImmutableSandboxedEnvironment(
        loader=FileSystemLoader(str(root)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    catalog = messages(language, "reports").translations
    env.install_gettext_callables(  # type: ignore[attr-defined]  # added by the i18n extension
        catalog.gettext,
        catalog.ngettext,
        newstyle=True,
        pgettext=catalog.pgettext,
        npgettext=catalog.npgettext,
    )
    return env


def compile_templates(root: Path | None = None) -> None:
    """Compile every template now rather than at its first report (Jinja2 keeps them per environment)."""
    env = environment(root)
    for name in _template_folders(root):
        env.get_template(f"{name}/{TEMPLATE_FILE}")


def render_html(name: str, context: dict[str, Any], root: Path | None = None) -> str:
    """The report's HTML: the template `name` rendered with `context` (which must be plain data)."""
    ensure_plain(context)
    env = environment(root, context.get("language", SOURCE_LANGUAGE))
    return env.get_template(f"{name}/{TEMPLATE_FILE}").render(context)
