"""Interp: pdfminer's page interpreter, taught what pdfminer does not track about visibility.

Input is a page (its content streams and resources) as pdfminer's ``PDFPageInterpreter`` runs
it; output is the calls ``GlyphDevice`` needs beyond pdfminer's own: clipping paths (``W n``
and a form's BBox), optional content that is off (``/OC`` marked content and XObjects, judged
against the document's default configuration), fill opacity and blend modes (``gs``), the
colour spaces behind a colour (Indexed palettes, Separation tint transforms, Lab), pictures
with a way to decode their pixels, and the bytes of drawing commands run (the read's budget,
``matcher.read.guard``). pdfminer lives here and in ``guard``, ``device`` and ``pdf`` only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pdfminer.pdfcolor import PDFColorSpace
from pdfminer.pdfinterp import LITERAL_FORM, LITERAL_IMAGE, PDFPageInterpreter
from pdfminer.pdftypes import (
    LITERALS_DCT_DECODE,
    LITERALS_FLATE_DECODE,
    PDFObjRef,
    PDFStream,
    resolve1,
)
from pdfminer.psparser import PSLiteral, literal_name
from pdfminer.utils import apply_matrix_pt, mult_matrix

from matcher.read.canvas import Image
from matcher.read.colours import DEVICE, Function, Space, exponential, sampled
from matcher.read.device import GlyphDevice
from matcher.read.guard import budget
from matcher.read.images import Picture, decode_picture
from matcher.read.streams import unfilter

_NORMAL_BLENDS = {"Normal", "Compatible"}
# Inline images abbreviate their keys and colour spaces.
_INLINE = {"W": "Width", "H": "Height", "BPC": "BitsPerComponent", "CS": "ColorSpace",
           "F": "Filter", "DP": "DecodeParms", "IM": "ImageMask", "D": "Decode"}  # fmt: skip
_INLINE_SPACES = {"G": "DeviceGray", "RGB": "DeviceRGB", "CMYK": "DeviceCMYK", "I": "Indexed"}


class _Named(PDFColorSpace):
    """pdfminer's colour space with the ``Space`` the file defines behind it."""

    def __init__(self, name: str, ncomponents: int, space: Space) -> None:
        super().__init__(name, ncomponents)
        self.space = space


def optional_content_off(catalog: Any) -> frozenset[int]:
    """The object numbers of the optional content groups hidden by default in a document.

    Judged as a viewer opens the file: its default configuration (/OCProperties /D) with
    its /BaseState and /ON and /OFF lists.
    """
    try:
        props = resolve1(catalog.get("OCProperties"))
        if not isinstance(props, dict):
            return frozenset()
        config = resolve1(props.get("D")) or {}
        groups = {r.objid for r in _list(props.get("OCGs")) if isinstance(r, PDFObjRef)}
        on = {r.objid for r in _list(config.get("ON")) if isinstance(r, PDFObjRef)}
        off = {r.objid for r in _list(config.get("OFF")) if isinstance(r, PDFObjRef)}
        if _name(config.get("BaseState")) == "OFF":
            return frozenset((groups | off) - on)
        return frozenset(off)
    except Exception:  # a damaged configuration: everything is shown, as most viewers do
        return frozenset()


def _list(value: Any) -> list[Any]:
    value = resolve1(value)
    return value if isinstance(value, list) else [] if value is None else [value]


def _name(value: Any) -> str:
    value = resolve1(value)
    return literal_name(value) if isinstance(value, PSLiteral) else str(value or "")


def _number(value: Any, default: float) -> float:
    value = resolve1(value)
    return (
        float(value) if isinstance(value, int | float) and not isinstance(value, bool) else default
    )


