"""Device: pdfminer's drawing calls in, the glyphs a person can see out (``PageGlyphs`` per page).

pdfminer lives here and in ``matcher.read.pdf`` only; both are imported on the first PDF read,
never by ``import matcher``.
"""

from __future__ import annotations

from typing import Any

from pdfminer.pdfdevice import PDFDevice
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.utils import apply_matrix_pt, mult_matrix

from matcher.read.formats import MIN_CONTRAST
from matcher.read.layout import Char, group_lines
from matcher.read.textlayer import MIN_FONT_SIZE, UNREADABLE, WHITE, PageGlyphs, contrast, rgb


class GlyphDevice(PDFDevice):
    """The pdfminer device that keeps the glyphs a person can see, as plain tuples.

    It replaces pdfminer's per-glyph path (``render_char`` and an ``LTChar`` object per glyph)
    with one loop per string that computes each glyph's box and decides its visibility from
    its colour, size, position and render mode against the filled shapes and images drawn
    before it. Pages end with ``group_lines``: pdfminer's box grouping is never run, because
    ``order_page`` does the reading order.
    """

    def __init__(self, rsrcmgr: Any) -> None:
        super().__init__(rsrcmgr)
        self.pages: list[PageGlyphs] = []
        self._texts: dict[tuple[int, int], str] = {}
        self._stack: list[tuple[float, float, float, float]] = []

    def begin_page(self, page: Any, ctm: Any) -> None:
        x0, y0, x1, y1 = page.mediabox
        rotated = page.rotate in (90, 270)
        self._w, self._h = (abs(y1 - y0), abs(x1 - x0)) if rotated else (abs(x1 - x0), abs(y1 - y0))
        self._chars: list[Char] = []
        # Filled shapes and pictures in drawing order, with their colour (None: a picture).
        self._fills: list[tuple[float, float, float, float, tuple[float, float, float] | None]] = []
        self._images: list[tuple[float, float, float, float]] = []
        self._hidden = 0
        self._bad = 0
        self._layer = 0

    def begin_figure(self, name: str, bbox: Any, matrix: Any) -> None:
        x0, y0, x1, y1 = bbox
        m = mult_matrix(matrix, self.ctm or (1, 0, 0, 1, 0, 0))
        pts = [apply_matrix_pt(m, p) for p in ((x0, y0), (x1, y0), (x0, y1), (x1, y1))]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        self._stack.append((min(xs), min(ys), max(xs), max(ys)))

    def end_figure(self, name: str) -> None:
        if self._stack:
            self._stack.pop()

    def render_image(self, name: str, stream: Any) -> None:
        if self._stack:
            self._images.append(self._stack[-1])
            self._fills.append((*self._stack[-1], None))

    def paint_path(self, gstate: Any, stroke: bool, fill: bool, evenodd: bool, path: Any) -> None:
        if not fill:
            return
        color = rgb(gstate.ncolor, gstate.ncs)
        ctm = self.ctm or (1, 0, 0, 1, 0, 0)
        pts = [apply_matrix_pt(ctm, seg[-2:]) for seg in path if len(seg) >= 3]
        if color is None or len(pts) < 3:
            return
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        self._fills.append((min(xs), min(ys), max(xs), max(ys), color))

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
        # What decides visibility once per string: render mode, colour, size.
        if mode in (1, 5):
            color = rgb(graphicstate.scolor, graphicstate.scs)
        else:
            color = rgb(graphicstate.ncolor, graphicstate.ncs)
        invisible = mode in (3, 7)
        w, h = self._w, self._h
        fid = id(font)
        texts = self._texts
        bad_texts = UNREADABLE
        chars = self._chars
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
                if text.isspace():
                    chars.append(ch)
                elif self._visible(ch, vertical, invisible, color, w, h):
                    if text in bad_texts or text.startswith("(cid:"):
                        self._bad += 1
                    else:
                        chars.append(ch)
                        if invisible:  # kept because a picture is under it: an OCR layer
                            self._layer += 1
                else:
                    self._hidden += 1
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

    def _visible(
        self,
        ch: Char,
        vertical: bool,
        invisible: bool,
        color: tuple[float, float, float] | None,
        w: float,
        h: float,
    ) -> bool:
        x0, y0, x1, y1, _ = ch
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        if not (-1 <= cx <= w + 1 and -1 <= cy <= h + 1):
            return False
        if (x1 - x0 if vertical else y1 - y0) < MIN_FONT_SIZE:
            return False
        if invisible:
            # Invisible text over an image is a scan's OCR layer: what the image shows.
            return any(a <= cx <= b and c <= cy <= d for a, c, b, d in self._images)
        if color is None:
            return True
        under: tuple[float, float, float] | None = WHITE
        for fx0, fy0, fx1, fy1, fill in reversed(self._fills):
            if fx0 <= cx <= fx1 and fy0 <= cy <= fy1:
                under = fill
                break
        # Over a picture the colour underneath is unknown: white on a photo stays.
        return under is None or contrast(color, under) >= MIN_CONTRAST

    def end_page(self, page: Any) -> None:
        lines = group_lines(self._chars)
        visible = sum(1 for ch in self._chars if not ch[4].isspace())
        self.pages.append(
            PageGlyphs(
                self._w,
                self._h,
                lines,
                visible,
                self._hidden,
                self._bad,
                len(self._images),
                self._layer,
            )
        )
