"""Spool: ``FileRows`` in as files finish, the ranking (and evidence) tables out, job by job.

Rows are written to Parquet parts in a folder as they come (every ``FLUSH_EVERY`` files), so a
batch holds at most that many files' rows in memory whatever its size. At the end each job's
rows are read back, ranked (``ranking.rank``'s order, which depends on the rows only, never on
the order files finished in) and written out one job after another: CSV and NDJSON appended,
JSON as one array, Parquet through polars' streaming sink. With ``top``, only the best rows of a
job are kept while it is read (polars' top-k), failure rows always. The same bytes come out
whatever the number of workers, the order of arrival or a resumed run.
"""

from __future__ import annotations

import hashlib
import io
import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from itertools import chain, repeat
from pathlib import Path
from typing import IO, Any

import polars as pl

from matcher._version import ENGINE_VERSION
from matcher.pipeline.rows import SEP, FileRows
from matcher.ranking import (
    EVIDENCE_SCHEMA,
    FORMATS,
    RANKING_SCHEMA,
    _flat,
    csv_text,
    natural_key,
)
from matcher.rubric.model import Rubric

# Files whose rows are held in memory before they are written to a part; with evidence
# (one row per criterion, some 1,000 a file at 50 rubrics), at most this many evidence rows.
FLUSH_EVERY = 2000
FLUSH_EVIDENCE = 100_000


# The spooled rows: the ranking columns but those that are the same for a whole job.
SPOOL_SCHEMA: dict[str, pl.DataType | type[pl.DataType]] = {
    "job": pl.Int32,
    "resume": pl.String,
    "resume_id": pl.String,
    "score": pl.Float64,
    "eligible": pl.Boolean,
    "missing_required": pl.String,
    "status": pl.String,
    "message": pl.String,
    "warnings": pl.String,
}


