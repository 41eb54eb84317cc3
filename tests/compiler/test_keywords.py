"""Keywords: a posting's specific trade nouns, a title's trade words, and which are said of the job."""

from __future__ import annotations

import pytest

from matcher.compiler.criteria import compile_file, compile_text
from matcher.compiler.keywords import posting_words, said_of_the_job, title_words, trade_forms
from matcher.vocab.lexicon import default_lexicon
from tests.conftest import SEEDS

LEX = default_lexicon()
EN_SEED = SEEDS / "000_1e07a38cda397245.txt"


def words(text: str, title: str = "") -> list[str]:
    return [w for w, _ in posting_words(text, title, LEX)]


def test_posting_words_keep_order_and_repeats_and_leave_terms_to_their_criteria() -> None:
    text = "The Sous Chef runs the kitchen; kitchen hygiene and the chef's menus. SQL, Excel"
    # The title's words and lexicon terms (SQL, Excel) have their own criteria; "chef's" is
    # a possessive, "runs" a verb; plurals come as singulars.
    assert words(text, "Sous Chef") == ["kitchen", "kitchen", "hygiene", "menu"]


def test_posting_words_score_specificity_and_unknown_acronyms_in_full() -> None:
    got = dict(posting_words("Plan lessons for the classroom under OSHA rules", "", LEX))
    assert got["OSHA"] == 1.0
    assert 0.28 <= got["lesson"] < 1.0 and 0.28 <= got["classroom"] < 1.0
    assert "rules" not in got and "rule" not in got  # every occupation group's word


@pytest.mark.parametrize(
    ("word", "said", "expected"),
    [
        ("classroom", {"classroom"}, True),
        ("lesson", {"lessons"}, True),
        ("box", {"boxes"}, True),
        ("category", {"categories"}, True),
        ("behalf", {"classroom"}, False),
        ("OSHA", set(), True),  # an unknown acronym always is
    ],
)
def test_said_of_the_job_as_written_or_plural(word: str, said: set[str], expected: bool) -> None:
    assert said_of_the_job(word, frozenset(said)) is expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Senior Accountant II", [("accountant", ("accounting",))]),  # rank words say no trade
        ("Registered Nurse", [("nurse", ())]),
        ("Remote Data Analyst", []),  # a head many trades share, an arrangement word
        ("Human Resources Generalist", [("human resources", ("HR",)), ("generalist", ())]),
    ],
)
def test_title_words(title: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert title_words(title, LEX) == expected


def test_trade_forms_only_for_agent_nouns_with_a_real_stem() -> None:
    assert trade_forms("teacher") == ("teaching",)
    assert trade_forms("consultant") == ("consulting",)
    assert trade_forms("actor") == ()  # the stem "act" is too short to say a trade


# ---------------------------------------------------------------- in compiled rubrics


def test_an_unknown_acronym_is_a_specific_keyword() -> None:
    r = compile_text("Requirements:\n- Know the OSHA and FAA rules for hangars", stem="j")[0]
    assert {"OSHA", "FAA"} <= {c.label for c in r.criteria if c.kind == "keyword"}


def test_title_words_bring_their_trade() -> None:
    r = compile_text("Staff Accountant\nResponsibilities:\n- Post journal entries", stem="j")[0]
    by = {c.label: c for c in r.criteria}
    assert "accounting" in by["accountant"].aliases
    generic = compile_text("Aviation Maintenance Technician\n- Inspect aircraft", stem="j")[0]
    labels = {c.label for c in generic.criteria if c.kind == "title"}
    assert "aviation" in labels and "technician" not in labels  # a head many trades share


def test_keywords_are_trade_nouns_of_few_occupation_groups() -> None:
    # trade_noun itself: tests/vocab/test_occupations.py
    r = compile_text(
        "Requirements:\n- Participate in the early product planning and improve the product"
        " concept\n- Be familiar with the latest developments and have opinions on them",
        stem="j",
    )[0]
    assert not {"early", "latest", "opinion", "point"} & {c.label for c in r.criteria}


def test_keywords_are_words_said_of_the_job() -> None:
    # The machine-translated seed postings name nouns specific to *some* trade ("behalf",
    # "spirit", "scheme"); O*NET and ESCO never use them about product managers.
    keywords = {c.label for r in compile_file(EN_SEED) for c in r.criteria if c.kind == "keyword"}
    junk = {"behalf", "spirit", "trust", "matters", "scheme", "ultra", "unified", "guidance"}
    assert not keywords & junk
    assert {"pricing", "competitor"} <= keywords  # the trade's own words stay
    # A job no occupation names keeps only unknown acronyms.
    r = compile_text("Chief Wizard\n- Brew potions in the cauldron under OSHA rules", stem="j")[0]
    assert {c.label for c in r.criteria if c.kind == "keyword"} == {"OSHA"}


def test_a_trade_name_in_a_title_stays_whole() -> None:
    r = compile_text("Senior Human Resources Generalist\n- Run payroll and recruiting", stem="j")[0]
    titled = {c.label: c for c in r.criteria if c.kind == "title"}
    assert "human resources" in titled and "HR" in titled["human resources"].aliases
    # "human" alone is no trade, and a rank says nothing of one.
    assert not {"human", "senior", "resources"} & set(titled)


def test_a_weaker_word_the_posting_comes_back_to_is_a_keyword() -> None:
    # "engineering" (specificity 0.24) in three clauses is what the job is about; named once,
    # it is too common a word to weigh.
    text = (
        "Mechanical Engineer\nResponsibilities:\n- Run engineering analysis and testing\n"
        "- Write engineering drawings\nRequirements:\n- 3+ years of engineering experience"
    )
    keywords = {c.label for c in compile_text(text, stem="j")[0].criteria if c.kind == "keyword"}
    assert "engineering" in keywords
    once = "Mechanical Engineer\nResponsibilities:\n- Write engineering drawings"
    keywords = {c.label for c in compile_text(once, stem="j")[0].criteria if c.kind == "keyword"}
    assert "engineering" not in keywords


def test_a_noun_by_its_ending_or_an_acronym_even_when_no_label_heads_with_it() -> None:
    # "agronomy" and "USDA" stand alone in the occupation labels, never at a phrase's end;
    # an adjective ("sustainable") stays out however specific.
    got = words("Advise growers on agronomy and sustainable practices under USDA programs")
    assert "agronomy" in got and "USDA" in got and "sustainable" not in got


@pytest.mark.parametrize(
    ("title", "word"),
    [("Financial Analyst", "financial"), ("Sales Representative", "sales")],
)
def test_a_title_modifier_is_a_trade_word_from_a_lower_specificity(title: str, word: str) -> None:
    # the word before the head says which job; "sales" stays "sales", not "sale"
    assert word in [w for w, _ in title_words(title, LEX)]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Certified Nursing Assistant", [("nursing", ())]),  # a licence's adjective says no trade
        ("Licensed Practical Nurse", [("nurse", ())]),
        ("Vice President of Finance", [("finance", ())]),  # an office, and the trade after "of"
    ],
)
def test_title_words_leave_offices_and_licences_out(
    title: str, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    assert title_words(title, LEX) == expected
