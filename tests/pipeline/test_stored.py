"""Tests for matcher.pipeline.stored: what the cache keeps gives back equal values and equal rows."""

from __future__ import annotations

from datetime import date
from functools import cache

from hypothesis import given
from hypothesis import strategies as st

from matcher.pipeline.run import collect_inputs
from matcher.pipeline.stored import (
    Match,
    Weights,
    match_key,
    match_of,
    resume_data,
    resume_of,
    row_of,
)
from matcher.read.reader import read_document
from matcher.resume.understand import Resume, understand
from matcher.rubric.io import load_rubrics
from matcher.rubric.model import Rubric
from matcher.scoring.score import score_many
from tests.conftest import RUBRICS, SAMPLES

AS_OF = date(2026, 11, 23)


@cache
def resumes() -> tuple[Resume, ...]:
    return tuple(understand(read_document(f), AS_OF) for f in collect_inputs([SAMPLES]))


@cache
def rubrics() -> tuple[Rubric, ...]:
    return tuple(load_rubrics([RUBRICS]))


def test_an_understood_resume_comes_back_equal() -> None:
    for r in resumes():
        assert resume_of(resume_data(r), r.document, AS_OF) == r, r.document.source


def test_a_match_comes_back_equal_through_json() -> None:
    import json

    m = Match(((1, 0.85), (2, 1 / 3)), "010", ("keyword_stuffing: x",))
    assert Match.of_data(json.loads(json.dumps(m.data()))) == m


def test_rows_from_a_match_equal_the_cards_bit_for_bit() -> None:
    for r in resumes():
        for rubric, card in zip(rubrics(), score_many(r, rubrics()), strict=True):
            row = row_of(
                Weights.of(rubric), match_of(card, len(r.document.warnings)), r.document.warnings
            )
            assert row.score == round(card.score, 2)
            assert (row.eligible, row.missing_required, row.warnings) == (
                card.eligible,
                card.missing_required,
                card.warnings,
            )


@given(
    st.integers(0, 14),
    st.integers(0, 17),
    st.lists(st.floats(0.1, 10.0, allow_nan=False), min_size=40, max_size=40),
    st.lists(st.booleans(), min_size=40, max_size=40),
)
def test_tuned_weights_score_from_the_match_as_a_fresh_scan_does(
    i: int, j: int, weights: list[float], required: list[bool]
) -> None:
    """The reweigh path: same terms, new weights and required flags, no scan."""
    resume, rubric = resumes()[i % len(resumes())], rubrics()[j % len(rubrics())]
    from dataclasses import replace

    tuned = replace(
        rubric,
        criteria=tuple(
            replace(c, weight=w, required=q)
            for c, w, q in zip(rubric.criteria, weights, required, strict=False)
        ),
    )
    assert match_key(tuned) == match_key(rubric) and tuned.fingerprint != rubric.fingerprint
    (before,) = score_many(resume, [rubric])
    (fresh,) = score_many(resume, [tuned])
    n = len(resume.document.warnings)
    row = row_of(Weights.of(tuned), match_of(before, n), resume.document.warnings)
    assert row.score == round(fresh.score, 2)
    assert (row.eligible, row.missing_required) == (fresh.eligible, fresh.missing_required)


def test_a_changed_term_changes_the_key() -> None:
    from dataclasses import replace

    rubric = rubrics()[0]
    c = rubric.criteria[0]
    other = replace(rubric, criteria=(replace(c, aliases=(*c.aliases, "x")), *rubric.criteria[1:]))
    assert match_key(other) != match_key(rubric)
