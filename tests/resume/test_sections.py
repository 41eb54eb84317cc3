"""Sections: headings in both languages, the spans below them, languages and certifications."""

from __future__ import annotations

import pytest

from matcher.resume.sections import find_sections
from matcher.text import normalize
from tests.resume.conftest import LEX, resume

# ---------------------------------------------------------------- headings

HEADINGS = [
    # (description, line, expected canonical sections)
    ("plain", "Experience", ["experience"]),
    ("all caps", "WORK HISTORY", ["experience"]),
    ("colon", "Professional Experience:", ["experience"]),
    ("relevant", "Relevant Experience", ["experience"]),
    ("employment", "EMPLOYMENT", ["experience"]),
    ("zh work", "工作经历", ["experience"]),
    ("zh work 2", "工作经验:", ["experience"]),
    ("zh intern", "实习经历", ["experience"]),
    ("zh numbered", "一、工作经历", ["experience"]),
    ("zh bracketed", "【教育背景】", ["education"]),
    ("education", "EDUCATION", ["education"]),
    ("education and training", "Education and Training", ["education"]),
    ("zh education", "教育经历", ["education"]),
    ("skills", "Skills", ["skills"]),
    ("technical skills", "TECHNICAL SKILLS", ["skills"]),
    ("zh skills", "专业技能", ["skills"]),
    ("zh skills short", "技能", ["skills"]),
    ("summary", "Summary", ["summary"]),
    ("profile", "PROFILE", ["summary"]),
    ("objective", "Objective", ["summary"]),
    ("zh summary", "个人简介", ["summary"]),
    ("zh self", "自我评价", ["summary"]),
    ("projects", "Projects", ["projects"]),
    ("zh projects", "项目经验", ["projects"]),
    ("certifications", "Certifications", ["certifications"]),
    ("zh certificates", "证书", ["certifications"]),
    ("languages", "Languages", ["languages"]),
    ("zh languages", "语言能力", ["languages"]),
    ("numbered", "2. Education", ["education"]),
    ("decorated", "== EXPERIENCE ==", ["experience"]),
    ("inline content", "Skills: SQL, Excel", ["skills"]),
    ("inline zh", "求职意向:电商产品经理", ["summary"]),
    ("joined columns", "SKILLS        EXPERIENCE", ["skills", "experience"]),
    ("joined by bar", "Education | Languages", ["education", "languages"]),
    ("ends in heading", "Teaching Experience", ["experience"]),
    ("not a heading: sentence", "Experience with face-to-face customer service", []),
    ("not a heading: skill", "Leadership Skills", []),
    ("not a heading: label", "Note: call after 5pm", []),
    ("not a heading: long", "Education " * 8, []),
]


@pytest.mark.parametrize(("desc", "line", "expected"), HEADINGS, ids=[h[0] for h in HEADINGS])
def test_headings(desc: str, line: str, expected: list[str]) -> None:
    text = normalize(f"Jane Doe\n{line}\nsome content")
    assert [s.name for s in find_sections(text, LEX)] == expected, desc


def test_sections_run_to_the_next_heading() -> None:
    text = "Jane\nSUMMARY\nx\nEXPERIENCE\ny\nEDUCATION\nz"
    secs = find_sections(text, LEX)
    assert [(s.name, text[s.start : s.end].split("\n")[0]) for s in secs] == [
        ("summary", "SUMMARY"),
        ("experience", "EXPERIENCE"),
        ("education", "EDUCATION"),
    ]
    assert secs[-1].end == len(text)
    r = resume(text)
    assert r.section_at(0) == "top"
    assert r.section_at(text.index("y")) == "experience"


def test_joined_headings_share_the_span_below() -> None:
    text = "SKILLS      EXPERIENCE\nSQL         Analyst  2019 - 2021\nEDUCATION\nBSc"
    secs = find_sections(text, LEX)
    assert {(s.name, s.start, s.end) for s in secs[:2]} == {
        ("skills", 0, text.index("EDUCATION")),
        ("experience", 0, text.index("EDUCATION")),
    }
    assert resume(text).years_experience == 2.0


def test_languages_and_certifications() -> None:
    r = resume(
        "LANGUAGES\nEnglish (native), Spanish (professional working proficiency)\n"
        "CERTIFICATIONS\nPMP (Project Management Professional), 2019 · NPDP, 2020\n"
    )
    assert [(f.value, f.text) for f in r.languages] == [
        ("English", "English (native)"),
        ("Spanish", "Spanish (professional working proficiency)"),
    ]
    assert [f.value for f in r.certifications] == ["PMP (Project Management Professional)", "NPDP"]


def test_languages_zh_and_inline() -> None:
    r = resume("语言能力\n英语CET-6, 普通话、粤语\n")
    assert [f.value for f in r.languages] == ["English", "Mandarin", "Cantonese"]
    r = resume("SUMMARY\nAnalyst, fluent in Spanish and French.\nSkills: SQL")
    assert {f.value for f in r.languages} >= {"Spanish"}


def test_a_heading_naming_both_lists_languages_and_certifications() -> None:
    r = resume("语言与证书\n英语CET-6(口语流利),PMP\n")
    assert [f.value for f in r.languages] == ["English"]
    assert "PMP" in [f.value for f in r.certifications]
