"""Tests for matcher.read.document: page texts and warnings to a Document."""

from __future__ import annotations

import pytest

from matcher.errors import ReadError
from matcher.read.document import MAX_CHARS, Page, assemble, fix_mojibake, read_text
from matcher.read.reader import read_bytes


def test_pages_are_character_ranges_of_the_joined_text() -> None:
    doc = assemble("cv", "0" * 64, "pdf", ["Jane Doe\n\n\n\nSQL  \n", " Page two "], ["w"])
    assert doc.text == "Jane Doe\n\nSQL\n\nPage two"
    assert doc.pages == (Page(1, 0, 13), Page(2, 15, 23))
    assert doc.text[15:23] == "Page two" and doc.warnings == ("w",)
    assert [doc.page_of(i) for i in (0, 13, 15, 99)] == [1, 2, 2, 2]


def test_no_text_on_any_page_needs_ocr() -> None:
    with pytest.raises(ReadError) as err:
        assemble("cv", "0" * 64, "pdf", [" ", "\n\n"], [])
    assert err.value.status == "needs_ocr"


def test_blank_text_in_memory_is_empty() -> None:
    with pytest.raises(ReadError) as err:
        read_text(" \n ")
    assert err.value.status == "empty"


@pytest.mark.parametrize(
    ("description", "raw", "fixed"),
    [
        ("dash", "Sales â€“ Retail", "Sales – Retail"),
        ("no-break space then space", "WordÂ ", "Word  "),
        ("real Â starts a word", "Ângela", "Ângela"),
        ("clean text", "café — naïve", "café — naïve"),
        ("broken sequence", "Acme ï¼\u200b Austin", "Acme  Austin"),
    ],
)
def test_fix_mojibake(description: str, raw: str, fixed: str) -> None:
    assert fix_mojibake(raw) == fixed, description


def test_ligatures_fullwidth_and_bullets_are_normalised() -> None:
    doc = read_bytes("ﬁnance ＳＱＬ\n● led a team\n\uf0b7 wrote PRDs".encode(), label="x.txt")
    assert doc.text == "finance SQL\n• led a team\n• wrote PRDs"


def test_mojibake_from_pdf_producers_is_repaired() -> None:
    """Regression: livecareer PDFs carry UTF-8 decoded as cp1252 ("Â " and "â€¢")."""
    raw = "Excel, WordÂ \nâ€¢ Led sales â€“ retail\nÂngela Souza\nAcme ï¼\u200b Austin"
    doc = read_bytes(raw.encode(), label="x")
    assert doc.text == "Excel, Word\n• Led sales - retail\nÂngela Souza\nAcme  Austin"


def test_text_past_the_cap_is_not_read_and_says_so() -> None:
    doc = read_bytes(b"Python SQL 2019-2023 Acme " * 20000, label="big.txt")
    assert len(doc.text) == MAX_CHARS and doc.pages[-1].end == MAX_CHARS
    assert any(w.startswith("text_cap:") for w in doc.warnings)
