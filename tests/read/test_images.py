"""Tests for matcher.read.images: a picture's pixels reduced to the colours glyphs sit on."""

from __future__ import annotations

import io
import zlib

import pytest
from PIL import Image

from matcher.read.colours import Space
from matcher.read.images import MAX_PIXELS, decode_picture
from tests.fixtures.make_attacks import scan_pixels


def test_a_white_picture_is_blank_and_white() -> None:
    p = decode_picture(16, 16, 8, None, b"\xff" * 256, "raw")
    assert p is not None and p.blank()
    assert set(p.mean) == {(1.0, 1.0, 1.0)} and max(p.spread) == 0


def test_a_scan_of_text_is_not_blank() -> None:
    p = decode_picture(300, 400, 8, None, scan_pixels(), "raw")
    assert p is not None and not p.blank()
    assert max(p.spread) > 0.5


def test_png_predicted_rows_are_decoded_by_pillow() -> None:
    rows = b"".join(b"\x02" + bytes([0x20] * 8) for _ in range(4))  # Up filter
    p = decode_picture(8, 4, 8, None, zlib.compress(rows), "png")
    assert p is not None and p.mean[0][0] == pytest.approx(0x20 / 255 * 1, abs=0.01)


def test_jpeg_is_decoded() -> None:
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (250, 250, 250)).save(buf, format="JPEG")
    p = decode_picture(64, 48, 8, Space("rgb"), buf.getvalue(), "jpeg")
    assert p is not None and p.blank() and p.mean[0][0] > 0.95


def test_indexed_pixels_go_through_the_palette() -> None:
    space = Space("indexed", Space("rgb"), b"\xff\x00\x00\x00\x00\xff")
    p = decode_picture(2, 1, 8, space, bytes([0, 1]), "raw")
    assert p is not None and p.mean == ((1.0, 0.0, 0.0), (0.0, 0.0, 1.0))


def test_cells_follow_image_space_with_the_first_row_on_top() -> None:
    pixels = bytes([0] * 4 + [255] * 4)  # top row black, bottom row white
    p = decode_picture(4, 2, 8, None, pixels, "raw")
    assert p is not None
    (top,) = {p.mean[i] for i in p.cells(0.0, 0.6, 1.0, 1.0)}
    (bottom,) = {p.mean[i] for i in p.cells(0.0, 0.0, 1.0, 0.4)}
    assert top == (0.0, 0.0, 0.0) and bottom == (1.0, 1.0, 1.0)
    assert p.cells(2.0, 2.0, 3.0, 3.0) == []


@pytest.mark.parametrize(
    ("width", "height", "bits", "data", "codec"),
    [
        (MAX_PIXELS, 2, 8, b"\x00", "raw"),  # declares more pixels than are decoded at all
        (4, 4, 8, b"\x00", "raw"),  # too few samples
        (4, 4, 8, b"not zlib", "png"),
        (4, 4, 8, b"not a jpeg", "jpeg"),
        (4, 4, 16, b"\x00" * 32, "raw"),  # 16-bit samples: not decoded
        (4, 4, 8, b"\x00" * 16, "jbig2"),
    ],
)
def test_what_cannot_be_decoded_is_none(
    width: int, height: int, bits: int, data: bytes, codec: str
) -> None:
    assert decode_picture(width, height, bits, None, data, codec) is None
