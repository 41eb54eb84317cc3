"""Tests for matcher.pipeline.spool: rows spooled and ranked job by job give the tables
``ranking.rank`` and ``ranking.evidence_table`` give, in every output format."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import polars as pl
import pytest

import matcher.pipeline.spool as spool_module
from matcher.pipeline.run import Run, run, score_files
from matcher.ranking import FORMATS, write_table
from matcher.rubric.io import load_rubrics
from matcher.rubric.model import Rubric
from tests.conftest import FIXTURES, RUBRICS, SAMPLES

AS_OF = date(2026, 11, 23)


@cache
def rubrics() -> tuple[Rubric, ...]:
    return tuple(load_rubrics([RUBRICS])[:4])


@cache
def reference() -> Run:
    """The in-memory run: every card kept, ranked by ``ranking.rank``."""
    return run([SAMPLES, FIXTURES / "encrypted.pdf"], rubrics(), as_of=AS_OF, jobs=2)


@pytest.fixture(scope="module")
def small_parts() -> object:
    """Several parts per batch, so that ranking reads a job across parts."""
    old = spool_module.FLUSH_EVERY
    spool_module.FLUSH_EVERY = 4
    yield
    spool_module.FLUSH_EVERY = old


def test_the_ranking_and_the_evidence_are_rank_s(small_parts: object) -> None:
    got = score_files(
        [SAMPLES, FIXTURES / "encrypted.pdf"], rubrics(), as_of=AS_OF, jobs=2, evidence=True
    )
    assert got.ranking is not None and got.ranking.equals(reference().ranking)
    assert got.evidence is not None and got.evidence.equals(reference().evidence())
    assert [(f.status, Path(f.source).name) for f in got.failed] == [("encrypted", "encrypted.pdf")]


@pytest.mark.parametrize("suffix", FORMATS)
def test_each_format_holds_the_same_table_as_write_table(
    tmp_path: Path, suffix: str, small_parts: object
) -> None:
    out, ev = tmp_path / f"r{suffix}", tmp_path / f"e{suffix}"
    score_files(
        [SAMPLES, FIXTURES / "encrypted.pdf"], rubrics(), as_of=AS_OF, jobs=2, out=out, evidence=ev
    )
    whole, whole_ev = tmp_path / f"whole{suffix}", tmp_path / f"whole-e{suffix}"
    write_table(reference().ranking, whole)
    write_table(reference().evidence(), whole_ev)
    if suffix == ".parquet":  # row groups may differ; the table may not
        assert pl.read_parquet(out).equals(pl.read_parquet(whole))
        assert pl.read_parquet(ev).equals(pl.read_parquet(whole_ev))
    else:
        assert out.read_bytes() == whole.read_bytes()
        assert ev.read_bytes() == whole_ev.read_bytes()


def test_top_keeps_the_best_rows_and_every_failure(small_parts: object) -> None:
    got = score_files(
        [SAMPLES, FIXTURES / "encrypted.pdf"], rubrics(), as_of=AS_OF, jobs=2, top=3
    ).ranking
    ref = reference().ranking
    assert got is not None
    assert got.equals(ref.filter((pl.col("rank") <= 3) | pl.col("rank").is_null()))
