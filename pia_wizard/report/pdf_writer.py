"""WeasyPrint, locked down: the only module that imports it, and it is imported only to make a PDF.

- The URL fetcher serves files inside `report_templates/` and refuses everything else (other local
  files, http, https, ftp, data:), recording every request so tests can check what was asked.
- The PDF is PDF/A-3b (identification only: no validator can be run here), tagged, with the
  assessment embedded with fixed dates, so the same input gives the same bytes.
- The embedded font programs carry the report's date too, on the fontTools subsetting path (see
  `fonts_dated`), so the bytes do not depend on the clock whichever subsetter WeasyPrint finds.
- A finisher removes the duplicate entries WeasyPrint 70 writes into the catalog's `/AF` array.
- Streams are compressed as pydyf compresses them (zlib level 9; it has no setting, and its module is
  not patched: see docs/performance.md, "Streams at zlib level 9").
"""

from __future__ import annotations

import contextlib
import datetime as dt
import mimetypes
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import weasyprint
from weasyprint.urls import URLFetcher, URLFetcherResponse

PDF_VARIANT = "pdf/a-3b"


class LockedFetcher(URLFetcher):
    """Serves the files under `root` (the report templates) and nothing else."""

    def __init__(self, root: Path) -> None:
        super().__init__(timeout=1, allowed_protocols=("file",), allow_redirects=False)
        self.root = Path(root).resolve()
        self.requests: list[str] = []
        self.refused: list[str] = []

    def local_path(self, url: str) -> Path | None:
        """The file a URL names if it is a file inside root (symbolic links resolved), else None."""
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            return None
        path = Path(url2pathname(unquote(parts.path))).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            return None
        return path

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        self.requests.append(url)
        path = self.local_path(url)
        if path is None:
            self.refused.append(url)
            raise ValueError(f"refused to fetch {url!r}: reports may only use their own template files")
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": media_type})


def dedupe_associated_files(document: object, pdf: object) -> None:
    """Finisher: list each attachment once in the catalog's /AF array (WeasyPrint 70 lists it twice)."""
    catalog = pdf.catalog  # type: ignore[attr-defined]
    if "AF" not in catalog:
        return
    unique = []
    for reference in catalog["AF"]:
        if reference not in unique:
            unique.append(reference)
    catalog["AF"] = type(catalog["AF"])(unique)


SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"


@contextlib.contextmanager
def fonts_dated(when: dt.datetime) -> Iterator[None]:
    """SOURCE_DATE_EPOCH set to `when` (whole seconds) while a PDF is written, and as it was afterwards,
    also on error.

    Why: without the native subsetter (Debian's libharfbuzz-subset0) WeasyPrint subsets each font with
    fontTools, which stamps the current time into the font program's `head.modified`, so two prints of
    the same report in different seconds differed. fontTools takes that time from SOURCE_DATE_EPOCH when
    it is set (its documented reproducible-builds interface; fontTools.misc.timeTools.timestampNow).
    HarfBuzz keeps the font file's own date and reads no clock, so the native path needs nothing.
    The variable is process-wide: the command line prints in its own process and the window in its export
    worker process, each one print at a time, so no other thread sees the report's date meanwhile.
    """
    previous = os.environ.get(SOURCE_DATE_EPOCH)
    os.environ[SOURCE_DATE_EPOCH] = str(int(when.timestamp()))
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(SOURCE_DATE_EPOCH, None)
        else:
            os.environ[SOURCE_DATE_EPOCH] = previous


OPTIONS = {"pdf_variant": PDF_VARIANT, "pdf_tags": True, "uncompressed_pdf": False}


def layout(html: str, *, root: Path, fetcher: LockedFetcher) -> Any:
    """Lay out and paginate the HTML (the costly part), ready to be counted and written."""
    document = weasyprint.HTML(string=html, base_url=Path(root).resolve().as_uri() + "/", url_fetcher=fetcher)
    return document.render(**OPTIONS)


def page_count(document: Any, before: str | None = None) -> int:
    """The number of pages, or of pages before the one holding the anchor `before` (all if absent)."""
    if before is not None:
        for number, page in enumerate(document.pages):
            if before in page.anchors:
                return number
    return len(document.pages)


def write(
    document: Any,
    *,
    attachments: Sequence[tuple[str, bytes, str, str]],
    when: dt.datetime,
    fetcher: LockedFetcher,
) -> bytes:
    """The PDF of a laid-out document; attachments are (file name, bytes, description, AFRelationship).
    `when` dates the attachments and, on the fontTools path, the embedded fonts."""
    files = [
        weasyprint.Attachment(
            string=data,
            name=name,
            description=description,
            created=when,
            modified=when,
            relationship=relationship,
            url_fetcher=fetcher,
        )
        for name, data, description, relationship in attachments
    ]
    with fonts_dated(when):  # fonts are subset while the PDF is written, not while it is laid out
        return document.write_pdf(attachments=files, finisher=dedupe_associated_files, **OPTIONS)


def write_pdf(
    html: str,
    *,
    root: Path,
    attachments: Sequence[tuple[str, bytes, str, str]] = (),
    when: dt.datetime,
    fetcher: LockedFetcher | None = None,
) -> bytes:
    """Lay out and write in one step."""
    fetcher = fetcher or LockedFetcher(root)
    return write(
        layout(html, root=root, fetcher=fetcher), attachments=attachments, when=when, fetcher=fetcher
    )
