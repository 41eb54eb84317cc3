"""Pdfium: a PDF file's bytes in, its page texts in reading order and warnings out, on pypdfium2.

The fast character source (``reader="pdfium"``, ``--reader pdfium``): pdfium parses the
content streams in C, and this module hands what it found, in drawing order, to the same judge
as the pdfminer device (``matcher.read.visibility``): every glyph with its box in page space
(pdfminer's box: from the font's descent, the glyph's advance wide and one em high), its
colour, render mode, em size, clip and opacity, and the filled shapes drawn before and after
it. Then the same ``group_lines`` and quality gate (``textlayer.page_texts``). Characters
pdfium made up (the spaces and line ends it infers) are left out: ``group_lines`` infers word
spaces from the gaps, as it does for pdfminer's glyphs.

What this module does not judge itself it leaves to pdfminer, for the whole file
(``Fallback``): pictures and forms (their pixels and BBoxes), marked optional content, and
text drawn as a clip. On the dev livecareer PDFs none of these occur. pypdfium2 lives here
and in ``ocr`` only, imported on the first PDF this reader reads.
"""

from __future__ import annotations

import ctypes
import math
import re
from collections.abc import Callable
from typing import Any

from matcher.errors import ReadError
from matcher.read.canvas import Box, axis_aligned, bounds
from matcher.read.colours import RGB
from matcher.read.layout import Char
from matcher.read.textlayer import PageGlyphs
from matcher.read.visibility import INVISIBLE_ALPHA, Visibility

_TEXT, _PATH, _IMAGE, _SHADING, _FORM = 1, 2, 3, 4, 5
_BEZIER = 1  # FPDF_SEGMENT_BEZIERTO
_Matrix = tuple[float, float, float, float, float, float]
_SURROGATE = re.compile("[\ud800-\udfff]")


class Fallback(Exception):
    """The page holds something this reader leaves to pdfminer (the message says what)."""


def read_pdf(data: bytes, max_pages: int, ocr: bool = False) -> tuple[list[str], list[str]]:
    """Page texts and warnings of a PDF read with pdfium (``matcher.read.pdf.read_pdf``'s twin).

    A file with pictures, forms or optional content is read by pdfminer instead (``Fallback``).

    Raises:
        ReadError: ``encrypted``, ``corrupt_pdf``, ``too_large`` or the quality gate's statuses.
    """
    from matcher.read.textlayer import page_texts

    try:
        pages, warnings = glyph_pages(data, max_pages)
    except Fallback:
        from matcher.read.pdf import read_pdf as read_with_pdfminer

        return read_with_pdfminer(data, max_pages, ocr=ocr)
    if ocr and pages:
        from matcher.read.ocr import fill_pages  # a page with pictures went to pdfminer: no-op

        fill_pages(data, pages, warnings)
    return page_texts(pages, warnings)


def glyph_pages(data: bytes, max_pages: int) -> tuple[list[PageGlyphs], list[str]]:
    """Every page's visible glyphs (``PageGlyphs``) and the warnings so far, read with pdfium.

    Raises:
        Fallback: the file needs pdfminer (pictures, forms, optional content).
        ReadError: ``encrypted``, ``corrupt_pdf`` or ``too_large``.
    """
    import pypdfium2 as pdfium

    api = _api()
    warnings: list[str] = []
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise ReadError("encrypted PDF: a password is required", status="encrypted") from None
        raise ReadError("damaged PDF: pdfium could not open it", status="corrupt_pdf") from None
    judge = Visibility()
    # Optional content needs /OCProperties in the catalog: where neither it nor compressed
    # objects (which could hide it) are in the file, marked content is not looked at.
    marks = b"/OCProperties" in data or b"/ObjStm" in data
    try:
        total = len(pdf)
        for n in range(total):
            if n >= max_pages:
                warnings.append(f"page_cap: only the first {max_pages} of {total} pages were read")
                break
            page = pdf[n]
            try:
                _read_page(api, page, judge, marks)
            finally:
                page.close()
    except pdfium.PdfiumError:
        raise ReadError("damaged PDF: pdfium could not read a page", status="corrupt_pdf") from None
    finally:
        pdf.close()
    return judge.pages, warnings


# ---------------------------------------------------------------- the C functions, called lean


