"""Tests for matcher.compiler.minimums: education levels and years of experience read from posting text.

How they become criteria (weights, required) is tested in test_criteria.py."""

from __future__ import annotations

import pytest

from matcher.compiler.minimums import (
    degree_required,
    education_level,
    experience_field,
    min_years,
    states_years,
)
from matcher.vocab.lexicon import Cue


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("3-5年相关工作经验", 3),
        ("两年以上工作经验", 2),
        ("5+ years of experience with Python", 5),
        ("Experience: minimum 4 years in product", 4),
        ("1年以下工作经验", None),  # a ceiling
        ("less than 2 years of experience", None),
        ("2020年加入公司", None),  # a date, not experience
        ("A 3-year roadmap", None),
        # a range in words is its least; "or more" stands between number and years
        ("two to three years of experience in public relations", 2),
        ("three (3) to five (5) years of experience", 3),
        ("2 or more years of experience", 2),
        ("5 years or more of experience", 5),
    ],
)
def test_min_years(text: str, years: float | None) -> None:
    assert min_years(text) == years


def test_years_stated_without_experience_are_still_years() -> None:
    assert states_years("每年两次培训，3年计划") and not states_years("熟悉SQL")
    assert min_years("每年两次培训，3年计划") is None


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("博士学历优先", "doctorate"),
        ("Master's degree in computer science or equivalent", "master"),
        ("研究生及以上学历，优秀者放宽至本科", "bachelor"),  # the lowest level named
        ("大专以上学历", "associate"),
        ("Bachelor of Arts", "bachelor"),  # a degree named whole (weighed; a floor word requires)
        ("学历不限", None),
    ],
)
def test_education_level(text: str, level: str | None) -> None:
    assert education_level(text) == level


def test_a_preferred_degree_is_never_required() -> None:
    preferred = Cue("preferred", ("preferred",), 0.6, False)
    must = Cue("required", ("must",), 1.3, True)
    assert not degree_required("Bachelor degree or above preferred", preferred)
    assert degree_required("Must have a bachelor's degree", must)
    assert not degree_required("本科及以上学历或同等经验", must)  # experience will do


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("At least two years of experience cooking in a high-volume kitchen", "cooking"),
        ("2 years experience selling software", "selling software"),
        ("4 years experience using Excel", "Excel"),
        ("2 years experience working with children", None),  # any work
        ("3 years experience required", None),
        ("Minimum 2 years driving experience", "driving"),  # no "of" between
        ("5 years relevant experience", None),
        ("3 years prior experience", None),
    ],
)
def test_experience_named_by_its_verb_is_a_field(text: str, field: str | None) -> None:
    from matcher.compiler.minimums import experience_field

    assert experience_field(text) == field


@pytest.mark.parametrize(
    ("text", "years", "field"),
    [
        ("Cooking: 1 year (Required)", 1.0, "Cooking"),
        ("Total work: 3 years (Preferred)", 3.0, None),
        ("2+ years of banking experience, OR 1+ year as a Personal Banker I", 2.0, "banking"),
        ("Have 2+ years of public accounting or corporate accounting experience", 2.0,
         "public accounting or corporate accounting"),
    ],
)  # fmt: skip
def test_a_job_boards_form_and_a_long_field_state_the_floor(
    text: str, years: float, field: str | None
) -> None:
    from matcher.compiler.minimums import experience_field

    assert (min_years(text), experience_field(text)) == (years, field)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("BSN preferred", "bachelor"),
        ("Bachelor of Science in Nursing (BSN) preferred", "bachelor"),
        ("MBA preferred", "master"),
        ("PharmD required", "doctorate"),
        ("Master of Ceremonies at company events", None),
    ],
)
def test_a_degree_named_whole_or_by_its_own_initials_is_a_degree(
    text: str, level: str | None
) -> None:
    assert education_level(text) == level


def test_years_read_in_linear_time_on_a_line_of_blanks() -> None:
    """8,000 blanks after a number took 7 s when each blank was given back one at a time."""
    import time

    t0 = time.perf_counter()
    assert min_years("3" + " " * 200_000 + "x") is None
    assert time.perf_counter() - t0 < 2.0


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Must have 6 months forklift experience", 0.5),
        ("6个月以上工作经验", 0.5),
        ("4+ years building production web apps with React", 4),
        ("Best place to work 5 years running", None),
    ],
)
def test_months_and_years_of_doing_something(text: str, years: float | None) -> None:
    assert min_years(text) == years


def test_a_degree_named_by_its_field_alone_is_a_first_degree() -> None:
    assert education_level("Degree in Graphic Design or a related discipline") == "bachelor"
    assert education_level("Associate degree in nursing") == "associate"  # named, it stands


def test_how_good_the_experience_was_is_no_field_but_leaves_the_field() -> None:
    got = experience_field("Minimum of two years of successful elementary teaching experience")
    assert got == "elementary teaching"
    assert experience_field("3 years prior experience") is None
    assert min_years("more than 90 years of engineering heritage") is None  # a company's age
