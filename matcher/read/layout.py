"""Layout: a page's characters (boxes and text) to its text lines in the order a person reads them.

Input is a page's glyphs as plain tuples (``Char``: box in PDF points and text, in drawing
order); output is ``Line`` values (``group_lines``) and the page's text lines in reading order
(``order_page``): columns one after the other, bands split by full-width lines, a date right of
a job title on the title's line. ``drop_running_lines`` removes page numbers and repeated
headers and footers. Pure geometry: no PDF library here, so every rule can be tested on
hand-made lines.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

# pdfminer's LAParams defaults, which extract_text uses too: same lines, same word spaces.
LINE_OVERLAP, CHAR_MARGIN, WORD_MARGIN = 0.5, 2.0, 0.1

Char = tuple[float, float, float, float, str]  # x0, y0, x1, y1, text in page space


def group_lines(chars: Sequence[Char]) -> list[Line]:
    """Characters (in drawing order) to text lines, as pdfminer's ``group_objects`` does it.

    Two consecutive characters share a line when they overlap vertically by more than half the
    smaller height and stand less than two character widths apart; a gap wider than a tenth of
    a character becomes a space. This is pdfminer's first layout step with its default
    parameters, done on plain tuples: it is the only layout step the reader needs.
    """
    out: list[Line] = []
    parts: list[str] = []
    box = [0.0, 0.0, 0.0, 0.0]
    prev: Char | None = None
    open_line = False
    last_x1 = 0.0

    def start(ch: Char) -> None:
        nonlocal last_x1
        parts[:] = [ch[4]]
        box[:] = ch[:4]
        last_x1 = ch[2]

    def add(ch: Char) -> None:
        nonlocal last_x1
        x0, y0, x1, y1, t = ch
        if last_x1 < x0 - WORD_MARGIN * max(x1 - x0, y1 - y0):
            parts.append(" ")
        parts.append(t)
        last_x1 = x1
        box[0], box[1] = min(box[0], x0), min(box[1], y0)
        box[2], box[3] = max(box[2], x1), max(box[3], y1)

    def emit() -> None:
        text = "".join(parts).strip()
        if text:
            out.append(Line(box[0], box[1], box[2], box[3], text))

    for ch in chars:
        if prev is not None:
            px0, py0, px1, py1, _ = prev
            x0, y0, x1, y1, _ = ch
            halign = False
            if py0 <= y1 and y0 <= py1:
                overlap = min(abs(y0 - py1), abs(y1 - py0))
                dist = 0.0 if (px0 <= x1 and x0 <= px1) else min(abs(x0 - px1), abs(x1 - px0))
                halign = (
                    min(y1 - y0, py1 - py0) * LINE_OVERLAP < overlap
                    and dist < max(x1 - x0, px1 - px0) * CHAR_MARGIN
                )
            if halign and open_line:
                add(ch)
            elif open_line:
                emit()
                open_line = False
            elif halign:
                start(prev)
                add(ch)
                open_line = True
            else:
                start(prev)
                emit()
        prev = ch
    if prev is not None:
        if not open_line:
            start(prev)
        emit()
    return out


@dataclass(frozen=True, slots=True)
class Line:
    """One text line of a page as pdfminer grouped its characters: box (PDF points) and text."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str


def _same_row(a: Line, b: Line) -> bool:
    """Whether two lines share a baseline band: they overlap by half the smaller height."""
    overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
    return overlap > 0.5 * min(a.y1 - a.y0, b.y1 - b.y0)


def _group_rows(lines: Sequence[Line]) -> list[list[Line]]:
    """Lines top to bottom, those side by side on one baseline together, left to right."""
    rows: list[list[Line]] = []
    for ln in sorted(lines, key=lambda ln: (-ln.y1, ln.x0)):
        if rows and _same_row(rows[-1][0], ln):
            rows[-1].append(ln)
        else:
            rows.append([ln])
    return [sorted(r, key=lambda ln: ln.x0) for r in rows]


def _join(row: Sequence[Line]) -> str:
    return "  ".join(ln.text for ln in row)


def _rows(lines: Sequence[Line]) -> list[str]:
    """Lines top to bottom; lines side by side on one baseline become one text line."""
    return [_join(r) for r in _group_rows(lines)]


