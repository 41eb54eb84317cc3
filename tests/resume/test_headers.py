"""Tests for matcher.resume.headers: a role header's pieces, and which is title, organisation, place."""

from __future__ import annotations

import pytest

from matcher.resume.headers import Piece, header_pieces, title_org


def read_header(line: str) -> tuple[str, str, str]:
    """(title, organisation, place) of a one-line header with no date in it."""
    got = title_org(header_pieces(line, [(0, len(line))], [0], len(line), len(line)))
    return tuple(p.text if p else "" for p in got)  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("line", "want"),
    [
        (
            "Product Manager | ShopNest Inc | Chicago, IL",
            ("Product Manager", "ShopNest Inc", "Chicago, IL"),
        ),
        ("Accountant Company Name City , State", ("Accountant", "Company Name", "City , State")),
        ("上海橙果电子商务有限公司产品经理", ("产品经理", "上海橙果电子商务有限公司", "")),
        ("Director of Dining Services", ("Director of Dining Services", "", "")),
    ],
)
def test_title_organisation_and_place(line: str, want: tuple[str, str, str]) -> None:
    assert read_header(line) == want


def test_pieces_keep_their_offsets() -> None:
    text = "Intro\nData Analyst, Acme Corp\n"
    got = header_pieces(text, [(0, 5), (6, len(text) - 1)], [1], len(text), len(text))
    assert all(text[p.start : p.start + len(p.text)] == p.text for p in got)
    assert [p.text for p in got] == ["Data Analyst", "Acme Corp"]
    assert isinstance(got[0], Piece)
