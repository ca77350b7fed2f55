"""The PDF writer leaves its libraries as they are (public API only), and sets the fonts' date while a
PDF is written (SOURCE_DATE_EPOCH, set and restored)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest

import pia_wizard.report.pdf_writer as pdf_writer

UNTOUCHED = """
import pydyf, weasyprint
before = {name: dict(vars(module)) for name, module in (("pydyf", pydyf), ("weasyprint", weasyprint))}
import pia_wizard.report.pdf_writer
for name, module in (("pydyf", pydyf), ("weasyprint", weasyprint)):
    changed = [key for key, value in before[name].items() if vars(module).get(key) is not value]
    assert not changed, (name, changed)
"""


def test_importing_the_writer_changes_nothing_in_pydyf_or_weasyprint() -> None:
    """pydyf compresses at level 9 with no setting; the writer once replaced pydyf's `zlib` to lower it.
    It must not patch a dependency's module: checked in a fresh interpreter, before and after import."""
    done = subprocess.run([sys.executable, "-c", UNTOUCHED], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


WHEN = dt.datetime(2026, 11, 23, tzinfo=dt.UTC)
WHEN_EPOCH = "1795392000"  # 2026-11-23T00:00:00Z


def test_fonts_dated_sets_source_date_epoch_only_while_writing(monkeypatch: pytest.MonkeyPatch) -> None:
    from fontTools.misc.timeTools import epoch_diff, timestampNow

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    with pdf_writer.fonts_dated(WHEN):
        assert os.environ["SOURCE_DATE_EPOCH"] == WHEN_EPOCH
        assert timestampNow() + epoch_diff == WHEN.timestamp()  # what fontTools stamps into `head`
    assert "SOURCE_DATE_EPOCH" not in os.environ


def test_fonts_dated_restores_an_earlier_value_also_on_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234567890")
    with pytest.raises(RuntimeError), pdf_writer.fonts_dated(WHEN):
        assert os.environ["SOURCE_DATE_EPOCH"] == WHEN_EPOCH
        raise RuntimeError("the print failed")
    assert os.environ["SOURCE_DATE_EPOCH"] == "1234567890"