def order_page(lines: Sequence[Line], width: float) -> list[str]:
    """Text lines of one page in reading order: column by column when the page has columns.

    A page with a gutter is read in horizontal bands separated by lines that cross the gutter
    (a full-width header, a section rule's title): in each band the left column, then the right.

    >>> order_page([Line(50, 700, 200, 710, "Product Manager"),
    ...             Line(480, 700, 545, 710, "2019 - 2021")], 595)
    ['Product Manager  2019 - 2021']
    """
    split = _column_split(lines, width)
    if split is None:
        return _local_columns(lines, width)
    # Bands: runs of lines that keep out of the gutter, and runs of lines that cross it.
    bands: list[tuple[bool, list[Line]]] = []
    for ln in sorted(lines, key=lambda ln: -ln.y1):
        crosses = ln.x0 < split < ln.x1
        if bands and bands[-1][0] == crosses:
            bands[-1][1].append(ln)
        else:
            bands.append((crosses, [ln]))
    out: list[str] = []
    for crosses, band in bands:
        if crosses:
            out += _rows(band)
        else:
            out += _rows([ln for ln in band if ln.x1 <= split])
            out += _rows([ln for ln in band if ln.x1 > split])
    return out


def _local_columns(lines: Sequence[Line], width: float) -> list[str]:
    """A one-column page that may hold two-column stretches (a skills list in two columns).

    Rows with a line wider than 55% of the text block are single-column text; each run of
    narrower rows between them is read column by column when it has a gutter and its sides do
    not line up row for row (rows that line up are a table, read across).
    """
    rows = _group_rows(lines)
    if len(lines) < 4:
        return [_join(r) for r in rows]
    left_edge, right_edge = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    wide = 0.55 * (right_edge - left_edge)
    out: list[str] = []
    band: list[list[Line]] = []

    def two_columns(rows: list[list[Line]]) -> float | None:
        flat = [ln for r in rows for ln in r]
        return _column_split(flat, width, min_side=2, max_crossing=0, tables=True)

    def flush() -> None:
        split = two_columns(band)
        if split is not None:
            # The stretch runs from the first to the last row with text right of the gutter:
            # a heading above it or the next section's first lines below it are one-column.
            right = [i for i, r in enumerate(band) if any(ln.x0 >= split for ln in r)]
            first, last = right[0], right[-1]
            # A longer left column goes on at the stretch's line pitch; a heading after a gap
            # is the next section.
            pitch = _median_pitch(band[first : last + 1])
            while last + 1 < len(band) and band[last][0].y1 - band[last + 1][0].y1 <= 1.5 * pitch:
                last += 1
            head, mid, tail = band[:first], band[first : last + 1], band[last + 1 :]
            split = two_columns(mid)
        if split is None:
            out.extend(_join(r) for r in band)
        else:
            flat = [ln for r in mid for ln in r]
            out.extend(_join(r) for r in head)
            out.extend(_rows([ln for ln in flat if ln.x1 <= split]))
            out.extend(_rows([ln for ln in flat if ln.x1 > split]))
            out.extend(_join(r) for r in tail)
        band.clear()

    for r in rows:
        if any(ln.x1 - ln.x0 > wide for ln in r):
            flush()
            out.append(_join(r))
        else:
            band.append(r)
    flush()
    return out


