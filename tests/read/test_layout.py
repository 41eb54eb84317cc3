"""Tests for matcher.read.layout: reading order, line grouping and running lines on hand-made pages."""

from __future__ import annotations

from matcher.read.layout import Line, drop_running_lines, group_lines, order_page


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


def test_a_repeated_footer_goes_from_every_page() -> None:
    pages = [
        (
            595.0,
            842.0,
            [Line(40, 400, 300, 410, f"body {n}"), Line(40, 20, 300, 30, "jo@example.com")],
        )
        for n in (1, 2)
    ]
    drop_running_lines(pages)
    assert [[ln.text for ln in lines] for _w, _h, lines in pages] == [["body 1"], ["body 2"]]


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


def _wide(y: float, text: str) -> Line:
    return Line(40, y, 550, y + 10, text)


def test_a_two_column_list_inside_a_one_column_page_is_read_column_by_column() -> None:
    """Regression (livecareer): wrapped items of a two-column list were interleaved by height."""
    lines = [_wide(800 - 12 * i, f"summary line {i} across the page") for i in range(4)]
    lines.append(Line(40, 740, 120, 750, "Highlights"))
    lines += [Line(40, 720 - 14 * i, 280, 730 - 14 * i, f"left item {i}") for i in range(4)]
    lines += [Line(310, 713 - 14 * i, 550, 723 - 14 * i, f"right item {i}") for i in range(3)]
    lines.append(Line(40, 640, 120, 650, "Experience"))
    lines += [_wide(620 - 12 * i, f"role line {i} across the page") for i in range(3)]
    out = order_page(lines, 595)
    assert out[4] == "Highlights" and out[-4] == "Experience"
    assert out[5:12] == [f"left item {i}" for i in range(4)] + [f"right item {i}" for i in range(3)]


def test_a_list_whose_sides_line_up_row_for_row_is_read_across() -> None:
    lines = [_wide(800 - 12 * i, f"summary line {i} across the page") for i in range(4)]
    for i in range(4):
        lines.append(Line(40, 720 - 14 * i, 280, 730 - 14 * i, f"skill {i}"))
        lines.append(Line(310, 720 - 14 * i, 550, 730 - 14 * i, f"{i + 2} years"))
    assert order_page(lines, 595)[4:] == [f"skill {i}  {i + 2} years" for i in range(4)]


def test_the_same_line_at_different_heights_is_body_text_not_a_footer() -> None:
    """Regression (livecareer): one job line repeated near the bottom of two pages was dropped."""
    job = "January 1998 to January 1998 Company Name City , State"
    pages = [(595.0, 842.0, [Line(40, y, 400, y + 10, job)]) for y in (40.0, 62.0)]
    drop_running_lines(pages)
    assert [len(lines) for _w, _h, lines in pages] == [1, 1]
