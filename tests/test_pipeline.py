"""Tests for matcher.pipeline: whole runs on the bundled samples, failures as rows, determinism."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
from typer.testing import CliRunner

from matcher.cli import app
from matcher.pipeline import collect_inputs, run
from matcher.rubric import load_rubrics
from tests.conftest import RUBRICS, SAMPLES

AS_OF = date(2026, 11, 23)


def test_every_resume_meets_every_job() -> None:
    rubrics = load_rubrics([RUBRICS])
    result = run([SAMPLES], rubrics, as_of=AS_OF, jobs=1)
    n = len(collect_inputs([SAMPLES]))
    assert result.ranking.height == n * len(rubrics)
    assert result.ranking["status"].unique().to_list() == ["ok"]
    assert result.evidence().height == n * sum(len(r.criteria) for r in rubrics)


def test_a_broken_file_is_one_row_per_job_and_the_rest_are_scored(tmp_path: Path) -> None:
    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "truncated.pdf").write_bytes((SAMPLES / "en_nurse.pdf").read_bytes()[:400])
    (tmp_path / "ok.pdf").write_bytes((SAMPLES / "en_nurse.pdf").read_bytes())
    rubrics = load_rubrics([RUBRICS])[:2]
    result = run([tmp_path, tmp_path / "missing.pdf"], rubrics, as_of=AS_OF, jobs=1)
    statuses = dict(
        result.ranking.filter(pl.col("job_id") == rubrics[0].job_id)
        .select("resume", "status")
        .iter_rows()
    )
    assert statuses[str(tmp_path / "ok.pdf")] == "ok"
    assert statuses[str(tmp_path / "empty.pdf")] == "empty"
    assert statuses[str(tmp_path / "truncated.pdf")] == "corrupt_pdf"
    assert statuses[str(tmp_path / "missing.pdf")] == "not_found"
    assert result.ranking.height == 4 * len(rubrics)


def test_same_inputs_give_identical_bytes_across_runs_and_jobs(tmp_path: Path) -> None:
    runner = CliRunner()
    outs = []
    for i, jobs in enumerate(("1", "2", "2")):
        out = tmp_path / f"r{i}.csv"
        ev = tmp_path / f"e{i}.parquet"
        res = runner.invoke(
            app,
            [
                "score",
                str(SAMPLES),
                "--rubric",
                str(RUBRICS),
                "-o",
                str(out),
                "--evidence",
                str(ev),
                "--as-of",
                "2026-11-23",
                "--jobs",
                jobs,
            ],
        )
        assert res.exit_code == 0, res.output
        outs.append((out.read_bytes(), ev.read_bytes()))
    assert outs[0] == outs[1] == outs[2]


def test_demo_ranking_makes_sense() -> None:
    """A person reading the demo expects product managers above nurses and chefs."""
    rubrics = [
        r
        for r in load_rubrics([RUBRICS])
        if r.job_id in ("000_1e07a38cda397245-1", "004_d832d627ee032451-1")
    ]
    ranking = run([SAMPLES], rubrics, as_of=AS_OF, jobs=1).ranking
    for job in rubrics:
        order = ranking.filter(pl.col("job_id") == job.job_id)["resume"].to_list()
        names = [Path(p).stem for p in order]
        top = names[:4]
        assert all("pm" in n for n in top), names
        for unrelated in ("en_nurse", "en_chef", "zh_accountant"):
            assert names.index(unrelated) > len(names) // 2, names
