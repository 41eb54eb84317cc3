"""Ranking: ``ScoreCard`` values and failure rows in, polars tables out, written as CSV/Parquet/JSON.

Input is score cards and ``Failure`` rows; output is the ranking frame (one row per resume and
job, fixed schema whatever the rubric) and the long evidence frame (one row per resume, job and
criterion). Column names and types are declared once, here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

import polars as pl

from matcher.errors import safe_message
from matcher.files import atomic_write
from matcher.scoring.score import ScoreCard

# Columns only grow (the CLI contract): ``job_title`` came after the first release's columns,
# beside the id it names, so a person reading the table sees the job, not a hash.
RANKING_SCHEMA: dict[str, pl.DataType | type[pl.DataType]] = {
    "job_id": pl.String,
    "job_title": pl.String,
    "resume": pl.String,
    "resume_id": pl.String,
    "rank": pl.Int64,
    "score": pl.Float64,
    "eligible": pl.Boolean,
    "missing_required": pl.List(pl.String),
    "status": pl.String,
    "message": pl.String,
    "warnings": pl.List(pl.String),
    "rubric_fingerprint": pl.String,
    "engine_version": pl.String,
    "as_of": pl.String,
}

EVIDENCE_SCHEMA: dict[str, pl.DataType | type[pl.DataType]] = {
    "job_id": pl.String,
    "resume": pl.String,
    "resume_id": pl.String,
    "criterion_id": pl.String,
    "label": pl.String,
    "kind": pl.String,
    "weight": pl.Float64,
    "required": pl.Boolean,
    "method": pl.String,
    "term": pl.String,
    "text": pl.String,
    "start": pl.Int64,
    "end": pl.Int64,
    "page": pl.Int64,
    "section": pl.String,
    "similarity": pl.Float64,
    "credit": pl.Float64,
    "contribution": pl.Float64,
    "met": pl.Boolean,
    "context": pl.String,
    "snippet": pl.String,  # the line around the match (added after 0.1.0: the last column)
}

FORMATS = (".csv", ".parquet", ".json", ".ndjson")


@dataclass(frozen=True, slots=True)
class Failure:
    """A resume that could not be scored against a job: it still gets a row.

    ``message`` is kept as ``errors.safe_message`` makes it (bounded, no quoted content),
    whoever built the row.
    """

    resume: str
    resume_id: str
    job_id: str
    status: str
    message: str
    rubric_fingerprint: str
    engine_version: str
    as_of: date
    title: str = ""  # the job's title (the ranking's ``job_title``)

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", safe_message(self.message))


def rank(cards: Iterable[ScoreCard], failures: Iterable[Failure] = ()) -> pl.DataFrame:
    """The ranking frame: within each job, eligible before ineligible, then score, then resume.

    Scores are rounded to 2 decimals; ties break by resume path, then resume id, so the order is
    the same whatever order the cards come in. An ineligible resume never ranks above an
    eligible one, whatever its score. Failure rows keep their ``status`` and ``message`` and
    have no rank or score; they come last in their job.

    >>> rank([]).columns == list(RANKING_SCHEMA)
    True
    """
    rows = [
        {
            "job_id": c.job_id,
            "job_title": c.title,
            "resume": c.resume,
            "resume_id": c.resume_id,
            "rank": None,
            "score": round(c.score, 2),
            "eligible": c.eligible,
            "missing_required": list(c.missing_required),
            "status": "ok",
            "message": "",
            "warnings": list(c.warnings),
            "rubric_fingerprint": c.rubric_fingerprint,
            "engine_version": c.engine_version,
            "as_of": c.as_of.isoformat(),
        }
        for c in cards
    ]
    rows += [
        {
            "job_id": f.job_id,
            "job_title": f.title,
            "resume": f.resume,
            "resume_id": f.resume_id,
            "rank": None,
            "score": None,
            "eligible": False,
            "missing_required": [],
            "status": f.status,
            "message": f.message,
            "warnings": [],
            "rubric_fingerprint": f.rubric_fingerprint,
            "engine_version": f.engine_version,
            "as_of": f.as_of.isoformat(),
        }
        for f in failures
    ]
    df = pl.DataFrame(rows, schema=RANKING_SCHEMA)
    ok = pl.col("status") == "ok"
    order = {j: i for i, j in enumerate(sorted(set(df["job_id"]), key=natural_key))}
    job_order = pl.col("job_id").replace_strict(order, return_dtype=pl.Int64)
    df = df.sort(
        [
            job_order,
            ~ok,
            ~pl.col("eligible"),
            pl.col("score").fill_null(-1.0),
            "resume",
            "resume_id",
        ],
        descending=[False, False, False, True, False, False],
    )
    return df.with_columns(
        pl.when(ok)
        .then(pl.int_range(1, pl.len() + 1).over("job_id"))
        .otherwise(None)
        .cast(pl.Int64)
        .alias("rank")
    )


def required_walls(ranking: pl.DataFrame) -> list[str]:
    """A line for each required criterion that no scored resume of its job meets: a wall a
    recruiter should see before acting on the ranking ("0 of 230 resumes meet required
    'finance'").

    >>> from matcher.rubric.model import Criterion, Rubric
    >>> from matcher.scoring.score import score
    >>> from matcher.read.document import read_text
    >>> from matcher.resume.understand import understand
    >>> rubric = Rubric("j", "t", "en", (Criterion("x", "tool", "COBOL", 1.0, required=True),))
    >>> cards = [score(understand(read_text(t), date(2026, 1, 1)), rubric) for t in ("SQL", "Go")]
    >>> required_walls(rank(cards))
    ["job j: 0 of 2 resumes meet required 'COBOL'"]
    """
    ok = ranking.filter(pl.col("status") == "ok")
    out = []
    for (job,), rows in ok.group_by(["job_id"], maintain_order=True):
        n = rows.height
        missing = rows["missing_required"].explode().drop_nulls().value_counts()
        for label, count in missing.iter_rows():
            if count == n:
                out.append(f"job {job}: 0 of {n} resumes meet required {label!r}")
    return sorted(out, key=natural_key)


def natural_key(s: str) -> tuple[tuple[int, int | str], ...]:
    """The sort key of job ids: "job-2" before "job-10" (``rank``, ``evidence_table``, tuning).

    >>> sorted(["job-10", "job-2", "job-1"], key=natural_key)
    ['job-1', 'job-2', 'job-10']
    """
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"(\d+)", s) if p)


def evidence_table(cards: Iterable[ScoreCard]) -> pl.DataFrame:
    """The long evidence frame: one row per (resume, job, criterion), misses included."""
    # Evidence's own fields are the table's columns after the three that name the pair.
    rows = [
        {
            "job_id": c.job_id,
            "resume": c.resume,
            "resume_id": c.resume_id,
            **asdict(e),
            "contribution": round(e.contribution, 4),
        }
        for c in cards
        for e in c.evidence
    ]
    df = pl.DataFrame(rows, schema=EVIDENCE_SCHEMA)
    order = {j: i for i, j in enumerate(sorted(set(df["job_id"]), key=natural_key))}
    return df.sort(
        [pl.col("job_id").replace_strict(order, return_dtype=pl.Int64), "resume", "criterion_id"]
    )


def _flat(df: pl.DataFrame) -> pl.DataFrame:
    """List columns joined with "; " for formats that hold no lists (CSV, a printed table)."""
    return df.with_columns(
        pl.col(c).list.join("; ") for c, t in df.schema.items() if isinstance(t, pl.List)
    )


def write_table(df: pl.DataFrame, path: str | Path, *, excel: bool = False) -> Path:
    """Write ``df`` in the format its extension names (.csv, .parquet, .json, .ndjson).

    The table is written to a temporary file in the same folder and renamed over ``path``
    when complete (``files.atomic_write``): a full disk leaves the old file or none.

    ``excel``: a CSV starts with a byte-order mark, without which Excel reads UTF-8 as the
    local code page and garbles Chinese; off by default, as other readers may keep the mark
    as part of the first column's name. Raises ``ValueError`` for another extension,
    ``OSError`` or polars' errors when the file cannot be written.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    writers = {
        ".csv": lambda tmp: _flat(df).write_csv(tmp, include_bom=excel),
        ".parquet": lambda tmp: df.write_parquet(tmp, statistics=False),
        # polars' write_json ignores a failed final write (a full disk left a truncated file
        # and no error): the text is made in memory and written by Python, which raises.
        ".json": lambda tmp: tmp.write_text(df.write_json(), encoding="utf-8"),
        ".ndjson": lambda tmp: df.write_ndjson(tmp),
    }
    if suffix not in writers:
        raise ValueError(f"{p}: output must end in one of {', '.join(FORMATS)}")
    return atomic_write(p, writers[suffix])