class _Api:
    """pdfium's functions with plain ``c_void_p`` handles: no wrapper objects per call."""

    def __init__(self, lib: Any) -> None:
        vp, i, d, f, u = (
            ctypes.c_void_p,
            ctypes.c_int,
            ctypes.c_double,
            ctypes.c_float,
            ctypes.c_uint,
        )

        def fn(name: str, restype: Any, *argtypes: Any) -> Callable[..., Any]:
            f_ = lib[name]  # indexing makes a new function object: pypdfium2's stays as it is
            f_.restype, f_.argtypes = restype, argtypes
            return f_  # type: ignore[no-any-return]

        self.bounding_box = fn("FPDF_GetPageBoundingBox", i, vp, vp)
        self.media_box = fn("FPDFPage_GetMediaBox", i, vp, vp, vp, vp, vp)
        self.rotation = fn("FPDFPage_GetRotation", i, vp)
        self.width = fn("FPDF_GetPageWidthF", f, vp)
        self.height = fn("FPDF_GetPageHeightF", f, vp)
        self.count_objects = fn("FPDFPage_CountObjects", i, vp)
        self.get_object = fn("FPDFPage_GetObject", vp, vp, i)
        self.obj_type = fn("FPDFPageObj_GetType", i, vp)
        self.count_marks = fn("FPDFPageObj_CountMarks", i, vp)
        self.get_mark = fn("FPDFPageObj_GetMark", vp, vp, ctypes.c_ulong)
        self.mark_name = fn("FPDFPageObjMark_GetName", i, vp, vp, ctypes.c_ulong, vp)
        self.matrix = fn("FPDFPageObj_GetMatrix", i, vp, vp)
        self.fill = fn("FPDFPageObj_GetFillColor", i, vp, vp, vp, vp, vp)
        self.stroke = fn("FPDFPageObj_GetStrokeColor", i, vp, vp, vp, vp, vp)
        self.transparent = fn("FPDFPageObj_HasTransparency", i, vp)
        self.clip_path = fn("FPDFPageObj_GetClipPath", vp, vp)
        self.clip_count = fn("FPDFClipPath_CountPaths", i, vp)
        self.clip_segments = fn("FPDFClipPath_CountPathSegments", i, vp, i)
        self.clip_segment = fn("FPDFClipPath_GetPathSegment", vp, vp, i, i)
        self.draw_mode = fn("FPDFPath_GetDrawMode", i, vp, vp, vp)
        self.path_segments = fn("FPDFPath_CountSegments", i, vp)
        self.path_segment = fn("FPDFPath_GetPathSegment", vp, vp, i)
        self.segment_point = fn("FPDFPathSegment_GetPoint", i, vp, vp, vp)
        self.segment_type = fn("FPDFPathSegment_GetType", i, vp)
        self.render_mode = fn("FPDFTextObj_GetTextRenderMode", i, vp)
        self.font_size = fn("FPDFTextObj_GetFontSize", i, vp, vp)
        self.load_text = fn("FPDFText_LoadPage", vp, vp)
        self.close_text = fn("FPDFText_ClosePage", None, vp)
        self.count_chars = fn("FPDFText_CountChars", i, vp)
        self.get_text = fn("FPDFText_GetText", i, vp, i, i, vp)
        self.unicode = fn("FPDFText_GetUnicode", u, vp, i)
        self.text_font = fn("FPDFTextObj_GetFont", vp, vp)
        self.glyph_width = fn("FPDFFont_GetGlyphWidth", i, vp, ctypes.c_uint32, f, vp)
        self.bounds = fn("FPDFPageObj_GetBounds", i, vp, vp, vp, vp, vp)
        self.text_object = fn("FPDFText_GetTextObject", vp, vp, i)
        self.loose_box = fn("FPDFText_GetLooseCharBox", i, vp, i, vp)
        self.map_error = fn("FPDFText_HasUnicodeMapError", i, vp, i)
        del d


_API: _Api | None = None


def _api() -> _Api:
    global _API
    if _API is None:
        import pypdfium2_raw.bindings as bindings

        _API = _Api(bindings._libs["pdfium"])
    return _API


def _handle(obj: Any) -> int:
    return ctypes.cast(obj, ctypes.c_void_p).value or 0


