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


def test_a_description_heading_ends_the_company_blurb() -> None:
    """SkillSpan's layout: "About Us" (skipped) then "Description" (the job): a skip part
    lasts only until the next heading, and "Description" is one ("Company description"
    stays a skip part)."""
    lines = ("About Us", "We save lives.", "Description", "Lead our compliance project.",
             "Company description", "Founded in 1935.")  # fmt: skip
    assert [(i.part, i.text) for i in items(lines)] == [("resp", "Lead our compliance project.")]


def test_a_posting_whose_only_heading_closes_it_is_not_all_intro() -> None:
    """A university posting in prose with "Application" as its first heading: the job is
    the prose above it, not a company blurb."""
    lines = ("Engineering invites applications for assistant professors.",
             "Candidates must have excellent written and verbal communication skills.",
             "Application", "Your application must contain a CV.")  # fmt: skip
    assert [i.part for i in items(lines)] == ["resp", "resp"]


@pytest.mark.parametrize(
    ("line", "part"),
    [("Bonus points", "pref"), ("Nice to have", "pref"), ("Minimum qualifications", "req")],
)
def test_a_sentence_case_heading_of_heading_words_opens_its_part(line: str, part: str) -> None:
    got = items(("Requirements:", "- Python", line, "- Kafka"))
    # "Minimum qualifications" insists: its items are required as if each said so
    assert got[-1] == Item(part, "Kafka", False, line.startswith("Minimum"))  # type: ignore[arg-type]


@pytest.mark.parametrize("line", ["Excel skills", "Strong communication skills", "- Nice to have"])
def test_an_item_made_of_other_words_stays_an_item(line: str) -> None:
    got = items(("Requirements:", "- Python", line))
    assert [i.part for i in got] == ["req", "req"]


def test_a_company_named_about_heading_and_form_fields_give_no_items() -> None:
    lines = (
        "About Lumen",
        "Lumen builds payroll software for small businesses.",
        "You might be a fit if you:",
        "Have a Bachelor's degree in Accounting",
        "Compensation: $75,000 - $90,000",
        "Job Type: Full-time",
        "Pay: $16.00 - $19.00 per hour",
    )
    assert [(i.part, i.text) for i in items(lines)] == [
        ("req", "Have a Bachelor's degree in Accounting")
    ]


def test_a_requirement_whose_words_end_like_a_skip_heading_stays() -> None:
    got = items(
        ("Requirements:", "- Experience with payroll and benefits: ADP", "Benefits: 401(k)")
    )
    assert [(i.part, i.text) for i in got] == [("req", "Experience with payroll and benefits: ADP")]


@pytest.mark.parametrize(
    "line", ["- Experience with React", "Experience with Figma", "- Knowledge of Python"]
)
def test_a_requirement_shaped_like_a_heading_stays_an_item(line: str) -> None:
    got = items(("Nice to have:", "- Kafka", line, "- Docker"))
    assert [i.part for i in got] == ["pref", "pref", "pref"]


@pytest.mark.parametrize(
    ("line", "part"),
    [
        ("✨ Bonus points", "pref"),
        ("🚀 What you'll do", "resp"),
        ("Essential criteria", "req"),
        ("Desirable criteria", "pref"),
        ("What you need", "req"),
    ],
)
def test_careers_page_headings_open_their_part(line: str, part: str) -> None:
    got = items(("Requirements:", "- Python", line, "- Kafka"))
    # "Essential criteria" insists: its items are required as if each said so
    assert got[-1] == Item(part, "Kafka", False, line.startswith("Essential"))  # type: ignore[arg-type]


def test_without_headings_the_prose_before_the_job_is_the_company_blurb() -> None:
    lines = (
        "New York (Hybrid) | Full-Time",
        "This site uses cookies. By continuing to browse you agree to our use of cookies.",
        "Tallis & Reed is an independent agency serving fintech and beauty brands since 2005.",
        "We're looking for an Account Executive. You'll write press releases.",
        "Two years of experience in public relations is required.",
    )
    got = items(lines)
    assert [i.part for i in got] == ["intro", "resp", "resp"]
    assert not any("cookies" in i.text for i in got)


def test_a_number_restated_in_brackets_is_no_list_marker() -> None:
    got = items(("Requirements:", "You must have one (1) year of experience.", "(1) SQL (2) Excel"))
    assert [i.text for i in got] == ["You must have one (1) year of experience.", "SQL", "Excel"]


def test_a_paragraph_is_cut_where_its_sentences_end_not_at_an_abbreviation() -> None:
    para = "We work in tools e.g. Jira and Confluence every single day. " * 6
    got = items(("Backend Engineer", para + "You have 5+ years of Go!"))
    assert got[-1].text == "You have 5+ years of Go!"
    assert all(not i.text.startswith("Jira") for i in got)  # "e.g. Jira" ends no sentence