def _median_pitch(rows: Sequence[Sequence[Line]]) -> float:
    """The median distance between the tops of consecutive rows (0 for a single row)."""
    steps = sorted(a[0].y1 - b[0].y1 for a, b in itertools.pairwise(rows))
    return steps[len(steps) // 2] if steps else 0.0


def _column_split(
    lines: Sequence[Line],
    width: float,
    *,
    min_side: int = 3,
    max_crossing: int | None = None,
    tables: bool = False,
) -> float | None:
    """The middle of the widest vertical gutter that text lines on both sides avoid, if any.

    Gutters are looked for in the middle 70% of the page, fewest crossing lines first (at most
    ``max_crossing``, by default a tenth of the lines), widest first. A gutter counts only with
    ``min_side`` lines on each side, and not when one side is a sparse run of short lines each
    beside a line of the other side: right-aligned dates (or left-hand labels) in a one-column
    page are not a column. With ``tables``, sides that line up row for row are not columns.
    """
    if len(lines) < 2 * min_side:
        return None
    lo, hi = width * 0.15, width * 0.85
    events = sorted({lo, hi, *(v for ln in lines for v in (ln.x0, ln.x1) if lo < v < hi)})
    segments = []  # (start, end, lines crossing the open interval)
    for a, b in itertools.pairwise(events):
        mid = (a + b) / 2
        segments.append((a, b, sum(1 for ln in lines if ln.x0 < mid < ln.x1)))
    limit = max(2, len(lines) // 10) if max_crossing is None else max_crossing
    for k in range(limit + 1):
        runs: list[tuple[float, float]] = []
        for a, b, c in segments:
            if c > k:
                continue
            if runs and runs[-1][1] == a:
                runs[-1] = (runs[-1][0], b)
            else:
                runs.append((a, b))
        for a, b in sorted(runs, key=lambda r: r[0] - r[1]):
            if b - a < 4.0:
                break
            x = (a + b) / 2
            left = [ln for ln in lines if ln.x1 <= x]
            right = [ln for ln in lines if ln.x0 >= x]
            if (
                len(left) >= min_side
                and len(right) >= min_side
                and not _beside(left, right)
                and not _beside(right, left)
                and not (tables and _paired(left, right) >= 0.8 and _paired(right, left) >= 0.8)
            ):
                return x
    return None


def _paired(side: list[Line], other: list[Line]) -> float:
    """The share of ``side``'s lines that have a line of ``other`` on their baseline."""
    return sum(1 for a in side if any(_same_row(a, b) for b in other)) / len(side)


def _beside(side: list[Line], other: list[Line]) -> bool:
    """Whether ``side`` reads as notes beside ``other`` (dates, labels) rather than a column.

    Notes sit on the baseline of a line of the other side and are either sparse (far apart
    compared with their height: one per entry) or flush right against one edge (dates). A
    sidebar of short skills is dense and left-aligned, so it stays a column.
    """
    if _paired(side, other) < 0.6:
        return False
    ends = sorted(ln.x1 for ln in side)
    starts = sorted(ln.x0 for ln in side)
    if ends[-1] - ends[0] < 2.0 and starts[-1] - starts[0] > 4.0:
        return True
    ys = sorted((ln.y0 + ln.y1) / 2 for ln in side)
    gaps = sorted(b - a for a, b in itertools.pairwise(ys))
    heights = sorted(ln.y1 - ln.y0 for ln in side)
    return gaps[len(gaps) // 2] > 2.5 * heights[len(heights) // 2]


_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.?)\s*\d+(?:\s*(?:of|/)\s*\d+)?|[-–—(\[]?\s*\d{1,3}\s*[-–—)\]]?"
    r"|\d{1,3}\s*/\s*\d{1,3}|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?)$",
    re.IGNORECASE,
)


def drop_running_lines(pages: list[tuple[float, float, list[Line]]]) -> None:
    """Remove page numbers, footers repeated on several pages, and repeated headers after the first.

    Only lines in the top or bottom 10% of a page are considered, so a short line of body text
    is never taken for a page number, and a repeat must stand at the same height (to the
    point) on each page. A repeated header is kept once, at the top of its first
    page, where it reads as the document's heading; a repeated footer goes everywhere, since
    even its first copy would sit between the end of page 1 and the section it continues.
    """

    def margin(ln: Line, height: float) -> bool:
        return ln.y0 > height * 0.9 or ln.y1 < height * 0.1

    def key(ln: Line, height: float) -> tuple[str, bool, int]:
        # Running lines repeat at the same height on every page; body lines that happen to
        # repeat (two jobs with the same dates) almost never do.
        top = ln.y0 > height / 2
        return re.sub(r"\d+", "#", ln.text.strip().lower()), top, round(ln.y0)

    seen = Counter(
        key(ln, h) for _w, h, lines in pages for ln in {ln.text: ln for ln in lines}.values()
    )
    shown: set[tuple[str, bool, int]] = set()
    for _w, h, lines in pages:
        keep = []
        for ln in lines:
            if margin(ln, h):
                if _PAGE_NUMBER.match(ln.text.strip()):
                    continue
                k = key(ln, h)
                if len(pages) > 1 and seen[k] > 1 and (k in shown or not k[1]):
                    continue
                shown.add(k)
            keep.append(ln)
        lines[:] = keep