# ---------------------------------------------------------------- geometry


def _page_matrix(api: _Api, page: int) -> tuple[_Matrix, float, float, Box]:
    """What pdfminer's interpreter puts in the CTM for the page's MediaBox and rotation, the
    page's width and height as it is shown, and what it shows (MediaBox and CropBox met)."""
    box = (ctypes.c_float * 4)()  # FS_RECTF: left, top, right, bottom
    if not api.bounding_box(page, ctypes.addressof(box)):
        raise ReadError("damaged PDF: a page without a size", status="corrupt_pdf")
    shown = (box[0], min(box[1], box[3]), box[2], max(box[1], box[3]))
    rotate = (api.rotation(page) % 4) * 90
    w, h = api.width(page), api.height(page)
    if rotate in (90, 270):
        w, h = h, w
    mx0, my0, mx1, my1 = (ctypes.c_float() for _ in range(4))
    if api.media_box(page, *(ctypes.addressof(v) for v in (mx0, my0, mx1, my1))):
        x0, y0, x1, y1 = mx0.value, my0.value, mx1.value, my1.value
    elif abs(shown[2] - shown[0] - w) < 0.01 and abs(shown[3] - shown[1] - h) < 0.01:
        x0, y0, x1, y1 = shown  # an inherited MediaBox, and no smaller CropBox
    else:
        raise Fallback("an inherited MediaBox under a smaller CropBox")
    if rotate == 90:
        m: _Matrix = (0.0, -1.0, 1.0, 0.0, -y0, x1)
    elif rotate == 180:
        m = (-1.0, 0.0, 0.0, -1.0, x1, y1)
    elif rotate == 270:
        m = (0.0, 1.0, -1.0, 0.0, y1, -x0)
    else:
        m = (1.0, 0.0, 0.0, 1.0, -x0, -y0)
    w, h = abs(x1 - x0), abs(y1 - y0)
    return m, (h if rotate in (90, 270) else w), (w if rotate in (90, 270) else h), shown


def _apply(m: _Matrix, box: Box) -> Box:
    a, b, c, d, e, f = m
    x0, y0, x1, y1 = box
    if b == 0 and c == 0:  # upright: two corners do
        xa, xb, ya, yb = a * x0 + e, a * x1 + e, d * y0 + f, d * y1 + f
        return (min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb))
    xs = [a * x + c * y + e for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1))]
    ys = [b * x + d * y + f for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1))]
    return (min(xs), min(ys), max(xs), max(ys))


# ---------------------------------------------------------------- one page


