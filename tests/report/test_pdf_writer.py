"""The PDF writer's one adjustment to pydyf: streams at zlib level 6, not 9, and nothing else changed."""

from __future__ import annotations

import zlib

import pydyf

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
