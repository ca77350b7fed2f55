"""The URL fetcher serves files inside report_templates/ and refuses everything else, and a PDF made
from hostile HTML (not through the templates) embeds and fetches nothing."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from report_cases import read_pdf

from pia_wizard.report.pdf_writer import LockedFetcher, write_pdf
from pia_wizard.report.templates import templates_dir

WHEN = dt.datetime(2026, 11, 23, tzinfo=dt.UTC)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    (folder / "_base").mkdir(parents=True)
    (folder / "_base" / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    return folder


def test_serves_a_file_inside_the_templates(root: Path) -> None:
    fetcher = LockedFetcher(root)
    response = fetcher.fetch((root / "_base" / "logo.svg").as_uri())
    assert response.read().startswith(b"<svg") and response.content_type == "image/svg+xml"
    assert fetcher.requests == [(root / "_base" / "logo.svg").as_uri()] and fetcher.refused == []


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:9/x.css",
        "https://example.org/font.woff2",
        "ftp://example.org/x",
        "data:text/css,body{display:none}",
        "file://otherhost/etc/passwd",
    ],
)
def test_refuses_everything_else(root: Path, url: str) -> None:
    fetcher = LockedFetcher(root)
    with pytest.raises(ValueError, match="refused"):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_refuses_escapes_from_the_folder(root: Path) -> None:
    fetcher = LockedFetcher(root)
    for url in (root.as_uri() + "/../secret.txt", root.as_uri() + "/_base/%2e%2e/%2e%2e/secret.txt"):
        with pytest.raises(ValueError, match="refused"):
            fetcher.fetch(url)
    link = root / "_base" / "link.txt"
    os.symlink(root.parent / "secret.txt", link)
    with pytest.raises(ValueError, match="refused"):
        fetcher.fetch(link.as_uri())
    with pytest.raises(ValueError, match="refused"):
        fetcher.fetch(root.as_uri() + "/_base")  # a folder, not a file


def test_hostile_html_fetches_and_embeds_nothing() -> None:
    html = """<!DOCTYPE html><html><head>
    <link rel="stylesheet" href="http://127.0.0.1:9/x.css">
    <link rel="attachment" href="file:///etc/passwd">
    <style>@import url("file:///etc/hostname"); body { background: url(https://example.org/b.png) }</style>
    </head><body><p>Hello</p>
    <img src="file:///etc/passwd"><img src="http://127.0.0.1:9/pixel.png">
    <a rel="attachment" href="file:///etc/passwd">passwd</a>
    </body></html>"""
    fetcher = LockedFetcher(templates_dir())
    back = read_pdf(write_pdf(html, root=templates_dir(), when=WHEN, fetcher=fetcher))
    assert back.attachments == {}
    for page in back.reader.pages:
        for annotation in page.get("/Annots") or []:
            assert annotation.get_object().get("/Subtype") != "/FileAttachment"
    assert fetcher.requests, "WeasyPrint asked the fetcher"
    assert sorted(fetcher.refused) == sorted(fetcher.requests)
    assert {"file:///etc/passwd", "http://127.0.0.1:9/x.css"} <= set(fetcher.refused)