class _Objects:
    """What a page draws, in drawing order: each text object's style and each filled shape.

    ``texts`` maps a text object's handle to ``(order, why, invisible, colour, em_h, clip,
    alpha)``; ``paints`` holds ``(order, box, colour, aligned, clip, alpha, normal)``.
    """

    def __init__(self, api: _Api, judge: Visibility, m: _Matrix) -> None:
        self.api, self.judge, self.m = api, judge, m
        self.texts: dict[int, tuple[int, str | None, bool, RGB | None, float, Box | None, float]]
        self.texts = {}
        self.paints: list[tuple[int, Box, RGB | None, bool, Box | None, float, bool]] = []
        self.clips: dict[int, Box | None] = {}
        self.origins: dict[int, tuple[float, float, float]] = {}  # text object: x, y, em width
        c = ctypes
        self._rgba = [c.c_uint() for _ in range(4)]
        self._rgba_ptrs = [c.addressof(v) for v in self._rgba]
        self._matrix = (c.c_float * 6)()
        self._size = c.c_float()
        self._x, self._y = c.c_float(), c.c_float()
        self._name = (c.c_char * 256)()
        self._len = c.c_ulong()

    def walk(self, page: int, marks: bool = True) -> None:
        """Every object of the page; ``marks``: look for optional content in marked content.

        The loop over text objects is written out (no method calls): on the livecareer PDFs
        every glyph is a text object of its own, 3,000 a page.
        """
        api = self.api
        get_object, obj_type, count_marks = api.get_object, api.obj_type, api.count_marks
        render_mode, matrix, font_size, fill = api.render_mode, api.matrix, api.font_size, api.fill
        clip_path, stroke = api.clip_path, api.stroke
        m_ptr, size_ptr = ctypes.addressof(self._matrix), ctypes.addressof(self._size)
        rgba = self._rgba_ptrs
        r, g, b, a = self._rgba
        mat, size = self._matrix, self._size
        texts, origins, clips = self.texts, self.origins, self.clips
        reason = self.judge.string_reason
        reasons: dict[tuple[float, float], str | None] = {}
        colours: dict[tuple[int, int, int], RGB] = {}
        word = ctypes.c_void_p.from_address
        hypot = math.hypot
        for i in range(api.count_objects(page)):
            obj = get_object(page, i)
            if marks and count_marks(obj):
                self._marks(obj)
            # The render mode is -1 for an object that is not text: one call tells both.
            mode = render_mode(obj)
            if mode < 0:
                kind = obj_type(obj)
                if kind == _TEXT:
                    raise Fallback("text without a render mode")
                if kind == _PATH:
                    self._path(obj, i)
                elif kind == _IMAGE:
                    raise Fallback("a picture")
                elif kind == _FORM:
                    raise Fallback("a form")
                # shadings (sh) paint no shape pdfminer tells the device about either
                continue
            if mode >= 4:
                raise Fallback("text drawn as a clip")
            matrix(obj, m_ptr)
            font_size(obj, size_ptr)
            em = abs(size.value)
            em_w, em_h = em * hypot(mat[0], mat[1]), em * hypot(mat[2], mat[3])
            if (em_w, em_h) in reasons:
                why = reasons[em_w, em_h]
            else:
                why = reasons[em_w, em_h] = reason(em_w, em_h, False)
            colour: RGB | None = None
            alpha = 1.0
            if fill(obj, *rgba):
                alpha = a.value / 255
                key = (r.value, g.value, b.value)
                colour = colours.get(key)
                if colour is None:
                    colour = colours[key] = (key[0] / 255, key[1] / 255, key[2] / 255)
            if mode in (1, 5):
                colour, _ = self._colour(stroke, obj)
            if why is None and alpha < INVISIBLE_ALPHA:
                why = "transparent"
            handle = clip_path(obj)
            clip = None
            if handle:
                # pdfium keeps a clip as a shared, copy-on-write value: the word at the start
                # of an object's clip is that value's address, the same for every object
                # drawn under one ``W n``, so each clip is measured once; none (0): no clip.
                shared = word(handle).value or 0
                if shared:
                    clip = clips[shared] if shared in clips else self._clip(handle, shared)
            texts[obj] = (i, why, mode in (3, 7), colour, em_h, clip, alpha)
            origins[obj] = (mat[4], mat[5], em_w)

    def _marks(self, obj: int) -> None:
        api = self.api
        for k in range(api.count_marks(obj)):
            mark = api.get_mark(obj, k)
            if mark and api.mark_name(
                mark, ctypes.addressof(self._name), 256, ctypes.addressof(self._len)
            ):
                name = bytes(self._name)[: self._len.value].decode("utf-16-le", "replace")
                if name.rstrip("\0") == "OC":
                    raise Fallback("optional content")

    def _colour(self, get: Callable[..., int], obj: int) -> tuple[RGB | None, float]:
        r, g, b, a = self._rgba
        if not get(obj, *self._rgba_ptrs):
            return None, 1.0
        return (r.value / 255, g.value / 255, b.value / 255), a.value / 255

    def _clip(self, handle: int, key: int) -> Box | None:
        """A clip (``FPDFPageObj_GetClipPath``) as one box in page space: the intersection
        of its paths' bounds, as pdfminer's side takes it. Kept under ``key`` (its shared
        value's address; 0: not kept)."""
        api = self.api
        box: Box | None = None
        n = api.clip_count(handle)
        for k in range(max(n, 0)):
            pts = []
            for j in range(api.clip_segments(handle, k)):
                seg = api.clip_segment(handle, k, j)
                if seg and api.segment_point(
                    seg, ctypes.addressof(self._x), ctypes.addressof(self._y)
                ):
                    pts.append((self._x.value, self._y.value))
            part = _apply(self.m, bounds(pts)) if pts else (0.0, 0.0, 0.0, 0.0)
            box = part if box is None else _meet(box, part)
        if key:
            self.clips[key] = box
        return box

    def _object_clip(self, obj: int) -> Box | None:
        handle = self.api.clip_path(obj)
        if not handle:
            return None
        key = ctypes.c_void_p.from_address(handle).value or 0
        if not key:
            return None
        return self.clips[key] if key in self.clips else self._clip(handle, key)

    def _path(self, obj: int, order: int) -> None:
        api = self.api
        fill, stroke = ctypes.c_int(), ctypes.c_int()
        if not api.draw_mode(obj, ctypes.addressof(fill), ctypes.addressof(stroke)):
            return
        if not fill.value:
            return
        api.matrix(obj, ctypes.addressof(self._matrix))
        a, b, c, d, e, f = self._matrix
        pts = []
        x, y = self._x, self._y
        px, py = ctypes.addressof(x), ctypes.addressof(y)
        curve = 0
        for j in range(api.path_segments(obj)):
            seg = api.path_segment(obj, j)
            if not seg or not api.segment_point(seg, px, py):
                continue
            if api.segment_type(seg) == _BEZIER:
                curve += 1
                if curve % 3:  # pdfminer keeps a curve's end point only
                    continue
            else:
                curve = 0
            u, v = a * x.value + c * y.value + e, b * x.value + d * y.value + f
            pts.append(_apply(self.m, (u, v, u, v))[:2])
        if len(pts) < 3:
            return
        colour, alpha = self._colour(api.fill, obj)
        # Blend modes and soft masks are not told apart from opacity: any of them with an
        # opaque fill is taken for "not normal", as pdfminer's side takes a blend or mask.
        normal = alpha < 1.0 or not api.transparent(obj)
        self.paints.append(
            (order, bounds(pts), colour, axis_aligned(pts), self._object_clip(obj), alpha, normal)
        )


