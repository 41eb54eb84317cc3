"""Images: a PDF picture's samples in, a coarse grid of what it shows out (Pillow lives here).

Input is what ``matcher.read.interp`` found about an image (its pixel size, bits, colour
space, and its data with the filters Pillow decodes itself still applied: JPEG, or Flate with a
PNG predictor); output is a ``Picture``: the image reduced to at most 64 x 64 cells, each with
its mean colour and the spread of lightness inside it. The device asks two things of it: what
colour a glyph drawn over the picture sits on (white text on a white picture is hidden), and
whether the picture could hold the text of an invisible OCR layer (a blank or one-pixel
picture cannot). Pictures are decoded only when a glyph needs them, bounded in pixels, and a
picture that cannot be decoded is ``None``: the caller then keeps the text.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass
from typing import Any

from matcher.read.colours import RGB, Space, rgb

# Pixels a picture may declare to be decoded at all (a 600 dpi A4 scan is 35 million).
MAX_PIXELS = 60_000_000
GRID = 64  # cells a side at most
SAMPLES = 256  # pixels a side the picture is first reduced to (box filter)
# A cell whose lightness varies less than this is one flat colour; a picture whose cells are
# all flat and alike is blank.
FLAT = 0.08


@dataclass(frozen=True, slots=True)
class Picture:
    """A picture reduced to ``columns`` x ``rows`` cells, row 0 at the top.

    ``width`` and ``height`` are the picture's own pixels; ``mean`` holds each cell's mean
    colour, ``spread`` the difference between its lightest and darkest sample (0..1).
    """

    width: int
    height: int
    columns: int
    rows: int
    mean: tuple[RGB, ...]
    spread: tuple[float, ...]

    def cells(self, u0: float, v0: float, u1: float, v1: float) -> list[int]:
        """The cells under a box in image space (the unit square, v up), row-major indexes."""
        u0, u1 = max(0.0, min(u0, u1)), min(1.0, max(u0, u1))
        v0, v1 = max(0.0, min(v0, v1)), min(1.0, max(v0, v1))
        if u0 > u1 or v0 > v1:
            return []
        c0, c1 = int(u0 * self.columns), min(self.columns - 1, int(u1 * self.columns))
        r0 = int((1 - v1) * self.rows)
        r1 = min(self.rows - 1, int((1 - v0) * self.rows))
        return [r * self.columns + c for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]

    def blank(self) -> bool:
        """Whether the picture is one flat colour: nothing drawn on it could be read."""
        if not self.mean:
            return True
        first = self.mean[0]
        return all(s < FLAT for s in self.spread) and all(
            max(abs(m[0] - first[0]), abs(m[1] - first[1]), abs(m[2] - first[2])) < FLAT
            for m in self.mean
        )


def decode_picture(
    width: int,
    height: int,
    bits: int,
    space: Space | None,
    data: bytes,
    codec: str,
    invert: bool = False,
) -> Picture | None:
    """Decode a picture and reduce it to a grid; None when it cannot or may not be decoded.

    Args:
        width, height: the picture's size in pixels, as declared.
        bits: bits per component (1, 2, 4 or 8).
        space: its colour space (``None``: gray).
        data: the samples (``codec`` "raw"), Flate data with PNG predictor rows ("png") or a
            JPEG file ("jpeg").
        invert: a /Decode array of [1 0]: dark is light.

    >>> p = decode_picture(2, 1, 8, None, bytes([255, 255]), "raw")
    >>> p.blank(), p.mean[0]
    (True, (1.0, 1.0, 1.0))
    """
    if not (width > 0 and height > 0 and width * height <= MAX_PIXELS):
        return None
    from PIL import Image, ImageOps

    try:
        img = _image(width, height, bits, space, data, codec)
        if img is None:
            return None
        img = img.convert("RGB")
        if invert:
            img = ImageOps.invert(img)
        small = img.resize((min(width, SAMPLES), min(height, SAMPLES)), Image.Resampling.BOX)
    except (
        OSError,
        ValueError,
        SyntaxError,
        zlib.error,
        MemoryError,
        Image.DecompressionBombError,
    ):
        return None  # damaged or unsupported pixels: the picture's colour stays unknown
    return _grid(width, height, small)


def _image(width: int, height: int, bits: int, space: Space | None, data: bytes, codec: str) -> Any:
    from PIL import Image

    if codec == "jpeg":
        jpeg = Image.open(io.BytesIO(data))
        if jpeg.size[0] * jpeg.size[1] > MAX_PIXELS:
            return None
        jpeg.draft("RGB", (max(1, jpeg.size[0] // 8), max(1, jpeg.size[1] // 8)))
        return jpeg
    kind = "gray" if space is None else space.kind
    modes = {
        ("gray", 1): ("1", "1"),
        ("gray", 2): ("L", "L;2"),
        ("gray", 4): ("L", "L;4"),
        ("gray", 8): ("L", "L"),
        ("rgb", 8): ("RGB", "RGB"),
        ("cmyk", 8): ("CMYK", "CMYK"),
        ("indexed", 1): ("P", "P;1"),
        ("indexed", 2): ("P", "P;2"),
        ("indexed", 4): ("P", "P;4"),
        ("indexed", 8): ("P", "P"),
    }
    if (kind, bits) not in modes:
        return None
    mode, raw = modes[kind, bits]
    if codec == "png":
        img = Image.frombytes(mode, (width, height), data, "zip", raw)
    elif codec == "raw":
        row = (width * bits * {"gray": 1, "rgb": 3, "cmyk": 4, "indexed": 1}[kind] + 7) // 8
        if len(data) < row * height:
            return None
        img = Image.frombytes(mode, (width, height), data[: row * height], "raw", raw)
    else:
        return None
    if kind == "indexed":
        assert space is not None
        colours = [rgb(i, space) for i in range(1 << bits)]
        palette = bytearray()
        for c in colours:
            palette += bytes(round(255 * x) for x in (c or (0.0, 0.0, 0.0)))
        img.putpalette(bytes(palette), "RGB")
    return img


def _grid(width: int, height: int, small: Any) -> Picture:
    from PIL import Image

    sw, sh = small.size
    columns, rows = min(GRID, sw), min(GRID, sh)
    means = small.resize((columns, rows), Image.Resampling.BOX).tobytes()
    light = small.convert("L").tobytes()
    mean = tuple(
        (means[i] / 255, means[i + 1] / 255, means[i + 2] / 255)
        for i in range(0, 3 * columns * rows, 3)
    )
    spread = []
    for r in range(rows):
        y0, y1 = r * sh // rows, max(r * sh // rows + 1, (r + 1) * sh // rows)
        for c in range(columns):
            x0, x1 = c * sw // columns, max(c * sw // columns + 1, (c + 1) * sw // columns)
            lo, hi = 255, 0
            for y in range(y0, y1):
                part = light[y * sw + x0 : y * sw + x1]
                lo, hi = min(lo, min(part)), max(hi, max(part))
            spread.append((hi - lo) / 255)
    return Picture(width, height, columns, rows, mean, tuple(spread))
