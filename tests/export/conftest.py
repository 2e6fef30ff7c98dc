"""Fixtures for the export tests."""

from __future__ import annotations

import struct
import zlib

import pytest


@pytest.fixture
def png_bytes() -> bytes:
    """A real 40×20 PNG (blue), made without Qt."""
    return make_png(40, 20)


def make_png(width: int, height: int) -> bytes:
    """A real PNG of one blue, made without Qt."""
    raw = b"".join(b"\x00" + b"\x1f\x5f\xad" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
