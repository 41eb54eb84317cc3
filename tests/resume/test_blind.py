"""Blind mode: resumes that differ only in who wrote them score the same, and nothing masked
reaches any output (ranking, evidence, explain, report), in English and Chinese."""

from __future__ import annotations

import json
from datetime import date

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

AS_OF = date(2026, 11, 23)

EN = """{name}
{email} | {phone} | {city}
Gender: {gender} | Age: {age} | Date of birth: {dob} | Marital status: {marital} | Nationality: {nation}
![{alt}](photo.jpg)
SUMMARY
Product manager with 8 years of experience in e-commerce; {pronoun} leads product planning.
EXPERIENCE
Product Manager, Acme Retail  Jan 2018 - Present
• Wrote PRDs and prototypes in Axure; built SQL dashboards and Excel reports.
EDUCATION
Bachelor of Science in Economics  {start} - {end}
State University
SKILLS
SQL, Excel, PowerPoint, user research
"""
ZH = """姓名：{name}
性别：{gender} | 年龄：{age}岁 | 出生年月：{dob} | 民族：{nation} | 婚姻状况：{marital}
籍贯：{home} | 政治面貌：{party} | 照片：{alt}
{email} | {phone}
工作经历
产品经理  2018年1月 - 至今
某某科技有限公司
• 负责产品规划，撰写PRD，使用Axure制作原型，用SQL和Excel做数据分析。
教育背景
本科 · 电子商务  {start}年9月 - {end}年6月
某某大学
专业技能
SQL、Excel、PPT、用户研究
"""
EN_PEOPLE = [
    dict(
        name="Megan Alvarez",
        email="megan.alvarez@example.com",
        phone="+1 (415) 555-0142",
        city="San Francisco, CA",
        gender="Female",
        age="34",
        dob="1992-04-02",
        marital="Married",
        nation="Mexican",
        alt="smiling woman in a headscarf",
        pronoun="she",
        start="2010",
        end="2014",
    ),
    dict(
        name="Jamal Washington",
        email="jamal.w@example.org",
        phone="+1 (212) 555-0199",
        city="Brooklyn, NY",
        gender="Male",
        age="57",
        dob="1969-11-30",
        marital="Divorced",
        nation="Nigerian",
        alt="older man with grey beard",
        pronoun="he",
        start="1987",
        end="1991",
    ),
    dict(
        name="Wei Zhang",
        email="wzhang@example.net",
        phone="+1 (650) 555-0123",
        city="Palo Alto, CA",
        gender="Nonbinary",
        age="26",
        dob="2000-01-15",
        marital="Single",
        nation="Taiwanese",
        alt="young person with glasses",
        pronoun="she",
        start="2018",
        end="2022",
    ),
]
ZH_PEOPLE = [
    dict(
        name="李秀英",
        gender="女",
        age="28",
        dob="1998.03",
        nation="汉族",
        marital="未婚",
        home="湖南长沙",
        party="中共党员",
        alt="短发女性正面照",
        email="lixiuying@example.com",
        phone="138-0000-1234",
        start="2016",
        end="2020",
    ),
    dict(
        name="马建国",
        gender="男",
        age="45",
        dob="1981.07",
        nation="回族",
        marital="已婚已育",
        home="甘肃临夏",
        party="群众",
        alt="中年男性证件照",
        email="majianguo@example.cn",
        phone="139-1111-5678",
        start="1999",
        end="2003",
    ),
]
# What must never reach an output: every person's values (the city too: it is an address).
# Ages as written ("Age: 34", "28岁"): a bare "34" is in dates and scores too.
LEAKS = {
    "en": [
        v for p in EN_PEOPLE for k, v in p.items() if k not in ("pronoun", "start", "end", "age")
    ]
    + [f"Age: {p['age']}" for p in EN_PEOPLE],
    "zh": [v for p in ZH_PEOPLE for k, v in p.items() if k not in ("gender", "start", "end", "age")]
    + [f"{p['age']}岁" for p in ZH_PEOPLE],
}


def rubric(lang: str) -> matcher.Rubric:
    posting = {
        "en": "Product Manager\nRequirements: bachelor degree, 3+ years of experience; PRD, "
        "Axure, SQL, Excel, user research",
        "zh": "产品经理\n任职要求：本科以上学历，3年以上工作经验；熟悉PRD、Axure、SQL、Excel，用户研究",
    }[lang]
    return matcher.compile_posting(posting, stem=f"pm-{lang}")[0]


def resumes(lang: str, blind_mode: bool) -> list[matcher.Resume]:
    template, people = (EN, EN_PEOPLE) if lang == "en" else (ZH, ZH_PEOPLE)
    return [
        matcher.read_resume(
            template.format(**p), text=True, name=f"{lang}-{i}.txt", as_of=AS_OF, blind=blind_mode
        )
        for i, p in enumerate(people)
    ]


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
