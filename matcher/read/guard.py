"""Guard: what a PDF may make pdfminer allocate or loop over, capped while matcher reads it.

Input is a PDF's declared structure as pdfminer meets it (streams and their filters, font width
tables, CMap ranges, TrueType cmap tables, the object graph); output is the same data, or a
``ReadError`` (``too_large``, ``corrupt_pdf``) when a declaration would cost more than a resume
can. pdfminer trusts what a file declares: an 816-byte PDF whose CID font says ``/W [0
2147483647 1000]`` made it build a table of 2^31 widths (12 GB), ``4 0 obj 4 0 R endobj``
resolved forever; streams are decoded through ``matcher.read.streams``, capped.

The caps apply only inside ``limits()``, which ``matcher.read.pdf`` opens around each read;
pdfminer used elsewhere in the same process behaves as it always does. pdfminer lives here,
in ``streams``, ``interp``, ``device`` and ``pdf`` only.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from pdfminer import pdffont
from pdfminer.cmapdb import CMapParser
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1

from matcher.errors import ReadError
from matcher.read.streams import unfilter

# All streams of a document together may unpack to this much (one: ``streams.MAX_STREAM``).
MAX_DECODED = 256 * 2**20
# Drawing commands interpreted per document (page contents and forms, counted each time run).
MAX_CONTENT = 24 * 2**20
# Object look-ups per document, and reference hops from one object to what it stands for.
MAX_LOOKUPS = 2_000_000
MAX_HOPS = 32
# Character codes are at most 16 bits (CID 65535); entries written into one width table, CMap
# or TrueType cmap past this budget are dropped (a real font has at most 65,536).
MAX_CODE = 0xFFFF
MAX_ENTRIES = 4 * 65_536


@dataclass(slots=True)
class Budget:
    """What one read has spent so far (bytes unpacked, commands run, objects looked up)."""

    decoded: int = 0
    content: int = 0
    lookups: int = 0

    def unpack(self, n: int) -> None:
        self.decoded += n
        if self.decoded > MAX_DECODED:
            raise ReadError(
                f"PDF streams unpack to over {MAX_DECODED // 2**20} MiB: too large to read",
                status="too_large",
            )

    def run(self, n: int) -> None:
        self.content += n
        if self.content > MAX_CONTENT:
            raise ReadError(
                f"PDF has over {MAX_CONTENT // 2**20} MiB of drawing commands: too large to read",
                status="too_large",
            )


_BUDGET: ContextVar[Budget | None] = ContextVar("matcher_pdf_budget", default=None)


def budget() -> Budget | None:
    """The budget of the read in progress in this thread (None outside ``limits``)."""
    return _BUDGET.get()


@contextlib.contextmanager
def limits() -> Iterator[Budget]:
    """Cap what pdfminer may allocate and loop over while the block runs (this thread only)."""
    token = _BUDGET.set(Budget())
    try:
        yield _BUDGET.get()  # type: ignore[misc]
    finally:
        _BUDGET.reset(token)


class SafeDocument(PDFDocument):
    """A ``PDFDocument`` whose references resolve in a bounded number of hops.

    ``4 0 obj 4 0 R endobj`` (an object that is a reference to itself, or a ring of them)
    made every ``resolve1`` loop forever; here a chain of references ends after ``MAX_HOPS``
    or where it comes back, as a damaged file. Look-ups are counted against the read's budget.
    """

    def getobj(self, objid: int) -> object:
        spent = budget()
        if spent is not None:
            spent.lookups += 1
            if spent.lookups > MAX_LOOKUPS:
                raise ReadError(
                    "PDF needs over 2,000,000 object look-ups: too large to read",
                    status="too_large",
                )
        obj = super().getobj(objid)
        seen = {objid}
        while isinstance(obj, PDFObjRef):
            if obj.objid in seen or len(seen) > MAX_HOPS:
                raise ReadError(
                    "damaged PDF: an object refers to itself through references",
                    status="corrupt_pdf",
                )
            seen.add(obj.objid)
            obj = super().getobj(obj.objid)
        return obj


# ---------------------------------------------------------------- streams


def _decode(self: PDFStream) -> None:
    """``PDFStream.decode`` with every filter's output capped (inside ``limits`` only)."""
    spent = budget()
    if spent is None:
        _ORIGINAL_DECODE(self)
        return
    data = self.rawdata
    assert data is not None
    if self.decipher:
        assert self.objid is not None and self.genno is not None
        data = self.decipher(self.objid, self.genno, data, self.attrs)
    for f, params in self.get_filters():
        data = unfilter(data, f, params)
    spent.unpack(len(data))
    self.data = data
    self.rawdata = None


# ---------------------------------------------------------------- fonts


