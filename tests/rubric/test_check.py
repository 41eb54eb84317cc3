"""Tests for matcher.rubric.check: every problem of a rubric file's data, with its place."""

from __future__ import annotations

import json
import tomllib
from dataclasses import fields

import pytest

from matcher.rubric.check import TUNING_FIELDS, check_data, json_schema
from matcher.rubric.model import Criterion, Tuning

BAD = """
schema_version = 1
job_id = "job"
title = "PM"
language = "en"

[[criteria]]
id = "sql"
kind = "tool"
label = "SQL"
weight = 1.0

[[criteria]]
id = "sql"
kind = "wizardry"
label = "x"
weight = -2

[[criteria]]
id = "edu"
kind = "education"
label = "degree"
weight = 1
wieght = 2

[[criteria]]
id = "years"
kind = "experience"
label = "years"
weight = 0
"""


def test_every_problem_is_reported_with_its_path() -> None:
    problems = check_data(tomllib.loads(BAD))
    assert (
        "criteria[1].kind: must be one of skill, tool, domain, responsibility, education, experience, language, certification, soft_skill, title, keyword"
        in problems
    )
    assert "criteria[1].weight: must be > 0" in problems
    assert "criteria[2].wieght: unknown field" in problems
    assert any(p.startswith("criteria[2].min_level:") for p in problems)
    assert "criteria[3].weight: must be > 0" in problems
    assert any(p.startswith("criteria[3].min_years:") for p in problems)
    assert "criteria: id 'sql' is used more than once" in problems


def test_tuning_fields_are_those_of_the_tuning_type_and_the_schema() -> None:
    # The check reads the model's fields (no copy to keep equal); the schema is written by hand.
    assert list(TUNING_FIELDS) == [f.name for f in fields(Tuning)]
    assert list(json_schema()["properties"]["tuning"]["properties"]) == list(TUNING_FIELDS)
    assert check_data({"tuning": {"k": -1, "forced": "yes", "date": 1}})[-3:] == [
        "tuning.date: must be a string",
        "tuning.forced: must be true or false",
        "tuning.k: must be an integer >= 0",
    ]


def test_json_schema_matches_fields() -> None:
    schema = json_schema()
    props = schema["items"] if "items" in schema else schema["properties"]["criteria"]["items"]
    assert set(props["properties"]) == {f for f in Criterion.__slots__}
    json.dumps(schema)


GOOD = {
    "schema_version": 1,
    "job_id": "job",
    "title": "PM",
    "language": "en",
    "criteria": [{"id": "sql", "kind": "tool", "label": "SQL", "weight": 1.0}],
}


def crit(**fields: object) -> dict[str, object]:
    return {**GOOD["criteria"][0], **fields}  # type: ignore[index]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        # Whole strings: "$" matched before a trailing newline and let "abc\n" through.
        ({"job_id": "abc\n"}, "job_id: must be letters"),
        ({"job_id": "-rf"}, "job_id: must be letters"),
        ({"job_id": "a" * 101}, "job_id: must be letters"),
        ({"criteria": [crit(id="sql\n")]}, "criteria[0].id: must be a slug"),
        # Strict types: TOML's true and 1.0 compare equal to 1 in Python.
        ({"schema_version": True}, "schema_version: must be 1 (found True)"),
        ({"schema_version": 1.0}, "schema_version: must be 1 (found 1.0)"),
        ({"criteria": [crit(kind=["tool"])]}, "criteria[0].kind: must be one of"),
        ({"findings": 5}, "findings: must be a list"),
        # A term without a letter matches every resume.
        ({"criteria": [crit(label=".")]}, "criteria[0].label: must hold a letter or a CJK"),
        ({"criteria": [crit(aliases=["SQL", "--"])]}, "criteria[0].aliases[1]: must hold a"),
        ({"criteria": [crit(label="x" * 201)]}, "criteria[0].label: must be at most 200"),
        # Bounds, with a clear message and without checking 100,000 criteria one by one.
        (
            {"criteria": [crit(id=f"c{i}") for i in range(100_000)]},
            "criteria: 100000 criteria, at most 500 allowed per rubric",
        ),
        ({"criteria": [crit(aliases=["a"] * 101)]}, "criteria[0].aliases: 101 aliases, at most"),
        (
            {"criteria": [crit(id=f"c{i}", aliases=[f"a{i}"] * 99) for i in range(30)]},
            "criteria: 3000 labels and aliases, at most 2000",
        ),
    ],
)
def test_strict_checks(change: dict[str, object], problem: str) -> None:
    problems = check_data({**GOOD, **change})
    assert any(p.startswith(problem) for p in problems), problems
    assert len(problems) <= 51


def test_the_good_rubric_passes_and_cjk_labels_are_terms() -> None:
    assert check_data(GOOD) == []
    assert check_data({**GOOD, "criteria": [crit(label="数据分析", aliases=["C++", "3D"])]}) == []


def test_problem_lines_quote_values_shortly() -> None:
    deep: object = 1
    for _ in range(5000):
        deep = {"a": deep}
    (problem,) = check_data({**GOOD, "criteria": [crit(weight=deep)]})
    assert problem.startswith("criteria[0].weight: must be a finite number") and len(problem) < 120


def test_any_of_terms_are_checked_like_labels() -> None:
    """After main's any_of (issue 14 on the merge): a member "." matched every resume, and the
    members were not bounded nor counted among the rubric's terms."""
    base = {"schema_version": 1, "job_id": "j", "title": "t", "language": "en"}
    crit = {"id": "c", "kind": "skill", "label": "SQL or .", "weight": 1.0}
    dot = check_data({**base, "criteria": [{**crit, "any_of": ["SQL", "."]}]})
    assert dot == ["criteria[0].any_of[1]: must hold a letter or a CJK character"]
    many = check_data({**base, "criteria": [{**crit, "any_of": [f"t{i}" for i in range(101)]}]})
    assert many == ["criteria[0].any_of: 101 terms, at most 100 allowed"]
    assert check_data({**base, "criteria": [{**crit, "any_of": ["SQL", "MySQL"]}]}) == []


def test_not_aliases_are_names_that_are_not_also_terms() -> None:
    ok = crit(aliases=["MySQL"], not_aliases=["NoSQL"])
    assert check_data({**GOOD, "criteria": [ok]}) == []
    both = crit(aliases=["MySQL", "NoSQL"], not_aliases=["nosql "])
    assert check_data({**GOOD, "criteria": [both]}) == [
        "criteria[0].not_aliases[0]: 'nosql' is also in aliases: a name cannot be both; "
        "delete it from one of them"
    ]
    assert check_data({**GOOD, "criteria": [crit(not_aliases=["SQL"])]})[0].endswith(
        "is also in label: a name cannot be both; delete it from one of them"
    )
    assert check_data({**GOOD, "criteria": [crit(not_aliases="NoSQL")]}) == [
        "criteria[0].not_aliases: must be a list of at most 100 strings"
    ]
