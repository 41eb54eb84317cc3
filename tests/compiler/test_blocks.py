"""Tests for matcher.compiler.blocks: parts by heading or shape, page junk and boilerplate out."""

from __future__ import annotations

import pytest

from matcher.compiler.blocks import Item, items
from matcher.compiler.posting import split_postings


@pytest.mark.parametrize(
    "bullet", ["1. ", "1、", "1,", "1 1,", "(1)", "（1）", "①", "- ", "* ", "• "]
)
def test_the_bullet_is_not_part_of_the_item(bullet: str) -> None:
    (p,) = split_postings(f"Requirements:\n{bullet}Must know SQL\n{bullet}Excel is a plus")
    assert [i.text for i in items(p.lines)] == ["Must know SQL", "Excel is a plus"]


def test_items_carry_their_part_and_skip_parts_are_dropped() -> None:
    lines = ("Responsibilities:", "1. Build reports", "Benefits", "1. Free lunch",
             "任职要求：", "1、熟悉SQL")  # fmt: skip
    assert items(lines) == [Item("resp", "Build reports", False), Item("req", "熟悉SQL", False)]


def test_an_inline_heading_opens_its_part() -> None:
    assert items(("Requirements: SQL and Excel",)) == [Item("req", "SQL and Excel", False)]


def test_inline_numbered_items_are_split() -> None:
    texts = [i.text for i in items(("1.熟练掌握Excel。 2.了解Axure;3.熟悉SQL",))]
    assert texts == ["熟练掌握Excel。", "了解Axure;", "熟悉SQL"]


def test_a_long_unnumbered_paragraph_in_a_list_is_prose() -> None:
    essay = "A good product manager listens to users " * 5
    got = items(("1. SQL", "2. Excel", essay))
    assert [i.prose for i in got] == [False, False, True]
