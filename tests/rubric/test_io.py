"""Tests for matcher.rubric.io: the TOML contract, loading, round trips (checks: test_check.py)."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matcher.errors import RubricError
from matcher.rubric.check import check_data, is_job_id
from matcher.rubric.io import (
    fit_to_check,
    lint,
    load_rubric,
    load_rubrics,
    loads_rubric,
    save_rubric,
    to_dict,
    to_toml,
    with_job_id,
)
from matcher.rubric.model import Criterion, Finding, Rubric, Source
from matcher.vocab.kinds import KINDS
from matcher.vocab.levels import LEVELS
from tests.conftest import RUBRICS
from tests.rubric.test_check import BAD

slug = st.from_regex(r"[a-z0-9][a-z0-9_\-]{0,15}", fullmatch=True)
# A term must hold a letter (or CJK character): "." would match every resume.
label = st.text(min_size=1, max_size=30).filter(
    lambda s: s.strip() == s and any(c.isalpha() for c in s)
)


@st.composite
def criteria(draw: st.DrawFn, cid: str) -> Criterion:
    kind = draw(st.sampled_from(KINDS))
    return Criterion(
        id=cid,
        kind=kind,
        label=draw(label),
        weight=draw(st.floats(min_value=0.01, max_value=1e6, allow_nan=False)),
        aliases=tuple(draw(st.lists(label, max_size=4))),
        required=draw(st.booleans()),
        origin=draw(st.text(max_size=60)),
        min_level=draw(st.sampled_from(LEVELS)) if kind == "education" else None,
        min_years=draw(st.floats(min_value=0, max_value=40)) if kind == "experience" else None,
    )


@st.composite
def rubrics(draw: st.DrawFn) -> Rubric:
    ids = draw(st.lists(slug, min_size=1, max_size=6, unique=True))
    return Rubric(
        job_id=draw(slug),
        title=draw(label),
        language=draw(st.sampled_from(["en", "zh"])),
        criteria=tuple(draw(criteria(i)) for i in ids),
        source=Source(draw(st.text(max_size=20)), "ab" * 32, "0.1.0"),
        findings=tuple(
            Finding("fairness", draw(st.text(max_size=30)), draw(st.text(max_size=30)))
            for _ in range(draw(st.integers(0, 2)))
        ),
    )


@settings(max_examples=150)
@given(rubrics())
def test_toml_round_trips(rubric: Rubric) -> None:
    assert loads_rubric(to_toml(rubric)) == rubric


@settings(max_examples=50)
@given(rubrics())
def test_written_rubrics_pass_the_check(rubric: Rubric) -> None:
    assert check_data(to_dict(rubric)) == []


def test_save_and_load_file(tmp_path: Path) -> None:
    r = Rubric("job", "PM", "en", (Criterion("sql", "tool", "SQL", 2.0, ("MySQL",)),))
    assert load_rubric(save_rubric(r, tmp_path / "job.toml")) == r


def test_loading_raises_once_with_every_problem_of_the_check() -> None:
    with pytest.raises(RubricError) as err:
        loads_rubric(BAD, where="bad.toml")
    assert err.value.problems == tuple(check_data(tomllib.loads(BAD)))
    assert str(err.value).startswith(
        f"bad.toml: invalid rubric ({len(err.value.problems)} problems)"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("not toml [", "not valid TOML"),
        ("schema_version = 2", "schema_version: must be 1"),
        (
            "schema_version = 1\njob_id='j'\ntitle='t'\nlanguage='en'\ncriteria=[]",
            "criteria: must hold",
        ),
    ],
)
def test_bad_files_say_what_is_wrong(text: str, expected: str) -> None:
    with pytest.raises(RubricError, match=expected):
        loads_rubric(text)


def test_missing_file_is_a_rubric_error(tmp_path: Path) -> None:
    with pytest.raises(RubricError, match="not found"):
        load_rubric(tmp_path / "nope.toml")


def test_committed_rubrics_load_and_have_unique_ids() -> None:
    loaded = load_rubrics([RUBRICS])
    assert len(loaded) >= 16
    assert len({r.job_id for r in loaded}) == len(loaded)


def test_fingerprint_follows_content() -> None:
    a = Rubric("job", "PM", "en", (Criterion("sql", "tool", "SQL", 2.0),))
    b = a.with_weights({"sql": 3.0})
    assert a.fingerprint != b.fingerprint
    assert a.fingerprint == Rubric("job", "Other title", "en", a.criteria).fingerprint


def test_lint_shows_fairness_findings() -> None:
    r = Rubric(
        "job",
        "PM",
        "zh",
        (Criterion("sql", "tool", "SQL", 2.0),),
        findings=(Finding("fairness", "gender is not a job criterion", "女性优先"),),
    )
    assert any("fairness" in n and "女性优先" in n for n in lint(r))


@pytest.mark.parametrize(
    "text",
    [
        "x = " + "[" * 100_000 + "]" * 100_000,
        "x = " + "{a=" * 50_000 + "1" + "}" * 50_000,
    ],
)
def test_deeply_nested_toml_is_a_rubric_error(text: str) -> None:
    """Regression: a deeply nested rubric printed a 1,100-line RecursionError traceback."""
    with pytest.raises(RubricError, match="nested too deeply"):
        loads_rubric(text)


def test_a_huge_file_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    big.write_text("# " + "x" * (3 * 2**20), encoding="utf-8")
    with pytest.raises(RubricError, match="over 2 MiB"):
        load_rubric(big)


@pytest.mark.parametrize(
    ("stem", "job_id"),
    [("analyst", "analyst"), ("a b", "a-b-c8687a08"), ("a" * 100, None)],
)
def test_with_job_id_gives_a_valid_id_with_room_for_the_posting_number(
    stem: str, job_id: str | None
) -> None:
    r = Rubric(f"{stem}-12", "PM", "en", (Criterion("sql", "tool", "SQL", 1.0),))
    got = with_job_id(r, stem).job_id
    assert is_job_id(got) and got.endswith("-12")
    assert job_id is None or got == f"{job_id}-12"


def test_fit_to_check_leaves_out_what_the_check_refuses_and_says_so() -> None:
    crits = (
        Criterion("dot", "keyword", ".", 1.0),
        Criterion("sql", "tool", "SQL", 1.0, ("x" * 201, "MySQL")),
        *(Criterion(f"c{i}", "skill", f"skill {i}", 1.0) for i in range(600)),
    )
    fitted = fit_to_check(Rubric("j", "PM", "en", crits))
    assert check_data(to_dict(fitted)) == []
    assert fitted.criteria[0].id == "sql" and fitted.criteria[0].aliases == ("MySQL",)
    assert len(fitted.criteria) == 500
    codes = {f.code for f in fitted.findings}
    assert codes == {"left_out"} and len(fitted.findings) == 1 + 1 + 101


def test_fit_to_check_leaves_out_any_of_terms_the_check_refuses() -> None:
    c = Criterion("c", "skill", "SQL or .", 1.0, any_of=("SQL", ".", "MySQL"))
    fitted = fit_to_check(Rubric("j", "PM", "en", (c,)))
    assert fitted.criteria[0].any_of == ("SQL", "MySQL")
    assert fitted.findings[0].message == "criteria c: any_of terms left out"
    alone = fit_to_check(Rubric("j", "PM", "en", (replace(c, any_of=("SQL", ".")),)))
    assert alone.criteria[0].any_of == ()
    loads_rubric(to_toml(alone))