class Interpreter(PDFPageInterpreter):
    """A page interpreter that tells ``GlyphDevice`` what pdfminer leaves out (module doc)."""

    device: GlyphDevice

    def __init__(
        self, rsrcmgr: Any, device: GlyphDevice, off: frozenset[int] = frozenset()
    ) -> None:
        super().__init__(rsrcmgr, device)
        self.off = off
        self._clipping = False

    def dup(self) -> Interpreter:
        return self.__class__(self.rsrcmgr, self.device, self.off)

    # ------------------------------------------------------------ resources and costs

    def init_resources(self, resources: dict[object, object]) -> None:
        super().init_resources(resources)
        res = resources if isinstance(resources, dict) else {}
        self._states = _dict(res.get("ExtGState"))
        self._properties = _dict(res.get("Properties"))
        for csid, spec in _dict(res.get("ColorSpace")).items():
            space = space_of(spec)
            base = self.csmap.get(csid)
            name = base.name if base else _name(_list(spec)[0] if _list(spec) else spec)
            n = base.ncomponents if base else {"rgb": 3, "lab": 3, "cmyk": 4}.get(space.kind, 1)
            self.csmap[csid] = _Named(name, n, space)

    def execute(self, streams: Sequence[object]) -> None:
        spent = budget()
        if spent is not None:
            for s in _list(streams):
                s = resolve1(s)
                if isinstance(s, PDFStream):
                    spent.run(len(s.get_data()))
        super().execute(streams)

    # ------------------------------------------------------------ graphics state

    def do_q(self) -> None:
        self.device.save()
        super().do_q()

    def do_Q(self) -> None:
        self.device.restore()
        super().do_Q()

    def do_gs(self, name: Any) -> None:
        state = _dict(self._states.get(_name(name)))
        alpha = state.get("ca")
        blend = resolve1(state.get("BM"))
        if isinstance(blend, list):
            blend = blend[0] if blend else None
        mask = resolve1(state.get("SMask"))
        normal = None
        if "BM" in state or "SMask" in state:
            normal = (blend is None or _name(blend) in _NORMAL_BLENDS) and (
                mask is None or _name(mask) == "None"
            )
        self.device.transparency(
            None if alpha is None else max(0.0, min(1.0, _number(alpha, 1.0))), normal
        )

    def do_W(self) -> None:
        self._clipping = True

    def do_W_a(self) -> None:
        self._clipping = True

    def _clip(self) -> None:
        """The path just ended becomes the clip (``W`` applies at the next painting operator)."""
        if self._clipping:
            self._clipping = False
            self.device.clip_path(self.curpath)

    def do_n(self) -> None:
        self._clip()
        super().do_n()

    def do_f(self) -> None:
        self._clip()
        super().do_f()

    def do_F(self) -> None:
        self.do_f()  # pdfminer draws nothing for the obsolete F

    def do_f_a(self) -> None:
        self._clip()
        super().do_f_a()

    def do_B(self) -> None:
        self._clip()
        super().do_B()

    def do_B_a(self) -> None:
        self._clip()
        super().do_B_a()

    def do_S(self) -> None:
        self._clip()
        super().do_S()

    # ------------------------------------------------------------ optional content

    def do_BMC(self, tag: Any) -> None:
        self.device.begin_marked(False)
        super().do_BMC(tag)

    def do_BDC(self, tag: Any, props: Any) -> None:
        hidden = isinstance(tag, PSLiteral) and _name(tag) == "OC" and not self._shown(props)
        self.device.begin_marked(hidden)
        super().do_BDC(tag, props)

    def do_EMC(self) -> None:
        self.device.end_marked()
        super().do_EMC()

    def _shown(self, ref: Any) -> bool:
        """Whether an optional content group or membership dictionary is on by default."""
        if isinstance(ref, PSLiteral):
            ref = self._properties.get(_name(ref))
        value = resolve1(ref)
        if not isinstance(value, dict):
            return True
        if _name(value.get("Type")) != "OCMD":
            return not (isinstance(ref, PDFObjRef) and ref.objid in self.off)
        states = [
            r.objid not in self.off for r in _list(value.get("OCGs")) if isinstance(r, PDFObjRef)
        ]
        if not states:
            return True
        policy = _name(value.get("P")) or "AnyOn"
        return {
            "AllOn": all(states),
            "AnyOff": not all(states),
            "AllOff": not any(states),
        }.get(policy, any(states))

    # ------------------------------------------------------------ XObjects

    def do_Do(self, xobjid_arg: Any) -> None:
        xobj = resolve1(self.xobjmap.get(_name(xobjid_arg)))
        if not isinstance(xobj, PDFStream):
            super().do_Do(xobjid_arg)
            return
        depth = self.device.depth()
        self.device.save()
        if "OC" in xobj and not self._shown(xobj.get("OC")):
            self.device.begin_marked(True)
        try:
            subtype = resolve1(xobj.get("Subtype"))
            if subtype is LITERAL_IMAGE:
                self.device.picture(image_of(xobj.attrs, xobj), tuple(self.ctm))  # type: ignore[arg-type]
            else:
                if subtype is LITERAL_FORM and "BBox" in xobj:
                    self._clip_to_form(xobj)
                super().do_Do(xobjid_arg)
        finally:
            self.device.unwind(depth)

    def _clip_to_form(self, xobj: PDFStream) -> None:
        try:
            x0, y0, x1, y1 = (float(v) for v in _list(xobj.get("BBox")))
            matrix = tuple(float(v) for v in _list(xobj.get("Matrix"))) or (1, 0, 0, 1, 0, 0)
            m = mult_matrix(matrix, self.ctm)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return
        pts = [apply_matrix_pt(m, p) for p in ((x0, y0), (x1, y0), (x0, y1), (x1, y1))]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        self.device.clip((min(xs), min(ys), max(xs), max(ys)))

    def do_EI(self, obj: Any) -> None:
        if isinstance(obj, PDFStream):
            attrs = {_INLINE.get(k, k): v for k, v in obj.attrs.items()}
            space = resolve1(attrs.get("ColorSpace"))
            name = _name(space) if isinstance(space, PSLiteral) else ""
            if name in _INLINE_SPACES:
                attrs["ColorSpace"] = PSLiteral(_INLINE_SPACES[name])
            elif name in self._spaces():
                attrs["ColorSpace"] = self._spaces()[name]
            self.device.picture(image_of(attrs, obj), tuple(self.ctm))  # type: ignore[arg-type]

    def _spaces(self) -> dict[str, Any]:
        res = self.resources if isinstance(self.resources, dict) else {}
        return _dict(res.get("ColorSpace"))


