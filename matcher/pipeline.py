"""Pipeline: the one place that composes the steps (read, understand, score, rank) over many files.

Input is resume paths (files or folders) and rubrics; output is a ``Run``: the ranking frame, the
score cards and the failure rows. Reading runs in worker processes; a file that cannot be read
becomes one failure row per job and never stops the others.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import polars as pl

from matcher.errors import MatcherError
from matcher.ranking import Failure, evidence_table, rank
from matcher.read import Document, read_document
from matcher.resume import understand
from matcher.rubric import Rubric
from matcher.scoring import ENGINE_VERSION, ScoreCard, score_many

RESUME_SUFFIXES = (".pdf", ".txt", ".md", ".docx")


@dataclass(frozen=True, slots=True)
class Read:
    """What reading one input gave: a document, or the status and message of why not."""

    source: str
    document: Document | None
    status: str = "ok"
    message: str = ""


@dataclass(frozen=True, slots=True)
class Run:
    """A batch scored: the ranking frame, the cards behind it and the failures in it."""

    ranking: pl.DataFrame
    cards: tuple[ScoreCard, ...]
    failures: tuple[Failure, ...]

    def evidence(self) -> pl.DataFrame:
        """The long evidence frame of this run (see ``ranking.evidence_table``)."""
        return evidence_table(self.cards)


def collect_inputs(paths: Iterable[str | Path]) -> list[str]:
    """Paths as given; a folder stands for its resume files (sorted, not recursive).

    In a folder, a file whose name starts with ``README`` is taken as the folder's own notes,
    not a resume; name it explicitly to score it.
    """
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(
                str(f)
                for f in sorted(path.iterdir())
                if f.is_file()
                and f.suffix.lower() in RESUME_SUFFIXES
                and not f.name.upper().startswith("README")
            )
        else:
            out.append(str(p))
    return out


def read_one(source: str) -> Read:
    """Read one resume file; never raises (an unexpected error becomes status ``error``)."""
    try:
        return Read(source, read_document(source))
    except MatcherError as e:
        return Read(source, None, e.status, e.message)
    except Exception as e:  # a reader bug must cost one row, not the batch
        return Read(source, None, "error", f"unexpected {type(e).__name__}: {e}")


def read_many(sources: Sequence[str], jobs: int | None = None) -> list[Read]:
    """Read files in input order, in ``jobs`` worker processes (default: all cores)."""
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or len(sources) < 3:
        return [read_one(s) for s in sources]
    with ProcessPoolExecutor(max_workers=min(jobs, len(sources))) as pool:
        return list(pool.map(read_one, sources, chunksize=max(1, len(sources) // (jobs * 4))))


def score_reads(reads: Iterable[Read], rubrics: Sequence[Rubric], as_of: date) -> Run:
    """Understand and score what was read; failed reads become one failure row per job."""
    cards: list[ScoreCard] = []
    failures: list[Failure] = []
    for r in reads:
        if r.document is None:
            failures += [
                Failure(
                    r.source,
                    "",
                    rb.job_id,
                    r.status,
                    r.message,
                    rb.fingerprint,
                    ENGINE_VERSION,
                    as_of,
                )
                for rb in rubrics
            ]
            continue
        cards += score_many(understand(r.document, as_of), rubrics)
    return Run(rank(cards, failures), tuple(cards), tuple(failures))


def run(
    paths: Iterable[str | Path],
    rubrics: Sequence[Rubric],
    *,
    as_of: date | None = None,
    jobs: int | None = None,
) -> Run:
    """Read, understand, score and rank every resume in ``paths`` against every rubric.

    Args:
        paths: resume files or folders of them.
        rubrics: loaded rubrics (``load_rubrics``).
        as_of: the date open roles end at; defaults to today. Fix it for reproducible output.
        jobs: worker processes for reading (default: all cores).
    """
    as_of = as_of or date.today()
    return score_reads(read_many(collect_inputs(paths), jobs), rubrics, as_of)
