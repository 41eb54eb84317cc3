"""Run: the one place that composes the steps (read, understand, score, rank) over many files.

Input is resume paths (files or folders) and rubrics; output is a ``Run``: the ranking frame, the
score cards and the failure rows. Reading runs in worker processes; a file that cannot be read
becomes one failure row per job and never stops the others.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import polars as pl

from matcher._version import ENGINE_VERSION
from matcher.pipeline.workers import (
    MEMORY_LIMIT,
    OCR_MEMORY_LIMIT,
    READ_TIMEOUT,
    Progress,
    read_data,
    read_many,
)
from matcher.ranking import Failure, evidence_table, rank
from matcher.read.cache import Read, ReadCache
from matcher.read.reader import ocr_enabled
from matcher.resume.blind import blind as blind_document
from matcher.resume.understand import understand
from matcher.rubric.model import Rubric
from matcher.scoring.score import ScoreCard, score_many

# .doc and .rtf are not read, but a folder of resumes that holds them gets a row saying so.
RESUME_SUFFIXES = (".pdf", ".txt", ".md", ".docx", ".json", ".doc", ".rtf", ".png", ".jpg", ".jpeg")


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
    and a run's manifest (``*.manifest.json``, ``*.timings.json``) as a record, not a resume; name it explicitly to score it. A file named twice (directly or through its
    folder) is scored once, under the first name it was given.
    """
    found: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found.extend(
                str(f)
                for f in sorted(path.iterdir())
                if f.is_file()
                and f.suffix.lower() in RESUME_SUFFIXES
                and not f.name.upper().startswith("README")
                and not f.name.endswith((".manifest.json", ".timings.json"))
            )
        else:
            found.append(str(p))
    out: list[str] = []
    seen: set[Path] = set()
    for f in found:
        key = Path(f).resolve()
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def score_reads(
    reads: Iterable[Read], rubrics: Sequence[Rubric], as_of: date, *, blind: bool = False
) -> Run:
    """Understand and score what was read; failed reads become one failure row per job.

    With ``blind``, who the candidate is (``matcher.resume.blind``) is masked in the text
    before it is understood, so scores, evidence and everything shown from them never hold it.
    """
    cards: list[ScoreCard] = []
    failures: list[Failure] = []

    def failed(source: str, resume_id: str, status: str, message: str) -> list[Failure]:
        return [
            Failure(
                source,
                resume_id,
                rb.job_id,
                status,
                message,
                rb.fingerprint,
                ENGINE_VERSION,
                as_of,
                title=rb.title,
            )
            for rb in rubrics
        ]

    for r in reads:
        if r.document is None:
            failures += failed(r.source, "", r.status, r.message)
            continue
        try:
            doc = blind_document(r.document)[0] if blind else r.document
            cards += score_many(understand(doc, as_of), rubrics)
        except Exception as e:  # a bug on one resume costs its rows, not the batch
            message = f"unexpected {type(e).__name__} while understanding or scoring: {e}"
            failures += failed(r.source, r.document.sha256[:12], "error", message)
    return Run(rank(cards, failures), tuple(cards), tuple(failures))


def run(
    paths: Iterable[str | Path],
    rubrics: Sequence[Rubric],
    *,
    as_of: date | None = None,
    jobs: int | None = None,
    cache: Path | None = None,
    timeout: float = READ_TIMEOUT,
    progress: Progress | None = None,
    blind: bool = False,
    ocr: bool = True,
    reader: str = "pdfminer",
) -> Run:
    """Read, understand, score and rank every resume in ``paths`` against every rubric.

    Args:
        paths: resume files or folders of them.
        rubrics: loaded rubrics (``load_rubrics``).
        as_of: the date open roles end at; defaults to today. Fix it for reproducible output.
        jobs: worker processes for reading (default: all cores).
        cache: a folder for cached reads (``default_cache_dir()``), or None to read everything.
        timeout: seconds one file may take to read.
        progress: called as ``progress(done, total)`` as files are read.
        blind: mask who each candidate is before scoring (``matcher.resume.blind``).
        ocr: recognise scanned pages and image resumes when the ``ocr`` extra is installed.
        reader: the PDF character source, ``"pdfminer"`` or ``"pdfium"`` (``read_bytes``).
    """
    as_of = as_of or date.today()
    ocr = ocr_enabled(ocr)
    store = ReadCache(cache, ocr=ocr, reader=reader) if cache is not None else None
    reads = read_many(
        collect_inputs(paths),
        jobs,
        timeout=timeout,
        cache=store,
        progress=progress,
        memory=OCR_MEMORY_LIMIT if ocr else MEMORY_LIMIT,
        reader=functools.partial(read_data, ocr=ocr, reader=reader),
    )
    return score_reads(reads, rubrics, as_of, blind=blind)
