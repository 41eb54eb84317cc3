"""Tests for matcher.compiler.markup: HTML and Markdown postings read as the plain lines they show."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matcher.compiler.blocks import items
from matcher.compiler.criteria import compile_text
from matcher.compiler.markup import plain
from matcher.compiler.posting import split_postings
from matcher.rubric.model import Rubric

# A careers page's posting as an ATS exports it (the defect's example).
NURSE_HTML = """\
<html><body><h1>Registered Nurse - Med/Surg (Nights)</h1>
<p>St. Mary's Hospital is hiring!</p>
<h3>Responsibilities</h3><ul><li>Provide direct patient care to 5-6 patients per shift</li>\
<li>Administer medications and document in Epic</li>\
<li>Educate patients and families on discharge plans</li></ul>
<h3>Qualifications</h3><ul><li>Active RN license in the state of Ohio <strong>required</strong>\
</li><li>BLS and ACLS certification</li><li>BSN preferred</li>\
<li>1+ year of acute care experience</li></ul>
<p>We offer tuition reimbursement and sign-on bonus. EOE.</p></body></html>
"""

DATA_ENGINEER_MD = """\
# Senior Data Engineer (Remote, US)

**Acme Analytics** · San Francisco, CA · Full-time · 120 applicants

## About the role
You will design and build the batch and streaming pipelines that feed our analytics platform.

## What you'll do
* Build and operate data pipelines in **Python** and **SQL** on Airflow
* Model data in our Snowflake warehouse with dbt
* Own data quality checks and on-call for the pipelines you ship

## What we're looking for
* 5+ years of experience in data engineering
* Strong Python or Scala
* Experience with Spark or Flink

## Bonus points
* Kafka
* Terraform

## Perks
* Unlimited PTO, 401(k) match, health insurance

