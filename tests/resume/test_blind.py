"""Blind mode: resumes that differ only in who wrote them score the same, and nothing masked
reaches any output (ranking, evidence, explain, report), in English and Chinese."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import matcher
from matcher.ranking import csv_text, evidence_table
from matcher.read.document import read_text
from matcher.read.reader import read_document
from matcher.resume.blind import MASK, blind, masked_facts
from matcher.scoring.explain import explain_data, explain_text
from tests.conftest import SAMPLES
from tests.people import EN, EN_PEOPLE, LEAKS, ZH, ZH_PEOPLE, resumes, rubric


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_swapped_people_score_the_same_and_nothing_leaks(lang: str) -> None:
    rb = rubric(lang)
    read = resumes(lang, blind_mode=True)
    assert len({r.document.text for r in read}) == 1  # they differ only in who they are
    cards = [matcher.score(r, rb) for r in read]
    assert len({c.score for c in cards}) == 1 and cards[0].score > 30
    ranking = matcher.rank(cards)
    evidence = evidence_table(cards)
    outputs = [
        csv_text(ranking),
        csv_text(evidence),
        matcher.report_html(ranking, evidence, [rb], lang="zh" if lang == "zh" else "en"),
        *(explain_text(c) for c in cards),
        *(json.dumps(explain_data(c), ensure_ascii=False) for c in cards),
    ]
    for out in outputs:
        for value in LEAKS[lang]:
            assert value not in out
    # The gender words are masked too (checked in the resume text: the page has its own words).
    assert not any(w in read[0].document.text for w in ("Female", "Male", "she ", "性别：女"))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_without_blind_mode_the_people_show(lang: str) -> None:
    text = " ".join(r.document.text for r in resumes(lang, blind_mode=False))
    assert all(v.replace("Age: ", "") in text for v in LEAKS[lang])


def person(lang: str) -> st.SearchStrategy[dict[str, str]]:
    """A person whose every field is drawn from any of the people: names, genders and ages
    swapped between them."""
    people = EN_PEOPLE if lang == "en" else ZH_PEOPLE
    fields = st.fixed_dictionaries(
        {k: st.sampled_from([p[k] for p in people]) for k in people[0] if k not in ("start", "end")}
    )
    # A degree's years go together (an end before its start is no date range).
    years = st.sampled_from([{"start": p["start"], "end": p["end"]} for p in people])
    return st.builds(lambda f, y: {**f, **y}, fields, years)


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_any_mix_of_attributes_reads_the_same_blind(data: st.DataObject) -> None:
    for lang, template, people in (("en", EN, EN_PEOPLE), ("zh", ZH, ZH_PEOPLE)):
        mixed = data.draw(person(lang))
        a = blind(read_text(template.format(**mixed)))[0].text
        b = blind(read_text(template.format(**people[0])))[0].text
        assert a == b


def test_pages_follow_the_masked_text() -> None:
    doc = read_document(SAMPLES / "zh_ecommerce_fresh_grad.pdf")
    masked, facts = blind(doc)
    assert {f.value for f in facts} >= {"name", "email", "phone", "year"}
    assert masked.pages[-1].end == len(masked.text)
    assert "刘佳琪" not in masked.text and MASK in masked.text
    assert "2025届" not in masked.text  # a class year says how old one is
    assert "2024年7月" in masked.text  # work dates stay: experience is a job criterion


@pytest.mark.parametrize(
    "text",
    [
        "SKILLS\nMS Office, MS Excel, Microsoft Word",
        "EXPERIENCE\nHer Majesty's Revenue, 2019 - 2021",
    ],
)
def test_job_words_are_not_masked(text: str) -> None:
    masked = blind(read_text(text))[0].text
    assert "MS Office" in masked.replace("\n", " ") or "2019 - 2021" in masked


def test_masked_facts_in_english() -> None:
    doc = read_text("Jane Roe\nDOB: 02/04/1990 | Marital status: married\nSKILLS\nSQL")
    assert [f.text for f in masked_facts(doc)] == ["Jane Roe", "02/04/1990", "married"]
