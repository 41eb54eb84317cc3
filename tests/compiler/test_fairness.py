"""Tests for matcher.compiler.fairness: clauses about protected traits leave the text as findings.

That they never become criteria, over whole postings, is tested in test_criteria.py."""

from __future__ import annotations

import pytest

from matcher.compiler.fairness import strip_protected


@pytest.mark.parametrize(
    ("item", "kept", "traits"),
    [
        ("熟悉SQL，女性优先", "熟悉SQL，", ["gender"]),
        ("熟悉SQL，年龄25-35岁，本地户口优先", "熟悉SQL，", ["age", "hometown"]),
        ("Know SQL, aged between 20 and 30", "Know SQL,", ["age"]),
        ("男女不限，熟悉SQL", "，熟悉SQL", []),  # no preference stated: dropped, no finding
        ("会议时间:10:985", "会议时间:10:985", []),  # a number, not a school tier
        ("提升品牌形象", "提升品牌形象", []),
    ],
)
def test_strip_protected(item: str, kept: str, traits: list[str]) -> None:
    text, found = strip_protected(item)
    assert text == kept
    assert [f.message.split(" is ")[0] for f in found] == traits
    assert all(f.origin and f.origin in item for f in found)


@pytest.mark.parametrize("item", ["Native English speaker", "英语为母语者优先"])
def test_native_speaker_is_national_origin_not_fluency(item: str) -> None:
    kept, found = strip_protected(item)
    assert kept.strip() == "" and found[0].message.startswith("national origin")
    assert strip_protected("Fluent English")[1] == []
