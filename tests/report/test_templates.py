"""Only plain data reaches a sandboxed, autoescaping, strict Jinja2; every template folder is complete;
charts carry a title; the stylesheets pass through Jinja2 unchanged."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from helpers import ROOT
from jinja2 import UndefinedError
from jinja2.sandbox import SecurityError
from report_cases import COMPILED, LIBRARY, TEMPLATE_NAMES, red_line_case

from pia_wizard.core.evaluation.evaluate import evaluate
from pia_wizard.report import charts
from pia_wizard.report.context import build_report_context, ensure_plain, sentence
from pia_wizard.report.options import TEMPLATES, ReportOptions
from pia_wizard.report.render import prepare_report, rulebooks_for
from pia_wizard.report.templates import available_templates, environment, render_html, templates_dir


def _context(template: str = "briefing") -> dict:
    assessment = red_line_case()
    books = rulebooks_for(LIBRARY, COMPILED)
    evaluation = evaluate(COMPILED, books, assessment, sources=LIBRARY.sources)
    return build_report_context(
        compiled=COMPILED,
        rulebooks=books,
        library=LIBRARY,
        assessment=assessment,
        evaluation=evaluation,
        options=ReportOptions(template=template),
        fingerprint="0" * 64,
    )


def test_the_context_is_plain_data() -> None:
    context = _context()
    ensure_plain(context)
    with pytest.raises(TypeError, match="not plain data"):
        ensure_plain({"x": [COMPILED]})
    with pytest.raises(TypeError, match="not plain data"):
        render_html("briefing", {**context, "model": red_line_case()})


def test_the_environment_is_sandboxed_autoescaping_and_strict() -> None:
    env = environment()
    assert env.autoescape is True and env.is_safe_attribute is not None
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"
    with pytest.raises(UndefinedError):
        env.from_string("{{ missing }}").render()
    with pytest.raises(SecurityError):
        env.from_string("{{ ''.__class__.__mro__ }}").render()
    with pytest.raises(SecurityError):
        env.from_string("{% set x = [] %}{{ x.append(1) }}").render()


def test_every_template_folder_is_complete_and_known() -> None:
    assert available_templates() == sorted(TEMPLATES) == sorted(TEMPLATE_NAMES)
    for name in TEMPLATES:
        assert (templates_dir() / name / "template.html.j2").is_file()
        assert (templates_dir() / name / "style.css").is_file()


@pytest.mark.parametrize(
    "css", sorted(p.relative_to(templates_dir()).as_posix() for p in templates_dir().rglob("*.css"))
)
def test_stylesheets_pass_through_jinja_unchanged(css: str) -> None:
    source = (templates_dir() / css).read_text(encoding="utf-8")
    assert environment().get_template(css).render() == source
    assert not re.search(r"url\(|@import|@font-face", source), "a stylesheet must not fetch anything"


def test_every_chart_has_a_title_for_its_alternative_text() -> None:
    for template in TEMPLATE_NAMES:
        html = prepare_report(red_line_case(), COMPILED, LIBRARY, ReportOptions(template=template)).html
        svgs = re.findall(r"<svg\b.*?</svg>", html, re.S)
        assert all(re.search(r"<svg[^>]*>\s*<title>[^<]+</title>", svg) for svg in svgs)
        if template in ("briefing", "submission", "factsheet"):
            assert svgs, f"{template} has no chart"


def test_strip_and_step_chart_shapes() -> None:
    strip = charts.verdict_strip("EU law", "fails")
    assert strip["title"] == "Verdict under EU law: Fails"
    heavy = [s for s in strip["shapes"] if s["kind"] == "rect" and s["sw"] > 1]
    assert len(heavy) == 1, "only the verdict's rung is outlined"
    tests = [
        {
            "id": "legality",
            "title": "Legality",
            "status": "fail",
            "steps": [{"id": "L1", "status": "fail", "decisive": True}],
        }
    ]
    chart = charts.step_chart("EU law", tests)
    assert chart is not None and "Legality: fails (L1 fails)" in chart["title"]
    assert charts.step_chart("EU law", []) is None


def test_engine_phrases_become_sentences() -> None:
    assert sentence("depends on answers that are unknown") == "Depends on answers that are unknown."


def test_importing_the_report_layer_does_not_import_weasyprint() -> None:
    code = (
        "import sys, pia_wizard.cli, pia_wizard.commands.report, pia_wizard.report.render;"
        "assert 'weasyprint' not in sys.modules, 'weasyprint imported'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stderr


def test_printing_pauses_the_collector_and_restores_it_whatever_happens(monkeypatch) -> None:
    import gc

    import pia_wizard.report.pdf_writer as pdf_writer
    from pia_wizard.report.render import collector_paused, print_report

    report = prepare_report(red_line_case(), COMPILED, LIBRARY, ReportOptions(template="briefing"))
    seen: list[bool] = []

    def layout(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        raise RuntimeError("layout broke")

    monkeypatch.setattr(pdf_writer, "layout", layout)
    assert gc.isenabled()
    with pytest.raises(RuntimeError, match="layout broke"):
        print_report(report)
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # left as it was found: off
    finally:
        gc.enable()
