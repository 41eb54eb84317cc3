"""Tests for matcher.vocab.occupations: job titles' other names and trade words from O*NET and ESCO.

How the compiler uses them (title criteria, keywords) is tested in tests/compiler/."""

from __future__ import annotations

import pytest

from matcher.vocab import occupations
from matcher.vocab.occupations import lemma, specificity, title_names, trade_noun


def test_bilingual_title_names_go_both_ways() -> None:
    assert "产品经理" in title_names("Product manager")
    assert "product manager" in title_names("产品经理")
    assert "accountant" in title_names("会计")
    assert title_names("总经理助理的助理") == ()  # an unknown Chinese title stays unnamed


def test_trade_nouns_belong_to_few_occupation_groups() -> None:
    # adjectives stand before a noun, never head one: not nouns
    assert trade_noun("early") is None and trade_noun("latest") is None
    # every occupation group's nouns tell no trade, however rare
    assert trade_noun("classroom") > trade_noun("task")  # type: ignore[operator]
    assert trade_noun("invoice") > trade_noun("point")  # type: ignore[operator]


def test_title_names_and_word_specificity() -> None:
    assert "Elementary Teacher" in title_names("Elementary School Teacher")
    assert "Brand Manager" not in title_names("Product Manager")  # O*NET files them together
    assert "cost accountant" in map(str.lower, title_names("Senior Accountant"))  # rank: no job
    assert title_names("Zorblax Quuxer") == ()
    assert title_names("Apparel Merchandiser")[0].lower() == "merchandiser"  # known ending
    assert specificity("subcontractors") > specificity("construction") > specificity("customer")
    assert specificity("experience") is None and specificity("zorblax") is None
    assert lemma("lessons") == "lesson" and lemma("classes") == "class"


def test_a_chinese_title_the_table_does_not_know_takes_its_known_ending() -> None:
    """ "财务会计" (a financial accountant) is a "会计", as an English title falls back to its
    longest known ending."""
    names = occupations.title_names("财务会计")
    assert "会计" in names and "accountant" in names
    assert occupations.english_name("总账会计") == "accountant"
    assert occupations.title_names("财务") == ()  # an ending of one character names nothing


@pytest.mark.parametrize(
    ("word", "expected"),
    [("economics", "economics"), ("Logistics", "logistics"), ("sales", "sales"),
     ("metrics", "metric"), ("mechanics", "mechanic"), ("lessons", "lesson")],
)  # fmt: skip
def test_a_field_in_s_is_no_plural(word: str, expected: str) -> None:
    assert lemma(word) == expected
