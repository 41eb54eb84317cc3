"""OCR: a scanned page (a PDF page with no text layer, or a PNG/JPEG resume) in, its text lines out.

Input is a PDF's bytes and the pages to recognise, or an image file's bytes; output is one
``OcrPage`` per page: its size in PDF points, its text lines (``layout.Line``, so the reader's
own reading order, running-line removal and assembly apply to them as to a text layer), and the
mean confidence of the recognition. The engine is RapidOCR (PP-OCRv4 models for Chinese and
English, run by onnxruntime; they ship inside the ``rapidocr-onnxruntime`` wheel, nothing is
downloaded); pages are rendered by pypdfium2. Both come with the ``ocr`` extra and are
imported on the first scanned page only; ``available()`` says whether they are installed.

Cost is bounded per page and per file: a page is rendered at ``DPI`` with its longest side at
most ``MAX_SIDE`` pixels, at most ``MAX_BOXES`` text boxes of it are recognised, at most
``MAX_PAGES`` pages of a file are recognised, and no page is started once ``BUDGET`` seconds
have gone (under the reader workers' time limit, so a long scan gives a partial read with a
warning, not a timeout). The engine runs on one thread, so the same page gives the same text.
"""

from __future__ import annotations

import importlib.util
import io
import itertools
import logging
import re
import threading
import time
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from matcher.errors import ReadError
from matcher.read.layout import Char, Line, group_lines, order_page
from matcher.read.textlayer import PageGlyphs
from matcher.text import fold, normalize

ENGINE = "rapidocr-onnxruntime"
# Render resolution: 200 dpi reads 9 pt text as well as 300 dpi at half the pixels
# (bench/bench_ocr.py).
DPI = 200
MAX_SIDE = 2400  # pixels: a poster-sized page is scaled down, not rendered whole
MAX_BOXES = 150  # text boxes recognised per page: a resume page holds 30-80
MAX_PAGES = 10  # pages recognised per file
TEXT_SCORE = 0.5  # a box read with less is not text (rapidocr's own default)
BUDGET = 30.0  # seconds of OCR per file after which no page is started (the limit is 60 s)
# A page read with a lower mean confidence stays ``needs_ocr``: its text would score wrongly.
# bench/bench_ocr.py --threshold: scans of the samples at 200 dpi read at 0.96-0.98 (CER
# under 0.01), noisy 100 dpi ones at 0.93 (English, CER 0.17) and 0.90 (Chinese, CER 0.08); at
# 72 and 60 dpi, where most text is lost (CER 0.8-1.0), confidence falls to 0.85 and 0.47.
MIN_CONFIDENCE = 0.90


@dataclass(frozen=True, slots=True)
class OcrPage:
    """One page as recognised: size (PDF points), text lines, characters, mean confidence."""

    width: float
    height: float
    lines: tuple[Line, ...]
    chars: int
    confidence: float


def available() -> bool:
    """Whether the ``ocr`` extra (rapidocr-onnxruntime, pypdfium2) is installed.

    >>> isinstance(available(), bool)
    True
    """
    return _installed()


@cache
def _installed() -> bool:
    return all(
        importlib.util.find_spec(m) is not None for m in ("rapidocr_onnxruntime", "pypdfium2")
    )


# pdfium is not thread-safe, and the engine is shared: one page at a time per process (the
# service reads in threads; the reader workers are processes, each with its own engine).
_LOCK = threading.Lock()


@cache
def _engine() -> Any:
    # rapidocr logs through a handler of its own to stderr; the library never prints.
    for name in ("RapidOCR", "OrtInferSession"):
        logging.getLogger(name).disabled = True
    import cv2
    from rapidocr_onnxruntime import RapidOCR

    cv2.setNumThreads(1)
    # One thread per session: the same page gives the same text, and reader workers already
    # use every core. No orientation pass: scans of resumes stand upright.
    threads = {
        f"{part}_{kind}_op_num_threads": 1
        for part in ("det", "cls", "rec")
        for kind in ("intra", "inter")
    }
    engine = RapidOCR(
        **threads,
        max_side_len=MAX_SIDE,
        print_verbose=False,
        use_cls=False,
    )
    detect = engine.auto_text_det

    def capped(img: Any) -> tuple[Any, float]:
        # Recognition costs per box: a page of speckle (hundreds of boxes) is cut off before
        # it, top of the page first.
        boxes, elapse = detect(img)
        return (boxes[:MAX_BOXES] if boxes is not None else None), elapse

    engine.auto_text_det = capped
    return engine


