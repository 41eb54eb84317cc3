"""Canvas: what a PDF page has painted so far, and the geometry glyphs are judged by (no pdfminer).

Input is what ``matcher.read.device`` is told is drawn: filled shapes and pictures, each with
its box in page space, its drawing order, its colour or pixels and whether it is opaque; output
is answers about a glyph's box: what lies under it, whether something drawn later covers it,
whether a picture could show it as an OCR layer does, how much of it a clip shows. Shapes are
found through a grid of ``CELL``-point cells, so a page of many shapes stays fast.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from matcher.read.colours import RGB
from matcher.read.images import Picture
from matcher.read.layout import Char

Box = tuple[float, float, float, float]
Matrix = tuple[float, float, float, float, float, float]

CELL = 48.0  # pt: the side of the grid cells paints are found by
# A picture can hold legible text when a glyph spans this many of its pixels, top to bottom.
OCR_PIXELS = 4.0


@dataclass(slots=True)
class Image:
    """A picture as ``interp`` found it: pixel size, whether it hides what is under it, and
    how to decode it (once, when a glyph first needs its pixels)."""

    width: int
    height: int
    opaque: bool
    size: int  # bytes of data in the file
    load: Callable[[], Picture | None]
    _picture: Picture | None = None
    _loaded: bool = False

    def picture(self) -> Picture | None:
        if not self._loaded:
            self._picture, self._loaded = self.load(), True
        return self._picture


@dataclass(slots=True)
class Paint:
    """A filled shape or a picture on the page, in drawing order (``seq``)."""

    box: Box
    seq: int
    colour: RGB | None  # None: a picture, or a colour that cannot be told
    under: bool  # it is what a later glyph over it sits on (opaque enough)
    cover: bool  # it hides a glyph drawn before it (an opaque rectangle or picture)
    image: Image | None = None
    ctm: Matrix = (1, 0, 0, 1, 0, 0)


@dataclass(slots=True)
class Page:
    width: float
    height: float
    area: Box
    chars: list[Char] = field(default_factory=list)
    seqs: list[int] = field(default_factory=list)  # drawing order of each kept glyph
    ocr: list[tuple[Char, int, float]] = field(default_factory=list)  # invisible glyphs
    paints: list[Paint] = field(default_factory=list)
    grid: dict[tuple[int, int], list[Paint]] = field(default_factory=dict)
    pictures: list[Paint] = field(default_factory=list)
    hidden: Counter[str] = field(default_factory=Counter)
    bad: int = 0
    layer: int = 0  # invisible glyphs kept as a scan's OCR layer (a picture could show them)


def covered(p: Page, ch: Char, seq: int) -> bool:
    x0, y0, x1, y1 = ch[:4]
    # The glyph box less a fifth each side (descenders and accents may stick out).
    dx, dy = (x1 - x0) * 0.2, (y1 - y0) * 0.2
    x0, y0, x1, y1 = x0 + dx, y0 + dy, x1 - dx, y1 - dy
    for paint in p.grid.get(cell((x0 + x1) / 2, (y0 + y1) / 2), ()):
        if paint.cover and paint.seq > seq:
            bx0, by0, bx1, by1 = paint.box
            if bx0 <= x0 and by0 <= y0 and x1 <= bx1 and y1 <= by1:
                return True
    return False


def holds(paint: Paint, em_h: float) -> bool:
    """Whether a picture could show a glyph ``em_h`` points tall: enough pixels, not blank."""
    image = paint.image
    if image is None:
        return False
    a, b, c, d, _, _ = paint.ctm
    # Pixels per point along each of the picture's sides, the coarser of the two.
    per_pt = min(
        image.width / max(math.hypot(a, b), 1e-9), image.height / max(math.hypot(c, d), 1e-9)
    )
    if em_h * per_pt < OCR_PIXELS:
        return False
    picture = image.picture()
    if picture is None:
        # Pixels that cannot be decoded (JBIG2, CCITT, JPEG 2000): a page of text compresses
        # to kilobytes, a blank page to a few hundred bytes.
        return image.size >= 2_000
    return not picture.blank()


def meet(a: Box, b: Box) -> Box:
    """Where two boxes overlap (x0 > x1 or y0 > y1 when they do not)."""
    return (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))


def shown_part(ch: Char, box: Box) -> float:
    """How much of a glyph's box lies inside ``box`` (0..1; a glyph without area: 0 or 1)."""
    w = min(ch[2], box[2]) - max(ch[0], box[0])
    h = min(ch[3], box[3]) - max(ch[1], box[1])
    if w < 0 or h < 0:
        return 0.0
    area = (ch[2] - ch[0]) * (ch[3] - ch[1])
    return 1.0 if area <= 0 else w * h / area


def inside(box: Box, x: float, y: float) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def bounds(pts: list[tuple[float, float]]) -> Box:
    xs, ys = [q[0] for q in pts], [q[1] for q in pts]
    return (min(xs), min(ys), max(xs), max(ys))


def axis_aligned(pts: list[tuple[float, float]]) -> bool:
    """Whether a path's points are the corners of one upright rectangle."""
    return len({round(x, 2) for x, _ in pts}) <= 2 and len({round(y, 2) for _, y in pts}) <= 2


def cell(x: float, y: float) -> tuple[int, int]:
    return (int(x // CELL), int(y // CELL))


def cells(box: Box, width: float, height: float) -> list[tuple[int, int]]:
    """The grid cells ``box`` overlaps, on the page (a shape off the page hides nothing on it)."""
    x0, y0 = cell(max(box[0], -CELL), max(box[1], -CELL))
    x1, y1 = cell(min(box[2], width + CELL), min(box[3], height + CELL))
    return [(i, j) for i in range(x0, x1 + 1) for j in range(y0, y1 + 1)]


def unit_box(ctm: Matrix, ch: Char) -> Box:
    """A glyph's box in a picture's image space (its unit square), through ``ctm``'s inverse."""
    a, b, c, d, e, f = ctm
    det = a * d - b * c
    if abs(det) < 1e-12:
        return (1.0, 1.0, 0.0, 0.0)  # a picture with no area: nothing under the glyph
    pts = []
    for x, y in ((ch[0], ch[1]), (ch[2], ch[1]), (ch[0], ch[3]), (ch[2], ch[3])):
        x, y = x - e, y - f
        pts.append(((d * x - c * y) / det, (-b * x + a * y) / det))
    return bounds(pts)