def _dict(value: Any) -> dict[str, Any]:
    value = resolve1(value)
    return value if isinstance(value, dict) else {}


# ---------------------------------------------------------------- colour spaces


def space_of(spec: Any, depth: int = 0) -> Space:
    """The ``Space`` a colour-space entry of a file defines (``unknown`` where it cannot tell)."""
    spec = resolve1(spec)
    if depth > 4:
        return Space("unknown")
    if isinstance(spec, PSLiteral):
        return DEVICE.get(_name(spec), Space("unknown"))
    if not isinstance(spec, list) or not spec:
        return Space("unknown")
    family = _name(spec[0])
    if family in DEVICE:
        return DEVICE[family]
    try:
        if family == "ICCBased":
            stream = resolve1(spec[1])
            alternate = stream.get("Alternate") if isinstance(stream, PDFStream) else None
            if alternate is not None:
                return space_of(alternate, depth + 1)
            n = int(_number(stream.get("N"), 3)) if isinstance(stream, PDFStream) else 3
            return Space({1: "gray", 3: "rgb", 4: "cmyk"}.get(n, "unknown"))
        if family == "Lab":
            params = _dict(spec[1]) if len(spec) > 1 else {}
            white = [_number(v, 1.0) for v in _list(params.get("WhitePoint"))] or [0.9505, 1, 1.089]
            ranges = [_number(v, 100.0) for v in _list(params.get("Range"))] or [
                -100,
                100,
                -100,
                100,
            ]
            return Space(
                "lab",
                white=(white[0], white[1], white[2]),
                ranges=tuple(ranges[:4]),
            )
        if family == "Indexed":
            base = space_of(spec[1], depth + 1)
            lookup = resolve1(spec[3])
            table = lookup.get_data() if isinstance(lookup, PDFStream) else lookup
            if not isinstance(table, bytes):
                return Space("unknown")
            return Space("indexed", base=base, palette=table[: 256 * 4])
        if family in ("Separation", "DeviceN"):
            names = [_name(n) for n in _list(spec[1])]
            if names and all(n == "None" for n in names):
                return Space("none")
            return Space("separation", base=space_of(spec[2], depth + 1), tint=function_of(spec[3]))
    except (IndexError, TypeError, ValueError, AttributeError):
        return Space("unknown")
    return Space("unknown")


