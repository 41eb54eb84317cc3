"""Tests for matcher.read.guard: what a PDF declares cannot make pdfminer allocate or loop without end.

Each case is one of issue 14's files, made by ``tests/fixtures/make_attacks.py``; on the
reader before the guard they took gigabytes (a /W range of 2^31 widths, a TrueType cmap group of
2^32 codes, a predictor row of 2^31 columns) or never returned (a /Contents that refers to
itself, a ring of references, a ToUnicode range of 2^32 codes, Flate and LZW bombs).
"""

from __future__ import annotations

import resource
import time

import pytest
from pdfminer import pdffont

from matcher.errors import ReadError
from matcher.read.guard import limits
from matcher.read.reader import read_bytes
from tests.fixtures import make_attacks

# name -> the status the file is read with ("ok" when its one glyph comes out as text).
COSTLY_PDFS = {
    "costly_cid_width_range.pdf": "unreadable_text",
    "costly_cid_vertical_width_range.pdf": "unreadable_text",
    "costly_tounicode_range.pdf": "unreadable_text",
    "costly_truetype_cmap_group.pdf": "ok",
    "costly_flate_bomb.pdf": "too_large",
    "costly_lzw_bomb.pdf": "too_large",
    "costly_predictor_row.pdf": "corrupt_pdf",
    "costly_self_contents.pdf": "corrupt_pdf",
    "costly_reference_ring.pdf": "corrupt_pdf",
}


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@pytest.mark.parametrize(("name", "status"), list(COSTLY_PDFS.items()))
def test_costly_pdfs_come_back_with_a_status_in_bounded_time_and_memory(
    name: str, status: str
) -> None:
    data = make_attacks.ATTACKS[name]()
    before, start = peak_mib(), time.perf_counter()
    try:
        read_bytes(data, label=name, suffix=".pdf")
        got = "ok"
    except ReadError as e:
        got = e.status
        assert len(e.message) < 200 and "<<" not in e.message
    assert got == status
    assert time.perf_counter() - start < 20
    assert peak_mib() - before < 600


def test_shared_huge_text_stops_at_the_glyph_cap() -> None:
    """30 pages drawing one 4 MiB text stream: refused once 300,000 glyphs are drawn."""
    with pytest.raises(ReadError) as err:
        read_bytes(make_attacks.shared_huge_text(), label="x.pdf")
    assert err.value.status == "too_large"


def test_width_ranges_are_clipped_only_inside_limits() -> None:
    seq = [0, 2_000_000, 500]
    with limits():
        widths = pdffont.get_widths(seq)
        assert len(widths) == 65_536 and widths[0] == 500
        assert pdffont.get_widths([5, [100, 200]]) == {5: 100, 6: 200}
    # Outside a read, pdfminer's own function runs (a smaller range, to keep the test fast).
    assert len(pdffont.get_widths([0, 99_999, 1])) == 100_000
