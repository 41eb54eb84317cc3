"""Tests for matcher.rubric.check: every problem of a rubric file's data, with its place."""

from __future__ import annotations

import json
import tomllib
from dataclasses import fields

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