def function_of(spec: Any) -> Function | None:
    """A tint transform of type 2 (exponential) or 0 (sampled, one input, 8-bit); else None."""
    spec = resolve1(spec)
    attrs = spec.attrs if isinstance(spec, PDFStream) else spec
    if not isinstance(attrs, dict):
        return None
    kind = resolve1(attrs.get("FunctionType"))
    if kind == 2:
        c0 = [_number(v, 0.0) for v in _list(attrs.get("C0"))] or [0.0]
        c1 = [_number(v, 1.0) for v in _list(attrs.get("C1"))] or [1.0]
        return exponential(c0, c1, _number(attrs.get("N"), 1.0))
    if kind == 0 and isinstance(spec, PDFStream):
        size = [int(_number(v, 0)) for v in _list(attrs.get("Size"))]
        ranges = [_number(v, 0.0) for v in _list(attrs.get("Range"))]
        decode = [_number(v, 0.0) for v in _list(attrs.get("Decode"))] or ranges
        if len(size) != 1 or _number(attrs.get("BitsPerSample"), 0) != 8 or not ranges:
            return None
        return sampled(spec.get_data(), size[0], len(ranges) // 2, decode)
    return None


# ---------------------------------------------------------------- pictures


def image_of(attrs: dict[str, Any], stream: PDFStream) -> Image:
    """What ``GlyphDevice`` needs of an image: size, opacity, and how to decode its pixels."""
    width = int(_number(attrs.get("Width"), 0))
    height = int(_number(attrs.get("Height"), 0))
    mask = bool(resolve1(attrs.get("ImageMask")))
    opaque = not mask and "SMask" not in attrs and "Mask" not in attrs
    raw = stream.rawdata if stream.rawdata is not None else stream.data or b""

    def load() -> Picture | None:
        if mask:
            return None  # a stencil: it paints the fill colour, not pixels of its own
        try:
            return _decode(attrs, stream, width, height)
        except Exception:  # pixels that cannot be read leave the colour under a glyph unknown
            return None

    return Image(width, height, opaque, len(raw), load)


def _decode(attrs: dict[str, Any], stream: PDFStream, width: int, height: int) -> Picture | None:
    filters = [resolve1(f) for f in _list(attrs.get("Filter"))]
    params = _list(attrs.get("DecodeParms")) or [None] * len(filters)
    data = stream.rawdata if stream.rawdata is not None else stream.data
    if data is None or stream.decipher:
        return None  # encrypted files are refused before pages are read
    codec = "raw"
    for i, (f, p) in enumerate(zip(filters, params, strict=False)):
        p = resolve1(p)
        last = i == len(filters) - 1
        if last and f in LITERALS_DCT_DECODE:
            codec = "jpeg"
        elif (
            last
            and f in LITERALS_FLATE_DECODE
            and isinstance(p, dict)
            and _number(p.get("Predictor"), 1) >= 10
        ):
            codec = "png"  # Pillow inflates and undoes the PNG filters itself
        else:
            data = unfilter(data, f, p)
    bits = int(_number(attrs.get("BitsPerComponent"), 8))
    space = space_of(attrs.get("ColorSpace")) if "ColorSpace" in attrs else None
    decode = [_number(v, 0.0) for v in _list(attrs.get("Decode"))]
    invert = len(decode) >= 2 and decode[0] > decode[1] and (space is None or space.kind == "gray")
    return decode_picture(width, height, bits, space, data, codec, invert)
