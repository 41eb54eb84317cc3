"""Text layer: the glyphs a PDF device kept (``PageGlyphs`` per page) to page texts, or why not.

Input is what the pdfminer device (``device.GlyphDevice``) collected on each page (its size, the visible glyphs
grouped into lines, and counts of visible, hidden and unmapped glyphs); output is one text per
page in reading order plus warnings, for ``document.assemble`` to make a ``Document``. The quality gate
here raises ``ReadError`` with status ``corrupt_pdf`` (no pages), ``needs_ocr`` (no text
layer), ``unreadable_text`` (glyphs without Unicode, or a font mapping glyphs to the wrong
characters) or ``no_visible_text`` (every glyph hidden); the ``hidden_text`` warning says how
many glyphs the device dropped and why. ``MIN_FONT_SIZE`` lives here too: it needs no pdfminer.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from matcher.errors import ReadError
from matcher.read.document import BULLETS
from matcher.read.layout import Line, drop_running_lines, order_page

# Below this size (pt) a glyph is a speck, not text a person reads.
MIN_FONT_SIZE = 2.0


# Glyphs that stand for no known character: the replacement character, and private-use code
# points (symbol fonts without a Unicode map) other than the bullets those fonts draw.
UNREADABLE = frozenset(["\ufffd"] + [chr(c) for c in range(0xE000, 0xF900) if c not in BULLETS])


@dataclass(slots=True)
class PageGlyphs:
    """One PDF page as the device read it: size (pt), visible glyphs in lines, glyph counts.

    ``chars`` counts visible glyphs other than spaces, ``hidden`` those a person cannot see
    (``reasons``: how many for each reason, by the device's reason keys), ``bad`` visible
    ones without a Unicode mapping (dropped), ``images`` the pictures drawn, ``layer`` the
    visible ones that are an OCR layer (invisible text over a picture). Not frozen:
    ``drop_running_lines`` takes running headers out of ``lines`` in place, and OCR
    (``matcher.read.ocr``) fills a page that has no text layer.
    """

    width: float
    height: float
    lines: list[Line]
    chars: int
    hidden: int
    bad: int
    images: int
    reasons: dict[str, int] = field(default_factory=dict)
    layer: int = 0


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
        warnings.append(hidden_warning(hidden, pages))
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


# Why glyphs were dropped, in the words of the ``hidden_text`` warning (the device's keys).
REASONS = {
    "page": "off the page",
    "clip": "clipped out",
    "cover": "covered",
    "optional": "optional content off",
    "small": "under 2 pt",
    "squashed": "squashed",
    "transparent": "transparent",
    "invisible": "invisible",
    "colour": "same colour as the background",
}


def hidden_warning(hidden: int, pages: list[PageGlyphs]) -> str:
    """The ``hidden_text`` warning: how many characters were dropped, and why, most first.

    >>> p = PageGlyphs(612, 792, [], 0, 3, 0, 0, {"cover": 2, "clip": 1})
    >>> hidden_warning(3, [p])
    'hidden_text: 3 characters dropped (covered 2, clipped out 1)'
    """
    why: Counter[str] = Counter()
    for p in pages:
        why.update(p.reasons)
    if not why:
        return f"hidden_text: {hidden} characters dropped"
    parts = ", ".join(f"{REASONS.get(k, k)} {n}" for k, n in why.most_common())
    return f"hidden_text: {hidden} characters dropped ({parts})"


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
