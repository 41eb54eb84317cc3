"""Tests for matcher.ranking: fixed schema, deterministic order, failure rows, file formats."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from matcher.ranking import (
    EVIDENCE_SCHEMA,
    RANKING_SCHEMA,
    Failure,
    evidence_table,
    format_table,
    rank,
    write_table,
)
from matcher.read.document import read_text
from matcher.resume.understand import understand
from matcher.rubric.model import Criterion, Rubric
from matcher.scoring.score import score

AS_OF = date(2026, 11, 23)
JOB = Rubric(
    "job-2",
    "Analyst",
    "en",
    (
        Criterion("sql", "tool", "SQL", 2.0, required=True),
        Criterion("excel", "tool", "Excel", 1.5),
        Criterion("python", "skill", "Python", 1.0),
    ),
)
OTHER = Rubric("job-10", "Chef", "en", (Criterion("knife", "skill", "knife skills", 1.0),))


def card(text: str, name: str, rubric: Rubric = JOB):
    doc = read_text(text)
    doc = type(doc)(name, doc.sha256, doc.format, doc.text, doc.pages, doc.warnings)
    return score(understand(doc, AS_OF), rubric)


def cards():
    return [
        card("SQL Excel Python", "a.txt"),
        card("Excel Python", "b.txt"),  # higher than c but ineligible (no SQL)
        card("SQL", "c.txt"),
        card("SQL", "d.txt"),  # ties with c: broken by path
        card("knife skills", "a.txt", OTHER),
    ]


def failure(job: Rubric) -> Failure:
    return Failure(
        "broken.pdf",
        "",
        job.job_id,
        "corrupt_pdf",
        "bad xref",
        job.fingerprint,
        "0",
        AS_OF,
        title=job.title,
    )


def test_schema_is_fixed_whatever_the_rubric() -> None:
    for got in (rank(cards(), [failure(JOB)]), rank([]), rank([], [failure(OTHER)])):
        assert got.schema == pl.Schema(RANKING_SCHEMA)
    assert list(RANKING_SCHEMA) == [
        "job_id", "job_title", "resume", "resume_id", "rank", "score", "eligible", "missing_required",
        "status", "message", "warnings", "rubric_fingerprint", "engine_version", "as_of",
    ]  # fmt: skip


def test_order_eligible_first_then_score_then_path_and_failures_last() -> None:
    df = rank(cards(), [failure(JOB)])
    job = df.filter(pl.col("job_id") == "job-2")
    assert job["resume"].to_list() == ["a.txt", "c.txt", "d.txt", "b.txt", "broken.pdf"]
    assert job["rank"].to_list() == [1, 2, 3, 4, None]
    assert job["eligible"].to_list() == [True, True, True, False, False]
    b = job.row(3, named=True)
    assert b["score"] > job.row(1, named=True)["score"] and b["missing_required"] == ["SQL"]
    bad = job.row(4, named=True)
    assert bad["status"] == "corrupt_pdf" and bad["score"] is None and bad["message"] == "bad xref"
    assert df["job_id"].unique(maintain_order=True).to_list() == ["job-2", "job-10"]  # natural
    # The job's title stands beside its id, on failure rows too (issue 15).
    assert set(job["job_title"]) == {"Analyst"}


def test_order_does_not_depend_on_input_order() -> None:
    base = rank(cards(), [failure(JOB), failure(OTHER)])
    for seed in range(5):
        shuffled = cards()
        random.Random(seed).shuffle(shuffled)
        assert rank(shuffled, [failure(OTHER), failure(JOB)]).equals(base)


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".json", ".ndjson"])
def test_every_format_writes_every_row(tmp_path: Path, suffix: str) -> None:
    df = rank(cards(), [failure(JOB)])
    path = write_table(df, tmp_path / f"r{suffix}")
    back = {
        ".csv": pl.read_csv,
        ".parquet": pl.read_parquet,
        ".json": pl.read_json,
        ".ndjson": pl.read_ndjson,
    }[suffix](path)
    assert back.height == df.height and back.columns == df.columns
    if suffix != ".csv":
        assert back["missing_required"].to_list() == df["missing_required"].to_list()


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="must end in one of"):
        write_table(rank(cards()), tmp_path / "r.xlsx")


def test_evidence_table_is_long_and_holds_misses() -> None:
    ev = evidence_table(cards())
    assert ev.schema == pl.Schema(EVIDENCE_SCHEMA)
    assert ev.height == 4 * 3 + 1
    for col in (
        "term",
        "text",
        "start",
        "end",
        "page",
        "section",
        "method",
        "similarity",
        "credit",
    ):
        assert col in ev.columns
    miss = ev.filter((pl.col("resume") == "c.txt") & (pl.col("criterion_id") == "excel")).row(
        0, named=True
    )
    assert miss["method"] == "none" and miss["start"] == -1 and miss["credit"] == 0
    hit = ev.filter((pl.col("resume") == "a.txt") & (pl.col("criterion_id") == "sql")).row(
        0, named=True
    )
    assert hit["text"] == "SQL" and hit["page"] == 1 and hit["context"] == "listed"
    sums = ev.group_by("job_id", "resume").agg(pl.col("contribution").sum())
    scores = rank(cards()).select("job_id", "resume", "score")
    joined = sums.join(scores, on=["job_id", "resume"])
    assert (joined["contribution"] - joined["score"]).abs().max() < 0.01


def test_format_table_prints_one_block_per_job() -> None:
    text = format_table(rank(cards(), [failure(JOB)]))
    assert text.count("job_id") == 2 and "corrupt_pdf" in text and "SQL" in text


def test_format_table_aligns_chinese_file_names() -> None:
    from matcher.ranking import _width

    rows = [card("SQL Excel", "简历-王晓敏.txt"), card("SQL", "cv.txt")]
    lines = [ln for ln in format_table(rank(rows)).splitlines() if ".txt" in ln]
    # the column after the file name starts at the same terminal column on every line
    starts = [_width(ln[: ln.index("ok")]) for ln in lines]
    assert len(set(starts)) == 1, lines


def test_failure_rows_carry_bounded_messages_without_quoted_content() -> None:
    """Whoever builds the row (a worker quoting an exception), its message is made safe."""
    f = Failure(
        "cv.pdf", "", JOB.job_id, "error", "unexpected KeyError: 'Jane Doe' " + "x" * 500,
        JOB.fingerprint, "0", AS_OF,
    )  # fmt: skip
    assert f.message.startswith("unexpected KeyError: … x") and len(f.message) == 300
    assert rank([], [f])["message"].to_list() == [f.message]


def test_a_failed_write_leaves_the_old_table_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "ranking.csv"
    out.write_text("old", encoding="utf-8")

    def half_then_full(self: pl.DataFrame, file: Path, **kwargs: object) -> None:
        Path(file).write_text("half a tab", encoding="utf-8")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pl.DataFrame, "write_csv", half_then_full)
    with pytest.raises(OSError):
        write_table(rank(cards()), out)
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["ranking.csv"]