def _meet(a: Box, b: Box) -> Box:
    return (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))


def _read_page(api: _Api, page: Any, judge: Visibility, marks: bool) -> None:
    handle = _handle(page.raw)
    m, w, h, shown = _page_matrix(api, handle)
    judge.start_page(w, h, _apply(m, shown))
    objects = _Objects(api, judge, m)
    objects.walk(handle, marks)
    text = api.load_text(handle)
    if not text:
        raise ReadError("damaged PDF: pdfium could not read a page", status="corrupt_pdf")
    try:
        glyphs = _glyphs(api, text, objects)
    finally:
        api.close_text(text)
    _replay(judge, objects, glyphs)
    judge.finish_page()


def _page_text(api: _Api, tp: int, n: int) -> str | None:
    """The text page's characters, one per index; None when some need two UTF-16 units."""
    buf = (ctypes.c_ushort * (n + 1))()
    got = api.get_text(tp, 0, n, ctypes.addressof(buf))
    text = bytes(buf)[: 2 * max(got - 1, 0)].decode("utf-16-le", "surrogatepass")
    if len(text) != n or _SURROGATE.search(text):
        return None
    return text


def _glyphs(api: _Api, tp: int, objects: _Objects) -> list[tuple[int, int, Char]]:
    """Each glyph pdfium found: its object's drawing order, its index, the glyph."""
    n = api.count_chars(tp)
    if n <= 0:
        return []
    text = _page_text(api, tp, n)
    rect = (ctypes.c_float * 4)()  # FS_RECTF: left, top, right, bottom
    rp = ctypes.addressof(rect)
    texts, m = objects.texts, objects.m
    text_object, loose_box = api.text_object, api.loose_box
    plain = m[:4] == (1.0, 0.0, 0.0, 1.0)  # an unrotated page: a shift only
    me, mf = m[4], m[5]
    out: list[tuple[int, int, Char]] = []
    last, style = None, None
    order, em_h = 0, 0.0
    seen: set[int] = set()
    for i in range(n):
        obj = text_object(tp, i)
        if not obj:
            continue  # a space or line end pdfium inferred: group_lines infers its own
        if obj != last:
            last, style = obj, texts.get(obj)
            seen.add(obj)
            if style is not None:
                order, em_h = style[0], style[4]
        if style is None:
            continue  # not on the page's top level (cannot happen: forms fall back)
        if text is None:
            code = api.unicode(tp, i)
            ch = chr(code) if 0 < code < 0x110000 else "\ufffd"
        else:
            ch = text[i]
        if ch == "\ufffe":
            ch = "-"  # pdfium marks a hyphen that ends a line so; pdfminer reads the hyphen
        elif ch < " " and (ch == "\x00" or api.map_error(tp, i)):
            # No Unicode for this glyph (pdfium gives its code): unreadable, as pdfminer's
            # "(cid:N)" is.
            ch = "\ufffd"
        loose_box(tp, i, rp)
        left, top, right, bottom = rect
        # pdfminer's box: the advance wide, from the font's descent one em high
        y0 = bottom if bottom < top else top
        if plain:
            out.append((order, i, (left + me, y0 + mf, right + me, y0 + em_h + mf, ch)))
        else:
            box = _apply(m, (min(left, right), y0, max(left, right), y0 + em_h))
            out.append((order, i, (*box, ch)))
    if len(seen) < len(texts):
        out += _dropped_spaces(api, tp, objects, seen)
    return out