def _widths(seq: Iterable[object], size: int) -> Iterator[tuple[int, object]]:
    """(code, width entry) pairs of a CID font's /W (``size`` 1) or /W2 (``size`` 3) array.

    As pdfminer reads them, but a range ``first last w`` is clipped to codes 0..65535 and the
    whole table to ``MAX_ENTRIES`` entries.
    """
    room = MAX_ENTRIES
    numbers: list[Any] = []
    for v in seq:
        v = resolve1(v)
        if isinstance(v, list):
            if numbers and isinstance(numbers[-1], int):
                first = numbers[-1]
                for i in range(min(len(v) // size, room)):
                    yield first + i, tuple(v[i * size : i * size + size]) if size > 1 else v[i]
                room -= min(len(v) // size, room)
            numbers = []
        elif isinstance(v, int | float):
            numbers.append(v)
            if len(numbers) == 2 + size:
                first, last, *w = numbers
                if isinstance(first, int) and isinstance(last, int):
                    lo, hi = max(first, 0), min(last, MAX_CODE, max(first, 0) + room - 1)
                    for code in range(lo, hi + 1):
                        yield code, tuple(w) if size > 1 else w[0]
                    room -= max(0, hi - lo + 1)
                numbers = []
        if room <= 0:
            return


def _get_widths(seq: Iterable[object]) -> dict[str | int, float]:
    if budget() is None:
        original: dict[str | int, float] = _ORIGINAL_GET_WIDTHS(seq)
        return original
    return {code: w for code, w in _widths(seq, 1)}  # type: ignore[misc]


def _get_widths2(seq: Iterable[object]) -> dict[int, tuple[float, tuple[float, float]]]:
    if budget() is None:
        original: dict[int, tuple[float, tuple[float, float]]] = _ORIGINAL_GET_WIDTHS2(seq)
        return original
    return {
        code: (w[0], (w[1], w[2]))  # type: ignore[index]
        for code, w in _widths(seq, 3)
    }


class _CappedCMapParser(CMapParser):
    """A CMap parser that drops ranges past 65,536 codes and entries past ``MAX_ENTRIES``.

    ``<00000000> <FFFFFFFF> 0 begincidrange`` asked pdfminer for 2^32 entries.
    """

    _room = MAX_ENTRIES

    def do_keyword(self, pos: int, token: Any) -> None:
        if budget() is not None and token in (self.KEYWORD_ENDCIDRANGE, self.KEYWORD_ENDBFRANGE):
            kept: list[Any] = []
            room = self._room
            stack = self.curstack
            for i in range(0, len(stack) - 2, 3):
                start, end = stack[i][1], stack[i + 1][1]
                size = _range_size(start, end)
                if size is not None and size <= min(room, MAX_CODE + 1):
                    kept += stack[i : i + 3]
                    room -= size
            self._room = room
            stack[:] = kept
        super().do_keyword(pos, token)


def _range_size(start: object, end: object) -> int | None:
    """How many codes pdfminer would write for a range (the larger of its two ways to count)."""
    if not (isinstance(start, bytes) and isinstance(end, bytes) and len(start) == len(end)):
        return None  # pdfminer skips these itself
    tail = int.from_bytes(end[-4:], "big") - int.from_bytes(start[-4:], "big")
    whole = int.from_bytes(end, "big") - int.from_bytes(start, "big")
    return max(0, tail, whole) + 1


class _Full(Exception):
    """A TrueType cmap table wrote more entries than any font has."""


class _Room(dict[int, int]):
    def __init__(self, room: int) -> None:
        super().__init__()
        self.room = room

    def __setitem__(self, key: int, value: int) -> None:
        self.room -= 1
        if self.room < 0:
            raise _Full
        super().__setitem__(key, value)


class _CappedTrueTypeFont(pdffont.TrueTypeFont):
    """A TrueType font whose cmap tables may write at most ``MAX_ENTRIES`` entries in all.

    Format 12 groups span 32-bit code ranges, and format 2 and 4 segments can point at the
    same data tens of thousands of times: 2^32 entries, or hours.
    """

    _room = MAX_ENTRIES

    def _bounded(self, parse: Callable[..., None], fp: Any, char2gid: dict[int, int]) -> None:
        if budget() is None:
            parse(fp, char2gid)
            return
        table = _Room(self._room)
        with contextlib.suppress(_Full):
            parse(fp, table)
        self._room = max(0, table.room)
        char2gid.update(table)

    def parse_cmap_format_2(self, fp: Any, char2gid: dict[int, int]) -> None:
        self._bounded(super().parse_cmap_format_2, fp, char2gid)

    def parse_cmap_format_4(self, fp: Any, char2gid: dict[int, int]) -> None:
        self._bounded(super().parse_cmap_format_4, fp, char2gid)

    def parse_cmap_format_6(self, fp: Any, char2gid: dict[int, int]) -> None:
        self._bounded(super().parse_cmap_format_6, fp, char2gid)

    def parse_cmap_format_10(self, fp: Any, char2gid: dict[int, int]) -> None:
        self._bounded(super().parse_cmap_format_10, fp, char2gid)

    def parse_cmap_format_12(self, fp: Any, char2gid: dict[int, int]) -> None:
        self._bounded(super().parse_cmap_format_12, fp, char2gid)


# Installed once, at import: each replacement checks ``budget()`` and behaves exactly like
# pdfminer's own code outside ``limits()``. pdfminer's originals are kept on the module
# (``_matcher_original``) so that importing this module again never wraps a wrapper.
def _original(owner: Any, name: str) -> Any:
    current = getattr(owner, name)
    return getattr(current, "_matcher_original", current)


_ORIGINAL_DECODE = _original(PDFStream, "decode")
_ORIGINAL_GET_WIDTHS = _original(pdffont, "get_widths")
_ORIGINAL_GET_WIDTHS2 = _original(pdffont, "get_widths2")
for _owner, _name, _new in (
    (PDFStream, "decode", _decode),
    (pdffont, "get_widths", _get_widths),
    (pdffont, "get_widths2", _get_widths2),
    (pdffont, "CMapParser", _CappedCMapParser),
    (pdffont, "TrueTypeFont", _CappedTrueTypeFont),
):
    setattr(_new, "_matcher_original", _original(_owner, _name))  # noqa: B010
    setattr(_owner, _name, _new)