*Acme is an equal opportunity employer.*
"""

MARKS = ("<", ">", "#", "*", "**", "_", "`", "[", "](", "|", "html", "body", "strong")


def _only(rubrics: list[Rubric]) -> Rubric:
    assert len(rubrics) == 1
    return rubrics[0]


# ---------------------------------------------------------------- HTML


def test_an_html_posting_compiles_without_its_tags() -> None:
    rubric = _only(compile_text(NURSE_HTML, stem="nurse"))
    assert rubric.title == "Registered Nurse - Med/Surg (Nights)"
    labels = [c.label for c in rubric.criteria]
    assert not any(m in label.lower() for label in labels for m in ("<", "html", "body", "strong"))
    assert labels[0] == "Registered Nurse"
    assert "1+ years of experience in acute care" in labels
    assert {"patient", "medication", "epic"} <= {c.label for c in rubric.criteria}


def test_an_html_posting_keeps_its_parts_and_items() -> None:
    (posting,) = split_postings(plain(NURSE_HTML))
    read = [(i.part, i.text) for i in items(posting.lines)]
    # The licence line reaches the compiler whole, "required" inline, under the requirements.
    assert ("req", "Active RN license in the state of Ohio required") in read
    assert ("req", "BLS and ACLS certification") in read
    assert ("resp", "Administer medications and document in Epic") in read


def test_an_html_posting_reads_as_plain_lines() -> None:
    assert plain(NURSE_HTML).splitlines()[:5] == [
        "Registered Nurse - Med/Surg (Nights)",
        "St. Mary's Hospital is hiring!",
        "Responsibilities:",
        "- Provide direct patient care to 5-6 patients per shift",
        "- Administer medications and document in Epic",
    ]


HTML_CASES = [
    # description, html, expected plain text
    ("br breaks a line", "<p>SQL<br>Excel<br/>Tableau</p>", "SQL\nExcel\nTableau"),
    (
        "entities unescaped, nbsp a space",
        "<p>R&amp;D&nbsp;lab &lt;5 years&gt;</p><p>x</p>",
        "R&D lab <5 years>\nx",
    ),
    (
        "script, style and comments dropped",
        "<style>p{color:red}</style><p>SQL</p><script>if (a<b) go()</script><!-- x --><p>Git</p>",
        "SQL\nGit",
    ),
    (
        "inline elements keep their text inline",
        "<p>Know <a href='/x'>SQL</a> <em>well</em></p><br>",
        "Know SQL well",
    ),
    (
        "title kept when no h1 names the job",
        "<html><head><title>Nurse</title></head><body><p>RN license</p></body></html>",
        "Nurse\nRN license",
    ),
    (
        "title dropped when an h1 does",
        "<html><head><title>Careers | St. Mary's</title></head><body><h1>Nurse</h1></body></html>",
        "Nurse",
    ),
    (
        "table rows: the first cell, then what the others say of it",
        "<table><tr><th>Skill</th><th>Years</th><th>Level</th></tr>"
        "<tr><td>SQL</td><td>3</td><td>Required</td></tr></table>",
        "Skill: Years; Level\nSQL: 3; Required",
    ),
    (
        "ordered list items and headings",
        "<h2>Requirements</h2><ol><li>SQL</li><li>Excel</li></ol><h4>Nice to have:</h4>",
        "Requirements:\n- SQL\n- Excel\nNice to have:",
    ),
    ("blank lines collapse", "<p>a</p><br><br><br><br><p>b</p>", "a\n\nb"),
    (
        "whitespace inside text collapses",
        "<p>Data\n   Analyst</p>\n\n<div>SQL</div>",
        "Data Analyst\nSQL",
    ),
]


@pytest.mark.parametrize(("desc", "html", "expected"), HTML_CASES, ids=[c[0] for c in HTML_CASES])
def test_html(desc: str, html: str, expected: str) -> None:
    assert plain(html) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Requirements: <5 years of Python",
        "C++ <-> Java bridges, a < b > c",
        "Know the <div> element",  # one tag named in prose
        "DevOps Engineer <ORGANIZATION>\n<ADDRESS> <ADDRESS> <LOCATION>",  # anonymised postings
        "Use <b>bold</b> and <i>italics</i>",  # inline only, no page structure
        "&lt;p&gt;escaped&lt;/p&gt; R&amp;D",  # no tag at all
    ],
)
def test_text_that_only_looks_like_html_is_unchanged(text: str) -> None:
    assert plain(text) == text


# ---------------------------------------------------------------- Markdown


def test_a_markdown_posting_compiles_without_its_marks() -> None:
    rubric = _only(compile_text(DATA_ENGINEER_MD, stem="data"))
    assert rubric.title == "Senior Data Engineer (Remote, US)"
    by_label = {c.label: c for c in rubric.criteria}
    assert not any(m in label for label in by_label for m in MARKS)
    assert {"Data Engineer", "Python", "SQL", "Spark or Apache Flink", "Kafka"} <= set(by_label)
    # "## Bonus points" heads a preferred part: its items weigh less than the requirements'.
    assert by_label["Kafka"].weight < by_label["Spark or Apache Flink"].weight


def test_markdown_bonus_items_reach_the_compiler_as_list_items() -> None:
    (posting,) = split_postings(plain(DATA_ENGINEER_MD))
    read = [(i.part, i.text) for i in items(posting.lines)]
    assert ("pref", "Kafka") in read and ("pref", "Terraform") in read
    assert ("req", "Strong Python or Scala") in read
    assert ("resp", "Build and operate data pipelines in Python and SQL on Airflow") in read
    assert not any("PTO" in text for _, text in read)  # "## Perks" is still a part skipped


def test_nice_to_have_heading_in_markdown() -> None:
    text = "# Data Analyst\n## Requirements\n- **SQL**\n### Nice to have\n+ Tableau\n"
    (posting,) = split_postings(plain(text))
    assert [(i.part, i.text) for i in items(posting.lines)] == [
        ("req", "SQL"),
        ("pref", "Tableau"),
    ]


MARKDOWN_CASES = [
    # description, markdown, expected plain text
    (
        "atx headings lose their hashes",
        "# Analyst\n## What you'll do ##\n",
        "Analyst\nWhat you'll do:",
    ),
    (
        "strong and emphasis",
        "**SQL**, __Excel__, *Tableau*, _R_, ~~Perl~~",
        "SQL, Excel, Tableau, R, Perl",
    ),
    (
        "what only looks like emphasis stays",
        "**C++** and C#, snake_case, 5*3, a * b * c, file_name_here",
        "C++ and C#, snake_case, 5*3, a * b * c, file_name_here",
    ),
    (
        "bullets",
        "**Skills**\n* SQL\n+ Excel\n  * nested\n- dash",
        "Skills\n- SQL\n- Excel\n- nested\n- dash",
    ),
    (
        "links keep their text",
        '**Apply** at [our site](https://x.com/jobs "t")',
        "Apply at our site",
    ),
    ("images dropped", "![logo](logo.png) **Acme**", "Acme"),
    ("inline code", "Know `git rebase` and **Bash**", "Know git rebase and Bash"),
    ("rules dropped", "## A\n---\n***\nB", "A:\nB"),
    (
        "table rows: the first cell, then what the others say of it",
        "| Tool | Years |\n|:-----|------:|\n| Python | 5 |\n| C++ \\| C# | 3 |",
        "Tool: Years\nPython: 5\nC++ | C#: 3",
    ),
    ("backslash escapes", "**Req**: C\\+\\+ and 1\\. item", "Req: C++ and 1. item"),
    ("reference links", "See [docs][1] **now**\n\n[1]: https://x.com", "See docs now"),
    ("quotes", "> **Note:** remote", "Note: remote"),
    ("entities", "**R&amp;D** lab", "R&D lab"),
    ("blank lines collapse", "## A\n\n\n\nB", "A:\n\nB"),
]


@pytest.mark.parametrize(
    ("desc", "md", "expected"), MARKDOWN_CASES, ids=[c[0] for c in MARKDOWN_CASES]
)
def test_markdown(desc: str, md: str, expected: str) -> None:
    assert plain(md) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Requirements:\n* SQL\n* Excel",  # "* " bullets are plain postings' too
        "*Remote* role, 5*3 shifts, snake_case ok",
        "C# / C++ developer, #1 team, issue #12",
        "Title\n=====\n---\n- item",
        "AT&amp;T \\- office, path C:\\temp",
    ],
)
def test_plain_postings_with_markdown_like_characters_are_unchanged(text: str) -> None:
    assert plain(text) == text


# ---------------------------------------------------------------- properties

_NO_MARKS = st.text(
    alphabet=st.characters(blacklist_characters="<#*_`[|", blacklist_categories=("Cs",))
)


@given(_NO_MARKS)
def test_text_without_mark_characters_is_unchanged(text: str) -> None:
    assert plain(text) == text


# Text drawn near markup, so the parsers meet tags, marks and entities, not only noise.
_PIECES = st.sampled_from(
    [
        "<p>", "</p>", "<li>", "</li>", "<br>", "<ul>", "<h2>", "</h2>", "<script>", "</script>",
        "<!--", "-->", "&amp;", "&lt;p&gt;", "&nbsp;", "**", "__", "*", "_", "`", "# ", "## ",
        "\n", "[a](b)", "![i](j)", "| x | y |", "|---|---|", "\\*", "\\", "- ", "* ", "C++",
        "5*3", "<5", " ", "SQL", "snake_case",
    ]
)  # fmt: skip
_MARKUP = st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=30).map("".join)


@given(st.one_of(st.text(), _MARKUP))
def test_plain_never_raises_and_is_idempotent(text: str) -> None:
    once = plain(text)
    assert isinstance(once, str)
    assert plain(once) == once


# ---------------------------------------------------------------- the rubric's source


def test_the_source_hash_is_of_the_text_as_given() -> None:
    import hashlib

    rubric = _only(compile_text(NURSE_HTML, stem="nurse", posting_name="nurse.html"))
    assert rubric.source.sha256 == hashlib.sha256(NURSE_HTML.encode()).hexdigest()


def test_a_page_with_no_text_is_an_empty_posting() -> None:
    from matcher.errors import PostingError

    with pytest.raises(PostingError, match="empty posting"):
        compile_text("<html><body><p></p><script>x()</script></body></html>", stem="e")


def test_unclosed_marks_cost_linear_work() -> None:
    """Regression (issue 14's standard for postings): an unclosed link "[a](b" repeated over
    one 250 kB line took minutes when each "[" searched the rest of the line for its ")".
    Run apart with a generous timeout (about 0.5 s now; the old patterns took ~90 s)."""
    script = (
        "from matcher.compiler.markup import plain\n"
        "for t in ('[a](b' * 50_000, '![a](b' * 50_000, '**a' * 80_000, '`a' * 80_000):\n"
        "    plain(t)\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=30)
