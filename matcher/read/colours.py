"""Colours: a PDF colour and its colour space in, the RGB a person sees (or None when unknown).

Input is a colour value as pdfminer keeps it (a number or a tuple of them, or a pattern name)
and a colour space: one of pdfminer's predefined ones (only its ``name`` is read) or a
``Space`` that ``matcher.read.interp`` built from the file's resources, which keeps what
pdfminer drops (an Indexed space's palette, a Separation's tint transform, Lab's white
point). Output is RGB in 0..1, and how far apart two colours are (``contrast``). White text
hides through every one of these spaces, so each is converted, not only Gray, RGB and CMYK.
No pdfminer here: ``interp`` hands over plain values.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

RGB = tuple[float, float, float]
WHITE: RGB = (1.0, 1.0, 1.0)
# Text within this contrast of what is under it (0..1, the largest channel difference) is not
# seen; the DOCX reader uses the same figure.
MIN_CONTRAST = 0.12

# A tint transform: input components (0..1) to the alternate space's components.
Function = Callable[[Sequence[float]], list[float]]


@dataclass(frozen=True, slots=True)
class Space:
    """A colour space as the file defines it.

    ``kind`` is ``gray``, ``rgb``, ``cmyk``, ``lab``, ``indexed``, ``separation`` (DeviceN
    too), ``none`` (a Separation named None: it never marks the page) or ``unknown``
    (patterns, and what could not be read).
    """

    kind: str
    base: Space | None = None  # indexed: the palette's space; separation: the alternate space
    palette: bytes = b""  # indexed: hival + 1 entries of the base space, one byte a component
    tint: Function | None = None  # separation: tint -> base components
    white: RGB = (0.9505, 1.0, 1.089)  # lab: the white point (XYZ)
    ranges: tuple[float, ...] = (-100.0, 100.0, -100.0, 100.0)  # lab: a*, b* ranges


DEVICE = {
    "DeviceGray": Space("gray"),
    "CalGray": Space("gray"),
    "G": Space("gray"),
    "DeviceRGB": Space("rgb"),
    "CalRGB": Space("rgb"),
    "RGB": Space("rgb"),
    "DeviceCMYK": Space("cmyk"),
    "CMYK": Space("cmyk"),
}


def rgb(color: Any, space: Any) -> RGB | None:
    """A PDF colour in colour space ``space`` as RGB in 0..1; None when it cannot be told.

    ``space`` is a ``Space``, an object with a ``space`` attribute holding one (what ``interp``
    puts in pdfminer's colour-space map) or with a ``name`` only (pdfminer's predefined
    spaces; ``None`` is DeviceGray). A one-ink Separation or DeviceN whose tint transform is
    not known is taken as that much black ink (tint 0 is no ink: the paper shows).

    >>> rgb((0.0, 0.0, 0.0, 1.0), None), rgb(0.25, None)
    ((0.0, 0.0, 0.0), (0.25, 0.25, 0.25))
    >>> rgb(0, Space("indexed", Space("rgb"), b"\\xff\\xff\\xff\\x00\\x00\\x00"))
    (1.0, 1.0, 1.0)
    """
    described = space if isinstance(space, Space) else getattr(space, "space", None)
    if isinstance(described, Space):
        try:
            return _convert(_numbers(color), described)
        except (TypeError, ValueError, IndexError, ArithmeticError):
            return None
    name = getattr(space, "name", "DeviceGray")
    try:
        return _rgb_of(color, name)
    except TypeError:  # an unhashable colour value (a list): convert without the cache
        return _rgb_of.__wrapped__(color, name)


def _numbers(color: Any) -> list[float]:
    if isinstance(color, list | tuple):
        return [float(c) for c in color]
    return [float(color)]


@cache
def _rgb_of(color: Any, space: str) -> RGB | None:
    try:
        v = _numbers(color)
    except (TypeError, ValueError):
        return None
    if len(v) == 1:
        if space in ("Separation", "DeviceN"):
            return (1 - v[0],) * 3
        return (v[0],) * 3 if space in ("DeviceGray", "CalGray", "ICCBased") else None
    if len(v) == 3 and space not in ("Lab", "Indexed"):
        return (v[0], v[1], v[2])
    if len(v) == 4:
        return _cmyk(v)
    return None


def _cmyk(v: Sequence[float]) -> RGB:
    c, m, y, k = v
    return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))


def _convert(v: list[float], space: Space, depth: int = 0) -> RGB | None:
    kind = space.kind
    if kind == "gray" and len(v) == 1:
        return (v[0],) * 3
    if kind == "rgb" and len(v) == 3:
        return (v[0], v[1], v[2])
    if kind == "cmyk" and len(v) == 4:
        return _cmyk(v)
    if kind == "lab" and len(v) == 3:
        return lab_to_rgb(v, space.white)
    if kind == "none":
        return None  # never marks: ``device`` counts it as transparent
    if depth > 3 or space.base is None:  # a palette of palettes is not allowed
        return None
    if kind == "indexed" and len(v) == 1:
        n = _components(space.base)
        i = max(0, int(v[0])) * n
        entry = space.palette[i : i + n]
        if n == 0 or len(entry) < n:
            return None
        if space.base.kind == "lab":  # Lab palette bytes span L 0..100, a* b* their ranges
            lo = (0.0, space.base.ranges[0], space.base.ranges[2])
            hi = (100.0, space.base.ranges[1], space.base.ranges[3])
            return _convert(
                [lo[j] + entry[j] / 255 * (hi[j] - lo[j]) for j in range(3)], space.base, depth + 1
            )
        return _convert([b / 255 for b in entry], space.base, depth + 1)
    if kind == "separation":
        if space.tint is None:
            return (1 - v[0],) * 3 if len(v) == 1 else None  # as black ink
        return _convert(space.tint(v), space.base, depth + 1)
    return None


def _components(space: Space) -> int:
    return {"gray": 1, "rgb": 3, "cmyk": 4, "lab": 3}.get(space.kind, 0)


def lab_to_rgb(v: Sequence[float], white: RGB = (0.9505, 1.0, 1.089)) -> RGB:
    """CIE L*a*b* (L 0..100) as sRGB in 0..1, clipped.

    >>> [round(c, 2) for c in lab_to_rgb((100, 0, 0))], lab_to_rgb((0, 0, 0))
    ([1.0, 1.0, 1.0], (0.0, 0.0, 0.0))
    """
    lightness, a, b = v
    fy = (lightness + 16) / 116
    fx, fz = fy + a / 500, fy - b / 200

    def f_inv(t: float) -> float:
        return t**3 if t > 6 / 29 else 3 * (6 / 29) ** 2 * (t - 4 / 29)

    x, y, z = white[0] * f_inv(fx), white[1] * f_inv(fy), white[2] * f_inv(fz)
    linear = (
        3.2406 * x - 1.5372 * y - 0.4986 * z,
        -0.9689 * x + 1.8758 * y + 0.0415 * z,
        0.0557 * x - 0.2040 * y + 1.0570 * z,
    )

    def gamma(c: float) -> float:
        c = min(1.0, max(0.0, c))
        return 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055

    return (gamma(linear[0]), gamma(linear[1]), gamma(linear[2]))


def exponential(c0: Sequence[float], c1: Sequence[float], n: float) -> Function:
    """A type 2 function: ``C0 + x**N * (C1 - C0)`` for the first input ``x``.

    >>> exponential([1, 1, 1], [0, 0, 0], 1)([0.25])
    [0.75, 0.75, 0.75]
    """
    c0, c1 = list(c0), list(c1)

    def run(x: Sequence[float]) -> list[float]:
        t = min(1.0, max(0.0, float(x[0]))) ** n if x else 0.0
        return [a + t * (b - a) for a, b in zip(c0, c1, strict=False)]

    return run


def sampled(samples: bytes, size: int, outputs: int, decode: Sequence[float]) -> Function:
    """A type 0 function of one input with 8-bit samples (the common tint table).

    >>> sampled(bytes([255, 0]), 2, 1, [0, 1])([1.0])
    [0.0]
    """

    def run(x: Sequence[float]) -> list[float]:
        t = min(1.0, max(0.0, float(x[0]))) if x else 0.0
        i = min(size - 1, round(t * (size - 1))) * outputs
        entry = samples[i : i + outputs]
        if len(entry) < outputs:
            raise IndexError("short sample table")
        return [
            decode[2 * j] + entry[j] / 255 * (decode[2 * j + 1] - decode[2 * j])
            for j in range(outputs)
        ]

    return run


@cache
def contrast(a: RGB, b: RGB) -> float:
    """How far apart two RGB colours are: the largest difference of one channel (0..1).

    >>> contrast((1.0, 1.0, 1.0), (0.9, 0.95, 1.0))
    0.09999999999999998
    """
    return max(abs(a[0] - b[0]), abs(a[1] - b[1]), abs(a[2] - b[2]))