def _dropped_spaces(
    api: _Api, tp: int, objects: _Objects, seen: set[int]
) -> list[tuple[int, int, Char]]:
    """The blank glyphs pdfium's text page left out, put back.

    pdfium drops a space drawn on its own (a text object of one blank glyph) and infers a
    space of its own only where the gap looks wide enough to it ("of external" came out
    "ofexternal" on the livecareer PDFs, where every glyph is its own object). A text object
    the text page skipped whose bounds are empty (a glyph without ink) is such a space: it
    goes to ``group_lines`` as pdfminer's would, from its origin as wide as the font's space
    and one em high from a fifth of an em below the baseline. One that takes no room (the
    next glyph starts where it does) is a zero-width space, as pdfminer reads it.
    """
    out: list[tuple[int, int, Char]] = []
    box = (ctypes.c_float * 4)()
    ptrs = [ctypes.addressof(box) + 4 * k for k in range(4)]
    width = ctypes.c_float()
    objs = list(objects.texts)  # in drawing order
    for k, obj in enumerate(objs):
        if obj in seen or not api.bounds(obj, *ptrs):
            continue
        left, bottom, right, top = box
        if right - left > 0.01 or top - bottom > 0.01:
            continue  # ink the text page did not take (drawn twice for bold): not a space
        x, y, em_w = objects.origins[obj]
        style = objects.texts[obj]
        em_h = style[4]
        after = objects.origins[objs[k + 1]] if k + 1 < len(objs) else None
        if after is not None and abs(after[0] - x) < 0.01 and abs(after[1] - y) < 0.01:
            text, advance = "\u200b", 0.0
        else:
            font = api.text_font(obj)
            ok = font and api.glyph_width(font, 32, 1.0, ctypes.addressof(width))
            text, advance = " ", (width.value if ok else 0.25) * em_w
        space = _apply(objects.m, (x, y - 0.2 * em_h, x + advance, y + 0.8 * em_h))
        out.append((style[0], -1, (*space, text)))
    return out


def _replay(judge: Visibility, objects: _Objects, glyphs: list[tuple[int, int, Char]]) -> None:
    """Shapes and glyphs to the judge in drawing order, each under its own clip and opacity."""
    if any(glyphs[k][0] > glyphs[k + 1][0] for k in range(len(glyphs) - 1)):
        glyphs.sort(key=lambda g: (g[0], g[1]))
    paints = objects.paints
    styles = {s[0]: s for s in objects.texts.values()}
    p = 0
    state: tuple[Box | None, float, bool] | None = None
    glyph = judge.glyph
    for order, _, ch in glyphs:
        while p < len(paints) and paints[p][0] < order:
            _, pbox, colour, aligned, clip, alpha, normal = paints[p]
            if state != (clip, alpha, normal):
                state = (clip, alpha, normal)
                judge.set_state(clip, alpha, normal)
            judge.paint(pbox, colour, aligned)
            p += 1
        _, why, invisible, colour, em_h, clip, alpha = styles[order]
        if state != (clip, alpha, True):
            state = (clip, alpha, True)
            judge.set_state(clip, alpha, True)
        glyph(ch, why, invisible, colour, em_h)
    for _, pbox, colour, aligned, clip, alpha, normal in paints[p:]:
        judge.set_state(clip, alpha, normal)
        judge.paint(pbox, colour, aligned)
