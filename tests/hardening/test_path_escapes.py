"""Names that try to leave their folder are refused: a report template name (`../../etc/passwd`) on
every way in — the report options, the command line, the window's export worker and the template
loader itself — and the name of a file embedded in an assessment, in the file and through the edits.
"""

from __future__ import annotations

import base64
import hashlib
import json
import queue
from pathlib import Path

import pytest
from helpers import ROOT

from pia_wizard.cli import main

EXAMPLE = ROOT / "examples" / "portland-shop-door.pia.json"

ESCAPES = [
    "../../etc/passwd",
    "/etc/passwd",
    "..",
    ".",
    "briefing/../../../etc/passwd",
    "briefing/../_base",
    "..\\..\\etc\\passwd",
    "C:\\Windows\\win.ini",
    "%2e%2e/%2e%2e/etc/passwd",
    "_base",
    "briefing\x00",
]


@pytest.mark.parametrize("name", ESCAPES)
def test_report_options_refuse_a_template_name_that_is_not_one_of_the_templates(name: str) -> None:
    from pia_wizard.report.options import OptionsError, ReportOptions

    with pytest.raises(OptionsError, match="no report template"):
        ReportOptions(template=name)


@pytest.fixture
def templates_beside_a_secret(tmp_path: Path) -> Path:
    """A templates folder with one template, and a template-shaped file outside it."""
    root = tmp_path / "templates"
    (root / "good").mkdir(parents=True)
    (root / "good" / "template.html.j2").write_text("good {{ x }}", encoding="utf-8")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "template.html.j2").write_text("SECRET", encoding="utf-8")
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc" / "passwd").mkdir()
    (tmp_path / "etc" / "passwd" / "template.html.j2").write_text("SECRET", encoding="utf-8")
    return root


@pytest.mark.parametrize(
    "name",
    ["../outside", "good/../../outside", "../etc/passwd", "./../outside", str(Path("/x/../../outside"))],
)
def test_the_template_loader_never_reads_outside_its_folder(
    templates_beside_a_secret: Path, name: str
) -> None:
    from jinja2 import TemplateNotFound

    from pia_wizard.report.templates import render_html

    assert render_html("good", {"x": 1}, templates_beside_a_secret) == "good 1"
    with pytest.raises(TemplateNotFound):
        render_html(name, {"x": 1}, templates_beside_a_secret)


def test_the_report_command_refuses_an_escaping_template(tmp_path: Path, capsys) -> None:
    html, pdf = tmp_path / "out.html", tmp_path / "out.pdf"
    code = main(
        ["report", str(EXAMPLE), "--template", "../../etc/passwd", "--html", str(html), "-o", str(pdf)]
    )
    assert code == 2
    assert "no report template '../../etc/passwd'" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_the_export_worker_refuses_an_escaping_template(tmp_path: Path) -> None:
    """The window's export runs this function in its worker process; here it runs in-process."""
    from pia_wizard.ui.export_worker import ExportRequest, run

    request = ExportRequest(
        assessment_json=EXAMPLE.read_text(encoding="utf-8"),
        name=EXAMPLE.name,
        output=str(tmp_path / "report.pdf"),
        template="../../etc/passwd",
        language="en",
        draft=True,
        date="2026-11-23",
        rulebooks=("eu-law",),
    )
    messages: queue.Queue = queue.Queue()
    run(request, messages)
    received = [messages.get_nowait() for _ in range(messages.qsize())]
    assert received[-1][0] == "error", received
    assert "no report template '../../etc/passwd'" in received[-1][1]
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------------------ embedded files

FILE_NAMES_THAT_ESCAPE = [
    "../../etc/passwd",
    "..\\..\\Windows\\win.ini",
    "/etc/passwd",
    "C:\\boot.ini",
    "c:evil.pdf",
    "a/../b.pdf",
    "..",
    ".",
    ".bashrc",
    "minutes.pdf\x00.exe",
    "line\nbreak.pdf",
    "",
    "x" * 201,
]


def _with_attachment(file_name: str) -> dict:
    data = b"%PDF-1.7 council minutes"
    assessment = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    assessment["attachments"] = {
        "minutes": {
            "file_name": file_name,
            "media_type": "application/pdf",
            "sha256": hashlib.sha256(data).hexdigest(),
            "data": base64.b64encode(data).decode("ascii"),
        }
    }
    return assessment


def test_a_safe_embedded_file_name_loads(tmp_path: Path) -> None:
    from pia_wizard.core.load.assessment_io import load_assessment_file

    for name in ("council minutes 2024.pdf", "résumé.pdf", "a..b.pdf", "x" * 200):
        path = tmp_path / "ok.pia.json"
        path.write_text(json.dumps(_with_attachment(name)), encoding="utf-8")
        assert load_assessment_file(path).assessment.attachments["minutes"].file_name == name


@pytest.mark.parametrize("name", FILE_NAMES_THAT_ESCAPE)
def test_an_assessment_file_with_an_escaping_embedded_file_name_is_refused(tmp_path: Path, name: str) -> None:
    from pia_wizard.core.files.problems import LoadError
    from pia_wizard.core.load.assessment_io import load_assessment_file

    path = tmp_path / "hostile.pia.json"
    path.write_text(json.dumps(_with_attachment(name)), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_assessment_file(path)
    assert any(
        p.pointer == "/attachments/minutes/file_name"
        and str(p).startswith(f"{path}:/attachments/minutes/file_name:")
        for p in caught.value.problems
    ), [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("name", FILE_NAMES_THAT_ESCAPE)
def test_embedding_a_file_under_an_escaping_name_is_refused(name: str) -> None:
    from pia_wizard.core.answers import edits
    from pia_wizard.core.load.assessment_io import load_assessment_file

    assessment = load_assessment_file(EXAMPLE).assessment
    with pytest.raises(ValueError, match="file_name"):
        edits.add_attachment(assessment, name, "application/pdf", b"%PDF-1.7")