class Spool:
    """A batch's rows on disk in ``folder`` (which it owns and removes on ``close``)."""

    def __init__(
        self, folder: Path, rubrics: Sequence[Rubric], as_of: date, evidence: bool = False
    ) -> None:
        self.folder = folder
        self.rubrics = tuple(rubrics)
        self.as_of = as_of
        self.evidence = evidence
        self.buffer: list[FileRows] = []
        self.held = 0  # evidence rows in the buffer
        self.parts = 0
        self.failed: list[tuple[str, str, str]] = []  # (source, status, message) per file
        folder.mkdir(parents=True, exist_ok=True)

    def add(self, rows: FileRows) -> None:
        """Take one file's rows; written to disk every ``FLUSH_EVERY`` files."""
        self.buffer.append(rows)
        self.held += len(rows.evidence)
        if len(self.buffer) >= FLUSH_EVERY or self.held >= FLUSH_EVIDENCE:
            self.flush()

    def flush(self) -> None:
        """Write the rows held in memory as one part (and one evidence part)."""
        if not self.buffer:
            return
        buf, self.buffer, self.held = self.buffer, [], 0
        self.add_part(
            spool_frame(buf, len(self.rubrics)), evidence_frame(buf) if self.evidence else None
        )

    def add_part(self, rows: pl.DataFrame, evidence: pl.DataFrame | None = None) -> None:
        """Write rows already in spool form (from ``spool_frame``, e.g. a cluster partition)."""
        failed = rows.filter((pl.col("job") == 0) & (pl.col("status") != "ok"))
        self.failed += failed.select("resume", "status", "message").rows()
        n = self.parts
        self.parts += 1
        # Rows come sorted by job, the same number for each (or one job's, from the credit
        # store): one row group per job, so ranking a job reads its own row groups only
        # (Parquet statistics).
        per_job = max(1, rows.height // max(1, rows["job"].n_unique()))
        rows.write_parquet(
            self.folder / f"rows-{n:06d}.parquet", statistics=True, row_group_size=per_job
        )
        if evidence is not None:
            evidence.write_parquet(self.folder / f"evidence-{n:06d}.parquet", statistics=True)

    def _scan(self, kind: str, schema: dict[str, Any]) -> pl.LazyFrame:
        self.flush()
        if not self.parts:
            return pl.LazyFrame(schema=schema)
        return pl.scan_parquet(self.folder / f"{kind}-*.parquet")

    def jobs(self) -> list[int]:
        """Rubric indices in the order jobs are written: by job id, naturally ("job-2" < "job-10")."""
        return sorted(range(len(self.rubrics)), key=lambda j: natural_key(self.rubrics[j].job_id))

    def ranked(self, j: int, top: int | None = None) -> pl.DataFrame:
        """Job ``j``'s ranking rows (``ranking.RANKING_SCHEMA``), best first, failures last."""
        rubric = self.rubrics[j]
        rows = self._scan("rows", SPOOL_SCHEMA).filter(pl.col("job") == j)
        ok = rows.filter(pl.col("status") == "ok").sort(
            [~pl.col("eligible"), "score", "resume", "resume_id"],
            descending=[False, True, False, False],
        )
        if top is not None:
            ok = ok.head(top)
        failed = rows.filter(pl.col("status") != "ok").sort("resume", "resume_id")
        ok = ok.with_columns(pl.int_range(1, pl.len() + 1, dtype=pl.Int64).alias("rank"))
        failed = failed.with_columns(pl.lit(None, dtype=pl.Int64).alias("rank"))
        both = pl.concat([ok, failed])
        lists = {
            c: pl.when(pl.col(c) == "")
            .then(pl.lit([], dtype=pl.List(pl.String)))
            .otherwise(pl.col(c).str.split(SEP))
            for c in ("missing_required", "warnings")
        }
        return (
            both.with_columns(
                pl.lit(rubric.job_id).alias("job_id"),
                pl.lit(rubric.title).alias("job_title"),
                pl.lit(rubric.fingerprint).alias("rubric_fingerprint"),
                pl.lit(ENGINE_VERSION).alias("engine_version"),
                pl.lit(self.as_of.isoformat()).alias("as_of"),
                **lists,
            )
            .select(list(RANKING_SCHEMA))
            .cast(dict(RANKING_SCHEMA))  # type: ignore[arg-type]
            .collect()
        )

    def ranking(self, top: int | None = None) -> Iterator[pl.DataFrame]:
        """Every job's ranking rows, job after job."""
        for j in self.jobs():
            yield self.ranked(j, top)

    def evidence_of(self, j: int) -> pl.DataFrame:
        """Job ``j``'s evidence rows (``ranking.EVIDENCE_SCHEMA``), by resume and criterion."""
        job_id = self.rubrics[j].job_id
        return (
            self._scan("evidence", EVIDENCE_SCHEMA)
            .filter(pl.col("job_id") == job_id)
            .sort("resume", "criterion_id")
            .collect()
        )

    def write_ranking(
        self, out: Path, top: int | None = None, *, excel: bool = False
    ) -> tuple[int, str]:
        """Write the ranking to ``out`` in the format its extension names; return its rows and
        the sha256 of the ranking as plain CSV (``manifest.table_sha256`` of the whole table,
        made job by job)."""
        rows, frames = 0, 0
        digest = hashlib.sha256()

        def counted() -> Iterator[pl.DataFrame]:
            nonlocal rows, frames
            for df in self.ranking(top):
                text = csv_text(df)  # the header once, then each job's lines
                digest.update((text if frames == 0 else text.split("\n", 1)[1]).encode("utf-8"))
                rows, frames = rows + df.height, frames + 1
                yield df

        write_frames(counted(), out, self.folder / "out-ranking", excel=excel)
        if frames == 0:
            digest.update(csv_text(self.table(top)).encode("utf-8"))
        return rows, digest.hexdigest()

    def write_evidence(self, out: Path, *, excel: bool = False) -> Path:
        """Write the evidence table to ``out`` in the format its extension names."""
        frames = (self.evidence_of(j) for j in self.jobs())
        return write_frames(frames, out, self.folder / "out-evidence", excel=excel)

    def walls(self) -> tuple[str, ...]:
        """``ranking.required_walls`` of the whole ranking (before ``top``), job by job."""
        out = []
        for j in self.jobs():
            ok = self._scan("rows", SPOOL_SCHEMA).filter(
                (pl.col("job") == j) & (pl.col("status") == "ok")
            )
            n, missing = pl.collect_all(
                [
                    ok.select(pl.len()),
                    ok.select(pl.col("missing_required").str.split(SEP).explode())
                    .filter(pl.col("missing_required") != "")
                    .group_by("missing_required")
                    .len(),
                ]
            )
            total = n.item()
            job = self.rubrics[j].job_id
            out += [
                f"job {job}: 0 of {total} resumes meet required {label!r}"
                for label, count in missing.iter_rows()
                if count == total
            ]
        return tuple(sorted(out, key=natural_key))

    def table(self, top: int | None = None) -> pl.DataFrame:
        """The whole ranking in memory (for a readable table or a small batch)."""
        frames = list(self.ranking(top))
        return pl.concat(frames) if frames else pl.DataFrame(schema=RANKING_SCHEMA)

    def close(self) -> None:
        """Remove the spool folder."""
        self.buffer = []
        shutil.rmtree(self.folder, ignore_errors=True)


def spool_frame(files: Sequence[FileRows], n_jobs: int) -> pl.DataFrame:
    """The spool rows of ``files``: one per file and job (columns joined at C speed)."""
    blank_scores: tuple[float | None, ...] = (None,) * n_jobs
    blank_flags, blank_text = (False,) * n_jobs, ("",) * n_jobs
    ok = [f.status == "ok" for f in files]

    def flat(values: Iterable[Iterable[Any]]) -> list[Any]:
        return list(chain.from_iterable(values))

    def each(value: Callable[[FileRows], Any]) -> list[Any]:
        return flat(repeat(value(f), n_jobs) for f in files)

    df = pl.DataFrame(
        {
            "job": list(range(n_jobs)) * len(files),
            "resume": each(lambda f: f.source),
            "resume_id": each(lambda f: f.resume_id),
            "score": flat(f.scores if k else blank_scores for f, k in zip(files, ok, strict=True)),
            "eligible": flat(
                f.eligible if k else blank_flags for f, k in zip(files, ok, strict=True)
            ),
            "missing_required": flat(
                f.missing if k else blank_text for f, k in zip(files, ok, strict=True)
            ),
            "status": each(lambda f: f.status),
            "message": each(lambda f: f.message),
            "warnings": flat(
                f.warnings if k else blank_text for f, k in zip(files, ok, strict=True)
            ),
        },
        schema=SPOOL_SCHEMA,
    )
    return df.sort("job", maintain_order=True)


def evidence_frame(files: Sequence[FileRows]) -> pl.DataFrame:
    """The evidence rows of ``files`` (those that kept them)."""
    rows = [e for f in files for e in f.evidence]
    return pl.DataFrame(rows, schema=EVIDENCE_SCHEMA, orient="row")


def write_frames(
    frames: Iterator[pl.DataFrame], out: Path, scratch: Path, *, excel: bool = False
) -> Path:
    """Write frames one after another to ``out`` as one table (format from its extension).

    CSV and NDJSON are appended frame by frame; JSON is one array (the bytes polars writes
    for the whole table); Parquet parts go to ``scratch`` and polars' streaming sink joins
    them, so no format needs the whole table in memory. ``excel``: a CSV starts with a
    byte-order mark (``ranking.write_table``).
    """
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{out}: output must end in one of {', '.join(FORMATS)}")
    if suffix == ".parquet":
        scratch.mkdir(parents=True, exist_ok=True)
        parts = []
        schema = None
        for k, df in enumerate(frames):
            schema = df.schema
            if df.height:
                parts.append(scratch / f"{k:06d}.parquet")
                df.write_parquet(parts[-1], statistics=False)
        try:
            if parts:
                pl.scan_parquet(parts).sink_parquet(out, statistics=False, row_group_size=65536)
            else:
                pl.DataFrame(schema=schema or RANKING_SCHEMA).write_parquet(out, statistics=False)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        return out
    with out.open("wb") as f:
        _write_text(frames, f, suffix, excel)
    return out


def _write_text(
    frames: Iterator[pl.DataFrame], f: IO[bytes], suffix: str, excel: bool = False
) -> None:
    first = True
    if suffix == ".json":
        f.write(b"[")
    for df in frames:
        if suffix == ".csv":
            if first or df.height:
                _flat(df).write_csv(f, include_header=first, include_bom=excel and first)
                first = False
        elif suffix == ".ndjson":
            df.write_ndjson(f)
        else:
            for line in _ndjson_lines(df):
                if not first:
                    f.write(b",")
                f.write(line)
                first = False
    if suffix == ".json":
        f.write(b"]")


def _ndjson_lines(df: pl.DataFrame) -> Iterator[bytes]:
    if not df.height:
        return
    buf = io.BytesIO()
    df.write_ndjson(buf)
    yield from buf.getvalue().splitlines()
