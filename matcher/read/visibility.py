"""Visibility: what a PDF page draws in, the glyphs a person can see out (``PageGlyphs``), no PDF library.

Input is a character source's calls, in drawing order: the graphics state (``save``,
``restore``, ``clip``, ``transparency``, marked content), the filled shapes and pictures it
paints (``paint``, ``picture``) and each glyph with its box, colour, render mode and em size
(``glyph``); output is one ``PageGlyphs`` per page (``finish_page``). A glyph is kept only when
a person could see it on the printed page, and every glyph dropped is counted under its reason
(``textlayer.REASONS``): off the page or outside its CropBox, clipped out, covered by something
opaque drawn later, in optional content that is off, too small or squashed to a sliver,
transparent, invisible (render mode 3) where no picture could hold it, or the same colour as
what is under it (the page, a filled shape, a picture). Both character sources feed it:
pdfminer (``device``) and pdfium (``pdfium``), so both judge alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from matcher.errors import ReadError
from matcher.read.canvas import (
    Box,
    Image,
    Matrix,
    Page,
    Paint,
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
from matcher.read.colours import MIN_CONTRAST, RGB, WHITE, contrast
from matcher.read.layout import Char, group_lines
from matcher.read.textlayer import MIN_FONT_SIZE, UNREADABLE, PageGlyphs

# Glyphs one document may draw, hidden ones included: a dense page has 5,000, and each costs
# about 35 µs with pdfminer (300,000 take 10 s).
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
    """What the graphics state holds that visibility needs (saved by q, restored by Q)."""

    clip: Box | None = None
    alpha: float = 1.0
    normal: bool = True  # blend mode Normal and no soft mask


class Visibility:
    """The glyphs a person can see on each page, from a character source's drawing calls.

    Glyphs are judged as they come, against the shapes and pictures drawn before them;
    glyphs covered by what is drawn after them are taken out when the page ends. Pages end
    with ``group_lines``.
    """

    def __init__(self) -> None:
        self.pages: list[PageGlyphs] = []
        self._glyphs = 0
        self._seq = 0
        self._state = _State()
        self._saved: list[_State] = []
        self._marks: list[bool] = []  # marked content open now: True where it is hidden
        self._page = Page(0, 0, (0, 0, 0, 0))

    # ------------------------------------------------------------ state

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

    def transparency(self, alpha: float | None, normal: bool | None) -> None:
        if alpha is not None:
            self._state.alpha = alpha
        if normal is not None:
            self._state.normal = normal

    def set_state(self, clip: Box | None, alpha: float = 1.0, normal: bool = True) -> None:
        """The whole graphics state at once (a source that knows it per object: pdfium)."""
        self._state = _State(clip, alpha, normal)

    def begin_marked(self, hidden: bool) -> None:
        self._marks.append(hidden)

    def end_marked(self) -> None:
        if self._marks:
            self._marks.pop()

    def _hidden_content(self) -> bool:
        return any(self._marks)

    # ------------------------------------------------------------ pages

    def start_page(self, width: float, height: float, area: Box) -> None:
        """A new page ``width`` x ``height`` pt whose CropBox shows ``area`` (page space)."""
        area = (max(area[0], 0.0), max(area[1], 0.0), min(area[2], width), min(area[3], height))
        self._page = Page(width, height, area)
        self._state, self._saved, self._marks = _State(), [], []

    def finish_page(self) -> None:
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

    # ------------------------------------------------------------ shapes and pictures

    def _visible_box(self, box: Box) -> Box | None:
        clip = self._state.clip
        if clip is not None:
            box = meet(box, clip)
        return box if box[0] < box[2] and box[1] < box[3] else None

    def paint(self, box: Box, colour: RGB | None, aligned: bool) -> None:
        """A filled shape over ``box`` (page space); ``aligned``: one upright rectangle."""
        if self._hidden_content():
            return
        shown = self._visible_box(box)
        if shown is None:
            return
        opaque = self._state.alpha >= OPAQUE_ALPHA and self._state.normal
        self._add(Paint(shown, self._next(), colour, opaque, opaque and aligned))

    def picture(self, image: Image, ctm: Matrix) -> None:
        """A picture drawn with ``ctm`` (mapping its unit square onto the page)."""
        if self._hidden_content() or len(self._page.pictures) >= MAX_PICTURES:
            return
        a, b, c, d, e, f = ctm
        corners = [
            (a * x + c * y + e, b * x + d * y + f) for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))
        ]
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

    def string_reason(self, em_w: float, em_h: float, vertical: bool) -> str | None:
        """Why a string whose em square is ``em_w`` x ``em_h`` pt cannot be seen, or None."""
        if self._hidden_content():
            return "optional"
        if em_w < MIN_FONT_SIZE and em_h < MIN_FONT_SIZE:
            return "small"
        if min(em_w, em_h) < MIN_FONT_SIZE or max(em_w, em_h) > SQUASH * max(min(em_w, em_h), 1e-9):
            return "squashed"
        return None

    def glyph(
        self, ch: Char, why: str | None, invisible: bool, color: RGB | None, em_h: float
    ) -> None:
        """One glyph drawn now (``why``: a reason it is hidden already, from its string)."""
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
