"""Device: pdfminer's drawing calls in, the glyphs a person can see out (``PageGlyphs`` per page).

pdfminer calls ``render_string`` and ``paint_path``; ``matcher.read.interp`` adds what pdfminer
does not track (clipping paths, optional content, transparency, pictures with their pixels,
form boundaries). A glyph is kept only when a person could see it on the printed page, and
every glyph dropped is counted under its reason (``textlayer.REASONS``): off the page or outside its
CropBox, clipped out, covered by something opaque drawn later, in optional content that is off,
too small or squashed to a sliver, transparent, invisible (render mode 3) where no picture
could hold it, or the same colour as what is under it (the page, a filled shape, a picture).
pdfminer lives here and in ``guard``, ``interp`` and ``pdf`` only, imported on the first PDF read.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from pdfminer.pdfdevice import PDFDevice
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.utils import apply_matrix_pt, mult_matrix

from matcher.errors import ReadError
from matcher.read.canvas import (
    Box,
    Image,
    Matrix,
    Page,
    Paint,
    axis_aligned,
    bounds,
    cell,
    cells,
    covered,
    holds,
    inside,
    meet,
    shown_part,
    unit_box,
)
from matcher.read.colours import MIN_CONTRAST, RGB, WHITE, contrast, rgb
from matcher.read.layout import Char, group_lines
from matcher.read.textlayer import MIN_FONT_SIZE, UNREADABLE, PageGlyphs

# Glyphs one document may draw, hidden ones included: a dense page has 5,000, and each costs
# about 35 µs here (300,000 take 10 s).
MAX_GLYPHS = 300_000
# Shapes and pictures one page may paint that are still looked at; past them a page keeps
# being read, but what is drawn later is not taken for a background or a cover.
MAX_PAINTS = 20_000
MAX_PICTURES = 500
# Glyphs this much wider than tall (or taller than wide) per em are squashed to a rule.
SQUASH = 8.0
# Fill opacity below which a glyph is not seen, and at which a shape hides what is under it.
INVISIBLE_ALPHA, OPAQUE_ALPHA = 0.1, 0.9


@dataclass(slots=True)
class _State:
    """What the graphics state holds that pdfminer does not keep (saved by q, restored by Q)."""

    clip: Box | None = None
    alpha: float = 1.0
    normal: bool = True  # blend mode Normal and no soft mask


class GlyphDevice(PDFDevice):
    """The pdfminer device that keeps the glyphs a person can see, as plain tuples.

    It replaces pdfminer's per-glyph path (``render_char`` and an ``LTChar`` object per glyph)
    with one loop per string that computes each glyph's box and decides its visibility from
    its colour, size, position, render mode and the graphics state against the shapes and
    pictures drawn before it; glyphs covered by what is drawn after them are taken out when
    the page ends. Pages end with ``group_lines``: pdfminer's box grouping is never run,
    because ``order_page`` does the reading order.
    """

    def __init__(self, rsrcmgr: Any) -> None:
        super().__init__(rsrcmgr)
        self.pages: list[PageGlyphs] = []
        self._texts: dict[tuple[int, int], str] = {}
        self._glyphs = 0
        self._seq = 0
        self._state = _State()
        self._saved: list[_State] = []
        self._marks: list[bool] = []  # marked content open now: True where it is hidden
        self._page = Page(0, 0, (0, 0, 0, 0))

    # ------------------------------------------------------------ state (interp calls these)

    def save(self) -> None:
        self._saved.append(_State(self._state.clip, self._state.alpha, self._state.normal))

    def restore(self) -> None:
        if self._saved:
            self._state = self._saved.pop()

    def depth(self) -> tuple[int, int]:
        return len(self._saved), len(self._marks)

    def unwind(self, depth: tuple[int, int]) -> None:
        """Back to ``depth`` (a form's content may leave q or BDC open)."""
        while len(self._saved) > depth[0]:
            self.restore()
        del self._marks[depth[1] :]

    def clip(self, box: Box | None) -> None:
        """Intersect the clipping region with ``box`` (page space; None: an empty path)."""
        if box is None:
            box = (0.0, 0.0, 0.0, 0.0)
        old = self._state.clip
        self._state.clip = box if old is None else meet(old, box)

    def clip_path(self, path: Any) -> None:
        pts = self._points(path)
        self.clip(bounds(pts) if pts else None)

    def transparency(self, alpha: float | None, normal: bool | None) -> None:
        if alpha is not None:
            self._state.alpha = alpha
        if normal is not None:
            self._state.normal = normal

    def begin_marked(self, hidden: bool) -> None:
        self._marks.append(hidden)

    def end_marked(self) -> None:
        if self._marks:
            self._marks.pop()

    def _hidden_content(self) -> bool:
        return any(self._marks)

    # ------------------------------------------------------------ pages

    def begin_page(self, page: Any, ctm: Any) -> None:
        x0, y0, x1, y1 = page.mediabox
        rotated = page.rotate in (90, 270)
        w, h = (abs(y1 - y0), abs(x1 - x0)) if rotated else (abs(x1 - x0), abs(y1 - y0))
        # What a viewer shows and prints: the CropBox (within the MediaBox), in device space.
        cx0, cy0, cx1, cy1 = page.cropbox
        corners = [apply_matrix_pt(ctm, p) for p in ((cx0, cy0), (cx1, cy1))]
        area = bounds(corners)
        area = (max(area[0], 0.0), max(area[1], 0.0), min(area[2], w), min(area[3], h))
        self._page = Page(w, h, area)
        self._state, self._saved, self._marks = _State(), [], []

    def end_page(self, page: Any) -> None:
        p = self._page
        self._decide_ocr(p)
        self._take_out_covered(p)
        lines = group_lines(p.chars)
        visible = sum(1 for ch in p.chars if not ch[4].isspace())
        hidden = sum(p.hidden.values())
        self.pages.append(
            PageGlyphs(
                p.width,
                p.height,
                lines,
                visible,
                hidden,
                p.bad,
                len(p.pictures),
                dict(p.hidden),
                p.layer,
            )
        )

    def begin_figure(self, name: str, bbox: Any, matrix: Any) -> None:
        pass  # forms: ``interp`` clips to their BBox; pictures: ``picture``

    def end_figure(self, name: str) -> None:
        pass

    def render_image(self, name: str, stream: Any) -> None:
        pass  # ``interp`` calls ``picture`` with what it found about the image

    # ------------------------------------------------------------ shapes and pictures

    def _points(self, path: Any) -> list[tuple[float, float]]:
        ctm = self.ctm or (1, 0, 0, 1, 0, 0)
        return [apply_matrix_pt(ctm, seg[-2:]) for seg in path if len(seg) >= 3]

    def _visible_box(self, box: Box) -> Box | None:
        clip = self._state.clip
        if clip is not None:
            box = meet(box, clip)
        return box if box[0] < box[2] and box[1] < box[3] else None

    def paint_path(self, gstate: Any, stroke: bool, fill: bool, evenodd: bool, path: Any) -> None:
        if not fill or self._hidden_content():
            return
        pts = self._points(path)
        if len(pts) < 3:
            return
        box = self._visible_box(bounds(pts))
        if box is None:
            return
        colour = rgb(gstate.ncolor, gstate.ncs)
        opaque = self._state.alpha >= OPAQUE_ALPHA and self._state.normal
        self._add(Paint(box, self._next(), colour, opaque, opaque and axis_aligned(pts)))

    def picture(self, image: Image, ctm: Matrix) -> None:
        """A picture drawn with ``ctm`` (mapping its unit square onto the page)."""
        if self._hidden_content() or len(self._page.pictures) >= MAX_PICTURES:
            return
        corners = [apply_matrix_pt(ctm, p) for p in ((0, 0), (1, 0), (0, 1), (1, 1))]
        box = self._visible_box(bounds(corners))
        if box is None:
            return
        opaque = image.opaque and self._state.alpha >= OPAQUE_ALPHA and self._state.normal
        # Any picture is what a glyph over it sits on; only an opaque one is decoded for it.
        paint = Paint(box, self._next(), None, True, opaque, image, ctm)
        self._page.pictures.append(paint)
        self._add(paint)

    def _next(self) -> int:
        self._seq += 1
        return self._seq

    def _add(self, paint: Paint) -> None:
        p = self._page
        if len(p.paints) >= MAX_PAINTS:
            return
        p.paints.append(paint)
        for key in cells(paint.box, p.width, p.height):
            p.grid.setdefault(key, []).append(paint)

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
        why = self._string_reason(em_w, em_h, vertical)
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
                self._glyph(ch, why, invisible, color, em_h)
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

    def _string_reason(self, em_w: float, em_h: float, vertical: bool) -> str | None:
        if self._hidden_content():
            return "optional"
        if em_w < MIN_FONT_SIZE and em_h < MIN_FONT_SIZE:
            return "small"
        if min(em_w, em_h) < MIN_FONT_SIZE or max(em_w, em_h) > SQUASH * max(min(em_w, em_h), 1e-9):
            return "squashed"
        return None

    def _glyph(
        self, ch: Char, why: str | None, invisible: bool, color: RGB | None, em_h: float
    ) -> None:
        self._glyphs += 1
        if self._glyphs > MAX_GLYPHS:
            raise ReadError(
                f"PDF draws over {MAX_GLYPHS:,} characters: too large to read", status="too_large"
            )
        p = self._page
        text = ch[4]
        self._seq += 1  # inline: this runs once a glyph
        seq = self._seq
        if text.isspace():
            p.chars.append(ch)
            p.seqs.append(seq)
            return
        cx, cy = (ch[0] + ch[2]) / 2, (ch[1] + ch[3]) / 2
        area, clip = p.area, self._state.clip
        if why is None and not (
            area[0] - 1 <= cx <= area[2] + 1 and area[1] - 1 <= cy <= area[3] + 1
        ):
            why = "page"
        if why is None and clip is not None:
            shown = shown_part(ch, clip)
            if shown == 0:
                why = "clip"
            elif shown < 1 / 3:
                # Cut by a page's margin clip: the line a page break split, drawn whole on
                # the page before. Not read, and no sign of hiding.
                return
        if why is None and invisible:
            p.ocr.append((ch, seq, em_h))  # an OCR layer if a picture could hold it: page end
            return
        if why is None and color is not None and not self._stands_out(color, cx, cy, ch, seq):
            why = "colour"
        if why is not None:
            p.hidden[why] += 1
        elif text in UNREADABLE or text.startswith("(cid:"):
            p.bad += 1
        else:
            p.chars.append(ch)
            p.seqs.append(seq)

    def _stands_out(self, color: RGB, cx: float, cy: float, ch: Char, seq: int) -> bool:
        """Whether a glyph of ``color`` differs from what is under it, drawn before it."""
        under = self._under(cx, cy, seq)
        if under is None:
            return contrast(color, WHITE) >= MIN_CONTRAST
        if under.image is None:
            # A shape of a colour that cannot be told (a pattern) may show anything: kept.
            return under.colour is None or contrast(color, under.colour) >= MIN_CONTRAST
        picture = under.image.picture() if under.cover else None
        if picture is None:
            return True  # see-through or undecodable: white on a photo stays
        cells = picture.cells(*unit_box(under.ctm, ch))
        if not cells:
            return True
        return any(
            picture.spread[i] >= MIN_CONTRAST or contrast(color, picture.mean[i]) >= MIN_CONTRAST
            for i in cells
        )

    def _under(self, cx: float, cy: float, seq: int) -> Paint | None:
        for paint in reversed(self._page.grid.get(cell(cx, cy), ())):
            x0, y0, x1, y1 = paint.box
            if paint.seq < seq and paint.under and x0 <= cx <= x1 and y0 <= cy <= y1:
                return paint
        return None

    # ------------------------------------------------------------ at the end of a page

    def _decide_ocr(self, p: Page) -> None:
        """Invisible glyphs are a scan's OCR layer where a picture under or over them could
        show their text: it is big enough (in pixels) and not blank. Elsewhere hidden."""
        for ch, seq, em_h in p.ocr:
            cx, cy = (ch[0] + ch[2]) / 2, (ch[1] + ch[3]) / 2
            if any(holds(q, em_h) for q in p.pictures if inside(q.box, cx, cy)):
                p.chars.append(ch)
                p.seqs.append(seq)
                p.layer += 1
            else:
                p.hidden["invisible"] += 1
        # Kept OCR glyphs join the page in drawing order.
        order = sorted(range(len(p.chars)), key=p.seqs.__getitem__)
        p.chars[:] = [p.chars[i] for i in order]
        p.seqs[:] = [p.seqs[i] for i in order]

    def _take_out_covered(self, p: Page) -> None:
        """Glyphs under an opaque rectangle or picture drawn after them cannot be seen."""
        if not any(q.cover for q in p.paints):
            return
        ocr = {seq for _, seq, _ in p.ocr}
        keep_chars, keep_seqs = [], []
        for ch, seq in zip(p.chars, p.seqs, strict=True):
            if seq not in ocr and not ch[4].isspace() and covered(p, ch, seq):
                p.hidden["cover"] += 1
                continue
            keep_chars.append(ch)
            keep_seqs.append(seq)
        p.chars[:], p.seqs[:] = keep_chars, keep_seqs
