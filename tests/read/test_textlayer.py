"""Tests for matcher.read.textlayer: the PDF quality gate and the colour maths of visibility."""

from __future__ import annotations

import pytest

from matcher.errors import ReadError
from matcher.read.layout import Char, group_lines
from matcher.read.textlayer import PageGlyphs, page_texts


def page(text: str = "", *, hidden: int = 0, bad: int = 0, images: int = 0) -> PageGlyphs:
    """A letter-size page with ``text`` on one line near its middle, 6 pt per glyph."""
    chars: list[Char] = [(72 + 6 * i, 400, 78 + 6 * i, 410, c) for i, c in enumerate(text)]
    visible = sum(1 for c in text if not c.isspace())
    return PageGlyphs(612, 792, group_lines(chars), visible, hidden, bad, images)


def test_visible_glyphs_become_page_texts() -> None:
    texts, warnings = page_texts([page("Jane Doe"), page("SQL")], [])
    assert texts == ["Jane Doe", "SQL"] and warnings == []


@pytest.mark.parametrize(
    ("description", "pages", "status", "message"),
    [
        ("no pages", [], "corrupt_pdf", "PDF has no pages"),
        ("only pictures", [page(images=1)], "needs_ocr", "no text layer"),
        ("mostly unmapped", [page("Jane", bad=2)], "unreadable_text", "text layer is unreadable"),
        ("all hidden", [page(hidden=40)], "no_visible_text", "no visible text: all 40"),
        (
            "garbled",
            [page(" ".join(["0w1w23w4"] * 30))],
            "unreadable_text",
            "text layer is garbled",
        ),
    ],
)
def test_quality_gate_says_why(
    description: str, pages: list[PageGlyphs], status: str, message: str
) -> None:
    with pytest.raises(ReadError) as err:
        page_texts(pages, [])
    assert err.value.status == status and err.value.message.startswith(message), description


def test_quality_gate_warns_about_what_it_dropped() -> None:
    pages = [page("Jane Doe, product manager", hidden=5, bad=1), page(images=2)]
    texts, warnings = page_texts(pages, ["page_cap: x"])
    assert texts == ["Jane Doe, product manager", ""]
    assert warnings == [
        "page_cap: x",
        "hidden_text: 5 characters dropped",
        "unreadable_text: 1 characters without a Unicode mapping dropped",
        "needs_ocr: page 2 has no text layer",
    ]


def test_mixed_tokens_below_half_are_not_garbled() -> None:
    words = ["B2B", "P2P", "S3"] * 3 + ["product", "manager"] * 8
    assert page_texts([page(" ".join(words))], [])[0] == [" ".join(words)]
