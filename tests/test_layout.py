"""Tests for matcher.layout: reading order, line grouping and running lines on hand-made pages."""

from __future__ import annotations

from matcher.layout import Line, drop_running_lines, group_lines, order_page


def test_order_page_keeps_full_width_lines_between_column_bands() -> None:
    lines = [Line(40, 800, 550, 812, "Name Banner Across The Page")]
    lines += [Line(40, 700 - 14 * i, 280, 710 - 14 * i, f"main {i}") for i in range(5)]
    lines += [Line(330, 700 - 14 * i, 550, 710 - 14 * i, f"side {i}") for i in range(5)]
    lines += [Line(40, 300, 550, 310, "A full-width line below both columns")]
    out = order_page(lines, 595)
    assert out[0] == "Name Banner Across The Page"
    assert out[1:6] == [f"main {i}" for i in range(5)]
    assert out[6:11] == [f"side {i}" for i in range(5)]
    assert out[-1] == "A full-width line below both columns"


def test_dates_beside_titles_in_one_column_are_not_a_column() -> None:
    lines = []
    for i in range(4):
        top = 700 - 90 * i
        lines.append(Line(48, top, 200, top + 10, f"Job title {i}"))
        lines.append(Line(480, top, 547, top + 10, f"201{i} - 201{i + 1}"))
        lines += [
            Line(54, top - 14 * k, 420, top - 14 * k + 10, f"bullet {i}.{k}") for k in (1, 2, 3)
        ]
    out = order_page(lines, 595)
    assert out[0] == "Job title 0  2010 - 2011" and out[4] == "Job title 1  2011 - 2012"


def test_group_lines_spaces_words_and_splits_distant_text() -> None:
    def word(x: float, text: str) -> list[tuple[float, float, float, float, str]]:
        return [(x + 5 * i, 700.0, x + 5 * i + 5, 710.0, c) for i, c in enumerate(text)]

    chars = word(50, "Senior") + word(86, "PM") + word(480, "2020")
    assert [ln.text for ln in group_lines(chars)] == ["Senior PM", "2020"]
    assert group_lines([]) == []


def test_page_numbers_and_repeated_headers_go() -> None:
    pages = [
        (
            595.0,
            842.0,
            [
                Line(40, 800, 200, 810, "Jo Doe - Resume"),
                Line(40, 400, 300, 410, f"body {n}"),
                Line(290, 20, 300, 30, f"Page {n} of 2"),
            ],
        )
        for n in (1, 2)
    ]
    drop_running_lines(pages)
    assert [ln.text for ln in pages[0][2]] == ["Jo Doe - Resume", "body 1"]
    assert [ln.text for ln in pages[1][2]] == ["body 2"]
