"""Tests for matcher.report.tables: a table reads back the same from every format."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from matcher.errors import MatcherError
from matcher.pipeline.run import Run
from matcher.ranking import EVIDENCE_SCHEMA, RANKING_SCHEMA, write_table
from matcher.report.tables import read_table


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".json", ".ndjson"])
def test_every_format_reads_back_as_written(result: Run, tmp_path: Path, suffix: str) -> None:
    for frame, schema in ((result.ranking, RANKING_SCHEMA), (result.evidence(), EVIDENCE_SCHEMA)):
        path = write_table(frame, tmp_path / f"t{suffix}")
        back = read_table(path, schema)
        assert back.select(list(schema)).equals(frame), suffix


def test_an_older_ranking_without_job_title_still_reads(result: Run, tmp_path: Path) -> None:
    path = write_table(result.ranking.drop("job_title"), tmp_path / "old.csv")
    with pytest.raises(MatcherError, match="no job_title column"):
        read_table(path, RANKING_SCHEMA)
    back = read_table(path, RANKING_SCHEMA, optional=("job_title",))
    assert set(back["job_title"]) == {""}


def test_what_is_not_a_table_is_said(tmp_path: Path) -> None:
    with pytest.raises(MatcherError, match="file not found"):
        read_table(tmp_path / "none.csv", RANKING_SCHEMA)
    with pytest.raises(MatcherError, match="must end in one of"):
        read_table(tmp_path / "r.xlsx", RANKING_SCHEMA)
    other = tmp_path / "other.csv"
    pl.DataFrame({"a": [1]}).write_csv(other)
    with pytest.raises(MatcherError, match="not a table matcher wrote"):
        read_table(other, RANKING_SCHEMA)
