"""Tests for matcher.pipeline.rows: one file's rows, and what a warm cache saves."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import polars as pl
import pytest

import matcher.pipeline.rows as rows_module
from matcher.pipeline.rows import Batch, evidence_rows, score_file
from matcher.ranking import EVIDENCE_SCHEMA, evidence_table
from matcher.read.cache import ReadCache
from matcher.read.reader import read_document
from matcher.resume.understand import understand
from matcher.rubric.io import load_rubrics
from matcher.scoring.score import score_many
from tests.conftest import RUBRICS, SAMPLES

AS_OF = date(2026, 11, 23)
PDF = str(SAMPLES / "en_pm_senior_fintech.pdf")


def must_not_run(*_: object, **__: object) -> object:
    raise AssertionError("scored again although cached")


def test_a_warm_file_is_scored_from_the_cache_without_reading_or_scanning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch = Batch(tuple(load_rubrics([RUBRICS])), AS_OF, cache=ReadCache(tmp_path))
    cold = score_file(batch, PDF)
    assert cold.status == "ok" and len(cold.rows) == len(batch.rubrics)
    for name in ("read_data", "understand", "score_many"):
        monkeypatch.setattr(rows_module, name, must_not_run)
    assert score_file(batch, PDF) == cold


def test_tuned_weights_reuse_the_credits_and_new_terms_reuse_the_resume(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rubrics = load_rubrics([RUBRICS])[:3]
    score_file(Batch(tuple(rubrics), AS_OF, cache=ReadCache(tmp_path)), PDF)
    tuned = tuple(
        r.with_weights({c.id: c.weight * (1 + k) for k, c in enumerate(r.criteria)})
        for r in rubrics
    )
    fresh = score_file(Batch(tuned, AS_OF), PDF)  # no cache: reads and scans
    monkeypatch.setattr(rows_module, "score_many", must_not_run)
    monkeypatch.setattr(rows_module, "understand", must_not_run)
    got = score_file(Batch(tuned, AS_OF, cache=ReadCache(tmp_path)), PDF)
    assert (got.rows, got.resume_id) == (fresh.rows, fresh.resume_id)
    # A new term needs a scan, but not reading or understanding again.
    monkeypatch.undo()
    c = rubrics[0].criteria[0]
    changed = replace(rubrics[0], criteria=(replace(c, aliases=("zzz",)), *rubrics[0].criteria[1:]))
    expected = score_file(Batch((changed,), AS_OF), PDF)
    monkeypatch.setattr(rows_module, "read_data", must_not_run)
    monkeypatch.setattr(rows_module, "understand", must_not_run)
    got = score_file(Batch((changed,), AS_OF, cache=ReadCache(tmp_path)), PDF)
    assert (got.rows, got.resume_id) == (expected.rows, expected.resume_id), got.message


def test_evidence_rows_are_the_evidence_table() -> None:
    rubrics = load_rubrics([RUBRICS])[:2]
    cards = score_many(understand(read_document(PDF), AS_OF), rubrics)
    table = pl.DataFrame(list(evidence_rows(cards)), schema=EVIDENCE_SCHEMA, orient="row")
    assert table.sort("job_id", "criterion_id").equals(
        evidence_table(cards).sort("job_id", "criterion_id")
    )
    got = score_file(Batch(tuple(rubrics), AS_OF, evidence=True), PDF)
    assert got.evidence == evidence_rows(cards)
    assert score_file(Batch(tuple(rubrics), AS_OF), PDF).evidence == ()


def test_a_bad_file_and_a_bug_are_statuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    batch = Batch(tuple(load_rubrics([RUBRICS])[:1]), AS_OF)
    assert score_file(batch, str(tmp_path / "missing.pdf")).status == "not_found"
    assert score_file(batch, "x.pdf", b"").status == "empty"

    def boom(*_: object) -> object:
        raise IndexError("list index out of range")

    monkeypatch.setattr(rows_module, "understand", boom)
    got = score_file(batch, "x.txt", b"Skills: SQL")
    assert got.status == "error" and "IndexError" in got.message and got.resume_id