def recognise(image: Any, dpi: float) -> OcrPage:
    """Recognise one page image (a PIL image) scanned at ``dpi``.

    Returns:
        An ``OcrPage`` in PDF points (72 per inch), lines in drawing order, confidence 0..1
        (0 when no text was found).
    """
    import numpy as np

    rgb = image.convert("RGB")
    width, height = rgb.width * 72 / dpi, rgb.height * 72 / dpi
    # rapidocr wants OpenCV's channel order (BGR).
    pixels = np.ascontiguousarray(np.asarray(rgb)[:, :, ::-1])
    # Every box found is kept (text_score 0), so that ink the model could not read lowers the
    # page's confidence; only boxes read with TEXT_SCORE or more give text.
    result, _ = _engine()(pixels, return_word_box=True, text_score=0.0)
    chars: list[Char] = []
    weighted = 0.0
    count = 0
    for found in result or []:
        box, text, score = found[0], found[1], found[2]
        n = max(1, sum(1 for c in text if not c.isspace()))
        weighted += float(score) * n
        count += n
        if score < TEXT_SCORE:
            continue
        if len(found) >= 5 and found[4] and len(found[3]) == len(found[4]):
            text = _spaced(found[4], found[3])
        text = text.strip()
        if not text:
            continue
        if text[0] in "·・":  # a list bullet read as a middle dot
            text = "•" + text[1:]
        xs = [p[0] * 72 / dpi for p in box]
        ys = [height - p[1] * 72 / dpi for p in box]
        chars += _spread(min(xs), min(ys), max(xs), max(ys), text)
    lines = tuple(group_lines(chars))
    read = sum(1 for c in chars if not c[4].isspace())
    return OcrPage(width, height, lines, read, weighted / count if count else 0.0)


