"""The PDF writer's one adjustment to pydyf: streams at zlib level 6, not 9, and nothing else changed;
and the fonts' date while a PDF is written (SOURCE_DATE_EPOCH, set and restored)."""

from __future__ import annotations

import datetime as dt
import os
import zlib

import pydyf
import pytest

import pia_wizard.report.pdf_writer as pdf_writer

DATA = b"BT /F1 9.5 Tf 72 712 Td (Real-time search for a missing child) Tj ET\n" * 400


def _deflate(compressor) -> bytes:  # type: ignore[no-untyped-def]
    return compressor.compress(DATA) + compressor.flush()


def test_pydyf_compresses_at_level_6_once_the_writer_is_imported() -> None:
    assert isinstance(pydyf.zlib, pdf_writer.StreamZlib)
    shim = pydyf.zlib
    assert _deflate(shim.compressobj(level=9)) == _deflate(zlib.compressobj(6))
    assert _deflate(shim.compressobj(level=9)) != _deflate(zlib.compressobj(9))
    assert _deflate(shim.compressobj(level=1)) == _deflate(zlib.compressobj(1))  # lower levels kept
    assert _deflate(shim.compressobj()) == _deflate(zlib.compressobj())
    # Everything else is zlib itself.
    assert shim.decompress(shim.compress(DATA)) == DATA and shim.error is zlib.error


def test_a_pydyf_stream_still_inflates_to_its_content() -> None:
    stream = pydyf.Stream([b"BT", b"(hello) Tj", b"ET"], compress=True)
    data = stream.data
    body = data[data.index(b"stream\n") + len(b"stream\n") : data.rindex(b"\nendstream")]
    assert b"/FlateDecode" in data and zlib.decompress(body) == b"BT\n(hello) Tj\nET"


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
