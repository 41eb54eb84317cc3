"""Credits: term credits of many files in bulk in, ranking rows a job at a time out.

Input is what workers found for each file they scored (``FileRows``: per rubric, each
criterion's credit, which criteria are met and the row's warnings), kept in a columnar store
keyed by the file's content hash and the rubric's ``match_key``; output is spool rows
(``spool.SPOOL_SCHEMA``) for every file of a batch whose credits are all stored, made with
column arithmetic, so a warm run or a run with tuned weights reads one table per rubric
instead of one cache entry per file, and no worker starts for those files. The rows equal
``stored.row_of``'s bit for bit (the same float operations in the same order, the rounding
Python's own); ``tests/pipeline/test_credits.py`` holds them together.

The store lives in the cache under the namespace of the scored entries (engine build, how
files were read, ``as_of``), one folder per ``match_key``, as Parquet parts written to a
temporary file and renamed into place: a part is whole or absent, whatever stops a run. A part
that cannot be read, or a row that does not fit its rubric, is a miss: those files are scored
by the workers as before.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from matcher.pipeline.rows import SEP, FileRows
from matcher.pipeline.spool import SPOOL_SCHEMA
from matcher.pipeline.stored import Weights

CREDITS_SCHEMA: dict[str, pl.DataType | type[pl.DataType]] = {
    "sha": pl.String,
    "credits": pl.List(pl.Float64),  # one per criterion, 0.0 where nothing was earned
    "met": pl.String,  # one "0" or "1" per criterion
    "warnings": pl.String,  # the row's warnings (the document's, then the rubric's), by SEP
}

# Parts of one key past which a run merges them into one (each run adds a part per key for
# every flush of files it scored).
COMPACT_AT = 4

# What reading a damaged Parquet file may raise (polars panics on some damage).
_DAMAGED = (OSError, pl.exceptions.PolarsError, pl.exceptions.PanicException)


@dataclass(frozen=True, slots=True)
class CreditStore:
    """The credits of files by content hash, one folder of Parquet parts per ``match_key``.

    ``tmp`` is where parts are written before they are renamed into place (the read cache's
    temporary folder, swept of what killed processes left).
    """

    folder: Path
    tmp: Path

    def add(self, keys: Sequence[str], files: Iterable[FileRows]) -> None:
        """Store the credits of the scored ``files`` for the rubrics whose keys are ``keys``
        (the batch's, in its order); best effort: a store that cannot be written is skipped."""
        got = [f for f in files if f.status == "ok" and len(f.credits) == len(keys)]
        if not got:
            return
        first = {k: j for j, k in reversed(list(enumerate(keys)))}
        for key, j in first.items():
            frame = pl.DataFrame(
                {
                    "sha": [f.sha for f in got],
                    "credits": [f.credits[j] for f in got],
                    "met": [f.met[j] for f in got],
                    "warnings": [f.warnings[j] for f in got],
                },
                schema=CREDITS_SCHEMA,
            )
            self._write(key, frame.unique("sha", keep="first", maintain_order=True))

    def _write(self, key: str, frame: pl.DataFrame) -> None:
        name = f"{os.getpid()}-{time.monotonic_ns()}"
        tmp = self.tmp / f"credits-{name}.tmp"
        try:
            (self.folder / key).mkdir(parents=True, exist_ok=True)
            tmp.parent.mkdir(parents=True, exist_ok=True)
            frame.write_parquet(tmp)
            os.replace(tmp, self.folder / key / f"part-{name}.parquet")
        except (OSError, pl.exceptions.PolarsError):
            with contextlib.suppress(OSError):
                tmp.unlink()

    def parts(self, key: str) -> list[Path]:
        """The parts stored for ``key``."""
        try:
            return sorted((self.folder / key).glob("part-*.parquet"))
        except OSError:
            return []

    def read(self, key: str, n_criteria: int) -> pl.DataFrame:
        """Every valid row stored for ``key`` (one per content hash); damaged parts are skipped,
        rows that do not have ``n_criteria`` criteria are left out."""
        frames = []
        for p in self.parts(key):
            with contextlib.suppress(*_DAMAGED):
                frame = pl.read_parquet(p)
                if frame.schema == CREDITS_SCHEMA:
                    frames.append(frame)
        if not frames:
            return pl.DataFrame(schema=CREDITS_SCHEMA)
        valid = (
            pl.concat(frames)
            .drop_nulls()
            .filter(
                (pl.col("credits").list.len() == n_criteria)
                & (pl.col("met").str.len_bytes() == n_criteria)
            )
        )
        if valid["credits"].explode().null_count():  # only in a part someone changed
            valid = valid.filter(pl.col("credits").list.drop_nulls().list.len() == n_criteria)
        # Each part is written without repeats; parts may repeat each other.
        return valid if len(frames) == 1 else valid.unique("sha", maintain_order=True)

    def compact(self, key: str) -> None:
        """Merge ``key``'s parts into one once there are ``COMPACT_AT`` of them (best effort).

        The merged part is in place before the old ones go, so a reader meanwhile finds every
        row at least once; a part another run adds meanwhile is kept.
        """
        parts = self.parts(key)
        if len(parts) < COMPACT_AT:
            return
        frames = []
        for p in parts:
            with contextlib.suppress(*_DAMAGED):
                frames.append(pl.read_parquet(p))
        frames = [f for f in frames if f.schema == CREDITS_SCHEMA]
        if frames:
            self._write(key, pl.concat(frames).unique("sha", keep="first", maintain_order=True))
        for p in parts:
            with contextlib.suppress(OSError):
                p.unlink()


@dataclass(frozen=True, slots=True)
class Hits:
    """A batch's files whose credits are all stored: their spool rows, job by job."""

    files: frozenset[int]  # indices in the batch of the files scored from the store
    rows: tuple[Path, ...]  # per job, its rows by content hash (Arrow files in the scratch folder)


def stored_rows(
    store: CreditStore,
    keys: Sequence[str],
    weights: Sequence[Weights],
    sources: Sequence[str],
    hashes: Sequence[str | None],
    scratch: Path,
) -> Hits:
    """The rows of every file of ``sources`` (``hashes``: their content hashes, None when
    unknown) whose credits are stored for every rubric (``keys``, ``weights``: the batch's).

    Each key's table is read once: its rows for this batch are made for every rubric with
    that key and kept in ``scratch`` while the other keys are read, since a file is scored
    from the store only when every key has it.
    """
    shas = pl.DataFrame({"sha": hashes}, schema={"sha": pl.String}).drop_nulls().unique()
    scratch.mkdir(parents=True, exist_ok=True)
    found = shas  # the contents every key read so far has
    made: list[Path] = []
    table, table_key = pl.DataFrame(schema=CREDITS_SCHEMA), None
    for j, (key, w) in enumerate(zip(keys, weights, strict=True)):
        if key != table_key:  # a tuned copy next to its rubric reuses the table
            table = store.read(key, len(w.weights)).join(shas, on="sha", how="semi")
            table_key = key
            found = found.join(table.select("sha"), on="sha", how="semi")
        if found.is_empty():
            return Hits(frozenset(), ())
        path = scratch / f"stored-{j:06d}.arrow"
        job_rows(table, w).write_ipc(path, compression="uncompressed")
        made.append(path)
    files = pl.DataFrame({"index": range(len(sources)), "sha": hashes})
    hit = files.join(found, on="sha", how="semi")
    return Hits(frozenset(hit["index"].to_list()), tuple(made))


def job_rows(table: pl.DataFrame, w: Weights) -> pl.DataFrame:
    """Rows of one rubric for stored credits (``sha``, ``credits``, ``met``, ``warnings``):
    ``sha``, ``score``, ``eligible``, ``missing_required``, ``warnings``.

    The score is ``stored.row_of``'s, bit for bit: each criterion's ``100 * w * credit /
    total`` in the same order of operations (dividing by a column, see ``_full``), added in
    criterion order from 0.0 (a criterion that earned nothing adds 0.0, which changes no
    sum), then rounded as Python rounds (``round2``).
    """
    score: pl.Expr = pl.lit(0.0)
    if w.total > 0:
        table = table.with_columns(_full("total", w.total, table.height))
        for i, weight in enumerate(w.weights):
            credit = pl.col("credits").list.get(i)
            score = score + (pl.lit(100.0 * weight) * credit) / pl.col("total")
    unmet = [(pl.col("met").str.slice(i, 1) != "1", label) for i, label in w.required]
    missing = (
        pl.concat_str(
            [pl.when(u).then(pl.lit(label)) for u, label in unmet],
            separator=SEP,
            ignore_nulls=True,
        )
        if unmet
        else pl.lit("")
    )
    eligible = ~pl.any_horizontal([u for u, _ in unmet]) if unmet else pl.lit(True)
    out = table.select(
        "sha",
        score.alias("score"),
        eligible.alias("eligible"),
        missing.alias("missing_required"),
        "warnings",
    )
    return out.with_columns(round2(out["score"]))


def round2(scores: pl.Series) -> pl.Series:
    """Python's ``round(x, 2)`` of each score, bit for bit, mostly in columns.

    ``round(x, 2)`` is the double nearest to ``n / 100``, ``n`` the integer nearest to the
    exact ``100 * x``; ``n / 100.0`` is that double (IEEE division rounds correctly). ``100 *
    x`` in floats is off the exact product by under 1e-11 for a score (at most 100), so the
    column's own rounding finds ``n`` unless the product lies within 1e-6 of a half; those few
    (and anything not finite) are rounded by Python.
    """
    y = scores * 100.0
    near = ((y - y.floor() - 0.5).abs() < 1e-6) | ~y.is_finite()
    out = (y.round(0) / _full("", 100.0, y.len())).alias(scores.name)
    if near.any():
        idx = near.arg_true()
        out = out.scatter(idx, [round(x, 2) for x in scores.gather(idx).to_list()])
    return out


def _full(name: str, value: float, n: int) -> pl.Series:
    """A column of ``n`` times ``value``, to divide by: polars divides by a scalar (a literal,
    even broadcast) by multiplying with its reciprocal, which is off by an ulp for four
    values in ten; it divides by a column as Python divides."""
    return pl.Series(name, [value] * n, dtype=pl.Float64)


def spool_part(path: Path, job: int, hits: pl.DataFrame) -> pl.DataFrame:
    """Job ``job``'s rows of ``hits`` (``resume``, ``sha``: the files scored from the store)
    from its stored rows at ``path``, in spool form."""
    rows = pl.read_ipc(path)
    return (
        hits.join(rows, on="sha", how="inner")
        .with_columns(
            pl.lit(job, dtype=pl.Int32).alias("job"),
            pl.col("sha").str.slice(0, 12).alias("resume_id"),
            pl.lit("ok").alias("status"),
            pl.lit("").alias("message"),
        )
        .select(list(SPOOL_SCHEMA))
        .cast(dict(SPOOL_SCHEMA))  # type: ignore[arg-type]
    )