def _spaced(chars: Sequence[str], boxes: Sequence[Any]) -> str:
    """A recognised line's characters with spaces where the ink has a word gap.

    The recognition model drops most spaces of English text ("Chefwith10years"); its
    per-character positions keep them: two Latin characters whose centres stand more than 1.5
    times the line's median pitch apart have a space between them. CJK text gets none.

    >>> _spaced(list("abcd"), [[[0, 0], [8, 0]], [[10, 0], [18, 0]], [[30, 0], [38, 0]], [[40, 0], [48, 0]]])
    'ab cd'
    """
    centres = [(min(p[0] for p in b) + max(p[0] for p in b)) / 2 for b in boxes]
    pitches = sorted(b - a for a, b in itertools.pairwise(centres))
    if not pitches:
        return "".join(chars)
    median = pitches[len(pitches) // 2]
    out = [chars[0]]
    for k in range(1, len(chars)):
        a, b = chars[k - 1], chars[k]
        wide = unicodedata.east_asian_width(a) in "WF" or unicodedata.east_asian_width(b) in "WF"
        if not wide and not a.isspace() and centres[k] - centres[k - 1] > 1.5 * median:
            out.append(" ")
        out.append(b)
    return "".join(out)


def _spread(x0: float, y0: float, x1: float, y1: float, text: str) -> list[Char]:
    """A recognised box's text as characters across it, wide (CJK) ones taking two shares.

    ``layout.group_lines`` then joins boxes on one row and spaces words as it does for a PDF.
    """
    shares = [2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text]
    unit = (x1 - x0) / sum(shares)
    out: list[Char] = []
    x = x0
    for c, s in zip(text, shares, strict=True):
        out.append((x, y0, x + s * unit, y1, c))
        x += s * unit
    return out


def pdf_pages(data: bytes, pages: Sequence[int]) -> tuple[dict[int, OcrPage], list[str]]:
    """Render and recognise ``pages`` (0-based) of a PDF, within the per-file caps.

    Returns:
        ``({page: OcrPage}, warnings)``: pages past ``MAX_PAGES`` or ``BUDGET`` are left out
        and an ``ocr_cap`` warning names them.
    """
    import pypdfium2

    out: dict[int, OcrPage] = {}
    skipped: list[int] = []
    started = time.monotonic()
    with _LOCK:
        try:
            doc = pypdfium2.PdfDocument(data)
        except Exception:  # pdfminer read it; pdfium may not: the page stays unread
            return {}, ["ocr_cap: the PDF could not be rendered for OCR"]
        try:
            for n, i in enumerate(pages):
                if n >= MAX_PAGES or time.monotonic() - started > BUDGET:
                    skipped.append(i)
                    continue
                page = doc[i]
                w, h = page.get_size()
                dpi = min(DPI, MAX_SIDE * 72 / max(w, h, 1.0))
                image = page.render(scale=dpi / 72, grayscale=True).to_pil()
                out[i] = recognise(image, dpi)
        finally:
            doc.close()
    warnings = []
    if skipped:
        warnings.append(
            f"ocr_cap: page {_pages(skipped)} not recognised (at most {MAX_PAGES} pages "
            f"and {BUDGET:g} s of OCR per file)"
        )
    return out, warnings


def image_page(data: bytes) -> OcrPage:
    """Recognise a PNG or JPEG resume (its first frame).

    Raises:
        ReadError: ``not_a_resume`` when the image cannot be decoded.
    """
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as im:
            dpi = float((im.info.get("dpi") or (150, 150))[0] or 150)
            if max(im.size) > 4 * MAX_SIDE:
                im.draft("L", (MAX_SIDE, MAX_SIDE))  # JPEG: decode at a fraction of the size
            scale = min(1.0, MAX_SIDE / max(im.size))
            if im.width * im.height > 64_000_000 and scale == 1.0:
                raise ReadError("image too large to read", status="too_large")
            image = im.convert("L")
            if scale < 1.0:
                image = image.resize((round(im.width * scale), round(im.height * scale)))
                dpi *= scale
    except ReadError:
        raise
    except (OSError, ValueError, Image.DecompressionBombError):
        raise ReadError("image could not be decoded", status="not_a_resume") from None
    with _LOCK:
        return recognise(image, max(dpi, 50.0))


def _pages(numbers: Sequence[int]) -> str:
    """0-based page indexes as the 1-based list a person reads: ``1, 2, 5``."""
    return ", ".join(str(i + 1) for i in numbers)


def fill_pages(data: bytes, pages: list[PageGlyphs], warnings: list[str]) -> None:
    """Recognise the pages of a PDF that have a picture and no text layer, in place.

    A page recognised with a mean confidence of ``MIN_CONFIDENCE`` or more gets the recognised
    lines as its text, and an ``ocr`` warning names it with the confidence; a page below it
    keeps no text and a ``needs_ocr`` warning says why. A page whose only text is an OCR layer
    the PDF carries (invisible text over its picture) is recognised too, and the layer's lines
    the picture does not show are dropped as hidden text.

    Raises:
        ReadError: ``needs_ocr`` when no page has text after recognition.
    """
    blank = [i for i, p in enumerate(pages) if p.chars == 0 and p.images]
    layered = [i for i, p in enumerate(pages) if p.chars and p.layer == p.chars and p.images]
    if not blank and not layered:
        return
    read, caps = pdf_pages(data, sorted(blank + layered))
    warnings += caps
    good: list[int] = []
    low: list[tuple[int, float]] = []
    for i in blank:
        page = read.get(i)
        if page is None or not page.chars:
            continue
        if page.confidence < MIN_CONFIDENCE:
            low.append((i, page.confidence))
            continue
        p = pages[i]
        p.width, p.height, p.lines, p.chars = page.width, page.height, list(page.lines), page.chars
        good.append(i)
    for i in layered:
        page = read.get(i)
        if page is not None and page.confidence >= MIN_CONFIDENCE:
            _check_layer(pages[i], page)
    if good:
        mean = sum(read[i].confidence * read[i].chars for i in good) / sum(
            read[i].chars for i in good
        )
        warnings.append(
            f"ocr: page {_pages(good)} read by OCR ({ENGINE}), mean confidence {mean:.2f}"
        )
    if low:
        worst = min(c for _, c in low)
        warnings.append(
            f"needs_ocr: page {_pages([i for i, _ in low])} read by OCR with confidence "
            f"{worst:.2f}, under {MIN_CONFIDENCE:.2f}: left out"
        )
    if not any(p.chars or p.hidden or p.bad for p in pages):
        why = "OCR found no text"
        if low:
            why = f"OCR confidence {max(c for _, c in low):.2f} is under {MIN_CONFIDENCE:.2f}"
        elif caps:
            why = f"OCR stopped at its cap of {MAX_PAGES} pages and {BUDGET:g} s per file"
        raise ReadError(f"no text layer: scanned or image-only PDF ({why})", status="needs_ocr")


def image_text(data: bytes) -> tuple[list[str], list[str]]:
    """The page text and warnings of a PNG or JPEG resume, recognised.

    Raises:
        ReadError: ``needs_ocr`` when nothing was recognised or the confidence is under
            ``MIN_CONFIDENCE``; ``not_a_resume`` when the image cannot be decoded.
    """
    page = image_page(data)
    if not page.chars:
        raise ReadError("an image with no text OCR could find", status="needs_ocr")
    if page.confidence < MIN_CONFIDENCE:
        raise ReadError(
            f"an image read by OCR with confidence {page.confidence:.2f}, under "
            f"{MIN_CONFIDENCE:.2f}: not scored",
            status="needs_ocr",
        )
    text = "\n".join(order_page(page.lines, page.width))
    return [text], [f"ocr: page 1 read by OCR ({ENGINE}), mean confidence {page.confidence:.2f}"]


_TOKEN = re.compile(r"[^\W_]+")


def _tokens(text: str) -> list[str]:
    """Words (Latin, digits) and single CJK characters, folded: what two readings share."""
    out: list[str] = []
    for w in _TOKEN.findall(fold(normalize(text))):
        if any(unicodedata.east_asian_width(c) in "WF" for c in w):
            out += list(w)
        else:
            out.append(w)
    return out


def _check_layer(page: PageGlyphs, seen: OcrPage) -> None:
    """Drop the lines of a carried OCR layer that the page's picture does not show.

    A line is kept when at least half of its words (or CJK characters) are among those
    recognised on the picture; a line with no ink under it is hidden text, counted as such.
    """
    ink = Counter(t for ln in seen.lines for t in _tokens(ln.text))
    kept: list[Line] = []
    for ln in page.lines:
        words = _tokens(ln.text)
        if not words or sum(1 for w in words if ink[w]) * 2 >= len(words):
            kept.append(ln)
        else:
            n = sum(1 for c in ln.text if not c.isspace())
            page.hidden += n
            page.chars -= n
            page.layer -= n
    page.lines = kept
