"""Text layer: the glyphs a PDF device kept (``PageGlyphs`` per page) to page texts, or why not.

Input is what the pdfminer device (``device.GlyphDevice``) collected on each page (its size, the visible glyphs
grouped into lines, and counts of visible, hidden and unmapped glyphs); output is one text per
page in reading order plus warnings, for ``document.assemble`` to make a ``Document``. The quality gate
here raises ``ReadError`` with status ``corrupt_pdf`` (no pages), ``needs_ocr`` (no text
layer), ``unreadable_text`` (glyphs without Unicode, or a font mapping glyphs to the wrong
characters) or ``no_visible_text`` (every glyph hidden). The colour maths the device judges
visibility by (``rgb``, ``contrast``, ``MIN_FONT_SIZE``) lives here too: it needs no pdfminer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from matcher.errors import ReadError
from matcher.read.document import BULLETS
from matcher.read.layout import Line, drop_running_lines, order_page

# Below this size (pt) a glyph is a speck, not text a person reads.
MIN_FONT_SIZE = 2.0


def rgb(color: Any, space: Any) -> tuple[float, float, float] | None:
    """A PDF colour in colour space ``space`` as RGB in 0..1; None when it cannot be told.

    Gray, RGB and CMYK (device, calibrated or ICC) convert directly; a one-ink Separation or
    DeviceN tint is taken as that much black ink (tint 0 is no ink: the paper shows); Indexed,
    Lab and patterns are unknown.

    >>> rgb((0.0, 0.0, 0.0, 1.0), None), rgb(0.25, None)
    ((0.0, 0.0, 0.0), (0.25, 0.25, 0.25))
    """
    name = getattr(space, "name", "DeviceGray")
    try:
        return _rgb_of(color, name)
    except TypeError:  # an unhashable colour value (a list): convert without the cache
        return _rgb_of.__wrapped__(color, name)


@cache
def _rgb_of(color: Any, space: str) -> tuple[float, float, float] | None:
    try:
        v = [float(c) for c in color] if isinstance(color, list | tuple) else [float(color)]
    except (TypeError, ValueError):
        return None
    if len(v) == 1:
        if space in ("Separation", "DeviceN"):
            return (1 - v[0],) * 3
        return (v[0],) * 3 if space in ("DeviceGray", "CalGray", "ICCBased") else None
    if len(v) == 3 and space not in ("Lab", "Indexed"):
        return (v[0], v[1], v[2])
    if len(v) == 4:
        c, m, y, k = v
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return None


WHITE = (1.0, 1.0, 1.0)
# Glyphs that stand for no known character: the replacement character, and private-use code
# points (symbol fonts without a Unicode map) other than the bullets those fonts draw.
UNREADABLE = frozenset(["\ufffd"] + [chr(c) for c in range(0xE000, 0xF900) if c not in BULLETS])


@dataclass(slots=True)
class PageGlyphs:
    """One PDF page as the device read it: size (pt), visible glyphs in lines, glyph counts.

    ``chars`` counts visible glyphs other than spaces, ``hidden`` those a person cannot see,
    ``bad`` visible ones without a Unicode mapping (dropped), ``images`` the pictures drawn,
    ``layer`` the visible ones that are an OCR layer (invisible text over a picture). Not
    frozen: ``drop_running_lines`` takes running headers out of ``lines`` in place, and OCR
    (``matcher.read.ocr``) fills a page that has no text layer.
    """

    width: float
    height: float
    lines: list[Line]
    chars: int
    hidden: int
    bad: int
    images: int
    layer: int = 0


@cache
def contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """How far apart two RGB colours are: the largest difference of one channel (0..1).

    >>> contrast((1.0, 1.0, 1.0), (0.9, 0.95, 1.0))
    0.09999999999999998
    """
    return max(abs(a[0] - b[0]), abs(a[1] - b[1]), abs(a[2] - b[2]))


def page_texts(pages: list[PageGlyphs], warnings: list[str]) -> tuple[list[str], list[str]]:
    """The quality gate and the reading order over the pages the device collected.

    Args:
        pages: every page read, in order.
        warnings: the reader's warnings so far; ``hidden_text``, ``unreadable_text`` and
            ``needs_ocr`` (a page with pictures and no text) are appended.

    Returns:
        ``(texts, warnings)``: one text per page in reading order, running headers and page
        numbers dropped.

    Raises:
        ReadError: ``corrupt_pdf``, ``needs_ocr``, ``unreadable_text`` or ``no_visible_text``.

    >>> page_texts([PageGlyphs(612, 792, [], 0, 0, 0, 1)], [])
    Traceback (most recent call last):
    matcher.errors.ReadError: no text layer: scanned or image-only PDF
    """
    if not pages:
        raise ReadError("PDF has no pages", status="corrupt_pdf")
    chars = sum(p.chars for p in pages)
    hidden = sum(p.hidden for p in pages)
    bad = sum(p.bad for p in pages)
    if chars + hidden + bad == 0:
        raise ReadError("no text layer: scanned or image-only PDF", status="needs_ocr")
    if bad > 0.3 * (chars + bad):
        raise ReadError(
            f"text layer is unreadable: {bad} of {chars + bad} characters have no Unicode "
            "mapping (cid codes)",
            status="unreadable_text",
        )
    if chars == 0:
        raise ReadError(
            f"no visible text: all {hidden} characters are hidden "
            "(white on white, microscopic, off the page or invisible)",
            status="no_visible_text",
        )
    if hidden:
        warnings.append(f"hidden_text: {hidden} characters dropped")
    if bad:
        warnings.append(f"unreadable_text: {bad} characters without a Unicode mapping dropped")
    blank = [i + 1 for i, p in enumerate(pages) if p.chars == 0 and p.images]
    if blank:
        warnings.append(f"needs_ocr: page {', '.join(map(str, blank))} has no text layer")
    drop_running_lines([(p.width, p.height, p.lines) for p in pages])
    texts = ["\n".join(order_page(p.lines, p.width)) for p in pages]
    if _garbled(texts):
        raise ReadError(
            "text layer is garbled: its fonts map glyphs to the wrong characters",
            status="unreadable_text",
        )
    return texts, warnings


_ASCII_TOKEN = re.compile(r"[A-Za-z0-9]+")
_HAS_LETTER = re.compile(r"[A-Za-z]")
_HAS_DIGIT = re.compile(r"[0-9]")


def _garbled(texts: list[str]) -> bool:
    """Whether most Latin words mix letters and digits ("0w1w23w4"): a font's wrong Unicode map.

    Real resumes, English or Chinese, stay far below a half ("B2B", "P2P", "S3" are rare);
    glyph ids read as character codes come out as such tokens nearly everywhere.
    """
    tokens = [t for text in texts for t in _ASCII_TOKEN.findall(text)]
    if len(tokens) < 20:
        return False
    mixed = sum(1 for t in tokens if _HAS_LETTER.search(t) and _HAS_DIGIT.search(t))
    return mixed > 0.5 * len(tokens)
