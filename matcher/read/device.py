"""Device: pdfminer's drawing calls in, the glyphs a person can see out (``PageGlyphs`` per page).

pdfminer calls ``render_string`` and ``paint_path``; ``matcher.read.interp`` adds what pdfminer
does not track (clipping paths, optional content, transparency, pictures with their pixels,
form boundaries). Each glyph's box, colour, render mode and size go to
``matcher.read.visibility``, which keeps the glyphs a person could see on the printed page and
counts every glyph dropped under its reason (``textlayer.REASONS``); the pdfium reader
(``matcher.read.pdfium``) feeds the same judge. pdfminer lives here and in ``guard``,
``interp`` and ``pdf`` only, imported on the first PDF read.
"""

from __future__ import annotations

import math
from typing import Any

from pdfminer.pdfdevice import PDFDevice
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.utils import apply_matrix_pt, mult_matrix

from matcher.read.canvas import axis_aligned, bounds
from matcher.read.colours import rgb
from matcher.read.visibility import INVISIBLE_ALPHA, MAX_GLYPHS, Visibility

__all__ = ["MAX_GLYPHS", "GlyphDevice"]


class GlyphDevice(Visibility, PDFDevice):
    """The pdfminer device that keeps the glyphs a person can see, as plain tuples.

    It replaces pdfminer's per-glyph path (``render_char`` and an ``LTChar`` object per glyph)
    with one loop per string that computes each glyph's box and hands it to ``Visibility``
    with its colour, size, render mode and the graphics state; shapes and pictures go there
    too. pdfminer's box grouping is never run, because ``order_page`` does the reading order.
    """

    def __init__(self, rsrcmgr: Any) -> None:
        PDFDevice.__init__(self, rsrcmgr)
        Visibility.__init__(self)
        self._texts: dict[tuple[int, int], str] = {}

    def clip_path(self, path: Any) -> None:
        pts = self._points(path)
        self.clip(bounds(pts) if pts else None)

    # ------------------------------------------------------------ pages

    def begin_page(self, page: Any, ctm: Any) -> None:
        x0, y0, x1, y1 = page.mediabox
        rotated = page.rotate in (90, 270)
        w, h = (abs(y1 - y0), abs(x1 - x0)) if rotated else (abs(x1 - x0), abs(y1 - y0))
        # What a viewer shows and prints: the CropBox (within the MediaBox), in device space.
        cx0, cy0, cx1, cy1 = page.cropbox
        corners = [apply_matrix_pt(ctm, p) for p in ((cx0, cy0), (cx1, cy1))]
        self.start_page(w, h, bounds(corners))

    def end_page(self, page: Any) -> None:
        self.finish_page()

    def begin_figure(self, name: str, bbox: Any, matrix: Any) -> None:
        pass  # forms: ``interp`` clips to their BBox; pictures: ``picture``

    def end_figure(self, name: str) -> None:
        pass

    def render_image(self, name: str, stream: Any) -> None:
        pass  # ``interp`` calls ``picture`` with what it found about the image

    # ------------------------------------------------------------ shapes

    def _points(self, path: Any) -> list[tuple[float, float]]:
        ctm = self.ctm or (1, 0, 0, 1, 0, 0)
        return [apply_matrix_pt(ctm, seg[-2:]) for seg in path if len(seg) >= 3]

    def paint_path(self, gstate: Any, stroke: bool, fill: bool, evenodd: bool, path: Any) -> None:
        if not fill or self._hidden_content():
            return
        pts = self._points(path)
        if len(pts) < 3:
            return
        self.paint(bounds(pts), rgb(gstate.ncolor, gstate.ncs), axis_aligned(pts))

    # ------------------------------------------------------------ text

    def render_string(self, textstate: Any, seq: Any, ncs: Any, graphicstate: Any) -> None:
        font = textstate.font
        if font is None or self.ctm is None:
            return
        a, b, c, d, e, f = mult_matrix(textstate.matrix, self.ctm)
        fontsize = textstate.fontsize
        scaling = textstate.scaling * 0.01
        charspace = textstate.charspace * scaling
        wordspace = 0.0 if font.is_multibyte() else textstate.wordspace * scaling
        rise = textstate.rise
        dxscale = 0.001 * fontsize * scaling
        vertical = font.is_vertical()
        bottom = font.get_descent() * fontsize + rise
        top = bottom + fontsize
        mode = textstate.render
        # What decides visibility once per string: the em square's size on the page, render
        # mode, colour and opacity, hidden content.
        em_w = abs(fontsize) * math.hypot(a, b) * abs(scaling)
        em_h = abs(fontsize) * math.hypot(c, d)
        why = self.string_reason(em_w, em_h, vertical)
        if mode in (1, 5):
            color = rgb(graphicstate.scolor, graphicstate.scs)
            space = graphicstate.scs
        else:
            color = rgb(graphicstate.ncolor, graphicstate.ncs)
            space = graphicstate.ncs
        if why is None and (
            self._state.alpha < INVISIBLE_ALPHA
            or getattr(getattr(space, "space", None), "kind", "") == "none"
        ):
            why = "transparent"
        invisible = mode in (3, 7)
        texts = self._texts
        fid = id(font)
        x, y = textstate.linematrix
        needcharspace = False
        for obj in seq:
            if isinstance(obj, int | float):
                if vertical:
                    y -= obj * dxscale
                else:
                    x -= obj * dxscale
                needcharspace = True
                continue
            if not isinstance(obj, bytes):
                continue
            for cid in font.decode(obj):
                if needcharspace:
                    if vertical:
                        y += charspace
                    else:
                        x += charspace
                text = texts.get((fid, cid))
                if text is None:
                    try:
                        text = font.to_unichr(cid)
                    except PDFUnicodeNotDefined:
                        text = f"(cid:{cid})"
                    texts[fid, cid] = text
                adv = font.char_width(cid) * fontsize * scaling
                # The glyph box in text space, then its four corners in page space.
                if vertical:
                    vx, vy = font.char_disp(cid)
                    vx = fontsize * 0.5 if vx is None else vx * fontsize * 0.001
                    vy = (1000 - vy) * fontsize * 0.001
                    gx0, gy0, gx1, gy1 = -vx, vy + rise + adv, -vx + fontsize, vy + rise
                else:
                    gx0, gy0, gx1, gy1 = 0.0, bottom, adv, top
                ox, oy = x + gx0, y + gy0
                px, py = x + gx1, y + gy1
                xs = (a * ox + c * oy, a * px + c * oy, a * ox + c * py, a * px + c * py)
                ys = (b * ox + d * oy, b * px + d * oy, b * ox + d * py, b * px + d * py)
                ch = (min(xs) + e, min(ys) + f, max(xs) + e, max(ys) + f, text)
                self.glyph(ch, why, invisible, color, em_h)
                if vertical:
                    y += adv
                else:
                    x += adv
                if cid == 32 and wordspace:
                    if vertical:
                        y += wordspace
                    else:
                        x += wordspace
                needcharspace = True
        textstate.linematrix = (x, y)
