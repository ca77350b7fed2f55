"""Test-only: print one example's report twice, in different seconds of the clock, in this process, and
print a JSON object: which font subsetter WeasyPrint used, each PDF's SHA-256, the clock second of each
print and the `head.modified` date of every font program embedded in each PDF.

Run by tests/report/test_font_subsetting.py in a fresh interpreter, because which subsetter WeasyPrint
uses is settled when it is first imported (it loads libharfbuzz-subset.so.0 if the dynamic loader finds
it). Usage: python tests/report/print_twice.py EXAMPLE.pia.json TEMPLATE
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import sys
import time
from pathlib import Path

from pia_wizard.report.samples import SubsetterWatch


class Recorder(logging.Handler):
    """Keeps WeasyPrint's warnings, for the test's failure messages."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def font_dates(pdf: bytes) -> list[str]:
    """The `head.modified` date (ISO, UTC) of each embedded TrueType/OpenType font program."""
    from fontTools.misc.timeTools import epoch_diff
    from fontTools.ttLib import TTFont
    from pypdf import PdfReader

    dates = []
    reader = PdfReader(io.BytesIO(pdf))
    seen: set[int] = set()
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor is None:
                    continue
                descriptor = descriptor.get_object()
                for key in ("/FontFile2", "/FontFile3"):
                    stream = descriptor.raw_get(key) if key in descriptor else None
                    if stream is None or stream.idnum in seen:
                        continue
                    seen.add(stream.idnum)
                    head = TTFont(io.BytesIO(stream.get_object().get_data()))["head"]
                    seconds = head.modified + epoch_diff
                    dates.append(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds)))
    return dates


def main(example: str, template: str) -> dict[str, object]:
    recorder = Recorder()
    watch = SubsetterWatch()
    logging.getLogger("weasyprint").addHandler(recorder)
    logging.getLogger("weasyprint").addHandler(watch)
    from pia_wizard.core.load.assessment_io import load_assessment_file
    from pia_wizard.core.load.library import shipped_library
    from pia_wizard.report.options import ReportOptions
    from pia_wizard.report.render import prepare_report, render_pdf

    library = shipped_library()
    loaded = load_assessment_file(Path(example), library)
    options = ReportOptions(template=template)
    report = prepare_report(loaded.assessment, loaded.questionnaire, library, options)
    pdfs, seconds = [], []
    for _ in range(2):
        if seconds:  # start the second print in a later whole second than the first one ended in
            time.sleep(1.0 - time.time() % 1.0 + 0.01)
        start = time.time()
        pdfs.append(render_pdf(report))
        seconds.append([int(start), int(time.time())])
    return {
        "subsetter": watch.subsetter(),
        "warnings": sorted(set(recorder.messages)),
        "sha256": [hashlib.sha256(pdf).hexdigest() for pdf in pdfs],
        "seconds": seconds,
        "report_date": report.timestamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "font_dates": [font_dates(pdf) for pdf in pdfs],
    }


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2])))