def csv_text(df: pl.DataFrame, *, excel: bool = False) -> str:
    """``df`` as the CSV text ``write_table`` writes (for ``-o -``: the table on stdout).

    >>> csv_text(pl.DataFrame({"job_id": ["j"], "warnings": [["a", "b"]]}))
    'job_id,warnings\\nj,a; b\\n'
    """
    return _flat(df).write_csv(include_bom=excel)


def format_table(
    df: pl.DataFrame,
    columns: Sequence[str] = (
        "job_id",
        "rank",
        "score",
        "eligible",
        "resume",
        "status",
        "missing_required",
    ),
) -> str:
    """A plain-text table for a terminal: one block per job, under the job's id and title."""
    flat = _flat(df.select(columns))
    out: list[str] = []
    widths = {
        c: max(len(c), *(_width(_cell(v)) for v in flat[c])) if len(flat) else len(c)
        for c in columns
    }
    header = "  ".join(_pad(c, widths[c]) for c in columns)
    titles = dict(zip(df["job_id"], df["job_title"], strict=True)) if "job_title" in df else {}
    last_job = None
    for row in flat.iter_rows(named=True):
        if row["job_id"] != last_job:
            if out:
                out.append("")
            if titles.get(row["job_id"]):  # a person reads the job's title, not its id
                out.append(f"{row['job_id']}  {titles[row['job_id']]}")
            out += [header, "  ".join("-" * widths[c] for c in columns)]
            last_job = row["job_id"]
        out.append("  ".join(_pad(_cell(row[c]), widths[c]) for c in columns).rstrip())
    return "\n".join(out)


def _width(text: str) -> int:
    """Terminal columns ``text`` takes: wide (CJK) characters take two.

    >>> _width("简历.pdf"), _width("cv.pdf")
    (8, 6)
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _cell(v: object) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.1f}"
    if isinstance(v, bool):
        return "yes" if v else "no"
    return str(v)
