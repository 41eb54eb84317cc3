"""Tests for matcher.scoring: levels, evidence, and the properties every score must keep."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matcher.read import read_text
from matcher.resume import understand
from matcher.rubric import Criterion, Rubric
from matcher.scoring import score

AS_OF = date(2026, 11, 23)
RUBRIC = Rubric(
    "pm",
    "Product Manager",
    "en",
    (
        Criterion("prd", "skill", "PRD", 3.0, ("requirement document", "需求文档")),
        Criterion("sql", "tool", "SQL", 2.5, ("Structured Query Language",), required=True),
        Criterion(
            "competitive-analysis", "responsibility", "competitive analysis", 2.0, ("竞品分析",)
        ),
        Criterion("edu", "education", "bachelor degree or above", 2.0, min_level="bachelor"),
        Criterion("years", "experience", "3+ years", 3.0, min_years=3),
        Criterion("teamwork", "soft_skill", "teamwork", 1.0),
    ),
)
STRONG = """Ann Lee
EXPERIENCE
Product Manager, Acme  Jan 2019 - Present
Wrote the PRD, ran competitive analysis, used SQL daily.
EDUCATION
Bachelor of Science, Economics
"""


def card_for(text: str, rubric: Rubric = RUBRIC):
    return score(understand(read_text(text), AS_OF), rubric)


def by_id(card):
    return {e.criterion_id: e for e in card.evidence}


def test_levels_and_evidence() -> None:
    card = card_for(STRONG)
    ev = by_id(card)
    assert (
        ev["prd"].method == "exact"
        and ev["prd"].text == "PRD"
        and ev["prd"].section == "experience"
    )
    assert ev["sql"].met and card.eligible
    assert ev["edu"].method == "level" and ev["edu"].credit == 1.0
    assert ev["years"].credit == 1.0
    assert ev["teamwork"].method == "none" and ev["teamwork"].start == -1
    assert sum(e.contribution for e in card.evidence) == pytest.approx(card.score)


def test_alias_and_cross_language() -> None:
    ev = by_id(card_for("负责撰写需求文档和竞品分析"))
    assert ev["prd"].method == "alias" and ev["prd"].text == "需求文档"
    assert ev["competitive-analysis"].method == "alias"


def test_fuzzy_is_lower_credit_and_never_on_short_terms() -> None:
    ev = by_id(card_for("Ran competitve analysis. Knows SQ and teamwrk."))
    assert ev["competitive-analysis"].method == "fuzzy"
    assert 0 < ev["competitive-analysis"].credit < 1
    assert ev["sql"].method == "none"


def test_missing_required_makes_ineligible_but_keeps_score() -> None:
    card = card_for("EXPERIENCE\nPM 2015 - 2020\nWrote PRD docs")
    assert not card.eligible and card.missing_required == ("SQL",)
    assert card.score > 0


def test_education_one_level_below_is_partial() -> None:
    ev = by_id(card_for("EDUCATION\nAssociate degree, business (大专)"))
    assert ev["edu"].credit == 0.5 and not ev["edu"].met


def test_experience_partial_below_minimum_and_capped_above() -> None:
    assert by_id(card_for("EXPERIENCE\nPM 2024.11 - 2025.10"))["years"].credit == pytest.approx(
        1 / 3, abs=0.01
    )
    assert by_id(card_for("EXPERIENCE\nPM 2000 - 2020"))["years"].credit == 1.0


def test_repeating_a_keyword_gains_nothing() -> None:
    assert card_for("SQL " * 50).score == card_for("SQL").score


words = st.sampled_from(
    [
        "PRD",
        "SQL",
        "teamwork",
        "competitive analysis",
        "Excel",
        "cooking",
        "竞品分析",
        "2019 - 2024",
        "MBA",
        "EXPERIENCE",
        "\n",
    ]
)
resume_text = st.lists(words, min_size=1, max_size=30).map(" ".join).map(lambda t: "Resume\n" + t)


@settings(max_examples=60, deadline=None)
@given(resume_text)
def test_score_is_bounded(text: str) -> None:
    assert 0.0 <= card_for(text).score <= 100.0 + 1e-9


@settings(max_examples=60, deadline=None)
@given(resume_text, st.sampled_from(["PRD", "SQL", "teamwork", "competitive analysis", "竞品分析"]))
def test_adding_a_matching_term_never_lowers_the_score(text: str, term: str) -> None:
    assert card_for(text + "\n" + term).score >= card_for(text).score - 1e-9


@settings(max_examples=40, deadline=None)
@given(resume_text, st.floats(min_value=0.01, max_value=100))
def test_scaling_all_weights_changes_nothing(text: str, k: float) -> None:
    scaled = replace(
        RUBRIC, criteria=tuple(replace(c, weight=c.weight * k) for c in RUBRIC.criteria)
    )
    assert card_for(text, scaled).score == pytest.approx(card_for(text).score)


@settings(max_examples=40, deadline=None)
@given(resume_text, st.permutations(range(len(RUBRIC.criteria))))
def test_criterion_order_does_not_matter(text: str, order: list[int]) -> None:
    shuffled = replace(RUBRIC, criteria=tuple(RUBRIC.criteria[i] for i in order))
    assert card_for(text, shuffled).score == pytest.approx(card_for(text).score)
